"""Where the course lives: the one place that defines its public home.

The Colab badges, the Colab bootstrap cell and the README's chapter table are all generated from the
constants here (see tools/notebooks.py), so moving the course means changing this file only.
"""

GITHUB_REPOSITORY = "udlcourse/udlcourse"
BRANCH = "main"

REPOSITORY_URL = f"https://github.com/{GITHUB_REPOSITORY}"
PIP_INSTALL_TARGET = f"udlcourse @ git+{REPOSITORY_URL}@{BRANCH}"


def colab_url(notebook_path: str) -> str:
    """Return the URL that opens ``notebook_path`` (relative to the repository root) in Google Colab."""
    if not notebook_path.endswith(".ipynb") or notebook_path.startswith("/"):
        raise ValueError(
            f"notebook_path must be a relative path to an .ipynb file, got {notebook_path!r}"
        )
    return f"https://colab.research.google.com/github/{GITHUB_REPOSITORY}/blob/{BRANCH}/{notebook_path}"

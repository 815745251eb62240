"""Sphinx configuration of the web edition (tools/site.py copies it into the generated source folder).

The pages are the executed worked notebooks: myst-nb renders their saved outputs and never runs them.
Everything a page needs is served from the site itself (MathJax included), so it reads offline.
"""

import re

project = "Understanding Deep Learning: the notebook course"
author = "the udlcourse authors"
copyright = "the udlcourse authors; prose and figures CC BY 4.0, code MIT"

extensions = ["myst_nb"]
exclude_patterns = ["_extra", "_static", "**.ipynb_checkpoints"]

# The notebooks were executed by tools.notebooks.execute_fresh (papermill); here they are only rendered.
nb_execution_mode = "off"
nb_output_stderr = "show"
nb_merge_streams = True
nb_ipywidgets_js = {}  # no widget state is saved headless; never load widget scripts from a CDN
nb_code_prompt_show = "Show code cell {type}"
myst_enable_extensions = ["dollarmath", "amsmath"]
myst_heading_anchors = 3
suppress_warnings = ["mystnb.unknown_mime_type"]

# MathJax 3 from the site itself (tools/site.py copies it from the sphinx-mathjax-offline package).
mathjax_path = "mathjax/tex-chtml-full.js"
# Its fonts load from output/chtml/fonts/woff-v2 beside the script; no menu (it would fetch more scripts).
mathjax3_config = {"options": {"enableMenu": False}}

html_theme = "sphinx_book_theme"
html_title = "Understanding Deep Learning: the notebook course"
html_static_path = ["_static"]
html_extra_path = ["_extra"]
html_css_files = ["udlcourse.css"]
html_copy_source = False
html_show_sourcelink = False
html_last_updated_fmt = None
html_context = {
    "default_mode": "light"
}  # matplotlib's figures are drawn on white; the reader can switch
html_theme_options = {
    "home_page_in_toc": True,
    "show_toc_level": 2,
    "use_download_button": False,
    "use_fullscreen_button": False,
    "use_repository_button": False,
    "show_navbar_depth": 1,
    "navigation_with_keys": False,
}


def _keep_outputs_beside_the_sources(app):
    """myst-nb writes the notebooks' images to <outdir>/../jupyter_execute (that would be build/jupyter_execute);
    keep them beside the doctrees instead (build/site-work/), outside the source folder."""
    from pathlib import Path

    folder = Path(app.doctreedir).parent / "jupyter_execute"
    app.env.mystnb_config = app.env.mystnb_config.copy(output_folder=str(folder.resolve()))


_TAG = re.compile(r"\\tag\*?\{[^{}]*\}")


def _numbered_equations_as_in_jupyter(app, doctree):
    r"""Sphinx wraps a display equation that has line breaks (``\\``) in ``split``, where MathJax refuses a
    ``\tag``: an equation numbered as in the book, ``$$ ... \tag{3.2} $$``, then shows an error. Give such an
    equation to MathJax as JupyterLab does, whole: in ``equation*``, with the tag outside the ``split``."""
    from docutils import nodes

    for node in doctree.findall(nodes.math_block):
        text = node.astext()
        if node.get("nowrap") or not _TAG.search(text) or "\n\n" in text.strip():
            continue
        tags = _TAG.findall(text)
        body = _TAG.sub("", text).strip()
        if "\\\\" in body and "\\begin{" not in body:
            body = "\\begin{split}" + body + "\\end{split}"
        node.children = [
            nodes.Text("\\begin{equation*}" + body + "".join(tags) + "\\end{equation*}")
        ]
        node["nowrap"] = True


def setup(app):
    app.connect("builder-inited", _keep_outputs_beside_the_sources, priority=900)
    app.connect("doctree-read", _numbered_equations_as_in_jupyter)

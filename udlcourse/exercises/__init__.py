"""Every exercise of the course, by number ("2.1" is chapter 2's first exercise).

Each chapter module ``chNN.py`` in this package lists its exercises in ``EXERCISES``: test inputs, hint,
tolerances, and the reference solution from :mod:`udlcourse.solutions` (generated from the worked notebook).
The modules are found by name, so a new chapter needs no edit here.
:func:`udlcourse.check.check` looks them up in :data:`EXERCISES`.
"""

import importlib
import pkgutil
import re

from udlcourse.check import Exercise

CHAPTERS = tuple(
    importlib.import_module(f"{__name__}.{module.name}")
    for module in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name)
    if re.fullmatch(r"ch\d\d", module.name)
)

EXERCISES: dict[str, Exercise] = {
    exercise.id: exercise for chapter in CHAPTERS for exercise in chapter.EXERCISES
}

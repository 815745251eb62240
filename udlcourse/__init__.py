"""udlcourse: the helper package of the Understanding Deep Learning notebook course.

Notebooks import it as ``import udlcourse as udl`` and use:

* ``udl.setup(seed)``: seed everything, style plots, set threads, return the device;
* ``udl.check("2.1", my_function)``: check an exercise;
* ``udl.claim(...)``: check one of the book's phenomena against an alternative that could win;
  ``udl.agree(...)``: check that a from-scratch computation matches the library (a correctness check);
* ``udl.record(name, value)``: show and store a headline number (``udl.read_records`` and
  ``udl.read_claims`` read them back from an executed notebook);
* ``udl.progress()``: which exercises of the saved chapter notebooks are correct, wrong or not attempted;
* ``udl.explore(draw, x=udl.Slider(...))``: an explorable that is a static figure when run headless;
* the modules ``udl.data``, ``udl.plot``, ``udl.train``, ``udl.models`` and ``udl.metrics``;
* ``udl.taught``: what a chapter derived in a ``# @save`` cell, for later chapters (generated).
"""

__version__ = "0.1.0"

from udlcourse import data, metrics, models, plot, taught, train
from udlcourse.check import agree, check, claim
from udlcourse.progress import progress, read_progress
from udlcourse.record import read_claims, read_records, record
from udlcourse.runtime import diagnostics, setup
from udlcourse.widgets import Choice, Slider, explorable, explore

__all__ = [
    "Choice",
    "Slider",
    "agree",
    "check",
    "claim",
    "data",
    "diagnostics",
    "explorable",
    "explore",
    "metrics",
    "models",
    "plot",
    "progress",
    "read_claims",
    "read_progress",
    "read_records",
    "record",
    "setup",
    "taught",
    "train",
]

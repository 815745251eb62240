"""Explorables: sliders over a drawing function, with a static figure when nobody is watching.

A notebook writes a function that draws one figure for given parameter values, then calls
``explore(draw, phi0=Slider(-2, 2, 0.1, 0.5, "intercept φ₀"), ...)``. In JupyterLab or Colab this shows
sliders and redraws the figure when one moves; in a headless run (papermill, nbval) it draws the figure
once at the sliders' starting values, so the saved notebook shows a sensible static figure.
Works with ipywidgets 7 and 8.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Callable, Sequence

import matplotlib.pyplot as plt

from udlcourse.runtime import is_interactive


@dataclass(frozen=True)
class Slider:
    """A numeric slider from ``min`` to ``max`` in steps of ``step``, starting at ``value``.

    If all four numbers are integers the slider moves in whole numbers.
    """

    min: float
    max: float
    step: float
    value: float
    description: str = ""

    def __post_init__(self) -> None:
        if not self.min < self.max:
            raise ValueError(f"min must be less than max, got min={self.min!r}, max={self.max!r}")
        if not self.step > 0:
            raise ValueError(f"step must be positive, got {self.step!r}")
        if not self.min <= self.value <= self.max:
            raise ValueError(
                f"value must lie in [min, max] = [{self.min}, {self.max}], got {self.value!r}"
            )

    @property
    def integer(self) -> bool:
        return all(
            isinstance(v, int) and not isinstance(v, bool)
            for v in (self.min, self.max, self.step, self.value)
        )


@dataclass(frozen=True)
class Choice:
    """A drop-down list of ``options`` starting at ``value``."""

    options: Sequence[Any]
    value: Any
    description: str = ""

    def __post_init__(self) -> None:
        if self.value not in list(self.options):
            raise ValueError(
                f"value must be one of options {list(self.options)!r}, got {self.value!r}"
            )


def _control(name: str, spec: Slider | Choice):
    import ipywidgets as widgets

    label = spec.description or name
    style = {"description_width": "initial"}
    layout = widgets.Layout(width="420px")
    if isinstance(spec, Choice):
        return widgets.Dropdown(
            options=list(spec.options), value=spec.value, description=label, style=style
        )
    settings = dict(
        value=spec.value,
        min=spec.min,
        max=spec.max,
        step=spec.step,
        description=label,
        continuous_update=False,
        style=style,
        layout=layout,
    )
    if spec.integer:
        return widgets.IntSlider(**settings)
    decimals = max(0, -math.floor(math.log10(spec.step)))  # every step shows: 0.05 -> 2 decimals
    return widgets.FloatSlider(**settings, readout_format=f".{decimals}f")


def _validate(draw: Callable[..., None], controls: dict[str, Slider | Choice]) -> None:
    if not callable(draw):
        raise ValueError(f"draw must be a function, got {type(draw).__name__}")
    if not controls:
        raise ValueError("an explorable needs at least one Slider or Choice keyword argument")
    for name, spec in controls.items():
        if not isinstance(spec, (Slider, Choice)):
            raise ValueError(f"{name} must be a Slider or a Choice, got {type(spec).__name__}")


def explorable(draw: Callable[..., None], **controls: Slider | Choice):
    """Build (without showing) the widget box: one control per keyword above the output of ``draw``.

    ``draw`` is called once at the starting values and again whenever a control changes.
    """
    _validate(draw, controls)
    import ipywidgets as widgets

    inputs = {name: _control(name, spec) for name, spec in controls.items()}
    output = widgets.interactive_output(draw, inputs)
    box = widgets.VBox([widgets.VBox(list(inputs.values())), output])
    box.add_class("udl-explorable")
    return box


def explore(draw: Callable[..., None], **controls: Slider | Choice) -> None:
    """Show ``draw(**values)`` with one slider or drop-down per keyword; a static figure when headless.

    Args:
        draw: draws one matplotlib figure for the given keyword values (and may print numbers).
        **controls: a :class:`Slider` or :class:`Choice` for each keyword argument of ``draw``.

    Returns nothing, so that a call at the end of a cell does not show the widgets a second time.
    """
    _validate(draw, controls)
    if not is_interactive():
        draw(**{name: spec.value for name, spec in controls.items()})
        plt.show()
        return
    from IPython.display import display

    display(explorable(draw, **controls))

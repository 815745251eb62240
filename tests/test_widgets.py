import pytest

import udlcourse as udl


def test_explore_draws_a_static_figure_once_when_headless(headless):
    calls = []
    result = udl.explore(
        lambda a, kind: calls.append((a, kind)),
        a=udl.Slider(0.0, 1.0, 0.1, 0.3),
        kind=udl.Choice(["relu", "tanh"], "tanh"),
    )
    assert result is None
    assert calls == [(0.3, "tanh")]


def test_explore_shows_the_widgets_once_in_a_live_notebook(interactive, monkeypatch):
    shown = []
    monkeypatch.setattr("IPython.display.display", lambda *objects: shown.extend(objects))
    assert udl.explore(lambda a: None, a=udl.Slider(0.0, 1.0, 0.1, 0.3)) is None, (
        "no second copy as cell value"
    )
    assert len(shown) == 1 and "udl-explorable" in shown[0]._dom_classes


def test_explorable_builds_sliders_that_redraw(interactive):
    ipywidgets = pytest.importorskip("ipywidgets")
    calls = []
    box = udl.explorable(
        lambda a, n: calls.append((a, n)),
        a=udl.Slider(0.0, 1.0, 0.1, 0.3, "slope"),
        n=udl.Slider(1, 10, 1, 4),
    )
    sliders = box.children[0].children
    assert isinstance(sliders[0], ipywidgets.FloatSlider) and sliders[0].description == "slope"
    assert isinstance(sliders[1], ipywidgets.IntSlider) and sliders[1].description == "n"
    assert sliders[0].readout_format == ".1f"
    fine = udl.explorable(lambda a: None, a=udl.Slider(0.0, 0.1, 0.001, 0.02))
    assert fine.children[0].children[0].readout_format == ".3f", (
        "the readout shows every step of the slider"
    )
    assert "udl-explorable" in box._dom_classes
    assert calls == [(0.3, 4)]
    sliders[0].value = 0.7
    assert calls[-1] == (0.7, 4)


@pytest.mark.parametrize(
    "make, name",
    [
        (lambda: udl.Slider(1.0, 0.0, 0.1, 0.5), "min"),
        (lambda: udl.Slider(0.0, 1.0, 0.0, 0.5), "step"),
        (lambda: udl.Slider(0.0, 1.0, 0.1, 2.0), "value"),
        (lambda: udl.Choice(["a", "b"], "c"), "value"),
        (lambda: udl.explore(print), "at least one"),
        (lambda: udl.explorable(print), "at least one"),
        (lambda: udl.explore("draw", a=udl.Slider(0, 1, 1, 0)), "draw"),
        (lambda: udl.explore(print, a=(0, 1)), "Slider"),
    ],
)
def test_bad_explorables_raise_value_errors(make, name, headless):
    with pytest.raises(ValueError, match=name):
        make()

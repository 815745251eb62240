import matplotlib.pyplot as plt
import numpy as np
import pytest

from udlcourse import plot


def test_course_style_is_applied():
    plot.use_course_style()
    assert plt.rcParams["axes.spines.right"] is False
    assert plt.rcParams["axes.prop_cycle"].by_key()["color"][0] == plot.PALETTE[0]


def test_data_and_model_draws_labelled_axes_with_a_legend():
    ax = plot.data_and_model(np.arange(3), np.arange(3), np.arange(3), np.arange(3), title="fit")
    assert ax.get_xlabel() and ax.get_ylabel() and ax.get_title() == "fit"
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["data", "model"]


def test_surface_draws_a_colour_bar_and_checks_shapes():
    g0, g1 = np.meshgrid(np.linspace(0, 1, 5), np.linspace(0, 1, 4))
    fig, ax = plt.subplots()
    plot.surface(g0, g1, g0**2 + g1**2, ax=ax, log_scale=True)
    assert len(fig.axes) == 2, "the colour bar is a second axes"
    assert "log" in fig.axes[1].get_ylabel()
    with pytest.raises(ValueError, match="same shape"):
        plot.surface(g0, g1, np.zeros((2, 2)))


def test_path_marks_start_and_end_and_rejects_bad_shapes():
    fig, ax = plt.subplots()
    plot.path(np.array([[0, 0], [1, 1], [2, 1]]), ax=ax, label="GD")
    assert len(ax.lines) == 3
    with pytest.raises(ValueError, match="points"):
        plot.path(np.zeros((3, 3)), ax=ax)


def test_history_and_signals():
    ax = plot.history({"train": [3, 2, 1], "test": [3, 2.5, 2]}, log_y=True)
    assert ax.get_yscale() == "log" and len(ax.lines) == 2
    assert list(ax.lines[0].get_xdata()) == [1, 2, 3], (
        "values recorded after each epoch start at epoch 1"
    )
    path = plot.history({"gradient descent": [5, 3, 2]}, start=0)
    assert list(path.lines[0].get_xdata()) == [0, 1, 2], (
        "a path's first value is the starting point, step 0"
    )
    with pytest.raises(ValueError, match="start"):
        plot.history({"train": [1.0]}, start=2)
    fig = plot.signals(np.random.rand(6, 40), [0, 1, 2, 3, 4, 5], count=4)
    assert len(fig.axes) == 4 and fig.axes[2].get_title() == "label 2"
    with pytest.raises(ValueError, match="count"):
        plot.signals(np.random.rand(3, 40), [0, 1, 2], count=5)


def test_digits_draws_one_labelled_row_per_entry_of_any_length():
    rows = [np.zeros((4, 64)), np.ones((2, 8, 8))]
    fig = plot.digits(rows, title="some digits", labels=["zeros", "ones"])
    axes = np.array(fig.axes).reshape(2, 4)
    assert [ax.get_ylabel() for ax in axes[:, 0]] == ["zeros", "ones"]
    assert len(axes[1, 1].images) == 1 and not axes[1, 2].images and not axes[1, 2].axison
    assert fig._suptitle.get_text() == "some digits"
    plt.close(fig)


@pytest.mark.parametrize(
    "rows, labels, message",
    [
        ([], None, "at least one row"),
        ([np.zeros((3, 63))], None, "64 pixels"),
        ([np.zeros((3, 64))], ["a", "b"], "labels"),
    ],
)
def test_digits_rejects_what_is_not_a_grid_of_digits(rows, labels, message):
    with pytest.raises(ValueError, match=message):
        plot.digits(rows, labels=labels)

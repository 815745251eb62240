import json

import numpy as np
import pytest
import torch

import udlcourse as udl
from udlcourse.record import RECORD_MIME_TYPE


def test_record_shows_numpy_and_torch_values_as_plain_numbers(capsys):
    udl.record("accuracy", np.float32(0.5))
    udl.record("count", np.int64(3))
    udl.record("curve", torch.tensor([1.0, 2.0]))
    udl.record("by_name", {"adam": np.float64(0.1)})
    out = capsys.readouterr().out
    for shown in (
        "📌 accuracy = 0.5",
        "📌 count = 3",
        "📌 curve = [1.0, 2.0]",
        '📌 by_name = {"adam": 0.1}',
    ):
        assert shown in out


@pytest.mark.parametrize("name", ["", "two words", "1st", None])
def test_record_rejects_bad_names(name):
    with pytest.raises(ValueError, match="name"):
        udl.record(name, 1.0)


@pytest.mark.parametrize("value", [float("nan"), float("inf"), object()])
def test_record_rejects_values_that_cannot_be_stored(value):
    with pytest.raises(ValueError, match="value"):
        udl.record("result", value)


def test_read_records_collects_the_last_value_of_each_name(tmp_path):
    def output(name, value):
        return {
            "output_type": "display_data",
            "metadata": {},
            "data": {"text/plain": f"{name}", RECORD_MIME_TYPE: {name: value}},
        }

    notebook = {
        "cells": [
            {
                "cell_type": "code",
                "outputs": [output("loss", 1.0), {"output_type": "stream", "text": "hi"}],
            },
            {"cell_type": "markdown", "source": "text"},
            {"cell_type": "code", "outputs": [output("loss", 0.5), output("accuracy", 0.9)]},
        ]
    }
    path = tmp_path / "run.ipynb"
    path.write_text(json.dumps(notebook))
    assert udl.read_records(path) == {"loss": 0.5, "accuracy": 0.9}
    with pytest.raises(ValueError, match="path"):
        udl.read_records(tmp_path / "missing.ipynb")

import numpy as np
import pytest

from helpers import gluing


@pytest.mark.parametrize(
    "value, expected, kind",
    [
        (np.float64(1.25), 1.25, float),
        (np.int64(7), 7, int),
        (np.bool_(True), True, bool),
        (np.float32(0.5), 0.5, float),
        (3, 3, int),
        ("深圳", "深圳", str),
    ],
)
def test_numpy_scalars_become_plain_python(value, expected, kind):
    out = gluing.plain(value)
    assert out == expected and type(out) is kind


def test_glue_stores_plain_values(monkeypatch):
    seen = {}
    monkeypatch.setattr(gluing, "_myst_glue", lambda name, v, display: seen.update({name: v}))
    assert gluing.glue("x", np.float64(2.5)) == 2.5
    assert type(seen["x"]) is float and repr(seen["x"]) == "2.5"


def test_glue_without_myst_nb_does_nothing(monkeypatch):
    monkeypatch.setattr(gluing, "_myst_glue", None)
    assert gluing.glue("x", np.int64(4)) == 4


def test_glue_refuses_other_objects():
    with pytest.raises(TypeError, match="plain values"):
        gluing.plain([1, 2])

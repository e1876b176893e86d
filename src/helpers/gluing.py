"""Glue computed values into the book's prose, safely.

- NumPy scalars are turned into plain Python ``int``/``float``/``bool`` (gluing an ``np.float64``
  stores ``np.float64(…)`` as text, which breaks ``{glue:text}`` format specs).
- Outside a myst-nb environment (plain Jupyter without the book's stack) it does nothing.
"""

from __future__ import annotations

import numbers

try:  # the book's environment has myst_nb; a bare kernel may not
    from myst_nb import glue as _myst_glue
except ImportError:  # pragma: no cover - exercised by test with a monkeypatched import
    _myst_glue = None


def plain(value):
    """Return ``value`` as a plain Python type (int, float, bool, str); reject other objects."""
    if value is None or isinstance(value, (str, bool)):
        return value
    if hasattr(value, "item") and callable(value.item) and getattr(value, "shape", None) == ():
        value = value.item()  # NumPy scalar -> Python scalar
    if isinstance(value, bool):
        return value
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, numbers.Real):
        return float(value)
    raise TypeError(f"glue takes plain values (str, int, float, bool); got {type(value).__name__}")


def glue(name: str, value, display: bool = False):
    """Glue ``value`` (converted to a plain type) under ``name``; return the plain value."""
    v = plain(value)
    if _myst_glue is not None:
        _myst_glue(name, v, display=display)
    return v

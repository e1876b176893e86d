"""Glue computed values into the book's prose, safely.

- NumPy scalars are turned into plain Python ``int``/``float``/``bool`` (gluing an ``np.float64``
  stores ``np.float64(…)`` as text, which breaks ``{glue:text}`` format specs).
- Outside a myst-nb environment (plain Jupyter without the book's stack) it does nothing.
- ``editions={"zh_CN": …}``: a value that is words ("18 years") is glued with its value in each translated
  edition too ("18 年"), stored in the record's metadata (``book_i18n``), which ``book_site.i18n`` swaps in
  for that edition's build.
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


def glue(name: str, value, display: bool = False, editions: dict | None = None):
    """Glue ``value`` (converted to a plain type) under ``name``; return the plain value. ``editions``:
    ``{language: value}`` for the translated editions (see helpers.i18n)."""
    if editions is None and getattr(value, "editions", None):  # words that know their editions (i18n.Words)
        editions = value.editions
    v = plain(value)
    if isinstance(v, str):
        v = str(v)  # a plain str in the record, whatever subclass made it
    if _myst_glue is None:
        return v
    if not editions:
        _myst_glue(name, v, display=display)
        return v
    # myst_nb.glue's record, with the editions' values in its metadata
    from IPython.core.formatters import format_display_data
    from IPython.display import display as ipy_display

    from .i18n import METADATA_KEY, catalog_digest

    bundle, metadata = format_display_data(v)
    prefix = "" if display else "application/papermill.record/"
    metadata["scrapbook"] = dict(name=name, mime_prefix=prefix)
    metadata[METADATA_KEY] = {lang: format_display_data(plain(x))[0] for lang, x in editions.items()}
    metadata[METADATA_KEY]["catalog"] = {lang: catalog_digest(lang) for lang in editions}
    ipy_display({prefix + k: x for k, x in bundle.items()}, raw=True, metadata=metadata)
    return v

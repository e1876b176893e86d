"""WOFF2 subsets of a font with fontTools, and a digest stamp so a build rewrites a font only when its
inputs changed (shared by the CJK text font and the icon font)."""

from __future__ import annotations

from pathlib import Path


def _up_to_date(target: Path, stamp: Path, digest: str) -> bool:
    """True when ``target`` was last written from inputs with this digest (the build may skip it)."""
    return target.exists() and stamp.exists() and stamp.read_text() == digest


def _woff2_subset(font_path: Path, unicodes, *, layout_features, name_ids, notdef_outline):
    """A fontTools font reduced to ``unicodes``, set up to be saved as WOFF2 (returns font, options)."""
    from fontTools import subset

    opts = subset.Options()
    opts.flavor = "woff2"
    opts.layout_features = layout_features
    opts.name_IDs = name_ids
    opts.notdef_outline = notdef_outline
    opts.hinting = False
    font = subset.load_font(str(font_path), opts)
    sub = subset.Subsetter(opts)
    sub.populate(unicodes=unicodes)
    sub.subset(font)
    return font, opts

"""The house chart style, set once for every chart in the book.

Chinese labels are drawn with Noto Sans CJK SC from the ``mplfonts`` package (SIL Open Font Licence),
registered deterministically: any other font entry with the same family name (e.g. Debian's
``fonts-noto-cjk``) is removed first, then the bundled file is added, and ``findfont`` is asserted to
return that file. Charts are then identical on every machine, whatever fonts it has installed.
"""
from __future__ import annotations

from importlib import resources
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # headless and deterministic; the book embeds files, not a GUI canvas
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib import font_manager  # noqa: E402

FONT_FAMILY = "Noto Sans CJK SC"


def bundled_font_path() -> Path:
    """Path of the Noto Sans CJK SC file shipped by the ``mplfonts`` wheel."""
    p = Path(str(resources.files("mplfonts") / "fonts" / "NotoSansCJKsc-Regular.otf"))
    if not p.is_file():
        raise FileNotFoundError(f"bundled CJK font missing: {p} (is mplfonts installed?)")
    return p


# One colour per entity, the same on every chart (Okabe–Ito palette, safe for colour-blind readers).
COLOURS = {
    "shenzhen": "#D55E00",
    "beijing": "#0072B2",
    "shanghai": "#009E73",
    "guangzhou": "#CC79A7",
    "suzhou": "#E69F00",
    "hangzhou": "#56B4E9",
    "guangdong": "#8C6D31",
    "china": "#4D4D4D",
    "other": "#A6A6A6",
    "article": "#000000",
}


def colour(entity: str) -> str:
    return COLOURS.get(entity, COLOURS["other"])


def register_bundled_font() -> Path:
    """Make the bundled file the only font named ``FONT_FAMILY``; return its path."""
    path = bundled_font_path()
    fm = font_manager.fontManager
    fm.ttflist = [f for f in fm.ttflist if f.name != FONT_FAMILY or Path(f.fname) == path]
    if not any(Path(f.fname) == path for f in fm.ttflist):
        fm.addfont(str(path))
    fm._findfont_cached.cache_clear()  # earlier look-ups may have cached another file
    return path


def assert_bundled_font() -> Path:
    """Raise unless matplotlib resolves ``FONT_FAMILY`` to the bundled file."""
    path = bundled_font_path()
    found = Path(font_manager.findfont(font_manager.FontProperties(family=FONT_FAMILY),
                                       fallback_to_default=False))
    if found.resolve() != path.resolve():
        raise AssertionError(f"{FONT_FAMILY} resolves to {found}, not the bundled {path}")
    return found


RC = {
    "font.family": "sans-serif",
    "font.sans-serif": [FONT_FAMILY],
    "axes.unicode_minus": False,  # the CJK font has no U+2212; use the hyphen-minus
    "figure.figsize": (7.2, 4.0),
    "figure.dpi": 100,
    "savefig.dpi": 150,
    "savefig.bbox": "tight",
    "savefig.pad_inches": 0.15,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "axes.grid.axis": "y",
    "grid.color": "#DDDDDD",
    "grid.linewidth": 0.6,
    "axes.titlesize": 12,
    "axes.titleweight": "normal",  # the bundled CJK font ships one weight; asking for bold logs a warning
    "axes.titlelocation": "left",
    "axes.labelsize": 10,
    "xtick.labelsize": 9,
    "ytick.labelsize": 9,
    "legend.fontsize": 9,
    "legend.frameon": False,
    "lines.linewidth": 2.0,
    "lines.markersize": 5,
    "svg.hashsalt": "sz-ip-book",
    "path.simplify": True,
}


def use_house_style() -> None:
    """Register the bundled font and apply the book's rcParams (idempotent)."""
    register_bundled_font()
    matplotlib.rcParams.update(RC)
    assert_bundled_font()


def add_source_line(fig, text: str) -> None:
    """Write the source line under a chart (bottom left, small, grey)."""
    fig.text(0.0, -0.02, text, ha="left", va="top", fontsize=7.5, color="#555555",
             transform=fig.transFigure, wrap=True)


def new_figure(**kwargs):
    use_house_style()
    return plt.subplots(**kwargs)


def year_axis(ax, first: int, last: int, step: int | None = None) -> None:
    """Whole years on the x axis, from ``first`` to ``last`` (never 2012.5)."""
    from matplotlib.ticker import MaxNLocator, MultipleLocator
    ax.set_xlim(first - 0.5, last + 0.5)
    ax.xaxis.set_major_locator(MultipleLocator(step) if step else MaxNLocator(integer=True))


ARTICLE_YEAR_X = 2022 + 272 / 365   # 2022-09-30 on a year axis


def mark_article(ax, x=None, label: str = "article published 文章发表", side: str = "right") -> None:
    """A dashed vertical line at the article's date (2022-09-30), labelled at the top of the axes on
    ``side`` of the line. ``x``: the position on the x axis (default: the date as a fraction of a year on a
    year axis)."""
    x = ARTICLE_YEAR_X if x is None else x
    ax.axvline(x, color="#555555", lw=1, ls="--", zorder=1)
    ax.annotate(label, (x, 1), xycoords=("data", "axes fraction"), xytext=(3 if side == "right" else -3, -3),
                textcoords="offset points", ha="left" if side == "right" else "right", va="top", color="#555555",
                fontsize=plt.rcParams["legend.fontsize"])

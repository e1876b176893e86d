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
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib import font_manager

from .evidence import ARTICLE_DATE
from .i18n import Words, both, zh

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
    kept = [f for f in fm.ttflist if f.name != FONT_FAMILY or Path(f.fname) == path]
    if len(kept) == len(fm.ttflist) and any(Path(f.fname) == path for f in kept):
        return path  # already the only one: nothing changed, findfont's cache is still right
    # addfont clears findfont's cache (earlier look-ups may have cached another file): the public way to do so
    fm.ttflist = [f for f in kept if Path(f.fname) != path]
    fm.addfont(str(path))
    return path


def assert_bundled_font() -> Path:
    """Raise unless matplotlib resolves ``FONT_FAMILY`` to the bundled file."""
    path = bundled_font_path()
    found = Path(font_manager.findfont(font_manager.FontProperties(family=FONT_FAMILY), fallback_to_default=False))
    if found.resolve() != path.resolve():
        raise AssertionError(f"{FONT_FAMILY} resolves to {found}, not the bundled {path}")
    return found


# Phone first: a chart is drawn once and scaled to the column, 342 CSS px wide on a 390 px phone and 672 px
# at 1280 px (helpers.charts measures each chart against both and refuses text smaller than 9 / 11 CSS px).
# At about 5.2 in across (4.9 in plus the padding) the smallest text, 10 pt, is 9.1 CSS px on the phone.
RC = {
    "font.family": "sans-serif",
    "font.sans-serif": [FONT_FAMILY],
    "axes.unicode_minus": False,  # the CJK font has no U+2212; use the hyphen-minus
    "figure.figsize": (4.9, 4.3),
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
    "axes.titlepad": 8,
    "axes.labelsize": 10,
    "xtick.labelsize": 10,
    "ytick.labelsize": 10,
    "legend.fontsize": 10,
    "legend.frameon": False,
    "legend.handlelength": 1.6,
    "legend.columnspacing": 1.0,
    "font.size": 10,
    "lines.linewidth": 2.0,
    "lines.markersize": 5,
    "svg.hashsalt": "sz-ip-book",
    "path.simplify": True,
}
SOURCE_LINE_GID = "source-line"
LEGEND_BELOW_GID = "legend-below"
SMALLEST_PT = 10  # the smallest text the house style uses (source line, ticks, legend, notes)


def use_house_style() -> None:
    """Register the bundled font and apply the book's rcParams (idempotent)."""
    register_bundled_font()
    matplotlib.rcParams.update(RC)
    assert_bundled_font()


def add_source_line(fig, text: str) -> None:
    """Write the source line under a chart (bottom left, small, grey)."""
    fig.text(
        0.0,
        -0.02,
        text,
        ha="left",
        va="top",
        fontsize=SMALLEST_PT,
        color="#555555",
        transform=fig.transFigure,
        wrap=True,
        gid=SOURCE_LINE_GID,
    )  # helpers.charts puts it under the rest


def new_figure(**kwargs):
    """``plt.subplots`` in the house style. The layout is "constrained": tick labels, axis labels and a legend
    below the plot are fitted inside the figure's width, so a chart is as wide as its ``figsize`` says and
    its text keeps the size the house style chose for the phone (see helpers.charts)."""
    use_house_style()
    kwargs.setdefault("layout", "constrained")
    return plt.subplots(**kwargs)


def legend_below(ax, ncol: int = 2, **kwargs):
    """The house legend for narrow charts: under the plot and its axis label, ``ncol`` columns, no frame.
    ``helpers.charts`` moves it just under the axis label once the chart is laid out; the constrained
    layout of ``new_figure`` makes room for it inside the figure."""
    leg = ax.legend(loc="upper left", bbox_to_anchor=(0, -0.15), ncol=ncol, borderaxespad=0, **kwargs)
    leg.set_gid(LEGEND_BELOW_GID)
    return leg


def year_axis(ax, first: int, last: int, step: int | None = None, spans: bool = False) -> None:
    """Whole years on the x axis, from ``first`` to ``last`` (never 2012.5).

    Default: year Y is drawn at x = Y (a value per year, centred on its label). ``spans=True``: a time axis
    on which x = Y is 1 January of Y (see :func:`decimal_year`), each year the span from Y to Y + 1 with
    its label centred under the span and ticks at the year boundaries; a full-year value belongs at
    Y + 0.5 and a dated value at its date. ``step`` (default 1, or 2 beyond 7 years) thins the labels."""
    from matplotlib.ticker import FixedLocator, MaxNLocator, MultipleLocator, NullFormatter

    if not spans:
        ax.set_xlim(first - 0.5, last + 0.5)
        ax.xaxis.set_major_locator(
            MultipleLocator(step) if step else MaxNLocator(integer=True, nbins=6)
        )  # at most ~7 labels: legible on a phone
        return
    step = step or (1 if last - first <= 6 else 2)
    ax.set_xlim(first, last + 1)
    ax.xaxis.set_major_locator(FixedLocator(range(first, last + 2)))
    ax.xaxis.set_major_formatter(NullFormatter())
    middles = [y + 0.5 for y in range(first, last + 1, step)]
    ax.set_xticks(middles, [str(y) for y in range(first, last + 1, step)], minor=True)
    ax.tick_params(axis="x", which="minor", length=0)


def decimal_year(day) -> float:
    """A date as a position on a time axis where x = Y is the start of 1 January of year Y: the start of
    the day, so 2022-09-30 (day 273) is 2022 + 272/365."""
    day = pd.Timestamp(day)
    return day.year + (day.day_of_year - 1) / (366 if day.is_leap_year else 365)


ARTICLE_YEAR_X = decimal_year(ARTICLE_DATE)  # 2022-09-30 on a year axis


AUTO_LABEL_GID = "book-auto-label"


def auto_label(ax, text: str, candidates, **kw):
    """A label that ``charts.place_labels`` moves, when the chart is drawn, to the first of ``candidates``
    where it stays inside the axes and covers no other text and no data marker. Each candidate is
    ``(xy, offset_points, ha, va)``; ``xy`` is in the annotation's ``xycoords`` (``kw``, default data)."""
    candidates = [(tuple(xy), tuple(off), ha, va) for xy, off, ha, va in candidates]
    xy, off, ha, va = candidates[0]
    t = ax.annotate(text, xy, xytext=off, textcoords="offset points", ha=ha, va=va, **kw)
    t.set_gid(AUTO_LABEL_GID)
    t.book_candidates = candidates
    return t


def beside_point(x, y, gap: float = 4):
    """Candidate places for a label next to a data point: right, left, above, below."""
    return [
        ((x, y), (gap + 1, -gap), "left", "top"),
        ((x, y), (-gap - 1, -gap), "right", "top"),
        ((x, y), (0, gap + 2), "center", "bottom"),
        ((x, y), (0, -gap - 2), "center", "top"),
        ((x, y), (gap + 1, gap), "left", "bottom"),
        ((x, y), (-gap - 1, gap), "right", "bottom"),
    ]


def article_x(axis: str = "time") -> float:
    """The article's date (2022-09-30) as an x position, on each kind of year axis the book draws:

    - ``"time"``: x = Y is 1 January of year Y (``year_axis(spans=True)``, dated values);
    - ``"year"``: year Y's value is drawn at x = Y, its year the slot from Y - 0.5 to Y + 0.5 (``year_axis``);
    - ``"year_end"``: a year-end stock is drawn at x = Y, meaning 31 December of Y."""
    shift = {"time": 0.0, "year": -0.5, "year_end": -1.0}
    if axis not in shift:
        raise ValueError(f"article_x: unknown axis {axis!r} (time, year, year_end)")
    return ARTICLE_YEAR_X + shift[axis]


# TRANSLATORS: label of the dashed line marking the article's publication date on charts (the English chart
# has always shown the Chinese too; the Chinese chart shows it alone)
ARTICLE_PUBLISHED = zh("article published 文章发表")


def mark_article(ax, x=None, label: str = ARTICLE_PUBLISHED, side: str = "right", axis: str = "time") -> None:
    """A dashed vertical line at the article's date (2022-09-30), labelled inside the axes next to the line:
    at the top on ``side`` of it, else on the other side, else at the bottom, wherever the label covers no
    data (``auto_label``). ``x``: the position on the x axis (default: :func:`article_x` for the kind of year
    ``axis``)."""
    x = article_x(axis) if x is None else x
    ax.axvline(x, color="#555555", lw=1, ls="--", zorder=1)
    right, left = ((x, 1), (3, -3), "left", "top"), ((x, 1), (-3, -3), "right", "top")
    low_right, low_left = ((x, 0), (3, 3), "left", "bottom"), ((x, 0), (-3, 3), "right", "bottom")
    order = [right, left, low_right, low_left] if side == "right" else [left, right, low_left, low_right]
    auto_label(
        ax, label, order, xycoords=("data", "axes fraction"), color="#555555", fontsize=plt.rcParams["legend.fontsize"]
    )


def label_axes(ax, xlabel: str, ylabel: str, title: str, legend: int | str | None = None) -> None:
    """The axis labels and title of a chart, and its legend: ``legend`` columns below the axes (an int, see
    :func:`legend_below`), or a ``loc`` inside them (a str), or none."""
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.set_title(title)
    if isinstance(legend, int):
        legend_below(ax, ncol=legend)
    elif legend:
        ax.legend(loc=legend)


def region_labels() -> dict[str, Words]:
    """Region key -> its name on a chart in every edition: 'Shenzhen 深圳' as the English charts have always
    shown it (``evidence.region_names``), '深圳' on the Chinese twin (regions.csv ``name_en``/``name_zh``)."""
    from .data import load_table

    r = load_table("regions")
    return {k: both(f"{en} {cn}", zh_CN=cn) for k, en, cn in zip(r["region"], r["name_en"], r["name_zh"])}


def month_formatter():
    """Tick labels of a date axis by month, in each edition: 'Mar 2021' and '2021 年 3 月' (the Chinese twin of
    a chart uses ``editions``, see helpers.charts)."""
    import matplotlib.dates as mdates
    from matplotlib.ticker import FuncFormatter

    def zh_month(x, pos=None):
        d = mdates.num2date(x)
        return f"{d.year} 年 {d.month} 月"

    fmt = mdates.DateFormatter("%b %Y")
    fmt.editions = {"zh_CN": FuncFormatter(zh_month)}
    return fmt


def hollow(edge: str, size: float, marker: str = "s", face: str = "none") -> dict:
    """Keyword arguments of ``ax.scatter`` for hollow marks (year-to-date or partial-year values)."""
    return {"marker": marker, "facecolors": face, "edgecolors": edge, "s": size, "zorder": 3}

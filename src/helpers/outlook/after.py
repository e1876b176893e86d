"""The page "After the article" (chapters/outlook/01-after-the-article.ipynb): the article's headline series
carried to the latest period found, each chart with the article's date marked and later values hollow.

One function per notebook cell: ``glue_*`` for the numbers in the prose, ``*_chart`` for the charts (their
titles computed from the values drawn, see :func:`trend`), :func:`latest_table` and :func:`sources`."""

from __future__ import annotations

from functools import cache

import pandas as pd

from ..charts import publish
from ..data import load_table
from ..evidence import ARTICLE_DATE, per_year, preferred, region_names
from ..gluing import glue
from ..i18n import LANGUAGES, Words, both, say, tr, zh
from ..pages import fmt_num
from ..protection.bilingual import commas, known
from ..protection.bilingual import show_table as show_table_editions
from ..protection.checks import CLAUSES, joined_pairs
from ..style import colour, legend_below, mark_article, new_figure, region_labels, use_house_style, year_axis
from ..tables import show_sources
from ..units import convert
from . import BASIS, WHO_SHORT, legend_marked, plot_series, series

use_house_style()
NAMES = region_names()
LABELS = region_labels()  # the regions' names on the charts, in every edition ('Shenzhen 深圳' / '深圳')
FIRST, LAST = 2015, 2025
BASE_YEAR = 2021  # the last year the article looks back on
# TRANSLATORS: x-axis label of the outlook's charts: a full year's value is drawn at the middle of the year
XLABEL = zh("Year (full-year values at mid-year)")
COLS = [
    "indicator",
    "region",
    "period",
    "period_type",
    "value",
    "unit",
    "value_std",
    "basis",
    "relation",
    "after_article",
    "note",
    "source_id",
]
LATEST_ROWS = [  # (indicator, region, basis, period types) of the table "Latest values at a glance"
    ("patent_grants", "shenzhen", "standard", ["year"]),
    ("pct_applications", "shenzhen", None, ["year"]),
    ("pct_applications", "china", "wipo", ["year"]),
    ("invention_per_10k", "shenzhen", None, ["point"]),
    ("high_value_invention_per_10k", "shenzhen", None, ["point"]),
    ("high_value_invention_per_10k", "china", None, ["point"]),
    ("ip_pledge_amount", "china", "patent_trademark", ["year"]),
    ("invention_exam_months", "china", None, ["year", "point"]),
]

# --------------------------------------------------------------------------- chart words

BASIS_ON_CHARTS = (
    # TRANSLATORS: the basis of a series, in a chart legend after "Shenzhen: " or "China: " (helpers.names.BASIS)
    zh("basis not stated"),
    zh("CNIPA count (received by CNIPA)"),
    zh("CNIPA grand total (incl. foreign applicants)"),
    zh("WIPO count (by applicant origin)"),
    zh("patents only"),
    zh("patents and trademarks"),
)
MOVED = {
    # TRANSLATORS: how a series moved after a year, in a chart title ("Shenzhen's grants rose after 2021")
    "rose": zh("rose"),
    "fell": zh("fell"),
    "levelled off": zh("levelled off"),
    # TRANSLATORS: in a chart title: the series of different bases (counting rules) moved in different directions
    "moved differently by basis": zh("moved differently by basis"),
    "": "",
}


def basis_words(code: str) -> Words:
    """A basis as a chart legend names it (``BASIS``), in every edition."""
    if BASIS[code] not in BASIS_ON_CHARTS:
        raise KeyError(f"basis {code!r} ({BASIS[code]!r}) has no chart words: add it to BASIS_ON_CHARTS")
    return say(BASIS[code])


def moved_words(word: str) -> Words:
    """A :func:`trend` word in every edition."""
    return say(MOVED[word]) if word else Words("", {"zh_CN": ""})


# --------------------------------------------------------------------------- the series


@cache
def time_axes(ax, ylabel: str, title: str, *, xlabel: str = XLABEL, article_label: bool = True, **title_kw) -> None:
    """The outlook's time axis on one panel: the article's line (labelled on the first panel only), whole
    years from FIRST to LAST as spans, and the panel's labels."""
    mark_article(ax, **({} if article_label else {"label": ""}))
    year_axis(ax, FIRST, LAST, spans=True)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.set_title(title, **title_kw)


def one_panel(ax, ylabel: str, title: str) -> None:
    """A one-panel chart's frame, once its series are drawn: the time axis (``time_axes``) and a one-column
    legend below."""
    time_axes(ax, ylabel, title)
    legend_below(ax, ncol=1)


def city_and_nation(fig, panels, ylabel: str, markers: dict, title: str) -> None:
    """Two panels on the outlook's time axis, Shenzhen above China, one legend of markers each, one title."""
    # TRANSLATORS: panel titles of the outlook's two-panel charts (the English chart has always shown the Chinese)
    for a, name in zip(panels, (zh("Shenzhen 深圳"), zh("China 全国"))):
        time_axes(a, ylabel, name, article_label=a is panels[0], fontsize=10)
        legend_marked(a, markers)
    fig.suptitle(title, x=0.0, ha="left", fontsize=12)


def shenzhen_by_basis(ax, frame: pd.DataFrame, bases, scale: float) -> dict[str, str]:
    """Shenzhen's series, one per basis in ``bases`` (circle, square, triangle); returns their legend markers."""
    markers = {}
    for b, m in zip(bases, "os^"):
        if len(frame[frame["basis"] == b]):
            # TRANSLATORS: chart legend: Shenzhen's series on one basis ("Shenzhen: basis not stated")
            label = say(zh("Shenzhen: {basis}"), basis=basis_words(b))
            plot_series(ax, frame[frame["basis"] == b], colour("shenzhen"), label, scale=scale, marker=m)
            markers[label] = m
    return markers


def grants() -> pd.DataFrame:
    return series("patent_grants", ["shenzhen", "beijing", "shanghai"], period_types=["year"], basis="standard")


@cache
def pct() -> pd.DataFrame:
    return series("pct_applications", ["shenzhen", "china"], period_types=["year"])


@cache
def density(indicator: str) -> pd.DataFrame:
    return series(indicator, ["shenzhen", "china"], period_types=["point"])


@cache
def pledge() -> pd.DataFrame:
    return series("ip_pledge_amount", ["shenzhen", "china"], period_types=["year"])


@cache
def exam() -> pd.DataFrame:
    return series("invention_exam_months", ["china"], period_types=["year", "point", "target"])


def region(o: pd.DataFrame, name: str, basis: str | None = None) -> pd.DataFrame:
    o = o[o["region"] == name]
    return o if basis is None else o[o["basis"] == basis]


def trend(o: pd.DataFrame, since: pd.Timestamp | int = BASE_YEAR, by: str = "year", steady: float = 0.05) -> str:
    """How a series moved after ``since`` (a year, or a date for dated values), basis by basis: its latest
    value against its value for the year ``since`` (or its last value at or before the date ``since``), the
    preferred source's each. 'rose', 'fell' or 'levelled off' (within ``steady``, a share), the same word
    for every basis that has both values; 'moved differently by basis' if they differ; '' if no basis has
    both."""
    words = set()
    for _b, g in o.groupby("basis"):
        per = per_year(g, by=by)
        before = per[per.index == since] if by == "year" else per[per.index <= since]
        later = per[per.index > since]
        if before.empty or later.empty:
            continue
        change = later.iloc[-1] / before.iloc[-1] - 1
        words.add("levelled off" if abs(change) <= steady else ("rose" if change > 0 else "fell"))
    return words.pop() if len(words) == 1 else ("moved differently by basis" if words else "")


# --------------------------------------------------------------------------- patent grants


def glue_grants() -> None:
    sz = per_year(region(grants(), "shenzhen"))
    last = int(sz.index.max())
    glue("a_grants_last_year", last)
    glue("a_grants_last", fmt_num(round(sz.loc[last])))
    glue("a_grants_2021", fmt_num(round(sz.loc[BASE_YEAR])))
    glue("a_grants_change", f"{(sz.loc[last] / sz.loc[BASE_YEAR] - 1) * 100:.0f}%")
    both = grants_years_with_beijing()
    glue("a_grants_bj_years", commas(both))
    # TRANSLATORS: "Shenzhen stays {ahead of} Beijing"
    glue("a_grants_sz_ahead", say(zh("ahead of")) if grants_ahead_of_beijing() else say(zh("not always ahead of")))


def grants_years_with_beijing() -> list[int]:
    sz, bj = per_year(region(grants(), "shenzhen")), per_year(region(grants(), "beijing"))
    return [int(y) for y in sz.index if y in bj.index and y > BASE_YEAR]


def grants_ahead_of_beijing() -> bool:
    sz, bj = per_year(region(grants(), "shenzhen")), per_year(region(grants(), "beijing"))
    return all(sz.loc[y] > bj.loc[y] for y in grants_years_with_beijing())


def grants_title() -> Words:
    """The grants chart's finding, from the values drawn."""
    moved = moved_words(trend(region(grants(), "shenzhen")))
    if grants_ahead_of_beijing():
        return say(
            # TRANSLATORS: chart title; {moved} is "rose", "fell", "levelled off" or "moved differently by basis"
            # (the English chart has always ended with the Chinese name of the figure)
            zh("Shenzhen's grants {moved} after {year} and stayed above Beijing's · 专利授权量"),
            moved=moved,
            year=BASE_YEAR,
        )
    return say(
        # TRANSLATORS: chart title; {moved} as above
        zh("Shenzhen's grants {moved} after {year} and did not always stay above Beijing's · 专利授权量"),
        moved=moved,
        year=BASE_YEAR,
    )


def since_base(yearly: pd.Series, digits: int | None = None) -> dict:
    """An alt text's "from {first} in {year} to {last} in {last_year}": ``yearly`` (indexed by year) at
    ``BASE_YEAR`` and at its last year, rounded to a whole number (or to ``digits`` decimals)."""
    last = int(yearly.index.max())

    def num(v):
        return fmt_num(round(v)) if digits is None else fmt_num(v, digits)

    return dict(first=num(yearly.loc[BASE_YEAR]), year=BASE_YEAR, last=num(yearly.loc[last]), last_year=last)


def grants_chart() -> None:
    g = grants()
    sz = per_year(region(g, "shenzhen"))
    fig, ax = new_figure()
    for city in ["shenzhen", "beijing", "shanghai"]:
        if len(region(g, city)):
            plot_series(ax, region(g, city), colour(city), LABELS[city], scale=1e4)
    one_panel(ax, zh("Patents granted, 10,000s (万件)"), grants_title())
    publish(
        fig,
        "fig-after-grants",
        g[COLS],
        # TRANSLATORS: caption of the chart of patent grants after the article
        caption=zh(
            "Patent grants per year (all types). Filled dots: published before the article; hollow dots: after it. "
            "The dashed line is the article's date."
        ),
        # TRANSLATORS: alt text of the chart of patent grants after the article; {first} and {last} are counts
        alt=zh(
            "Line chart of yearly patent grants in ten-thousands for Shenzhen, Beijing and Shanghai, with a dashed "
            "line at the article's date. Shenzhen goes from {first} in {year} to {last} in {last_year}; hollow dots "
            "are values published after the article."
        ),
        **since_base(sz),
    )


# --------------------------------------------------------------------------- PCT applications


def glue_pct() -> None:
    psz, pc = region(pct(), "shenzhen"), region(pct(), "china")
    later = psz[psz["year"] > BASE_YEAR]
    glue("a_pct_sz_years", commas(int(y) for y in sorted(later["year"].unique())))
    glue("a_pct_sz_bases", commas(sorted({BASIS[b] for b in later["basis"]})))
    for b in ["cnipa", "wipo"]:
        d = pc[pc["basis"] == b]
        y = int(d["year"].max())
        glue(f"a_pct_cn_{b}_year", y)
        glue(f"a_pct_cn_{b}", fmt_num(round(preferred(d[d["year"] == y]))))


def pct_title() -> Words:
    """The PCT chart's finding: how Shenzhen's and the national counts moved after 2021, basis by basis."""
    sz, cn = trend(region(pct(), "shenzhen")), trend(region(pct(), "china"))
    if sz == cn:
        return say(
            # TRANSLATORS: chart title, on two lines; {moved} is "rose", "fell", "levelled off" or "moved differently
            # by basis"
            zh("PCT filings {moved} after {year}, in Shenzhen\nand nationally · PCT国际专利申请"),
            moved=moved_words(sz),
            year=BASE_YEAR,
        )
    return say(
        # TRANSLATORS: chart title, on two lines; {sz} and {cn} as {moved} above
        zh("After {year}, PCT filings {sz} in Shenzhen\nand {cn} nationally · PCT国际专利申请"),
        year=BASE_YEAR,
        sz=moved_words(sz),
        cn=moved_words(cn),
    )


def pct_chart() -> None:
    p = pct()
    psz, pc = region(p, "shenzhen"), region(p, "china")
    markers = {}
    fig, (a1, a2) = new_figure(nrows=2, figsize=(4.9, 8.2))
    markers.update(shenzhen_by_basis(a1, psz, ("unspecified", "cnipa", "wipo"), scale=1e4))
    for b, m in [("cnipa", "o"), ("cnipa_total", "s"), ("wipo", "^")]:
        if len(pc[pc["basis"] == b]):
            # TRANSLATORS: chart legend: the national series on one basis ("China: WIPO count (by applicant origin)")
            label = say(zh("China: {basis}"), basis=basis_words(b))
            plot_series(
                a2, pc[pc["basis"] == b], colour("china") if b != "wipo" else "#8C6D31", label, scale=1e4, marker=m
            )
            markers[label] = m
    # TRANSLATORS: y-axis label, on two lines
    city_and_nation(fig, (a1, a2), zh("PCT applications,\n10,000s (万件)"), markers, pct_title())
    publish(
        fig,
        "fig-after-pct",
        p[COLS],
        # TRANSLATORS: caption of the chart of PCT applications after the article
        caption=zh(
            "PCT international applications per year. Top: Shenzhen, one line per basis. Bottom: national counts, "
            "one line per basis."
        ),
        # TRANSLATORS: alt text of the chart of PCT applications after the article
        alt=zh(
            "Two panels of yearly PCT international applications in ten-thousands: Shenzhen's own figures on top, "
            "national counts on three bases (CNIPA domestic, CNIPA total, WIPO by origin) below; dashed lines at "
            "the article's date; values after it are hollow."
        ),
    )


# --------------------------------------------------------------------------- invention patents per 10,000 people

DENSITY = {"inv": "invention_per_10k", "hv": "high_value_invention_per_10k"}


def last_point(o: pd.DataFrame, name: str) -> tuple[pd.Timestamp, float]:
    """The latest dated value for region ``name`` (the preferred source's)."""
    x = region(o, name)
    e = x["period_end"].max()
    return e, preferred(x[x["period_end"] == e])


def glue_density() -> None:
    for k, ind in DENSITY.items():
        for reg in ["shenzhen", "china"]:
            e, v = last_point(density(ind), reg)
            glue(f"a_{k}_{reg}_date", e.strftime("%Y-%m-%d"))
            glue(f"a_{k}_{reg}", fmt_num(v, 1))
    hv = density(DENSITY["hv"])
    e, v = last_point(hv, "shenzhen")
    cn = region(hv, "china")
    cn = cn[cn["period_end"] == e]
    glue(
        "a_hv_ratio",
        f"{v / preferred(cn):.1f}" if len(cn) else say(zh("not computable (no national figure for that date)")),
    )


SERIES_MOVED = {
    # TRANSLATORS: how the series of a chart moved after the article, in its title ("Per-head counts kept rising …")
    "kept rising": zh("kept rising"),
    "moved": zh("moved"),
    "moved in different ways": zh("moved in different ways"),
}


def density_title() -> Words:
    """The per-head chart's finding: how every series drawn moved after the article's date."""
    words = {
        trend(region(density(i), r), since=ARTICLE_DATE, by="period_end")
        for i in DENSITY.values()
        for r in ("shenzhen", "china")
    } - {""}
    word = {"rose": "kept rising"}.get(words.pop(), "moved") if len(words) == 1 else "moved in different ways"
    return say(
        # TRANSLATORS: chart title, on two lines; {word} is "kept rising", "moved" or "moved in different ways"
        zh("Per-head counts {word} after the article,\nin Shenzhen and nationally · 每万人口"),
        word=say(SERIES_MOVED[word]),
    )


def density_chart() -> None:
    d1, d2 = density(DENSITY["inv"]), density(DENSITY["hv"])
    fig, (a1, a2) = new_figure(nrows=2, figsize=(4.9, 7.6))
    # TRANSLATORS: panel titles of the per-head chart (the English chart has always shown the Chinese too)
    for a, df, t in [(a1, d1, zh("All invention patents 发明专利")), (a2, d2, zh("High-value 高价值发明专利"))]:
        for reg in ["shenzhen", "china"]:
            if len(region(df, reg)):
                plot_series(a, region(df, reg), colour(reg), LABELS[reg])
        # TRANSLATORS: y-axis label of the per-head chart, on two lines
        ylabel = zh("Patents per 10,000\npeople (件/万人)")
        # TRANSLATORS: x-axis label: values are drawn at the date they are counted at
        xlabel = zh("Year (counts at their date)")
        time_axes(a, ylabel, t, xlabel=xlabel, article_label=a is a1, fontsize=10)
    handles, labels = a1.get_legend_handles_labels()
    legend_below(a2, ncol=1, handles=handles, labels=labels)
    fig.suptitle(density_title(), x=0.0, ha="left", fontsize=12)
    dd = pd.concat([d1, d2])
    publish(
        fig,
        "fig-after-density",
        dd[COLS],
        # TRANSLATORS: caption of the per-head chart after the article
        caption=zh(
            "Invention patents per ten thousand people (top) and high-value invention patents per ten thousand "
            "people (bottom), Shenzhen and China."
        ),
        # TRANSLATORS: alt text of the per-head chart after the article
        alt=zh(
            "Two panels of invention patents per ten thousand people at year ends and other dates, for Shenzhen "
            "and China: all invention patents on top, high-value ones below; a dashed line marks the article's date."
        ),
    )


# --------------------------------------------------------------------------- pledge financing


# TRANSLATORS: an amount in 亿元 ({n} is already in hundred millions of yuan; "3098 亿元")
YI = zh("{n} hundred million yuan")


def billion(v: float, digits: int) -> Words:
    """An amount (in 亿元) in billion yuan with ``digits`` decimals, the number alone (the prose says the
    unit); its Chinese edition in 亿元 with the unit, to the same precision."""
    en = fmt_num(convert(v, "亿元", "billion yuan"), digits)
    n = f"{v:.{max(digits - 1, 0)}f}"
    return Words(en, {lang: tr(YI, lang).format(n=n) for lang in LANGUAGES})


def glue_pledge() -> None:
    ps, pcn = region(pledge(), "shenzhen"), region(pledge(), "china", "patent_trademark")
    y = int(pcn["year"].max())
    glue("a_pl_cn_year", y)
    glue("a_pl_cn", billion(preferred(pcn[pcn["year"] == y]), 1))
    glue("a_pl_cn_2021", billion(preferred(pcn[pcn["year"] == BASE_YEAR]), 1))
    later = ps[ps["year"] > BASE_YEAR].drop_duplicates(["year", "basis", "value_std"])
    items = [
        # TRANSLATORS: a year's amount and its basis ("2022: 19.48 (basis not stated)")
        say(
            zh("{year}: {amount} ({basis})"),
            year=int(r.year),
            amount=billion(r.value_std, 2),
            basis=known(BASIS[r.basis]) if BASIS[r.basis] else say(zh("basis not stated")),
        )
        for r in later.itertuples()
    ]
    glue("a_pl_sz_list", joined_pairs(items, CLAUSES))


PLEDGE_MOVED = {
    # TRANSLATORS: how pledge financing moved after a year, in a chart title ("Pledge financing kept growing …")
    "kept growing": zh("kept growing"),
    "moved": zh("moved"),
    "moved in different ways": zh("moved in different ways"),
}


def pledge_title() -> Words:
    """The pledge chart's finding: how the national series and Shenzhen's (basis by basis) moved after 2021;
    Shenzhen is left out of it when none of its bases has a 2021 value and a later one."""
    cn, sz = trend(region(pledge(), "china", "patent_trademark")), trend(region(pledge(), "shenzhen"))
    words = {cn, sz} - {""}
    word = {"rose": "kept growing"}.get(words.pop(), "moved") if len(words) == 1 else "moved in different ways"
    if sz:
        return say(
            # TRANSLATORS: chart title, on two lines; {word} is "kept growing", "moved" or "moved in different ways"
            zh("Pledge financing {word}\nafter {year} · 知识产权质押融资"),
            word=say(PLEDGE_MOVED[word]),
            year=BASE_YEAR,
        )
    return say(
        # TRANSLATORS: chart title, on two lines (only the national series has values to compare); {word} as above
        zh("National pledge financing {word}\nafter {year} · 知识产权质押融资"),
        word=say(PLEDGE_MOVED[word]),
        year=BASE_YEAR,
    )


def pledge_chart() -> None:
    ps, pcn = region(pledge(), "shenzhen"), region(pledge(), "china", "patent_trademark")
    china = say(zh("China: {basis}"), basis=basis_words("patent_trademark"))
    markers = {china: "s"}
    fig, (a1, a2) = new_figure(nrows=2, figsize=(4.9, 8.0))
    markers.update(shenzhen_by_basis(a1, ps, ("patent", "patent_trademark", "unspecified"), scale=1))
    plot_series(a2, pcn, colour("china"), china, scale=1, marker="s")
    # TRANSLATORS: y-axis label, on two lines
    ylabel = zh("Pledge financing,\n100 million yuan (亿元)")
    city_and_nation(fig, (a1, a2), ylabel, markers, pledge_title())
    pl = pledge()
    publish(
        fig,
        "fig-after-pledge",
        pl[COLS],
        # TRANSLATORS: caption of the pledge-financing chart after the article
        caption=zh("IP pledge financing per year, Shenzhen (top) and China (bottom), one line per basis."),
        # TRANSLATORS: alt text of the pledge-financing chart after the article
        alt=zh(
            "Two panels of yearly IP pledge financing in hundred million yuan: Shenzhen on top (one marker per "
            "basis: patents only, patents and trademarks, basis not stated) and China's patent and trademark total "
            "below; dashed lines at the article's date."
        ),
    )


# --------------------------------------------------------------------------- examination period


def exam_years() -> pd.Series:
    """The national average examination period per full year (the preferred source's)."""
    ex = exam()
    return per_year(ex[ex["period_type"] == "year"])


def glue_exam() -> None:
    yr = exam_years()
    glue("a_ex_2021", fmt_num(yr.loc[BASE_YEAR], 1))
    glue("a_ex_last_year", int(yr.index.max()))
    glue("a_ex_last", fmt_num(yr.iloc[-1], 1))


def exam_title() -> Words:
    """The examination chart's finding: did the yearly period keep falling from the article's year on?"""
    yr = exam_years()
    later = yr[yr.index >= ARTICLE_DATE.year - 1]
    falling = len(later) > 1 and bool((later.diff().dropna() < 0).all())
    if falling:
        # TRANSLATORS: chart title, on two lines: the examination period of invention patents fell every year
        return say(zh("Examination kept getting faster after the\narticle · 发明专利审查周期"))
    # TRANSLATORS: chart title, on two lines: the examination period did not fall every year
    return say(zh("Examination did not get faster every year after the\narticle · 发明专利审查周期"))


def exam_chart() -> None:
    ex = exam()
    act, tg = ex[ex["period_type"] != "target"], ex[ex["period_type"] == "target"]
    yr = exam_years()
    fig, ax = new_figure()
    # TRANSLATORS: chart legend
    plot_series(ax, act, colour("china"), zh("China: average invention examination period"))
    # TRANSLATORS: chart legend: crosses for the national office's yearly target for the examination period
    target = zh("CNIPA annual target")
    ax.scatter(tg["x"], tg["value_std"], marker="x", color="#8C6D31", s=50, label=target, zorder=4)
    # TRANSLATORS: y-axis label
    one_panel(ax, zh("Months (个月)"), exam_title())
    publish(
        fig,
        "fig-after-exam",
        ex[COLS],
        # TRANSLATORS: caption of the examination-period chart
        caption=zh("Average examination period of invention patents (national), with CNIPA's annual targets."),
        # TRANSLATORS: alt text of the examination-period chart; {first} and {last} are months
        alt=zh(
            "Line chart of the national average invention patent examination period in months, from {first} in "
            "{year} to {last} in {last_year}, with crosses for CNIPA's annual targets and a dashed line at the "
            "article's date."
        ),
        **since_base(yr, 1),
    )


# --------------------------------------------------------------------------- latest values at a glance


def latest_cell(o: pd.DataFrame) -> tuple:
    """The latest value(s) of ``o`` with their period, and who speaks for them; sources that disagree: each."""
    if o.empty:
        return say(zh("none found")), ""
    r = o[o["period_end"] == o["period_end"].max()]
    values = joined_pairs([fmt_num(v) for v in sorted(set(r["value_std"]))], OR)
    # TRANSLATORS: a value and its period ("1,234 (2023)")
    cell = say(zh("{values} ({period})"), values=values, period=r["period"].iloc[0])
    return cell, commas(say(w) for w in sorted({WHO_SHORT[x] for x in r["relation"]}))


@cache
def latest_series() -> tuple[pd.DataFrame, ...]:
    return tuple(series(ind, [reg], period_types=kinds, basis=basis) for ind, reg, basis, kinds in LATEST_ROWS)


# TRANSLATORS: column headers of the table of latest values
LATEST_COLUMNS = (
    zh("Series"),
    zh("Where"),
    zh("Last before the article"),
    zh("Latest found"),
    zh("Who speaks (latest)"),
)
ZH_NAMES = dict(zip(load_table("regions")["region"], load_table("regions")["name_zh"]))
# TRANSLATORS: two values sources disagree on ("1,234 or 1,240")
OR = zh("{head} or {last}")


def latest_table() -> None:
    ind = load_table("indicators").set_index("indicator")
    rows = []
    for (i, reg, _b, _k), s in zip(LATEST_ROWS, latest_series()):
        before, _ = latest_cell(s[~s["after_article"]])
        after, who = latest_cell(s[s["after_article"]])
        rows.append(
            {
                LATEST_COLUMNS[0]: say(
                    zh("{indicator} ({unit})"),
                    indicator=both(ind.loc[i, "name_en"], zh_CN=ind.loc[i, "name_zh"]),
                    unit=ind.loc[i, "unit"],
                ),
                LATEST_COLUMNS[1]: both(NAMES[reg], zh_CN=ZH_NAMES[reg]),
                LATEST_COLUMNS[2]: before,
                LATEST_COLUMNS[3]: after,
                LATEST_COLUMNS[4]: who,
            }
        )
    show_table_editions(pd.DataFrame(rows))


def sources() -> None:
    frames = [grants(), pct(), *(density(i) for i in DENSITY.values()), pledge(), exam(), *latest_series()]
    show_sources(pd.concat([f["source_id"] for f in frames]).unique())

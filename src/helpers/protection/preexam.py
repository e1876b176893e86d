"""The page on fast pre-examination plus PPH (chapters/protection/02-fast-preexam-pph.ipynb): the article's
patent groups against the protection centre's own volumes."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.ticker import FuncFormatter, MultipleLocator

from .. import names
from ..chart_words import SEMICOLON, joined, month_year, when
from ..chart_words import when as when_words
from ..charts import publish_chart
from ..downloads import OBSERVATION_COLUMNS
from ..evidence import observations
from ..gluing import glue
from ..i18n import Words, say, zh
from ..pages import fmt_num
from ..style import colour, new_figure
from ..verdicts import plural
from . import common
from .common import claim_box, verdict_box  # noqa: F401  (what the notebook calls)

NOTEBOOK = "chapters/protection/02-fast-preexam-pph.ipynb"


def _claim() -> pd.Series:
    return common.page_claims(NOTEBOOK).iloc[0]


def volumes() -> dict[str, pd.DataFrame]:
    """The centre's pre-examination volumes (Shenzhen), the combined-route count and the national count of
    protection centres."""
    o = {
        "pre": observations("preexam_cases", regions="shenzhen"),
        "grants": observations("preexam_grants", regions="shenzhen"),
        "firms": observations("preexam_firms", regions="shenzhen"),
        "centres": observations("ip_protection_centres", regions="china"),
        "pph": observations("fast_preexam_pph", regions="shenzhen"),
    }
    o["cum"] = o["pre"][o["pre"]["period_type"] == "cumulative"].sort_values("period_end")
    o["year"] = o["pre"][o["pre"]["period_type"] == "year"]
    return o


def _more_than(qualifier: str) -> str:
    return "more than " if qualifier == "over" else ""


def more_than(qualifier: str, n: str):
    """'more than 10,000' / '超过 10,000' for a lower bound; the number alone otherwise."""
    # TRANSLATORS: a lower bound ("more than 10,000")
    return say(zh("more than {n}"), n=n) if qualifier == "over" else n


def glue_findings() -> None:
    groups = float(_claim()["stated_value"])
    v = volumes()
    first, last = v["cum"].iloc[0], v["cum"].iloc[-1]
    glue("pp_groups", fmt_num(groups))
    glue("pp_n_pph", plural(len(v["pph"]), "figure") if len(v["pph"]) else say(zh("none")))
    glue("pp_first", fmt_num(first["value_std"]))
    glue("pp_first_when", when(first))
    glue("pp_last", fmt_num(last["value_std"]))
    glue("pp_last_when", when(last))
    q = names.QUALIFIER[last["qualifier"] or ""] if last["qualifier"] else ""
    # TRANSLATORS: the qualifier before a running total ("more than 20,000")
    glue("pp_last_q", say(zh("more than")) if last["qualifier"] == "over" else q)
    glue("pp_share_first", f"{groups / first['value_std'] * 100:.1f}%")
    glue("pp_share_last", f"{groups / last['value_std'] * 100:.1f}%")
    months = (
        (last["period_end"].year - first["period_end"].year) * 12 + last["period_end"].month - first["period_end"].month
    )
    glue("pp_months", plural(months, "month"))
    glue("pp_per_month", fmt_num((last["value_std"] - first["value_std"]) / months, 0))
    y2020 = v["year"].iloc[0]
    glue("pp_2020", fmt_num(y2020["value_std"]))
    glue("pp_2020_year", int(y2020["year"]))
    g = v["grants"].iloc[0]
    glue("pp_grants", more_than(g["qualifier"], fmt_num(g["value_std"])))
    glue("pp_grants_when", when(g))
    glue("pp_grant_rate", f"{g['value_std'] / last['value_std'] * 100:.0f}%")
    fs = v["firms"].sort_values("period_end")
    glue("pp_firms_first", fmt_num(fs.iloc[0]["value_std"]))
    glue("pp_firms_last", fmt_num(fs.iloc[-1]["value_std"]))
    centres = v["centres"]
    glue("pp_centres", fmt_num(centres.iloc[0]["value_std"]))
    glue("pp_centres_when", month_year(centres.iloc[0]["period_end"]))


def chart_title(groups: float, first: pd.Series) -> Words:
    """The finding of the chart: the article's groups as a share of the centre's first running total."""
    return say(
        # TRANSLATORS: chart title; {share} is a percentage, {when} a month ("March 2021")
        zh("The PPH route is about {share:.0f}% of the centre's cases to {when}"),
        share=groups / first["value_std"] * 100,
        when=month_year(first["period_end"]),
    )


def _bars() -> list[tuple[Words, float, str, str, Words]]:
    """The chart's bars, top to bottom: (name, value, qualifier, colour, the name as the chart writes it)."""
    c, v = _claim(), volumes()
    y2020, g = v["year"].iloc[0], v["grants"].iloc[0]
    # TRANSLATORS: a bar's name: the cases a protection centre received in one full year
    full = say(zh("Cases received, {year} (full year)"), year=f"{y2020['year']:.0f}")
    rows = [(full, y2020["value_std"], "", colour("shenzhen"), full)]

    def to(r, short: bool) -> Words:
        # TRANSLATORS: a bar's name: a running total of cases received; {when} is a month or "the end of 2022"
        return say(zh("Cases received, total to {when}"), when=when_words(r, short))

    for _, r in v["cum"].iterrows():
        rows.append((to(r, False), r["value_std"], r["qualifier"] or "", colour("shenzhen"), to(r, True)))

    def granted(short: bool) -> Words:
        # TRANSLATORS: a bar's name: a running total of patents granted; {when} is a month or "the end of 2022"
        return say(zh("Patents granted after pre-examination, total to {when}"), when=when_words(g, short))

    rows.append((granted(False), g["value_std"], g["qualifier"] or "", colour("beijing"), granted(True)))
    # TRANSLATORS: a bar's name: the article's figure
    article = say(zh("High-value groups via pre-examination + PPH (the article)"))
    rows.append((article, float(c["stated_value"]), c["qualifier"] or "", colour("article"), article))
    return rows


def _value_words(value: float, qualifier: str) -> Words | str:
    """A bar's value as the chart writes it: '1,234' (alike in every edition) or 'more than 1,234'."""
    if qualifier == "over":
        # TRANSLATORS: a lower bound ("more than 1,234")
        return say(zh("more than {n}"), n=fmt_num(value))
    return fmt_num(value)


def chart_data() -> pd.DataFrame:
    v = volumes()
    frame = pd.concat([v["pre"], v["grants"], v["firms"]])
    return frame[[c for c in OBSERVATION_COLUMNS if c in frame.columns]]


def chart() -> None:
    rows = _bars()
    fig, ax = new_figure(figsize=(4.9, 4.4))
    y = np.arange(len(rows))[::-1]
    top = max(r[1] for r in rows)
    ax.barh(y, [r[1] for r in rows], color=[r[3] for r in rows], height=0.45)
    for yi, r in zip(y, rows):
        lab = _value_words(r[1], r[2])
        if r[1] > top * 0.5:  # a long bar: its value inside, at its end
            ax.text(r[1] - top * 0.01, yi, lab, va="center", ha="right", color="white")
        else:
            ax.text(r[1] + top * 0.01, yi, lab, va="center")
        ax.text(0, yi + 0.3, r[4], va="bottom", ha="left")  # the row's name above its bar
    ax.set_yticks([])
    ax.set_ylim(-0.5, len(rows) - 0.3)
    ax.set_xlim(0, top * 1.05)
    ax.xaxis.set_major_locator(MultipleLocator(5000))  # five labels: legible on a phone
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:,.0f}"))
    ax.set_xlabel(zh("Cases, patents or groups (件 / 件组)"))
    ax.set_title(chart_title(float(_claim()["stated_value"]), volumes()["cum"].iloc[0]))
    alt = say(
        # TRANSLATORS: alt text of a chart; {bars} lists "bar name: value"
        zh(
            "Horizontal bar chart of the Shenzhen protection centre's pre-examination volumes: {bars}. The article's "
            "figure is the black bar."
        ),
        # TRANSLATORS: a bar in an alt text: its name and value
        bars=joined((say(zh("{name}: {value}"), name=r[0], value=_value_words(r[1], r[2])) for r in rows), SEMICOLON),
    )
    data = chart_data()
    publish_chart(
        fig,
        "fig-preexam-pph",
        caption=say(
            zh(
                "The protection centre's pre-examination volumes (its own figures) and the article's count of "
                "high-value patent groups routed through pre-examination and PPH (black). Totals are running totals "
                'since the centre began work; bars marked "more than" are lower bounds.'
            )
        ),
        alt=alt,
        data=data,
    )


def sources() -> None:
    common.sources(chart_data()["source_id"], volumes()["centres"]["source_id"])

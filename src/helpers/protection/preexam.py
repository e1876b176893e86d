"""The page on fast pre-examination plus PPH (chapters/protection/02-fast-preexam-pph.ipynb): the article's
patent groups against the protection centre's own volumes."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.ticker import FuncFormatter, MultipleLocator

from .. import names
from ..charts import publish_chart
from ..downloads import OBSERVATION_COLUMNS
from ..evidence import observations
from ..gluing import glue
from ..i18n import say, zh
from ..pages import fmt_num
from ..style import colour, new_figure
from ..verdicts import plural
from . import common
from .checks import month_year, when
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


def chart_title(groups: float, first: pd.Series) -> str:
    """The finding of the chart: the article's groups as a share of the centre's first running total."""
    return f"The PPH route is about {groups / first['value_std'] * 100:.0f}% of the centre's cases to {first['period_end']:%B %Y}"


def _bars() -> list[tuple[str, float, str, str]]:
    """The chart's bars, top to bottom: (name, value, qualifier, colour)."""
    c, v = _claim(), volumes()
    y2020, g = v["year"].iloc[0], v["grants"].iloc[0]
    rows = [(f"Cases received, {y2020['year']:.0f} (full year)", y2020["value_std"], "", colour("shenzhen"))]
    for _, r in v["cum"].iterrows():
        rows.append((f"Cases received, total to {when(r)}", r["value_std"], r["qualifier"] or "", colour("shenzhen")))
    rows.append(
        (
            f"Patents granted after pre-examination, total to {when(g)}",
            g["value_std"],
            g["qualifier"] or "",
            colour("beijing"),
        )
    )
    rows.append(
        (
            "High-value groups via pre-examination + PPH (the article)",
            float(c["stated_value"]),
            c["qualifier"] or "",
            colour("article"),
        )
    )
    return rows


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
        lab = _more_than(r[2]) + fmt_num(r[1])
        if r[1] > top * 0.5:  # a long bar: its value inside, at its end
            ax.text(r[1] - top * 0.01, yi, lab, va="center", ha="right", color="white")
        else:
            ax.text(r[1] + top * 0.01, yi, lab, va="center")
        ax.text(
            0, yi + 0.3, r[0].replace("the end of ", "end "), va="bottom", ha="left"
        )  # the row's name above its bar
    ax.set_yticks([])
    ax.set_ylim(-0.5, len(rows) - 0.3)
    ax.set_xlim(0, top * 1.05)
    ax.xaxis.set_major_locator(MultipleLocator(5000))  # five labels: legible on a phone
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:,.0f}"))
    ax.set_xlabel("Cases, patents or groups (件 / 件组)")
    ax.set_title(chart_title(float(_claim()["stated_value"]), volumes()["cum"].iloc[0]))
    alt = (
        "Horizontal bar chart of the Shenzhen protection centre's pre-examination volumes: "
        + "; ".join(f"{r[0]}: {_more_than(r[2]) + fmt_num(r[1])}" for r in rows)
        + ". The article's figure is the black bar."
    )
    data = chart_data()
    publish_chart(
        fig,
        "fig-preexam-pph",
        caption="The protection centre's pre-examination volumes (its own figures) "
        "and the article's count of high-value patent groups routed through pre-examination and PPH (black). "
        'Totals are running totals since the centre began work; bars marked "more than" are lower bounds.',
        alt=alt,
        data=data,
    )


def sources() -> None:
    common.sources(chart_data()["source_id"], volumes()["centres"]["source_id"])

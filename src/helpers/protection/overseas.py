"""The page on the overseas-dispute counters (chapters/protection/01-overseas-disputes.ipynb): what the
running totals imply, how they moved later, and the US Section 337 docket for context."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import names
from ..chart_words import AND_SEP, OR_SEP, joined, month_year
from ..charts import publish, publish_chart
from ..data import load_table
from ..evidence import ARTICLE_DATE, events, observations
from ..gluing import glue
from ..i18n import Words, both, cat, say, zh
from ..pages import fmt_num, round_to_inputs
from ..style import colour, hollow, legend_below, mark_article, new_figure
from ..units import convert
from ..verdicts import UNCHECKABLE, arithmetic_only, plural
from . import common
from .bilingual import commas, show_table, strength, verdict_badge
from .checks import counter_evidence, day_month_year, joined_pairs, running_total_text, usd_text
from .common import claim_box, glue_section_337, verdict_box  # noqa: F401  (what the notebook calls)

NOTEBOOK = "chapters/protection/01-overseas-disputes.ipynb"
BRANCH_ZH = "国家海外知识产权纠纷应对指导中心深圳分中心"  # the events table's name of the Shenzhen branch
YEARS_337 = range(2016, 2023)  # the years the Section 337 chart shows

# the counters in a few words (chart titles), by indicator
# TRANSLATORS: the overseas-dispute counters in a few words, at the end of a chart title ("... firms guided most")
SHORT = {
    "overseas_cases_monitored": zh("cases monitored"),
    "overseas_firms_involved": zh("firms involved"),
    "overseas_firms_guided": zh("firms guided"),
    "overseas_savings": zh("costs saved"),
    "overseas_losses_avoided": zh("losses avoided"),
}


def _claims() -> pd.DataFrame:
    """The page's claims, indexed by their indicator."""
    return common.page_claims(NOTEBOOK).set_index("indicators", drop=False)


def claims_table() -> None:
    common.claims_table(NOTEBOOK)


def derived() -> dict[str, float]:
    """Each figure derived from the article's, once, rounded to the precision of the figures it comes from."""
    c = _claims()
    cases, firms, guided = (
        float(c.at[i, "stated_value"])
        for i in ("overseas_cases_monitored", "overseas_firms_involved", "overseas_firms_guided")
    )
    saved, losses = (
        convert(float(c.at[i, "stated_value"]), c.at[i, "stated_unit"], "美元")
        for i in ("overseas_savings", "overseas_losses_avoided")
    )
    return {
        "cases": cases,
        "per_case": round_to_inputs(firms / cases, firms, cases),
        "share": round_to_inputs(guided / firms * 100, guided, firms),
        "saved": round_to_inputs(saved / guided, saved, guided),
        "losses": round_to_inputs(losses / guided, losses, guided),
        "ratio": round_to_inputs(losses / saved, losses, saved),
    }


def _texts(d: dict[str, float]) -> dict[str, str]:
    return {
        "per_case": fmt_num(d["per_case"]),
        "share": f"{fmt_num(d['share'])}%",
        "saved": usd_text(d["saved"], "thousand"),
        "losses": usd_text(d["losses"], "million"),
        "ratio": fmt_num(d["ratio"]),
    }


def branch_events() -> pd.DataFrame:
    ev = events()
    return ev[ev["name_zh"] == BRANCH_ZH].sort_values("when")


def glue_findings() -> None:
    d = derived()
    t = _texts(d)
    glue("od_firms_per_case", t["per_case"])
    glue("od_guided_share", t["share"])
    glue("od_saved_per_firm", t["saved"])
    glue("od_losses_per_firm", t["losses"])
    glue("od_loss_to_saving", t["ratio"])
    glue("od_cases", running_total_text(d["cases"], "件"))
    glue("od_branch_date", day_month_year(branch_events()["when"].iloc[0]))
    vt = common.page_verdicts(NOTEBOOK)
    glue("od_n_claims", plural(len(vt), "figure"))
    glue("od_n_unchecked", plural(int((vt["verdict"] == UNCHECKABLE).sum()), "figure"))


# TRANSLATORS: column headers of the table of figures derived from the article's own
DERIVED_COLUMNS = (
    zh("Derived figure"),
    zh("Value"),
    zh("How"),
    zh("Verdict"),
    zh("Strength"),
    zh("Coverage"),
)


def derived_table() -> None:
    t = _texts(derived())
    rows = [
        (zh("Firms involved per monitored case"), t["per_case"], zh("firms involved ÷ cases monitored")),
        (
            zh("Share of involved firms given one-to-one guidance"),
            t["share"],
            zh("firms guided ÷ firms involved"),
        ),
        (zh("Litigation costs saved per guided firm"), t["saved"], zh("costs saved ÷ firms guided")),
        (zh("Market losses avoided per guided firm"), t["losses"], zh("losses avoided ÷ firms guided")),
        (zh("Losses avoided for each dollar of costs saved"), t["ratio"], zh("losses avoided ÷ costs saved")),
    ]
    v = arithmetic_only(say(zh("derived from the article's own figures")))
    show_table(
        pd.DataFrame(
            {
                DERIVED_COLUMNS[0]: [say(r[0]) for r in rows],
                DERIVED_COLUMNS[1]: [r[1] for r in rows],
                DERIVED_COLUMNS[2]: [say(r[2]) for r in rows],
                DERIVED_COLUMNS[3]: [verdict_badge(v)] * len(rows),
                DERIVED_COLUMNS[4]: [strength(v)] * len(rows),
                DERIVED_COLUMNS[5]: [v.coverage] * len(rows),
            }
        )
    )


def later() -> pd.DataFrame:
    """Every other running total found for the page's counters, against the article's, as multiples."""
    rows = []
    for _, c in common.page_claims(NOTEBOOK).iterrows():
        for _, r in counter_evidence(c).iterrows():
            rows.append(
                {
                    "claim_id": c["claim_id"],
                    "counter": names.indicators()[c["indicators"]],
                    "article": float(c["stated_value"]),
                    "article_unit": c["stated_unit"],
                    "value": float(r["value"]),
                    "unit": r["unit"],
                    "period_end": r["period_end"],
                    "qualifier": r["qualifier"],
                    "relation": r["relation"],
                    "after_article": bool(r["after_article"]),
                    "note": r["note"],
                    "source_id": r["source_id"],
                }
            )
    t = pd.DataFrame(rows)
    t["later_std"] = [convert(v, u, au) for v, u, au in zip(t["value"], t["unit"], t["article_unit"])]
    t["multiple"] = t["later_std"] / t["article"]
    return t


def glue_later() -> None:
    t = later()
    c = _claims()
    zh_names = dict(zip(load_table("indicators")["indicator"], load_table("indicators")["name_zh"]))
    missing = [
        both(names.indicators()[i][:1].lower() + names.indicators()[i][1:], zh_CN=zh_names[i])
        for i, cid in zip(c["indicators"], c["claim_id"])
        if cid not in set(t["claim_id"])
    ]
    glue("od_later_when", month_year(t["period_end"].max()))
    glue("od_later_min", fmt_num(t["multiple"].min(), 1))
    glue("od_later_max", fmt_num(t["multiple"].max(), 1))
    glue("od_later_missing", joined_pairs(missing) if missing else say(zh("none")))
    g = t[t["claim_id"] == c.at["overseas_firms_guided", "claim_id"]].iloc[0]
    months = (g["period_end"].year - 2022) * 12 + g["period_end"].month - 9
    glue("od_guided_added", plural(int(g["later_std"] - g["article"]), "firm"))
    glue("od_guided_months", plural(months, "month"))
    glue("od_guided_per_month", fmt_num((g["later_std"] - g["article"]) / months, 0))


def later_title(t: pd.DataFrame) -> Words:
    """The finding of the later-totals chart: when, whether every total grew, which grew most."""
    indicator = _claims().set_index("claim_id")["indicators"]
    top = t.loc[t["multiple"].idxmax()]
    when, most = month_year(t["period_end"].max()), say(SHORT[indicator[top["claim_id"]]])
    if (t["multiple"] > 1).all():
        # TRANSLATORS: chart title; {when} is a month ("May 2024"), {most} a counter ("firms guided")
        return say(zh("By {when} Shenzhen's totals had grown, {most} most"), when=when, most=most)
    # TRANSLATORS: chart title; {when} is a month ("May 2024"), {most} a counter ("firms guided")
    return say(zh("By {when} Shenzhen's totals had moved, {most} most"), when=when, most=most)


def _tick(counter: str) -> str:
    return (
        counter.replace(" in overseas disputes", "")
        .replace("Firms given one-to-one overseas dispute guidance", "Firms given one-to-one guidance")
        .replace("Firms given ", "Firms given\n")
        .replace("Litigation ", "Litigation\n")
        .replace("Market losses ", "Market losses\n")
    )


def _counter_zh(counter: str) -> str:
    """A counter's Chinese name (indicators.csv ``name_zh``), from its English name."""
    ind = load_table("indicators")
    return dict(zip(ind["name_en"], ind["name_zh"]))[str(counter)]


def _counter_words(counter: str, en: str) -> Words:
    """``en`` (the counter's name as the chart writes it) with the Chinese name, the long one broken like the
    English tick (``_tick``) where ``en`` is."""
    z = _counter_zh(counter)
    if "\n" in en:
        z = z.replace("一对一应对指导", "一对一应对\n指导")
    return Words(en, {"zh_CN": z})


def later_chart() -> None:
    later_all = later()
    fig, ax = new_figure(figsize=(4.9, 3.6))
    t = later_all.sort_values("multiple")
    y = np.arange(len(t))
    ax.barh(
        y, t["multiple"], color=colour("shenzhen"), height=0.55, label=zh("Shenzhen's own later total 深圳后来公布")
    )
    ax.axvline(1, color=colour("article"), lw=1.5, label=zh("the article's figure = 1 文章数值"))
    for yi, (_, r) in zip(y, t.iterrows()):
        ax.text(
            r["multiple"] + 0.05,
            yi,
            # TRANSLATORS: a bar's note: the later total against the article's; {unit} is a Chinese unit (家, 万美元)
            say(
                zh("{later} vs {article} {unit}"),
                later=fmt_num(r["later_std"]),
                article=fmt_num(r["article"]),
                unit=r["article_unit"],
            ),
            va="center",
        )
    ax.set_yticks(y, [_counter_words(s, _tick(s)) for s in t["counter"]])
    ax.set_xlim(0, t["multiple"].max() * 1.45)
    ax.set_xlabel(zh("Later total ÷ the article's (times 倍)"))
    ax.set_title(later_title(later_all))
    legend_below(ax, ncol=1)
    when = month_year(later_all["period_end"].max())
    each = [
        # TRANSLATORS: one bar in a chart's alt text: a counter and its later total as a multiple of the article's
        say(
            zh("{counter} ({times} times)"),
            counter=_counter_words(r["counter"], str(r["counter"]).lower()),
            times=fmt_num(r["multiple"], 2),
        )
        for _, r in t.iterrows()
    ]
    alt = say(
        # TRANSLATORS: alt text of a chart; {bars} lists "counter (1.25 times)", {when} is a month ("May 2024")
        zh(
            "Horizontal bar chart: for {bars}, the city's total of about {when} divided by the article's figure; "
            "a black line marks the article's figure at 1."
        ),
        bars=joined(each),
        when=when,
    )
    counters = [names.indicators()[i] for i in _claims()["indicators"]]
    none = [_counter_words(c, str(c)[0].lower() + str(c)[1:]) for c in counters if c not in set(later_all["counter"])]
    caption = say(
        # TRANSLATORS: a chart's caption; {when} and {article} are months ("May 2024", "September 2022")
        zh(
            "Shenzhen's own running totals of about {when} against the article's ({article}), as multiples. Both "
            "are the claimant's; the later date is inferred."
        ),
        when=when,
        article=month_year(ARTICLE_DATE),
    )
    if none:
        # TRANSLATORS: the end of a chart's caption; {none} names the counters ("cases monitored or firms involved")
        caption = cat(caption, say(zh(" No later figure was found for {none}."), none=joined(none, OR_SEP)))
    publish_chart(
        fig,
        "fig-overseas-later",
        caption=caption,
        alt=alt,
        data=later_all.drop(columns=["later_std"]),
        source_ids=later_all["source_id"],
    )


def section_337() -> dict[str, pd.DataFrame]:
    """The Section 337 counts: all investigations (``s337``; full years in ``full``, part years in
    ``part``), those naming Chinese firms (``cn``) and their share (``sh``)."""
    s337 = observations("section337_investigations")
    return {
        "s337": s337,
        "full": s337[s337["period_type"] == "year"],
        "part": s337[s337["period_type"] == "cumulative"],
        "cn": observations("section337_china", regions="china"),
        "sh": observations("section337_china_share", regions="china"),
    }


def _years_with_total(full: pd.DataFrame) -> set[int]:
    return set(full["year"])


def glue_section_337_counts() -> None:
    s = section_337()
    cn, sh = s["cn"], s["sh"]
    have = _years_with_total(s["full"])
    glue("s337_years_any", commas(y for y in YEARS_337 if y in have))
    glue("s337_years_none", commas(y for y in YEARS_337 if y not in have))
    cn_sum = int(cn["value_std"].sum())
    glue("s337_cn_years", joined_pairs(str(int(y)) for y in sorted(cn["year"])))
    glue("s337_cn_sum", plural(cn_sum, "investigation"))
    glue("s337_ratio", fmt_num(derived()["cases"] / cn_sum, 0))
    implied = {
        int(r["year"]): r["value_std"] / (sh.loc[sh["year"] == r["year"], "value_std"].iloc[0] / 100)
        for _, r in cn.iterrows()
    }
    glue("s337_2019_implied", fmt_num(implied.get(2019, float("nan")), 0))
    # TRANSLATORS: a range of percentages ("45% to 60%")
    lo, hi = f"{sh['value_std'].min():.0f}", f"{sh['value_std'].max():.0f}"
    glue("s337_share_range", say(zh("{lo}% to {hi}%"), lo=lo, hi=hi))


def section_337_title(sh: pd.DataFrame) -> Words:
    """The finding of the Section 337 chart: the range of the share naming Chinese firms, and its years."""
    y0, y1 = int(sh["year"].min()), int(sh["year"].max())
    years = str(y0) if y0 == y1 else f"{y0}-{y1}"
    lo, hi = f"{sh['value_std'].min():.0f}", f"{sh['value_std'].max():.0f}"
    share = f"{lo}%" if lo == hi else f"{lo}-{hi}%"
    # TRANSLATORS: chart title; {share} is a percentage or a range ("35-40%"), {years} a year or a span of years
    return say(
        zh("Chinese firms were named in {share} of Section 337 investigations, {years}"), share=share, years=years
    )


STY_337 = {
    "instituted": ("o", "china"),
    "complaints": ("s", "beijing"),
    "complaints_ancillary": ("D", "shanghai"),
}


def section_337_data() -> pd.DataFrame:
    s = section_337()
    cols = ["indicator", "region", "period", "period_type", "value", "unit", "basis", "relation", "note", "source_id"]
    return pd.concat([s["s337"], s["cn"], s["sh"]])[cols]


def section_337_chart() -> None:
    s = section_337()
    full, cn, part = s["full"], s["cn"], s["part"]
    yrs = list(YEARS_337)
    have = _years_with_total(full)
    fig, ax = new_figure(figsize=(4.9, 4.6))
    ax.bar(
        cn["year"],
        cn["value_std"],
        color=colour("shenzhen"),
        width=0.5,
        alpha=0.8,
        label=zh("investigations naming Chinese firms 涉华调查"),
    )
    for b, (m, entity) in STY_337.items():
        d = full[full["basis"] == b]
        if len(d):
            ax.scatter(
                d["year"],
                d["value_std"],
                marker=m,
                color=colour(entity),
                s=50,
                zorder=3,
                # TRANSLATORS: a legend entry: all Section 337 cases, counted as {basis} ("complaints filed")
                label=say(zh("all: {basis}"), basis=names.basis(b)),
            )
    for _, r in part.iterrows():
        partial = zh("complaints to 1 September (partial year)")
        ax.scatter(r["year"], r["value_std"], label=partial, **hollow(colour("beijing"), 50, face="white"))
    for y in yrs:
        if y not in have and y not in set(part["year"]):
            top = float(cn.loc[cn["year"] == y, "value_std"].max()) if y in set(cn["year"]) else 0.0
            ax.text(
                y,
                top + 2,
                zh("no total\n无总数") if top else zh("no source\n无数据"),
                ha="center",
                va="bottom",
                color="#555555",
            )
    mark_article(ax, label=zh("article"), axis="year")
    ax.set_xlim(yrs[0] - 0.6, yrs[-1] + 1.0)
    ax.set_xticks(yrs)
    ax.set_ylim(0, full["value_std"].max() * 1.25)
    ax.set_ylabel(zh("Section 337 cases per year (件)"))
    ax.set_xlabel(zh("Year"))
    ax.set_title(section_337_title(s["sh"]))
    legend_below(ax, ncol=1)
    data = section_337_data()
    publish(
        fig,
        "fig-section-337",
        data,
        caption=zh(
            "US Section 337 cases per year, by what is counted, and the investigations naming Chinese firms "
            "(including Hong Kong, Macao and Taiwan). Markers of different shapes are different counts and are not "
            "joined."
        ),
        alt=zh(
            "Chart of US Section 337 counts per year from {first} to {last} by what is counted (investigations "
            "instituted, complaints filed, complaints plus ancillary proceedings), with bars for investigations "
            "naming Chinese firms in {years} ({counts}); years with no source are marked; a dashed line marks the "
            "article's date."
        ),
        first=yrs[0],
        last=yrs[-1],
        years=joined((str(y) for y in sorted(cn["year"])), AND_SEP),
        counts=joined(fmt_num(v) for v in cn.sort_values("year")["value_std"]),
    )


def verdicts() -> None:
    common.verdict_boxes(NOTEBOOK)


def sources() -> None:
    common.sources(later()["source_id"], section_337_data()["source_id"], branch_events()["source_id"])


def glue_verdicts() -> None:
    common.glue_verdicts(NOTEBOOK)

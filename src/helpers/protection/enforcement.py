"""The page on enforcement and institutions (chapters/protection/04-enforcement.ipynb): the section's
platforms, pilots and policies on a timeline, and enforcement volumes by year."""

from __future__ import annotations

import pandas as pd

from .. import names
from .. import timeline as tl
from ..chart_words import joined, same
from ..charts import publish_chart
from ..data import load_table
from ..evidence import ARTICLE_DATE, events, observations
from ..gluing import glue
from ..i18n import Words, both, say, zh
from ..pages import fmt_num
from ..style import colour, mark_article, new_figure, year_axis
from ..verdicts import plural
from . import common
from .bilingual import as_published, known, outlet, show_table

SECTION_PARAGRAPHS = range(15, 21)  # the article's protection section
# TRANSLATORS: what the colours of a timeline mean, at the end of its alt text
COLOURS = zh("institutions and pilots in blue, policies in orange")  # for the alt text
INSTITUTIONS = ("institution", "designation")  # event kinds drawn as institutions (the rest are policies)
SINGLE_YEAR = ("ip_admin_cases", "ip_criminal_cases", "ip_court_cases", "customs_seized_items")
SERIES_BASIS = "procuratorate_registered"  # the one enforcement series over several years


def _in_section(paragraphs) -> bool:
    return any(int(x) in SECTION_PARAGRAPHS for x in str(paragraphs).split(";") if x.isdigit())


def section_events() -> pd.DataFrame:
    """Dated events of the institutions, pilots and policies the protection section names, by date."""
    ev = events()
    return ev[ev["paragraph"].map(_in_section)].sort_values("when")


def glue_events() -> None:
    sec = section_events()
    # TRANSLATORS: how many of the section's items the events table covers ("6 of the institutions, …")
    glue("en_n_items", say(zh("{n} of the institutions, pilots and policies"), n=sec["name_zh"].nunique()))
    glue("en_n_events", plural(len(sec), "dated event"))
    glue("en_first", int(sec["when"].dt.year.min()))
    glue("en_last", int(sec["when"].dt.year.max()))


def _wrap(n: str, width: int = 14) -> str:
    """Break a long name once: before its bracketed part if it has one, else after ``width`` characters."""
    if len(n) <= width:
        return n
    cut = n.find("（")
    cut = cut if 6 <= cut <= width else width
    return n[:cut] + "\n" + n[cut:]


def timeline_title(sec: pd.DataFrame) -> Words:
    """The finding of the timeline: the years in which the section's platforms and pilots arrived."""
    inst = sec[sec["kind"].isin(INSTITUTIONS)]["when"].dt.year
    if inst.min() == inst.max():
        # TRANSLATORS: chart title (a timeline); {year} is a year
        return say(zh("The section's platforms and pilots arrived {year} · 平台与试点"), year=inst.min())
    # TRANSLATORS: chart title (a timeline); {first}-{last} is a span of years
    return say(
        zh("The section's platforms and pilots arrived {first}-{last} · 平台与试点"), first=inst.min(), last=inst.max()
    )


def timeline() -> None:
    sec = section_events()
    order = sec.drop_duplicates("name_zh")["name_zh"].tolist()
    fig, ax = new_figure(figsize=(4.9, max(3.0, 0.5 * len(order) + 1.6)))
    institution_or_not = lambda kind: colour("beijing") if kind in INSTITUTIONS else colour("shenzhen")  # noqa: E731
    tl.draw(ax, sec, {n: i for i, n in enumerate(order)}, institution_or_not, 48)
    for y in range(len(order)):
        ax.axhline(y, color="#EEEEEE", lw=0.6, zorder=0)
    ax.set_yticks(range(len(order)), [same(_wrap(n)) for n in order])  # Chinese names: alike in every edition
    ax.invert_yaxis()
    ax.grid(axis="x")
    tl.date_axis(ax, 2, zh("Date of the event"))
    ax.set_title(timeline_title(sec))
    ax.legend(loc="lower left", frameon=True, framealpha=0.9, edgecolor="none")
    # TRANSLATORS: what a timeline shows, in its alt text ("Timeline of 30 dated events for 20 institutions,
    # pilots and policies named in the protection section")
    things = say(zh("institutions, pilots and policies named in the protection section"))
    alt = tl.alt(sec, len(order), things, say(COLOURS))
    caption = say(
        zh(
            "Institutions and pilots (blue) and policies (orange) named in the protection section, by the date of "
            "each dated event; the dashed line is the article."
        )
    )
    publish_chart(fig, "fig-protection-timeline", caption=caption, alt=alt, data=sec[tl.COLUMNS])


# TRANSLATORS: column headers of the table of the section's dated events
EVENT_COLUMNS = (
    zh("Date"),
    zh("Name"),
    zh("In English"),
    zh("Event"),
    zh("Article paragraph"),
    zh("Source (outlet)"),
    zh("Who speaks"),
)


def _event_word(e: str):
    """The timeline's bilingual mark label ('Adopted 通过') as each edition's word."""
    label = tl.MARK[e][1]
    en, _, zh_word = label.rpartition(" ")
    return both(label, zh_CN=zh_word or en)


def events_table() -> None:
    src = load_table("sources").set_index("source_id")
    t = section_events()[["date", "name_zh", "name_en", "event", "paragraph", "source_id"]].copy()
    t["name_en"] = t["name_en"].map(as_published)
    t["event"] = t["event"].map(_event_word)
    t["who"] = t["source_id"].map(lambda s: known(names.relation(src.at[s, "relation"])))
    t["source_id"] = t["source_id"].map(lambda s: outlet(src.at[s, "outlet"]))
    t.columns = list(EVENT_COLUMNS)
    show_table(t)


def criminal() -> tuple[pd.DataFrame, pd.DataFrame]:
    """The procuratorate's criminal IP cases registered per year, and their suspects (Shenzhen)."""
    cr = observations("ip_criminal_cases", regions="shenzhen")
    proc = cr[cr["basis"] == SERIES_BASIS].sort_values("year")
    sus = observations("ip_criminal_suspects", regions="shenzhen").sort_values("year")
    return proc, sus


def _peak_and_last(proc: pd.DataFrame) -> tuple[pd.Series, pd.Series, str]:
    peak, last = proc.loc[proc["value_std"].idxmax()], proc.iloc[-1]
    return peak, last, f"{(1 - last['value_std'] / peak['value_std']) * 100:.0f}%"


def glue_criminal() -> None:
    proc, sus = criminal()
    peak, last, drop = _peak_and_last(proc)
    glue("en_proc_first", int(proc["year"].min()))
    glue("en_proc_last", int(proc["year"].max()))
    glue("en_proc_peak_year", int(peak["year"]))
    glue("en_proc_peak", fmt_num(peak["value_std"]))
    glue("en_proc_last_v", fmt_num(last["value_std"]))
    glue("en_proc_drop", drop)
    glue("en_proc_total", fmt_num(proc["value_std"].sum()))
    glue("en_sus_per_case", fmt_num(sus["value_std"].sum() / proc["value_std"].sum(), 1))


def criminal_title(proc: pd.DataFrame) -> Words:
    """The finding of the criminal-cases chart: the fall from the peak year to the latest, if any."""
    peak, last, drop = _peak_and_last(proc)
    if int(peak["year"]) == int(last["year"]):
        # TRANSLATORS: chart title; {year} is a year
        return say(zh("Criminal IP cases in Shenzhen were highest in {year}, the latest year"), year=int(last["year"]))
    # TRANSLATORS: chart title; {drop} is a percentage ("45%"), {peak} and {last} years
    return say(
        zh("Criminal IP cases in Shenzhen fell {drop} from {peak} to {last}"),
        drop=drop,
        peak=int(peak["year"]),
        last=int(last["year"]),
    )


def criminal_data() -> pd.DataFrame:
    proc, sus = criminal()
    return pd.concat([proc, sus])[
        ["indicator", "region", "period", "value", "unit", "basis", "relation", "note", "source_id"]
    ]


def criminal_chart() -> None:
    proc, sus = criminal()
    fig, ax = new_figure(figsize=(4.9, 3.4))
    ax.bar(proc["year"], proc["value_std"], color=colour("shenzhen"), width=0.6, label=zh("cases registered 立案"))
    ax.plot(sus["year"], sus["value_std"], marker="o", color=colour("china"), label=zh("suspects 犯罪嫌疑人"))
    year_axis(ax, int(proc["year"].min()), ARTICLE_DATE.year)
    mark_article(ax, label=zh("article"), axis="year")
    ax.set_ylim(0, max(proc["value_std"].max(), sus["value_std"].max()) * 1.25)
    ax.set_ylabel(zh("Cases (件) and suspects (人)"))
    ax.set_xlabel(zh("Year"))
    ax.set_title(criminal_title(proc))
    ax.legend(loc="upper right", frameon=False)

    def per_year(frame):
        # TRANSLATORS: a year's value in a list ("2019: 1,234")
        return joined(
            say(zh("{year}: {n}"), year=int(r["year"]), n=fmt_num(r["value_std"])) for _, r in frame.iterrows()
        )

    alt = say(
        # TRANSLATORS: alt text of a chart; {cases} and {suspects} are lists of "year: number"
        zh(
            "Bar chart of criminal IP cases registered by the Shenzhen procuratorate per year, {cases}, with a line "
            "for suspects, {suspects}."
        ),
        cases=per_year(proc),
        suspects=per_year(sus),
    )
    data = criminal_data()
    caption = say(
        zh(
            "Criminal IP cases registered by the Shenzhen procuratorate, and their suspects, per year (the "
            "procuratorate's own white paper)."
        )
    )
    publish_chart(fig, "fig-criminal-cases", caption=caption, alt=alt, data=data)


def single_years() -> pd.DataFrame:
    """The other enforcement figures found: single years, from different bodies."""
    parts = [observations(ind, regions="shenzhen") for ind in SINGLE_YEAR]
    single = pd.concat(parts)
    single = single[~((single["indicator"] == "ip_criminal_cases") & (single["basis"] == SERIES_BASIS))]
    return single.sort_values(["year", "indicator", "basis"])


def _shown(r: pd.Series):
    q = names.QUALIFIER[r["qualifier"]] + " " if r["qualifier"] else ""
    en = f"{q}{fmt_num(r['value_std'])} {r['unit_std']}"
    if not q:
        return en
    # TRANSLATORS: a value with its qualifier and unit ("more than 1,000 件")
    return say(
        zh("{qualifier} {value} {unit}"), qualifier=known(q.strip()), value=fmt_num(r["value_std"]), unit=r["unit_std"]
    )


def glue_single_years() -> None:
    single = single_years()
    court = single[(single["indicator"] == "ip_court_cases") & (single["basis"] == "received")]
    glue("en_court_n", plural(len(court), "figure"))
    glue("en_court_lo", fmt_num(court["value_std"].min()))
    glue("en_court_hi", fmt_num(court["value_std"].max()))


# TRANSLATORS: column headers of the table of single-year enforcement figures
SINGLE_COLUMNS = (zh("Year"), zh("What"), zh("Value"), zh("Note"), zh("Outlet"), zh("Who speaks"))


def single_years_table() -> None:
    single = single_years()
    zh_names = dict(zip(load_table("indicators")["indicator"], load_table("indicators")["name_zh"]))
    show_table(
        pd.DataFrame(
            {
                SINGLE_COLUMNS[0]: single["year"].astype(int),
                SINGLE_COLUMNS[1]: [
                    # TRANSLATORS: an indicator and its basis ("Criminal IP cases (registered by the procuratorate)")
                    say(
                        zh("{indicator} ({basis})"),
                        indicator=both(names.indicators()[i], zh_CN=zh_names[i]),
                        basis=known(names.basis(b)),
                    )
                    for i, b in zip(single["indicator"], single["basis"])
                ],
                SINGLE_COLUMNS[2]: [_shown(r) for _, r in single.iterrows()],
                SINGLE_COLUMNS[3]: [as_published(n) for n in single["note"]],
                SINGLE_COLUMNS[4]: [outlet(o) for o in single["outlet"]],
                SINGLE_COLUMNS[5]: [known(names.relation(r)) for r in single["relation"]],
            }
        )
    )


def sources() -> None:
    common.sources(section_events()["source_id"], criminal_data()["source_id"], single_years()["source_id"])

"""The page on the performance reviews (chapters/protection/03-performance-reviews.ipynb): each review,
who runs it, and what the city said of other years."""

from __future__ import annotations

import textwrap

import pandas as pd
from matplotlib.patches import Rectangle

from .. import names
from ..chart_words import SEMICOLON, joined
from ..charts import publish_chart
from ..evidence import events
from ..gluing import glue
from ..i18n import Words, in_lang, say, zh
from ..style import colour, legend_below, new_figure
from ..verdicts import plural
from . import common
from .bilingual import known, show_table
from .checks import CLAUSES, implied_start, joined_pairs, later_start, review_basis, review_rows
from .common import claim_box, verdict_box  # noqa: F401  (what the notebook calls)

NOTEBOOK = "chapters/protection/03-performance-reviews.ipynb"
ADMIN_REVIEW_EVENT = "ev-admin-review-2011"  # the events table's record of CNIPA's first administrative review
YEARS = range(2019, 2024)  # the review years the chart shows
RUN_BY = {  # who runs each review, by basis; '{since}' is the year of ADMIN_REVIEW_EVENT
    # TRANSLATORS: who runs a performance review (a table cell)
    "fast_protection": zh("CNIPA system (reviewing body not named in the sources found)"),
    "overseas_guidance": zh("CNIPA system (reviewing body not named in the sources found)"),
    # TRANSLATORS: who runs a performance review; {since} is a year
    "admin_protection": zh("CNIPA, every year since {since}"),
    # TRANSLATORS: who runs a performance review (a table cell)
    "gd_city_protection": zh("Guangdong province (reviewing body not named in the sources found)"),
}


def claims_by_review() -> dict[str, pd.Series]:
    """The page's claims (ledger rows) by the basis code of their review, in the ledger's order."""
    return {review_basis(c): c for _, c in common.page_claims(NOTEBOOK).iterrows()}


def admin_review_event() -> pd.DataFrame:
    ev = events()
    return ev[ev["event_id"] == ADMIN_REVIEW_EVENT]


def _since() -> int:
    return int(admin_review_event()["when"].dt.year.iloc[0])


def claims_table() -> None:
    common.claims_table(NOTEBOOK)


def glue_findings() -> None:
    c = claims_by_review()
    glue("pr_admin_since", _since())
    a = c["admin_protection"]
    start, (later, later_what, _) = implied_start(a), later_start(a)
    glue("pr_admin_n", plural(int(a["stated_value"]), "year"))
    glue("pr_admin_start", start)
    glue("pr_admin_later_start", later)
    glue("pr_admin_later_what", later_what)
    glue("pr_admin_gap", plural(abs(later - start), "year"))
    g = later_start(c["gd_city_protection"])
    glue("pr_gd_later_start", g[0])
    glue("pr_gd_later_what", g[1])
    glue("pr_fast_later_what", later_start(c["fast_protection"])[1])
    rk = review_rows("admin_protection")
    r2020 = rk[rk["kind"] == "performance_rank"].iloc[0]
    glue("pr_admin_2020", r2020["what"])
    glue("pr_admin_2020_outlet", r2020["outlet"])
    n_counting = sum(int(review_rows(b)["counts"].sum()) for b in c)
    glue("pr_n_counting", plural(n_counting, "statement") if n_counting else say(zh("none")))


def _who(r: pd.Series):
    w = say(zh("the city")) if r["relation"] == "claimant" else known(names.relation(r["relation"]))
    if r["after_article"]:
        # TRANSLATORS: who made a statement ({who}) and when: "the city, after the article"
        return say(zh("{who}, after the article"), who=w)
    return say(zh("{who}, before the article"), who=w)


# TRANSLATORS: column headers of the table of performance reviews
REVIEW_COLUMNS = (
    zh("Review"),
    zh("Run by"),
    zh("Article: start year"),
    zh("Other results found"),
    zh("Later statement: start year"),
)


def reviews_table() -> None:
    """The reviews side by side: who runs each, the article's start year, the other results found, and the
    start year a later statement implies."""
    rows = []
    for b, c in claims_by_review().items():
        # TRANSLATORS: a review result and who stated it ("first in 2023 (the city, after the article)")
        said = [say(zh("{what} ({who})"), what=r["what"], who=_who(r)) for _, r in review_rows(b).iterrows()]
        found = joined_pairs(said, CLAUSES) if said else say(zh("nothing"))
        s, _, at_least = later_start(c)
        # TRANSLATORS: a start year that is only a lower bound ("no earlier than 2020")
        start = (say(zh("no earlier than {year}"), year=s) if at_least else str(s)) if s else say(zh("none"))
        rows.append(
            {
                REVIEW_COLUMNS[0]: known(names.basis(b)),
                REVIEW_COLUMNS[1]: say(RUN_BY[b], since=_since()),
                REVIEW_COLUMNS[2]: str(implied_start(c)),
                REVIEW_COLUMNS[3]: found,
                REVIEW_COLUMNS[4]: start,
            }
        )
    show_table(pd.DataFrame(rows))


def chart_title() -> Words:
    """The finding of the chart: where the city's later statement starts the administrative protection run,
    against the article's start."""
    a = claims_by_review()["admin_protection"]
    start, later = implied_start(a), later_start(a)[0]
    if later is None:
        # TRANSLATORS: chart title; "the excellent run": the years in a row Shenzhen was graded excellent in the
        # administrative protection review; {start} is a year
        return say(zh("No later city statement dates the excellent run the article starts in {start}"), start=start)
    if later == start:
        # TRANSLATORS: chart title; {start} is a year
        return say(zh("Later city statements also start the excellent run in {start}"), start=start)
    # TRANSLATORS: chart title; {later} and {start} are years
    return say(zh("Later city statements start the excellent run in {later}, not {start}"), later=later, start=start)


def statements(basis: str) -> Words:
    """What the statements found for one review say, each with whether it came before or after the article."""
    rows = review_rows(basis)
    if rows.empty:
        # TRANSLATORS: in a chart's alt text: no statement was found for a review
        return say(zh("no statement found"))
    # TRANSLATORS: in a chart's alt text: what a statement says ("first in 2021"), published after the article
    after = zh("{what} (after the article)")
    # TRANSLATORS: in a chart's alt text: what a statement says ("first in 2021"), published before the article
    before = zh("{what} (before the article)")
    return joined(say(after if r["after_article"] else before, what=r["what"]) for _, r in rows.iterrows())


def _review_tick(basis: str) -> Words:
    """A review's name on the chart's axis: without the word "review", on lines of at most 18 characters."""
    name = names.basis(basis)
    en = textwrap.fill(str(name).replace(" review", ""), 18)
    z = str(in_lang(name, "zh_CN"))
    if z != str(name):  # a Chinese name: lines of at most 9 characters
        z = "\n".join(textwrap.wrap(z, 9))
    return Words(en, {"zh_CN": z})


def chart_data() -> pd.DataFrame:
    data = pd.concat([review_rows(b).assign(review=names.basis(b)) for b in claims_by_review()])
    data["years"] = data["years"].map(lambda ys: ";".join(str(y) for y in ys))
    return data


def chart() -> None:
    by_review = claims_by_review()
    n = len(by_review)
    fig, ax = new_figure(figsize=(4.9, 4.4))
    for i, (b, c) in enumerate(by_review.items()):
        yc = n - 1 - i
        for y in range(implied_start(c), int(c["period_end"].year) + 1):
            ax.add_patch(
                Rectangle(
                    (y - 0.45, yc + 0.02), 0.9, 0.42, color=colour("article"), label=zh("the article's claim 文章")
                )
            )
        rr = review_rows(b).sort_values("after_article", ascending=False)  # earlier statements on top
        for _, r in rr.iterrows():
            col = colour("shenzhen") if r["relation"] == "claimant" else colour("beijing")
            for y in r["years"]:
                ax.add_patch(
                    Rectangle(
                        (y - 0.45, yc - 0.44),
                        0.9,
                        0.42,
                        facecolor="white" if r["after_article"] else col,
                        edgecolor=col,
                        hatch="///" if r["after_article"] else None,
                        lw=1.2,
                        label=(
                            zh("city's statement after the article 深圳后来表述")
                            if r["after_article"]
                            else zh("city's statement before the article 深圳此前表述")
                        ),
                    )
                )
    h, lab = ax.get_legend_handles_labels()
    uniq = dict(zip(lab, h))
    legend_below(ax, ncol=1, handles=list(uniq.values()), labels=list(uniq.keys()))
    ax.set_yticks(range(n), [_review_tick(b) for b in by_review][::-1])
    ax.set_xlim(YEARS[0] - 0.6, YEARS[-1] + 0.6)
    ax.set_ylim(-0.6, n - 0.4)
    ax.set_xticks(list(YEARS))
    ax.grid(False)
    ax.set_xlabel(zh("Review year"))
    ax.set_title(chart_title())
    a = by_review["admin_protection"]
    alt = say(
        # TRANSLATORS: alt text of a chart; {statements} lists, for each review, what the city's statements say
        zh(
            "Grid of review years {first} to {last} for {n} reviews; upper halves mark the years the article claims "
            "a top result ({start} to {end} for administrative protection, {end} for the others); lower halves "
            "mark years covered by the city's own statements, hatched when published after the article: "
            "{statements}."
        ),
        first=YEARS[0],
        last=YEARS[-1],
        n=n,
        start=implied_start(a),
        end=int(a["period_end"].year),
        # TRANSLATORS: in a chart's alt text: a review and what the statements found for it say
        statements=joined(
            (say(zh("{review}, {statements}"), review=names.basis(b), statements=statements(b)) for b in by_review),
            SEMICOLON,
        ),
    )
    data = chart_data()
    caption = say(
        zh(
            "Which review years each statement covers: the article's claims (black, upper half) and the city's own "
            "statements (orange, lower half; hatched if published after the article). No independent statement was "
            "found."
        )
    )
    publish_chart(fig, "fig-review-years", caption=caption, alt=alt, data=data.drop(columns=["counts"]))


def verdicts() -> None:
    common.verdict_boxes(NOTEBOOK)


def sources() -> None:
    common.sources(chart_data()["source_id"], admin_review_event()["source_id"])


def glue_verdicts() -> None:
    common.glue_verdicts(NOTEBOOK)

"""schema.org ``ClaimReview`` structured data (JSON-LD in the page head), one per claim, on each claim's page.

What fact-check aggregators read: ``claimReviewed`` (the claim, paraphrased, with the figure as the article
prints it), ``itemReviewed`` (a ``Claim`` whose author is the newspaper and whose appearance is the article,
with its date), ``reviewRating`` (a ``Rating`` whose ``alternateName`` is the verdict in words), ``author``
(this book), ``datePublished`` (the date of the last commit that changed the page) and ``url``.

The verdict is the one the page itself shows: the ``<claim>_verdict`` value its notebook glued when it was
last executed (stored in the notebook, which nbval proves equal to a fresh run). A claim page that glues no
verdict for one of its claims fails the build, so a review can never disagree with its page.
"""

from __future__ import annotations

import ast
import csv
import json
import subprocess
from functools import lru_cache
from pathlib import Path

from sphinx.errors import ExtensionError

ARTICLE_AUTHOR = "中国质量报"  # the outlet as the article names itself (helpers.evidence.ARTICLE has the rest)


def glued(notebook: Path, edition: str = "en") -> dict[str, str]:
    """Glue key -> plain-text value, from a notebook's stored outputs: for a translated ``edition``, the
    value the helper stored for it, swapped in as the Chinese build swaps it (``i18n.swap_variants``)."""
    from .i18n import SOURCE, swap_variants

    nb = json.loads(notebook.read_text(encoding="utf-8"))
    if edition != SOURCE:
        swap_variants(nb, edition)
    out = {}
    for c in nb["cells"]:
        for o in c.get("outputs", []):
            name = o.get("metadata", {}).get("scrapbook", {}).get("name")
            text = o.get("data", {}).get("application/papermill.record/text/plain")
            if name and text is not None:
                try:
                    out[name] = str(ast.literal_eval(text))
                except (ValueError, SyntaxError):
                    out[name] = text
    return out


@lru_cache(maxsize=1)
def _claims(srcdir: str) -> tuple[dict, ...]:
    with open(Path(srcdir) / "data" / "claims.csv", encoding="utf-8", newline="") as f:
        return tuple(csv.DictReader(f))


def last_changed(path: Path) -> str:
    """YYYY-MM-DD of the last commit that changed ``path``, or '' outside git."""
    try:
        r = subprocess.run(
            ["git", "-C", str(path.parent), "log", "-1", "--format=%cs", "--", path.name],
            capture_output=True,
            text=True,
            timeout=20,
        )
    except (OSError, subprocess.SubprocessError):
        return ""
    return r.stdout.strip() if r.returncode == 0 else ""


def reviews(app, pagename: str) -> list[dict]:
    """The ClaimReview objects for the claims whose page is ``pagename`` (empty for any other page)."""
    from helpers.evidence import ARTICLE

    from .i18n import HREFLANG, edition

    srcdir = Path(app.srcdir)
    rows = [c for c in _claims(str(srcdir)) if c["notebook"] == f"{pagename}.ipynb"]
    if not rows:
        return []
    notebook = srcdir / rows[0]["notebook"]
    cfg = app.config
    lang = edition(cfg)
    values = glued(notebook, lang)
    url = f"{cfg.html_baseurl}{pagename}.html"  # a translated edition's html_baseurl ends in its folder
    date = last_changed(notebook) or cfg.book_commit_date
    out = []
    for c in rows:
        key = c["claim_id"].replace("-", "_") + "_verdict"
        if key not in values:
            raise ExtensionError(f"{c['notebook']}: no glued {key}, so its ClaimReview would have no verdict")
        if lang == "en":
            claim = c["claim_en"] + (f" ({c['printed_zh']})" if c.get("printed_zh") else "")
        else:  # the ledger's Chinese paraphrase, then the article's own words as printed
            claim = c["claim_zh"] + (f"（原文：{c['printed_zh']}）" if c.get("printed_zh") else "")
        review = {
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "claimReviewed": claim,
            "itemReviewed": {
                "@type": "Claim",
                "author": {"@type": "Organization", "name": ARTICLE_AUTHOR, "alternateName": "China Quality News"},
                "datePublished": ARTICLE["date"],
                "appearance": {
                    "@type": "NewsArticle",
                    "headline": ARTICLE["title"],
                    "datePublished": ARTICLE["date"],
                    "author": {"@type": "Organization", "name": ARTICLE_AUTHOR},
                },
            },
            "reviewRating": {"@type": "Rating", "alternateName": values[key]},
            "author": {"@type": "Organization", "name": cfg.author, "url": cfg.html_baseurl},
            "url": url,
            "inLanguage": HREFLANG[lang],
        }
        if date:
            review["datePublished"] = date
        out.append(review)
    return out


def script(review: dict) -> str:
    text = json.dumps(review, ensure_ascii=False, indent=None, sort_keys=False).replace("</", "<\\/")
    return f'<script type="application/ld+json">{text}</script>\n'


def add_claimreviews(app, pagename, templatename, context, doctree):
    if doctree is None:
        return
    found = reviews(app, pagename)
    if found:
        context["metatags"] = context.get("metatags", "") + "".join(script(r) for r in found)


def setup(app):
    app.connect("html-page-context", add_claimreviews)

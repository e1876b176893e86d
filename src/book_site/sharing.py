"""Sharing and citing, with nothing loaded from another host.

- Social preview tags (sphinxext-opengraph, configured here): title, description (the page's first text),
  and an image: the page's first chart, or a card drawn once at build time from the book's title with the
  bundled font (``_static/social-card.png``). The site's address comes from ``html_baseurl``.
- The sitemap (sphinx-sitemap) uses the same address, one URL per page, without a language prefix.
- At the foot of every page: the date and short hash of the git commit the page was built from, and a
  "how to cite this page" line (author, year, page title, book title, commit, address).

The commit is read once per build with git. It is an "html" config value, so a new commit rewrites every
page (writing, not re-executing: no notebook runs). Outside a git clone (e.g. the bench's copy) the line says
the commit is unknown.
"""

from __future__ import annotations

import html
import subprocess
from pathlib import Path

from sphinx.util import logging

logger = logging.getLogger(__name__)

CARD = "social-card.png"
CORRECTIONS = "chapters/corrections"  # the page that lists corrections
TRACKER = "the repository's issue tracker"


def git_commit(srcdir: Path) -> tuple[str, str]:
    """(short hash, commit date YYYY-MM-DD) of HEAD in ``srcdir``, or ("", "") outside a git clone."""
    try:
        r = subprocess.run(
            ["git", "-C", str(srcdir), "log", "-1", "--format=%h %cs"], capture_output=True, text=True, timeout=20
        )
    except (OSError, subprocess.SubprocessError):
        return "", ""
    parts = r.stdout.split()
    return (parts[0], parts[1]) if r.returncode == 0 and len(parts) == 2 else ("", "")


def issues_url(config) -> str:
    """The repository's issue tracker, from the one repository address in ``_config.yml``."""
    repo = ((config.html_theme_options or {}).get("repository_url") or "").rstrip("/")
    return f"{repo}/issues" if repo else ""


def book_title(config) -> str:
    return config.html_title or config.project


def configure(app, config):
    from .i18n import chrome

    commit, date = git_commit(Path(app.srcdir))
    config.book_commit, config.book_commit_date = commit, date
    base = config.html_baseurl or ""
    config.ogp_site_url = base
    config.ogp_site_name = book_title(config)
    config.ogp_use_first_image = True
    config.ogp_image = f"{base}_static/{CARD}" if base else None
    config.ogp_image_alt = False
    config.ogp_social_cards = {"enable": False}  # its cards need a download-free font setup; ours is below
    config.sitemap_url_scheme = "{link}"
    # pages can say where to report an error ({{ issues_link }}) without repeating the address
    url = issues_url(config)
    if url:
        config.myst_substitutions = {
            **(config.myst_substitutions or {}),
            "issues_link": f"[{chrome(config, TRACKER)}]({url})",
        }


def draw_card(app):
    """A 1200x630 card with the book's title, in the bundled font; written only when missing or changed."""
    if app.builder.format != "html":
        return
    import hashlib
    import io

    target = Path(app.outdir) / "_static" / CARD
    stamp = target.with_suffix(".png.digest")
    title = book_title(app.config)
    digest = hashlib.sha256(title.encode()).hexdigest()
    if target.exists() and stamp.exists() and stamp.read_text() == digest:
        return
    from helpers.style import new_figure

    fig, ax = new_figure(figsize=(12, 6.3))
    ax.set_axis_off()
    fig.patch.set_facecolor("#ffffff")
    fig.text(0.06, 0.62, title, fontsize=44, color="#222222", va="center")
    fig.text(
        0.06, 0.40, "深圳知识产权 · figures re-derived from their sources", fontsize=24, color="#D55E00", va="center"
    )
    fig.text(
        0.06,
        0.18,
        "Every number computed from the data, with its provenance.",
        fontsize=20,
        color="#555555",
        va="center",
    )
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=100, bbox_inches=None, metadata={"Software": None})
    import matplotlib.pyplot as plt

    plt.close(fig)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(buf.getvalue())
    stamp.write_text(digest)


def cite_line(app, pagename: str, title: str) -> str:
    """The provenance aside, in this build's edition (its words from ``i18n.CHROME``)."""
    from .i18n import chrome

    cfg = app.config

    def t(text: str, **values) -> str:
        return chrome(cfg, text).format(**values)

    url = f"{cfg.html_baseurl}{pagename}.html" if cfg.html_baseurl else f"{pagename}.html"
    year = (cfg.book_commit_date or cfg.copyright or "")[:4]
    if cfg.book_commit:
        commit = f"<code>{html.escape(cfg.book_commit)}</code>"
        built = t(
            "Built from commit {commit} of {date}.",
            commit=commit,
            date=f'<time datetime="{cfg.book_commit_date}">{cfg.book_commit_date}</time>',
        )
        version = t(", commit {commit}", commit=html.escape(cfg.book_commit))
    else:
        built = t("Built from a copy outside git: the commit is not known.")
        version = ""
    cite = t(
        "{author} ({year}). “{title}”. In <em>{book}</em>{version}. {link}",
        author=html.escape(cfg.author),
        year=year,
        title=html.escape(title),
        book=html.escape(book_title(cfg)),
        version=version,
        link=f'<a href="{html.escape(url)}">{html.escape(url)}</a>',
    )
    issues = issues_url(cfg)
    corrections = app.builder.get_relative_uri(pagename, CORRECTIONS)
    if pagename == CORRECTIONS:
        where = t("on this page")
    else:
        where = t(
            "on {corrections}", corrections=f'<a href="{html.escape(corrections)}">{t("the corrections page")}</a>'
        )
    report = (
        f'<p class="book-report"><strong>{t("Found an error?")}</strong> '
        + t(
            "Report it on {tracker}, with the page, the value and a source; corrections are listed {where}.",
            tracker=f'<a href="{html.escape(issues)}">{t(TRACKER)}</a>',
            where=where,
        )
        + "</p>"
        if issues
        else ""
    )
    label = t("Provenance, citation and how to report an error")
    return (
        f'<aside class="book-provenance" aria-label="{label}">'
        f'<p class="book-built">{built}</p>'
        f'<p class="book-cite"><strong>{t("How to cite this page:")}</strong> {cite}</p>{report}</aside>'
    )


def add_provenance(app, pagename, templatename, context, doctree):
    if doctree is None or "body" not in context:
        return
    import re
    from html import unescape

    title = unescape(re.sub(r"<[^>]+>", "", context.get("title") or pagename))
    context["body"] = context["body"] + cite_line(app, pagename, title)


def setup(app):
    app.setup_extension("sphinxext.opengraph")
    app.setup_extension("sphinx_sitemap")
    app.add_config_value("book_commit", "", "html")
    app.add_config_value("book_commit_date", "", "html")
    app.connect("config-inited", configure, priority=400)
    app.connect("builder-inited", draw_card)
    app.connect("html-page-context", add_provenance, priority=600)

"""The Chinese edition (issue 25): what Sphinx's gettext route needs to work with this book's notebooks.

The English book is the source; the Chinese edition is built from the same notebooks with
``sphinx-build -D language=zh_CN`` (``make book-zh``) and translated prose from the per-page catalogs in
``locales/zh_CN/LC_MESSAGES/``. Without ``language=zh_CN`` nothing here changes a page, except that code-cell
outputs are kept out of the catalogs (which only the gettext builder reads).

- **Glue in translated paragraphs.** Sphinx parses a msgstr as a fresh document with no notebook behind it,
  so MyST-NB's ``{glue:text}`key``` finds no data. Where there is no notebook, the role is rewritten to
  MyST-NB's cross-document form ``/docname.ipynb::key:spec`` (``:s`` when there is no spec), which the
  page's own glue cache resolves. A mistyped key still fails the strict build (``Glue reference … not
  found``).
- **``_toc.yml`` captions** are translated by a transform after sphinx-external-toc's ``InsertToctrees``
  (which runs after Sphinx's ``Locale``); the empty ``rawcaption`` it sets on captionless toctrees, an empty
  msgid that breaks ``msgfmt``, is deleted.
- **Outputs stay out of the page catalogs.** Text inside a code cell's output is marked untranslatable
  before ``Locale`` (and image alt text is hidden from the gettext builder): it holds computed numbers,
  and would go fuzzy at every data change. Helpers write computed text in both editions instead.
- **Computed-text variants.** A helper stores the Chinese Markdown of an output (or the Chinese value of a
  glued phrase) in the output's metadata under ``book_i18n``; when Sphinx reads a notebook for
  ``language=zh_CN``, it is swapped in (``source-read``).
- **Switcher and addresses.** English stays at the root, Chinese is published under ``zh_CN/``. Each page of
  an edition that has a counterpart gets a relative link to the same page in the other edition (in the
  article header) and ``<link rel="alternate" hreflang=…>`` with absolute addresses; the Chinese build's
  ``html_baseurl`` (hence canonical, ``og:url``, sitemap) ends in ``zh_CN/``. The English pages link to
  the Chinese edition only once it is released (``book_i18n_released`` in ``_config.yml``).
"""

from __future__ import annotations

import json
from pathlib import Path

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms import SphinxTransform
from sphinx.util import logging

logger = logging.getLogger(__name__)

SOURCE = "en"
EDITIONS = ("en", "zh_CN")
PATH = {"en": "", "zh_CN": "zh_CN/"}  # where each edition is published, under the site's root
HREFLANG = {"en": "en", "zh_CN": "zh-CN"}
LABEL = {"en": "English", "zh_CN": "中文"}
METADATA_KEY = "book_i18n"
TEMPLATES = Path(__file__).parent / "templates"
SWITCH_TEMPLATE = "book-i18n-switch.html"
GLUE_RECORD = "application/papermill.record/"


# The site's own words outside the pages (the provenance aside, the footer, the search box): short, fixed, and
# not in any page's catalog, so each translated edition's are here. ``chrome`` raises on an English text with
# no entry, so changing the English without its translation fails the build.
CHROME = {
    "zh_CN": {
        "Built from commit {commit} of {date}.": "本页构建自提交 {commit}（{date}）。",
        "Built from a copy outside git: the commit is not known.": "本页构建自 git 之外的副本，提交未知。",
        "How to cite this page:": "引用本页：",
        "{author} ({year}). “{title}”. In <em>{book}</em>{version}. {link}": (
            "{author}（{year}）。《{title}》。载于<em>《{book}》</em>{version}。{link}"
        ),
        ", commit {commit}": "，提交 {commit}",
        "Provenance, citation and how to report an error": "出处、引用与报告错误",
        "Found an error?": "发现错误？",
        "Report it on {tracker}, with the page, the value and a source; corrections are listed {where}.": (
            "请在{tracker}报告，注明页面、数值和来源；更正记录{where}。"
        ),
        "the repository's issue tracker": "代码库的问题跟踪页",
        "on this page": "见本页",
        "on {corrections}": "见{corrections}",
        "the corrections page": "更正页",
        "Search this book...": "搜索本书……",
        "The Shenzhen IP fact-check project": "深圳知识产权核查项目",
        "Text and data: CC BY 4.0. Code: MIT. Every figure is computed from the files in <code>data/</code> at "
        "the commit the book was built from.\n": (
            "文字与数据：CC BY 4.0。代码：MIT。书中每个数字都由构建本书的那次提交中 <code>data/</code> 下的"
            "文件计算得出。\n"
        ),
    }
}


def chrome(config, text: str) -> str:
    """``text`` (one of the site's own English texts, a ``str.format`` template or not) in this build's
    edition."""
    lang = edition(config)
    if lang == SOURCE:
        return text
    try:
        return CHROME[lang][text]
    except KeyError:
        from sphinx.errors import ExtensionError

        raise ExtensionError(f"book_site.i18n.CHROME[{lang!r}] has no translation of {text!r}") from None


def edition(config) -> str:
    lang = (config.language or SOURCE).replace("-", "_")
    return lang if lang in EDITIONS else SOURCE


# --- glue roles in translated paragraphs -------------------------------------------------------------


def _glue_text_role():
    from myst_nb.ext.glue.roles import PasteTextRole

    class TranslatedPasteTextRole(PasteTextRole):
        """``{glue:text}`` that, in a translated paragraph (parsed without its notebook), reads the page's
        own glue cache through MyST-NB's ``path::key`` form."""

        def run(self):
            if "nb_renderer" not in self.document and "::" not in self.text:
                env = self.document.settings.env
                doc = env.doc2path(env.docname, False)
                if str(doc).endswith(".ipynb"):
                    key, _, spec = self.text.partition(":")
                    self.text = f"/{doc}::{key}:{spec or 's'}"
            return super().run()

    return TranslatedPasteTextRole()


# --- outputs out of the catalogs ---------------------------------------------------------------------


def _in_output(node) -> bool:
    p = node.parent
    while p is not None:
        if isinstance(p, nodes.container) and "cell_output" in p.get("classes", ()):
            return True
        p = p.parent
    return False


class OutputsUntranslatable(SphinxTransform):
    """Code-cell outputs are computed: keep them out of the page catalogs (before ``Locale``, 20)."""

    default_priority = 15

    def apply(self, **kwargs):
        # Only the catalogs need it: marking a built page's output text untranslatable emptied the text of
        # `[words](page.ipynb)` links inside output tables (the front page's scorecard) in the HTML.
        if self.app.builder.name != "gettext":
            return
        for out in self.document.findall(nodes.container):
            if "cell_output" not in out.get("classes", ()):
                continue
            for node in out.findall(nodes.Element):
                if isinstance(node, nodes.image) and node.get("alt"):
                    # an image with alt text is always translatable: drop the alt (this runs for the
                    # gettext builder only, whose doctrees no page is built from)
                    del node["alt"]
                elif isinstance(node, (nodes.TextElement, addnodes.translatable)):
                    node["translatable"] = False


# --- _toc.yml captions -------------------------------------------------------------------------------


class TranslateTocCaptions(SphinxTransform):
    """sphinx-external-toc inserts toctrees (priority 100) after Sphinx's ``Locale`` (20): translate their
    captions here, and drop the empty ``rawcaption`` of captionless ones (an empty msgid)."""

    default_priority = 101

    def apply(self, **kwargs):
        trees = [t for t in self.document.findall(addnodes.toctree)]
        for t in trees:
            if "rawcaption" in t and not t["rawcaption"]:
                del t["rawcaption"]
        if edition(self.config) == SOURCE or not any(t.get("rawcaption") for t in trees):
            return
        from sphinx.locale import init as init_locale
        from sphinx.util.i18n import docname_to_domain

        dirs = [str(Path(self.env.srcdir, d)) for d in self.config.locale_dirs]
        domain = docname_to_domain(self.env.docname, self.config.gettext_compact)
        catalog, has = init_locale(dirs, self.config.language, domain)
        if not has:
            return
        for t in trees:
            raw = t.get("rawcaption")
            if raw:
                text = catalog.gettext(raw)
                if text and text != raw:
                    t["caption"] = text


# --- computed-text variants --------------------------------------------------------------------------


def swap_variants(notebook: dict, lang: str) -> int:
    """Replace, in place, each output's data by its ``lang`` variant from ``metadata.book_i18n``; return
    how many outputs were swapped."""
    n = 0
    for cell in notebook.get("cells", ()):
        for out in cell.get("outputs", ()) if cell.get("cell_type") == "code" else ():
            variant = (out.get("metadata") or {}).get(METADATA_KEY, {}).get(lang)
            if not variant or "data" not in out:
                continue
            glued = (out["metadata"].get("scrapbook") or {}).get("mime_prefix", "")
            for mime, value in variant.items():
                out["data"][glued + mime] = value
            n += 1
    return n


def localise_outputs(app, docname, source):
    lang = edition(app.config)
    if lang == SOURCE or not str(app.env.doc2path(docname)).endswith(".ipynb"):
        return
    if f'"{METADATA_KEY}"' not in source[0]:
        return
    nb = json.loads(source[0])
    if swap_variants(nb, lang):
        source[0] = json.dumps(nb, ensure_ascii=False, indent=1)


# --- switcher, hreflang, addresses -------------------------------------------------------------------


def site_root(config) -> str:
    """The English edition's address (the site's root), from this build's ``html_baseurl``."""
    base = config.html_baseurl or ""
    lang = edition(config)
    if lang != SOURCE and base.endswith(PATH[lang]):
        base = base[: -len(PATH[lang])]
    return base


def translated_title(srcdir, config, lang: str) -> str | None:
    """The book's title (``html_title``) as the ``lang`` edition's catalogs translate it: the front page's
    heading is the same English text, so its catalog holds the translation."""
    from babel.messages.pofile import read_po

    for d in config.locale_dirs:
        for po in sorted(Path(srcdir, d, lang, "LC_MESSAGES").rglob("*.po")):
            with po.open("rb") as f:
                m = read_po(f).get(config.html_title)
            if m is not None and m.string and not m.fuzzy:
                return m.string
    return None


def configure(app, config):
    lang = edition(config)
    if lang != SOURCE and config.html_title:
        # the <title> suffix and the site's name in the header: in the edition's language
        config.html_title = translated_title(app.srcdir, config, lang) or config.html_title
    base = config.html_baseurl or ""
    if lang != SOURCE and base and not base.endswith(PATH[lang]):
        config.html_baseurl = base + PATH[lang]  # canonical, og:url and the sitemap follow (sharing.py)
    bibfiles = getattr(config, "bibtex_bibfiles", None)  # sphinxcontrib-bibtex's, where it is loaded
    if lang != SOURCE and bibfiles:
        # the bibliography's own descriptions in the edition's language: references.<lang>.bib beside each file
        translated = [str(Path(b).with_suffix(f".{lang}.bib")) for b in bibfiles]
        missing = [b for b in translated if not Path(app.confdir, b).is_file()]
        if missing:
            from sphinx.errors import ExtensionError

            raise ExtensionError(f"the {lang} edition has no bibliography file {missing[0]}")
        config.bibtex_bibfiles = translated
        from .bibstyle import NAME

        config.bibtex_default_style = NAME[lang]  # its fixed words ("visited on", "pages") in the language
    if lang != SOURCE and config.author:
        # the footer, the citation line, ClaimReview's author (tests/test_i18n.py finds an English one left)
        config.author = CHROME[lang].get(config.author, config.author)
    if lang != SOURCE and config.html_theme == "sphinx_book_theme":
        opts = dict(config.html_theme_options or {})
        for key in ("extra_footer", "search_bar_text"):
            if opts.get(key):
                opts[key] = chrome(config, opts[key])
        config.html_theme_options = opts
    if str(TEMPLATES) not in [str(p) for p in config.templates_path]:
        config.templates_path = [*config.templates_path, str(TEMPLATES)]
    if others(config) and config.html_theme == "sphinx_book_theme":
        opts = dict(config.html_theme_options or {})
        end = list(opts.get("article_header_end") or ["article-header-buttons.html"])
        if SWITCH_TEMPLATE not in end:
            end.insert(0, SWITCH_TEMPLATE)
        opts["article_header_end"] = end
        config.html_theme_options = opts


def others(config) -> list[str]:
    """The editions this build's pages link to: English always links to the released editions; a
    translated edition links to English (and the other released ones)."""
    lang = edition(config)
    released = [e for e in config.book_i18n_released if e in EDITIONS]
    linked = [SOURCE, *released] if lang != SOURCE else released
    return [e for e in dict.fromkeys(linked) if e != lang]


def edition_href(pagename: str, here: str, there: str) -> str:
    """Relative link from ``pagename`` in edition ``here`` to the same page in edition ``there``, as both
    are published (English at the root, others under their path): works from ``file://`` too."""
    depth = pagename.count("/") + PATH[here].count("/")
    return "../" * depth + PATH[there] + pagename + ".html"


def add_alternates(app, pagename, templatename, context, doctree):
    targets = others(app.config)
    if not targets or doctree is None:
        return
    lang = edition(app.config)
    root = site_root(app.config)
    context["book_i18n_links"] = [
        {"href": edition_href(pagename, lang, e), "hreflang": HREFLANG[e], "label": LABEL[e]} for e in targets
    ]
    if root:
        tags = [
            f'<link rel="alternate" hreflang="{HREFLANG[e]}" href="{root}{PATH[e]}{pagename}.html" />'
            for e in sorted({lang, *targets})
        ]
        tags.append(f'<link rel="alternate" hreflang="x-default" href="{root}{pagename}.html" />')
        context["metatags"] = context.get("metatags", "") + "\n" + "\n".join(tags)


def setup(app):
    app.setup_extension("myst_nb")
    app.setup_extension("book_site.bibstyle")
    # editions published beside English; until an edition's catalogs are complete it is built and tested
    # but not published, and English pages do not link to it (the release switch, one place)
    app.add_config_value("book_i18n_released", [], "html")
    app.add_role_to_domain("glue", "text", _glue_text_role(), override=True)
    app.add_transform(OutputsUntranslatable)
    app.add_transform(TranslateTocCaptions)
    app.connect("config-inited", configure, priority=300)  # before sharing.configure reads html_baseurl
    app.connect("source-read", localise_outputs)
    app.connect("html-page-context", add_alternates)

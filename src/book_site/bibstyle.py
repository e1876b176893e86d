"""The bibliography's style for a translated edition (``references.<lang>.bib``): pybtex's ``plain`` with its
fixed English words ("URL:", "visited on", "pages", the month before the year) and its Latin punctuation in
Chinese, and titles as printed (``plain`` lower-cases them: "PCT" would read "pct"). Registered as
``plain_zh_CN``; ``book_site.i18n.configure`` selects it for the Chinese build. The entries are the same as
English's (tests/test_i18n.py compares the two files field by field). The book cites articles and web pages
(``@article``, ``@misc``): those two templates are given here; any other type would fall back to ``plain``'s.
"""

from __future__ import annotations

from pybtex.plugin import register_plugin
from pybtex.style.formatting import toplevel
from pybtex.style.formatting.plain import Style as Plain
from pybtex.style.template import field, href, join, names, node, optional, tag

NAME = {"zh_CN": "plain_zh_CN"}


@node
def sentence(children, data, sep="，"):
    """Fragments joined with a Chinese comma and closed with a full stop (unless they end with one)."""
    text = join(sep)[children].format_data(data)
    return text if not text or str(text).endswith("。") else text + "。"


# 2022 年 9 月 30 日, as the book writes dates in Chinese (month and day only where the entry has them)
date = join[field("year"), " 年", optional[" ", field("month"), " 月"], optional[" ", field("day"), " 日"]]
web = optional[
    join["网址：", href(field("url", raw=True))[field("url", raw=True)]], optional["（访问于 ", field("urldate"), "）"]
]


class ChineseStyle(Plain):
    def get_article_template(self, e):
        return toplevel[
            sentence[names("author", sep="、")],
            sentence[field("title")],
            sentence[tag("em")[field("journal")], date, optional[join["第 ", field("pages"), " 版"]]],
            optional[sentence[field("note")]],
            optional[sentence[web]],
        ]

    def get_misc_template(self, e):
        return toplevel[
            optional[sentence[names("author", sep="、")]],
            optional[sentence[field("title")]],
            sentence[optional[field("howpublished")], optional[date]],
            optional[sentence[field("note")]],
            optional[sentence[web]],
        ]


def setup(app):
    register_plugin("pybtex.style.formatting", NAME["zh_CN"], ChineseStyle)
    return {"parallel_read_safe": True}

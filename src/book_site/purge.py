"""The stylesheet bundle without the rules no page of this site can match.

The theme's stylesheet carries all of Bootstrap and every component the theme offers (305 KB, 44 KB with
gzip); a reader's browser must fetch and parse all of it before it draws anything. After the build, a rule is
kept when each of its selectors could match here, judged by the class and id names the selector requires
outside any ``:not()``/``:is()``/``:where()``/``:has()``: every one of them must occur in the built pages
(a ``class`` or ``id`` attribute) or, as a word, in a script the site ships (the theme and Bootstrap add
classes such as ``show`` or ``collapsing`` at run time). A selector of element names and attributes only is
always kept, and so are ``@font-face``, ``@keyframes`` and every rule that is not a style rule. ``@media`` and
``@supports`` blocks are purged inside and dropped when nothing in them is left.

This errs on the side of keeping: a word in a script keeps every rule that names it, used or not.
"""

from __future__ import annotations

import re
from pathlib import Path

import tinycss2

CLASS_ATTR_RE = re.compile(r'\bclass="([^"]*)"')
ID_ATTR_RE = re.compile(r'\bid="([^"]*)"')
WORD_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")
GROUPING_AT_RULES = {"media", "supports", "layer", "container"}


def names_in_html(html: str) -> set[str]:
    names: set[str] = set()
    for m in CLASS_ATTR_RE.finditer(html):
        names.update(m.group(1).split())
    names.update(m.group(1) for m in ID_ATTR_RE.finditer(html))
    return names


def names_in_script(js: str) -> set[str]:
    """Every word of a script, so that a class it adds (``classList.add("show")``, ``"bd-" ...``) is kept."""
    return set(WORD_RE.findall(js))


def site_names(outdir: Path) -> set[str]:
    names: set[str] = set()
    for f in outdir.rglob("*.html"):
        names |= names_in_html(f.read_text(encoding="utf-8", errors="replace"))
    for f in outdir.rglob("*.js"):
        if f.name == "searchindex.js":
            continue
        names |= names_in_script(f.read_text(encoding="utf-8", errors="replace"))
    return names


def required_names(selector: list) -> set[str]:
    """Class and id names a compound selector needs, outside functional pseudo-classes."""
    need: set[str] = set()
    for i, tok in enumerate(selector):
        if tok.type == "hash" and tok.is_identifier:
            need.add(tok.value)
        elif tok.type == "literal" and tok.value == "." and i + 1 < len(selector) and selector[i + 1].type == "ident":
            need.add(selector[i + 1].value)
    return need


def _split_selectors(prelude: list) -> list[list]:
    out, cur = [], []
    for tok in prelude:
        if tok.type == "literal" and tok.value == ",":
            out.append(cur)
            cur = []
        else:
            cur.append(tok)
    out.append(cur)
    return out


def _purge_rules(rules: list, used: set[str], stats: dict) -> list[str]:
    kept: list[str] = []
    for rule in rules:
        if rule.type == "qualified-rule":
            stats["rules"] += 1
            selectors = [s for s in _split_selectors(rule.prelude) if required_names(s) <= used]
            if not selectors:
                stats["dropped"] += 1
                continue
            prelude = ",".join(tinycss2.serialize(s).strip() for s in selectors)
            kept.append(prelude + "{" + tinycss2.serialize(rule.content).strip() + "}")
        elif rule.type == "at-rule" and rule.lower_at_keyword in GROUPING_AT_RULES and rule.content is not None:
            inner = _purge_rules(
                tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True), used, stats
            )
            if inner:
                kept.append(f"@{rule.at_keyword} {tinycss2.serialize(rule.prelude).strip()}{{{''.join(inner)}}}")
        elif rule.type == "at-rule":
            kept.append(rule.serialize())
        elif rule.type == "error":
            raise ValueError(f"stylesheet bundle: CSS parse error at line {rule.source_line}: {rule.message}")
    return kept


def purge(css: str, used: set[str]) -> tuple[str, dict]:
    """``css`` without the style rules none of whose selectors can match; with counts of rules seen and
    dropped. ``/* file */`` markers between the bundled files are kept."""
    stats = {"rules": 0, "dropped": 0}
    out = []
    for part in re.split(r"(/\* \S+ \*/\n)", css):
        if part.startswith("/* ") and part.endswith(" */\n"):
            out.append(part)
            continue
        rules = tinycss2.parse_stylesheet(part, skip_comments=True, skip_whitespace=True)
        kept = _purge_rules(rules, used, stats)
        if kept:
            out.append("\n".join(kept) + "\n")
    return "".join(out), stats

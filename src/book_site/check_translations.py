"""Check a translated edition's catalogs (issue 25): ``python -m book_site.check_translations zh_CN --pot DIR``.

Prints one line per problem (``file:line: problem``) and exits 1 if there is any:

- **fuzzy** entries (a translation of an older English text): always a problem;
- **untranslated** entries: a problem in a catalog that is declared complete (listed in
  ``locales/<lang>/COMPLETE``, one catalog per line, e.g. ``chapters/legal/02-pct``), and in every catalog
  once the edition is released (``book_i18n_released`` in ``_config.yml``);
- a translation that **lost or changed a glue role** (or any other MyST role: ``{glue:text}`key```,
  ``{ref}`…```), a **link target**, or a **placeholder** (``{n}``, ``{stated}`` in ``helpers.po``); a
  ``{glue:md}`` role anywhere (untested with the translated-glue fix in ``book_site.i18n``);
- with ``--pot``: catalogs **out of sync** with freshly extracted templates (a message in the .pot missing
  from the .po, or a live .po message no longer in the .pot): run ``make zh-update``.

``--prune`` (used by ``make zh-update``) drops obsolete ``#~`` entries and sets the project name. Needs
only Babel (``msgfmt -c`` passes translations that dropped a glue role).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[2]
ROLE = re.compile(r"\{[A-Za-z][\w:.-]*\}`[^`]*`")
LINK = re.compile(r"\]\(([^)\s]+)\)|<(https?://[^>\s]+)>")
PLACEHOLDER = re.compile(r"(?<!\{)\{([A-Za-z_]\w*)(?:![rsa])?(?::[^{}]*)?\}(?!`)")
PROJECT = "Shenzhen's IP record, re-derived"


XREF = re.compile(r"\{(ref|doc|numref)\}`[^`<]*<([^>`]+)>`")


def role_key(m: re.Match) -> str:
    """What a translation must keep of a role: all of it (a glue key, a term), except the display text of a
    cross-reference with an explicit target, which is translated (``{ref}`方法页 <verdict-rules>```)."""
    x = XREF.fullmatch(m.group(0))
    return f"{{{x.group(1)}}}`<{x.group(2)}>`" if x else m.group(0)


def read(path: Path):
    with path.open("rb") as f:
        return read_po(f, abort_invalid=True)


def catalogs(lang: str, root: Path = ROOT) -> dict[str, Path]:
    """``{domain: path}``: ``chapters/legal/02-pct`` and ``helpers``."""
    base = root / "locales" / lang / "LC_MESSAGES"
    return {str(p.relative_to(base).with_suffix("")): p for p in sorted(base.rglob("*.po"))}


def released(lang: str, root: Path = ROOT) -> bool:
    import yaml

    cfg = yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8"))
    return lang in ((cfg.get("sphinx") or {}).get("config") or {}).get("book_i18n_released", [])


def complete(lang: str, root: Path = ROOT) -> set[str]:
    f = root / "locales" / lang / "COMPLETE"
    if not f.exists():
        return set()
    lines = (ln.split("#", 1)[0].strip() for ln in f.read_text(encoding="utf-8").splitlines())
    return {ln for ln in lines if ln}


def damage(msgid: str, msgstr: str) -> list[str]:
    """What a translation lost or changed: roles, link targets, placeholders (as multisets)."""
    out = []
    for what, pattern, pick in (
        ("glue/MyST role", ROLE, role_key),
        ("link target", LINK, lambda m: m.group(1) or m.group(2)),
        ("placeholder", PLACEHOLDER, lambda m: m.group(1)),
    ):
        src = Counter(pick(m) for m in pattern.finditer(ROLE.sub("", msgid) if what == "placeholder" else msgid))
        dst = Counter(pick(m) for m in pattern.finditer(ROLE.sub("", msgstr) if what == "placeholder" else msgstr))
        if src != dst:
            lost, added = src - dst, dst - src
            bits = [
                f"lost {', '.join(sorted(lost))}" if lost else "",
                f"added {', '.join(sorted(added))}" if added else "",
            ]
            out.append(f"{what}: " + "; ".join(b for b in bits if b))
    if "{glue:md}" in msgid or "{glue:md}" in msgstr:
        out.append("{glue:md} in prose is not supported in translated paragraphs; use {glue:text}")
    return out


def check(lang: str, pot: Path | None = None, root: Path = ROOT) -> list[str]:
    problems = []
    done = complete(lang, root)
    all_done = released(lang, root)
    found = catalogs(lang, root)
    for domain, path in found.items():
        rel = path.relative_to(root)
        cat = read(path)
        for m in cat:
            if not m.id:
                continue
            msgid, msgstr = (m.id[0], m.string[0]) if isinstance(m.id, tuple) else (m.id, m.string)
            line = f"{rel}:{m.lineno}"
            if m.fuzzy:
                problems.append(f"{line}: fuzzy (the English changed; check the translation, then drop the flag)")
            elif not msgstr:
                if all_done or domain in done:
                    problems.append(f"{line}: untranslated: {msgid[:70]!r}")
            else:
                problems += [f"{line}: {d}" for d in damage(msgid, msgstr)]
        if pot is not None:
            tpl = pot / f"{domain}.pot"
            if not tpl.exists():
                problems.append(f"{rel}: no template {tpl} (page removed? delete the catalog)")
                continue
            want = {m.id for m in read(tpl) if m.id}
            have = {m.id for m in cat if m.id}
            for msg in sorted(want - have, key=str):
                problems.append(f"{rel}: out of sync: new English text not in the catalog: {str(msg)[:70]!r}")
            for msg in sorted(have - want, key=str):
                problems.append(f"{rel}: out of sync: catalog entry no longer in the English: {str(msg)[:70]!r}")
    for domain in sorted(done - set(found)):
        problems.append(f"locales/{lang}/COMPLETE: {domain}: no such catalog")
    return problems


def prune(lang: str, root: Path = ROOT) -> int:
    """Drop obsolete entries and set the project name in every catalog; return how many were dropped."""
    dropped = 0
    for domain, path in catalogs(lang, root).items():
        cat = read(path)
        n = len(cat.obsolete)
        # page text is Markdown, never %-formatted: a guessed python-format flag ('`x`% of' read as '% o')
        # makes `msgfmt -c` reject a correct translation
        guessed = [m for m in cat if domain != "helpers" and "python-format" in m.flags]
        for m in guessed:
            m.flags.discard("python-format")
        if n or guessed or cat.project != PROJECT or cat.fuzzy:
            cat.obsolete.clear()
            cat.project = PROJECT
            cat.fuzzy = False  # sphinx-intl marks the header fuzzy
            with path.open("wb") as f:
                write_po(f, cat, width=100, omit_header=False)
            dropped += n
    return dropped


def stats(lang: str, root: Path = ROOT) -> list[tuple[str, int, int, int]]:
    """(catalog, messages, translated, English words) per catalog."""
    rows = []
    for domain, path in catalogs(lang, root).items():
        msgs = [m for m in read(path) if m.id]
        words = sum(len(ROLE.sub("x", m.id if isinstance(m.id, str) else m.id[0]).split()) for m in msgs)
        rows.append((domain, len(msgs), sum(1 for m in msgs if m.string and not m.fuzzy), words))
    return rows


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("lang")
    ap.add_argument("--pot", type=Path, help="folder of freshly extracted templates (make zh-pot)")
    ap.add_argument("--prune", action="store_true", help="drop obsolete entries, set the project name")
    ap.add_argument("--stats", action="store_true", help="messages, translated and English words per catalog")
    a = ap.parse_args(argv)
    if a.prune:
        print(f"check_translations: {prune(a.lang)} obsolete entries dropped")
        return 0
    if a.stats:
        for row in stats(a.lang):
            print("{:45} {:4} msgs {:4} translated {:6} words".format(*row))
        return 0
    problems = check(a.lang, a.pot)
    for p in problems:
        print(p)
    rows = stats(a.lang)
    n, t = sum(r[1] for r in rows), sum(r[2] for r in rows)
    print(f"check_translations {a.lang}: {t} of {n} messages translated; {len(problems)} problems", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Which translations exist, which are out of date, and who has reviewed them.

Each translated page records the English text it translates: `translation_of: <hash>` in its front matter (the
first 12 hex digits of the SHA-256 of the English file). When the English page changes, the hash no longer matches
and the translation is outdated: the page shows a banner in its own language pointing to the English version.

As a command:
  scripts/translation_status.py status            coverage and review status per language
  scripts/translation_status.py missing [LANG]    English pages with no translation
  scripts/translation_status.py outdated [LANG]   translations whose English page changed since
  scripts/translation_status.py stamp FILE...     record that FILE now translates the current English page
As a hook: marks outdated pages for the template, and renders [[translation-status]] as a table.
"""
from __future__ import annotations

import hashlib
import pathlib
import re
import sys

from mkdocs.utils.meta import get_data

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import languages  # noqa: E402
import sitedata  # noqa: E402

DOCS = sitedata.ROOT / "docs"
LANGUAGES = languages.translations()
FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*\n", re.S)  # only to rewrite it (stamp)


def english_hash(english: pathlib.Path) -> str:
    return hashlib.sha256(english.read_bytes()).hexdigest()[:12]


def meta_of(path: pathlib.Path) -> dict:
    return get_data(path.read_text(encoding="utf-8"))[1]  # MkDocs' own reader


def english_pages() -> list[pathlib.Path]:
    return sorted(p for p in DOCS.rglob("*.md") if not re.search(r"\.[a-z]{2}\.md$", p.name))


def translated_file(english: pathlib.Path, lang: str) -> pathlib.Path:
    """Where the translation of an English page lives (its `translation_of:` stamp is a hash, not this)."""
    return english.with_name(f"{english.stem}.{lang}.md")


def state(english: pathlib.Path, lang: str) -> str:
    """missing | outdated | machine | reviewed"""
    translated = translated_file(english, lang)
    if not translated.exists():
        return "missing"
    meta = meta_of(translated)
    if meta.get("translation_of") != english_hash(english):
        return "outdated"
    return "reviewed" if meta.get("reviewed_by") else "machine"


def coverage() -> dict[str, dict[str, int]]:
    table = {}
    for lang in LANGUAGES:
        counts = {"reviewed": 0, "machine": 0, "outdated": 0, "missing": 0}
        for english in english_pages():
            counts[state(english, lang)] += 1
        table[lang] = counts
    return table


def stamp(path: pathlib.Path) -> None:
    match = re.match(r"^(?P<stem>.+)\.(?P<lang>[a-z]{2})\.md$", path.name)
    if not match:
        raise SystemExit(f"{path}: not a translation (name.<lang>.md)")
    english = path.with_name(match.group("stem") + ".md")
    text = path.read_text(encoding="utf-8")
    front = FRONT_MATTER.match(text)
    if not front:
        raise SystemExit(f"{path}: no front matter")
    body = re.sub(r"^translation_of:.*\n", "", front.group(1), flags=re.M)
    new = f"---\n{body}translation_of: \"{english_hash(english)}\"\n---\n" + text[front.end():]
    path.write_text(new, encoding="utf-8")


# --- hook ---------------------------------------------------------------------------------------------------

def on_page_markdown(markdown, page, config, files):
    src, lang = pathlib.Path(page.file.abs_src_path), getattr(page.file, "locale", languages.default())
    if lang != languages.default() and src.name.endswith(f".{lang}.md"):  # a translation, not the English fallback
        english = src.with_name(src.name[: -len(f".{lang}.md")] + ".md")
        page.meta["translation_outdated"] = page.meta.get("translation_of") != english_hash(english)
    if "[[translation-status]]" in markdown:
        markdown = markdown.replace("[[translation-status]]", status_table(sitedata.language(config)))
    return markdown


def status_table(lang: str) -> str:
    """[[translation-status]] (overrides/partials/translation-status.html)."""
    labels = [sitedata.text(f"ui.translation_status.{k}", lang) for k in
              ("language", "reviewed", "machine", "outdated", "missing")]
    names = languages.names()
    rows = [{"lang": code, "name": names.get(code, code), "counts": counts.values()} for code, counts in coverage().items()]
    return "\n" + sitedata.render("partials/translation-status.html", labels=labels, rows=rows) + "\n"


# --- command ----------------------------------------------------------------------------------------------

def main(argv: list[str]) -> int:
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__)
        return 0
    verb, args = argv[0], argv[1:]
    if verb == "status":
        print(f"{'language':10}" + "".join(f"{k:>10}" for k in ("reviewed", "machine", "outdated", "missing")))
        for lang, counts in coverage().items():
            print(f"{lang:10}" + "".join(f"{n:>10}" for n in counts.values()))
        return 0
    if verb in ("missing", "outdated"):
        langs = args or LANGUAGES
        found = [f"{lang}  {translated_file(e, lang).relative_to(sitedata.ROOT)}"
                 for lang in langs for e in english_pages() if state(e, lang) == verb]
        print("\n".join(found) or f"no {verb} translations")
        return 1 if found else 0
    if verb == "stamp":
        for name in args:
            stamp(pathlib.Path(name))
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

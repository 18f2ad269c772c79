"""The state of each translation: which English text it translates, and whether that text has changed since.

Each translated page records the English text it translates: `translation_of: <hash>` in its front matter (the
first 12 hex digits of the SHA-256 of the English file). When the English page changes, the hash no longer matches
and the translation is outdated. Read by the hook scripts/translation_status.py (the banner, the status table) and
the command scripts/commands/translations.py (status, missing, outdated, stamp).
"""
from __future__ import annotations

import hashlib
import pathlib
import re

from mkdocs.utils.meta import get_data

from helpers import languages
from helpers import sitedata

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

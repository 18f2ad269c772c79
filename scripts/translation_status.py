"""Translations that are out of date, and the Translations page's table.

Marks each translated page whose English page changed since it was translated (`translation_outdated`, which
overrides/main.html shows as a banner in the page's language pointing to the English version), and renders
[[translation-status]] as a table of every language's pages: reviewed, machine-translated, outdated, missing.
What "outdated" means is in scripts/helpers/translations.py; the command to see or record it is
scripts/commands/translations.py (`make translations`, `make outdated`, `make stamp`).
"""
from __future__ import annotations

import pathlib

from helpers import languages
from helpers import sitedata
from helpers.translations import coverage, english_hash

_coverage: dict = {}  # the table's counts, the same in every language: read once per build


def on_pre_build(config):
    if sitedata.is_first_language(config):
        _coverage.clear()  # the first language: `mkdocs serve` counts again after an edit


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
    if not _coverage:
        _coverage.update(coverage())
    rows = [{"lang": code, "name": names.get(code, code), "counts": counts.values()} for code, counts in _coverage.items()]
    return "\n" + sitedata.render("partials/translation-status.html", labels=labels, rows=rows) + "\n"

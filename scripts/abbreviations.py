"""Expand abbreviations (CSE, NRM, DSL, …) wherever they are used, in the reader's language.

Appends includes/abbreviations.<lang>.md (English where a language has none) to every page, for Markdown's
`abbr` extension. One list per language, also rendered as the glossary page.
"""
from helpers import sitedata


def abbreviation_file(lang: str):
    for candidate in (lang, sitedata.DEFAULT_LANGUAGE):
        path = sitedata.ROOT / "includes" / f"abbreviations.{candidate}.md"
        if path.exists():
            return path
    return None


def on_page_markdown(markdown, page, config, files):
    path = abbreviation_file(sitedata.language(config))
    if path is None:
        return markdown
    return markdown + "\n\n" + path.read_text(encoding="utf-8")

#!/usr/bin/env python3
"""Measure the reading level of each English page (Flesch-Kincaid grade, offline with textstat 0.7.3).

Usage: scripts/commands/reading_level.py [PAGE.md ...]   (default: every English page under docs/)
Prints one line per page: grade, the audience's limit, and the file. Exit 1 if a page is over its limit.
Limits by front matter `audience`: public pages (the default) aim at a reading age of about 9 to 11;
professional pages (for safeguarding leads, managers, partners) may be a little harder. Easy-read pages
(docs/easy-read/, `audience: easy-read`) aim at a reading age of about 7 to 9: a grade of at most 4 (reading age is
about the grade plus 5), and no sentence longer than 15 words (the "longest" column).
"""
from __future__ import annotations

import pathlib
import re
import sys

import textstat
from mkdocs.utils.meta import get_data

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))  # run as a command: hooks, helpers/, steps/, commands/
from helpers.translations import english_pages  # noqa: E402  (every English page, as the translation status counts them)
DOCS = ROOT / "docs"
LIMITS = {"public": 6.5, "professional": 9.0, "easy-read": 4.0}
EASY_READ_WORDS = 15   # the most words in one easy-read sentence


def plain_text(markdown: str) -> str:
    """The prose a reader reads: no front matter, shortcodes, HTML, link targets, tables' pipes or headings."""
    text = get_data(markdown)[0]  # MkDocs' own front-matter reader
    text = re.sub(r"^\*\[[^\]]+\]:.*$", "", text, flags=re.M)               # abbreviation definitions
    text = re.sub(r"\[\[[^\]]*\]\]", "it", text)                             # data shortcodes read as one word
    text = re.sub(r"<[^>]+>", " ", text)
    text = re.sub(r"\{\s*[:#.][^}]*\}", "", text)                            # attribute lists
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text)                        # pictures: their alt is not prose
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)                   # links keep their words
    text = re.sub(r"^\s*(#{1,6}|[-*+]|\d+\.|>|!!!|\?\?\?\+?)\s*", "", text, flags=re.M)
    text = re.sub(r"^\s*\|?[-:| ]+\|?\s*$", "", text, flags=re.M)            # table rules
    text = text.replace("|", ". ")
    lines = [line.strip() for line in text.splitlines()]
    # a list item or heading with no full stop is still a sentence to a reader
    return "\n".join(line if line.endswith((".", "!", "?", ":")) else line + "." for line in lines if line)


def audience(markdown: str) -> str:
    return get_data(markdown)[1].get("audience", "public")  # MkDocs' own front-matter reader


def grade(markdown: str) -> float:
    return round(textstat.flesch_kincaid_grade(plain_text(markdown)), 1)


def longest_sentence(markdown: str) -> int:
    """Words in the longest sentence (a shortcode counts as one word)."""
    sentences = re.split(r"(?<=[.!?:])\s+", plain_text(markdown))
    return max(len(sentence.split()) for sentence in sentences)


def main(argv: list[str]) -> int:
    pages = [pathlib.Path(a) for a in argv] or english_pages()
    over = 0
    for page in pages:
        markdown = page.read_text(encoding="utf-8")
        who = audience(markdown)
        level = grade(markdown)
        too_long = who == "easy-read" and longest_sentence(markdown) > EASY_READ_WORDS
        flag = "OVER" if level > LIMITS[who] or too_long else "ok"
        over += flag == "OVER"
        words = f"  longest {longest_sentence(markdown)} words" if who == "easy-read" else ""
        print(f"{level:5.1f}  limit {LIMITS[who]:.1f} ({who:12})  {flag:4}  {page.relative_to(ROOT) if page.is_absolute() else page}{words}")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

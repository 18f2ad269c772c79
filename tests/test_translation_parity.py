"""A translation keeps everything its English page has: headings, notes and warnings, contacts, links.

Compared in the Markdown source (what a translator edits) and in the built pages (heading ids, so #links
survive a language switch).
"""
import re
from collections import Counter

import pytest

from conftest import ROOT, SITE, languages

DOCS = ROOT / "docs"
TRANSLATION = re.compile(r"^(?P<stem>.+)\.(?P<lang>%s)\.md$" % "|".join(map(re.escape, languages.translations())))
FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*\n", re.S)
FENCE = re.compile(r"^\s*(```|~~~)")


def translations():
    return sorted(p for p in DOCS.rglob("*.md") if TRANSLATION.match(p.name))


def english_of(path):
    return path.with_name(TRANSLATION.match(path.name).group("stem") + ".md")


def body(path):
    text = path.read_text(encoding="utf-8")
    match = FRONT_MATTER.match(text)
    return text[match.end():] if match else text


def outline(markdown):
    """What must survive translation, in a form that ignores the words themselves."""
    lines, fenced = [], False
    for line in markdown.splitlines():
        if FENCE.match(line):
            fenced = not fenced
        if not fenced:
            lines.append(line)
    text = "\n".join(lines)
    return {
        "headings": [len(m.group(1)) for m in re.finditer(r"^(#{1,6})\s", text, re.M)],
        "notes and warnings": [m.group(1) for m in re.finditer(r"^\s*(?:!!!|\?\?\?\+?)\s*(\w+)", text, re.M)],
        "contacts and data": Counter(re.sub(r"\|.*\]\]$", "]]", m.group(0))
                                     for m in re.finditer(r"\[\[[^\]]+\]\]", text)),
        "links to our pages": Counter(m.group(1) for m in re.finditer(r"\]\(([^)\s]+\.md(?:#[\w-]+)?)\)", text)),
        "table rows": len(re.findall(r"^\s*\|", text, re.M)),
        "list items": len(re.findall(r"^\s*(?:[-*+]|\d+\.)\s", text, re.M)),
    }


def meta(path, key):
    match = FRONT_MATTER.match(path.read_text(encoding="utf-8"))
    return re.search(rf"^{key}:\s*(.*)$", match.group(1), re.M).group(1).strip() if match and re.search(
        rf"^{key}:", match.group(1), re.M) else None


@pytest.mark.parametrize("path", translations(), ids=lambda p: str(p.relative_to(DOCS)))
def test_translation_keeps_the_structure_of_its_english_page(path):
    english, translated = outline(body(english_of(path))), outline(body(path))
    for part in english:
        assert translated[part] == english[part], f"{path.relative_to(ROOT)}: {part} differ from English"


@pytest.mark.parametrize("path", translations(), ids=lambda p: str(p.relative_to(DOCS)))
def test_translation_keeps_the_page_settings(path):
    for key in ("help", "audience", "content_note"):
        assert meta(path, key) == meta(english_of(path), key), f"{path.relative_to(ROOT)}: front matter '{key}'"


def heading_ids(html):
    article = html[html.find("<article"):]
    return re.findall(r'<h[2-6][^>]*\bid="([^"]+)"', article)


@pytest.mark.parametrize("path", translations(), ids=lambda p: str(p.relative_to(DOCS)))
def test_translated_headings_have_the_english_ids(path):
    lang = TRANSLATION.match(path.name).group("lang")
    rel = english_of(path).relative_to(DOCS).with_suffix("")
    url = "" if rel.name == "index" and rel.parent.name == "" else (
        f"{rel.parent}/" if rel.name == "index" else f"{rel}/")
    english_html = (SITE / url / "index.html").read_text(encoding="utf-8")
    translated_html = (SITE / lang / url / "index.html").read_text(encoding="utf-8")
    assert heading_ids(translated_html) == heading_ids(english_html)


def test_parity_check_notices_a_dropped_warning_and_a_changed_number():
    english = outline("# A\n\n!!! warning \"Careful\"\n    Text\n\nCall [[phone childline]].\n")
    translated = outline("# A\n\nCall [[phone nspcc]].\n")
    assert english["notes and warnings"] != translated["notes and warnings"]
    assert english["contacts and data"] != translated["contacts and data"]

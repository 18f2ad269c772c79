"""Pages that describe abuse open with a content note, and the note points to a support line.

The rule (COMMON rules, CONTRIBUTING.md "Content notes"): a page that describes abuse, or tells a survivor's story,
has `content_note: true` in its front matter and opens with a `!!! note "Content note"` that gives a support line
as a phone shortcode, e.g. `[[phone childline]]`. Checked in the built site (SITE_DIR), in every language: the first
block of the page's content after its <h1> is that note (the translation notices are skipped wherever the template
puts them), and the note holds a tel: link. A language without its own copy of the page is checked in the English
fallback copy the site builds there.
"""
from __future__ import annotations

import pathlib
import re
from html.parser import HTMLParser

import pytest
import yaml

from conftest import LANGUAGES, ROOT, SITE, languages

DOCS = ROOT / "docs"
FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*\n", re.S)
TRANSLATION = re.compile(r"^(?P<stem>.+)\.(?P<lang>[a-z]{2})\.md$")

# Pages that describe abuse or tell a survivor's story (content review of December 2026, §3): each must be marked.
MUST_HAVE_A_CONTENT_NOTE = [
    "signs/child-sexual-exploitation.md",
    "signs/how-grooming-works.md",
    "signs/human-trafficking.md",
    "signs/types-of-exploitation.md",
    "signs/myths-and-facts.md",
    "summit/speakers.md",
    "summit/panels.md",
    "help/online-grooming.md",
    "young-people/index.md",
    "parents/index.md",
    "schools/index.md",
    "say-something/index.md",
]

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def front_matter(path: pathlib.Path) -> dict:
    match = FRONT_MATTER.match(path.read_text(encoding="utf-8"))
    meta = yaml.safe_load(match.group(1)) if match else None
    return meta if isinstance(meta, dict) else {}


def source(page: str, lang: str) -> pathlib.Path:
    """The Markdown file the site builds `page` from in `lang`: the translation, or the English page it falls back to."""
    english = DOCS / page
    translated = english.with_name(f"{english.stem}.{lang}.md")
    return translated if lang != "en" and translated.exists() else english


def built(page: str, lang: str, site: pathlib.Path = SITE) -> pathlib.Path:
    rel = pathlib.PurePosixPath(page).with_suffix("")
    folder = rel.parent if rel.name == "index" else rel
    return site / languages.home(lang) / folder / "index.html"


def english_pages() -> list[str]:
    return sorted(p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md") if not TRANSLATION.match(p.name))


def marked_pages() -> list[tuple[str, str]]:
    """(page, language) for every built page whose front matter says content_note: true."""
    marked = set()
    for page in english_pages():
        for lang in LANGUAGES:
            if front_matter(source(page, lang)).get("content_note") is True:
                marked.add((page, lang))
    return sorted(marked)


class FirstBlocks(HTMLParser):
    """The blocks that follow the first <h1> at its own level: tag, classes, admonition title, and any tel: link."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth, self.h1_depth, self.after_h1 = 0, None, False
        self.blocks: list[dict] = []
        self.current: dict | None = None
        self.in_title = False

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        self.depth += 1
        attrs = dict(attrs)
        classes = set((attrs.get("class") or "").split())
        if tag == "h1" and self.h1_depth is None:
            self.h1_depth = self.depth
        elif self.after_h1 and self.current is None and self.depth == self.h1_depth:
            self.current = {"tag": tag, "classes": classes, "title": "", "tel": [], "depth": self.depth}
        elif self.current is not None:
            if tag == "a" and (attrs.get("href") or "").startswith("tel:"):
                self.current["tel"].append(attrs["href"])
            self.in_title = "admonition-title" in classes or self.in_title

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if tag == "h1" and self.depth == self.h1_depth and not self.after_h1:
            self.after_h1 = True
        elif self.current is not None and self.depth == self.current["depth"]:
            self.blocks.append(self.current)
            self.current = None
        elif self.in_title and tag == "p":
            self.in_title = False
        self.depth -= 1

    def handle_data(self, data):
        if self.current is not None and self.in_title:
            self.current["title"] += data


def opening_block(html: str) -> dict | None:
    """The first block of the page's content after its h1, leaving out the notices about the translation."""
    parser = FirstBlocks()
    parser.feed(html)
    parser.close()
    blocks = [b for b in parser.blocks if "translation-notice" not in b["classes"]]
    return blocks[0] if blocks else None


def content_note_problem(html: str, lang: str) -> str | None:
    """Why the page does not open with a content note that gives a phone number (None if it does)."""
    block = opening_block(html)
    if block is None:
        return "no content after the page's main heading"
    if block["tag"] not in ("div", "aside") or not {"admonition", "note"} <= block["classes"]:
        return f"the first block after the main heading is <{block['tag']} class={sorted(block['classes'])}>, not the content note"
    if lang == "en" and block["title"].strip() != "Content note":
        return f"the first note is titled {block['title'].strip()!r}, not 'Content note'"
    if not block["tel"]:
        return "the content note gives no support line (no tel: link, e.g. [[phone childline]])"
    return None


@pytest.mark.parametrize("page,lang", marked_pages(), ids=lambda value: value)
def test_page_marked_content_note_opens_with_a_note_that_gives_a_support_line(site, page, lang):
    html_file = built(page, lang, site)
    assert html_file.exists(), f"{html_file.relative_to(site)} was not built"
    problem = content_note_problem(html_file.read_text(encoding="utf-8"), lang)
    assert problem is None, f"{lang} {page} ({source(page, lang).relative_to(ROOT)}): {problem}"


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("page", MUST_HAVE_A_CONTENT_NOTE)
def test_page_that_describes_abuse_is_marked_content_note(page, lang):
    path = source(page, lang)
    assert path.exists(), f"{page} is missing"
    assert front_matter(path).get("content_note") is True, f"{path.relative_to(ROOT)}: add content_note: true"


GOOD = ('<h1 id="x">Page</h1>\n<div class="admonition note">\n<p class="admonition-title">Content note</p>\n'
        '<p>Hard reading. Call <a class="tel" href="tel:08001111">0800 1111</a>.</p>\n</div>\n<p>Text</p>')
NOTICE = ('<aside class="admonition warning translation-notice" data-notice="machine-translation">'
          '<p class="admonition-title">About this translation</p><p>Machine translated.</p></aside>')


def test_content_note_check_tells_a_good_page_from_a_bad_one():
    help_box = '<aside class="help-now"><h2>Get help now</h2><a href="tel:999">999</a></aside>'
    assert content_note_problem(help_box + GOOD, "en") is None
    assert content_note_problem(NOTICE + GOOD, "pl") is None                     # notice before the h1
    assert content_note_problem(GOOD.replace("</h1>", "</h1>" + NOTICE), "pl") is None  # or after it
    assert content_note_problem('<div lang="en" class="fallback-content">' + GOOD + "</div>", "pl") is None
    no_phone = GOOD.replace('<a class="tel" href="tel:08001111">0800 1111</a>', "Childline")
    assert "no support line" in content_note_problem(help_box + no_phone, "en")  # the help box's 999 does not count
    late = GOOD.replace('<h1 id="x">Page</h1>', '<h1 id="x">Page</h1>\n<p><strong>Call 999.</strong></p>')
    assert "not the content note" in content_note_problem(late, "en")
    assert "not the content note" in content_note_problem('<h1>Page</h1>\n<p>Text</p>', "en")
    other_note = GOOD.replace("Content note", "Good to know")
    assert "not 'Content note'" in content_note_problem(other_note, "en")
    assert content_note_problem(other_note, "pl") is None                        # translated titles differ
    assert "no content" in content_note_problem("<h1>Page</h1>", "en")

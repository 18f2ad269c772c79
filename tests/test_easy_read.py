"""The easy-read pages (docs/easy-read/) stay easy to read and every idea has its picture.

Reading age about 7 to 9: Flesch-Kincaid grade at most 4 (reading age is about grade + 5) and no sentence over 15
words, measured by scripts/reading_level.py. Each idea is a list item that starts with a local picture with a text
alternative, in every language that has the page. Axe at phone and desktop width, no-JavaScript reading and the
quick exit are checked for these pages, like every page, by tests/test_every_page.py.
"""
import pathlib
import re
import sys

import pytest

from conftest import LANGUAGES, ROOT, SITE

sys.path.insert(0, str(ROOT / "scripts"))
import reading_level  # noqa: E402

EASY = ROOT / "docs" / "easy-read"
ENGLISH = sorted(p for p in EASY.glob("*.md") if not re.search(r"\.[a-z]{2}\.md$", p.name))
ITEM = re.compile(r"^- (?P<rest>.*)$", re.M)
PICTURE = re.compile(r"^!\[(?P<alt>[^\]]*)\]\((?P<src>[^)\s]+)\)\{ \.easy-read-icon \} \S")


def sources():
    for page in ENGLISH:
        for lang in LANGUAGES:
            file = page if lang == "en" else page.with_name(page.stem + f".{lang}.md")
            if file.exists():
                yield file


@pytest.mark.parametrize("page", ENGLISH, ids=lambda p: p.name)
def test_english_easy_read_page_reads_at_age_7_to_9(page):
    markdown = page.read_text(encoding="utf-8")
    assert reading_level.audience(markdown) == "easy-read", f"{page.name}: front matter needs audience: easy-read"
    assert reading_level.grade(markdown) <= reading_level.LIMITS["easy-read"], f"{page.name}: grade too high"
    assert reading_level.longest_sentence(markdown) <= reading_level.EASY_READ_WORDS, f"{page.name}: a sentence is too long"


@pytest.mark.parametrize("page", list(sources()), ids=lambda p: p.name)
def test_every_idea_has_a_local_picture_with_a_text_alternative(page):
    items = ITEM.findall(page.read_text(encoding="utf-8"))
    assert items, f"{page.name}: no ideas (list items)"
    for item in items:
        picture = PICTURE.match(item)
        assert picture, f"{page.name}: this idea has no picture first: {item[:60]}"
        assert picture["alt"].strip(), f"{page.name}: a picture has no text alternative: {item[:60]}"
        assert not re.match(r"^([a-z]+:)?//", picture["src"]), f"{page.name}: picture from another site"
        file = (page.parent / picture["src"].split("#")[0]).resolve()
        assert file.is_file(), f"{page.name}: {picture['src']} does not exist"
        view = picture["src"].partition("#")[2]
        assert f'<view id="{view}"' in file.read_text(encoding="utf-8"), f"{page.name}: no picture #{view} in {file.name}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_built_easy_read_pictures_have_alt_and_urdu_reads_right_to_left(lang):
    prefix = "" if lang == "en" else f"{lang}/"
    for page in ENGLISH:
        name = "" if page.stem == "index" else page.stem + "/"
        html = (SITE / f"{prefix}easy-read/{name}index.html").read_text(encoding="utf-8")
        images = re.findall(r"<img [^>]*>", html.split('class="md-content"')[1])
        icons = [i for i in images if "easy-read-icon" in i]
        assert icons, f"{prefix}easy-read/{name}: no pictures"
        assert all(re.search(r'alt="[^"]+"', i) for i in icons), f"{prefix}easy-read/{name}: a picture without alt"
        body = re.search(r"<body[^>]*>", html).group(0)
        assert ('dir="rtl"' in body) == (lang == "ur"), f"{prefix}easy-read/{name}: dir is wrong for {lang}"

"""The easy-read pages (docs/easy-read/) stay easy to read and every idea has its picture.

Reading age about 7 to 9: Flesch-Kincaid grade at most 4 (reading age is about grade + 5) and no sentence over 15
words, measured by scripts/commands/reading_level.py. Each idea is a list item that starts with a local picture with a text
alternative, in every language that has the page. Axe at phone and desktop width, no-JavaScript reading and the
quick exit are checked for these pages, like every page, by tests/test_every_page.py.
"""
import pathlib
import re
import sys

import pytest

from conftest import LANGUAGES, ROOT, SITE, axe_violations

sys.path.insert(0, str(ROOT / "scripts"))
from helpers import languages  # noqa: E402
from commands import reading_level  # noqa: E402
from helpers import sitedata  # noqa: E402

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
def test_built_easy_read_pictures_are_in_the_page_named_and_urdu_reads_right_to_left(lang):
    """Each picture is an inline <svg role="img"> with a name (no request for a picture file), right to left in Urdu."""
    for page in ENGLISH:
        address = languages.web_path(page.relative_to(ROOT / "docs").as_posix(), lang)
        html = (SITE / address / "index.html").read_text(encoding="utf-8")
        content = html.split('class="md-content"')[1]
        assert "icons.svg" not in content, f"{address}: a picture is still fetched from the sprite"
        icons = re.findall(r'<svg class="easy-read-icon"[^>]*>', content)
        ideas = len(re.findall(r'<li>\s*<svg class="easy-read-icon"', content))
        assert icons and ideas == len(icons), f"{address}: not every picture starts an idea"
        assert all(re.search(r'role="img" aria-label="[^"]+"', i) for i in icons), f"{address}: a picture has no name"
        body = re.search(r"<body[^>]*>", html).group(0)
        assert ('dir="rtl"' in body) == (lang in languages.right_to_left()), f"{address}: dir is wrong for {lang}"


PAIRS = [(page, meta) for page in ENGLISH
         if (meta := re.search(r"^easy_read_of: (\S+)$", page.read_text(encoding="utf-8"), re.M))]


def test_the_three_core_pages_have_an_easy_read_version():
    assert sorted(m.group(1) for _, m in PAIRS) == [
        "help/index.md", "signs/child-sexual-exploitation.md", "signs/human-trafficking.md"]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("page,meta", PAIRS, ids=lambda x: getattr(x, "name", ""))
def test_standard_page_links_to_its_easy_read_version_and_back(lang, page, meta):
    standard = languages.web_path(meta.group(1), lang)
    easy = languages.web_path(page.relative_to(ROOT / "docs").as_posix(), lang)
    html = (SITE / standard / "index.html").read_text(encoding="utf-8")
    link = re.search(r'<p class="easy-read-link"><a href="([^"]+)">([^<]+)</a>', html)
    assert link, f"{standard}: no link to the easy-read version"
    assert (SITE / standard / link.group(1)).resolve() == (SITE / easy).resolve(), f"{standard}: link goes elsewhere"
    if lang != "en":
        assert link.group(2) != sitedata.text("ui.easy_read.link", "en"), f"{standard}: link text left in English"
    back = (SITE / easy / "index.html").read_text(encoding="utf-8").split('class="md-content"')[1]
    targets = {(SITE / easy / href).resolve() for href in re.findall(r'href="([^"#]+)"', back)}
    assert (SITE / standard).resolve() in targets, f"{easy}: no link back to the standard page {standard}"


PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}
PICTURES = """() => [...document.querySelectorAll('.easy-read li')].map(li => {
  const icon = li.querySelector('.easy-read-icon').getBoundingClientRect();
  const range = document.createRange(); range.selectNodeContents(li);
  const lines = [...range.getClientRects()].filter(r => r.width > 2 && r.height > 2 &&
                                                      !(r.left >= icon.left - 1 && r.right <= icon.right + 1));
  return {size: Math.min(icon.width, icon.height), lines: lines.length,
          afterIcon: lines.every(r => r.left >= icon.right - 1), beforeIcon: lines.every(r => r.right <= icon.left + 1),
          fontSize: parseFloat(getComputedStyle(li).fontSize),
          shown: getComputedStyle(li.querySelector('.easy-read-icon')).display !== 'none'};
})"""


def easy_addresses(lang):
    return [languages.web_path(page.relative_to(ROOT / "docs").as_posix(), lang) for page in ENGLISH]


@pytest.mark.parametrize("media", ["screen", "print"])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_picture_sits_beside_its_words_in_large_type_on_a_phone_without_javascript(browser, base_url, lang, media):
    """At 360 px with no JavaScript (and when printed), every idea shows its picture (at least 40 px) at the start
    of the line - the left, or the right in a right-to-left language - with all its words in a column beside it
    (none wraps under the picture), in type of 20 px
    or more on screen and 14 pt or more on paper (the easy-read guides' smallest print size)."""
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.emulate_media(media=media)
    rtl = lang in languages.right_to_left()
    try:
        for address in easy_addresses(lang):
            page.goto(f"{base_url}/{address}", wait_until="load")
            ideas = page.evaluate(PICTURES)
            assert ideas, f"{address}: no ideas"
            for n, idea in enumerate(ideas, 1):
                assert idea["shown"] and idea["size"] >= 40, f"{address} idea {n} ({media}): picture {idea['size']:.0f}px"
                smallest = 20 if media == "screen" else 14 * 96 / 72
                assert idea["fontSize"] >= smallest, f"{address} idea {n} ({media}): type {idea['fontSize']}px"
                assert idea["lines"], f"{address} idea {n} ({media}): no words beside the picture"
                side = "beforeIcon" if rtl else "afterIcon"
                assert idea[side], f"{address} idea {n} ({media}): words are not all in a column beside the picture"
    finally:
        context.close()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_easy_read_pages_have_no_accessibility_violations_at_phone_and_desktop_width(browser, base_url, lang, viewport):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    try:
        for address in easy_addresses(lang):
            page.goto(f"{base_url}/{address}", wait_until="load")
            violations = axe_violations(page)
            assert violations == [], f"{address} at {viewport['width']}px: {violations}"
    finally:
        context.close()

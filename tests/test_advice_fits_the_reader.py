"""Each page's advice fits the person reading it, in every language.

- A young person's "Get help now" box offers Childline, not the adults' line (101).
- Pages that describe abuse open with a content note that offers a support line (a tel: link).
- The online grooming page warns against messaging, confronting or posing as the child online.

The checks use markers that do not depend on the language (tel: links, classes), so they hold for every
translation as well as for English. Numbers come from data/contacts.yml, never typed here.
"""
import re

import pytest

from conftest import LANGUAGES, SITE, languages
from sitedata_for_tests import contacts

HELP_BOX = re.compile(r'<aside class="help-now".*?</aside>', re.S)
TEL_LINK = re.compile(r'href="tel:([^"]*)"')
# The content note: the first thing after the page's heading is a note admonition (its title is translated).
OPENING_NOTE = re.compile(r'</h1>\s*(<div class="admonition note">.*?</div>)', re.S)

CONTENT_NOTE_PAGES = ["young-people/", "parents/", "schools/", "help/online-grooming/"]
SUPPORT_LINES = ["childline", "nspcc"]


def tel(contact_id: str) -> str:
    return contacts()[contact_id]["phones"][0]["tel"]


def built(lang: str, path: str) -> str:
    prefix = languages.home(lang)
    return (SITE / f"{prefix}{path}index.html").read_text(encoding="utf-8")


def visible_text(html: str) -> str:
    html = re.sub(r"<(svg|script|style)\b.*?</\1>", " ", html, flags=re.S | re.I)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_young_peoples_help_box_offers_childline_not_the_adults_line(lang):
    box = HELP_BOX.search(built(lang, "young-people/"))
    assert box, f"{lang}: no help box on the young people's page"
    numbers = TEL_LINK.findall(box.group(0))
    assert tel("childline") in numbers, f"{lang}: the young people's help box does not offer Childline ({numbers})"
    assert tel("police_101") not in numbers, f"{lang}: the young people's help box sends young people to 101"
    assert numbers[0] == tel("emergency"), f"{lang}: 999 must still come first ({numbers})"


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("path", CONTENT_NOTE_PAGES)
def test_page_that_describes_abuse_opens_with_a_content_note_and_a_support_line(path, lang):
    html = built(lang, path)
    article = html[html.index('<article class="md-content__inner md-typeset">'):]
    note = OPENING_NOTE.search(article)
    assert note, f"{lang} /{path}: the content does not open with a content note"
    numbers = TEL_LINK.findall(note.group(1))
    assert set(numbers) & {tel(key) for key in SUPPORT_LINES}, \
        f"{lang} /{path}: the content note offers no support line ({numbers})"


def test_online_grooming_page_says_not_to_message_confront_or_pretend_to_be_the_child():
    text = visible_text(built("en", "help/online-grooming/")).lower()
    assert "do not message or confront the person" in text
    assert "do not pretend to be the child online" in text

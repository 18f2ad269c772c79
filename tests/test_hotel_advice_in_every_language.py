"""The hotel rule of tests/test_hotel_advice.py holds in every language, as far as it can be seen without words.

tests/test_hotel_advice.py reads the English words: report first (999, then 101), never turn people away or refuse a
booking instead of reporting, speak to the young person only as to anyone else. A translation cannot be read that
way without typing its words here, so each translated page and card is compared with the English one instead:
- each role page's "What you can do" section (and the "Stay safe" and "Call the police" sections of What to do,
  the managers' "Make reporting simple" and "Back your staff") has the same bullets as English: as many, in the
  same order, with the same tel: links in each, so the report-first bullet comes first with 999 and 101, and the
  bullet where English says not to turn people away is there in the same place;
- each page shows the same numbers in its own text (outside the "Get help now" box) as the English page;
- each translated pocket card and poster prints the same tel: links, in the same order, as the English one.
Whether a translated bullet says what the English one says is for a reviewer (see TRANSLATING.md).
"""
from __future__ import annotations

import pytest

from built_pdfs import built_pdf, tel_links
from built_sections import TRANSLATIONS, Node, article, bullet, differences, first_list
from conftest import LANGUAGES, languages
from sitedata_for_tests import contacts
from test_hotel_advice import CARD_PDFS, NEGATION, ROLE_PAGES, TURN_AWAY

# page -> the sections that hold the rule (heading ids, the same in every language)
RULE_SECTIONS = {name: ["what-you-can-do-at-the-desk" if name == "reception" else "what-you-can-do"]
                 for name in ROLE_PAGES if name != "managers"}
RULE_SECTIONS["managers"] = ["make-reporting-simple", "back-your-staff"]
RULE_SECTIONS["what-to-do"] = ["stay-safe", "call-the-police"]
CASES = [(name, heading) for name, headings in RULE_SECTIONS.items() for heading in headings]
WHAT_YOU_CAN_DO = [(name, headings[0]) for name, headings in RULE_SECTIONS.items()
                   if name not in ("managers", "what-to-do")]
# The sections whose English list says not to turn people away (housekeeping staff take no bookings).
TURN_AWAY_CASES = [case for case in CASES if case not in {("housekeeping", "what-you-can-do"),
                                                         ("managers", "back-your-staff"),
                                                         ("what-to-do", "call-the-police")}]
POSTERS_AND_CARDS = CARD_PDFS + ["poster-a3.pdf"]


def page(name: str) -> str:
    return f"say-something/{name}/"


def tel(contact_id: str) -> str:
    return "tel:" + contacts()[contact_id]["phones"][0]["tel"]


def items(lang: str, name: str, heading: str) -> list[Node]:
    return first_list(lang, page(name), heading)


def own_tel_links(lang: str, name: str, source: str | None = None) -> list[str]:
    """The page's tel: links outside the "Get help now" box, in order."""
    links = []

    def walk(node: Node):
        if node.tag == "aside" and "help-now" in node.classes():
            return
        if node.tag == "a" and node.attrs.get("href", "").startswith("tel:"):
            links.append(node.attrs["href"])
        for child in node.children:
            if isinstance(child, Node):
                walk(child)

    walk(article(lang, page(name), source))
    return links


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name,heading", WHAT_YOU_CAN_DO)
def test_what_you_can_do_starts_with_reporting_to_999_and_101(name, heading, lang):
    first = bullet(lang, page(name), items(lang, name, heading)[0])
    assert list(first.tels[:2]) == [tel("emergency"), tel("police_101")], \
        f"{lang} /{page(name)}#{heading}: the first bullet must be to report (999, then 101): {first.describe()}"


@pytest.mark.parametrize("lang", TRANSLATIONS)
@pytest.mark.parametrize("name,heading", CASES)
def test_translated_rule_section_has_the_same_bullets_and_numbers_as_english(name, heading, lang):
    assert differences(lang, page(name), heading) == []


def says_not_to_turn_away(words: str) -> bool:
    return bool(TURN_AWAY.search(words) and NEGATION.search(words))


@pytest.mark.parametrize("lang", TRANSLATIONS)
@pytest.mark.parametrize("name,heading", TURN_AWAY_CASES)
def test_translation_keeps_the_bullet_where_english_says_not_to_turn_people_away(name, heading, lang):
    english = [" ".join(item.text().split()) for item in items("en", name, heading)]
    where = [number for number, words in enumerate(english) if says_not_to_turn_away(words)]
    assert where, f"/{page(name)}#{heading}: no English bullet says not to turn people away"
    own = items(lang, name, heading)
    assert len(own) == len(english), \
        f"{lang} /{page(name)}#{heading}: {len(own)} bullets, English {len(english)} (English bullet {where[0] + 1} " \
        f"says not to turn people away: {english[where[0]]!r})"
    for number in where:
        mine = bullet(lang, page(name), own[number])
        wanted = bullet("en", page(name), items("en", name, heading)[number])
        assert mine == wanted, f"{lang} /{page(name)}#{heading} bullet {number + 1} ({english[number]!r} in " \
                               f"English): {mine.describe()}; English: {wanted.describe()}"


def test_every_role_page_and_what_to_do_has_a_bullet_not_to_turn_people_away():
    """In English, every page but housekeeping says it in one of its rule sections, so the test above compares the
    translations with something on each of them."""
    pages = {name for name, heading in TURN_AWAY_CASES
             if any(says_not_to_turn_away(" ".join(item.text().split())) for item in items("en", name, heading))}
    assert pages == set(RULE_SECTIONS) - {"housekeeping"}, sorted(set(RULE_SECTIONS) - {"housekeeping"} - pages)


@pytest.mark.parametrize("lang", TRANSLATIONS)
@pytest.mark.parametrize("name", list(RULE_SECTIONS))
def test_translated_page_shows_the_same_numbers_in_its_own_text_as_english(name, lang):
    english = own_tel_links("en", name)
    assert {tel("emergency"), tel("police_101")} <= set(english)
    assert own_tel_links(lang, name) == english, \
        f"{lang} /{page(name)}: the numbers outside the help box differ from the English page"


@pytest.mark.parametrize("lang", TRANSLATIONS)
@pytest.mark.parametrize("pdf", POSTERS_AND_CARDS)
def test_translated_card_and_poster_print_the_same_numbers_in_the_same_order_as_english(pdf, lang):
    english = tel_links(built_pdf("en", pdf))
    assert english.count(tel("emergency")) >= 1 and english.count(tel("police_101")) >= 1, f"{pdf}: no 999 or 101"
    assert tel_links(built_pdf(lang, pdf)) == english, \
        f"{languages.home(lang)}print/{pdf} prints other numbers, or in another order, than the English one"


def test_english_pocket_cards_give_999_and_101_on_the_back_of_every_card():
    """Four cards, each back starting with the report-first bullet: 999 and 101 at least four times each."""
    links = tel_links(built_pdf("en", "pocket-cards-a4.pdf"))
    assert links.count(tel("emergency")) >= 4 and links.count(tel("police_101")) >= 4, links


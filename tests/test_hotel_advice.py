"""The English "Say something" advice for hotel, taxi, takeaway and leisure staff never tips off an abuser.

One rule on every role page, on the "What to do" page and on the printed pocket cards: report first (999 if a
child is in danger now, 101 otherwise); never turn people away or refuse a booking instead of reporting (the child
would go somewhere nobody is watching); speak to a young person only with the normal words of the job, never
asking them whether they are OK or about the adult. Every role page shows 999 and 101 in its own text (not only in
the "Get help now" box), and the pages and cards for hotel staff show the Modern Slavery & Exploitation Helpline,
because the workers themselves may be exploited.

Reads the built English pages and PDFs in SITE_DIR. The PDF tests skip when the build had no PDFs
(QUICK_BUILD=1); tests/test_printables.py fails such a build anyway.
"""
from __future__ import annotations

import html as htmlmod
import re
import subprocess
from html.parser import HTMLParser

import pytest

from conftest import SITE
from sitedata_for_tests import contacts

ROLE_PAGES = ["reception", "housekeeping", "bar-and-restaurant", "night-staff-and-security", "taxis", "takeaways",
              "leisure-venues", "managers"]
ADVICE_PAGES = ROLE_PAGES + ["what-to-do", "index"]
HOTEL_STAFF_PAGES = ["reception", "housekeeping", "night-staff-and-security"]  # every number on the page itself
CARD_PDFS = ["pocket-cards-a4.pdf", "poster-a4.pdf"]

# Words that send people away. A sentence that uses one must say not to do it ("Do not turn them away…").
TURN_AWAY = re.compile(r"\b(refus\w*|turn\w*\s+(?:\w+\s+){0,6}away|turned-away|send\w*\s+(?:\w+\s+){0,6}away|"
                       r"ask\w*\s+(?:\w+\s+){0,6}to\s+leave)\b", re.I)
NEGATION = re.compile(r"\b(not|never|don't|do not)\b", re.I)
# Questions that can alert the adult: asking the young person whether they are OK, all right, safe…
ASK_IF_OK = re.compile(r"\b(ask\w*\b[^.!?]*?\b(if|whether)\b[^.!?]*?\b(ok|okay|all right|alright|fine|safe)\b|"
                       r"are you (ok|okay|all right|alright|safe)\b)", re.I)
KEEP_PEOPLE_OUT = re.compile(r"\bkeep (people|everyone|others|guests) out\b", re.I)


class PageText(HTMLParser):
    """The article's words and tel: links, leaving out the "Get help now" box that every page carries."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = {"article": 0, "aside": 0}
        self.aside_is_help = []
        self.words: list[str] = []
        self.tels: list[str] = []

    def _in_content(self) -> bool:
        return self.depth["article"] > 0 and not any(self.aside_is_help)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "article":
            self.depth["article"] += 1
        elif tag == "aside":
            self.aside_is_help.append("help-now" in (attrs.get("class") or "").split())
        elif tag == "a" and self._in_content() and (attrs.get("href") or "").startswith("tel:"):
            self.tels.append(attrs["href"])
        if tag in ("li", "p", "h1", "h2", "h3", "blockquote", "br"):
            self.words.append("\n")

    def handle_endtag(self, tag):
        if tag == "article":
            self.depth["article"] -= 1
        elif tag == "aside" and self.aside_is_help:
            self.aside_is_help.pop()
        if tag in ("li", "p", "h1", "h2", "h3"):
            self.words.append("\n")

    def handle_data(self, data):
        if self._in_content():
            self.words.append(data)


def built_page(name: str) -> PageText:
    path = SITE / "say-something" / ("" if name == "index" else name) / "index.html"
    parser = PageText()
    parser.feed(path.read_text(encoding="utf-8"))
    assert parser.words, f"{path}: no article text found"
    return parser


def sentences(text: str) -> list[str]:
    """Sentences, also cut at line ends and list bullets (a list item is a sentence to a reader)."""
    text = htmlmod.unescape(text).replace("\u2019", "'")
    parts = re.split(r"(?<=[.!?])\s+|\n\s*\n|\s*[•\u2022]\s*", text)
    return [re.sub(r"\s+", " ", part).strip() for part in parts if part.strip()]


def page_sentences(name: str) -> list[str]:
    return [s for chunk in "".join(built_page(name).words).split("\n") for s in sentences(chunk)]


def pdf_sentences(name: str) -> list[str]:
    pdf = SITE / "print" / name
    if not pdf.is_file():
        pytest.skip(f"{pdf} was not built (QUICK_BUILD?)")
    words = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True,
                           check=True).stdout
    words = re.sub(r"-\n(?=[a-z])", "-", words)  # words broken at a hyphen stay one word
    return sentences(re.sub(r"(?<![.!?:])\n(?!\n)", " ", words))


def tipping_off(found: list[str]) -> list[str]:
    problems = [f"turns people away: {s!r}" for s in found if TURN_AWAY.search(s) and not NEGATION.search(s)]
    problems += [f"asks the young person if they are OK: {s!r}" for s in found if ASK_IF_OK.search(s)]
    problems += [f"puts staff in front of returning guests: {s!r}" for s in found if KEEP_PEOPLE_OUT.search(s)]
    return problems


@pytest.mark.parametrize("name", ADVICE_PAGES)
def test_page_never_advises_turning_people_away_or_asking_the_young_person_if_they_are_ok(name):
    assert tipping_off(page_sentences(name)) == []


@pytest.mark.parametrize("name", CARD_PDFS)
def test_printed_cards_never_advise_turning_people_away_or_asking_the_young_person_if_they_are_ok(name):
    found = pdf_sentences(name)
    assert len(found) > 10, f"{name}: too little text"
    assert tipping_off(found) == []


@pytest.mark.parametrize("name", [name for name in ROLE_PAGES if name != "housekeeping"] + ["what-to-do"])
def test_page_says_do_not_turn_people_away_and_to_report(name):
    """The rule is stated, not only left out: a sentence says not to turn people away (or refuse a booking).
    Housekeeping staff take no bookings and serve nobody at a door, so their page has no such sentence."""
    said = [s for s in page_sentences(name) if TURN_AWAY.search(s) and NEGATION.search(s)]
    assert said, f"say-something/{name}: nothing says not to turn people away instead of reporting"


@pytest.mark.parametrize("name", ROLE_PAGES + ["what-to-do"])
def test_page_shows_999_and_101_in_its_own_text(name):
    tels = set(built_page(name).tels)
    for key in ("emergency", "police_101"):
        tel = "tel:" + contacts()[key]["phones"][0]["tel"]
        assert tel in tels, f"say-something/{name}: no {tel} link outside the 'Get help now' box"


@pytest.mark.parametrize("name", HOTEL_STAFF_PAGES)
def test_hotel_staff_page_shows_every_number_they_may_need(name):
    tels = set(built_page(name).tels)
    for key in ("emergency", "police_101", "crimestoppers", "modern_slavery_helpline"):
        tel = "tel:" + contacts()[key]["phones"][0]["tel"]
        assert tel in tels, f"say-something/{name}: no {tel} link ({key})"


def test_housekeeping_page_shows_signs_of_labour_exploitation_and_the_helpline():
    page = built_page("housekeeping")
    assert "tel:08000121700" in page.tels, "no tel: link to the Modern Slavery & Exploitation Helpline"
    text = " ".join("".join(page.words).split())
    assert re.search(r"passport", text, re.I), "no signs of labour exploitation (passport or ID kept by someone else)"


def test_every_pocket_card_shows_the_modern_slavery_helpline():
    text = " ".join(pdf_sentences("pocket-cards-a4.pdf"))
    cards = len(re.findall(r"Modern Slavery & Exploitation Helpline", text))
    numbers = len(re.findall(r"(?<!\d)08000 121 700(?!\d)", text))
    assert cards >= 4 and numbers >= 4, f"the helpline is on {cards} and its number on {numbers} of 4 cards"


@pytest.mark.parametrize("name", ADVICE_PAGES)
def test_no_page_asks_callers_to_say_operation_makesafe_on_the_phone(name):
    """The facts say only that Makesafe is police-led training, not that 101 call handlers know the name."""
    for s in page_sentences(name):
        assert not (re.search(r"makesafe", s, re.I) and re.search(r"\b(say|call|ask|101|999|phone)\b", s, re.I)), \
            f"say-something/{name}: {s!r}"

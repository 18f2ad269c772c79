"""The "Show this screen" cards (docs/help/show-this-screen*.md): messages a reader shows to someone who speaks
English. Each card carries one message, the English in large type and, in the other five languages, the same
message in the reader's language beneath it.

A reader may be on a small phone with JavaScript off, offline, or holding a printed card, so the cards must show
without JavaScript, be large enough to read at arm's length on a 360 px screen (at least 32 px, the English
filling the width), fill one screen each, read right to left in Urdu with the English left to right, keep the
quick exit, be one tap from the home page and the help box of every page, and be in the offline copy and the
printables, saying the same words as the page.
"""
from __future__ import annotations

import re
import subprocess
import zipfile

import pytest
import yaml
from urllib.parse import urljoin

from conftest import LANGUAGES, ROOT, SITE, axe_violations

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}
CARDS = 5
PRINTABLES = yaml.safe_load((ROOT / "data" / "printables.yml").read_text(encoding="utf-8"))
BIDI = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def prefix(lang: str) -> str:
    return "" if lang == "en" else f"/{lang}"


def cards_path(lang: str) -> str:
    return prefix(lang) + "/help/show-this-screen/"


@pytest.fixture
def phone(browser):
    """A 360 × 740 phone with JavaScript switched off."""
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    yield context.new_page()
    context.close()


CARD_FACTS = """() => [...document.querySelectorAll('.stc')].map(card => {
  const en = card.querySelector('.stc-en'), tr = card.querySelector('.stc-tr');
  const line = el => { if (!el) return null; const r = document.createRange(); r.selectNodeContents(el);
    const s = getComputedStyle(el);
    return {text: el.innerText.trim(), size: parseFloat(s.fontSize), dir: s.direction, attrDir: el.getAttribute('dir'),
            lang: el.closest('[lang]').getAttribute('lang'), visible: el.getBoundingClientRect().height > 0,
            textWidth: r.getBoundingClientRect().width, boxWidth: el.clientWidth}; };
  return {en: line(en), tr: line(tr)};
})"""


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_card_shows_without_javascript_in_type_that_fills_a_small_phone(phone, base_url, lang):
    phone.goto(base_url + cards_path(lang))
    cards = phone.evaluate(CARD_FACTS)
    assert len(cards) == CARDS, f"{lang}: {len(cards)} cards, expected {CARDS}"
    for number, card in enumerate(cards, 1):
        en, tr = card["en"], card["tr"]
        assert en and en["visible"] and en["text"], f"{lang} card {number}: no English message"
        assert en["lang"] == "en" and en["dir"] == "ltr", f"{lang} card {number}: the English is not marked lang=en, ltr"
        assert en["size"] >= 32, f"{lang} card {number}: English at {en['size']}px, under 32px"
        assert en["textWidth"] >= 0.7 * en["boxWidth"] and en["boxWidth"] >= 0.85 * PHONE["width"], \
            f"{lang} card {number}: the English fills {en['textWidth']:.0f} of {en['boxWidth']}px (of a {PHONE['width']}px screen)"
        if lang == "en":
            assert tr is None, "the English page shows the English only"
            continue
        assert tr and tr["visible"] and tr["text"], (f"{lang} card {number}: no message in the reader's language "
                                                     f"(translate docs/help/show-this-screen.md as show-this-screen.{lang}.md)")
        assert tr["lang"] == lang, f"{lang} card {number}: the translation is marked lang={tr['lang']}"
        assert tr["size"] >= 32, f"{lang} card {number}: translation at {tr['size']}px, under 32px"


@pytest.mark.parametrize("lang", ["en", "ur"])
def test_one_card_fills_the_screen(phone, base_url, lang):
    """Scrolled to a card, the next card's message is below the bottom of the screen."""
    phone.goto(base_url + cards_path(lang))
    for index in range(CARDS - 1):
        below = phone.evaluate("""i => { const cards = document.querySelectorAll('.stc'); cards[i].scrollIntoView();
            return cards[i + 1].querySelector('.stc-en').getBoundingClientRect().top - innerHeight; }""", index)
        assert below >= 0, f"{lang}: card {index + 2} shows on the same screen as card {index + 1}"


def test_urdu_cards_read_right_to_left_with_the_english_left_to_right(phone, base_url):
    phone.goto(base_url + cards_path("ur"))
    for number, card in enumerate(phone.evaluate(CARD_FACTS), 1):
        assert card["en"]["attrDir"] == "ltr" and card["en"]["dir"] == "ltr", f"card {number}: English not ltr"
        assert card["tr"]["dir"] == "rtl", f"card {number}: the Urdu is {card['tr']['dir']}, not rtl"
        assert card["en"]["lang"] == "en" and card["tr"]["lang"] == "ur"


def test_every_card_page_says_the_same_english_messages(phone, base_url):
    """The English a reader shows is the same in every language; only the first names the reader's language."""
    english = []
    for lang in LANGUAGES:
        phone.goto(base_url + cards_path(lang))
        english.append([BIDI.sub("", card["en"]["text"]) for card in phone.evaluate(CARD_FACTS)])
    for lang, messages in zip(LANGUAGES[1:], english[1:]):
        assert messages[1:] == english[0][1:], f"{lang}: the English messages differ from the English page"
        assert messages[0].endswith(english[0][0]), f"{lang}: the first card must end {english[0][0]!r}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_card_pages_keep_the_quick_exit_in_view(phone, base_url, lang):
    phone.goto(base_url + cards_path(lang))
    button = phone.locator(".quick-exit__button")
    assert button.is_visible(), f"{lang}: no quick exit"
    phone.evaluate("document.querySelectorAll('.stc')[3].scrollIntoView()")
    box = button.bounding_box()
    assert box and 0 <= box["y"] and box["y"] + box["height"] <= PHONE["height"], f"{lang}: quick exit scrolled away"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_cards_are_one_tap_from_the_home_page_and_from_the_help_box(phone, base_url, lang):
    want = cards_path(lang)
    phone.goto(base_url + (prefix(lang) or "") + "/")
    in_content = phone.evaluate("[...document.querySelectorAll('article a')].map(a => new URL(a.href).pathname)")
    assert want in in_content, f"{lang}: the home page does not link to {want}"
    for path in (prefix(lang) + "/", prefix(lang) + "/signs/", prefix(lang) + "/say-something/reception/"):
        phone.goto(base_url + path)
        links = phone.locator(".help-now a").evaluate_all("links => links.map(a => new URL(a.href).pathname)")
        assert want in links, f"{path}: the help box does not link to {want}"
    phone.locator(f'.help-now a[href$="help/show-this-screen/"]').click()
    assert phone.evaluate("location.pathname") == want and phone.locator(".stc").count() == CARDS


def test_every_page_help_box_links_to_the_cards_in_its_language():
    missing = []
    for page in SITE.rglob("*.html"):
        rel = page.relative_to(SITE).as_posix()
        if rel.startswith(("print/", "downloads/")) or "/print/" in rel:
            continue
        text = page.read_text(encoding="utf-8")
        box = re.search(r'<aside class="help-now".*?</aside>', text, re.S)
        if not box:
            continue
        url = "/" + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)
        lang = rel.split("/", 1)[0] if rel.split("/", 1)[0] in LANGUAGES else "en"
        targets = {urljoin(url, href) for href in re.findall(r'href="([^"]*)"', box.group(0))}
        if cards_path(lang) not in targets:
            missing.append(rel)
    assert not missing, f"help box without the cards link: {missing[:5]}"


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_card_pages_have_no_accessibility_violations_at_phone_and_desktop_width(browser, base_url, lang, viewport):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.goto(base_url + cards_path(lang), wait_until="load")
    violations = axe_violations(page)
    context.close()
    assert violations == [], f"{lang} at {viewport['width']}px: {violations}"


def test_cards_print_one_to_a_page_without_the_screen_height():
    css = (ROOT / "overrides" / "assets" / "stylesheets" / "site.css").read_text(encoding="utf-8")
    assert re.search(r"@media print\s*\{\s*\.stc\s*\{[^}]*min-height:\s*0", css), \
        "printing the page must drop the one-card-per-screen height"


def pdf_words(pdf) -> str:
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True)
    return re.sub(r"\s+", "", BIDI.sub("", out.stdout))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_pocket_card_says_what_the_screen_says(phone, base_url, lang):
    ids = [p["id"] for p in PRINTABLES["printables"] if p["link"] == "help/show-this-screen.md"]
    assert ids, "data/printables.yml has no pocket card for the cards page"
    pdf = SITE / prefix(lang).lstrip("/") / "print" / f"{ids[0]}-a4.pdf"
    assert pdf.is_file(), f"{pdf} is missing (a full build makes it: no QUICK_BUILD)"
    words = pdf_words(pdf)
    phone.goto(base_url + cards_path(lang))
    for card in phone.evaluate(CARD_FACTS):
        assert re.sub(r"\s+", "", BIDI.sub("", card["en"]["text"])) in words, f"{lang}: {card['en']['text']!r} not printed"
        if card["tr"] and lang != "ur":  # poppler splits some Urdu letters apart (see test_printables.py)
            assert re.sub(r"\s+", "", card["tr"]["text"]) in words, f"{lang}: {card['tr']['text']!r} not printed"


def test_the_offline_copy_has_every_card_page():
    offline = SITE / PRINTABLES["offline_copy"]
    assert offline.is_file(), f"{offline} is missing (a full build makes it: no QUICK_BUILD)"
    with zipfile.ZipFile(offline) as archive:
        names = set(archive.namelist())
        for lang in LANGUAGES:
            name = "spot-it-say-it/" + ("" if lang == "en" else f"{lang}/") + "help/show-this-screen.html"
            assert name in names, f"{name} is not in the offline copy"
            html = archive.read(name).decode("utf-8")
            assert html.count('class="stc-en"') == CARDS, f"{name}: not every card"

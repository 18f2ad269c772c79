"""Local contacts on a phone: at phone width the seven councils show as one card each, whose numbers dial with a tap;
wide screens and paper get the table. In every language, right to left in Urdu, without JavaScript, in the
offline copy, axe-clean at both widths, with the quick exit on top.

The cards and the table render from the same data (data/contacts.yml, scripts/render_data.py, through
overrides/partials/contact-cards.html and contacts-table.html); site.css shows one and hides the other with
display:none, which also hides it from screen readers. Expectations here come from the data, never typed.
"""
from __future__ import annotations

import json
import re
import sys
import zipfile

import pytest
import yaml

from conftest import LANGUAGES, ROOT, SITE, axe_violations, ensure_site
from sitedata_for_tests import contact_text, contacts, text

sys.path.insert(0, str(ROOT / "scripts"))
import render_data  # noqa: E402  (the month as the pages write it)

PHONE, DESKTOP = {"width": 360, "height": 740}, {"width": 1280, "height": 800}
CARDS, TABLE = ".contact-cards", "article table:has(th[scope=row])"
COUNCILS = [cid for cid, c in contacts().items() if c.get("group") == "councils"]


def url_path(lang: str) -> str:
    return ("/" if lang == "en" else f"/{lang}/") + "help/local-contacts/"


def expected_card(cid: str, lang: str) -> dict:
    """What the card for one council must show, from data/contacts.yml and data/i18n/<lang>.yml."""
    contact = contacts()[cid]
    phones = contact.get("phones", [])
    fallback = [contacts()[f]["phones"][0] for f in contact.get("fallback", [])]
    whens = {p.get("when") for p in phones}
    shows_fallback = not {"office", "out_of_hours"} <= whens
    return {
        "name": contact_text(cid, "name", lang),
        "tels": {(p["tel"], p["display"]) for p in phones + (fallback if shows_fallback else [])},
        "hours": contact_text(cid, "hours", lang) if "office" in whens else None,
        "labels": [text(f"ui.contact.table.{w}", lang) for w in ("office", "out_of_hours")] if phones else [],
        "checked": render_data.month(contact["last_checked"], lang),
        "web": contact["web"],
        "caveat": any(p.get("source_dated") for p in phones),
        "fallback": shows_fallback and bool(fallback),
    }


@pytest.fixture(scope="module")
def open_page(browser, base_url):
    """open_page(lang, viewport, javascript=True, media="screen") -> a loaded Playwright page."""
    contexts = []

    def open_(lang: str, viewport: dict, javascript: bool = True, media: str = "screen", url: str | None = None):
        context = browser.new_context(viewport=viewport, java_script_enabled=javascript)
        contexts.append(context)
        page = context.new_page()
        page.emulate_media(media=media)
        page.goto(url or base_url + url_path(lang), wait_until="load")
        return page

    yield open_
    for context in contexts:
        context.close()


def shown(page, selector: str) -> bool:
    """Visible on screen, and so in the accessibility tree: the hidden copy must be display:none, not just moved."""
    return page.evaluate("""s => { const el = document.querySelector(s);
        if (!el) throw new Error('no ' + s);
        for (let e = el; e; e = e.parentElement) if (getComputedStyle(e).display === 'none') return false;
        return el.getClientRects().length > 0; }""", selector)


def cards_of(page) -> list[dict]:
    return page.evaluate("""() => [...document.querySelectorAll('.contact-cards .contact-card')].map(card => ({
        heading: card.firstElementChild.tagName, name: card.firstElementChild.innerText.trim(),
        text: card.innerText.replace(/\\s+/g, ' '),
        tels: [...card.querySelectorAll('a[href^="tel:"]')].map(a => ({href: a.getAttribute('href'),
            shown: a.innerText.trim(), dir: getComputedStyle(a).direction, visible: a.getClientRects().length > 0,
            right: a.getBoundingClientRect().right, left: a.getBoundingClientRect().left})),
        web: [...card.querySelectorAll('a[href^="http"]')].map(a => a.getAttribute('href')),
        caveat: !!card.querySelector('[data-caveat="source-dated"]'),
        fallback: !!card.querySelector('.contact-fallback'),
        dir: getComputedStyle(card).direction}))""")


def assert_the_cards_show_every_council(page, lang: str):
    cards = cards_of(page)
    assert len(cards) == len(COUNCILS) == 7, f"{lang}: {len(cards)} cards for {len(COUNCILS)} councils"
    for cid, card in zip(COUNCILS, cards):
        want = expected_card(cid, lang)
        where = f"{lang} {cid}"
        assert card["heading"] == "H2", f"{where}: the card's name is a {card['heading']}, not an h2 under the h1"
        assert card["name"] == want["name"], f"{where}: card is named {card['name']!r}"
        assert {(t["href"][4:], t["shown"]) for t in card["tels"]} == want["tels"], f"{where}: {card['tels']}"
        for tel in card["tels"]:
            assert tel["visible"] and tel["dir"] == "ltr", f"{where}: {tel}"
            assert 0 <= tel["left"] and tel["right"] <= PHONE["width"], f"{where}: {tel['shown']} is off the screen"
        for words in want["labels"] + [want["hours"], want["checked"], text("ui.contact.last_checked", lang)]:
            if words:
                assert words in card["text"], f"{where}: the card does not say {words!r}"
        assert card["web"] == [want["web"]], f"{where}: website link {card['web']}"
        assert card["caveat"] == want["caveat"], f"{where}: the dated number's caveat is {'missing' if want['caveat'] else 'extra'}"
        assert card["fallback"] == want["fallback"], f"{where}: the police and 999 fallback is {'missing' if want['fallback'] else 'extra'}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_at_phone_width_each_council_is_one_card_with_numbers_to_tap(open_page, lang):
    page = open_page(lang, PHONE)
    assert shown(page, CARDS), f"{lang}: no cards at 360px"
    assert not shown(page, TABLE), f"{lang}: the table is still shown at 360px"
    assert_the_cards_show_every_council(page, lang)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{lang}: the page is {width}px wide on a 360px screen"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_on_a_wide_screen_the_table_shows_and_the_cards_do_not(open_page, lang):
    page = open_page(lang, DESKTOP)
    assert shown(page, TABLE), f"{lang}: no table at 1280px"
    assert not shown(page, CARDS), f"{lang}: the cards show at 1280px too"
    rows = page.locator(f"{TABLE} tbody tr").count()
    assert rows == len(COUNCILS), f"{lang}: {rows} table rows"


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360px", "1280px"])
@pytest.mark.parametrize("lang", ["en", "ur"])
def test_printed_the_page_has_the_table_not_the_cards(open_page, lang, viewport):
    page = open_page(lang, viewport, media="print")
    assert shown(page, TABLE), f"{lang}: no table on paper"
    assert not shown(page, CARDS), f"{lang}: the cards are printed too"


@pytest.mark.parametrize("lang", ["en", "ur"])
def test_without_javascript_the_cards_and_the_table_still_change_places(open_page, lang):
    phone = open_page(lang, PHONE, javascript=False)
    assert shown(phone, CARDS) and not shown(phone, TABLE), f"{lang}: no cards at 360px without JavaScript"
    assert_the_cards_show_every_council(phone, lang)
    wide = open_page(lang, DESKTOP, javascript=False)
    assert shown(wide, TABLE) and not shown(wide, CARDS), f"{lang}: no table at 1280px without JavaScript"


def test_in_urdu_the_cards_read_right_to_left_and_the_numbers_left_to_right(open_page):
    page = open_page("ur", PHONE)
    assert shown(page, CARDS) and len(cards_of(page)) == len(COUNCILS), "no Urdu cards at 360px"
    for cid, card in zip(COUNCILS, cards_of(page)):
        assert card["dir"] == "rtl", f"{cid}: the card is {card['dir']}"
        assert all(t["dir"] == "ltr" for t in card["tels"]), f"{cid}: a number reads right to left"
    # Mirrored: the heading starts at the card's right edge; English names inside are isolated, left to right.
    edges = page.evaluate("""() => [...document.querySelectorAll('.contact-cards .contact-card')].map(card => {
        const box = card.getBoundingClientRect(), range = document.createRange();
        range.selectNodeContents(card.firstElementChild);
        const text = range.getBoundingClientRect(), bdi = card.firstElementChild.querySelector('bdi[lang=en]');
        return {gapRight: box.right - text.right, gapLeft: text.left - box.left,
                bdi: bdi ? getComputedStyle(bdi).direction : null}; })""")
    for cid, edge in zip(COUNCILS, edges):
        assert edge["gapRight"] < edge["gapLeft"] or edge["gapLeft"] < 30, f"{cid}: the heading is not on the right {edge}"
        if re.search("[A-Za-z]", contact_text(cid, "name", "ur")):
            assert edge["bdi"] == "ltr", f"{cid}: the English part of the name is not in <bdi lang=en>"


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360px", "1280px"])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_page_is_axe_clean_at_phone_and_desktop_width(open_page, lang, viewport):
    page = open_page(lang, viewport)
    violations = axe_violations(page)
    assert violations == [], f"{lang} at {viewport['width']}px: {violations}"


@pytest.mark.parametrize("lang", ["en", "ur"])
def test_the_quick_exit_is_on_screen_above_the_cards(open_page, lang):
    page = open_page(lang, PHONE)
    button = page.locator("a.quick-exit__button")
    assert button.is_visible(), f"{lang}: no quick exit at 360px"
    assert button.get_attribute("href") == text("ui.quick_exit.destination", lang)
    page.locator(".contact-cards .contact-card").nth(3).scroll_into_view_if_needed()
    box = button.bounding_box()
    assert box and 0 <= box["y"] and box["y"] + box["height"] <= PHONE["height"], f"{lang}: quick exit off screen"
    top = page.evaluate("([x, y]) => document.elementFromPoint(x, y).closest('.quick-exit') !== null",
                        [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2])
    assert top, f"{lang}: something covers the quick exit button"


def test_search_finds_each_council_number_once_not_twice():
    """The cards repeat the table; they carry data-search-exclude so results are not doubled."""
    ensure_site()
    docs = json.loads((SITE / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    words = " ".join(d["text"] for d in docs if d["location"].startswith("help/local-contacts/"))
    for cid in COUNCILS:
        for phone in contacts()[cid].get("phones", []):
            assert words.count(phone["display"]) == 1, f"{cid} {phone['display']}: {words.count(phone['display'])} times"


def test_the_tel_link_markup_is_written_in_one_template():
    """overrides/partials/tel.html is the one place a tel: link is written; the hooks and templates call it."""
    places = [p.relative_to(ROOT).as_posix() for folder in ("scripts", "overrides")
              for p in (ROOT / folder).rglob("*") if p.suffix in (".py", ".html")
              and 'href="tel:' in p.read_text(encoding="utf-8")]
    assert places == ["overrides/partials/tel.html"], places


# --- the offline copy ---------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def offline_copy(tmp_path_factory):
    archive = SITE / yaml.safe_load((ROOT / "data" / "printables.yml").read_text(encoding="utf-8"))["offline_copy"]
    assert archive.is_file(), f"{archive} is missing: a build without QUICK_BUILD makes it"
    folder = tmp_path_factory.mktemp("usb-stick")
    with zipfile.ZipFile(archive) as zipped:
        zipped.extractall(folder)
    return next(folder.iterdir())


@pytest.mark.parametrize("lang", ["en", "ur"])
def test_the_offline_copy_has_the_cards_at_phone_width(open_page, offline_copy, lang):
    prefix = offline_copy if lang == "en" else offline_copy / lang
    page_file = next(p for p in (prefix / "help" / "local-contacts.html", prefix / "help" / "local-contacts" / "index.html")
                     if p.is_file())
    page = open_page(lang, PHONE, url=page_file.as_uri())
    assert shown(page, CARDS) and not shown(page, TABLE), f"{lang}: no cards in the offline copy at 360px"
    assert_the_cards_show_every_council(page, lang)

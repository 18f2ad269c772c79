"""Trimming Material's stylesheet changes nothing a reader sees (scripts/steps/trim_theme_css.py).

The same pages are shown twice in Debian's Chromium: once as built (the trimmed theme rules in the page's one
stylesheet, the rules only Material's script needs in scripted.<hash>.css), once with Material's whole stylesheet
in their place (the site's own rules unchanged after it). The screenshots must be the same, pixel for pixel, in
every state the trim has to keep: desktop and phone, Urdu (right to left), search open with results, the menu
drawer open, and print. A rule the site needs that the trim dropped shows as a difference; the last test proves
that it does, by dropping one on purpose.
"""
from __future__ import annotations

import pathlib
import re
import sys

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
from steps import bundle_assets  # noqa: E402

MATERIAL_CSS = next((ROOT / ".venv").resolve().glob(
    "lib/python3*/site-packages/material/templates/assets/stylesheets/main.*.min.css"))
SITE_CSS = ROOT / "overrides" / "assets" / "stylesheets" / "site.css"  # the first of extra_css
DESKTOP = {"viewport": {"width": 1280, "height": 900}}
PHONE = {"viewport": {"width": 393, "height": 727}, "device_scale_factor": 1, "is_mobile": True, "has_touch": True}
PAGES = ["/", "/summit/speakers/", "/about/glossary/", "/say-something/reception/", "/help/local-contacts/",
         "/help/quick-exit/", "/404.html", "/ur/", "/ur/summit/speakers/", "/ur/help/local-contacts/"]
QUERY = {"en": "grooming", "ur": "مدد"}
DIFFERENCES = ROOT / "build" / "css-differences"
PNG = b"\x89PNG"


def full_stylesheet(trimmed: str) -> str:
    """The page's stylesheet as it would be untrimmed: Material's whole file, then the site's own rules."""
    start = trimmed.index(bundle_assets.minify_css(SITE_CSS.read_text(encoding="utf-8"))[:200])
    return MATERIAL_CSS.read_text(encoding="utf-8") + "\n" + trimmed[start:]


def serve(page, variant: str, drop: str | None = None):
    """Route the page's stylesheets: as built ("trimmed"), or with Material's whole file ("full")."""

    def main(route):
        css = route.fetch().text()
        route.fulfill(body=full_stylesheet(css) if variant == "full" else re.sub(drop or "^$", "", css),
                      content_type="text/css")

    def scripted(route):
        css = "" if variant == "full" else re.sub(drop or "^$", "", route.fetch().text())
        route.fulfill(body=css, content_type="text/css")

    page.route(re.compile(r".*/assets/stylesheets/(site|urdu)\.[0-9a-f]+\.css$"), main)
    page.route(re.compile(r".*/assets/stylesheets/scripted\.[0-9a-f]+\.css$"), scripted)


def open_search(page, lang: str):
    toggle = page.locator("label.md-header__button[for=__search]")
    (toggle if toggle.is_visible() else page.locator(".md-search__input")).click()
    page.wait_for_load_state("networkidle")  # Material's script, the search index: typed into a ready search
    box = page.locator(".md-search__input")
    box.fill(QUERY[lang])  # at once: keys typed one by one while the search starts can arrive in another order
    box.press("End")       # Material reads the query on key-up
    page.wait_for_selector(".md-search-result__item", timeout=20000)
    page.wait_for_timeout(500)
    # The pointer rests on the "Clear" button, so its tooltip (a rule of scripted.css) is compared too; left where
    # the tap was, it would rest on that button on a phone and not on a desktop, and show it or not by timing.
    page.locator(".md-search__options button[type=reset]").hover()
    page.wait_for_selector(".md-tooltip--active")  # Material shows it a moment later, and places it after 125 ms
    page.wait_for_timeout(500)


def settled(page, mask=()) -> bytes:
    """A screenshot once the screen has stopped changing."""
    image = page.screenshot(animations="disabled", caret="hide", mask=list(mask))
    for _ in range(10):
        page.wait_for_timeout(250)
        again = page.screenshot(animations="disabled", caret="hide", mask=list(mask))
        if again == image:
            break
        image = again
    return image


def screenshot(browser, base_url, path, device, state, variant, drop=None) -> bytes:
    context = browser.new_context(**device)
    page = context.new_page()
    serve(page, variant, drop)
    if state == "print":
        page.emulate_media(media="print")
    page.goto(base_url + path, wait_until="load")
    page.evaluate("document.fonts.ready")
    if state == "search":
        open_search(page, "ur" if path.startswith("/ur/") else "en")
    elif state == "drawer":
        page.locator("label.md-header__button[for=__drawer]").click()
        page.wait_for_timeout(300)
    # The words typed into search are drawn at a slightly different place from run to run (right to left): the box
    # itself is compared, closed, in the other states; its text is covered here.
    images = [settled(page, [page.locator(".md-search__input")] if state == "search" else [])]
    if state in ("page", "print"):  # the whole page, a screen at a time (a full-page capture renders text unevenly)
        height, screen = page.evaluate("[document.documentElement.scrollHeight, innerHeight]")
        for top in range(screen, height, screen):
            page.evaluate(f"window.scrollTo(0, {top})")
            images.append(settled(page))
    context.close()
    return b"".join(images)


def assert_same(browser, base_url, path, device, state, name):
    full = screenshot(browser, base_url, path, device, state, "full")
    trimmed = screenshot(browser, base_url, path, device, state, "trimmed")
    if full != trimmed:
        DIFFERENCES.mkdir(parents=True, exist_ok=True)
        stem = re.sub(r"\W+", "_", f"{name}{path}").strip("_")
        for index, (a, b) in enumerate(zip(full.split(PNG), trimmed.split(PNG))):
            if a != b:
                (DIFFERENCES / f"{stem}.{index}.full.png").write_bytes(PNG + a)
                (DIFFERENCES / f"{stem}.{index}.trimmed.png").write_bytes(PNG + b)
    same = full == trimmed  # not compared in the assert: a failure would print every byte of both images
    assert same, f"{path} ({name}) looks different with the trimmed CSS: see {DIFFERENCES}"


@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize("name,device", [("desktop", DESKTOP), ("phone", PHONE)])
def test_page_looks_the_same_with_the_trimmed_css(browser, base_url, path, name, device):
    assert_same(browser, base_url, path, device, "page", name)


@pytest.mark.parametrize("path", ["/summit/speakers/", "/help/local-contacts/", "/ur/summit/speakers/"])
def test_printed_page_looks_the_same_with_the_trimmed_css(browser, base_url, path):
    assert_same(browser, base_url, path, DESKTOP, "print", "print")


@pytest.mark.parametrize("path", ["/", "/ur/"])
@pytest.mark.parametrize("name,device", [("desktop", DESKTOP), ("phone", PHONE)])
def test_open_search_looks_the_same_with_the_trimmed_css(browser, base_url, path, name, device):
    assert_same(browser, base_url, path, device, "search", f"search {name}")


@pytest.mark.parametrize("path", ["/say-something/reception/", "/ur/say-something/reception/"])
def test_open_menu_looks_the_same_with_the_trimmed_css(browser, base_url, path):
    assert_same(browser, base_url, path, PHONE, "drawer", "drawer")


@pytest.mark.parametrize("state,path,drop", [
    ("page", "/", r"\.md-header__title\{[^}]*\}"),           # a rule of the first load
    ("search", "/", r"\.md-search-result mark\{[^}]*\}"),  # a rule only search results need (scripted.css)
])
def test_the_comparison_sees_a_dropped_rule(browser, base_url, state, path, drop):
    """The check above can fail: with one needed rule taken out of the trimmed CSS, the screenshots differ."""
    full = screenshot(browser, base_url, path, PHONE, state, "full")
    broken = screenshot(browser, base_url, path, PHONE, state, "dropped", drop=drop)
    differs = full != broken
    assert differs, f"dropping {drop} changed nothing: the comparison is blind to it"

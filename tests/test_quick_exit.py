"""Quick exit, as a reader meets it in Chromium: the button, the skip link, the keys, and what is left behind.

The neutral page (BBC Weather) is answered inside the browser (page.route): no request leaves the machine. Key
sequences with time limits run on Playwright's fake clock, so "wait 6 seconds" takes no time.
"""
from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe

from conftest import AXE_OPTIONS, LANGUAGES, SITE, language_of, languages, page_paths
from sitedata_for_tests import text

DESTINATION = "https://www.bbc.co.uk/weather"
OFF_SITE = re.compile(r"^https?://(?!127\.0\.0\.1[:/])")
WEATHER = "<!doctype html><html lang='en'><title>Weather</title><p>Weather</p></html>"
BUTTON = ".quick-exit__button"
STATUS = "[data-quick-exit-status]"
OVERLAY = ".quick-exit-overlay"
HELP_PAGE = "/help/quick-exit/"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_built_page_has_the_quick_exit_and_its_skip_link(lang):
    """Every page a reader can land on (redirect pages excepted: they move on at once) carries the exit button and
    the "exit now" skip link, both to the neutral page and in the page's language."""
    destination = re.escape(text("ui.quick_exit.destination", lang))
    button = re.compile(rf'<a class="quick-exit__button" href="{destination}"[^>]*>\s*(.*?)</a>', re.S)
    skip = re.compile(rf'<a class="skip-link skip-link--exit" href="{destination}"[^>]*>\s*(.*?)</a>', re.S)
    missing = []
    for path in page_paths():
        if language_of(path) != lang:
            continue
        html = (SITE / (path.lstrip("/") + ("index.html" if path.endswith("/") else ""))).read_text(encoding="utf-8")
        found, jump = button.search(html), skip.search(html)
        if not found or text("ui.quick_exit.label", lang) not in re.sub(r"<[^>]+>", "", found.group(1)):
            missing.append(path)
        elif not jump or text("ui.quick_exit.skip_link", lang) not in jump.group(1):
            missing.append(path + " (skip link)")
    assert not missing, f"{lang}: pages without a labelled quick exit: {missing[:8]}"


def answer_off_site(page):
    """Answer the neutral page (and anything else off this machine) here, so no request leaves the machine."""
    page.route(OFF_SITE, lambda route: route.fulfill(status=200, content_type="text/html", body=WEATHER))


def stay_when_leaving(page):
    """Keep the browser on our page when it starts to leave, as if the reader had answered "Stay" to a "Leave
    site?" question, so the page can be looked at with its overlay. (While a navigation is pending, Chromium does
    not answer scripts from the test, so holding the neutral page's request back does not work.)"""
    page.on("dialog", lambda dialog: dialog.dismiss())
    page.evaluate("addEventListener('beforeunload', (event) => event.preventDefault())")


# What the page looks like at the moment the browser starts to leave it, sent to the test.
SNAPSHOT_ON_LEAVE = """
addEventListener("beforeunload", () => {
  const overlay = document.querySelector(".quick-exit-overlay");
  window.snapshot({
    title: document.title,
    overlay: overlay && {role: overlay.getAttribute("role"), text: overlay.textContent,
                         shown: overlay.getBoundingClientRect().height > 0},
    shown: [...document.body.children].filter((el) => el.getClientRects().length).map((el) => el.className),
    storage: [...Object.keys(localStorage), ...Object.keys(sessionStorage)],
  });
});
"""


def open_page(page, base_url, path="/", clock=False):
    answer_off_site(page)
    if clock:
        page.clock.install()
    page.goto(base_url + path)
    return page


def status(page) -> str:
    return page.locator(STATUS).text_content().strip()


def blank(title: str) -> bool:
    return not title.replace("\u200b", "").strip()


def english_pages() -> list[str]:
    """English pages with content: no 404 page, no old address that only sends the reader on."""
    return [p for p in page_paths() if p.split("/")[1] not in LANGUAGES and p.endswith("/")
            and 'http-equiv="refresh"' not in (SITE / p.lstrip("/") / "index.html").read_text(encoding="utf-8")]


def test_without_javascript_the_exit_is_a_real_link_and_the_first_tab_stop(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    answer_off_site(page)
    page.goto(base_url + "/")
    button = page.locator(BUTTON)
    assert button.get_attribute("href") == DESTINATION
    assert set(button.get_attribute("rel").split()) >= {"nofollow", "noreferrer"}
    assert button.is_visible()
    page.keyboard.press("Tab")
    first = page.evaluate("({text: document.activeElement.textContent.trim(), href: document.activeElement.href,"
                          " rel: document.activeElement.rel})")
    assert first["href"] == DESTINATION and "noreferrer" in first["rel"] and first["text"]
    page.keyboard.press("Enter")
    page.wait_for_url(DESTINATION)
    context.close()


def test_button_hides_the_page_clears_storage_and_is_not_in_back_history(browser, base_url):
    context = browser.new_context()
    snapshots = []
    context.expose_binding("snapshot", lambda source, value: snapshots.append(value))
    context.add_init_script(SNAPSHOT_ON_LEAVE)
    page = context.new_page()
    answer_off_site(page)
    first, second = "/", english_pages()[1]
    page.goto(base_url + first)
    page.goto(base_url + second)
    page.evaluate("""() => {
        localStorage.setItem("/.__palette", "{}"); sessionStorage.setItem("/.__tabs", "[]");
        localStorage.setItem("another-site-on-this-host", "kept"); }""")
    entries = page.evaluate("history.length")
    snapshots.clear()  # leaving the first page made one too
    page.locator(BUTTON).click()
    page.wait_for_url(DESTINATION)
    # As it left, only the overlay showed, announced as an alert; the tab title was blank; our keys were gone.
    [left] = snapshots
    assert left["overlay"] == {"role": "alert", "text": "Leaving this page", "shown": True}
    assert left["shown"] == ["quick-exit-overlay"]
    assert blank(left["title"])
    assert left["storage"] == ["another-site-on-this-host"], "the site's own keys must go, other sites' stay"
    assert page.evaluate("history.length") == entries, "location.replace(): no new history entry"
    page.go_back()
    assert page.url == base_url + first, "Back must skip the page the reader left"
    context.close()


def test_shift_three_times_exits_and_says_how_many_presses_are_left(page, base_url):
    open_page(page, base_url)
    page.keyboard.press("Shift")
    assert status(page) == "Shift, press 2 more times to exit."
    page.keyboard.press("Shift")
    assert status(page) == "Shift, press 1 more time to exit."
    assert page.locator(".quick-exit__dots").is_visible() and page.locator(".quick-exit__dots .is-on").count() == 2
    page.keyboard.press("Shift")
    page.wait_for_url(DESTINATION)


def test_typing_capitals_and_slow_shift_presses_do_not_exit(page, base_url):
    open_page(page, base_url, clock=True)
    page.locator(".md-search__input").click()
    for char in "Human Trafficking In The West Midlands":
        if char.isupper():  # as people type capitals: Shift held, the letter, Shift released
            page.keyboard.down("Shift"); page.keyboard.press(f"Key{char}"); page.keyboard.up("Shift")
        else:
            page.keyboard.press("Space" if char == " " else f"Key{char.upper()}")
    for char in "ABC":  # sloppy capitals: Shift let go before the letter
        page.keyboard.down("Shift"); page.keyboard.down(f"Key{char}"); page.keyboard.up("Shift"); page.keyboard.up(f"Key{char}")
    assert page.locator(".md-search__input").input_value() == "Human Trafficking In The West MidlandsABC"
    # Escape closes search once Material's script, loaded on demand, has started: as a reader sees, with results
    # shown (on a busy machine an Escape sent before that was lost, and the open search covered the heading).
    page.locator(".md-search-result__item").first.wait_for()
    page.keyboard.press("Escape")
    page.locator(".md-content h1").click()
    # A Shift let go after typing a capital is not a press of its own (GOV.UK's rule): this is only 2.
    page.keyboard.down("Shift"); page.keyboard.press("KeyA"); page.keyboard.up("Shift")
    page.keyboard.press("Shift"); page.keyboard.press("Shift")
    page.clock.run_for(5100)
    # Windows switches keyboard language with Alt+Shift: Alt held, Shift tapped through the languages.
    page.keyboard.down("Alt")
    for _ in range(3):
        page.keyboard.press("Shift")
    page.keyboard.up("Alt")
    for _ in range(3):  # 6 seconds apart: each press starts again
        page.keyboard.press("Shift")
        page.clock.run_for(6000)
    assert status(page) in ("", "Exit this page expired.")
    page.keyboard.press("Shift")
    page.clock.run_for(5100)
    assert status(page) == "Exit this page expired."
    assert page.url.startswith(base_url) and page.locator(OVERLAY).count() == 0
    assert not blank(page.title())


def test_escape_twice_within_a_second_exits(page, base_url):
    open_page(page, base_url, clock=True)
    page.keyboard.press("Escape")
    assert status(page) == "Escape, press 1 more time to exit."
    page.clock.run_for(500)
    page.keyboard.press("Escape")
    page.wait_for_url(DESTINATION)


def test_escape_does_not_count_when_slow_or_while_searching(page, base_url):
    open_page(page, base_url, clock=True)
    page.keyboard.press("Escape")
    page.clock.run_for(1100)
    assert status(page) == ""
    page.keyboard.press("Escape")
    page.clock.run_for(1100)
    search = page.locator(".md-search__input")
    search.click()
    page.keyboard.type("exit")
    page.keyboard.press("Escape")  # closes search (Material's job), not counted
    page.keyboard.press("Escape")  # a first press, not a second
    page.clock.run_for(1100)
    search.click()
    for _ in range(4):
        page.keyboard.press("Escape")
        search.focus()  # typing in the search box: Escape belongs to the box
        page.keyboard.press("Escape")
    page.clock.run_for(100)
    assert page.url.startswith(base_url) and page.locator(OVERLAY).count() == 0


def test_a_page_restored_from_the_back_forward_cache_is_usable_again(page, base_url):
    open_page(page, base_url)
    title = page.title()
    stay_when_leaving(page)
    page.locator(BUTTON).click(no_wait_after=True)
    assert page.locator(OVERLAY).is_visible() and page.locator(".md-content").is_hidden() and blank(page.title())
    # Playwright's Chromium runs without the back/forward cache, so the browser's event is sent by hand.
    page.evaluate("window.dispatchEvent(new PageTransitionEvent('pageshow', {persisted: true}))")
    assert page.locator(OVERLAY).count() == 0
    assert page.locator(".md-content").is_visible() and page.locator(BUTTON).is_visible()
    assert page.title() == title


def test_first_tab_stop_is_the_exit_skip_link_and_it_shows_when_focused(page, base_url):
    answer_off_site(page)
    for path in ["/", HELP_PAGE, "/ur/"]:
        page.goto(base_url + path)
        page.keyboard.press("Tab")
        focused = page.evaluate("""() => {
            const el = document.activeElement, box = el.getBoundingClientRect();
            const top = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
            return {cls: el.className, href: el.href, text: el.innerText.trim(), opacity: getComputedStyle(el).opacity,
                    inView: box.top >= 0 && box.left >= 0 && box.bottom <= innerHeight && box.right <= innerWidth,
                    onTop: el === top || el.contains(top), width: box.width, height: box.height}; }""")
        assert "skip-link--exit" in focused["cls"] and focused["href"] == DESTINATION, path
        assert focused["text"] and focused["opacity"] == "1" and focused["inView"] and focused["onTop"], (path, focused)
        assert focused["width"] >= 44 and focused["height"] >= 44, (path, focused)
        page.keyboard.press("Tab")
        second = page.evaluate("document.activeElement.getAttribute('href')")
        assert second.startswith("#"), f"{path}: the second Tab stop should be Skip to content"


def test_axe_finds_nothing_wrong_while_the_overlay_shows(page, base_url):
    open_page(page, base_url, HELP_PAGE)
    stay_when_leaving(page)
    page.locator(BUTTON).click(no_wait_after=True)
    assert page.locator(OVERLAY).is_visible()
    violations = Axe().run(page, options=AXE_OPTIONS).response["violations"]
    assert not violations, [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_language_has_a_labelled_exit_that_stays_in_view(page, base_url, lang):
    answer_off_site(page)
    for viewport in ({"width": 1280, "height": 720}, {"width": 360, "height": 640}):
        page.set_viewport_size(viewport)
        page.goto(base_url + ("/" + languages.home(lang)))
        assert page.locator(BUTTON).inner_text().strip()
        assert page.locator(".skip-link--exit").text_content().strip()
        how = page.evaluate("new URL(document.querySelector('.quick-exit__how').href).pathname")
        assert how == ("/" + languages.home(lang)) + "help/quick-exit/", "help in the reader's language"
        if lang == "ur":
            assert page.evaluate("document.body.dir") == "rtl"
        page.mouse.wheel(0, 5000)
        page.wait_for_timeout(100)
        box = page.locator(BUTTON).bounding_box()
        assert box["x"] >= 0 and box["y"] >= 0, (lang, viewport, box)
        assert box["x"] + box["width"] <= viewport["width"] and box["y"] + box["height"] <= viewport["height"]
        assert box["width"] >= 44 and box["height"] >= 44


def test_exit_is_not_printed(page, base_url):
    open_page(page, base_url, HELP_PAGE)
    page.emulate_media(media="print")
    assert page.locator(".quick-exit").is_hidden()
    assert page.locator(".skip-links").is_hidden()


@pytest.mark.parametrize("viewport", [{"width": 1280, "height": 720}, {"width": 375, "height": 667}])
def test_the_bar_never_covers_the_focused_element(page, base_url, viewport):
    """WCAG 2.2, 2.4.11: Tab through the longest English page; nothing focused may sit under the bar."""
    page.set_viewport_size(viewport)
    longest = max(english_pages(), key=lambda p: (SITE / p.lstrip("/") / "index.html").stat().st_size)
    open_page(page, base_url, longest)
    covered = []
    for _ in range(120):
        page.keyboard.press("Tab")
        result = page.evaluate("""() => {
            const el = document.activeElement, bar = document.querySelector(".quick-exit").getBoundingClientRect();
            if (!el || el === document.body || el.closest(".quick-exit, .skip-links")) return null;
            const box = el.getBoundingClientRect();
            // A region taller than half the screen (the open search's scrolling results) always shows above the
            // bar; what must never sit under it is a control or a line of text.
            if (box.height > innerHeight / 2) return null;
            const shown = box.width > 0 && box.height > 0 && box.right > 0 && box.left < innerWidth
                          && el.checkVisibility({opacityProperty: true, visibilityProperty: true});
            return shown && box.bottom > bar.top + 0.5 && box.top < bar.bottom
                   ? (el.getAttribute("href") || el.outerHTML.slice(0, 60)) : null; }""")
        if result:
            covered.append(result)
    assert not covered, f"{longest}: focused items under the quick exit bar: {covered[:10]}"


def test_practice_mode_hides_the_page_then_brings_it_back(page, base_url):
    open_page(page, base_url, HELP_PAGE, clock=True)
    toggle = page.locator("[data-quick-exit-practice] button")
    toggle.click()
    assert toggle.get_attribute("aria-pressed") == "true"
    practice_status = page.locator("[data-quick-exit-practice] [role=status]")
    assert practice_status.inner_text()
    title = page.title()
    for _ in range(3):
        page.keyboard.press("Shift")
    assert page.locator(OVERLAY).is_visible() and blank(page.title())
    page.clock.run_for(3100)
    assert page.locator(OVERLAY).count() == 0 and page.title() == title
    assert page.url == base_url + HELP_PAGE
    assert "practice" in practice_status.inner_text().lower()
    assert toggle.get_attribute("aria-pressed") == "false"
    page.locator(BUTTON).click()  # practice is over: the real button leaves
    page.wait_for_url(DESTINATION)

"""Pages fit a small phone's screen, and nothing on them moves while they load.

Width (WCAG 2.2, 1.4.10 Reflow): at 320 CSS pixels, every page of every language reads without sideways
scrolling, with JavaScript and without it. A phone lays a page that sticks out past its edge wider than the screen,
so one stray element shrinks the whole page and moves it when scripts run.

Layout shift (budgets.yml, cls: 0): loaded on an emulated phone over the benchmark's slow 4G with a 4x slower
CPU, so the first paint comes before the whole page and its files have arrived, which is when shifts happen.
Every shift counts: Chromium marks shifts under touch emulation as following input (hadRecentInput), which the
Core Web Vitals definition would leave out, but no input is given here.
"""
import re
import sys

import pytest
import yaml

from conftest import LANGUAGES, ROOT, languages

sys.path.insert(0, str(ROOT / "scripts"))
from commands import bench  # noqa: E402  (one definition of the throttled phone: scripts/commands/bench.py)

BUDGETS = yaml.safe_load((ROOT / "budgets.yml").read_text(encoding="utf-8"))
NARROWEST = {"width": 320, "height": 640}

OVERFLOW = """() => {
  const width = window.innerWidth, limit = 320, scrollWidth = document.documentElement.scrollWidth;
  if (width <= limit && scrollWidth <= limit) return {width, scrollWidth, limit, wide: []};
  const wide = [...document.body.querySelectorAll('*')].filter(e => {
    const box = e.getBoundingClientRect();
    // Off-canvas parts (menu drawer, search, Material's dialog) sit outside the screen on purpose; the quick-exit
    // bar spans whatever width the page has, so it is never the cause.
    return box.width && (box.right > limit + 0.5 || box.left < -0.5)
      && !e.closest('.md-sidebar, .md-search, .md-dialog, .quick-exit');
  }).slice(0, 5).map(e => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')}`);
  return {width, scrollWidth, limit, wide};
}"""

SHIFTS = """
window.__shifts = [];
new PerformanceObserver(list => {
  for (const entry of list.getEntries()) window.__shifts.push({
    value: entry.value,
    moved: entry.sources.map(s => (s.node ? s.node.nodeName + '.' + (s.node.className || '') : '?')
      + ` from ${Math.round(s.previousRect.x)},${Math.round(s.previousRect.y)} ${Math.round(s.previousRect.width)}x${Math.round(s.previousRect.height)}`
      + ` to ${Math.round(s.currentRect.x)},${Math.round(s.currentRect.y)} ${Math.round(s.currentRect.width)}x${Math.round(s.currentRect.height)}`
      + ` at ${Math.round(entry.startTime)} ms`)});
}).observe({type: 'layout-shift', buffered: true});
"""


@pytest.fixture(scope="session")
def small_phones(browser):
    """Two 320-pixel phones: one with JavaScript, one without."""
    contexts = {js: browser.new_context(viewport=NARROWEST, is_mobile=True, has_touch=True, java_script_enabled=js)
                for js in (True, False)}
    yield contexts
    for context in contexts.values():
        context.close()


def assert_fits(small_phones, base_url, path, javascript):
    page = small_phones[javascript].new_page()
    page.goto(base_url + path, wait_until="load")
    result = page.evaluate(OVERFLOW)
    page.close()
    # A phone widens its layout to fit what sticks out, so both numbers show an overflow.
    assert result["width"] <= result["limit"] and result["scrollWidth"] <= result["limit"], (
        f"{path} is {max(result['width'], result['scrollWidth'])} px wide on a 320 px screen "
        f"({'with' if javascript else 'without'} JavaScript); sticking out: {result['wide']}")


def test_page_fits_a_320_pixel_screen_without_javascript(small_phones, base_url, page_path):
    """Every page: its content (tables, long words, addresses) is what differs from page to page."""
    assert_fits(small_phones, base_url, page_path, javascript=False)


def shift_pages() -> list[str]:
    pages = ["/", bench.longest_page(), "/404.html"]
    return [("/" + languages.home(lang)).rstrip("/") + page for lang in LANGUAGES for page in pages]


@pytest.mark.parametrize("path", shift_pages())
def test_page_fits_a_320_pixel_screen_with_javascript(small_phones, base_url, path):
    """With scripts the header has one more button (search): the same header on every page, so a sample."""
    assert_fits(small_phones, base_url, path, javascript=True)


def urdu_font_only_embedded(route):
    """urdu.css as a phone without its own Noto Naskh Arabic sees it: only the embedded copy of the font."""
    css = route.fetch().text()
    route.fulfill(body=re.sub(r'local\("[^"]*"\),\s*', "", css), content_type="text/css")


@pytest.mark.parametrize("path,own_font", [pytest.param(path, True, id=path) for path in shift_pages()]
                         + [pytest.param(path, False, id=f"{path} on a phone without Noto Naskh")
                            for path in shift_pages() if path.startswith("/ur/")])
def test_nothing_moves_while_the_page_loads_on_a_slow_phone(browser, benchmark_phone, base_url, path, own_font):
    context = browser.new_context(**benchmark_phone)
    page = context.new_page()
    page.add_init_script(SHIFTS)
    if not own_font:
        page.route("**/assets/stylesheets/urdu.*.css", urdu_font_only_embedded)
    bench.slow_phone(context, page, cache=False)
    page.goto(base_url + path, wait_until="load")
    page.wait_for_timeout(500)
    shifts = page.evaluate("window.__shifts")
    context.close()
    total = sum(shift["value"] for shift in shifts)
    assert total <= BUDGETS["cls"], f"{path}: layout shift {total:.4f}; moved: {[s['moved'] for s in shifts]}"

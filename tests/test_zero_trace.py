"""Zero trace: reading, searching, switching language and printing leave nothing behind in the browser.

One scripted visit does all four, then looks everywhere a site can leave something: localStorage, sessionStorage,
cookies, IndexedDB, Cache Storage, service workers, and the addresses visited (search words must never be in them).
A spy installed before any page script reports every attempt to write storage or cookies, even one undone later.
"""
from __future__ import annotations

import re
import urllib.parse

from conftest import LANGUAGES, ROOT, SITE, page_paths

# Reports to the test (window.reportWrite) every write a page script attempts, before it happens.
STORAGE_SPY = """
(() => {
  const report = (what) => window.reportWrite(`${what} on ${location.pathname}`);
  for (const name of ["setItem", "removeItem", "clear"]) {
    const original = Storage.prototype[name];
    Storage.prototype[name] = function (...args) {
      report(`${this === window.localStorage ? "localStorage" : "sessionStorage"}.${name}(${args[0] ?? ""})`);
      return original.apply(this, args);
    };
  }
  const cookie = Object.getOwnPropertyDescriptor(Document.prototype, "cookie");
  Object.defineProperty(Document.prototype, "cookie", {
    configurable: true, get: cookie.get,
    set(value) { report(`document.cookie = ${value}`); return cookie.set.call(this, value); },
  });
  const open = IDBFactory.prototype.open;
  IDBFactory.prototype.open = function (...args) { report(`indexedDB.open(${args[0]})`); return open.apply(this, args); };
  const cacheOpen = CacheStorage.prototype.open;
  CacheStorage.prototype.open = function (...args) { report(`caches.open(${args[0]})`); return cacheOpen.apply(this, args); };
  if (window.ServiceWorkerContainer) {
    const register = ServiceWorkerContainer.prototype.register;
    ServiceWorkerContainer.prototype.register = function (...args) {
      report(`serviceWorker.register(${args[0]})`); return register.apply(this, args); };
  }
})();
"""

WHAT_THE_BROWSER_KEEPS = """async () => ({
  localStorage: Object.keys(localStorage),
  sessionStorage: Object.keys(sessionStorage),
  indexedDB: (await indexedDB.databases()).map((db) => db.name),
  cacheStorage: await caches.keys(),
  serviceWorkers: (await navigator.serviceWorker.getRegistrations()).length,
})"""


def search_word(page) -> str:
    """A word on the page that is in no page's address, so finding it in a URL can only mean it leaked."""
    paths = " ".join(page_paths()).lower()
    words = re.findall(r"[A-Za-z]{6,}", page.locator(".md-content").inner_text())
    return next(word for word in words if word.lower() not in paths)


def test_browsing_searching_switching_language_and_printing_leave_no_trace(browser, base_url):
    context = browser.new_context()
    writes, off_site, addresses = [], [], []
    context.expose_binding("reportWrite", lambda source, what: writes.append(what))
    context.add_init_script(STORAGE_SPY)
    context.route(re.compile(r"^(?!http://127\.0\.0\.1[:/])[a-z-]+://"),
                  lambda route: (off_site.append(route.request.url), route.abort()))
    page = context.new_page()
    page.on("request", lambda request: addresses.append(request.url))
    page.on("framenavigated", lambda frame: addresses.append(frame.url))

    # Browse a few pages.
    english = [p for p in page_paths() if p.split("/")[1] not in LANGUAGES and p.endswith("/")]
    for path in english[:4]:  # an old address among them just sends the reader on: still browsing
        page.goto(base_url + path)

    # Search with Material's search box, see results, open one.
    page.goto(base_url + "/")
    word = search_word(page)
    page.locator(".md-search__input").click()
    page.keyboard.type(word)
    results = page.locator(".md-search-result__item")
    results.first.wait_for(state="visible")
    with page.expect_navigation():
        results.first.locator("a").first.click()

    # Switch language with the header's language menu: to Polish, to Urdu, back to English.
    for lang in ("pl", "ur", "en"):
        page.locator(".md-header .md-select").hover()
        page.locator(f'.md-select__link[hreflang="{lang}"]').click()
        page.wait_for_function(f"document.documentElement.lang === '{lang}'")

    # Print (Chromium prints to PDF headless), after checking the quick exit is not on paper.
    page.emulate_media(media="print")
    assert page.locator(".quick-exit").is_hidden()
    assert page.pdf()[:4] == b"%PDF"
    page.emulate_media(media="screen")

    kept = page.evaluate(WHAT_THE_BROWSER_KEEPS)
    assert kept == {"localStorage": [], "sessionStorage": [], "indexedDB": [], "cacheStorage": [], "serviceWorkers": 0}
    assert context.cookies() == []
    assert not writes, f"a page tried to write browser storage: {writes}"
    assert not off_site, f"requests to another host: {off_site}"
    leaked = [url for url in addresses if word.lower() in urllib.parse.unquote(url).lower()]
    assert not leaked, f"search words in visited addresses: {leaked}"
    context.close()


def test_links_to_other_sites_do_not_tell_them_where_the_reader_came_from():
    anchor = re.compile(r"<a\b[^>]*>", re.I)
    missing = []
    pages = sorted(SITE.rglob("*.html"))
    for page in pages:
        text = page.read_text(encoding="utf-8")
        if '<meta name="referrer" content="no-referrer">' not in text:
            missing.append(f"{page.relative_to(SITE)}: no referrer meta")
        for tag in anchor.findall(text):
            href = re.search(r'href="(https?:)?//([^/"]+)', tag)
            if href and href.group(2) != "spot-it-say-it.example.org":
                rel = re.search(r'rel="([^"]*)"', tag)
                if not rel or "noreferrer" not in rel.group(1).split():
                    missing.append(f"{page.relative_to(SITE)}: {tag}")
    assert pages and not missing, "\n".join(missing[:20])


def test_the_build_adds_noreferrer_to_links_typed_in_pages():
    """scripts/external_links.py, on links an author might type in Markdown."""
    import importlib
    import sys
    sys.path.insert(0, str(ROOT / "scripts"))
    add = importlib.import_module("external_links").add_noreferrer
    host = "spot-it-say-it.example.org"
    assert add('<a href="https://example.com/x">', host) == '<a href="https://example.com/x" rel="noreferrer">'
    assert add('<a rel="nofollow" href="//example.com">', host) == '<a rel="nofollow noreferrer" href="//example.com">'
    for unchanged in ('<a href="../help/">', '<a href="tel:999">', f'<a href="https://{host}/help/">',
                      '<a href="https://example.com" rel="noreferrer">'):
        assert add(unchanged, host) == unchanged

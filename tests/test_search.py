"""Search finds pages in the reader's language only, copes with missing accents, and never puts words in URLs."""
import collections
import pathlib
import time
import unicodedata
from urllib.parse import urlparse

import pytest
import yaml

from conftest import LANGUAGES, languages

QUERIES = yaml.safe_load((pathlib.Path(__file__).parent / "search_queries.yml").read_text(encoding="utf-8"))
FOLDED = languages.folded()
EXTRA_FOLD = str.maketrans({"ł": "l", "Ł": "L", "đ": "d", "Đ": "D"})


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.translate(EXTRA_FOLD))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def home(lang):
    return "/" + languages.home(lang)


def search(page, base_url, lang, query) -> list[str]:
    """Type the query into Material's search box on the language's home page; return result paths in order."""
    if urlparse(page.url).path != home(lang):
        page.goto(base_url + home(lang))
    toggle = page.locator("label.md-header__button[for=__search]")
    (toggle if toggle.is_visible() else page.locator(".md-search__input")).click()
    box = page.locator(".md-search__input")
    box.fill("")
    box.type(query, delay=20)
    box.press("End")  # a real key-up, as a phone or keyboard sends: letters Playwright inserts as text send none
    try:
        page.wait_for_selector(".md-search-result__item", timeout=15000)
    except Exception:
        return []
    page.wait_for_timeout(400)  # results are refined by the worker as typing settles
    hrefs = page.eval_on_selector_all(".md-search-result__item > .md-search-result__link", "els => els.map(e => e.href)")
    paths = []
    for href in hrefs:  # one entry per page, in rank order (Material also lists a page's sections)
        path = urlparse(href).path
        if path not in paths:
            paths.append(path)
    return paths


CASES = [(lang, case["query"], case["expect"]) for lang in LANGUAGES for case in QUERIES.get(lang, [])]
CASES += [(lang, fold(q), e) for lang, q, e in CASES if lang in FOLDED and fold(q) != q]


@pytest.mark.parametrize("lang, query, expect", CASES, ids=[f"{l}:{q}" for l, q, _ in CASES])
def test_search_finds_the_expected_page_in_the_top_three(page, base_url, lang, query, expect):
    results = search(page, base_url, lang, query)
    wanted = urlparse(base_url + home(lang) + expect).path
    assert wanted in results[:3], f"{query!r} on {home(lang)}: top results {results[:3]}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_language_has_at_least_five_search_queries(lang):
    assert len(QUERIES.get(lang) or []) >= 5, (f"tests/search_queries.yml: give {lang}: at least five queries a "
                                               "reader would type, each with the page it must find (as the others)")


@pytest.mark.parametrize("lang", ["pl", "ur"])
def test_search_uses_only_the_readers_language(page, base_url, lang):
    fetched = []
    page.on("request", lambda request: fetched.append(urlparse(request.url).path))
    query = QUERIES[lang][0]["query"] if QUERIES.get(lang) else "a"
    results = search(page, base_url, lang, query)
    indexes = [path for path in fetched if path.endswith("search_index.json")]
    assert indexes == [f"/{lang}/search/search_index.json"], indexes
    assert results and all(path.startswith(f"/{lang}/") for path in results), results
    assert query not in page.url and fold(query) not in page.url


FOLD_SCRIPT = "assets/javascripts/lunr/min/lunr.fold.min.js"
RUN_FOLD = """([script, words]) => {
  // The shipped script registers its pipeline function on lunr; a stand-in lunr captures it, so the test
  // runs the very file the search worker loads, on tokens shaped like lunr's (toString, clone).
  let registered = null;
  window.lunr = {Pipeline: {registerFunction: fn => { registered = fn; }}};
  (0, eval)(script);
  const token = s => ({toString: () => s, clone: f => token(f(s))});
  return words.map(word => { const out = registered(token(word)); return (Array.isArray(out) ? out : [out]).map(String); });
}"""


def test_the_shipped_fold_script_indexes_each_accented_word_without_accents(page, site):
    words = ["ludźmi", "kizsákmányolás", "forțată", "người", "łódź", "đường", "dziecko"]
    script = (site / FOLD_SCRIPT).read_text(encoding="utf-8")
    indexed = page.evaluate(RUN_FOLD, [script, words])
    for word, forms in zip(words, indexed):
        expected = [fold(word)]
        assert forms == expected, f"{FOLD_SCRIPT} indexes {word!r} as {forms}, expected {expected}"


def downloads(page) -> collections.Counter:
    """Paths the page downloads from the network (not from its cache), counted as DevTools sees them."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    urls, counted = {}, collections.Counter()
    cdp.on("Network.requestWillBeSent", lambda e: urls.__setitem__(e["requestId"], e["request"]["url"]))
    cdp.on("Network.loadingFinished", lambda e: e["encodedDataLength"] > 0 and counted.update(
        [urlparse(urls.get(e["requestId"], "")).path]))
    return counted


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_opening_search_fetches_no_script_but_materials_and_its_worker(page, base_url, lang):
    """Part of what made the first result slow on a slow phone: once the index had arrived, the worker fetched its
    lunr language scripts one after the other. They are joined into the worker now, so opening search fetches
    Material's script and its worker, each once, the index once, and nothing else."""
    page.goto(base_url + home(lang))
    page.wait_for_load_state("networkidle")
    fetched = []  # every request, the worker's included (Playwright reports them; DevTools' page session does not)
    page.on("request", lambda request: fetched.append(urlparse(request.url).path))
    downloaded = downloads(page)
    results = search(page, base_url, lang, QUERIES[lang][0]["query"])
    assert results, "search found nothing"
    assert sum(path.endswith("search_index.json") for path in fetched) == 1, fetched
    scripts = sorted({path.rsplit("/", 2)[-2] for path in fetched if path.endswith(".js")})
    assert scripts == ["javascripts", "workers"], f"scripts fetched when search opened: {fetched}"
    twice = [path for path, count in downloaded.items() if count > 1]
    assert not twice, f"downloaded more than once when search opened: {twice} ({dict(downloaded)})"


def test_the_index_is_asked_for_at_the_tap_beside_materials_script(page, base_url):
    """Material asks for the index only once its script has arrived and run; on a slow link that put the two
    downloads one after the other. search-on-demand.js asks for it at the tap and hands Material that copy. Material's
    script is held back here, as a slow link holds it: the index must already be on its way, and come once."""
    started = {}

    def late(route):
        page.wait_for_timeout(1500)
        route.continue_()

    page.route("**/assets/javascripts/bundle.*.js", late)
    page.on("request", lambda request: started.setdefault(urlparse(request.url).path, []).append(time.monotonic()))
    page.goto(base_url + "/pl/")
    page.wait_for_load_state("networkidle")
    downloaded = downloads(page)
    tapped = time.monotonic()
    page.locator(".md-search__input").click()
    page.locator(".md-search__input").type(QUERIES["pl"][0]["query"], delay=20)
    page.wait_for_selector(".md-search-result__item", timeout=20000)
    index = started.get("/pl/search/search_index.json", [])
    assert len(index) == 1 and downloaded["/pl/search/search_index.json"] == 1, (index, dict(downloaded))
    assert index[0] - tapped < 1.0, f"the index was asked for {index[0] - tapped:.1f} s after the tap, behind the script"


def test_search_still_works_when_the_early_request_for_the_index_fails(page, base_url):
    """If the index asked for at the tap does not come, Material's own request for it goes out as before."""
    seen = []

    def first_fails(route):
        seen.append(route.request.url)
        route.abort() if len(seen) == 1 else route.continue_()

    page.route("**/search/search_index.json", first_fails)
    results = search(page, base_url, "pl", QUERIES["pl"][0]["query"])
    assert len(seen) == 2, f"requests for the index: {seen}"
    assert results, "search found nothing once the early request for the index had failed"


def test_materials_script_starts_once_its_stylesheet_has_arrived(page, base_url):
    """The rules only Material's script needs (tooltips, results) come in their own stylesheet when search opens.
    Material sizes a tooltip when it shows it: started before those rules had arrived, it measured the search box's
    "Clear" tooltip as wide as the screen and drew it at the far side, away from its button (seen on a phone). The
    stylesheet is held back here, as a slow network can hold it, and the tooltip must still sit by its button."""
    def late(route):
        page.wait_for_timeout(1500)
        route.continue_()

    page.set_viewport_size({"width": 393, "height": 727})
    page.route("**/assets/stylesheets/scripted.*.css", late)
    page.goto(base_url + "/")
    page.locator("label.md-header__button[for=__search]").click()
    box = page.locator(".md-search__input")
    box.fill("grooming")
    box.press("End")
    page.wait_for_selector(".md-search-result__item", timeout=20000)
    reset = page.locator(".md-search__options button[type=reset]")
    reset.hover()
    page.wait_for_load_state("networkidle")
    tooltip = page.locator(".md-tooltip--active")
    tooltip.wait_for(timeout=5000)
    button, tip = reset.bounding_box(), tooltip.bounding_box()
    centre = button["x"] + button["width"] / 2
    assert tip["x"] <= centre <= tip["x"] + tip["width"], f"the Clear tooltip at {tip}, its button at {button}"

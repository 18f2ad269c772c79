"""Search forgives: a reader's synonym or a one-letter slip still finds the page, and a search that finds nothing
shows the "Get help now" numbers and "What should I do now?" in the reader's language, never an empty panel.

Each synonym and typo below is a real case: the `_need_the_feature` tests prove from the index that search without
it cannot find the page that way (no word of the language's pages starts with the typed word). Build with
SEARCH_FORGIVES=0 to see the browser tests fail.
"""
import json
import pathlib
import re
import unicodedata
from urllib.parse import urlparse

import pytest
import yaml

from conftest import AXE_OPTIONS, LANGUAGES, ROOT, SITE, languages
from test_search import QUERIES, fold, home, search

SYNONYMS = yaml.safe_load((ROOT / "data" / "search-synonyms.yml").read_text(encoding="utf-8"))
SAME_AS_ENGLISH = yaml.safe_load((ROOT / "data" / "i18n" / "same-as-english.yml").read_text(encoding="utf-8"))
FOLDED = languages.folded()

# (language, query, page expected in the top three, the page's own word the query stands for)
SYNONYM_CASES = [
    ("en", "pedophile", "signs/myths-and-facts/", "paedophile"),
    ("pl", "żywym towarem", "signs/human-trafficking/", "handel ludźmi"),
    ("ro", "ființe umane", "signs/human-trafficking/", "trafic de persoane"),
    ("hu", "emberkereskedés", "signs/human-trafficking/", "emberkereskedelem"),
    ("vi", "buôn", "signs/human-trafficking/", "mua bán người"),
    ("vi", "gạ gẫm", "signs/how-grooming-works/", "dụ dỗ"),
    ("ur", "اسمگلنگ", "signs/human-trafficking/", "انسانی تجارت"),
]
# (language, query with one letter wrong, missing or extra, expected page)
TYPO_CASES = [
    ("en", "groming", "signs/how-grooming-works/"),
    ("en", "housekeping", "say-something/housekeeping/"),
    ("pl", "niebezpieczentwo", "help/immediate-danger/"),
    ("ro", "pericl", "help/immediate-danger/"),
    ("hu", "névtlen", "help/stay-anonymous/"),
    ("vi", "hiễm", "help/immediate-danger/"),
    ("ur", "گمنم", "help/stay-anonymous/"),
]
NONSENSE = "qxzvjw"


def index(lang: str) -> dict:
    path = SITE / ("search" if lang == "en" else f"{lang}/search") / "search_index.json"
    return json.loads(path.read_text(encoding="utf-8"))


def page_words(lang: str) -> set[str]:
    """Every word of the language's pages as the index holds it (title and text, without the hidden synonyms)."""
    data = index(lang)
    separator = re.compile(data["config"]["separator"])
    words = set()
    for doc in data["docs"]:
        text = re.sub(r"<[^>]+>", " ", doc["title"] + " " + doc["text"]).lower()
        for word in separator.split(text):
            if word:
                words.add(word)
                if lang in FOLDED:
                    words.add(fold(word))
    return words


def found_without_the_feature(lang: str, query: str) -> list[str]:
    """Query words that some page word starts with (Material's search is a prefix search on each word)."""
    words = page_words(lang)
    return [q for q in query.lower().split() if any(word.startswith(q) for word in words)]


def expected_path(base_url, lang, expect):
    return urlparse(base_url + home(lang) + expect).path


@pytest.mark.parametrize("lang, query, expect, word", SYNONYM_CASES, ids=[f"{c[0]}:{c[1]}" for c in SYNONYM_CASES])
def test_synonym_cases_need_the_feature(lang, query, expect, word):
    own = [doc for doc in index(lang)["docs"] if doc["location"].split("#")[0] == expect]
    text = unicodedata.normalize("NFC", " ".join(doc["title"] + " " + doc["text"] for doc in own)).lower()
    assert word.lower() in text, f"{expect} does not use {word!r}: pick another case"
    group = next((g for g in SYNONYMS[lang] if word in g["terms"]), None)
    assert group and all(part in " ".join(group["terms"]) for part in query.split()), \
        f"{query!r} is not a synonym of {word!r} in data/search-synonyms.yml"
    words = set(re.split(index(lang)["config"]["separator"], re.sub(r"<[^>]+>", " ", text)))
    words |= {fold(w) for w in words}
    assert not [q for q in query.lower().split() if any(w.startswith(q) for w in words)], \
        f"{expect} already has a word of {query!r}: not a real case"


@pytest.mark.parametrize("lang, query, expect", TYPO_CASES, ids=[f"{c[0]}:{c[1]}" for c in TYPO_CASES])
def test_typo_cases_need_the_feature(lang, query, expect):
    assert not found_without_the_feature(lang, query), f"{query!r} is found without typo tolerance: not a real case"


@pytest.mark.parametrize("lang, query, expect, word", SYNONYM_CASES, ids=[f"{c[0]}:{c[1]}" for c in SYNONYM_CASES])
def test_a_synonym_finds_the_page(page, base_url, lang, query, expect, word):
    results = search(page, base_url, lang, query)
    assert expected_path(base_url, lang, expect) in results[:3], f"{query!r} on {home(lang)}: {results[:3]}"


@pytest.mark.parametrize("lang, query, expect", TYPO_CASES, ids=[f"{c[0]}:{c[1]}" for c in TYPO_CASES])
def test_a_one_letter_typo_finds_the_page(page, base_url, lang, query, expect):
    results = search(page, base_url, lang, query)
    assert expected_path(base_url, lang, expect) in results[:3], f"{query!r} on {home(lang)}: {results[:3]}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_language_has_a_synonym_and_a_typo_case(lang):
    assert any(c[0] == lang for c in SYNONYM_CASES) and any(c[0] == lang for c in TYPO_CASES), \
        f"tests/test_search_forgives.py: add a {lang} case to SYNONYM_CASES and one to TYPO_CASES"
    assert SYNONYMS.get(lang), f"data/search-synonyms.yml has no groups for {lang} (see TRANSLATING.md, Search synonyms)"
    for group in SYNONYMS[lang]:
        assert len(group["terms"]) >= 2 and group.get("reason", "").strip(), f"{lang}: {group}"


def search_for_nothing(page, base_url, lang):
    """Type a word no page has (as test_search.search does) and wait for the panel to settle."""
    page.goto(base_url + home(lang))
    toggle = page.locator("label.md-header__button[for=__search]")
    (toggle if toggle.is_visible() else page.locator(".md-search__input")).click()
    box = page.locator(".md-search__input")
    box.type(NONSENSE, delay=20)
    box.press("End")
    none = config_of(page)["translations"]["search.result.none"].strip()
    page.wait_for_function("t => document.querySelector('.md-search-result__meta').textContent.trim() === t", arg=none)
    page.wait_for_timeout(400)


def config_of(page) -> dict:
    return json.loads(page.locator("#__config").text_content())


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_search_that_finds_nothing_shows_the_help_numbers(page, base_url, lang):
    search_for_nothing(page, base_url, lang)
    assert page.locator(".md-search-result__item").count() == 0
    help_box = page.locator(".md-search-result .search-help")
    help_box.wait_for(state="visible", timeout=5000)
    meta = page.locator(".md-search-result__meta").inner_text().strip()
    assert meta == config_of(page)["translations"]["search.result.none"].strip()
    phones = help_box.locator("a[href^='tel:']")
    page_phones = page.locator("aside.help-now a[href^='tel:']")
    assert phones.count() >= 2 and phones.count() == page_phones.count()
    assert [phones.nth(i).get_attribute("href") for i in range(phones.count())] == \
        [page_phones.nth(i).get_attribute("href") for i in range(page_phones.count())]
    title = next(doc["title"] for doc in index(lang)["docs"] if doc["location"] == "help/")
    link = help_box.get_by_role("link", name=title, exact=True)
    assert link.count() == 1, f"no link named {title!r} in {help_box.inner_text()!r}"
    assert urlparse(link.get_attribute("href") or "").path.endswith("help/")
    assert urlparse(link.evaluate("a => a.href")).path == expected_path(base_url, lang, "help/")
    assert page.locator("#help-now-title").count() == 1  # the copy keeps ids unique

    search(page, base_url, lang, "a" if lang != "ur" else "خطرے")  # a search that finds pages hides it again
    assert help_box.is_hidden()


@pytest.mark.parametrize("lang", ["en", "ur"])
def test_the_no_results_help_is_accessible(page, base_url, lang):
    from axe_playwright_python.sync_playwright import Axe

    search_for_nothing(page, base_url, lang)
    page.locator(".search-help").wait_for(state="visible", timeout=5000)
    result = Axe().run(page, context=".md-search", options=AXE_OPTIONS)
    assert result.response["violations"] == [], [(v["id"], [n["target"] for n in v["nodes"]], v["nodes"][0]["failureSummary"]) for v in result.response["violations"]]


MATERIAL_LANGUAGES = pathlib.Path(__import__("material").__file__).parent / "templates" / "partials" / "languages"
OVERRIDES = ROOT / "overrides" / "partials" / "languages"
KEY = re.compile(r'^\s*"([^"]+)": "((?:[^"\\]|\\.)*)"', re.M)


def labels(path: pathlib.Path) -> dict[str, str]:
    return dict(KEY.findall(path.read_text(encoding="utf-8")))


@pytest.mark.parametrize("override", sorted(OVERRIDES.glob("*.html")), ids=lambda p: p.name)
def test_overridden_label_files_keep_every_material_key(override):
    material = labels(MATERIAL_LANGUAGES / override.name)
    ours = labels(override)
    assert set(material) <= set(ours), f"missing after a Material upgrade: {set(material) - set(ours)}"


SHOWN = ["search.placeholder", "search.reset", "search.result.initializer", "search.result.placeholder",
         "search.result.none", "search.result.one", "search.result.other", "search.result.more.one",
         "search.result.more.other", "search.result.term.missing", "search", "action.skip", "select.language",
         "header", "footer", "nav", "toc", "footer.next", "footer.previous"]


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang != "en"])
def test_search_labels_shown_are_in_the_readers_language(page, base_url, lang):
    english = labels(MATERIAL_LANGUAGES / "en.html")
    path = OVERRIDES / f"{lang}.html"
    own = labels(path if path.exists() else MATERIAL_LANGUAGES / f"{lang}.html")
    same = {str(word) for word in (SAME_AS_ENGLISH.get("all") or []) + (SAME_AS_ENGLISH.get(lang) or [])}
    english_left = {key: english[key] for key in SHOWN if own.get(key) == english[key] and english[key] not in same}
    assert not english_left, (f"Material's labels for {lang} still in English: {english_left}. Copy Material's "
                              f"partials/languages/{lang}.html whole into overrides/partials/languages/ and translate "
                              f"them (as vi.html does), or, if the word is the same in {lang}, add it under '{lang}:' "
                              "in data/i18n/same-as-english.yml")
    html = (SITE / lang / "index.html").read_text(encoding="utf-8")
    assert english["search.result.initializer"] not in html
    page.goto(base_url + home(lang))
    box = page.locator(".md-search__input")
    assert box.get_attribute("placeholder") == own["search.placeholder"] != english["search.placeholder"]
    words = {"pl": "grooming", "ro": "pericol", "hu": "névtelen", "vi": "ẩn danh", "ur": "گمنام"}
    search(page, base_url, lang, words.get(lang) or ((QUERIES.get(lang) or [{}])[0].get("query") or "a"))
    meta = page.locator(".md-search-result__meta").inner_text()
    assert not re.search(r"\b(matching|documents?|Initializing|search|Missing)\b", meta), meta

"""The offline copy (site/downloads/…zip): the whole site, every language, working from a USB stick (file://).

Unzipped into a temporary folder and opened in Chromium from file://: pages load with no request to any web
address, links lead to other pages, search finds results in English and in other languages from their own
index, and quick exit is still a plain link. Its configuration is mkdocs.yml plus the offline plugin.
"""
from __future__ import annotations

import re
import zipfile

import pytest
import yaml
from mkdocs.config import load_config

from conftest import LANGUAGES, ROOT, SITE, languages
from sitedata_for_tests import text

ZIP = SITE / yaml.safe_load((ROOT / "data" / "printables.yml").read_text(encoding="utf-8"))["offline_copy"]
FOLDER = "spot-it-say-it"
META_CSP = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')


@pytest.fixture(scope="module")
def copy(tmp_path_factory):
    assert ZIP.is_file(), f"{ZIP} is missing: the build makes it (scripts/steps/offline_copy.py)"
    folder = tmp_path_factory.mktemp("usb-stick")
    with zipfile.ZipFile(ZIP) as archive:
        assert {name.split("/", 1)[0] for name in archive.namelist()} == {FOLDER}, "the zip must hold one folder"
        archive.extractall(folder)
    return folder / FOLDER


def test_offline_config_is_the_site_config_plus_the_offline_plugin():
    site, offline = load_config(str(ROOT / "mkdocs.yml")), load_config(str(ROOT / "mkdocs.offline.yml"))
    expected = list(site.plugins)
    expected.insert(expected.index("i18n") + 1, "material/offline")  # after i18n, or one language only is searchable
    assert list(offline.plugins) == expected, "mkdocs.offline.yml's plugins must be mkdocs.yml's plus offline"
    assert dict(offline.plugins["i18n"].config) == dict(site.plugins["i18n"].config), "i18n settings differ"
    assert dict(offline.plugins["material/search"].config) == dict(site.plugins["material/search"].config)
    assert [str(h) for h in offline.hooks] == [str(h) for h in site.hooks]
    polyfills = offline.extra["polyfills"]
    assert polyfills and all("iframe-worker" in p and not p.startswith("http") for p in polyfills)
    assert (ROOT / "overrides" / polyfills[0]).is_file(), "the vendored shim is missing"
    assert (ROOT / "overrides" / polyfills[0]).with_name("LICENSE").is_file(), "the shim's licence is missing"
    assert site.use_directory_urls and "polyfills" not in site.extra, "the live site must not change"


def test_copy_has_every_language_search_index_and_the_printables(copy):
    for lang in LANGUAGES:
        prefix = copy / languages.home(lang)
        assert (prefix / "index.html").is_file(), lang
        assert (prefix / "search" / "search_index.js").is_file(), f"{lang}: no offline search index"
        assert list((prefix / "print").glob("*.pdf")), f"{lang}: no printable PDFs"
    assert not [p for p in copy.rglob("*") if p.suffix in (".gz", ".br") or p.name == "_headers"]


def test_copy_has_the_easy_read_pages_with_their_pictures_and_links(copy):
    """The easy-read pages work from the stick: in every language, pictures inside the page (nothing to fetch) and
    the standard page's link to its easy-read version leads to a file in the copy (pages are NAME.html there)."""
    for lang in LANGUAGES:
        prefix = copy / languages.home(lang)
        easy = prefix / "easy-read" / "what-to-do.html"
        html = easy.read_text(encoding="utf-8")
        assert '<svg class="easy-read-icon"' in html and "icons.svg" not in html, f"{lang}: pictures not in the page"
        standard = prefix / "help" / "index.html"
        link = re.search(r'<p class="easy-read-link"><a href="([^"]+)"', standard.read_text(encoding="utf-8"))
        assert link, f"{lang}: help page has no easy-read link in the copy"
        assert (standard.parent / link.group(1)).resolve() == easy.resolve(), f"{lang}: {link.group(1)} leads elsewhere"


def test_copy_names_no_web_address_to_load_from(copy):
    offenders = []
    for page in copy.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for tag in re.findall(r"<(?:script|link|img|iframe|source)\b[^>]*>", html):
            if re.search(r'\s(?:src|href)="(?:https?:)?//', tag) and 'rel="canonical"' not in tag:
                offenders.append(f"{page.relative_to(copy)}: {tag}")
        if "unpkg.com" in html:
            offenders.append(f"{page.relative_to(copy)}: unpkg.com")
    assert not offenders, offenders[:10]


def test_copy_has_the_live_policy_with_no_unsafe_inline(copy):
    live = META_CSP.search((SITE / "index.html").read_text(encoding="utf-8")).group(1)
    for page in (copy / "index.html", copy / "ur" / "help" / "index.html"):
        offline = META_CSP.search(page.read_text(encoding="utf-8")).group(1)
        assert "unsafe-inline" not in offline, page
    script_src = lambda policy: [d.strip() for d in policy.split(";") if d.strip().startswith("script-src")]  # noqa: E731
    assert script_src(live) == script_src(META_CSP.search((copy / "index.html").read_text(encoding="utf-8")).group(1))


@pytest.fixture
def usb_page(browser):
    context = browser.new_context()
    page = context.new_page()
    record = {"web": [], "errors": []}
    page.on("request", lambda r: r.url.startswith(("http:", "https:", "ws:", "wss:")) and record["web"].append(r.url))
    page.on("console", lambda m: m.type == "error" and record["errors"].append(m.text))
    page.on("pageerror", lambda e: record["errors"].append(str(e)))
    yield page, record
    context.close()


def search(page, word: str) -> list[str]:
    page.locator(".md-search__input").click()
    page.keyboard.type(word)
    page.keyboard.press("End")  # Material searches on key-up
    page.locator(".md-search-result__item").first.wait_for(state="visible", timeout=15_000)
    return page.locator(".md-search-result__item a").evaluate_all("links => links.map(a => a.href)")


@pytest.mark.parametrize("lang,word", [("en", "trafficking"), ("pl", None), ("ur", None)])
def test_copy_opens_from_a_usb_stick_navigates_and_searches(copy, usb_page, lang, word):
    page, record = usb_page
    start = copy / (languages.home(lang) + "index.html")
    page.goto(start.as_uri(), wait_until="load")
    assert page.evaluate("document.documentElement.lang") == lang
    # Another page, through a link on this one.
    page.locator(f'article a[href$="help/index.html"]').first.click()
    page.wait_for_load_state("load")
    assert page.url.endswith(("/help/index.html")) and page.url.startswith("file://"), page.url
    if word is None:  # a long word from this language's own page title
        word = max(re.findall(r"\w{4,}", page.locator("article h1").inner_text()), key=len)
    results = search(page, word)
    assert results, f"no results for {word!r}"
    inside = str(copy / languages.home(lang))
    assert all(url.startswith("file://") for url in results), results[:3]
    assert any(url.startswith(f"file://{inside}/") for url in results), f"results not from the {lang} pages: {results[:3]}"
    exit_link = page.locator(".quick-exit__button")
    assert exit_link.evaluate("a => a.tagName") == "A"
    assert exit_link.get_attribute("href") == text("ui.quick_exit.destination", lang)
    assert record["web"] == [], f"the offline copy asked the web for {record['web']}"
    assert record["errors"] == [], record["errors"]

"""The language menu takes the reader to the same page in the other language, at a URL ending in '/'."""
import re
from urllib.parse import urljoin, urlparse

import pytest

from conftest import LANGUAGES, SITE, language_of, languages, page_paths

SWITCHER_LINK = re.compile(r'<a href="([^"]*)" hreflang="([^"]*)" class="md-select__link"')


def same_page_in(path: str, lang: str) -> str:
    """/pl/signs/ → /ro/signs/ ; /signs/ → /pl/signs/ ; a 404 page → that language's home page."""
    rest = path if language_of(path) == "en" else path[len(language_of(path)) + 1:]
    if rest.endswith("404.html"):
        rest = "/"
    return ("/" + languages.home(lang)).rstrip("/") + rest


def switcher_targets(path: str) -> dict[str, str]:
    file = SITE / (path.lstrip("/") + ("index.html" if path.endswith("/") else ""))
    html = file.read_text(encoding="utf-8")
    return {lang: urlparse(urljoin("http://site" + path, href)).path for href, lang in SWITCHER_LINK.findall(html)}


@pytest.mark.parametrize("path", page_paths())
def test_language_menu_links_to_the_same_page_in_every_language(path):
    targets = switcher_targets(path)
    assert sorted(targets) == sorted(LANGUAGES), f"{path}: menu lists {sorted(targets)}"
    for lang, target in targets.items():
        assert target.endswith("/"), f"{path}: {lang} link {target} does not end in '/'"
        assert target == same_page_in(path, lang), f"{path}: {lang} link goes to {target}"


def test_language_names_are_in_their_own_language():
    names = re.findall(r'hreflang="(\w+)" class="md-select__link">\s*([^<]+?)\s*<', (SITE / "index.html").read_text())
    assert dict(names) == languages.names()  # mkdocs.yml names each language in itself (Polski, اردو…)


@pytest.mark.parametrize("start, lang", [("/", "ur"), ("/pl/", "en"), ("/ur/", "hu")])
def test_clicking_a_language_lands_on_that_page(page, base_url, start, lang):
    page.goto(base_url + start)
    page.hover(".md-header__option .md-select")
    page.click(f'.md-select__link[hreflang="{lang}"]')
    page.wait_for_load_state()
    assert urlparse(page.url).path == same_page_in(start, lang)
    assert page.evaluate("document.documentElement.lang") == lang

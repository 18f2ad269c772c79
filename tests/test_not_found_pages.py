"""Every language has its own "page not found" page with the emergency number; the root one is English."""
import re
import urllib.error
import urllib.request

import pytest

from conftest import LANGUAGES, SITE, languages
from sitedata_for_tests import contacts, text


def not_found_file(lang):
    return SITE / (languages.home(lang) + "404.html")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_language_has_its_own_404_page_with_the_emergency_number(lang):
    html = not_found_file(lang).read_text(encoding="utf-8")
    assert re.search(rf'<html lang="{lang}"', html)
    assert f"<h1>{text('ui.not_found.title', lang)}</h1>" in html
    emergency = contacts()["emergency"]["phones"][0]
    assert f'href="tel:{emergency["tel"]}"' in html


def test_the_root_404_page_is_english_not_the_last_language_built():
    html = not_found_file("en").read_text(encoding="utf-8")
    # The page's own language and direction (Material puts dir on <body>), not a tel link's dir="ltr".
    root, body = re.search(r"<html\b[^>]*>", html).group(0), re.search(r"<body\b[^>]*>", html).group(0)
    assert 'lang="en"' in root and 'dir="ltr"' in body, (root, body)


@pytest.mark.parametrize("lang", ["en", "pl", "ur"])
def test_a_missing_address_shows_the_readers_language_404(base_url, lang):
    prefix = ("/" + languages.home(lang)).rstrip("/")
    with pytest.raises(urllib.error.HTTPError) as error:
        urllib.request.urlopen(f"{base_url}{prefix}/no-such-page/")
    assert error.value.code == 404
    assert f'<html lang="{lang}"' in error.value.read().decode()

"""A page not yet translated is shown in English under the reader's language, and says so honestly."""
import re

import pytest

from fixture_project import GOOD_PAGE, build, make_project


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = make_project(tmp_path_factory.mktemp("fallback"), nav=["index.md", "extra.md"])
    (root / "docs" / "extra.md").write_text("---\ntitle: Only in English\nhelp: general\n---\n\n# Only in English\n\nText.\n")
    (root / "docs" / "extra.pl.md").write_text("---\ntitle: Tylko po polsku\nhelp: general\n---\n\n# Tylko\n\nTekst.\n")
    result = build(root)
    assert result.returncode == 0, result.stderr
    return root / "site"


def test_fallback_page_says_in_the_readers_language_that_it_is_not_translated(built):
    html = (built / "ro" / "extra" / "index.html").read_text()
    romanian_notice = re.search(r'data-notice="fallback">\s*<p class="admonition-title">(.*?)</p>\s*<p>(.*?)</p>', html, re.S)
    assert romanian_notice, "no untranslated-page notice on /ro/extra/"
    from sitedata_for_tests import text
    assert romanian_notice.group(2).strip() == text("ui.fallback.text", "ro")


def test_fallback_content_is_marked_as_english_left_to_right(built):
    html = (built / "ur" / "extra" / "index.html").read_text()
    assert '<html lang="ur"' in html and 'dir="rtl"' in html
    assert re.search(r'<div lang="en" dir="ltr" class="fallback-content">\s*<h1[^>]*>Only in English', html)


def test_fallback_page_is_not_offered_to_search_engines_as_a_translation(built):
    assert '<meta name="robots" content="noindex">' in (built / "hu" / "extra" / "index.html").read_text()
    sitemap = (built / "sitemap.xml").read_text()
    assert "/hu/extra/" not in sitemap and "/pl/extra/" in sitemap
    assert 'hreflang="pl" href="https://' in sitemap and 'hreflang="x-default"' in sitemap
    assert not re.search(r'<link rel="alternate"[^>]*hreflang', (built / "pl" / "extra" / "index.html").read_text())


def test_translated_page_has_no_fallback_notice(built):
    assert 'data-notice="fallback"' not in (built / "pl" / "extra" / "index.html").read_text()

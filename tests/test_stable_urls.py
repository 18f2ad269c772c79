"""Addresses stay stable: every address in data/published-urls.txt still resolves, and moved pages redirect.

A removed or moved page must get an entry in data/redirects.yml (old address -> new page). scripts/steps/redirects.py
then writes the old address in every language: a small page with a meta refresh and a canonical link to the new
page, its help box, title and language menu.
"""
from __future__ import annotations

import re
import sys
from urllib.parse import urljoin

import pytest
import yaml

from conftest import LANGUAGES, ROOT, SITE, languages
from fixture_project import GOOD_PAGE, build, make_project

sys.path.insert(0, str(ROOT / "scripts"))
from steps import redirects  # noqa: E402

REFRESH = re.compile(r'<meta http-equiv="refresh" content="0; url=([^"]+)">')
CANONICAL = re.compile(r'<link rel="canonical" href="([^"]+)">')
SITE_URL = yaml.safe_load(re.search(r"^site_url:.*$", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M).group(0))["site_url"]


def html_of(url: str, site=SITE) -> str:
    target = site / url.lstrip("/")
    return ((target / "index.html") if url.endswith("/") else target).read_text(encoding="utf-8")


def test_every_published_address_still_resolves():
    listed = redirects.listed()
    assert len(listed) > 200, "data/published-urls.txt looks empty"
    gone = [url for url in listed if not redirects.resolves(SITE, url)]
    assert not gone, ("these published addresses no longer resolve; add each to data/redirects.yml "
                      f"(old address -> new page), never delete it from the list: {gone}")


def test_every_redirect_leads_to_a_page_that_exists():
    problems = []
    for url in redirects.listed():
        if not url.endswith((".html", "/")) or not redirects.resolves(SITE, url):
            continue
        match = REFRESH.search(html_of(url))
        if match and not redirects.resolves(SITE, urljoin(url, match.group(1))):
            problems.append(f"{url} -> {match.group(1)}")
    assert not problems


def test_every_built_address_is_in_the_list():
    """New pages, PDFs and downloads are added to data/published-urls.txt, so they are protected too."""
    missing = sorted(set(redirects.published(SITE)) - set(redirects.listed()))
    assert not missing, f"run `.venv/bin/python scripts/commands/urls.py` and commit data/published-urls.txt: {missing[:20]}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_redirect_in_the_data_works_in_every_language(lang):
    prefix = ("/" + languages.home(lang)).rstrip("/")
    for old, new in redirects.redirects().items():
        new_url = prefix + "/" + redirects.address(redirects.page_file(new, True))
        page = html_of(f"{prefix}/{old}")
        refresh = REFRESH.findall(page)
        assert len(refresh) == 1, f"{prefix}/{old}: {len(refresh)} refresh metas"
        assert urljoin(f"{prefix}/{old}", refresh[0]) == new_url, f"{prefix}/{old} sends readers to {refresh[0]}"
        assert CANONICAL.findall(page) == [SITE_URL.rstrip("/") + new_url], f"{prefix}/{old}: canonical"
        assert re.search(rf'<html lang="{lang}"', page), f"{prefix}/{old} is not in {lang}"


def test_a_redirect_takes_the_reader_to_the_new_page(page, base_url):
    old, new = next(iter(redirects.redirects().items()))
    page.goto(f"{base_url}/pl/{old}", wait_until="load")
    page.wait_for_url(f"{base_url}/pl/{redirects.address(redirects.page_file(new, True))}", timeout=10_000)
    assert page.evaluate("document.documentElement.lang") == "pl"


@pytest.fixture(scope="module")
def sample_project(tmp_path_factory):
    """The real config and hooks with one page per language and a sample redirect: /old-home/ -> index.md."""
    root = make_project(tmp_path_factory.mktemp("redirects"))
    (root / "data" / "redirects.yml").write_text("redirects:\n  old-home/: index.md\n  gone.html: index.md\n")
    result = build(root)
    assert result.returncode == 0, result.stderr
    return root


def test_the_mechanism_with_a_sample_entry(sample_project):
    site = sample_project / "site"
    for lang, old, depth in [(lang, old, depth) for lang in LANGUAGES
                             for old, depth in (("old-home/", "../"), ("gone.html", "./"))]:
        prefix = ("/" + languages.home(lang)).rstrip("/")
        page = html_of(f"{prefix}/{old}", site)
        assert REFRESH.findall(page) == [depth], f"{prefix}/{old}"
        assert CANONICAL.findall(page) == [f"{SITE_URL.rstrip('/')}{prefix}/"]
        assert f'<html lang="{lang}"' in page
        # Its title links to the new page and its language menu to the old address in each language.
        links = re.findall(r'<h1><a href="([^"]+)"', page) + re.findall(r'<a href="([^"]+)" hreflang=', page)
        assert len(links) == 1 + len(LANGUAGES), links
        for link in links:
            assert redirects.resolves(site, urljoin(f"{prefix}/{old}", link)), f"{prefix}/{old}: {link}"
        assert re.search(r'<article[^>]*>\s*<aside class="help-now"', page), "no help box"


def test_a_redirect_from_an_address_that_is_still_a_page_stops_the_build(tmp_path):
    root = make_project(tmp_path, nav=["index.md", "extra.md"])
    (root / "docs" / "extra.md").write_text(GOOD_PAGE)
    (root / "data" / "redirects.yml").write_text("redirects:\n  extra/: index.md\n")
    result = build(root)
    assert result.returncode != 0
    assert "data/redirects.yml" in result.stderr + result.stdout

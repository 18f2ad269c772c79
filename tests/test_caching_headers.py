"""Hosts let browsers keep content-named files for a year and check pages again on every visit.

A file whose name carries a hash of its content (main.57a0d79d.min.css, site.<hash>.js) is never changed under
that name, so it can be cached as immutable; pages and everything else must be revalidated, or a corrected phone
number could stay hidden behind an old copy.
"""
import re
import urllib.request

from sitedata_for_tests import load

CACHE = load("security.yml")["cache"]
# What a page makes the browser fetch besides itself: its stylesheets and scripts, and what search-on-demand.js
# fetches when search opens (Material's script and its theme rules) and the search worker Material then starts.
ASSET = re.compile(r'<link rel="stylesheet" href="([^"]+)"|<script src="([^"]+)"|data-(?:src|css)="([^"]+)"'
                   r'|"search": ?"([^"]+)"')


def hashed_paths(site):
    """The site paths of every stylesheet and script the built pages load: each is named by its content (the build
    makes a new name when it changes), so it is the set that may be cached for a year."""
    found = set()
    for page in site.rglob("*.html"):
        for match in ASSET.finditer(page.read_text(encoding="utf-8")):
            target = (page.parent / next(g for g in match.groups() if g)).resolve()
            if target.is_relative_to(site.resolve()) and target.exists():
                found.add("/" + target.relative_to(site.resolve()).as_posix())
    return sorted(found)


def test_every_content_named_file_is_cached_for_a_year_in_the_headers_file(site):
    rules = (site / "_headers").read_text(encoding="utf-8")
    assert hashed_paths(site), "the build names its bundles by content"
    for path in hashed_paths(site):
        assert f"{path}\n  Cache-Control: {CACHE['hashed']}" in rules, path
    cached = re.findall(rf"^(\S+)\n  Cache-Control: {re.escape(CACHE['hashed'])}$", rules, re.M)
    assert sorted(cached) == hashed_paths(site), "only what the pages load, named by content, is cached for a year"
    assert "/*\n" in rules and f"/*\n  Cache-Control: {CACHE['hashed']}" not in rules


def cache_control(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.headers["Cache-Control"], response.headers["Content-Security-Policy"]


def test_nginx_caches_bundles_for_a_year_and_revalidates_pages(site, served_url):
    for path in hashed_paths(site):
        cache, policy = cache_control(served_url + path)
        assert cache == CACHE["hashed"] and policy, path  # the security headers are still sent with it
    for path in ("/", "/pl/help/", "/search/search_index.json", "/assets/javascripts/lunr/min/lunr.fold.min.js"):
        assert cache_control(served_url + path)[0] == CACHE["other"], path

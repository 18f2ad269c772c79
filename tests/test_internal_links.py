"""Every internal link and #anchor in the built site leads somewhere real (checked over site/, not MkDocs' logs)."""
import functools
import pathlib
import re
from html.parser import HTMLParser
from urllib.parse import unquote, urljoin, urlparse

import pytest

from conftest import SITE, page_paths

SKIPPED_SCHEMES = ("mailto:", "tel:", "javascript:", "data:")


class LinksAndIds(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self.ids = [], set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a" and "name" in attrs:
            self.ids.add(attrs["name"])
        for name in ("href", "src"):
            if attrs.get(name) and not (tag == "link" and attrs.get("rel") in ("canonical",)):
                self.links.append(attrs[name])


@functools.cache
def parse(file: pathlib.Path) -> LinksAndIds:
    parser = LinksAndIds()
    parser.feed(file.read_text(encoding="utf-8"))
    return parser


def file_for(url_path: str, site: pathlib.Path) -> pathlib.Path | None:
    target = site / unquote(url_path).lstrip("/")
    if url_path.endswith("/"):
        target = target / "index.html"
    return target if target.is_file() else None


def broken_links(page_path: str, site: pathlib.Path = SITE) -> list[str]:
    source = file_for(page_path, site)
    problems = []
    for link in parse(source).links:
        if link.startswith(SKIPPED_SCHEMES) or link.startswith("//"):
            continue
        absolute = urlparse(urljoin("http://site" + page_path, link))
        if absolute.netloc != "site":
            continue  # another host: not ours to check offline
        target = file_for(absolute.path, site)
        if target is None:
            problems.append(f"{link} (no file for {absolute.path})")
        elif absolute.fragment and target.suffix == ".html" and unquote(absolute.fragment) not in parse(target).ids:
            problems.append(f"{link} (no id '{absolute.fragment}' in {absolute.path})")
    return problems


@pytest.mark.parametrize("path", page_paths())
def test_every_internal_link_and_anchor_resolves(path):
    assert broken_links(path) == [], f"{path} has broken links"


def test_link_checker_reports_a_missing_page_and_a_missing_anchor(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<p id="here"><a href="../b/">b</a> <a href="#nowhere">x</a> '
                                               '<a href="#here">ok</a> <a href="tel:999">999</a></p>')
    assert broken_links("/a/", tmp_path) == ["../b/ (no file for /b/)", "#nowhere (no id 'nowhere' in /a/)"]

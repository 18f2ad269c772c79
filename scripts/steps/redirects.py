"""Stable addresses: a page that moves leaves a redirect behind, in every language.

data/redirects.yml maps an old address to the page that now has its content (`report/: help/index.md`).
As a step of scripts/finish.py, after the last language, this writes /report/, /pl/report/, … : a small page in that language with
<meta http-equiv="refresh" content="0; url=…"> to the new page and <link rel="canonical"> naming it. For readers
whose browser does not follow the refresh it shows, from the new page itself, the "Get help now" box (999
first, as on every page), the new page's title as a link, and the language menu (to the same old address in the
other languages); its head repeats the new page's description and link-preview tags. It loads nothing else, so
a visit costs one small request more than the new page. The build stops if an old address is a page that still
exists, or the new page was not built. The page is overrides/partials/redirect-page.html.

data/published-urls.txt lists every address the site has published (pages, redirects, PDFs, the offline copy).
tests/test_stable_urls.py fails when one of them stops resolving: add a redirect, do not delete the line.
After adding pages, refresh the list from a fresh build (it keeps every address already listed):
  make urls   (or: .venv/bin/python scripts/commands/urls.py [site])
"""
from __future__ import annotations

import pathlib
import posixpath
import re
from urllib.parse import urljoin, urlsplit

from markupsafe import Markup
from mkdocs.exceptions import PluginError

from helpers import languages
from helpers import sitedata

PUBLISHED = sitedata.DATA / "published-urls.txt"
URL_ATTRIBUTE = re.compile(r'(\s(?:href|src)=")([^"]*)(")')


def redirects() -> dict[str, str]:
    return sitedata.load("redirects.yml").get("redirects") or {}


def page_file(src: str, use_directory_urls: bool) -> str:
    """help/index.md -> help/index.html; help/quick-exit.md -> help/quick-exit/index.html (or .html offline)"""
    stem = src[: -len(".md")]
    if stem == "index" or stem.endswith("/index") or not use_directory_urls:
        return stem + ".html"
    return stem + "/index.html"


def old_file(old: str) -> str:
    return old + "index.html" if old.endswith("/") else old


def address(file: str) -> str:
    """The address of a file under the site root: help/index.html -> help/ ; 404.html stays."""
    return file[: -len("index.html")] if file == "index.html" or file.endswith("/index.html") else file


def rebase(url: str, old_page: str, new_page: str) -> str:
    """A relative URL written for the page at new_page, rewritten for the same target from old_page."""
    if not url or url.startswith(("#", "/", "data:", "mailto:", "tel:", "javascript:")) or urlsplit(url).scheme:
        return url
    target = urljoin("http://site/" + new_page, url)
    parts = urlsplit(target)
    path = posixpath.relpath(parts.path, posixpath.dirname("/" + old_page) or "/")
    if parts.path.endswith("/") and not path.endswith("/"):
        path += "/"
    return path + (f"?{parts.query}" if parts.query else "") + (f"#{parts.fragment}" if parts.fragment else "")


HELP_BOX = re.compile(r'<aside class="help-now".*?</aside>', re.S)
TITLE = re.compile(r"<title>.*?</title>", re.S)
H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.S)
HTML_TAG = re.compile(r"<html\b[^>]*>")
BODY_DIR = re.compile(r'<body\b[^>]*\bdir="([^"]+)"')
KEEP_META = re.compile(r'<meta (?:name="(?:viewport|description|referrer|twitter:[^"]+)"|property="og:[^"]+")[^>]*>'
                       r'|<link rel="icon" href="data:[^"]*">')  # an icon, or the browser asks for /favicon.ico
SWITCHER = re.compile(r'<a href="[^"]*" hreflang="([^"]+)" class="md-select__link">\s*([^<]*?)\s*</a>')


def redirect_page(text: str, old_page: str, new_page: str, canonical: str, old_pages: dict[str, str],
                  use_directory_urls: bool = True) -> str:
    """A small page at old_page that sends the reader on to new_page, made from new_page's own HTML."""
    def link(file: str) -> str:
        shown = "/" + (address(file) if use_directory_urls else file)  # file:// has no directory index
        relative = posixpath.relpath(shown, posixpath.dirname("/" + old_page))
        return relative + ("/" if shown.endswith("/") and not relative.endswith("/") else "")

    target = link(new_page)
    head = text[: text.index("</head>")]
    help_box = HELP_BOX.search(text)
    help_box = URL_ATTRIBUTE.sub(lambda m: m.group(1) + rebase(m.group(2), old_page, new_page) + m.group(3),
                                 help_box.group(0)) if help_box else ""
    title = H1.search(text)
    title = re.sub(r"<[^>]+>", "", title.group(1)).strip() if title else ""
    body_dir = BODY_DIR.search(text)
    menu = [{"href": link(old_pages[lang]), "lang": lang, "name": Markup(name)}
            for lang, name in SWITCHER.findall(text) if lang in old_pages]
    page_title = TITLE.search(head)
    page = sitedata.render("partials/redirect-page.html", html_tag=Markup(HTML_TAG.search(text).group(0)),
                           target=target, canonical=canonical, meta=[Markup(tag) for tag in KEEP_META.findall(head)],
                           page_title=Markup(page_title.group(0) if page_title else ""),
                           body_dir=body_dir.group(1) if body_dir else "ltr", help_box=Markup(help_box),
                           title=Markup(title), languages=menu)
    return page + "\n"


def write_redirects(site: pathlib.Path, pages: sitedata.Pages, docs: pathlib.Path, langs: list[str], site_url: str,
                    use_directory_urls: bool) -> list[str]:
    written = []
    for old, new in redirects().items():
        if not (docs / new).exists():
            continue  # a build without that page (a test fixture); tests/test_stable_urls.py checks the real one
        if not re.fullmatch(r"[a-z0-9][a-z0-9/_.-]*(/|\.html)", old) or ".." in old:
            raise PluginError(f"data/redirects.yml: '{old}' must be a site address like report/ or old-page.html")
        old_pages = {lang: languages.home(lang) + old_file(old) for lang in langs}
        for lang in langs:
            old_page, new_page = old_pages[lang], languages.home(lang) + page_file(new, use_directory_urls)
            if site / new_page not in pages:
                raise PluginError(f"data/redirects.yml: {old} -> {new}, but {new_page} was not built")
            if site / old_page in pages and "http-equiv=\"refresh\"" not in pages[site / old_page]:
                raise PluginError(f"data/redirects.yml: {old} is still a page of the site ({old_page}); "
                                  "redirect only addresses that no longer exist")
            canonical = urljoin(site_url, languages.home(lang) + address(page_file(new, True)))
            pages[site / old_page] = redirect_page(pages[site / new_page], old_page, new_page, canonical, old_pages,
                                                   use_directory_urls)
            written.append(old_page)
    return written


def write_redirect_pages(build: sitedata.Build) -> None:
    """After the pages' final rewrites (their copies carry them), before the security policy adds its meta."""
    config = build.config
    write_redirects(build.site, build.pages, pathlib.Path(config.docs_dir), build.languages,
                    (config.site_url or "https://example.invalid/").rstrip("/") + "/", config.use_directory_urls)


# --- the list of published addresses ------------------------------------------------------------------------

def published(site: pathlib.Path) -> list[str]:
    """Every address a reader can reach in a built site: pages, redirects, PDFs, downloads."""
    urls = []
    for file in sorted(site.rglob("*")):
        rel = file.relative_to(site).as_posix()
        if not file.is_file() or rel.startswith("assets/") or file.suffix in (".gz", ".br"):
            continue
        if file.suffix == ".html" or file.suffix in (".pdf", ".zip") or rel == "sitemap.xml":
            urls.append("/" + address(rel))
    return urls


def listed() -> list[str]:
    return [line.strip() for line in PUBLISHED.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


def resolves(site: pathlib.Path, url: str) -> bool:
    target = site / url.lstrip("/")
    return (target / "index.html").is_file() if url.endswith("/") else target.is_file()


HEADER = """# Every address this site has published: pages (all languages), redirects, printable PDFs, downloads.
# tests/test_stable_urls.py fails if one stops resolving. A moved or removed page needs an entry in
# data/redirects.yml, never a deleted line here. Add new addresses with: make urls
"""

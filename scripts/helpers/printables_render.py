"""Build the print pages (HTML, one per printable, paper size and language) from the site's own pages and data.

Nothing here holds text for readers. data/printables.yml names, for each printable, which parts of which pages
to take (a section by its heading id, a page's lead or title); this module cuts those parts out of each page's
rendered HTML in the reader's language, adds the numbers from data/contacts.yml (through render_data.py, the
same helpers the pages use), a QR code to the page on the live site and the month the contacts were checked, and
renders overrides/print/<layout>.html. scripts/helpers/printables_pdf.py prints the result with Chromium.

A part missing from a translation (page not translated, or its headings out of step with English) is taken from
the English page, marked lang="en", and the sheet says "not yet translated" in the reader's language.
"""
from __future__ import annotations

import base64
import functools
import hashlib
import html
import os
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import jinja2
import segno
from markupsafe import Markup

import render_data
from helpers import languages
from helpers import sitedata

TEMPLATES = sitedata.ROOT / "overrides" / "print"
URDU_PRINT_FONT = sitedata.ROOT / "assets-src" / "fonts" / "NotoNastaliqUrdu-Urdu.woff2"
PAPERS = {"A4": (210, 297), "A3": (297, 420)}  # millimetres, portrait
RTL = languages.right_to_left()  # as Material decides for the pages
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
HEADING = re.compile(r"^h([1-6])$")


class PrintableError(Exception):
    """Data/printables.yml asks for something the pages do not have."""


@dataclass
class Page:
    """One rendered page of one language, as captured by the printables hook."""
    key: str            # the English source: say-something/reception.md
    lang: str
    title: str
    content: str        # the article HTML after Markdown (shortcodes already rendered)
    fallback: bool      # English content shown under another language
    web_url: str        # absolute address on the live site (directory URLs, whatever the build)


@dataclass
class Block:
    tag: str
    attrs: dict
    html: str

    @property
    def level(self) -> int | None:
        match = HEADING.match(self.tag)
        return int(match.group(1)) if match else None


class _Splitter(HTMLParser):
    """Cuts an HTML fragment into its top-level elements, keeping each one's exact source."""

    def __init__(self, source: str):
        super().__init__(convert_charrefs=False)
        self.source = source
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
        self.depth, self.start, self.current, self.blocks = 0, 0, None, []

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag, attrs):
        if self.depth == 0:
            self.start, self.current = self._offset(), (tag, dict(attrs))
            if tag in VOID:
                end = self.source.index(">", self.start) + 1
                self.blocks.append(Block(tag, dict(attrs), self.source[self.start:end]))
                return
        if tag not in VOID:
            self.depth += 1

    def handle_startendtag(self, tag, attrs):
        if self.depth == 0:
            start = self._offset()
            end = self.source.index(">", start) + 1
            self.blocks.append(Block(tag, dict(attrs), self.source[start:end]))

    def handle_endtag(self, tag):
        if tag in VOID or self.depth == 0:
            return
        self.depth -= 1
        if self.depth == 0:
            end = self.source.index(">", self._offset()) + 1
            tag_name, attrs = self.current
            self.blocks.append(Block(tag_name, attrs, self.source[self.start:end]))


@functools.lru_cache(maxsize=64)  # a page lends parts to several printables and papers; read only, never changed
def blocks_of(content: str) -> tuple[Block, ...]:
    splitter = _Splitter(content)
    splitter.feed(content)
    splitter.close()
    return tuple(splitter.blocks)


def _classes(block: Block) -> set[str]:
    return set((block.attrs.get("class") or "").split())


def inner_html(block: Block) -> str:
    return re.sub(r"\A<[^>]*>|</[^>]*>\Z", "", block.html.strip())


def select(page: Page, part: str, only: list[str] | None = None, heading: bool = True) -> str | None:
    """The HTML of one part of a page, or None when the page has no such part."""
    blocks = blocks_of(page.content)
    if part == "title":
        h1 = next((b for b in blocks if b.tag == "h1"), None)
        return inner_html(h1) if h1 else None
    if part == "lead":
        start = next((i for i, b in enumerate(blocks) if b.tag == "h1"), -1) + 1
        chosen = []
        for block in blocks[start:]:
            if block.level:
                break
            if "admonition" not in _classes(block):  # content notes and warnings belong to the web page
                chosen.append(block)
    else:
        index = next((i for i, b in enumerate(blocks) if b.level and b.attrs.get("id") == part), None)
        if index is None:
            return None
        level = blocks[index].level
        chosen = [blocks[index]] if heading else []
        for block in blocks[index + 1:]:
            if block.level and block.level <= level:
                break
            chosen.append(block)
    if only:
        chosen = [b for b in chosen if b.tag in only]
    return "\n".join(b.html for b in chosen) if chosen else None


def short_url(url: str, limit: int | None = 40) -> str:
    """An address as people type it: no https://, no www., no trailing slash; a path longer than `limit` is cut
    to the host (other sites' long addresses; the contact's name finds the page)."""
    parts = urlsplit(url)
    host = parts.netloc.removeprefix("www.")
    path = parts.path.rstrip("/")
    return host + path if limit is None or len(host + path) <= limit else host


A_TAG = re.compile(r"<a\b([^>]*)>(.*?)</a>", re.S)
HREF = re.compile(r'\bhref="([^"]*)"')


def for_print(fragment: str) -> str:
    """Links become words: a web address is shown in brackets, links inside this site lose their target
    (the QR code leads to the page), phone numbers stay as they are."""
    def link(match):
        attrs, words = match.group(1), match.group(2)
        href = HREF.search(attrs)
        target = html.unescape(href.group(1)) if href else ""
        if target.startswith("tel:"):
            return match.group(0)
        if target.startswith(("http://", "https://")):
            shown = short_url(target)
            plain = re.sub(r"<[^>]+>", "", words)
            return words if shown in plain else _inline().link_as_words(Markup(words), shown)
        if target.startswith("mailto:"):
            return _inline().url(Markup(words))
        return words
    fragment = A_TAG.sub(link, fragment)
    fragment = re.sub(r'\s(id|title)="[^"]*"', "", fragment)  # no duplicate ids; abbr titles do not print
    return fragment


# --- the data around the words ------------------------------------------------------------------------------

def contact_items(ids: list[str], lang: str) -> list[dict]:
    items = []
    for cid in ids:
        contact = sitedata.contacts()[cid]
        phones = [render_data.phone_line(phone, lang) for phone in contact.get("phones", [])]
        items.append({
            "id": cid,
            "name": sitedata.contact_text(cid, "name", lang),
            "phones": phones,
            "hours": sitedata.contact_text(cid, "hours", lang),
            "web": None if phones else short_url(contact["web"]),
        })
    return items


def last_checked(ids: list[str], groups: list[str], lang: str) -> str:
    """The month of the oldest check among the contacts this printable shows."""
    contacts = sitedata.contacts()
    chosen = set(ids) | {cid for cid, c in contacts.items() if c.get("group") in groups}
    oldest = min(str(contacts[cid]["last_checked"]) for cid in chosen)
    return render_data.month(oldest, lang)


QR_CACHE = sitedata.ROOT / ".cache" / "qr"


@functools.cache  # the same few addresses on every printable, in every language and paper size
def qr_svg(url: str) -> str:
    """The QR code of `url` as inline SVG, kept in .cache/qr/ by a hash of everything that draws it: segno is
    pure Python and drawing the codes took a tenth of a quick build."""
    options = dict(error="m", scale=1, border=4, omitsize=True, svgclass="qr__code", dark="#000")
    key = hashlib.sha256(repr((url, segno.__version__, sorted(options.items()))).encode("utf-8")).hexdigest()
    cached = QR_CACHE / f"{key}.svg"
    try:
        return cached.read_text(encoding="utf-8")
    except FileNotFoundError:
        pass
    svg = segno.make(url, error=options.pop("error")).svg_inline(**options)
    QR_CACHE.mkdir(parents=True, exist_ok=True)
    temporary = cached.with_name(f"{cached.name}.{os.getpid()}.part")  # never a half-written entry
    temporary.write_text(svg, encoding="utf-8")
    temporary.replace(cached)
    return svg


def urdu_font_data_url() -> str:
    """Noto Nastaliq Urdu, the script Urdu readers read, embedded in the print page. Paper has no byte budget, so
    the printables get the Nastaliq that the web pages cannot afford to send (overrides/assets/fonts/README.md);
    the file is made by scripts/commands/subset_urdu_font.py and is never published."""
    if not URDU_PRINT_FONT.exists():
        raise PrintableError(f"{URDU_PRINT_FONT.relative_to(sitedata.ROOT)} is missing: run "
                             ".venv/bin/python scripts/commands/subset_urdu_font.py")
    return "data:font/woff2;base64," + base64.b64encode(URDU_PRINT_FONT.read_bytes()).decode("ascii")


# --- one printable ------------------------------------------------------------------------------------------

@dataclass
class Pages:
    """Every captured page, by (language, English source)."""
    by_key: dict = field(default_factory=dict)

    def add(self, page: Page) -> None:
        self.by_key[(page.lang, page.key)] = page

    def get(self, lang: str, key: str) -> Page | None:
        return self.by_key.get((lang, key))

    def key_for_url(self, lang: str, url: str) -> str | None:
        for (page_lang, key), page in self.by_key.items():
            if page_lang == lang and page.web_url == url:
                return key
        return None


def _part(pages: Pages, lang: str, spec: dict) -> dict:
    """{"html", "fallback"} for one part, from the translation when it has the part, else from English."""
    for candidate in (lang, sitedata.DEFAULT_LANGUAGE):
        page = pages.get(candidate, spec["page"])
        if page is None:
            continue
        fragment = select(page, spec["part"], spec.get("only"), spec.get("heading", True))
        if fragment is None:
            continue
        if spec.get("contacts_for_links"):
            fragment = _add_numbers_to_links(fragment, page, pages, spec["contacts_for_links"], lang)
        fallback = page.fallback or candidate != lang
        return {"html": for_print(fragment), "fallback": fallback and lang != sitedata.DEFAULT_LANGUAGE}
    raise PrintableError(f"{spec['page']} has no part '{spec['part']}' (data/printables.yml)")


LIST_ITEM = re.compile(r"<li>(.*?)</li>", re.S)


def _add_numbers_to_links(fragment: str, page: Page, pages: Pages, wanted: dict, lang: str) -> str:
    """After each list item that links to a page named in `wanted`, the numbers for that page."""
    def item(match):
        href = HREF.search(match.group(1))
        if not href or href.group(1).startswith(("http:", "https:", "tel:", "mailto:", "#")):
            return match.group(0)
        target = urljoin(page.web_url, html.unescape(href.group(1)).split("#")[0])
        if target.endswith(".html"):  # the offline build's addresses
            target = target[: -len("index.html")] if target.endswith("/index.html") else target[: -len(".html")] + "/"
        key = pages.key_for_url(page.lang, target)
        if key not in wanted:
            return match.group(0)
        return _inline().route(Markup(match.group(1)), contact_items(wanted[key], lang))
    return LIST_ITEM.sub(item, fragment)


def _sheet(pages: Pages, lang: str, sheet: dict) -> dict:
    title = _part(pages, lang, sheet["title"])
    parts = [_part(pages, lang, spec) for spec in sheet["parts"]]
    return {"title": title, "parts": parts, "fallback": title["fallback"] or any(p["fallback"] for p in parts)}


def _pocket_card(pages: Pages, lang: str, card: dict) -> dict:
    title = _part(pages, lang, {"page": card["page"], "part": "title"})
    front = [_part(pages, lang, {"page": card["page"], "part": part}) for part in card["front"]]
    back = [_part(pages, lang, {"page": card["page"], "part": part}) for part in card["back"]]
    page = pages.get(lang, card["page"]) or pages.get(sitedata.DEFAULT_LANGUAGE, card["page"])
    return {"title": title, "front": front, "back": back, "qr": qr_svg(page.web_url), "url": short_url(page.web_url, None),
            "fallback": title["fallback"] or any(p["fallback"] for p in front + back)}


def needed_pages(printable: dict) -> set[str]:
    keys = {printable["link"]}
    for sheet in printable.get("sheets", []):
        keys.add(sheet["title"]["page"])
        keys.update(part["page"] for part in sheet["parts"])
        for part in sheet["parts"]:
            keys.update(part.get("contacts_for_links", {}))
    keys.update(card["page"] for card in printable.get("cards", []))
    return keys


def file_name(printable: dict, paper: str) -> str:
    return f"{printable['id']}-{paper.lower()}.pdf"


def context(pages: Pages, printable: dict, lang: str, paper: str) -> dict:
    link = pages.get(lang, printable["link"]) or pages.get(sitedata.DEFAULT_LANGUAGE, printable["link"])
    contacts = printable.get("contacts", [])
    groups = printable.get("contact_groups", [])
    text = lambda key: sitedata.text(key, lang)  # noqa: E731
    doc = {
        "lang": lang,
        "dir": "rtl" if lang in RTL else "ltr",
        "paper": paper,
        "width": PAPERS[paper][0],
        "height": PAPERS[paper][1],
        "scale": PAPERS[paper][0] / PAPERS["A4"][0],
        "site_name": sitedata.text("site.name", lang),
        "label": text(f"print.kinds.{printable['label']}"),
        "fallback_label": text("ui.fallback.title"),
        "labels": {key: text(f"print.{key}") for key in ("numbers", "who_to_call", "last_checked", "read_more",
                                                         "councils", "cards_note")},
        "contacts": contact_items(contacts, lang),
        "groups": [render_data.group_table(group, lang) for group in groups],
        "last_checked": last_checked(contacts, groups, lang),
        "qr": qr_svg(link.web_url),
        "url": short_url(link.web_url, None),
        "font": urdu_font_data_url() if lang in RTL else None,
    }
    doc["groups"] = [for_print(table) for table in doc["groups"]]
    if "sheets" in printable:
        doc["sheets"] = [_sheet(pages, lang, sheet) for sheet in printable["sheets"]]
    if "cards" in printable:
        doc["cards"] = [_pocket_card(pages, lang, card) for card in printable["cards"]]
    return doc


_env = None


def environment() -> jinja2.Environment:
    global _env
    if _env is None:
        _env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True,
                                  trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined)
    return _env


def _inline():
    """The macros for what is added to the pages' parts (overrides/print/_inline.html)."""
    return environment().get_template("_inline.html").module


def render(pages: Pages, printable: dict, lang: str, paper: str) -> tuple[str, bool]:
    """The print page's HTML, and whether any of it is English standing in for a missing translation."""
    doc = context(pages, printable, lang, paper)
    if "cards" in doc and len(doc["cards"]) != 4:
        raise PrintableError(f"{printable['id']}: the card layout takes exactly 4 cards (one A4 sheet)")
    fallback = any(item["fallback"] for item in doc.get("sheets", []) + doc.get("cards", []))
    return environment().get_template(f"{printable['layout']}.html").render(doc=doc, printable=printable), fallback

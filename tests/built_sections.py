"""Read a built page's article as a reader's browser would, and compare a translated section with English.

Not a test file: the advice tests import it. A section is what follows a heading with a given id up to the next
heading of the same or a higher level. scripts/stable_heading_ids.py gives every translated heading the id of the
English heading in the same place, so the same id finds the same section in every language.

What is compared does not depend on the language: the order of paragraphs and lists, how many bullets a list has,
which bullets open with bold words, and each bullet's tel: links, its links (internal ones with the language
prefix taken off) and the names of the services it mentions (names the translations keep in English, taken from
data/contacts.yml).
"""
from __future__ import annotations

import functools
import html as htmlmod
import pathlib
import posixpath
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

import yaml

from conftest import LANGUAGES, ROOT, SITE, languages
from sitedata_for_tests import contacts

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
HEADING = re.compile(r"h[1-6]")
BLOCKS = {"p", "ul", "ol", "table", "div", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6"}
# Services whose names every translation keeps in English (the first word of the name in data/contacts.yml).
NAMED_SERVICES = ["childline", "nspcc", "crimestoppers", "fearless", "ceop"]


@dataclass
class Node:
    tag: str
    attrs: dict = field(default_factory=dict)
    children: list = field(default_factory=list)  # Node or str

    def text(self) -> str:
        return "".join(child if isinstance(child, str) else child.text() for child in self.children)

    def iter(self):
        yield self
        for child in self.children:
            if isinstance(child, Node):
                yield from child.iter()

    def classes(self) -> list[str]:
        return (self.attrs.get("class") or "").split()


class _Builder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#document")
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        node = Node(tag, {key: value or "" for key, value in attrs})
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag, attrs):
        self.stack[-1].children.append(Node(tag, {key: value or "" for key, value in attrs}))

    def handle_endtag(self, tag):
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data):
        self.stack[-1].children.append(data)


def parse(source: str) -> Node:
    builder = _Builder()
    builder.feed(source)
    builder.close()
    return builder.root


def page_file(lang: str, path: str):
    """The built file of a page: path is its English URL path without the leading slash ("help/x/")."""
    return SITE / f"{languages.home(lang)}{path}index.html"


def article(lang: str, path: str, source: str | None = None) -> Node:
    """The page's own content (the <article>; the "Get help now" box inside it is an <aside class="help-now">).
    source: the page's HTML instead of the built file (read once per test session; do not change the tree)."""
    if source is None:
        built = page_file(lang, path)
        return _built_article(lang, path, str(built), built.stat().st_mtime_ns)
    return _article(lang, path, source)


@functools.lru_cache(maxsize=512)
def _built_article(lang: str, path: str, file: str, _mtime: int) -> Node:
    return _article(lang, path, pathlib.Path(file).read_text(encoding="utf-8"))


def _article(lang: str, path: str, source: str) -> Node:
    found = [node for node in parse(source).iter()
             if node.tag == "article" and "md-content__inner" in node.classes()]
    assert len(found) == 1, f"{lang} /{path}: no single article in the built page"
    return found[0]


def section(content: Node, heading_id: str) -> list:
    """The nodes after the heading with this id, up to the next heading of the same or a higher level.
    Returns None when no heading has the id."""
    for parent in content.iter():
        kids = parent.children
        for index, node in enumerate(kids):
            if isinstance(node, Node) and HEADING.fullmatch(node.tag) and node.attrs.get("id") == heading_id:
                level = int(node.tag[1])
                found = []
                for after in kids[index + 1:]:
                    if isinstance(after, Node) and HEADING.fullmatch(after.tag) and int(after.tag[1]) <= level:
                        break
                    found.append(after)
                return found
    return None


def heading_ids(content: Node) -> list[str]:
    return [node.attrs.get("id", "") for node in content.iter() if HEADING.fullmatch(node.tag)]


@functools.cache
def read_aloud(lang: str) -> str:
    """The line a translation puts before sentences to say on the phone (data/termbase/<lang>.yml): English has none."""
    termbase = ROOT / "data" / "termbase" / f"{lang}.yml"
    if not termbase.is_file():
        return ""
    return (yaml.safe_load(termbase.read_text(encoding="utf-8")) or {}).get("read_aloud", "")


def blocks(nodes: list, lang: str = "en") -> list[str]:
    """The section's shape: the tag of each block in order ("p", "ul"…; a contact card as "div.contact-card").
    A translation's read-aloud line (its termbase's `read_aloud`) is left out: English needs none."""
    shape = []
    for node in nodes:
        if isinstance(node, Node) and node.tag == "p" and read_aloud(lang) \
                and " ".join(htmlmod.unescape(node.text()).split()) == read_aloud(lang):
            continue
        if isinstance(node, Node) and node.tag in BLOCKS:
            shape.append(node.tag + "".join(f".{name}" for name in node.classes()[:1]))
    return shape


def lists(nodes: list) -> list[Node]:
    """The section's own bulleted and numbered lists (not those inside a contact card)."""
    return [node for node in nodes if isinstance(node, Node) and node.tag in ("ul", "ol")]


def bullets(nodes: list) -> list[list[Node]]:
    """The items of each of the section's own lists."""
    return [[item for item in found.children if isinstance(item, Node) and item.tag == "li"] for found in lists(nodes)]


def first_list(lang: str, page: str, heading_id: str, source: str | None = None) -> list[Node]:
    """The items of the first list of a section (asserting that the heading and the list are there)."""
    nodes = section(article(lang, page, source), heading_id)
    assert nodes is not None, f"{lang} /{page}: no heading with id #{heading_id}"
    found = bullets(nodes)
    assert found, f"{lang} /{page}#{heading_id}: no list"
    return found[0]


def english_bullet(page: str, heading_id: str, words: str) -> int:
    """Where (from 0) the one bullet of the English section's first list that says these words stands."""
    texts = [" ".join(item.text().split()) for item in first_list("en", page, heading_id)]
    found = [number for number, text in enumerate(texts) if words in text]
    assert len(found) == 1, f"/{page}#{heading_id}: {words!r} is in {len(found)} bullets, not one"
    return found[0]


def opens_with_bold(item: Node) -> bool:
    for child in item.children:
        if isinstance(child, str):
            if child.strip():
                return False
            continue
        return child.tag in ("strong", "b")
    return False


def service_names() -> dict[str, str]:
    """contact id -> the name the translations keep ("Childline", "NSPCC"…), from data/contacts.yml."""
    return {cid: contacts()[cid]["name"].split()[0] for cid in NAMED_SERVICES}


def site_path(lang: str, page: str, href: str) -> str:
    """A link as the English path it points to: internal links lose the language prefix, others stay as they are."""
    if re.match(r"[a-z][a-z0-9+.-]*:", href) or href.startswith("#"):
        return href
    base = "/" + languages.home(lang) + page
    target = posixpath.normpath(posixpath.join(posixpath.dirname(base.rstrip("/") + "/x"), href.split("#")[0]))
    target += "/" if href.split("#")[0].endswith("/") else ""
    prefix = "/" + languages.home(lang)
    if lang != "en" and target.startswith(prefix):
        target = "/" + target[len(prefix):]
    return target + ("#" + href.split("#", 1)[1] if "#" in href else "")


@dataclass(frozen=True)
class Bullet:
    """What a bullet holds, whatever its language."""
    bold: bool
    tels: tuple
    links: tuple
    names: frozenset

    def describe(self) -> str:
        return (f"bold={self.bold} tels={list(self.tels)} links={list(self.links)} "
                f"names={sorted(self.names)}")


def bullet(lang: str, page: str, item: Node) -> Bullet:
    hrefs = [node.attrs.get("href", "") for node in item.iter() if node.tag == "a"]
    words = htmlmod.unescape(item.text())
    return Bullet(bold=opens_with_bold(item),
                  tels=tuple(href for href in hrefs if href.startswith("tel:")),
                  links=tuple(site_path(lang, page, href) for href in hrefs if not href.startswith("tel:")),
                  names=frozenset(cid for cid, name in service_names().items() if name.lower() in words.lower()))


def section_bullets(lang: str, page: str, heading_id: str, source: str | None = None) -> list[list[Bullet]]:
    found = section(article(lang, page, source), heading_id)
    assert found is not None, f"{lang} /{page}: no heading with id #{heading_id}"
    return [[bullet(lang, page, item) for item in items] for items in bullets(found)]


def differences(lang: str, page: str, heading_id: str, source: str | None = None, names: bool = True) -> list[str]:
    """How the section differs from the English one: its shape, and each bullet's bold, links and names."""
    english = section(article("en", page), heading_id)
    assert english is not None, f"en /{page}: no heading with id #{heading_id}"
    own = section(article(lang, page, source), heading_id)
    if own is None:
        return [f"{lang} /{page}: no heading with id #{heading_id} (the English page has one)"]
    problems = []
    if blocks(own, lang) != blocks(english):
        problems.append(f"{lang} /{page}#{heading_id}: the section is laid out as {blocks(own, lang)}, "
                        f"the English one as {blocks(english)}")
    ours, theirs = section_bullets(lang, page, heading_id, source), section_bullets("en", page, heading_id)
    if [len(items) for items in ours] != [len(items) for items in theirs]:
        problems.append(f"{lang} /{page}#{heading_id}: lists of {[len(items) for items in ours]} bullets, "
                        f"English has {[len(items) for items in theirs]}")
        return problems
    for number, (mine, wanted) in enumerate(((m, w) for ms, ws in zip(ours, theirs) for m, w in zip(ms, ws)), 1):
        same = (mine.bold, mine.tels, mine.links) == (wanted.bold, wanted.tels, wanted.links)
        if not same or (names and not wanted.names <= mine.names):
            problems.append(f"{lang} /{page}#{heading_id} bullet {number}: {mine.describe()}; "
                            f"English: {wanted.describe()}")
    return problems


TRANSLATIONS = [lang for lang in LANGUAGES if lang != "en"]

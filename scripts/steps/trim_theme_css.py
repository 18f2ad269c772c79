"""Ship only the part of Material's stylesheet that can match something on this site.

Material's main.css (137 KB, 21 KB compressed) styles every feature of the theme: tabs, versions, code annotations,
colour palettes, blog, tags and more. The site uses a few. After every language is built, this step of
scripts/finish.py drops each rule whose selector can match nothing the site can show, and rewrites the stylesheet
in place; bundle_assets.py then joins it with the site's own CSS into one file.

What "can match" means is decided from words, not from one screenshot, so that no state is forgotten: a selector
stays if every class, id, element, attribute and attribute value it names occurs in a built page (any page, any
language), in the site's own scripts or inline scripts (every word), or in a string of Material's scripts (its
bundle and search worker: the classes it adds when search results, tooltips or the table of contents appear are
string literals there, or markup such as "<mark>"; strings that are selectors, such as ".tabbed-set>input", only
look for what a page has, so their words do not count). :not(), :has() and the like are not looked into (kept as if they match); :is() and
:where() keep a selector when one of their arguments can match. Media queries (print, widths), @supports and
right-to-left selectors ([dir=rtl]) are kept or dropped by the rules inside them alone. Custom properties (--md-…)
nothing reads, and @keyframes no animation names, go too. Only Material's file is trimmed: the site's own CSS is
shipped whole.

Material's script runs only once search is opened (search-on-demand.js). The rules that only its strings can make
match (search results, tooltips, …) are therefore not in the first load either: they go to
assets/stylesheets/scripted.<hash>.css, which search-on-demand.js links when it loads Material's script (the page
names it in data-css on that script's tag). Appended after the other stylesheets, like a modifier after its block.

tests/test_trimmed_css_looks_the_same.py compares screenshots with the full and the trimmed stylesheet.
"""
from __future__ import annotations

import hashlib
import html
import json
import os
import pathlib
import re

from helpers import sitedata

WORD = re.compile(r"[A-Za-z0-9_-]+")
THEME_CSS = "assets/stylesheets/main.*.min.css"
THEME_SCRIPTS = "assets/javascripts/**/*.js"
STRING = re.compile(r'"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|`(?:[^`\\]|\\.)*`')
SELECTOR_LIKE = re.compile(r"[.#\[>:*]")
DEFERRED = re.compile(r'(<script type="text/plain" data-on-demand) (data-src="(?P<prefix>[^"]*?)assets/javascripts/[^"]+")')
GROUPING = ("@media", "@supports", "@layer", "@container", "@document")


# --- a small CSS reader for Material's minified file ----------------------------------------------------------

def _scan(css: str, start: int, stop: str) -> int:
    """Index of the first `stop` character at nesting depth 0 from `start`, skipping strings and comments."""
    depth, i, n = 0, start, len(css)
    while i < n:
        c = css[i]
        if c in "\"'":
            i += 1
            while i < n and css[i] != c:
                i += 2 if css[i] == "\\" else 1
        elif css.startswith("/*", i):
            i = css.index("*/", i + 2) + 1
        elif c in "([":
            depth += 1
        elif c in ")]":
            depth -= 1
        elif depth == 0 and c in stop:
            return i
        i += 1
    return n


def parse(css: str) -> list:
    """[("rule", selector, body) | ("at", prelude, children or body or None)] for a whole stylesheet."""
    nodes, i, n = [], 0, len(css)
    while i < n:
        while i < n and css[i] in " \t\r\n":
            i += 1
        if css.startswith("/*", i):
            i = css.index("*/", i + 2) + 2
            continue
        if i >= n:
            break
        end = _scan(css, i, "{;")
        prelude = css[i:end].strip()
        if end >= n or css[end] == ";":  # @charset …; @import …;
            nodes.append(("at", prelude, None))
            i = end + 1
            continue
        close = _block_end(css, end)
        inner = css[end + 1:close]
        if prelude.startswith("@") and prelude.split("(")[0].split(" ")[0].lower() in GROUPING:
            nodes.append(("at", prelude, parse(inner)))
        elif prelude.startswith("@"):
            nodes.append(("at", prelude, inner))
        else:
            nodes.append(("rule", prelude, inner))
        i = close + 1
    return nodes


def _block_end(css: str, open_brace: int) -> int:
    depth, i = 0, open_brace
    while True:
        i = _scan(css, i, "{}")
        depth += 1 if css[i] == "{" else -1
        if depth == 0:
            return i
        i += 1


def serialize(nodes: list) -> str:
    out = []
    for kind, prelude, body in nodes:
        if body is None:
            out.append(prelude + ";")
        elif isinstance(body, list):
            out.append(prelude + "{" + serialize(body) + "}")
        else:
            out.append(prelude + "{" + body + "}")
    return "".join(out)


def split_list(selectors: str) -> list[str]:
    parts, i = [], 0
    while i <= len(selectors):
        end = _scan(selectors, i, ",")
        parts.append(selectors[i:end].strip())
        i = end + 1
    return [p for p in parts if p]


# --- what the site can show -------------------------------------------------------------------------------

TAG = re.compile(r"<([a-zA-Z][\w-]*)((?:\s+[^\s=/>]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>]+))?)*)\s*/?>")
ATTR = re.compile(r"([^\s=/>]+)(?:\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+))?")
SCRIPT = re.compile(r"(<script\b[^>]*>)(.*?)(</script)", re.S | re.I)
COMMENT = re.compile(r"<!--.*?-->", re.S)


class Vocabulary:
    """Every element, attribute, value, class and id in the pages, and every word of the scripts."""

    def __init__(self):
        self.tags, self.attrs, self.values, self.words = set(), set(), set(), set()
        self.seen = set()  # tags as written: most repeat on every page (header, menu, footer), read each once

    def feed(self, page: str):
        for body in SCRIPT.findall(page):
            self.add_script(body[1])
        page = COMMENT.sub("", SCRIPT.sub(lambda m: m.group(1) + m.group(3), page))
        for tag, attrs in set(TAG.findall(page)) - self.seen:
            self.seen.add((tag, attrs))
            self.tags.add(tag.lower())
            for name, value in ATTR.findall(attrs):
                self.attrs.add(name.lower())
                if value:
                    value = html.unescape(value[1:-1] if value[0] in "\"'" else value)
                    self.values.add(value)
                    self.values.update(value.split())

    def add_script(self, text: str):
        self.words.update(WORD.findall(text))

    def knows(self, word: str) -> bool:
        return word in self.words or word in self.values or word in self.tags or word in self.attrs


def vocabulary(site: pathlib.Path, pages: sitedata.Pages, own_scripts: list[str]) -> Vocabulary:
    """The words of the pages and of the site's own scripts (what the first load can show)."""
    words = Vocabulary()
    for page, text in pages.items():
        if not page.relative_to(site).as_posix().startswith("assets/"):
            words.feed(text)
    for script in own_scripts:
        words.add_script((site / script).read_text(encoding="utf-8"))
    return words


def theme_script_words(site: pathlib.Path, own_scripts: list[str]) -> set[str]:
    """The words of the strings in Material's scripts that are not selectors (class names, attribute values…)."""
    found = set()
    for script in site.glob(THEME_SCRIPTS):
        if script.relative_to(site).as_posix() in own_scripts:
            continue
        for string in STRING.finditer(script.read_text(encoding="utf-8")):
            for part in re.split(r"\$\{[^}]*\}", string.group(0)[1:-1]):
                if "<" in part or not SELECTOR_LIKE.search(part):  # markup ("<mark>") adds; a selector only looks
                    found.update(WORD.findall(part))
    return found


# --- can a selector match? --------------------------------------------------------------------------------

SIMPLE = re.compile(r"""
    (?P<combinator>\s*[>+~]\s*|\s+)
  | (?P<universal>\*|\|)
  | \.(?P<cls>-?[_a-zA-Z0-9\\-]+)
  | \#(?P<id>[_a-zA-Z0-9\\-]+)
  | (?P<tag>[a-zA-Z][a-zA-Z0-9-]*)
  | \[(?P<attr>[^\]]*)\]
  | ::?(?P<pseudo>[-a-zA-Z0-9]+)(?P<args>\()?
""", re.X)
ATTRIBUTE = re.compile(r"""^\s*(?P<name>[-\w:|]+)\s*(?:(?P<op>[~|^$*]?=)\s*(?P<value>"[^"]*"|'[^']*'|[^\s\]]+)\s*(?P<flag>[is])?)?\s*$""")
ANY_OF = {"is", "where", "matches", "-webkit-any", "-moz-any"}


def can_match(selector: str, words: Vocabulary) -> bool:
    i, n = 0, len(selector)
    while i < n:
        m = SIMPLE.match(selector, i)
        if not m:
            return True  # something this reader does not know: keep the rule
        i = m.end()
        if m.group("cls") is not None:
            if not words.knows(m.group("cls").replace("\\", "")):
                return False
        elif m.group("id") is not None:
            if not words.knows(m.group("id")):
                return False
        elif m.group("tag") is not None:
            if not words.knows(m.group("tag").lower()):
                return False
        elif m.group("attr") is not None:
            a = ATTRIBUTE.match(m.group("attr"))
            if a:
                if not words.knows(a.group("name").lower()):
                    return False
                if a.group("op") == "=" and not a.group("flag"):
                    value = a.group("value").strip("\"'")
                    if value and not words.knows(value):
                        return False
        elif m.group("args"):
            close = _scan(selector, i, ")")
            inner = selector[i:close]
            i = close + 1
            if m.group("pseudo").lower() in ANY_OF and not any(can_match(s, words) for s in split_list(inner)):
                return False
    return True


# --- trimming ---------------------------------------------------------------------------------------------

def _split(nodes: list, first: Vocabulary, scripted: Vocabulary) -> tuple[list, list]:
    """(rules the first load can match, rules only Material's script can make match); the rest is dropped."""
    now, later = [], []
    for kind, prelude, body in nodes:
        if kind == "rule":
            selectors = split_list(prelude)
            mine = [s for s in selectors if can_match(s, first)]
            theirs = [s for s in selectors if s not in mine and can_match(s, scripted)]
            if mine:
                now.append((kind, ",".join(mine), body))
            if theirs:
                later.append((kind, ",".join(theirs), body))
        elif isinstance(body, list):
            inner_now, inner_later = _split(body, first, scripted)
            if inner_now:
                now.append((kind, prelude, inner_now))
            if inner_later:
                later.append((kind, prelude, inner_later))
        else:
            now.append((kind, prelude, body))
    return now, later


DECLARATION = re.compile(r"(?P<name>--[-\w]+)\s*:")


def _declarations(body: str) -> list[str]:
    parts, i = [], 0
    while i <= len(body):
        end = _scan(body, i, ";")
        parts.append(body[i:end])
        i = end + 1
    return [p for p in parts if p.strip()]


def _drop_unread(nodes: list, read: set[str], names: set[str]) -> list:
    """Without declarations of custom properties no var() reads, and @keyframes no animation names."""
    kept = []
    for kind, prelude, body in nodes:
        if isinstance(body, list):
            inner = _drop_unread(body, read, names)
            if inner:
                kept.append((kind, prelude, inner))
        elif kind == "rule":
            declarations = [d for d in _declarations(body)
                            if not ((m := DECLARATION.match(d.strip())) and m.group("name") not in read)]
            if declarations:
                kept.append((kind, prelude, ";".join(declarations)))
        elif prelude.lower().startswith(("@keyframes", "@-webkit-keyframes")):
            if prelude.split()[-1] in names:
                kept.append((kind, prelude, body))
        else:
            kept.append((kind, prelude, body))
    return kept


def trim(css: str, first: Vocabulary, theme_words: set[str] = frozenset(), other_css: str = "") -> tuple[str, str]:
    """Material's `css` as (the rules for the first load, the rules for once Material's script runs), without what
    nothing on the site can use; `other_css` (the site's own) may read Material's variables."""
    scripted = Vocabulary()
    scripted.tags, scripted.attrs, scripted.values = first.tags, first.attrs, first.values
    scripted.words = first.words | set(theme_words)
    now, later = _split(parse(css), first, scripted)
    while True:  # a variable may be read only by another variable that is itself unread
        text = serialize(now) + serialize(later) + other_css
        read = set(re.findall(r"var\(\s*(--[-\w]+)", text)) | {w for w in scripted.words if w.startswith("--")}
        names = set(WORD.findall(" ".join(re.findall(r"animation(?:-name)?\s*:([^;}]*)", text)))) | scripted.words
        trimmed = _drop_unread(now, read, names), _drop_unread(later, read, names)
        if serialize(trimmed[0]) + serialize(trimmed[1]) == serialize(now) + serialize(later):
            return serialize(now), serialize(later)
        now, later = trimmed


CACHE = sitedata.ROOT / ".cache" / "trimmed-css"


def inputs_key(site: pathlib.Path, pages: sitedata.Pages, own_scripts: list[str], sheets: list[str], own: str) -> str:
    """The digest of everything the trim reads (pages, scripts, stylesheets) and of this file: the same inputs
    trim alike, so a warm build reuses the last result (.cache/trimmed-css/) instead of reading every page's words."""
    texts = [text for page, text in pages.items() if not page.relative_to(site).as_posix().startswith("assets/")]
    texts += [(site / script).read_text(encoding="utf-8") for script in own_scripts]
    texts += [script.read_text(encoding="utf-8") for script in sorted(site.glob(THEME_SCRIPTS))]
    return sitedata.digest(pathlib.Path(__file__).read_text(encoding="utf-8"), *texts, *sheets, own)


def trim_site(build: sitedata.Build) -> None:
    site, config = build.site, build.config
    own_scripts = [str(path) for path in config.extra_javascript]
    stylesheets = sorted(site.glob(THEME_CSS))
    if not stylesheets or (own_scripts and not (site / own_scripts[0]).exists()):
        return  # already trimmed and bundled (a --dirty rebuild)
    own = "".join((site / path).read_text(encoding="utf-8") for path in list(config.extra_css)
                  + ["assets/stylesheets/urdu.css"] if (site / path).exists())
    sheets = [stylesheet.read_text(encoding="utf-8") for stylesheet in stylesheets]
    key = inputs_key(site, build.pages, own_scripts, sheets, own)
    cached = CACHE / f"{key}.json"
    try:
        results = json.loads(cached.read_text(encoding="utf-8"))
    except FileNotFoundError:
        first = vocabulary(site, build.pages, own_scripts)
        theme_words = theme_script_words(site, own_scripts)
        results = [trim(css, first, theme_words, own) for css in sheets]
        CACHE.mkdir(parents=True, exist_ok=True)
        for old in CACHE.glob("*.json"):
            old.unlink(missing_ok=True)  # one entry is enough: the next change makes a new one anyway
        partial = cached.with_name(f"{cached.name}.{os.getpid()}.part")  # whole or not at all
        partial.write_text(json.dumps(results), encoding="utf-8")
        partial.replace(cached)
    later_parts = []
    for stylesheet, (now, later) in zip(stylesheets, results):
        stylesheet.write_text(now, encoding="utf-8")
        later_parts.append(later)
    later = "".join(later_parts)
    name = f"assets/stylesheets/scripted.{hashlib.sha256(later.encode('utf-8')).hexdigest()[:10]}.css"
    (site / name).write_text(later, encoding="utf-8")
    for page, text in build.pages.items():
        build.pages[page] = DEFERRED.sub(lambda m: f'{m.group(1)} data-css="{m.group("prefix")}{name}" {m.group(2)}',
                                         text, count=1)

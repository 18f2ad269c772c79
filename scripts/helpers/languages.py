"""The site's languages, read from the one place they are defined: the i18n plugin's `languages` in mkdocs.yml.

Not a hook (mkdocs.yml does not list it). Hooks, commands and tests import it instead of typing the codes again.
Each language block in mkdocs.yml carries, beside static-i18n's own `locale`, `name` and `default`, an `extra` that
static-i18n merges into `config.extra` while that language is built (so templates can read it too):
  og_locale    the Open Graph locale of its pages (scripts/link_previews.py)
  search_fold  true if search should also match words typed without accents (scripts/steps/search_per_language.py)
Text direction is not set here: Material decides it from its own language file (partials/languages/<code>.html,
"direction"), which static-i18n selects for each language; direction() reads that same file.
"""
from __future__ import annotations

import functools
import pathlib
import re

import yaml

ROOT = pathlib.Path(__file__).resolve().parents[2]
CONFIG = ROOT / "mkdocs.yml"


class _Loader(yaml.SafeLoader):
    """mkdocs.yml names Python objects (!!python/…, !ENV); only the plain data is needed here."""


_Loader.add_multi_constructor("", lambda loader, suffix, node: None)


@functools.cache
def _blocks() -> tuple[dict, ...]:
    config = yaml.load(CONFIG.read_text(encoding="utf-8"), Loader=_Loader)
    i18n = (config.get("plugins") or {}).get("i18n")  # plugins is a mapping there (see its comment)
    if not i18n or not i18n.get("languages"):
        raise LookupError(f"{CONFIG}: no i18n plugin with languages under plugins:")
    return tuple(lang for lang in i18n["languages"] if lang.get("build", True))


def codes() -> list[str]:
    """Every built language, the default first (the order of the language menu)."""
    blocks = sorted(_blocks(), key=lambda lang: not lang.get("default", False))
    return [lang["locale"] for lang in blocks]


def default() -> str:
    return next(lang["locale"] for lang in _blocks() if lang.get("default", False))


def translations() -> list[str]:
    """Every built language but the default: the ones whose pages are translations."""
    return [code for code in codes() if code != default()]


def names() -> dict[str, str]:
    return {lang["locale"]: lang["name"] for lang in _blocks()}


def setting(code: str, key: str, fallback=None):
    """A language's own setting from its `extra` block in mkdocs.yml."""
    block = next(lang for lang in _blocks() if lang["locale"] == code)
    return (block.get("extra") or {}).get(key, fallback)


def folded() -> set[str]:
    """Languages whose search also matches words typed without their accents."""
    return {code for code in codes() if setting(code, "search_fold", False)}


@functools.cache
def direction(code: str) -> str:
    """"rtl" or "ltr", as Material's language file for this code says (what Material puts on <body dir>)."""
    import material  # the theme decides; read its own file rather than keep a second list
    partial = pathlib.Path(material.__file__).parent / "templates" / "partials" / "languages" / f"{code}.html"
    found = re.search(r'"direction":\s*"(\w+)"', partial.read_text(encoding="utf-8")) if partial.exists() else None
    return found.group(1) if found else "ltr"


def right_to_left() -> set[str]:
    return {code for code in codes() if direction(code) == "rtl"}


def home(code: str) -> str:
    """The web address of a language's home page, relative to the site root ("" for the default language)."""
    return "" if code == default() else f"{code}/"


def source_key(src_uri: str) -> str:
    """The English source of a page: say-something/reception.pl.md -> say-something/reception.md"""
    return re.sub(rf"\.({'|'.join(map(re.escape, translations()))})\.md$", ".md", src_uri)


def web_path(src_uri: str, code: str | None = None) -> str:
    """A page's address below the site root, with directory URLs (what the live site uses, whatever this build
    does): say-something/reception.pl.md -> pl/say-something/reception/ ; index.md -> "" (the home page).
    The language is the file's suffix unless `code` names another (the same page in that language)."""
    if code is None:
        suffix = re.search(r"\.(\w+)\.md$", src_uri)
        code = suffix.group(1) if suffix and suffix.group(1) in translations() else default()
    path = source_key(src_uri)[: -len(".md")]
    path = path[: -len("index")] if path == "index" or path.endswith("/index") else path + "/"
    return home(code) + path

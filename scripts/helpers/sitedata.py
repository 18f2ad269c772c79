"""Shared helpers for the hooks: the data files, the language being built, and what kind of build it is.

Not a hook itself (mkdocs.yml does not list it); the hooks import it.
"""
from __future__ import annotations

import dataclasses
import functools
import hashlib
import os
import pathlib
from typing import TYPE_CHECKING

import jinja2
import yaml
from markupsafe import Markup
from mkdocs.exceptions import PluginError

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

ROOT = pathlib.Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
DEFAULT_LANGUAGE = "en"
# libyaml's loader (PyYAML's wheels carry it; MkDocs reads front matter with it too): the build reads every data
# file and every page's front matter several times, and the pure-Python loader was a third of a build's time.
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(text):
    """YAML text as data, with the same (safe) loader the whole build uses."""
    return yaml.load(text, Loader=YAML_LOADER)


@functools.cache
def load(name: str):
    """A YAML file under data/, parsed once per process (data does not change during a build)."""
    path = DATA / name
    with path.open(encoding="utf-8") as handle:
        return read_yaml(handle) or {}


@functools.cache
def templates() -> jinja2.Environment:
    """The site's own templates (overrides/), where the HTML the hooks write into pages comes from: the same
    partials the theme's templates use, escaped by Jinja."""
    return jinja2.Environment(loader=jinja2.FileSystemLoader(str(ROOT / "overrides")), autoescape=True,
                              trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined)


def render(template: str, **values) -> Markup:
    """A template under overrides/ (e.g. partials/action-plan.html) filled with `values`."""
    return Markup(templates().get_template(template).render(**values))


def macros(template: str):
    """The macros of a template under overrides/, to call from Python (each returns Markup)."""
    return templates().get_template(template).module


def contacts() -> dict:
    return load("contacts.yml")


def language(config) -> str:
    """The language of the build in progress (static-i18n builds one language at a time)."""
    plugin = config.plugins.get("i18n")
    return getattr(plugin, "current_language", None) or DEFAULT_LANGUAGE


def is_first_language(config) -> bool:
    """True while static-i18n builds its first language, the default: where work done once per build starts (and
    what was kept from the last build, under `mkdocs serve`, is dropped)."""
    return language(config) == DEFAULT_LANGUAGE


def languages(config) -> list[str]:
    plugin = config.plugins.get("i18n")
    return [lang.locale for lang in plugin.config.languages if lang.build and lang.locale != "null"]


def is_offline_build(config) -> bool:
    """True in the offline copy's build (mkdocs.offline.yml adds Material's offline plugin; scripts/steps/offline_copy.py)."""
    return any(name.split("/")[-1] == "offline" for name in config.plugins)


def is_quick_build() -> bool:
    """QUICK_BUILD=1: a build without the PDFs and without the offline copy
    (which holds the PDFs). For quick checks and for scripts/commands/bench.py, whose build-time budget is defined so."""
    return bool(os.environ.get("QUICK_BUILD"))


def digest(*texts: str) -> str:
    """The SHA-256 (hex) of the texts, each with its length, so no two ways of splitting one text give one digest:
    the key of a cache entry made from them."""
    hashed = hashlib.sha256()
    for text in texts:
        encoded = text.encode("utf-8")
        hashed.update(b"\0%d\0" % len(encoded) + encoded)
    return hashed.hexdigest()


def files_digest(*paths: pathlib.Path, root: pathlib.Path = ROOT) -> str:
    """The SHA-256 (hex) of every file under the paths (folders or files): names relative to `root`, and contents."""
    hashed = hashlib.sha256()
    for path in paths:
        for file in sorted(path.rglob("*")) if path.is_dir() else [path]:
            if file.is_file() and "__pycache__" not in file.parts:
                hashed.update(pathlib.Path(os.path.relpath(file, root)).as_posix().encode("utf-8") + b"\0"
                              + hashlib.sha256(file.read_bytes()).digest())
    return hashed.hexdigest()


class Pages:
    """The finished site's pages (every .html under site/) for the finishing steps that rewrite them.

    Read from disk when a step first asks, kept in memory while the steps rewrite them, written back by save(): each
    step reading and writing every page itself was a third of the finishing time. A step that needs the pages on
    disk (the offline copy, compressing) calls save() first; scripts/finish.py saves after the last step. save()
    forgets the pages (the next step to ask reads them again), and it stops the build if a page was written, or a
    new page made, on disk in the meantime: that step would lose its work, or its page would miss the later steps
    (the security policy among them). Steps that write pages use this, never write_text.
    """

    def __init__(self, site: pathlib.Path):
        self.site = site
        self._texts: dict[pathlib.Path, str] | None = None
        self._stamps: dict[pathlib.Path, tuple[int, int]] = {}
        self._changed: set[pathlib.Path] = set()

    @staticmethod
    def _stamp(page: pathlib.Path) -> tuple[int, int]:
        status = page.stat()
        return status.st_mtime_ns, status.st_size

    def _held(self) -> dict[pathlib.Path, str]:
        if self._texts is None:
            self._texts = {page: page.read_text(encoding="utf-8") for page in sorted(self.site.rglob("*.html"))}
            self._stamps = {page: self._stamp(page) for page in self._texts}
        return self._texts

    def items(self) -> list[tuple[pathlib.Path, str]]:
        """(path, text) of every page, in path order."""
        return list(self._held().items())

    def __contains__(self, page: pathlib.Path) -> bool:
        return page in self._held()

    def __getitem__(self, page: pathlib.Path) -> str:
        return self._held()[page]

    def __setitem__(self, page: pathlib.Path, text: str) -> None:
        """Change a page or add one (a redirect page); written by save()."""
        held = self._held()
        if held.get(page) != text:
            held[page] = text
            self._changed.add(page)

    def save(self) -> None:
        if self._texts is None:
            return
        behind = [page for page, stamp in self._stamps.items() if not page.exists() or self._stamp(page) != stamp]
        behind += [page for page in self.site.rglob("*.html") if page not in self._texts]
        if behind:
            raise PluginError("Pages written on disk while the finishing steps held them in memory (a step that "
                              "writes pages must use build.pages[page] = text):\n  " + "\n  ".join(map(str, sorted(behind))))
        for page in sorted(self._changed):
            page.parent.mkdir(parents=True, exist_ok=True)
            page.write_text(self._texts[page], encoding="utf-8")
        self._texts, self._stamps, self._changed = None, {}, set()


@dataclasses.dataclass(frozen=True)
class Build:
    """What scripts/finish.py tells each finishing step about the build it finishes (every language written)."""
    config: MkDocsConfig     # site_dir, extra_css, extra_javascript, site_url, plugins …
    site: pathlib.Path       # config.site_dir
    languages: list[str]     # every built language, the default first
    serve: bool              # `mkdocs serve`: no PDFs, no offline copy, no policy <meta> (it would block live reload)
    offline: bool            # the offline copy's own build (mkdocs.offline.yml): no server files, no copy of a copy
    quick: bool              # QUICK_BUILD=1: no PDFs, no offline copy
    pages: Pages = dataclasses.field(init=False)  # the pages, for the steps that rewrite them

    def __post_init__(self):
        object.__setattr__(self, "pages", Pages(self.site))


def _lookup(tree, dotted: str):
    node = tree
    for part in dotted.split("."):
        if isinstance(node, dict) and part not in node and part.isdigit():
            part = int(part)  # YAML reads `1:` as a number key (action plans)
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node


def text(key: str, lang: str, default: str | None = None) -> str:
    """A translated string from data/i18n/<lang>.yml, falling back to English, then to `default`."""
    for candidate in (lang, DEFAULT_LANGUAGE):
        try:
            strings = load(f"i18n/{candidate}.yml")  # parsed once; thousands of look-ups per build
        except FileNotFoundError:
            continue
        value = _lookup(strings, key)
        if value is not None:
            return value
    if default is not None:
        return default
    raise KeyError(f"no text for '{key}' in data/i18n/{lang}.yml or data/i18n/en.yml")


def contact_text(contact_id: str, field: str, lang: str) -> str | None:
    """A contact's name/hours/note in the reader's language (English from contacts.yml as fallback)."""
    translated = _lookup(load(f"i18n/{lang}.yml"), f"contacts.{contact_id}.{field}") if (DATA / "i18n" / f"{lang}.yml").exists() else None
    return translated if translated is not None else contacts()[contact_id].get(field)

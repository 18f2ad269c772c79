"""Shared helpers for the hooks: the data files, the language being built, and what kind of build it is.

Not a hook itself (mkdocs.yml does not list it); the hooks import it.
"""
from __future__ import annotations

import dataclasses
import functools
import os
import pathlib
from typing import TYPE_CHECKING

import jinja2
import yaml
from markupsafe import Markup

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


@dataclasses.dataclass(frozen=True)
class Build:
    """What scripts/finish.py tells each finishing step about the build it finishes (every language written)."""
    config: MkDocsConfig     # site_dir, extra_css, extra_javascript, site_url, plugins …
    site: pathlib.Path       # config.site_dir
    languages: list[str]     # every built language, the default first
    serve: bool              # `mkdocs serve`: no PDFs, no offline copy, no policy <meta> (it would block live reload)
    offline: bool            # the offline copy's own build (mkdocs.offline.yml): no server files, no copy of a copy
    quick: bool              # QUICK_BUILD=1: no PDFs, no offline copy


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
        path = DATA / "i18n" / f"{candidate}.yml"
        if path.exists():
            value = _lookup(load(f"i18n/{candidate}.yml"), key)
            if value is not None:
                return value
    if default is not None:
        return default
    raise KeyError(f"no text for '{key}' in data/i18n/{lang}.yml or data/i18n/en.yml")


def contact_text(contact_id: str, field: str, lang: str) -> str | None:
    """A contact's name/hours/note in the reader's language (English from contacts.yml as fallback)."""
    translated = _lookup(load(f"i18n/{lang}.yml"), f"contacts.{contact_id}.{field}") if (DATA / "i18n" / f"{lang}.yml").exists() else None
    return translated if translated is not None else contacts()[contact_id].get(field)

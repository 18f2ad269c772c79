"""Shared helpers for the hooks: the data files and the language being built.

Not a hook itself (mkdocs.yml does not list it); the hooks import it.
"""
from __future__ import annotations

import functools
import pathlib

import yaml

ROOT = pathlib.Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
DEFAULT_LANGUAGE = "en"


@functools.cache
def load(name: str):
    """A YAML file under data/, parsed once per process (data does not change during a build)."""
    path = DATA / name
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle) or {}


def contacts() -> dict:
    return load("contacts.yml")


def language(config) -> str:
    """The language of the build in progress (static-i18n builds one language at a time)."""
    plugin = config.plugins.get("i18n")
    return getattr(plugin, "current_language", None) or DEFAULT_LANGUAGE


def languages(config) -> list[str]:
    plugin = config.plugins.get("i18n")
    return [lang.locale for lang in plugin.config.languages if lang.build and lang.locale != "null"]


def is_final_pass(config) -> bool:
    """True in the one on_post_build call that comes after every language is written."""
    plugin = config.plugins.get("i18n")
    return not getattr(plugin, "building", False)


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

"""Every interface text (quick exit, notices, labels, menu sections) exists in every language."""
import pytest
import yaml

from conftest import LANGUAGES, ROOT

SAME_IN_EVERY_LANGUAGE = {"ui.quick_exit.destination"}  # a web address, not words


def keys(tree, prefix=""):
    found = set()
    for key, value in tree.items():
        dotted = f"{prefix}.{key}" if prefix else str(key)
        found |= keys(value, dotted) if isinstance(value, dict) else {dotted}
    return found


def texts(lang):
    return yaml.safe_load((ROOT / "data" / "i18n" / f"{lang}.yml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang != "en"])
def test_every_interface_text_is_translated(lang):
    missing = keys(texts("en")) - keys(texts(lang)) - SAME_IN_EVERY_LANGUAGE
    assert missing == set()


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang != "en"])
def test_translated_interface_texts_are_not_left_in_english(lang):
    english, own = texts("en"), texts(lang)
    same = sorted(key for key in keys(english) & keys(own) if key.startswith("ui.")
                  and lookup(english, key) == lookup(own, key) and len(str(lookup(english, key))) > 12)
    assert same == [], "copied from English, not translated"


def lookup(tree, dotted):
    for part in dotted.split("."):
        tree = tree[part] if part in tree else tree[int(part)]
    return tree

"""The online grooming page warns, in every language, not to message or confront the person and not to pretend to
be the child online (tests/test_advice_fits_the_reader.py checks the English words).

The warning is a bold bullet of "Keep the evidence safe" (heading id #keep-the-evidence-safe in every language, from
scripts/stable_heading_ids.py). Each translation's section must have the same bullets as English: as many, the
same ones in bold (the warning and "do not copy, save… any sexual picture"), the same links and names. Where a
language's termbase (data/termbase/<lang>.yml) gives its word for "confront", the warning must use it.
"""
from __future__ import annotations

import functools

import pytest
import yaml

from built_sections import TRANSLATIONS, differences, english_bullet, first_list, opens_with_bold
from conftest import LANGUAGES, ROOT

PAGE = "help/online-grooming/"
SECTION = "keep-the-evidence-safe"
WARNING = "Do not message or confront the person, and do not pretend to be the child online."


def section_items(lang: str) -> list:
    return first_list(lang, PAGE, SECTION)


def warning_position() -> int:
    return english_bullet(PAGE, SECTION, WARNING)


@functools.cache
def confront_forms(lang: str) -> list[str]:
    """The termbase's words for "confront" in this language ([] if it has no such entry)."""
    path = ROOT / "data" / "termbase" / f"{lang}.yml"
    termbase = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}) if path.is_file() else {}
    entry = (termbase.get("terms") or {}).get("confront") or {}
    return [form.strip("…. ") for form in [entry.get("use", ""), *entry.get("forms", [])] if form.strip("…. ")]


def test_english_warning_is_the_bold_start_of_a_keep_the_evidence_bullet():
    item = section_items("en")[warning_position()]
    assert opens_with_bold(item), f"/{PAGE}#{SECTION}: the warning must open its bullet in bold"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_warning_is_in_bold_in_the_same_place_as_in_english(lang):
    items = section_items(lang)
    assert len(items) > warning_position(), f"{lang} /{PAGE}#{SECTION}: only {len(items)} bullets"
    assert opens_with_bold(items[warning_position()]), \
        f"{lang} /{PAGE}#{SECTION}: bullet {warning_position() + 1} (the warning not to message, confront or " \
        f"pretend to be the child) does not open in bold"


@pytest.mark.parametrize("lang", TRANSLATIONS)
def test_translated_keep_the_evidence_section_has_the_same_bullets_as_english(lang):
    assert differences(lang, PAGE, SECTION) == []


@pytest.mark.parametrize("lang", [lang for lang in TRANSLATIONS if confront_forms(lang)])
def test_translated_warning_uses_the_termbase_word_for_confront(lang):
    forms = confront_forms(lang)
    words = " ".join(section_items(lang)[warning_position()].text().split()).lower()
    assert any(form.lower() in words for form in forms), \
        f"{lang} /{PAGE}#{SECTION}: the warning does not use the termbase's word for 'confront' ({forms})"

"""The young people's page says what to keep and what never to keep, in every language.

"Staying safe online" (heading id #staying-safe-online in every language, from scripts/stable_heading_ids.py):
never save, send or forward sexual pictures or videos, even of yourself (the one bullet in bold); you need to keep
nothing to get help; if it is safe, note the username, the app, what happened and when; if someone may check your
phone, keep no notes on it and tell an adult you trust or Childline.

The English words are checked in English. Each translation must have the same bullets as English: as many, the
same one in bold, and Childline named in the same bullets (a name every translation keeps, from data/contacts.yml).
"""
from __future__ import annotations

import pytest

from built_sections import TRANSLATIONS, differences, english_bullet, first_list, opens_with_bold
from conftest import LANGUAGES

PAGE = "young-people/"
SECTION = "staying-safe-online"

# What the English bullets say, in their order on the page.
ENGLISH = {
    "never keep": "Never save, send or forward sexual pictures or videos.",
    "keep nothing": "You do not need to keep anything to get help.",
    "what to note": "make a note of their username, the app or game, what happened and when",
    "phone checked": "If someone may check your phone, do not keep notes on it.",
}


def section_items(lang: str) -> list:
    return first_list(lang, PAGE, SECTION)


def english_position(said: str) -> int:
    return english_bullet(PAGE, SECTION, ENGLISH[said])


def test_english_page_says_what_never_to_keep_and_that_nothing_need_be_kept():
    positions = [english_position(said) for said in ENGLISH]
    assert positions[1] > positions[0], "the 'keep nothing' bullet should follow the 'never save' one"
    never = section_items("en")[positions[0]]
    bold = next(child for child in never.children if not isinstance(child, str))
    assert opens_with_bold(never) and ENGLISH["never keep"] in " ".join(bold.text().split()), \
        "the 'never save, send or forward' advice must be the bold start of its bullet"
    assert "even if they are of you" in " ".join(never.text().split())


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_never_save_advice_is_the_one_bold_bullet(lang):
    """The bullet where English says never to save sexual images is, in every language, the only one in bold."""
    items = section_items(lang)
    bold = [number for number, item in enumerate(items) if opens_with_bold(item)]
    assert bold == [english_position("never keep")], \
        f"{lang} /{PAGE}#{SECTION}: bullets {bold} open in bold; only the 'never save' one should"


@pytest.mark.parametrize("lang", TRANSLATIONS)
def test_translated_advice_on_what_to_keep_has_the_same_bullets_as_english(lang):
    assert differences(lang, PAGE, SECTION) == []

"""Each page that sends a reader to a service says what happens after they tell, in every language.

Found by heading id (scripts/stable_heading_ids.py gives each translation the English ids):
- help/worried-about-a-child: #what-happens-after-you-tell, one bullet per service (police, council, NSPCC,
  Crimestoppers, CEOP, Childline);
- young-people: #what-happens-when-you-tell (Childline, Fearless, CEOP);
- help/adult-trafficking: #what-happens-next (the National Referral Mechanism);
- help/online-grooming and help/stay-anonymous have no heading of their own for it: what CEOP does with a report
  is the list in #report-it-to-ceop, and what Crimestoppers does with one the list in #crimestoppers.

The English words are checked in English. Each translation's section must be laid out as the English one, with as
many bullets, the same ones opening in bold, the same links, and the services named in the same bullets (names the
translations keep in English, from data/contacts.yml).
"""
from __future__ import annotations

import pytest

from built_sections import TRANSLATIONS, article, differences, section
from conftest import LANGUAGES

SECTIONS = {
    "help/worried-about-a-child/": "what-happens-after-you-tell",
    "young-people/": "what-happens-when-you-tell",
    "help/adult-trafficking/": "what-happens-next",
    "help/online-grooming/": "report-it-to-ceop",
    "help/stay-anonymous/": "crimestoppers",
}

# What the English section says happens (a few words from each service's bullet).
ENGLISH = {
    "help/worried-about-a-child/": ["you are put through to your local police force", "ask the team what will happen",
                                    "can pass your worry on to the council's children's services or the police",
                                    "It passes what you tell it on to the police",
                                    "A Child Protection Advisor reads every report",
                                    "Childline may tell someone else"],
    "young-people/": ["Childline may tell someone else", "before it passes it on to the police",
                      "A Child Protection Advisor reads every report"],
    "help/adult-trafficking/": ["National Referral Mechanism", "An adult must agree before they are put forward",
                                "The Home Office then decides"],
    "help/online-grooming/": ["You must give your name", "A Child Protection Advisor reads every report",
                              "It sends urgent ones to the local police"],
    "help/stay-anonymous/": ["your phone number does not show up",
                             "Crimestoppers then passes your report to the police", "A real person answers every call"],
}


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("page", SECTIONS)
def test_page_has_a_what_happens_after_you_tell_section_with_a_list(page, lang):
    nodes = section(article(lang, page), SECTIONS[page])
    assert nodes is not None, f"{lang} /{page}: no heading with id #{SECTIONS[page]} (what happens after you tell)"
    assert any(getattr(node, "tag", "") == "ul" for node in nodes), f"{lang} /{page}#{SECTIONS[page]}: no list"


@pytest.mark.parametrize("page", SECTIONS)
def test_english_section_says_what_each_service_does_next(page):
    nodes = section(article("en", page), SECTIONS[page])
    words = " ".join(" ".join(node.text().split()) if hasattr(node, "text") else node for node in nodes)
    missing = [said for said in ENGLISH[page] if said not in words]
    assert missing == [], f"/{page}#{SECTIONS[page]} does not say: {missing}"


@pytest.mark.parametrize("lang", TRANSLATIONS)
@pytest.mark.parametrize("page", SECTIONS)
def test_translated_section_says_as_much_as_english(page, lang):
    assert differences(lang, page, SECTIONS[page]) == []

"""The faith groups page (and its printed guide) gives a route when the worry is about a leader, a volunteer or
the safeguarding lead themselves: do not tell them, go straight to the council's children's services (local
contacts), the police (101) or, in danger now, 999; for an adult, the Modern Slavery & Exploitation Helpline.

In every language. The route sits in the "Refer" section (heading id #refer, which scripts/stable_heading_ids.py
gives every translation): after the paragraph that says to tell the safeguarding lead comes the paragraph about a
worry with the lead or a leader, then a list with the route. The list is found by its links, not by its words; each
translation's section must have the same paragraphs, bullets and links as the English one. The English words are
checked in English only.
"""
from __future__ import annotations

import re

import pytest

from built_pdfs import built_pdf, pdf_text, squeeze, tel_links
from built_sections import TRANSLATIONS, Node, article, blocks, differences, lists, page_file, section
from conftest import LANGUAGES, languages
from sitedata_for_tests import contacts

PAGE = "faith-groups/"
SECTION = "refer"
GUIDE = "faith-groups-guide-a4.pdf"
LOCAL_CONTACTS = "help/local-contacts/"


def tel(contact_id: str) -> str:
    return "tel:" + contacts()[contact_id]["phones"][0]["tel"]


def the_route(lang: str, source: str | None = None) -> tuple[list, Node]:
    nodes = section(article(lang, PAGE, source), SECTION)
    assert nodes is not None, f"{lang} /{PAGE}: no heading with id #{SECTION}"
    found = lists(nodes)
    assert found, f"{lang} /{PAGE}#{SECTION}: the Refer section has no list (the route around a leader or the lead)"
    return nodes, found[-1]


def links_to_local_contacts(lang: str, route: Node) -> bool:
    """A link in the route that reaches the local contacts page of the same language (it is built there)."""
    for node in route.iter():
        href = node.attrs.get("href", "") if node.tag == "a" else ""
        if href and not re.match(r"[a-z]+:|#", href):
            target = (page_file(lang, PAGE).parent / href.split("#")[0]).resolve()
            wanted = page_file(lang, LOCAL_CONTACTS).resolve().parent
            if target == wanted and (wanted / "index.html").is_file():
                return True
    return False


def route_problems(lang: str, source: str | None = None) -> list[str]:
    nodes, route = the_route(lang, source)
    where = f"{lang} /{PAGE}#{SECTION}"
    problems = []
    shape = blocks(nodes, lang)
    before = shape[:shape.index("ul")] if "ul" in shape else shape
    if before.count("p") < 2:
        problems.append(f"{where}: the route must follow two paragraphs (tell your lead; if the worry is about "
                        f"a leader or the lead, do not tell them), found {shape}")
    tels = [node.attrs["href"] for node in route.iter() if node.tag == "a" and node.attrs.get("href", "")
            .startswith("tel:")]
    for key in ("emergency", "police_101"):
        if tel(key) not in tels:
            problems.append(f"{where}: the route around a leader or the lead has no {tel(key)} link ({key})")
    if not links_to_local_contacts(lang, route):
        problems.append(f"{where}: the route does not link to the local contacts page (the council's children's "
                        f"services)")
    return problems


@pytest.mark.parametrize("lang", LANGUAGES)
def test_faith_page_gives_a_route_when_the_worry_is_about_a_leader_a_volunteer_or_the_lead(lang):
    assert route_problems(lang) == []


@pytest.mark.parametrize("lang", TRANSLATIONS)
def test_translated_refer_section_has_the_same_route_as_english(lang):
    assert differences(lang, PAGE, SECTION) == []


def test_english_route_says_not_to_tell_the_leader_volunteer_or_lead():
    nodes, route = the_route("en")
    words = " ".join(" ".join(node.text().split()) for node in nodes if isinstance(node, Node) and node.tag == "p")
    for said in ("a leader", "a volunteer", "the safeguarding lead", "do not tell them"):
        assert said in words, f"/{PAGE}#{SECTION}: the paragraph before the route does not say {said!r}"
    assert "council" in " ".join(route.text().split())


# --- the printed guide --------------------------------------------------------------------------------------------

def test_english_guide_prints_the_route_around_a_leader():
    words = squeeze(pdf_text(built_pdf("en", GUIDE)))
    assert squeeze("Is your worry about a leader, a volunteer or the safeguarding lead? Then do not tell them.") \
        in words, f"{GUIDE}: the route around a leader or the lead is not printed"


@pytest.mark.parametrize("lang", TRANSLATIONS)
def test_translated_guide_prints_the_same_numbers_in_the_same_order_as_english(lang):
    """The guide prints the Refer section with its route: the same tel: links, in the same order, as English."""
    english = tel_links(built_pdf("en", GUIDE))
    assert english.count(tel("police_101")) >= 2, f"{GUIDE}: too few 101 links"
    assert tel_links(built_pdf(lang, GUIDE)) == english, \
        f"{languages.home(lang)}print/{GUIDE} prints other numbers, or in another order, than the English guide"

"""Every PDF, in every language, that prints a number whose only source is old prints its caveat beside it.

tests/test_contact_caveats.py checks the pages in every language and the English PDFs; this file checks the PDFs
of every language. A number is "dated" when data/verified-numbers.tsv gives it the status verified-dated (today
Walsall's out-of-hours number); data/contacts.yml gives its `source_dated` month. The caveat's words are the
language's own `ui.contact.source_dated` in data/i18n/<lang>.yml, with the month written as the site writes it
(scripts/render_data.py).

Two checks on each PDF that shows a dated number:
- the year of its source is printed next to the number, each time it is printed (digits are the same in every
  language, so this holds for every script);
- the caveat's words are printed. pdftotext cannot always give back what was printed: it loses letters of Urdu's
  Nastaliq ligatures. So the words are required wherever the PDF's text can be read back, which is tried with
  another interface text the same table prints (the fallback line of a council with no confirmed number). Where
  even that cannot be read, only the first check applies; test_caveat_words_are_read_back_from_most_languages
  keeps that exception from spreading unnoticed.
"""
from __future__ import annotations

import csv
import re
import sys

import pytest
import yaml

from built_pdfs import built_pdf, pdf_text, squeeze, tel_links
from conftest import LANGUAGES, ROOT, SITE, languages
from sitedata_for_tests import contacts, text

sys.path.insert(0, str(ROOT / "scripts"))
import render_data  # noqa: E402  (the month as the site writes it)

PRINTABLES = yaml.safe_load((ROOT / "data" / "printables.yml").read_text(encoding="utf-8"))["printables"]
REGISTER = ROOT / "data" / "verified-numbers.tsv"


def register() -> dict[str, dict]:
    rows = [line for line in REGISTER.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    return {row["digits"]: row for row in csv.DictReader(rows, delimiter="\t")}


def dated_phones() -> list[tuple[str, dict]]:
    dated = {digits for digits, row in register().items() if row["status"] == "verified-dated"}
    return [(cid, phone) for cid, contact in contacts().items() for phone in contact.get("phones", [])
            if phone["tel"] in dated]


def printables_with_dated_numbers() -> list[str]:
    dated = {cid for cid, _ in dated_phones()}
    return [item["id"] for item in PRINTABLES
            if dated & set(item.get("contacts", []))
            or any(contacts()[cid].get("group") in item.get("contact_groups", []) for cid in dated)]


def caveat(phone: dict, lang: str) -> str:
    return text("ui.contact.source_dated", lang).replace("{month}", render_data.month(phone["source_dated"], lang))


def fallback_lines(lang: str) -> list[str]:
    """The fallback line of each council with no confirmed number, as the council table prints it."""
    lines = []
    for contact in contacts().values():
        if contact.get("fallback"):
            line = text("ui.contact.fallback", lang)
            for fid in contact["fallback"]:
                line = line.replace("{" + fid + "}", contacts()[fid]["phones"][0]["display"])
            lines.append(line)
    return lines


def shown(pdf, phone: dict) -> bool:
    return "tel:" + phone["tel"] in tel_links(pdf) or squeeze(phone["display"]) in squeeze(pdf_text(pdf))


def problems(pdf, lang: str) -> tuple[list[str], bool]:
    """What is wrong with the dated numbers this PDF prints, and whether its words could be read back."""
    found, readable = [], True
    readings = [squeeze(pdf_text(pdf)), squeeze(pdf_text(pdf, raw=True))]
    name = pdf.relative_to(SITE)
    for cid, phone in dated_phones():
        if not shown(pdf, phone):
            continue
        number, year, words = squeeze(phone["display"]), str(phone["source_dated"])[:4], squeeze(caveat(phone, lang))
        reach = len(words) + 20
        for reading in readings:
            places = [match.start() for match in re.finditer(re.escape(number), reading)]
            if places and all(year in reading[max(0, at - reach):at + len(number) + reach] for at in places):
                break
        else:
            found.append(f"{name}: {cid} {phone['display']} is printed without the year of its source ({year}) "
                         f"beside it each time")
        if not any(words in reading for reading in readings):
            readable = any(squeeze(line) in reading for line in fallback_lines(lang) for reading in readings)
            if readable:
                found.append(f"{name}: {cid} {phone['display']} is printed without its caveat "
                             f"({caveat(phone, lang)!r}, data/i18n/{lang}.yml ui.contact.source_dated)")
    return found, readable


def all_pdfs(lang: str) -> list:
    folder = SITE / languages.home(lang) / "print"
    pdfs = sorted(folder.glob("*.pdf"))
    if not pdfs:
        built_pdf(lang, "schools-guide-a4.pdf")  # skips when the build made no PDFs at all
    return pdfs


def test_there_is_a_dated_number_and_a_printable_that_shows_it():
    assert ("walsall", "03005552922") in {(cid, phone["tel"]) for cid, phone in dated_phones()}
    for cid, phone in dated_phones():
        assert re.fullmatch(r"(19|20)\d\d-(0[1-9]|1[0-2])", str(phone.get("source_dated", ""))), cid
    assert "schools-guide" in printables_with_dated_numbers()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_printable_that_lists_a_dated_number_shows_it_in_every_language(lang):
    for pid in printables_with_dated_numbers():
        item = next(p for p in PRINTABLES if p["id"] == pid)
        for paper in item["papers"]:
            pdf = built_pdf(lang, f"{pid}-{paper.lower()}.pdf")
            for cid, phone in dated_phones():
                assert shown(pdf, phone), f"{pdf.relative_to(SITE)}: {cid} {phone['display']} is not printed"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_pdf_that_prints_a_dated_number_prints_its_caveat(lang):
    found = []
    for pdf in all_pdfs(lang):
        found += problems(pdf, lang)[0]
    assert found == []


def test_caveat_words_are_read_back_from_most_languages():
    """The words are checked, not only the year, in English and in every language but those whose PDF text
    cannot be read back at all (today Urdu only)."""
    unreadable = []
    for lang in LANGUAGES:
        for pid in printables_with_dated_numbers():
            if not problems(built_pdf(lang, f"{pid}-a4.pdf"), lang)[1]:
                unreadable.append(f"{lang} {pid}")
    assert not any(where.startswith("en ") for where in unreadable), unreadable
    assert len(unreadable) <= 1, f"the caveat's words could not be read back from {unreadable}"

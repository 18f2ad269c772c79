"""A number whose only source is old carries a warning wherever it is shown, and a council with no confirmed
number still gives the reader a route: the police (101) and, in an emergency, 999.

Which numbers need the warning comes from the project's register, data/verified-numbers.tsv ("verified-dated"); data/contacts.yml
marks each of them with `source_dated`, and scripts/render_data.py writes the warning after the number as
<span class="contact-caveat" data-caveat="source-dated">, the same in every language (the words are in
data/i18n/<lang>.yml). The council table gives a council with no confirmed number its `fallback` contacts' numbers
in its own row. The printables reuse the same rendering, so the PDFs carry the warning too.
"""
from __future__ import annotations

import csv
import html as htmlmod
import re
import subprocess
import sys

import pytest
import yaml

from conftest import LANGUAGES, ROOT, SITE, ensure_site, languages
from sitedata_for_tests import contacts, text

sys.path.insert(0, str(ROOT / "scripts"))
import render_data  # noqa: E402
from helpers import sitedata  # noqa: E402

PRINTABLES = yaml.safe_load((ROOT / "data" / "printables.yml").read_text(encoding="utf-8"))["printables"]
CAVEAT = re.compile(r'<span class="contact-caveat" data-caveat="source-dated"[^>]*>(.*?)</span>', re.S)
BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
PHONE_TABLE = ROOT / "data" / "verified-numbers.tsv"  # the project's copy of the facts (compared in test_contact_details.py)


def phone_table() -> dict[str, dict]:
    rows = [line for line in PHONE_TABLE.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    return {row["digits"]: row for row in csv.DictReader(rows, delimiter="\t")}


def visible_text(source: str) -> str:
    source = re.sub(r"<(svg|script|style)\b.*?</\1>", " ", source, flags=re.S | re.I)
    return re.sub(r"<[^>]+>", " ", source)


def dated_phones() -> list[tuple[str, dict]]:
    """(contact id, phone) for every number in the data that the register marks as verified-dated."""
    dated = {digits for digits, row in phone_table().items() if row["status"] == "verified-dated"}
    return [(cid, phone) for cid, contact in contacts().items() for phone in contact.get("phones", [])
            if phone["tel"] in dated]


def built_pages(lang: str):
    """Every built HTML page of one language (English at the root, the others under /<lang>/)."""
    ensure_site()
    others = set(LANGUAGES) - {"en"}
    for page in sorted(SITE.rglob("*.html")):
        first = page.relative_to(SITE).parts[0]
        if first != "assets" and (first == lang if lang != "en" else first not in others):
            yield page


def digits_pattern(display: str) -> re.Pattern:
    """The number as a reader sees it, however it is spaced."""
    return re.compile(r"(?<!\d)" + r"[ \-]?".join(re.sub(r"\D", "", display)) + r"(?!\d)")


def test_every_dated_number_is_marked_with_the_month_of_its_source():
    found = dated_phones()
    assert ("walsall", "03005552922") in {(cid, phone["tel"]) for cid, phone in found}, \
        "Walsall's out-of-hours number is verified-dated in phone-numbers.tsv: it must be in the data"
    for cid, phone in found:
        assert re.fullmatch(r"(19|20)\d\d-(0[1-9]|1[0-2])", str(phone.get("source_dated", ""))), \
            f"{cid}: {phone['display']} is verified-dated; give it source_dated: YYYY-MM in data/contacts.yml"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_dated_number_carries_its_caveat_on_every_page_that_shows_it(lang):
    shown_on = []
    for cid, phone in dated_phones():
        year = str(phone["source_dated"])[:4]
        link = re.compile(rf'<a class="tel" href="tel:{re.escape(phone["tel"])}"[^>]*>.*?</a>', re.S)
        for page in built_pages(lang):
            source = page.read_text(encoding="utf-8")
            shown = len(digits_pattern(phone["display"]).findall(visible_text(source)))
            if not shown:
                continue
            where = f"{page.relative_to(SITE)}: {cid} {phone['display']}"
            shown_on.append(where)
            links = list(link.finditer(source))
            assert len(links) == shown, f"{where} is shown {shown} times but has {len(links)} tel: links"
            for match in links:
                # the caveat follows the number in the same cell, card line, list item or paragraph
                rest = re.split(r"<a\b|</td>|</p>|</li>|</div>", source[match.end():], maxsplit=1)[0]
                caveat = CAVEAT.search(rest)
                assert caveat, f"{where}: no caveat after the number"
                words = htmlmod.unescape(re.sub(r"<[^>]+>", "", caveat.group(1)))
                assert year in words, f"{where}: the caveat does not give the source's date ({words!r})"
    assert any("help/local-contacts" in where for where in shown_on), \
        f"{lang}: the council table on the local contacts page shows no dated number"


def test_the_phone_shortcode_carries_the_caveat_too():
    """A page that writes [[phone walsall out_of_hours]] in a sentence gets the caveat beside it."""
    for lang in LANGUAGES:
        out = render_data.SHORTCODE.sub(lambda m: render_data.render_shortcode(m, lang), "Call [[phone walsall out_of_hours]].")
        assert 'href="tel:03005552922"' in out and 'data-caveat="source-dated"' in out, f"{lang}: {out}"


def pdf_text(pdf) -> str:
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True)
    return BIDI_CONTROLS.sub("", out.stdout)


def squeeze(words: str) -> str:
    return re.sub(r"\s+", "", words)


def printables_with_dated_numbers() -> list[str]:
    dated = {cid for cid, _ in dated_phones()}
    return [item["id"] for item in PRINTABLES
            if dated & set(item.get("contacts", []))
            or any(contacts()[cid].get("group") in item.get("contact_groups", []) for cid in dated)]


def test_the_schools_guide_shows_the_councils_with_the_walsall_number():
    assert "schools-guide" in printables_with_dated_numbers()


@pytest.mark.parametrize("pid", printables_with_dated_numbers())
def test_the_english_pdf_shows_the_dated_number_with_its_caveat(pid):
    item = next(p for p in PRINTABLES if p["id"] == pid)
    pdf = SITE / "print" / f"{pid}-{item['papers'][0].lower()}.pdf"
    assert pdf.is_file(), f"{pdf} was not made (a quick build, QUICK_BUILD=1, makes no PDFs)"
    words = squeeze(pdf_text(pdf))
    for cid, phone in dated_phones():
        caveat = text("ui.contact.source_dated", "en").replace("{month}", render_data.month(phone["source_dated"], "en"))
        assert squeeze(phone["display"]) in words, f"{pdf.name}: {cid} {phone['display']} is missing"
        assert squeeze(caveat) in words, f"{pdf.name}: the caveat for {cid} {phone['display']} is missing"


# --- a council with no confirmed number ------------------------------------------------------------------------

def councils_missing_a_number() -> list[str]:
    missing = []
    for cid, contact in contacts().items():
        if contact.get("group") != "councils":
            continue
        whens = {phone.get("when") for phone in contact.get("phones", [])}
        if not {"office", "out_of_hours"} <= whens:
            missing.append(cid)
    return missing


def test_a_council_with_no_confirmed_number_falls_back_to_the_police_and_999():
    missing = councils_missing_a_number()
    assert "sandwell" in missing
    for cid in missing:
        assert {"police_101", "emergency"} <= set(contacts()[cid].get("fallback", [])), \
            f"{cid}: give it fallback: [police_101, emergency] in data/contacts.yml"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_council_row_with_no_number_links_to_101_and_999(lang):
    page = SITE / languages.home(lang) / "help" / "local-contacts" / "index.html"
    source = page.read_text(encoding="utf-8")
    for cid in councils_missing_a_number():
        web = htmlmod.escape(contacts()[cid]["web"])
        rows = [row for row in re.findall(r"<tr>.*?</tr>", source, re.S) if f'href="{web}"' in row]
        assert len(rows) == 1, f"{page.relative_to(SITE)}: no single table row for {cid}"
        for fid in ("police_101", "emergency"):
            tel = contacts()[fid]["phones"][0]["tel"]
            assert f'href="tel:{tel}"' in rows[0], f"{page.relative_to(SITE)}: the {cid} row has no link to {tel}"
        assert 'class="contact-fallback"' in rows[0]


# --- reporting a mistake -----------------------------------------------------------------------------------------

def test_the_publishers_address_is_shown_in_one_place_and_only_once_set(monkeypatch):
    uses = [p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*.md")
            if "[[report-a-mistake]]" in p.read_text(encoding="utf-8")]
    assert {re.sub(r"\.[a-z]{2}\.md$", ".md", use) for use in uses} <= {"about/index.md"}, uses
    real = sitedata.load("publisher.yml")["report_a_mistake"]
    if not (real.get("email") or real.get("web")):
        about = (SITE / "about" / "index.html").read_text(encoding="utf-8")
        assert 'class="report-a-mistake"' not in about, "no address is set, but the About page shows one"
        assert render_data.report_a_mistake("en") == ""
    original = sitedata.load
    monkeypatch.setattr(sitedata, "load", lambda name: {"report_a_mistake": {"email": "team@example.org", "web": ""}}
                        if name == "publisher.yml" else original(name))
    shown = render_data.report_a_mistake("pl")
    assert 'href="mailto:team@example.org"' in shown and 'class="report-a-mistake"' in shown

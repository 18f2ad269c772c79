"""Phone numbers are facts that can cost a child's safety: each one comes from data/contacts.yml, and only
numbers verified in the project's register (data/verified-numbers.tsv, copied from the shared facts) ever appear;
those that must never appear are listed by fingerprint in data/never-publish.tsv."""
import csv
import datetime
import pathlib
import re
import subprocess

import pytest

from conftest import ROOT, SITE, page_paths
from sitedata_for_tests import contacts

import validate_content  # noqa: E402  (scripts/ is on the path: conftest)

SHARED = ROOT.parent / "shared"  # the facts the register was copied from; compared only when it is there
PHONE_TABLE = ROOT / "data" / "verified-numbers.tsv"
UK_NUMBER = re.compile(r"(?<![\d+])(?:\+44\s?|0)\d(?:[ \-]?\d){6,10}(?!\d)")
TEL_LINK = re.compile(r'href="tel:([^"]*)"')


def phone_table(path: pathlib.Path = PHONE_TABLE) -> dict[str, dict]:
    rows = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    return {row["digits"]: row for row in csv.DictReader(rows, delimiter="\t")}


def never_publish() -> dict[str, dict]:
    """The numbers that must never be shown, by fingerprint (data/never-publish.tsv holds no digits)."""
    return validate_content.never_publish()


def test_every_number_in_the_register_has_a_source_and_a_checked_month():
    for digits, row in phone_table().items():
        assert row["status"] in ("verified", "verified-dated"), f"{row['display']}: {row['status']} belongs in never-publish.tsv"
        assert row["source"].strip(), f"{row['display']}: no source"
        assert re.fullmatch(r"20\d\d-(0[1-9]|1[0-2])", row["checked"]), f"{row['display']}: checked {row['checked']!r}"
        assert re.sub(r"\D", "", row["display"]) == digits, f"{row['display']}: display and digits differ"
    for name, row in never_publish().items():
        assert row["status"] in ("do-not-publish", "wrong", "obsolete"), f"{row['who']}: status {row['status']!r}"
        assert row["source"].strip() and re.fullmatch(r"20\d\d-(0[1-9]|1[0-2])", row["checked"]), row["who"]


def test_the_never_publish_list_shows_no_number_but_the_right_ones():
    """It names its numbers by fingerprint; a number written in it (a note's "Correct: …") must be a verified one."""
    text = (ROOT / "data" / "never-publish.tsv").read_text(encoding="utf-8")
    written = [re.sub(r"\D", "", n) for n in UK_NUMBER.findall(text)]
    assert written and all(n in phone_table() for n in written), f"not verified: {written}"
    assert banned_in(text) == [], "never-publish.tsv must name its numbers by fingerprint, not by their digits"


@pytest.mark.skipif(not (SHARED / "facts" / "phone-numbers.tsv").exists(), reason="no ../shared beside the project")
def test_the_register_says_what_the_shared_facts_say():
    shared = phone_table(SHARED / "facts" / "phone-numbers.tsv")
    publish = {d: r["status"] for d, r in shared.items() if r["status"] in ("verified", "verified-dated")}
    never = {validate_content.fingerprint(d): r["status"] for d, r in shared.items() if d not in publish}
    assert {d: r["status"] for d, r in phone_table().items()} == publish, \
        "data/verified-numbers.tsv and ../shared/facts/phone-numbers.tsv disagree: copy the change into the register"
    assert {f: r["status"] for f, r in never_publish().items()} == never, \
        "data/never-publish.tsv and ../shared/facts/phone-numbers.tsv disagree: add the number's fingerprint"


def data_numbers() -> set[str]:
    return {phone["tel"] for contact in contacts().values() for phone in contact.get("phones", [])}


def visible_text(html: str) -> str:
    html = re.sub(r"<(svg|script|style)\b.*?</\1>", " ", html, flags=re.S | re.I)
    return re.sub(r"<[^>]+>", " ", html)


def test_every_number_in_the_data_is_verified_in_the_register():
    table = phone_table()
    for cid, contact in contacts().items():
        for phone in contact.get("phones", []):
            row = table.get(phone["tel"])
            assert row, f"{cid}: {phone['display']} is not in phone-numbers.tsv"
            assert row["status"] in ("verified", "verified-dated"), f"{cid}: {phone['display']} is {row['status']}"
            assert re.sub(r"\D", "", phone["display"]) == phone["tel"], f"{cid}: display and tel digits differ"


def test_every_contact_has_a_source_a_web_page_and_a_last_checked_month():
    for cid, contact in contacts().items():
        assert contact.get("sources"), f"{cid} has no source"
        assert str(contact.get("web", "")).startswith(("https://", "http://")), f"{cid} has no web page"
        assert re.fullmatch(r"20\d\d-(0[1-9]|1[0-2])", str(contact.get("last_checked"))), f"{cid}: last_checked"


@pytest.mark.parametrize("path", page_paths())
def test_every_tel_link_and_number_shown_comes_from_the_data(path):
    html = (SITE / (path.lstrip("/") + ("index.html" if path.endswith("/") else ""))).read_text(encoding="utf-8")
    known = data_numbers()
    assert set(TEL_LINK.findall(html)) <= known, f"{path}: tel: links not in data/contacts.yml"
    shown = {re.sub(r"\D", "", match) for match in UK_NUMBER.findall(visible_text(html))}
    assert shown <= known, f"{path}: numbers shown that are not in data/contacts.yml: {shown - known}"


def test_no_number_is_typed_into_markdown():
    typed = []
    for page in (ROOT / "docs").rglob("*.md"):
        for match in UK_NUMBER.finditer(page.read_text(encoding="utf-8")):
            typed.append(f"{page.relative_to(ROOT)}: {match.group(0)}")
        for short in re.finditer(r"(?<![\w\[])(999|101|18000|0800\d*)(?![\w\]])", page.read_text(encoding="utf-8")):
            typed.append(f"{page.relative_to(ROOT)}: {short.group(0)}")
    assert typed == [], "write [[phone …]] instead of typing a number"


def banned_in(text: str) -> list[str]:
    """Numbers in `text` (spaces and dashes ignored) that data/never-publish.tsv lists."""
    runs = re.findall(r"\d+", re.sub(r"(?<=\d)[ \-](?=\d)", "", text))
    return [f"{never_publish()[validate_content.fingerprint(run)]['who']} ({run[:3]}…)" for run in runs
            if validate_content.fingerprint(run) in never_publish()]


def test_no_unverified_wrong_or_obsolete_number_appears_anywhere():
    found = []
    for folder in ("docs", "data", "overrides", "includes", "scripts"):
        for file in (ROOT / folder).rglob("*"):
            if file.suffix in (".md", ".yml", ".html", ".py", ".js", ".css", ".txt", ".tsv"):
                found += [f"{file.relative_to(ROOT)}: {who}" for who in banned_in(file.read_text(encoding="utf-8", errors="ignore"))]
    for file in SITE.rglob("*.html"):
        found += [f"{file.relative_to(SITE)}: {who}" for who in banned_in(visible_text(file.read_text(encoding="utf-8")))]
    assert found == []


@pytest.mark.skipif(not (SHARED / "tools" / "check-phone-numbers").exists(), reason="no ../shared beside the project")
def test_the_shared_phone_number_guard_passes_on_the_built_site():
    # Every data file, the registers included (the never-publish list names its numbers by fingerprint only).
    data = [str(p) for p in (ROOT / "data").rglob("*") if p.is_file()]
    result = subprocess.run([str(SHARED / "tools" / "check-phone-numbers"), str(SITE), str(ROOT / "docs"), *data],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout


@pytest.mark.parametrize("path", page_paths())
def test_core_numbers_come_first_in_the_same_place_on_every_page(path):
    """WCAG 3.2.6 Consistent Help: the "Get help now" box opens the content, 999 first."""
    html = (SITE / (path.lstrip("/") + ("index.html" if path.endswith("/") else ""))).read_text(encoding="utf-8")
    article = html[html.index('<article class="md-content__inner md-typeset">'):]
    assert re.match(r'<article[^>]*>\s*<aside class="help-now"', article), f"{path}: help box is not first"
    emergency = contacts()["emergency"]["phones"][0]["tel"]
    assert TEL_LINK.search(article).group(1) == emergency

"""The printable PDFs: made for every language from the site's own pages and data, checked as a printer would.

Each PDF (data/printables.yml × paper × language) must exist at site/<lang>/print/, have the paper size and page
count the data promises, embed every font it uses, show the printable's main numbers and no number that is not in
data/contacts.yml, and carry QR codes that open the right page in the same language. Urdu must come out of the
PDF as Urdu text. The "Printable resources" page lists every PDF with its size, and printing any web page uses the
print stylesheet.
"""
from __future__ import annotations

import functools
import html as htmlmod
import pathlib
import re
import shutil
import subprocess
import sys

import pytest
import yaml
from pypdf import PdfReader

from conftest import LANGUAGES, ROOT, SITE, languages
from sitedata_for_tests import contacts, text

sys.path.insert(0, str(ROOT / "scripts"))
from helpers import printables_pdf  # noqa: E402

PRINTABLES = yaml.safe_load((ROOT / "data" / "printables.yml").read_text(encoding="utf-8"))["printables"]
SITE_URL = yaml.safe_load(re.search(r"^site_url:.*$", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M).group(0))["site_url"]
PAPER_POINTS = {"A4": (595, 842), "A3": (842, 1191)}
UK_NUMBER = re.compile(r"(?<![\d+])(?:\+44\s?|0)\d(?:[ \-]?\d){6,10}(?!\d)")  # as tests/test_contact_details.py
BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
ARABIC_LETTER = re.compile("[\u0600-\u06ff]")
CASES = [(p["id"], paper, lang) for p in PRINTABLES for paper in p["papers"] for lang in LANGUAGES]
IDS = [f"{lang}-{pid}-{paper}" for pid, paper, lang in CASES]


def printable(pid: str) -> dict:
    return next(p for p in PRINTABLES if p["id"] == pid)


def pdf_file(pid: str, paper: str, lang: str) -> pathlib.Path:
    return SITE / languages.home(lang) / "print" / f"{pid}-{paper.lower()}.pdf"


def web_url(key: str, lang: str) -> str:
    path = key[: -len(".md")]
    path = path[: -len("index")] if path == "index" or path.endswith("/index") else path + "/"
    return SITE_URL.rstrip("/") + "/" + languages.home(lang) + path


@functools.cache
def pdf_text(pdf: pathlib.Path) -> str:
    """The PDF's text as poppler extracts it, without the bidi marks it adds around right-to-left runs."""
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True)
    return BIDI_CONTROLS.sub("", out.stdout)


def squeeze(words: str) -> str:
    return re.sub(r"\s+", "", BIDI_CONTROLS.sub("", words))


@pytest.mark.parametrize("pid,paper,lang", CASES, ids=IDS)
def test_pdf_exists_with_its_paper_size_and_page_count(pid, paper, lang):
    pdf = pdf_file(pid, paper, lang)
    assert pdf.is_file(), f"{pdf} was not made"
    reader = PdfReader(pdf)
    assert len(reader.pages) == printable(pid)["pages"], f"{pdf}: {len(reader.pages)} pages"
    want_width, want_height = PAPER_POINTS[paper]
    for number, page in enumerate(reader.pages, 1):
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert abs(width - want_width) <= 2 and abs(height - want_height) <= 2, \
            f"{pdf} page {number} is {width:.0f}×{height:.0f} pt, not {paper} ({want_width}×{want_height})"


def fonts_of(reader: PdfReader):
    """(name, font dictionary with a FontDescriptor) for every font on every page, descendants included."""
    for page in reader.pages:
        resources = page.get("/Resources") or {}
        fonts = resources.get_object().get("/Font") or {}
        for name, ref in fonts.get_object().items():
            font = ref.get_object()
            for member in [font, *[d.get_object() for d in font.get("/DescendantFonts", [])]]:
                if member.get("/Subtype") in ("/Type0",):
                    continue
                yield str(member.get("/BaseFont", name)), member


@pytest.mark.parametrize("pid,paper,lang", CASES, ids=IDS)
def test_pdf_embeds_every_font_it_uses(pid, paper, lang):
    reader = PdfReader(pdf_file(pid, paper, lang))
    problems, seen = [], 0
    for name, font in fonts_of(reader):
        seen += 1
        if font.get("/Subtype") == "/Type3":
            problems.append(f"{name}: a Type 3 font (drawn glyphs, no font file)")
            continue
        descriptor = (font.get("/FontDescriptor") or {}).get_object() if font.get("/FontDescriptor") else {}
        if not any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")):
            problems.append(f"{name}: not embedded")
    assert seen, "no fonts found: the PDF has no text?"
    assert not problems, problems


@pytest.mark.parametrize("pid,paper,lang", [case for case in CASES if case[2] == "ur"],
                         ids=[i for i, case in zip(IDS, CASES) if case[2] == "ur"])
def test_urdu_pdf_is_printed_in_nastaliq(pid, paper, lang):
    """Urdu readers read Nastaliq; the printables embed Noto Nastaliq Urdu, not the web pages' Naskh fallback."""
    names = {name.split("+")[-1] for name, _ in fonts_of(PdfReader(pdf_file(pid, paper, lang)))}
    assert any("Nastaliq" in name for name in names), f"{pid} ({paper}, ur) fonts: {sorted(names)}"
    assert not any("Naskh" in name for name in names), f"{pid} ({paper}, ur) still uses Naskh: {sorted(names)}"


@pytest.mark.parametrize("pid,paper,lang", CASES, ids=IDS)
def test_pdf_shows_its_numbers_and_no_number_that_is_not_in_the_data(pid, paper, lang):
    words = pdf_text(pdf_file(pid, paper, lang))
    known = {phone["tel"] for contact in contacts().values() for phone in contact.get("phones", [])}
    shown = {re.sub(r"\D", "", match) for match in UK_NUMBER.findall(words)}
    assert shown <= known, f"numbers not in data/contacts.yml: {shown - known}"
    for cid in printable(pid).get("contacts", []):
        for phone in contacts()[cid].get("phones", []):
            assert re.search(rf"(?<!\d){re.escape(phone['display'])}(?!\d)", words), \
                f"{cid}: {phone['display']} is missing"
    if lang == "ur":  # poppler splits some Urdu letters apart: look for the year of the check
        oldest = min(str(contact["last_checked"]) for contact in contacts().values())
        assert oldest[:4] in words, "the 'contacts last checked' date is missing"
    else:
        label = text("print.last_checked", lang)
        assert squeeze(label) in squeeze(words), "the 'contacts last checked' line is missing"


@pytest.mark.parametrize("pid,paper,lang", CASES, ids=IDS)
def test_every_qr_code_opens_the_right_page_in_the_same_language(pid, paper, lang, tmp_path):
    item = printable(pid)
    expected = {web_url(card["page"], lang) for card in item["cards"]} if "cards" in item else {web_url(item["link"], lang)}
    last = str(item["pages"])  # the QR codes are on the last page (the backs of the cards)
    subprocess.run(["pdftoppm", "-r", "150", "-gray", "-f", last, "-l", last, str(pdf_file(pid, paper, lang)),
                    str(tmp_path / "page")], check=True)
    result = subprocess.run(["zbarimg", "-q", "--raw", *sorted(map(str, tmp_path.glob("page*.pgm")))],
                            capture_output=True, text=True)
    found = set(result.stdout.split())
    assert found == expected, f"QR codes decode to {found}, expected {expected}"


def test_urdu_pdfs_extract_as_urdu_text():
    """The Urdu leaflet's text comes out as Urdu letters, and its first page's title is the Urdu page's title."""
    words = pdf_text(pdf_file("public-leaflet", "A4", "ur"))
    assert len(ARABIC_LETTER.findall(words)) > 500, "too little Urdu text in the Urdu leaflet"
    page = (SITE / "ur" / "signs" / "index.html").read_text(encoding="utf-8")
    title = re.search(r"<h1[^>]*>(.*?)</h1>", page, re.S).group(1)
    title = htmlmod.unescape(re.sub(r"<[^>]+>", "", title))
    assert ARABIC_LETTER.search(title), "docs/signs/index.ur.md is not in Urdu any more: pick another page"
    assert squeeze(title) in squeeze(words), f"the Urdu title {title!r} is not in the PDF's text"


def heading_text(key: str, lang: str, heading_id: str) -> str | None:
    page = SITE / web_url(key, lang)[len(SITE_URL.rstrip("/")) + 1:] / "index.html"
    match = re.search(rf'<h[1-6] id="{re.escape(heading_id)}"[^>]*>(.*?)</h[1-6]>', page.read_text(encoding="utf-8"), re.S)
    return htmlmod.unescape(re.sub(r"<[^>]+>", "", match.group(1))).strip() if match else None


@pytest.mark.parametrize("pid", [p["id"] for p in PRINTABLES])
def test_english_pdf_takes_its_sections_from_the_pages(pid):
    """Each section named in data/printables.yml shows its heading as the built page has it: no second copy."""
    item = printable(pid)
    words = squeeze(pdf_text(pdf_file(pid, item["papers"][0], "en")))
    wanted = [(part["page"], part["part"]) for sheet in item.get("sheets", []) for part in sheet["parts"]
              if part["part"] not in ("lead", "title") and part.get("heading", True) and not part.get("only")]
    wanted += [(card["page"], part) for card in item.get("cards", []) for part in card["front"] + card["back"]]
    assert wanted or pid == "parents-leaflet"
    for key, heading_id in wanted:
        heading = heading_text(key, "en", heading_id)
        assert heading, f"{key} has no heading #{heading_id}"
        assert squeeze(heading) in words, f"'{heading}' ({key}#{heading_id}) is not in the PDF"


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang not in ("en", "ur")])
def test_a_printable_with_english_parts_says_it_is_not_yet_translated(lang):
    """Where a page a printable needs has no translation, its English words are used and the PDF says so."""
    label = squeeze(text("ui.fallback.title", lang))
    for item in PRINTABLES:
        pages = {item["link"]} | {card["page"] for card in item.get("cards", [])}
        pages |= {part["page"] for sheet in item.get("sheets", []) for part in [sheet["title"], *sheet["parts"]]}
        untranslated = [key for key in pages if not (ROOT / "docs" / key.replace(".md", f".{lang}.md")).exists()]
        if untranslated:
            words = squeeze(pdf_text(pdf_file(item["id"], item["papers"][0], lang)))
            assert label in words, f"{lang} {item['id']}: uses English for {untranslated} but does not say so"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_printables_page_lists_every_pdf_with_its_size(lang):
    page_file = SITE / languages.home(lang) / "about" / "printables" / "index.html"
    page = page_file.read_text(encoding="utf-8")
    for item in PRINTABLES:
        for paper in item["papers"]:
            pdf = pdf_file(item["id"], paper, lang)
            row = re.search(rf'<tr><th scope="row"><a href="([^"]+{re.escape(pdf.name)})">.*?</tr>', page, re.S)
            assert row, f"{pdf.name} is not listed"
            assert (page_file.parent / row.group(1)).resolve() == pdf.resolve(), f"{row.group(1)} is not {pdf}"
            size = re.search(r'class="download-size"[^>]*>([^<]*)<', row.group(0)).group(1)
            assert re.search(r"\d.*(kB|MB)$", size), f"{pdf.name}: no file size shown ({size!r})"
    assert "spot-it-say-it-offline.zip" in page, "the offline copy is not linked"


def test_print_pages_are_not_published():
    """The HTML the PDFs are printed from has inline scripts and styles: it must never reach site/."""
    assert not [p for p in SITE.rglob("print/*") if p.suffix != ".pdf"]
    assert not list(SITE.rglob("og-image.html")) and not list((SITE / "print").glob("*.html"))


def test_a_cached_pdf_is_reused_without_starting_chromium(tmp_path, monkeypatch):
    monkeypatch.setattr(printables_pdf, "CACHE", tmp_path / "cache")
    job = printables_pdf.Job(html="<p>cached</p>", target=tmp_path / "out" / "x.pdf", name="x.pdf")
    (tmp_path / "cache").mkdir()
    shutil.copyfile(pdf_file("poster", "A4", "en"), job.cached)
    monkeypatch.setattr(printables_pdf, "CHROMIUM", str(tmp_path / "no-chromium-here"))
    assert printables_pdf.print_all([job]) == {"printed": 0, "cached": 1}
    assert job.target.read_bytes() == job.cached.read_bytes()
    changed = printables_pdf.Job(html="<p>changed</p>", target=job.target, name="x.pdf")
    with pytest.raises(printables_pdf.PrintError, match="chromium"):
        printables_pdf.print_all([changed])  # new HTML, new key: it must print, and cannot here


# --- printing any page of the site --------------------------------------------------------------------------

def test_printing_a_page_hides_the_menus_shows_link_targets_and_keeps_lists_whole(page, base_url):
    page.goto(base_url + "/parents/", wait_until="load")
    page.emulate_media(media="print")
    hidden = page.evaluate("""() => ['.md-header', '.md-sidebar--primary', '.md-footer', '.md-search',
        '.quick-exit', '.skip-links'].map(s => [s, document.querySelector(s) &&
        getComputedStyle(document.querySelector(s)).display])""")
    for selector, display in hidden:
        assert display in (None, "none"), f"{selector} prints (display: {display})"
    external = page.evaluate("""() => { const a = document.querySelector('.md-typeset a[href^="http"]');
        return [a.getAttribute('href'), getComputedStyle(a, '::after').content]; }""")
    assert external[0] in external[1], f"link target not printed after the link: {external}"
    sizes = page.evaluate("""() => [parseFloat(getComputedStyle(document.querySelector('article a.tel')).fontSize),
        parseFloat(getComputedStyle(document.querySelector('article p')).fontSize)]""")
    assert sizes[0] > sizes[1] * 1.2, f"phone numbers are not large in print: {sizes}"
    breaks = page.evaluate("""() => ['ul', '.contact-card', 'h2'].map(s =>
        [s, getComputedStyle(document.querySelector('article ' + s)).breakInside,
         getComputedStyle(document.querySelector('article ' + s)).breakAfter])""")
    for selector, inside, after in breaks:
        if selector == "h2":
            assert after == "avoid", f"headings may be parted from their text ({after})"
        else:
            assert inside == "avoid", f"{selector} may be split across pages ({inside})"


def test_a_part_missing_from_a_translation_is_taken_from_english_and_marked():
    """The mechanism behind the "not yet translated" mark, on two made-up pages (whatever is translated today)."""
    from helpers import printables_render as render

    english = '<h1 id="t">Title</h1>\n<p>Lead.</p>\n<h2 id="part">Part</h2>\n<ul>\n<li>One</li>\n</ul>\n<h2 id="next">Next</h2>'
    polish = '<h1 id="t">Tytuł</h1>\n<p>Wstęp.</p>\n<h2 id="next">Dalej</h2>'
    pages = render.Pages()
    pages.add(render.Page("a.md", "en", "Title", english, False, SITE_URL + "a/"))
    pages.add(render.Page("a.md", "pl", "Tytuł", polish, False, SITE_URL + "pl/a/"))
    item = {"id": "x", "label": "poster", "layout": "document", "papers": ["A4"], "pages": 1, "link": "a.md",
            "sheets": [{"title": {"page": "a.md", "part": "title"}, "parts": [{"page": "a.md", "part": "part"}]}],
            "contacts": ["emergency"]}
    html, fallback = render.render(pages, item, "pl", "A4")
    assert fallback and '<div class="part" lang="en" dir="ltr"><h2>Part</h2>' in html
    assert text("ui.fallback.title", "pl") in html and "<h1>Tytuł</h1>" in html
    pages.add(render.Page("a.md", "pl", "Tytuł", polish.replace('<h2 id="next">', '<h2 id="part">Część</h2>\n<ul>\n<li>Jeden</li>\n</ul>\n<h2 id="next">'), False, SITE_URL + "pl/a/"))
    html, fallback = render.render(pages, item, "pl", "A4")
    assert not fallback and "Część" in html and text("ui.fallback.title", "pl") not in html
    with pytest.raises(render.PrintableError):
        render.render(pages, dict(item, sheets=[{"title": item["sheets"][0]["title"], "parts": [{"page": "a.md", "part": "nowhere"}]}]), "pl", "A4")

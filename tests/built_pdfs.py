"""Read the built PDFs (posters, cards, guides) of every language, as the advice tests compare them with English.

Not a test file. Two readings: the words (pdftotext; right-to-left controls taken out, spaces squeezed away when
compared), and the tel: links in the order they are printed (the PDF's link annotations, which Chromium keeps from
the page's <a href="tel:…">). The links do not depend on the language: a translated card or guide that dropped a
line that gives a number, or a whole part, prints a different list of tel: links from the English one.
"""
from __future__ import annotations

import functools
import re
import subprocess
import unicodedata

import pytest

from conftest import SITE, languages

BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def pdf_file(lang: str, name: str, site=None):
    return (site or SITE) / languages.home(lang) / "print" / name


def built_pdf(lang: str, name: str, site=None):
    """The PDF, or a skip when the build made none (QUICK_BUILD=1; tests/test_printables.py fails that build)."""
    pdf = pdf_file(lang, name, site)
    if not pdf.is_file():
        if not pdf_file("en", name, site).is_file():
            pytest.skip(f"{pdf} was not built (QUICK_BUILD=1?)")
        pytest.fail(f"{pdf} is missing, though the English one was made")
    return pdf


def pdf_text(pdf, raw: bool = False) -> str:
    """The words. raw=True reads them in the order they were drawn, which keeps a table cell's lines together."""
    return _pdf_text(str(pdf), pdf.stat().st_mtime_ns, raw)


@functools.lru_cache(maxsize=256)
def _pdf_text(path: str, _mtime: int, raw: bool) -> str:
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", *(["-raw"] if raw else []), path, "-"],
                         capture_output=True, text=True, check=True)
    return BIDI_CONTROLS.sub("", out.stdout)


def squeeze(words: str) -> str:
    """Words without spaces or line breaks (and in one Unicode form), so a line break in the PDF does not matter."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", BIDI_CONTROLS.sub("", words)))


def tel_links(pdf) -> list[str]:
    """Every tel: link printed, page by page in the order drawn: ["tel:999", "tel:101", …]."""
    return list(_tel_links(str(pdf), pdf.stat().st_mtime_ns))


@functools.lru_cache(maxsize=256)
def _tel_links(path: str, _mtime: int) -> tuple[str, ...]:
    from pypdf import PdfReader

    links = []
    for page in PdfReader(path).pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A")
            if action is not None and str(action.get("/URI", "")).startswith("tel:"):
                links.append(str(action["/URI"]))
    return tuple(links)

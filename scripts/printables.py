"""Print-ready PDFs of posters, pocket cards, leaflets and guides, in every language, from the site's own pages.

data/printables.yml says which parts of which pages each printable takes; scripts/helpers/printables_render.py lays them
out (overrides/print/); scripts/helpers/printables_pdf.py prints them with Chromium, reusing .cache/print/ when the HTML
has not changed. As a hook this module:
  - renders [[printables]] (the table of PDFs with paper, pages, file size) and [[offline-copy]] (the zip link),
    before render_data.py renders its own shortcodes (it comes before it in mkdocs.yml);
  - keeps each page's rendered HTML, per language (on_page_content);
and as a step of scripts/finish.py (make_pdfs), after the last language: writes site/<lang>/print/<id>-<paper>.pdf (English in site/print/), a preview of
    each print page in build/print/, and fills the file sizes and "not yet translated" marks into the table.
`mkdocs serve` and a quick build (QUICK_BUILD=1) skip the printing (the table then shows no sizes). A build whose pages lack a printable's
sources (a test fixture) skips that printable.
"""
from __future__ import annotations

import html
import logging
import pathlib
import posixpath
import re
import time

from babel.numbers import format_decimal
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from helpers import languages
from helpers import printables_pdf
from helpers import printables_render
from helpers import sitedata

log = logging.getLogger("mkdocs.hooks.printables")
SIZE_MARK = re.compile(r'(?P<open><span class="download-size" data-file="(?P<file>[^"]+)">)(?P<size>[^<]*)(?P<close></span>)')
STATUS_MARK = re.compile(r'(?P<open><span class="printable-status" data-printable="(?P<id>[^"]+)">)[^<]*(?P<close></span>)')

_pages = printables_render.Pages()
_tables: dict[str, pathlib.Path] = {}  # language -> the built page that holds [[printables]]


def printables() -> list[dict]:
    return sitedata.load("printables.yml")["printables"]


def pdf_path(printable: dict, paper: str, lang: str) -> str:
    """Where a PDF sits in site/: print/poster-a4.pdf, pl/print/poster-a4.pdf …"""
    return f"{languages.home(lang)}print/{printables_render.file_name(printable, paper)}"


def relative(target: str, page_url: str) -> str:
    """A link from the page at page_url (directory or .html URL) to a file at `target` under the site root."""
    base = page_url.rstrip("/") if page_url.endswith("/") or not page_url else posixpath.dirname(page_url)
    return posixpath.relpath(target, base or ".")


def file_size(size: int, lang: str) -> str:
    if size >= 1_000_000:
        return f"{format_decimal(round(size / 1_000_000, 1), locale=lang)} MB"
    return f"{format_decimal(max(1, round(size / 1000)), locale=lang)} kB"


# --- shortcodes -----------------------------------------------------------------------------------------------

def printables_table(lang: str, page_url: str) -> str:
    """[[printables]] (overrides/partials/printables-table.html)."""
    text = lambda key: sitedata.text(key, lang)  # noqa: E731
    rows = []
    for printable in printables():
        for paper in printable["papers"]:
            path = pdf_path(printable, paper, lang)
            paper_label = text("print.papers.A6_on_A4") + ". " + text("print.cards_note") \
                if printable["layout"] == "cards" else text(f"print.papers.{paper}")
            rows.append({"href": relative(path, page_url), "label": text("print.kinds." + printable["label"]),
                         "id": printable["id"], "paper": paper_label, "pages": printable["pages"], "file": path})
    labels = [text("print.table." + col) for col in ("printable", "paper", "pages", "size")]
    return "\n" + sitedata.render("partials/printables-table.html", labels=labels, rows=rows) + "\n"


def offline_copy(lang: str, page_url: str, offline: bool) -> str:
    """[[offline-copy]] (overrides/partials/offline-copy.html)."""
    target = sitedata.load("printables.yml")["offline_copy"]
    texts = {key: sitedata.text(f"print.offline.{key}", lang) for key in ("this_copy", "download", "how")}
    return "\n" + sitedata.render("partials/offline-copy.html", offline=offline, texts=texts, file=target,
                                   href=relative(target, page_url)) + "\n"


def on_page_markdown(markdown, page, config, files):
    if "[[printables]]" not in markdown and "[[offline-copy]]" not in markdown:
        return markdown
    lang = sitedata.language(config)
    _tables[lang] = pathlib.Path(config.site_dir) / page.file.dest_uri
    markdown = markdown.replace("[[printables]]", printables_table(lang, page.url))
    return markdown.replace("[[offline-copy]]", offline_copy(lang, page.url, sitedata.is_offline_build(config)))


# --- capture ----------------------------------------------------------------------------------------------

@event_priority(-100)  # after every other change to the page's HTML
def on_page_content(content, page, config, files):
    lang = sitedata.language(config)
    key = languages.source_key(page.file.src_uri)
    fallback = lang != sitedata.DEFAULT_LANGUAGE and not page.file.src_uri.endswith(f".{lang}.md")
    site_url = config.site_url or "https://example.invalid/"
    _pages.add(printables_render.Page(key=key, lang=lang, title=page.title or "", content=content,
                                      fallback=fallback, web_url=site_url.rstrip("/") + "/" + languages.web_path(key, lang)))
    return content


# --- after the last language --------------------------------------------------------------------------------

def make_jobs(site: pathlib.Path, preview: pathlib.Path, langs: list[str]):
    jobs, fallbacks = [], {}
    for printable in printables():
        missing = [key for key in printables_render.needed_pages(printable)
                   if _pages.get(sitedata.DEFAULT_LANGUAGE, key) is None]
        if missing:
            log.info("printables: skipping %s, this build has no %s", printable["id"], ", ".join(sorted(missing)))
            continue
        for lang in langs:
            for paper in printable["papers"]:
                path = pdf_path(printable, paper, lang)
                try:
                    page_html, fallback = printables_render.render(_pages, printable, lang, paper)
                except printables_render.PrintableError as error:
                    raise PluginError(f"data/printables.yml: {error}") from error
                fallbacks[(lang, printable["id"])] = fallback
                (preview / path).with_suffix(".html").parent.mkdir(parents=True, exist_ok=True)
                (preview / path).with_suffix(".html").write_text(page_html, encoding="utf-8")
                jobs.append(printables_pdf.Job(html=page_html, target=site / path, name=path))
    return jobs, fallbacks


def count_pages(pdf: pathlib.Path) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf.read_bytes()))


def check_page_counts(site: pathlib.Path, langs: list[str]) -> None:
    wrong = []
    for printable in printables():
        for lang in langs:
            for paper in printable["papers"]:
                pdf = site / pdf_path(printable, paper, lang)
                if pdf.exists() and count_pages(pdf) != printable["pages"]:
                    wrong.append(f"{pdf.relative_to(site)}: {count_pages(pdf)} pages, data/printables.yml says {printable['pages']}")
    if wrong:
        raise PluginError("Printables with the wrong number of pages:\n  " + "\n  ".join(wrong))


def fill_tables(site: pathlib.Path, langs: list[str], fallbacks: dict | None = None,
                pages: dict | None = None) -> None:
    """File sizes (of the files that exist) and, given `fallbacks`, "not yet translated" marks into the tables.
    `pages`: {language: built page}; by default every page with a size to fill (scripts/steps/offline_copy.py calls
    this once the zip exists)."""
    if pages is None:
        found = [page for page in site.rglob("*.html") if 'class="download-size"' in page.read_text(encoding="utf-8")]
        chosen = [(page, page.relative_to(site).parts[0]) for page in found]
        chosen = [(page, first if first in langs else sitedata.DEFAULT_LANGUAGE) for page, first in chosen]
    else:
        chosen = [(page, lang) for lang, page in pages.items()]
    for page, lang in chosen:
        if not page.exists():
            continue
        text = page.read_text(encoding="utf-8")

        def size(match):
            file = site / match.group("file")
            shown = file_size(file.stat().st_size, lang) if file.exists() else match.group("size")
            return match.group("open") + shown + match.group("close")

        def status(match):
            translated = not fallbacks.get((lang, match.group("id")))
            shown = "" if translated else html.escape(sitedata.text("ui.fallback.title", lang))
            return match.group("open") + shown + match.group("close")

        new = SIZE_MARK.sub(size, text)
        if fallbacks is not None:
            new = STATUS_MARK.sub(status, new)
        if new != text:
            page.write_text(new, encoding="utf-8")


def make_pdfs(build: sitedata.Build) -> None:
    """Early among the finishing steps: it writes the PDFs' sizes into the pages, which later steps copy and
    compress (redirect pages, .gz/.br), and the offline copy holds the PDFs it prints (through .cache/print)."""
    site, langs = build.site, build.languages
    started = time.monotonic()
    jobs, fallbacks = make_jobs(site, site.parent / "build" / "print", langs)
    if not jobs:
        return
    if build.serve or build.quick:
        # QUICK_BUILD=1: scripts/commands/bench.py times the build "without PDFs", as its budget is defined
        log.info("printables: not printed under mkdocs serve or with QUICK_BUILD (run mkdocs build)")
    else:
        try:
            counts = printables_pdf.print_all(jobs)
        except printables_pdf.PrintError as error:
            raise PluginError(str(error)) from error
        check_page_counts(site, langs)
        log.info("printables: %d PDFs (%d printed, %d from .cache/print) in %.1f s", len(jobs), counts["printed"],
                 counts["cached"], time.monotonic() - started)
    fill_tables(site, langs, fallbacks, _tables)

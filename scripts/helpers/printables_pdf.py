"""Print HTML pages to PDF with Debian's Chromium, caching each PDF by a hash of its HTML.

One browser, several tabs at once (PRINT_TABS), Chromium's own print-to-PDF (Playwright's page.pdf). Each page
must set <body data-fitted="1"> when its layout is final (overrides/print/base.html does); a page that reports
content that does not fit (<body data-overflow="…">) fails, naming the box.

The cache (.cache/print/<sha256>.pdf, git-ignored) is keyed on the full HTML (which embeds every style, the Urdu
font and the QR codes) and on CACHE_VERSION; Chromium only starts when at least one PDF is missing. PDFs no build
has used for 14 days are dropped.
"""
from __future__ import annotations

import asyncio
import hashlib
import os
import pathlib
import shutil
import tempfile
import time
from dataclasses import dataclass

from helpers import chromium
from helpers import sitedata

CHROMIUM = chromium.PATH  # a module setting, so a test can point it elsewhere
CHROMIUM_ARGS = chromium.ARGS
CACHE = sitedata.ROOT / ".cache" / "print"
CACHE_VERSION = "1"  # bump to reprint everything (e.g. after changing how pages are printed, not what they say)
PRINT_TABS = max(2, min(4, (os.cpu_count() or 2) + 1))


class PrintError(Exception):
    pass


@dataclass
class Job:
    html: str
    target: pathlib.Path
    name: str

    @property
    def key(self) -> str:
        return hashlib.sha256(f"{CACHE_VERSION}\n{self.html}".encode("utf-8")).hexdigest()

    @property
    def cached(self) -> pathlib.Path:
        return CACHE / f"{self.key}.pdf"


def print_all(jobs: list[Job]) -> dict[str, int]:
    """Write every job's PDF to its target, printing only those not in the cache. Returns counts."""
    missing = {job.key: job for job in jobs if not job.cached.exists()}
    if missing:
        if not pathlib.Path(CHROMIUM).exists():
            raise PrintError(f"{CHROMIUM} is missing: install Debian's chromium (make system-packages) "
                             f"to print {len(missing)} PDF(s)")
        CACHE.mkdir(parents=True, exist_ok=True)
        asyncio.run(_print(list(missing.values())))
    for job in jobs:
        job.target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(job.cached, job.target)
        os.utime(job.cached)  # last used now
    forget_unused()
    return {"printed": len(missing), "cached": len(jobs) - len(missing)}


def forget_unused(days: int = 14) -> None:
    """Drop cached PDFs no build has used for `days` days (old versions of pages)."""
    cutoff = time.time() - days * 86400
    for pdf in CACHE.glob("*.pdf"):
        try:
            if pdf.stat().st_mtime < cutoff:
                pdf.unlink()
        except FileNotFoundError:  # another build got there first
            pass


async def _print(jobs: list[Job]) -> None:
    from playwright.async_api import async_playwright

    failures: list[str] = []
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        context = await browser.new_context(offline=True)
        tabs = asyncio.Semaphore(PRINT_TABS)

        async def one(job: Job) -> None:
            async with tabs:
                page = await context.new_page()
                try:
                    await page.set_content(job.html, wait_until="load")
                    await page.wait_for_function("document.body.dataset.fitted === '1'", timeout=30_000)
                    overflow = await page.evaluate("document.body.dataset.overflow")
                    if overflow:
                        failures.append(f"{job.name}: the content does not fit ({overflow}); "
                                        "take fewer parts in data/printables.yml")
                        return
                    pdf = await page.pdf(prefer_css_page_size=True, print_background=True)
                    with tempfile.NamedTemporaryFile(dir=CACHE, suffix=".part", delete=False) as handle:
                        handle.write(pdf)
                    os.replace(handle.name, job.cached)  # atomic: a half-written PDF never enters the cache
                finally:
                    await page.close()

        await asyncio.gather(*(one(job) for job in jobs))
        await browser.close()
    if failures:
        raise PrintError("\n  ".join(["Printables could not be made:", *failures]))

"""Every page's first load stays within the budgets in budgets.yml: bytes (compressed) and number of requests.

The requests are those Chromium really made while the page loaded (conftest.visit_page); their compressed size
is the size of the .gz copy the build writes for text files (what nginx sends with gzip_static to a browser
without brotli; the .br copy others get is smaller), or the file itself for fonts and images. Urdu pages may add
their font, which travels inside their stylesheet (bench.byte_budget). Timings are not tested here: they vary;
`make bench` measures them.
"""
from urllib.parse import unquote, urlparse

import sys

import yaml

from conftest import ROOT, SITE, language_of

sys.path.insert(0, str(ROOT / "scripts"))
from commands import bench  # noqa: E402  (the byte budget of a language: scripts/commands/bench.py)

BUDGETS = yaml.safe_load((ROOT / "budgets.yml").read_text(encoding="utf-8"))


def transferred_bytes(url: str) -> int:
    path = unquote(urlparse(url).path)
    file = SITE / path.lstrip("/")
    if path.endswith("/"):
        file = file / "index.html"
    if not file.exists():
        file = SITE / (path.strip("/").split("/")[0] + "/404.html" if path.count("/") > 1 else "404.html")
    compressed = file.with_name(file.name + ".gz")
    return (compressed if compressed.exists() else file).stat().st_size


def test_first_load_stays_within_the_request_budget(visit_page, page_path):
    visit = visit_page(page_path)
    assert len(visit.requests) <= BUDGETS["requests"], f"{page_path}: {len(visit.requests)} requests {visit.requests}"


def test_first_load_stays_within_the_byte_budget(visit_page, page_path, served_url):
    visit = visit_page(page_path)
    total = sum(transferred_bytes(url) for url in visit.requests if url.startswith(served_url))
    budget = bench.byte_budget(BUDGETS, language_of(page_path))
    assert total > 0, f"{page_path}: no request was counted (is the page served from {served_url}?)"
    assert total <= budget, f"{page_path}: {total} bytes > {budget} from {visit.requests}"

#!/usr/bin/env python3
"""Benchmark: build time, page weight and speed on a throttled phone, search, Lighthouse — ours against stock.

Run with `make bench` (not part of `make test`). It:
  1. builds the site cold (fresh process, no site/) and warm (again), timing each language;
  2. builds the same pages with a stock Material + static-i18n configuration (no hooks, no overrides);
  3. serves both through nginx on loopback ports: ours with the server block its build generated (headers and
     compressed copies, as the tests serve it), stock with gzip on the fly;
  4. loads a fixed set of pages in Chromium emulating a mid-range phone on slow 4G with a 4x slower CPU and
     records bytes transferred, requests, failed requests, FCP, LCP, CLS and TBT;
  5. measures each language's search index and the time from tapping search to the first result, with where that
     time goes (scripts/commands/bench_search.py: script, index download, worker, index build, query);
  6. runs Lighthouse (tools/bench, npm) for the same pages;
  7. prints one table with our figures, stock figures and the ratio, checks ours against budgets.yml,
     and writes everything to build/bench.json.
Exit status 1 if a budget is missed.
"""
from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import time

import yaml

ROOT = pathlib.Path(__file__).resolve().parents[2]
BUILD = ROOT / "build"
sys.path.insert(0, str(ROOT / "scripts"))  # run as a command: hooks, helpers/, steps/, commands/
from helpers import chromium  # noqa: E402
from helpers import languages  # noqa: E402
from helpers import nginx_server  # noqa: E402
from helpers import translations  # noqa: E402

if __name__ == "__main__":
    sys.modules["commands.bench"] = sys.modules[__name__]  # bench_search imports this file: one PHONE for both, not two

CHROMIUM, CHROMIUM_ARGS = chromium.PATH, chromium.ARGS
LANGUAGES = languages.codes()
# Lighthouse's "slow 4G" and mobile CPU: 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up, CPU 4x slower.
NETWORK = {"offline": False, "latency": 150, "downloadThroughput": 1.6 * 1024 * 1024 / 8,
           "uploadThroughput": 750 * 1024 / 8}
CPU_SLOWDOWN = 4
PHONE: dict = {}
SEARCH_QUERY = {"en": "grooming", "pl": "handel", "ro": "trafic", "hu": "kizsakmanyolas", "vi": "buon ban", "ur": "مدد"}

METRICS_SCRIPT = """
window.__bench = {fcp: null, lcp: null, cls: 0, tbt: 0};
new PerformanceObserver(l => { for (const e of l.getEntries()) if (e.name === 'first-contentful-paint') __bench.fcp = e.startTime; })
  .observe({type: 'paint', buffered: true});
new PerformanceObserver(l => { for (const e of l.getEntries()) __bench.lcp = e.startTime; })
  .observe({type: 'largest-contentful-paint', buffered: true});
// Every shift counts: the benchmark gives no input, yet Chromium marks shifts under touch emulation as
// following input (hadRecentInput), which would hide them.
new PerformanceObserver(l => { for (const e of l.getEntries()) __bench.cls += e.value; })
  .observe({type: 'layout-shift', buffered: true});
new PerformanceObserver(l => { for (const e of l.getEntries()) __bench.tbt += Math.max(0, e.duration - 50); })
  .observe({type: 'longtask', buffered: true});
"""


def byte_budget(budgets: dict, lang: str) -> int:
    """A first load's byte budget in `lang`: Urdu pages may add their embedded font (gzip of its base64, as sent)."""
    if lang != "ur" or not budgets.get("urdu_font_extra"):
        return budgets["first_load_bytes"]
    import base64
    font = ROOT / "overrides" / "assets" / "fonts" / "NotoNaskhArabic-Urdu.woff2"
    return budgets["first_load_bytes"] + len(gzip.compress(base64.b64encode(font.read_bytes()), 9, mtime=0))


# --- building ----------------------------------------------------------------------------------------------

BUILD_TIMER = r"""
import logging, sys, time, json
from mkdocs.commands.build import build
from mkdocs.config import load_config
marks = []
class Mark(logging.Handler):
    def emit(self, record):
        m = record.getMessage()
        if m.startswith("mkdocs_static_i18n: Building '"):
            marks.append((m.split("'")[1], time.monotonic()))
        elif m.startswith("finishing the site:"):  # scripts/finish.py: else the last language would count them
            marks.append(("finishing", time.monotonic()))
logging.getLogger("mkdocs").addHandler(Mark()); logging.getLogger("mkdocs").setLevel(logging.INFO)
start = time.monotonic()
cfg = load_config(sys.argv[1], site_dir=sys.argv[2])
build(cfg)
end = time.monotonic()
langs = {}
for i, (lang, t) in enumerate(marks):
    langs[lang] = round((marks[i + 1][1] if i + 1 < len(marks) else end) - t, 2)
print(json.dumps({"total": round(end - start, 2), "languages": langs}))
"""


def timed_build(config: pathlib.Path, site: pathlib.Path) -> dict:
    shutil.rmtree(site, ignore_errors=True)
    started = time.monotonic()
    # The budget is for the site without its printable PDFs and the offline copy that contains them (QUICK_BUILD).
    out = subprocess.run([sys.executable, "-c", BUILD_TIMER, str(config), str(site)], cwd=config.parent,
                         capture_output=True, text=True,
                         env=dict(os.environ, NO_MKDOCS_2_WARNING="1", QUICK_BUILD="1"))
    if out.returncode:
        raise SystemExit(f"build failed:\n{out.stderr[-3000:]}")
    result = json.loads(out.stdout.strip().splitlines()[-1])
    result["process"] = round(time.monotonic() - started, 2)
    return result


def stock_project() -> pathlib.Path:
    """The same Markdown with a stock configuration: Material defaults, static-i18n defaults, built-in search."""
    stock = BUILD / "bench-stock"
    shutil.rmtree(stock, ignore_errors=True)
    shutil.copytree(ROOT / "docs", stock / "docs")
    nav = re.search(r"\nnav:\n.*\Z", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.S).group(0)
    languages = "\n".join(
        f"        - locale: {lang}\n          name: {lang}\n          build: true" + ("\n          default: true" if lang == "en" else "")
        for lang in LANGUAGES)
    (stock / "mkdocs.yml").write_text(
        "site_name: Stock\nsite_url: https://example.org/\ntheme:\n  name: material\n"
        "markdown_extensions: [abbr, admonition, attr_list, def_list, md_in_html, tables, pymdownx.details]\n"
        f"plugins:\n  - search\n  - i18n:\n      docs_structure: suffix\n      languages:\n{languages}\n" + nav,
        encoding="utf-8")
    return stock


# --- serving -----------------------------------------------------------------------------------------------

# Stock Material has no server block of its own: gzip on the fly (it has no .gz copies), each language's 404 page.
# Its listen and root lines are placeholders: nginx_server puts in a free port and the site's folder.
STOCK_SERVER = """server {
    listen 127.0.0.1:80;
    root /;
    gzip on; gzip_comp_level 6; gzip_vary on;
    gzip_types text/css application/javascript application/json image/svg+xml text/xml application/xml;
    error_page 404 /404.html;
    location ~ ^/(""" + "|".join(languages.translations()) + """)/ { error_page 404 /$1/404.html; }
}
"""


@contextlib.contextmanager
def serve(sites: dict[str, pathlib.Path]):
    """{name: base URL} of nginx serving each site: with the server block its build generated (the headers and
    compressed copies a reader gets, as the tests serve it), or, for a site without one (stock), STOCK_SERVER."""
    with contextlib.ExitStack() as stack:
        yield {name: stack.enter_context(nginx_server.nginx(
                   site, None if nginx_server.generated_conf(site).exists() else STOCK_SERVER))
               for name, site in sites.items()}


def longest_page() -> str:
    longest = max(translations.english_pages(), key=lambda p: len(p.read_text(encoding="utf-8").split()))
    rel = longest.relative_to(ROOT / "docs").with_suffix("")
    return "/" + (f"{rel.parent}/" if rel.name == "index" else f"{rel}/").lstrip("./")


def phone_context(browser):
    """A mid-range Android phone's screen, pixel density, touch and user agent (Playwright's Pixel 5)."""
    return browser.new_context(**{k: v for k, v in PHONE.items() if k != "default_browser_type"})


def slow_phone(context, page, cache: bool = True):
    """Slow 4G and a 4x slower CPU for `page`; its DevTools session, for listening to the network."""
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    if not cache:
        cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    cdp.send("Network.emulateNetworkConditions", NETWORK)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
    return cdp


def measure_page(browser, url: str) -> dict:
    context = phone_context(browser)
    page = context.new_page()
    page.add_init_script(METRICS_SCRIPT)
    cdp = slow_phone(context, page, cache=False)
    urls, sizes, statuses, failed = {}, {}, {}, []
    cdp.on("Network.requestWillBeSent", lambda e: urls.__setitem__(e["requestId"], e["request"]["url"]))
    cdp.on("Network.responseReceived", lambda e: statuses.__setitem__(e["requestId"], (e["response"]["status"], e["response"]["url"])))
    cdp.on("Network.loadingFinished", lambda e: sizes.__setitem__(e["requestId"], e["encodedDataLength"]))
    cdp.on("Network.loadingFailed", lambda e: failed.append(e.get("errorText", "failed")))
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(1000)
    metrics = page.evaluate("window.__bench")
    bad = [u for rid, (status, u) in statuses.items() if status >= 400 and u.rstrip("/") != url.rstrip("/")]
    context.close()
    # data: URLs (the favicon, icons inside the CSS) appear as network events but cost no request
    network = {rid: n for rid, n in sizes.items() if urls.get(rid, "").startswith(("http:", "https:"))}
    document = next((n for rid, n in network.items() if urls[rid].rstrip("/") == url.rstrip("/")), 0)
    return {"bytes": sum(network.values()), "html_bytes": document,
            "requests": len(network) + len(failed), "failed": len(failed) + len(bad),
            "fcp_ms": round(metrics["fcp"] or 0), "lcp_ms": round(metrics["lcp"] or 0),
            "cls": round(metrics["cls"], 3), "tbt_ms": round(metrics["tbt"])}


def measure_search(browser, base: str, lang: str, runs: int = 3) -> dict:
    """Where the time to the first result goes (scripts/commands/bench_search.py), median of `runs` fresh phones."""
    from commands import bench_search
    return bench_search.median_of([bench_search.measure(browser, base, lang) for _ in range(runs)])


def index_bytes(site: pathlib.Path, lang: str) -> dict:
    path = site / languages.home(lang) / "search" / "search_index.json"
    if not path.exists():
        path = site / "search" / "search_index.json"  # stock: one index for every language
    data = path.read_bytes()
    return {"raw": len(data), "gzip": len(gzip.compress(data, 9))}


def lighthouse(url: str) -> dict | None:
    binary = ROOT / "tools" / "bench" / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--silent"], cwd=ROOT / "tools" / "bench", check=True)
    out = pathlib.Path(tempfile.mkstemp(suffix=".json")[1])
    flags = "--headless=new " + " ".join(CHROMIUM_ARGS)
    for attempt in (1, 2):  # Lighthouse now and then fails to start Chromium: once more before counting a failure
        run = subprocess.run([str(binary), url, "--quiet", "--output=json", f"--output-path={out}",
                              f"--chrome-flags={flags}", "--only-categories=performance,accessibility,best-practices,seo"],
                             env=dict(os.environ, CHROME_PATH=CHROMIUM), capture_output=True, text=True, timeout=240)
        if not run.returncode:
            break
        print(f"  lighthouse failed (attempt {attempt}): {run.stderr.strip()[-400:]}", file=sys.stderr)
    else:
        return None
    report = json.loads(out.read_text())
    return {name: round(category["score"] * 100) for name, category in report["categories"].items()}


# --- report ------------------------------------------------------------------------------------------------

def ratio(ours, stock):
    return f"{ours / stock:.2f}" if isinstance(ours, (int, float)) and isinstance(stock, (int, float)) and stock else "–"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-lighthouse", action="store_true", help="skip Lighthouse (about a minute per page)")
    parser.add_argument("--json", default=str(BUILD / "bench.json"))
    args = parser.parse_args(argv)
    budgets = yaml.safe_load((ROOT / "budgets.yml").read_text(encoding="utf-8"))
    BUILD.mkdir(exist_ok=True)

    print("building (cold, warm, stock)…", file=sys.stderr)
    ours_site, stock_site = BUILD / "bench-site", BUILD / "bench-stock" / "site"
    shutil.rmtree(ROOT / ".cache", ignore_errors=True)
    cold = timed_build(ROOT / "mkdocs.yml", ours_site)
    warm = timed_build(ROOT / "mkdocs.yml", ours_site)
    stock_build = timed_build(stock_project() / "mkdocs.yml", stock_site)

    pages = {"home": "/", "longest page": longest_page(), "hotel role page": "/say-something/reception/",
             "Urdu home": "/ur/", "404": "/404.html"}  # the page a missing address shows (Lighthouse needs a 200)
    results = {"build": {"cold": cold, "warm": warm, "stock": stock_build}, "pages": {}, "search": {},
               "lighthouse": {}}
    with serve({"ours": ours_site, "stock": stock_site}) as bases:
        from playwright.sync_api import sync_playwright
        with sync_playwright() as playwright:
            PHONE.update(playwright.devices["Pixel 5"])
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for name, path in pages.items():
                print(f"measuring {name} {path}…", file=sys.stderr)
                results["pages"][name] = {"path": path, "ours": measure_page(browser, bases["ours"] + path),
                                          "stock": measure_page(browser, bases["stock"] + path)}
            for lang in LANGUAGES:
                breakdown = measure_search(browser, bases["ours"], lang)
                results["search"][lang] = {"index_ours": index_bytes(ours_site, lang),
                                           "index_stock": index_bytes(stock_site, lang),
                                           "first_result_ms": breakdown["result"], "breakdown": breakdown}
            browser.close()
        if not args.no_lighthouse:
            for name, path in pages.items():
                print(f"lighthouse {name}…", file=sys.stderr)
                results["lighthouse"][name] = {"ours": lighthouse(bases["ours"] + path),
                                               "stock": lighthouse(bases["stock"] + path)}

    misses = check_budgets(results, budgets)
    results["budget_misses"] = misses
    pathlib.Path(args.json).write_text(json.dumps(results, indent=2, ensure_ascii=False))
    print_table(results, budgets)
    print(f"\nJSON: {args.json}")
    if misses:
        print("\nBudgets missed:\n  " + "\n  ".join(misses))
    return 1 if misses else 0


def check_budgets(results: dict, budgets: dict) -> list[str]:
    misses = []
    if results["build"]["warm"]["total"] > budgets["build_seconds"]:
        misses.append(f"full build {results['build']['warm']['total']} s > {budgets['build_seconds']} s")
    for name, row in results["pages"].items():
        ours = row["ours"]
        byte_limit = byte_budget(budgets, "ur" if row["path"].startswith("/ur/") else "en")
        if ours["bytes"] > byte_limit:
            misses.append(f"{name}: {ours['bytes']} bytes > {byte_limit}")
        if ours["requests"] > budgets["requests"]:
            misses.append(f"{name}: {ours['requests']} requests > {budgets['requests']}")
        if ours["failed"] > budgets["failed_requests"]:
            misses.append(f"{name}: {ours['failed']} failed requests")
        if ours["cls"] > budgets["cls"]:
            misses.append(f"{name}: CLS {ours['cls']} > {budgets['cls']}")
    for lang, row in results["search"].items():
        ms = row["first_result_ms"]
        if ms is None or ms > budgets["search_first_result_ms"]:
            misses.append(f"search {lang}: first result {ms} ms > {budgets['search_first_result_ms']} ms")
    for name, row in results["lighthouse"].items():
        for category, floor in budgets["lighthouse"].items():
            score = (row["ours"] or {}).get(category)
            if score is None or score < floor:
                misses.append(f"{name}: Lighthouse {category} {score} < {floor}")
    return misses


def print_table(results: dict, budgets: dict) -> None:
    b = results["build"]
    print("\nBuild (seconds)            ours    stock   ratio")
    print(f"  cold, all languages     {b['cold']['total']:6.2f}  {b['stock']['total']:6.2f}   {ratio(b['cold']['total'], b['stock']['total'])}")
    print(f"  warm, all languages     {b['warm']['total']:6.2f}   (budget {budgets['build_seconds']} s)")
    print("  per language (warm), then the finishing steps  " + "  ".join(f"{k} {v:.2f}" for k, v in b["warm"]["languages"].items()))
    # The physical limit of a first load is the page's own HTML alone (one request): ours/HTML shows how close.
    print("\nPage (slow 4G, 4x CPU)   metric          ours    budget     stock  HTML alone  ours/stock  ours/HTML")
    for name, row in results["pages"].items():
        byte_limit = byte_budget(budgets, "ur" if row["path"].startswith("/ur/") else "en")
        limit = {"bytes": row["ours"].get("html_bytes"), "requests": 1}
        for metric, budget in (("bytes", byte_limit), ("requests", budgets["requests"]),
                               ("failed", budgets["failed_requests"]), ("fcp_ms", None),
                               ("lcp_ms", None), ("cls", budgets["cls"]), ("tbt_ms", None)):
            o, s, least = row["ours"][metric], row["stock"][metric], limit.get(metric)
            print(f"  {name if metric == 'bytes' else '':22} {metric:10} {o:>8} {'' if budget is None else budget:>9} {s:>9}"
                  f"  {'' if least is None else least:>10}  {ratio(o, s):>10}  {ratio(o, least) if least else '':>9}")
    print(f"\nSearch      index gzip ours / stock     first result after the tap (ms, budget {budgets['search_first_result_ms']})")
    for lang, row in results["search"].items():
        print(f"  {lang:4}      {row['index_ours']['gzip']:>7} / {row['index_stock']['gzip']:<7} {ratio(row['index_ours']['gzip'], row['index_stock']['gzip']):>6}"
              f"      {row['first_result_ms']}")
    from commands import bench_search
    print("\nSearch: where the time goes (median of 3; scripts/commands/bench_search.py says what each column is)")
    bench_search.print_breakdown({lang: row["breakdown"] for lang, row in results["search"].items()})
    if results["lighthouse"]:
        print("\nLighthouse (mobile)      ours (perf/a11y/bp/seo)      stock")
        for name, row in results["lighthouse"].items():
            fmt = lambda r: "/".join(str(r.get(k, "–")) for k in ("performance", "accessibility", "best-practices", "seo")) if r else "failed"
            print(f"  {name:22} {fmt(row['ours']):28} {fmt(row['stock'])}")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

#!/usr/bin/env python3
"""Where search's time goes on the benchmark's slow phone: script, index download, worker, index build, query.

Called by scripts/commands/bench.py for each language; also a command on its own, for the search part alone:
  .venv/bin/python scripts/commands/bench_search.py SITE_DIR [SITE_DIR ...] [--runs 3] [--lang pl ...]
which serves each SITE_DIR through the benchmark's nginx and prints the median of each figure over the runs (with
two sites, say before and after a change, their runs alternate, so a busy machine slows both alike).
Every figure is milliseconds from the tap on the search button (pointerdown), read from the page itself:
  script     Material's script fetched and run (its load event)
  init       Material's start-up on the page (the DOMContentLoaded raised for it), begun and done
  index      the search index downloaded (its response ended)
  worker     the search worker's own script and its lunr language scripts downloaded
  built      the worker said the index is built (READY)
  result     the first result shown
and the spans between them: script_fetch, script_run, index_fetch (start to end), build (the worker's time from
receiving the index to READY, less its language scripts' download), query (READY, or the query after it, to
the first result shown).
"""
from __future__ import annotations

import argparse
import pathlib
import statistics
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))  # scripts/, when run as a command
from commands import bench
from helpers import languages

# Clocks and hooks in the page before any of its scripts: the tap, Material's script loading, the worker's
# messages (Material's types: 0 setup, 1 ready, 2 query, 3 result) and the first result in the list.
PROBE = """
(() => {
  const t = window.__searchTimes = {};
  const mark = (k) => { if (!(k in t)) t[k] = performance.now(); };
  document.addEventListener("pointerdown", () => mark("tap"), true);
  document.addEventListener("load", (e) => {
    if (e.target.tagName === "SCRIPT" && /bundle\\./.test(e.target.src)) mark("script");
  }, true);
  document.addEventListener("DOMContentLoaded", () => {  // raised again for Material's script: its start-up
    if (!("tap" in t)) return;
    mark("init");
    queueMicrotask(() => mark("init_done"));
  }, true);
  const Real = window.Worker;
  window.Worker = function (url, options) {
    const worker = new Real(url, options);
    mark("worker_created");
    const post = worker.postMessage.bind(worker);
    worker.postMessage = (m, ...rest) => {
      if (m && m.type === 0) mark("setup_sent");
      if (m && m.type === 2 && "built" in t) mark("query_sent");
      return post(m, ...rest);
    };
    worker.addEventListener("message", (e) => { if (e.data && e.data.type === 1) mark("built"); });
    return worker;
  };
  new MutationObserver(() => {
    if (document.querySelector(".md-search-result__item")) mark("result");
  }).observe(document, {childList: true, subtree: true});
})();
"""
RESOURCES = """() => performance.getEntriesByType("resource").map(e => (
  {name: e.name, start: performance.timeOrigin + e.startTime, end: performance.timeOrigin + e.responseEnd,
   bytes: e.transferSize}))"""


def measure(browser, base: str, lang: str) -> dict:
    """One search on a fresh phone (empty cache): the marks and spans described above, in ms."""
    context = bench.phone_context(browser)
    page = context.new_page()
    page.add_init_script(PROBE)
    bench.slow_phone(context, page)
    page.goto(f"{base}/" + languages.home(lang), wait_until="load")
    try:
        page.wait_for_load_state("networkidle", timeout=10000)
    except Exception:  # a loaded machine can keep Chromium's own idle timer from firing; the page has loaded
        pass
    toggle = page.locator("label.md-header__button[for=__search]")
    (toggle if toggle.is_visible() else page.locator(".md-search__input")).click()
    query = bench.SEARCH_QUERY.get(lang, bench.SEARCH_QUERY[languages.default()])
    page.locator(".md-search__input").type(query, delay=30)
    try:
        page.wait_for_selector(".md-search-result__item", timeout=20000)
    except Exception:
        context.close()
        return {"result": None}
    marks = page.evaluate("window.__searchTimes")
    origin = page.evaluate("performance.timeOrigin")
    entries = page.evaluate(RESOURCES)
    for worker in page.workers:
        try:
            entries += worker.evaluate(RESOURCES)
        except Exception:
            pass
    context.close()
    tap = marks["tap"]
    at = lambda k: round(marks[k] - tap) if k in marks else None  # noqa: E731
    rel = lambda ms: round(ms - origin - tap)  # noqa: E731

    def span(pattern: str, field: str) -> int | None:
        hits = [e[field] for e in entries if pattern in e["name"]]
        return rel(max(hits) if field == "end" else min(hits)) if hits else None

    out = {k: at(k) for k in ("script", "init", "init_done", "setup_sent", "built", "query_sent", "result")}
    out["script_fetch"] = span("/bundle.", "end")
    out["index_start"], out["index"] = span("search_index", "start"), span("search_index", "end")
    out["worker"] = max(filter(None, [span("/workers/search.", "end"), span("/lunr/", "end")]), default=None)
    languages_end = span("/lunr/", "end")
    if out["script_fetch"] is not None and out["script"] is not None:
        out["script_run"] = out["script"] - out["script_fetch"]
    if out["index"] is not None and out["index_start"] is not None:
        out["index_fetch"] = out["index"] - out["index_start"]
    if out["built"] is not None and out["setup_sent"] is not None:
        out["build"] = out["built"] - max(out["setup_sent"], languages_end or 0)
    if out["result"] is not None and out["built"] is not None:
        out["query"] = out["result"] - max(out["built"], out["query_sent"] or 0)
    out["bytes"] = {name: sum(e["bytes"] for e in entries if pattern in e["name"])
                    for name, pattern in (("script", "/bundle."), ("index", "search_index"),
                                          ("worker", "/workers/search."), ("lunr", "/lunr/"))}
    return out


def median_of(runs: list[dict]) -> dict:
    keys = list(dict.fromkeys(k for run in runs for k in run if k != "bytes"))
    out = {}
    for k in keys:
        values = [r[k] for r in runs if r.get(k) is not None]
        out[k] = round(statistics.median(values)) if values else None
    out["bytes"] = next((run["bytes"] for run in runs if "bytes" in run), None)
    out["runs"] = len(runs)
    return out


COLUMNS = ("script_fetch", "script_run", "index_start", "index_fetch", "worker", "init", "init_done", "setup_sent",
           "build", "query", "result")


def print_breakdown(rows: dict[str, dict], file=sys.stdout) -> None:
    print("  ms after the tap " + "".join(f"{c:>13}" for c in COLUMNS), file=file)
    for lang, row in rows.items():
        print(f"  {lang:17}" + "".join(f"{'–' if row.get(c) is None else row[c]:>13}" for c in COLUMNS), file=file)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sites", nargs="+", help="built sites; with two or more, their runs alternate (same load)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--lang", action="append")
    args = parser.parse_args(argv)
    import os
    from playwright.sync_api import sync_playwright
    load = [os.getloadavg()[0]]
    rows: dict[str, dict] = {site: {} for site in args.sites}
    with bench.serve({str(i): pathlib.Path(site).resolve() for i, site in enumerate(args.sites)}) as bases:
        with sync_playwright() as playwright:
            bench.PHONE.update(playwright.devices["Pixel 5"])
            browser = playwright.chromium.launch(executable_path=bench.CHROMIUM, args=bench.CHROMIUM_ARGS)
            for lang in args.lang or bench.LANGUAGES:
                runs: dict[str, list] = {site: [] for site in args.sites}
                for _ in range(args.runs):
                    for i, site in enumerate(args.sites):
                        runs[site].append(measure(browser, bases[str(i)], lang))
                        load.append(os.getloadavg()[0])
                for site in args.sites:
                    print(site, lang, [r.get("result") for r in runs[site]], runs[site][0].get("bytes"), file=sys.stderr)
                    rows[site][lang] = median_of(runs[site])
            browser.close()
    for site in args.sites:
        print(f"\n{site} (median of {args.runs})")
        print_breakdown(rows[site])
    print(f"\nload average (1 min) {min(load):.1f}-{max(load):.1f} on {os.cpu_count()} cores while measuring")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

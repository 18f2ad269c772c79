"""Shared test fixtures: the built site, a loopback server for it, and Debian's Chromium driven by Playwright.

`make test` builds site/ with --strict before pytest starts; if site/ is missing the fixtures build it.
Each page is visited once per test session (visit_page caches the result), and the tests named for each rule
(accessibility, requests, language) assert on that one visit.
"""
from __future__ import annotations

import functools
import http.server
import os
import pathlib
import re
import subprocess
import sys
import threading
import zlib
from dataclasses import dataclass, field

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
SITE = pathlib.Path(os.environ.get("SITE_DIR", ROOT / "site"))  # SITE_DIR: test another build
sys.path.insert(0, str(ROOT / "scripts"))
from helpers import chromium  # noqa: E402  (Debian's Chromium and its flags, as the build launches it)
from helpers import languages  # noqa: E402  (the languages, as mkdocs.yml defines them)

CHROMIUM = chromium.PATH
CHROMIUM_ARGS = chromium.ARGS
LANGUAGES = languages.codes()


def build_site(site_dir: pathlib.Path = SITE) -> None:
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site_dir)],
                   cwd=ROOT, check=True, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))


def ensure_site() -> pathlib.Path:
    if not (SITE / "index.html").exists():
        build_site()
    return SITE


def page_paths(site: pathlib.Path = SITE) -> list[str]:
    """URL path of every page: /, /signs/, /pl/404.html … (directory URLs end with /); not redirect pages."""
    ensure_site()
    paths = []
    for html in sorted(site.rglob("*.html")):
        rel = html.relative_to(site).as_posix()
        if rel.startswith("assets/") or 'http-equiv="refresh"' in html.read_text(encoding="utf-8")[:2000]:
            continue  # theme files; redirect pages for moved URLs (tested in test_stable_urls.py)
        paths.append("/" + (rel[: -len("index.html")] if rel.endswith("index.html") else rel))
    return paths


def language_of(path: str) -> str:
    first = path.strip("/").split("/", 1)[0]
    return first if first in LANGUAGES else "en"


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves site/ like a static host: directory index, and the language's 404 page for missing files."""

    def log_message(self, *args):  # keep test output readable
        pass

    def send_error(self, code, message=None, explain=None):
        if code != 404:
            return super().send_error(code, message, explain)
        lang = language_of(self.path)
        page = SITE / (languages.home(lang) + "404.html")
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@pytest.fixture(scope="session")
def site() -> pathlib.Path:
    return ensure_site()


@pytest.fixture(scope="session")
def base_url(site) -> str:
    handler = functools.partial(SiteHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="session")
def playwright_driver():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser(playwright_driver):
    if not pathlib.Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run the README's test command, which installs Debian's chromium")
    browser = playwright_driver.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@pytest.fixture(scope="session")
def benchmark_phone(playwright_driver) -> dict:
    """The benchmark's phone, as scripts/commands/bench.py takes it: Playwright's Pixel 5 (screen, density, touch, agent)."""
    return {k: v for k, v in playwright_driver.devices["Pixel 5"].items() if k != "default_browser_type"}


@pytest.fixture
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()


@dataclass
class Visit:
    """What a reader's browser did and saw while one page loaded."""
    path: str
    status: int
    requests: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    html_lang: str = ""
    body_dir: str = ""
    console_errors: list[str] = field(default_factory=list)
    axe_violations: list[dict] = field(default_factory=list)
    contrast_checked: int | None = None  # text elements axe's colour-contrast rule looked at (right-to-left pages)
    policy_violations: list[str] = field(default_factory=list)  # what the security headers blocked or warned of


AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
               "resultTypes": ["violations"]}
# axe-core (4.12) skips text it takes for an icon font's ligatures, and it takes Arabic script for one: the letters
# join, so the text draws differently with ligatures off. On an Urdu page that leaves about 4 of 100 text elements
# checked for colour contrast. Contrast depends on colours, size and weight, not on the letters, so the second run
# writes every Arabic-script letter as "x" (same element, font size, weight, colours, direction) and checks again.
ARABIC_SCRIPT_AS_LATIN = """() => { const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT); let node;
  while ((node = walk.nextNode())) node.nodeValue = node.nodeValue.replace(/[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]/g, "x"); }"""
CONTRAST_ONLY = {"runOnly": {"type": "rule", "values": ["color-contrast"]}}


@functools.cache
def axe_source() -> str:
    """axe-core's script, as axe-playwright-python ships it."""
    from axe_playwright_python.sync_playwright import Axe
    return Axe().axe_script


# axe runs in the page and only what the tests report comes back (all of axe's results, passes included, made a
# large message for every page); the script goes in once per page, or before the page's own when the page's
# context was given it as an init script (visit_page).
RUN_AXE = """async ([options, countContrast]) => {
  const results = await axe.run(document, options);
  const violations = results.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                                   nodes: v.nodes.slice(0, 5).map(n => n.target)}));
  const checked = countContrast ? [...results.passes, ...results.violations].reduce((n, r) => n + r.nodes.length, 0)
                                : null;
  return [violations, checked];
}"""


def run_axe(page, options, count_contrast=False) -> tuple[list[dict], int | None]:
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.evaluate(axe_source())
    return page.evaluate(RUN_AXE, [options, count_contrast])


def axe_report(page, options=AXE_OPTIONS) -> tuple[list[dict], int | None]:
    """axe's violations on the open page, and on a right-to-left (Arabic-script) page how many text elements the
    second colour-contrast run looked at, with the letters written as x (see ARABIC_SCRIPT_AS_LATIN; None on other
    pages). The page's text is changed: use it for nothing after."""
    violations, _ = run_axe(page, options)
    checked = None
    if page.evaluate("document.documentElement.lang") in languages.right_to_left():
        page.evaluate(ARABIC_SCRIPT_AS_LATIN)
        contrast, checked = run_axe(page, CONTRAST_ONLY, count_contrast=True)
        violations += [dict(v, help=v["help"] + " (Arabic-script letters shown as x)") for v in contrast]
    return violations, checked


def axe_violations(page, options=AXE_OPTIONS) -> list[dict]:
    return axe_report(page, options)[0]


# Every Content-Security-Policy violation, reported to the test by the page itself.
REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (e) =>
  window.reportViolation(`${e.effectiveDirective} blocked ${e.blockedURI || "inline"} on ${location.pathname}`));
"""


@pytest.fixture(scope="session")
def served_url(site):
    """The site served by Debian's nginx with the server block the build generated (build/nginx.conf): the
    security and cache headers a reader's browser really gets."""
    from helpers import nginx_server
    if not nginx_server.generated_conf(site).exists():
        pytest.fail(f"{nginx_server.generated_conf(site)} is missing: build the site (mkdocs build) first")
    with nginx_server.nginx(site) as url:
        yield url


@pytest.fixture(scope="session")
def visit_page(browser, served_url):
    """visit_page("/pl/") loads the page once per session, from nginx with the site's headers, and returns a Visit."""
    cache: dict[str, Visit] = {}
    context = browser.new_context()
    current: list[Visit] = []
    context.expose_binding("reportViolation", lambda source, text: current[-1].policy_violations.append(text))
    context.add_init_script(REPORT_VIOLATIONS)
    context.add_init_script(axe_source())  # in every page before its own scripts, as the test's, not the page's
    base_url = served_url

    def visit(path: str) -> Visit:
        if path in cache:
            return cache[path]
        page = context.new_page()
        record = Visit(path=path, status=0)
        current.append(record)
        # The warning Chromium gives for a Permissions-Policy feature it does not know; errors thrown by a script.
        page.on("console", lambda message: "Permissions-Policy" in message.text
                and record.policy_violations.append(message.text))
        page.on("pageerror", lambda error: record.policy_violations.append(f"script error: {error}"))
        page.on("request", lambda request: record.requests.append(request.url))
        page.on("requestfailed", lambda request: record.failed.append(f"{request.url} ({request.failure})"))
        page.on("response", lambda response: response.status >= 400 and response.url != base_url + path
                and record.failed.append(f"{response.url} ({response.status})"))
        page.on("console", lambda message: message.type == "error" and record.console_errors.append(message.text))
        # Nothing is fetched after "load" (Material's script and the search index wait until search is opened);
        # axe's run after it (well over a tenth of a second) is the pause that catches a late failure, without
        # waiting for network idle on every page.
        response = page.goto(base_url + path, wait_until="load")
        record.status = response.status
        record.html_lang = page.evaluate("document.documentElement.lang")
        record.body_dir = page.evaluate("document.body.dir")
        record.axe_violations, record.contrast_checked = axe_report(page)
        page.close()
        cache[path] = record
        return record

    yield visit
    context.close()


def pytest_generate_tests(metafunc):
    """A test that takes `page_path` runs once for every built page of every language."""
    if "page_path" in metafunc.fixturenames:
        metafunc.parametrize("page_path", page_paths())


BROWSER_GROUPS = ("chromium-a", "chromium-b")


def browser_group(item) -> str:
    """The group of a test that uses Chromium. A test of one page (`page_path`) goes by the page, so every test of
    that page runs in the worker that has visited it (visit_page keeps each visit for the worker's session); any
    other goes by its own name (a module fixture may then be made once in each worker: a few seconds)."""
    page = getattr(item, "callspec", None) and item.callspec.params.get("page_path")
    return BROWSER_GROUPS[zlib.crc32((page or item.nodeid).encode()) % len(BROWSER_GROUPS)]


# tryfirst: the marks must exist before pytest-xdist's worker reads them, in its own pytest_collection_modifyitems
# (it then adds "@<group>" to each such test's id, which is how the group reaches the scheduler).
@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    """The tests that use Chromium form two groups, each run in one worker, one test after another.

    Each worker has its own browser, nginx and page visits. Two groups rather than one: with every browser test
    in one worker, the other had finished the build and file checks after about 3 of 13 minutes and then waited."""
    for item in items:
        if "playwright_driver" in item.fixturenames:  # every browser fixture starts from it
            item.add_marker(pytest.mark.xdist_group(browser_group(item)))

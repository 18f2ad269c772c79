"""The security headers and Content-Security-Policy, served for real: Debian's nginx with the server block the build
generated (build/nginx.conf), serving site/.

data/security.yml is the one definition; scripts/steps/security_policy.py renders it into site/_headers, the nginx block and
a <meta> in every page. These tests check that every page, in every language, gets all of it from nginx, that the
three outputs agree, and that Chromium loads every page with zero policy violations while search, the language menu
and quick exit keep working.
"""
from __future__ import annotations

import base64
import hashlib
import html
import re
import urllib.error
import urllib.request

import pytest
import yaml

from helpers import nginx_server
from steps import security_policy
from conftest import REPORT_VIOLATIONS, ROOT, page_paths

SECURITY = yaml.safe_load((ROOT / "data" / "security.yml").read_text(encoding="utf-8"))
META_CSP = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>(.*?)</script>", re.S)
DESTINATION = "https://www.bbc.co.uk/weather"

# Installed before any page script: reports every CSP violation, even on pages we leave at once.


@pytest.fixture(scope="module")
def server(served_url):
    """The session's nginx with the generated headers (conftest.served_url), one per worker."""
    return served_url


def fetch(url: str):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode("utf-8", "replace")


@pytest.fixture(scope="module")
def responses(server):
    """Every page of every language, fetched once from nginx."""
    return {path: fetch(server + path) for path in page_paths()}


def published_headers(site) -> dict[str, str]:
    """site/_headers (Netlify, Cloudflare Pages), which must say exactly what nginx sends."""
    lines = (site / "_headers").read_text(encoding="utf-8").splitlines()
    assert "/*" in lines, "site/_headers must apply to every path"
    block = lines[lines.index("/*") + 1:]
    block = block[:next((i for i, line in enumerate(block) if not line.startswith("  ")), len(block))]
    return dict(line.strip().split(": ", 1) for line in block)


def directives(policy: str) -> dict[str, list[str]]:
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


def test_the_policy_is_strict(site):
    policy = directives(published_headers(site)["Content-Security-Policy"])
    assert policy["default-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'none'"]
    assert policy["object-src"] == ["'none'"]
    for name in ("script-src", "style-src", "img-src", "font-src", "connect-src", "worker-src"):
        # data: images are Material's icon masks; the data: font is the Urdu font inside urdu.css
        allowed = {"'self'", "data:"} if name in ("img-src", "font-src") else {"'self'"}
        extra = [source for source in policy[name] if source not in allowed
                 and not (name == "script-src" and source.startswith("'sha256-"))]
        assert not extra, f"{name} allows more than this site: {extra}"
        assert "'self'" in policy[name]
    assert any(source.startswith("'sha256-") for source in policy["script-src"]), "inline scripts need their hashes"


def test_every_allowed_inline_script_is_still_used(site):
    """An entry of inline_scripts that no built page uses any more (a template's script changed or went away) is a
    hash the policy allows for nothing: it must go. Hashed as the build hashes them (scripts/steps/security_policy.py)."""
    entries = SECURITY.get("inline_scripts") or []
    pages = {page: page.read_text(encoding="utf-8") for page in site.rglob("*.html")}
    used = security_policy.inline_script_hashes(pages, [entry["hash"] for entry in entries], site)
    stale = [f"{entry['hash']} (from: {entry['from']})" for entry in entries if f"'{entry['hash']}'" not in used]
    assert not stale, ("data/security.yml: inline_scripts lists scripts no built page has; remove them (or fix the "
                       "hash):\n  " + "\n  ".join(stale))


def test_headers_file_and_nginx_block_come_from_security_yml(site):
    published = published_headers(site)
    assert set(published) == {"Content-Security-Policy", *SECURITY["headers"]}
    for name, value in SECURITY["headers"].items():
        assert published[name] == value
    for name, sources in SECURITY["content_security_policy"].items():
        assert " ".join([name, *sources]) in published["Content-Security-Policy"]
    block = nginx_server.generated_conf(site).read_text(encoding="utf-8")
    assert re.search(rf"^\s*root {re.escape(str(site.resolve()))};$", block, re.M), "nginx block serves another folder"
    for name, value in published.items():
        assert f'add_header {name} "{value}" always;' in block


def test_every_page_gets_every_header_from_nginx(site, responses):
    expected = published_headers(site)
    problems = []
    for path, (status, headers, _) in responses.items():
        if status != 200:
            problems.append(f"{path}: status {status}")
        for name, value in expected.items():
            if headers.get(name) != value:
                problems.append(f"{path}: {name} is {headers.get(name)!r}")
    assert not problems, "\n".join(problems[:20])
    assert len(responses) >= 6, "expected every page of every language"


def test_every_page_has_the_same_policy_in_a_meta_after_its_charset(site, responses):
    header_policy = directives(published_headers(site)["Content-Security-Policy"])
    meta_expected = {name: sources for name, sources in header_policy.items() if name not in SECURITY["header_only"]}
    problems = []
    for path, (_, _, body) in responses.items():
        metas = META_CSP.findall(body)
        if len(metas) != 1:
            problems.append(f"{path}: {len(metas)} CSP metas")
            continue
        if not re.search(r'<meta charset="utf-8">\s*<meta http-equiv="Content-Security-Policy"', body):
            problems.append(f"{path}: CSP meta is not right after <meta charset>")
        if directives(html.unescape(metas[0])) != meta_expected:
            problems.append(f"{path}: meta policy differs from the header")
        for script in INLINE_SCRIPT.findall(body):
            digest = "'sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode() + "'"
            if digest not in header_policy["script-src"]:
                problems.append(f"{path}: inline script not allowed by a hash: {script[:60]!r}")
    assert not problems, "\n".join(problems[:20])


def test_adding_the_meta_again_does_not_duplicate_it(site):
    page = site / "index.html"
    text = security_policy.with_meta(page.read_text(encoding="utf-8"), "default-src 'none'", page)
    text = security_policy.with_meta(text, "default-src 'self'", page)
    assert META_CSP.findall(text) == ["default-src 'self'"]


def test_assets_and_missing_pages_get_the_headers_too(site, server):
    expected = published_headers(site)
    worker = next((site / "assets" / "javascripts" / "workers").glob("search.*.min.js")).relative_to(site)
    home = (site / "index.html").read_text(encoding="utf-8")
    scripts = ["/" + src for src in re.findall(r'<script src="([^"]+)"', home)]
    styles = ["/" + href for href in re.findall(r'<link rel="stylesheet" href="([^"]+)"', home)]
    for path in ["/" + worker.as_posix(), "/search/search_index.json", *scripts, *styles]:
        status, headers, _ = fetch(server + path)
        assert status == 200, path
        assert headers["Content-Security-Policy"] == expected["Content-Security-Policy"], path
        assert headers["X-Content-Type-Options"] == "nosniff", path
        kind = "text/css" if path.endswith(".css") else "application/json" if path.endswith(".json") else "application/javascript"
        assert headers["Content-Type"].startswith(kind), f"{path}: nosniff needs the right type"
    for path, lang in (("/no-such-page/", "en"), ("/pl/no-such-page/", "pl"), ("/ur/no/such/page", "ur")):
        status, headers, body = fetch(server + path)
        assert status == 404, path
        assert f'<html lang="{lang}"' in body, f"{path} should get the {lang} 404 page"
        assert headers["Content-Security-Policy"] == expected["Content-Security-Policy"], path
    assert fetch(server + "/_headers")[0] == 404, "the host's header file is not for readers"


@pytest.fixture(scope="module")
def served_page(browser, server):
    """One browser context and one tab for every check below, recording what the policy blocked."""
    context = browser.new_context()
    record = {"violations": [], "errors": []}
    context.expose_binding("reportViolation", lambda source, text: record["violations"].append(text))
    context.add_init_script(REPORT_VIOLATIONS)
    context.route(re.compile(r"^https?://(?!127\.0\.0\.1)"), lambda route: route.fulfill(
        status=200, content_type="text/html", body="<title>Weather</title><p>Weather"))
    page = context.new_page()
    # Errors, and the warning Chromium gives for a Permissions-Policy feature it does not know.
    page.on("console", lambda message: (message.type == "error" or "Permissions-Policy" in message.text)
            and record["errors"].append(f"{page.url}: {message.text}"))
    page.on("pageerror", lambda error: record["errors"].append(f"{page.url}: {error}"))
    yield page, record
    context.close()


def test_page_loads_in_chromium_with_no_policy_violation(visit_page, page_path):
    """Every built page, served by nginx with the generated headers (conftest.visit_page): nothing blocked by the
    Content-Security-Policy, no Permissions-Policy warning, no script error."""
    visit = visit_page(page_path)
    assert visit.policy_violations == [], f"{page_path}: {visit.policy_violations[:20]}"
    assert visit.console_errors == [], f"{page_path}: console errors {visit.console_errors[:20]}"


@pytest.mark.parametrize("path", ["/", "/pl/", "/ur/"])
def test_search_works_under_the_policy(served_page, server, path):
    page, record = served_page
    page.goto(server + path, wait_until="load")
    word = max(re.findall(r"\w{4,}", page.locator(".md-content h1").inner_text()), key=len)
    page.locator(".md-search__input").click()
    page.keyboard.type(word)
    page.keyboard.press("End")  # Material searches on key-up; Urdu letters are typed as text, with no key-up
    page.locator(".md-search-result__item").first.wait_for(state="visible", timeout=10000)
    assert not record["violations"] and not record["errors"], record


def test_language_menu_and_quick_exit_work_under_the_policy(served_page, server):
    page, record = served_page
    page.goto(server + "/", wait_until="load")
    page.locator(".md-header .md-select").hover()
    page.locator('.md-select__link[hreflang="pl"]').click()
    page.wait_for_url(re.compile(re.escape(server) + r"/pl/"))
    assert page.evaluate("document.documentElement.lang") == "pl"
    page.locator(".quick-exit__button").click()
    page.wait_for_url(DESTINATION)
    assert not record["violations"] and not record["errors"], record

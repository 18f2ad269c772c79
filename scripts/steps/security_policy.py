"""Render data/security.yml, the one definition of the site's security headers and CSP, into everything that sends it.

After the last language is built and the other steps of scripts/finish.py have rewritten the pages (this step comes
after every step that changes a page, redirect pages included), it:
  - allows the inline <script>s listed under inline_scripts in data/security.yml by their hashes ('sha256-…'), never
    'unsafe-inline'; any other inline script in a finished page (one pasted into content, or a template script
    changed without its hash) stops the build, naming the page. Data blocks such as Material's
    <script type="application/json"> are not scripts: not hashed;
  - puts the policy in a <meta http-equiv="Content-Security-Policy"> right after <meta charset> in every page, for
    hosts that cannot send headers (directives in `header_only` are not allowed there and are left out);
  - writes site/_headers (Netlify, Cloudflare Pages) and build/nginx.conf beside site/ (from deploy/nginx.conf.in).
Re-running on the same files gives the same result: an older policy meta is replaced, not duplicated.
Under `mkdocs serve` no meta is written: the live-reload script MkDocs injects into each page would be blocked.
The offline copy (Material's offline plugin, opened from file://) gets the meta but no server configuration.
"""
from __future__ import annotations

import base64
import hashlib
import html
import logging
import pathlib
import re

from mkdocs.exceptions import PluginError

from helpers import sitedata

log = logging.getLogger("mkdocs.hooks.security_policy")
TEMPLATE = sitedata.ROOT / "deploy" / "nginx.conf.in"
SCRIPT = re.compile(r"<script\b(?P<attrs>[^>]*)>(?P<body>.*?)</script\s*>", re.S | re.I)
TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.I)
JAVASCRIPT_TYPES = {"", "module", "text/javascript", "application/javascript"}
CHARSET = re.compile(r"<meta charset=[^>]*>", re.I)
# From the newline before it, as with_meta writes it: a leading \s* would be tried at every space of the page.
OLD_META = re.compile(r'\n[ \t]*<meta http-equiv="Content-Security-Policy" content="[^"]*">', re.I)

def inline_script_hashes(pages: dict[pathlib.Path, str], allowed: list[str], site: pathlib.Path) -> list[str]:
    """The hashes of the allowed inline scripts the pages (path: text) use; any other inline script stops the build."""
    hashes, unknown = set(), {}
    for page, text in pages.items():
        for match in SCRIPT.finditer(text):
            attrs = match.group("attrs")
            kind = TYPE.search(attrs)
            if re.search(r"\bsrc\s*=", attrs, re.I) or (kind and kind.group(1).lower() not in JAVASCRIPT_TYPES):
                continue
            digest = "sha256-" + base64.b64encode(hashlib.sha256(match.group("body").encode("utf-8")).digest()).decode("ascii")
            if digest in allowed:
                hashes.add(f"'{digest}'")
            else:
                unknown.setdefault(digest, (page.relative_to(site).as_posix(), " ".join(match.group("body").split())[:80]))
    if unknown:
        raise PluginError("Inline scripts that are not the site's own (data/security.yml inline_scripts):\n  " + "\n  ".join(
            f"{page}: <script>{body}…</script> ({digest}). A script in a page or data file is never allowed: "
            "remove it. If a template's own script changed, list its new hash under inline_scripts."
            for digest, (page, body) in unknown.items()))
    return sorted(hashes)


def policy(definition: dict, hashes: list[str], for_meta: bool = False) -> str:
    directives = []
    for name, sources in definition["content_security_policy"].items():
        if for_meta and name in definition.get("header_only", []):
            continue
        sources = list(sources) + (hashes if name == "script-src" else [])
        directives.append(" ".join([name, *sources]))
    return "; ".join(directives)


def headers(definition: dict, hashes: list[str]) -> dict[str, str]:
    return {"Content-Security-Policy": policy(definition, hashes), **definition["headers"]}


def with_meta(text: str, meta_policy: str, page: pathlib.Path) -> str:
    """The page's text with the policy's meta right after <meta charset>, in place of an older one."""
    text = OLD_META.sub("", text)
    charset = CHARSET.search(text)
    if not charset:
        raise PluginError(f"{page}: no <meta charset> to put the Content-Security-Policy after")
    meta = f'\n      <meta http-equiv="Content-Security-Policy" content="{html.escape(meta_policy, quote=False)}">'
    return text[: charset.end()] + meta + text[charset.end():]


HASHED_NAME = re.compile(r"\.[0-9a-f]{8,}(\.min)?\.(css|js)$")


def hashed_files(site: pathlib.Path) -> list[str]:
    """Site paths of the files named by their content (they can be cached for a year)."""
    return sorted("/" + p.relative_to(site).as_posix() for p in site.rglob("*") if HASHED_NAME.search(p.name))


def netlify_headers(values: dict[str, str], cached: list[str], cache: dict) -> str:
    lines = ["# Generated from data/security.yml by scripts/steps/security_policy.py. Do not edit.", "/*"]
    lines += [f"  {name}: {value}" for name, value in values.items()]
    for path in cached:  # the host adds these to the /* headers above
        lines += [path, f"  Cache-Control: {cache['hashed']}"]
    return "\n".join(lines) + "\n"


def nginx_server(values: dict[str, str], site: pathlib.Path, langs: list[str], cached: list[str], cache: dict) -> str:
    add = "\n".join(f'    add_header {name} "{value}" always;' for name, value in values.items())
    # A location that adds a header of its own drops the server's headers, so it repeats them all.
    add += f'\n    add_header Cache-Control "{cache["other"]}" always;\n'
    add += "\n".join(
        f"    location = {path} {{\n" + add.split("\n    add_header Cache-Control")[0].replace("    add_header", "        add_header")
        + f'\n        add_header Cache-Control "{cache["hashed"]}" always;\n    }}' for path in cached)
    not_found = "\n".join(
        f"    location /{lang}/ {{\n        error_page 404 /{lang}/404.html;\n        try_files $uri $uri/ =404;\n    }}"
        for lang in langs if lang != sitedata.DEFAULT_LANGUAGE)
    return (TEMPLATE.read_text(encoding="utf-8")
            .replace("@ROOT@", str(site.resolve()))
            .replace("@HEADERS@", add)
            .replace("@LANGUAGE_404@", not_found))


def apply_policy(build: sitedata.Build) -> None:
    definition = sitedata.load("security.yml")
    site = build.site
    pages = dict(build.pages.items())
    hashes = inline_script_hashes(pages, [entry["hash"] for entry in definition.get("inline_scripts") or []], site)
    values = headers(definition, hashes)
    if any('"' in value or "\n" in value for value in values.values()):
        raise PluginError("data/security.yml: header values may not contain double quotes or line breaks")
    if not build.serve:
        meta_policy = policy(definition, hashes, for_meta=True)
        for page, text in pages.items():
            build.pages[page] = with_meta(text, meta_policy, page)
    if build.serve or build.offline:
        return  # a temporary or file:// copy: no web server will serve it
    cached, cache = hashed_files(site), definition["cache"]
    (site / "_headers").write_text(netlify_headers(values, cached, cache), encoding="utf-8")
    nginx = site.parent / "build" / "nginx.conf"
    nginx.parent.mkdir(parents=True, exist_ok=True)
    nginx.write_text(nginx_server(values, site, build.languages, cached, cache), encoding="utf-8")
    log.info("CSP: %d inline script hash(es); wrote %s and %s", len(hashes), site / "_headers", nginx)

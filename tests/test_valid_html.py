"""Every built page, in every language, is valid HTML: 0 errors from the W3C Nu HTML checker (vnu.jar).

The checker runs once over all the .html files of SITE_DIR (pages, 404 pages, redirect pages). `make test` installs
it into tools/vnu/ (npm package vnu-jar, pinned in tools/vnu/package.json) and Debian's Java to run it.
Each error is printed as `page: line: message`. Material's invalid markup is fixed by scripts/valid_html.py.
"""
from __future__ import annotations

import json
import pathlib
import shutil
import subprocess

import pytest

from conftest import ROOT

VNU = ROOT / "tools" / "vnu" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# Messages that are wrong about current HTML, each by its exact text and the markup it is about. Nothing else.
ALLOWED = [
    # The HTML standard allows blocking="render" on <link rel="expect"> (render-blocking until the element with that
    # id is parsed: overrides/main.html keeps the help box from flashing in late); the checker still knows only
    # rel="stylesheet".
    ("A “link” element with a “blocking” attribute must have a “rel” attribute whose value is “stylesheet”.",
     'rel="expect"'),
]


def allowed(message: dict) -> bool:
    return any(message.get("message") == text and markup in message.get("extract", "") for text, markup in ALLOWED)


def test_every_page_is_valid_html(site):
    java = shutil.which("java")
    if not java:
        pytest.fail("java is missing: run `make test`, which installs Debian's default-jre-headless")
    if not VNU.exists():
        pytest.fail(f"{VNU.relative_to(ROOT)} is missing: run `make test`, which installs it (npm, tools/vnu/)")
    pages = sorted(site.rglob("*.html"))
    assert pages, f"no .html files in {site}"
    run = subprocess.run([java, "-jar", str(VNU), "--errors-only", "--skip-non-html", "--format", "json",
                          str(site)], capture_output=True, text=True, timeout=600)
    try:
        messages = json.loads(run.stderr or run.stdout)["messages"]  # vnu writes its JSON report to stderr
    except (json.JSONDecodeError, KeyError):
        pytest.fail(f"vnu.jar gave no report (exit {run.returncode}):\n{run.stdout}\n{run.stderr}")
    errors = []
    for message in messages:
        if message.get("type") not in ("error", "non-document-error"):
            continue
        if allowed(message):
            continue
        url = message.get("url", "")
        page = url.split(site.as_posix(), 1)[-1] if site.as_posix() in url else url
        errors.append(f"{page}: {message.get('lastLine', '?')}: {message.get('message', '')}")
    print(f"vnu.jar checked {len(pages)} pages: {len(errors)} errors")
    for error in errors:
        print(error)
    assert not errors, f"{len(errors)} HTML errors (W3C Nu checker):\n" + "\n".join(errors[:50])

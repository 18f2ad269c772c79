"""Put each easy-read picture into the page itself, so the pictures cost no extra request.

Editors write `![A phone](../assets/easy-read/icons.svg#phone){ .easy-read-icon }` (it previews as an image of that
sprite's `<view>`); this hook replaces the rendered `<img>` with an inline `<svg role="img">` holding that one
picture, named by the image's text alternative (overrides/partials/easy-read-icon.html). The sprite,
docs/assets/easy-read/icons.svg, stays the one source.
"""
from __future__ import annotations

import functools
import html
import pathlib
import re

from markupsafe import Markup
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from helpers import sitedata

SPRITE = pathlib.Path(__file__).resolve().parent.parent / "docs" / "assets" / "easy-read" / "icons.svg"
# One picture in the sprite: <view id="phone" viewBox="0 48 48 48"/><g transform="translate(0 48)">…</g>
PICTURE = re.compile(r'<view id="(?P<id>[a-z-]+)" viewBox="0 (?P<y>\d+) 48 48"/>'
                     r'<g transform="translate\(0 (?P=y)\)">(?P<body>.*?)</g>', re.S)
IMG = re.compile(r'<img\b(?=[^>]*\bclass="easy-read-icon")[^>]*>')
ATTR = re.compile(r'(\w+)="([^"]*)"')


@functools.lru_cache(maxsize=1)
def pictures() -> dict[str, str]:
    text = SPRITE.read_text(encoding="utf-8")
    fill = re.search(r'<svg\b[^>]*\bfill="([^"]+)"', text).group(1)
    return {m["id"]: (fill, m["body"]) for m in PICTURE.finditer(text)}


def inline(img: str, where: str) -> str:
    attrs = dict(ATTR.findall(img))
    name = attrs.get("src", "").partition("#")[2]
    if name not in pictures():
        raise PluginError(f"{where}: easy-read picture '#{name}' is not in {SPRITE.name}; "
                         f"use one of: {', '.join(sorted(pictures()))}")
    if not attrs.get("alt", "").strip():
        raise PluginError(f"{where}: easy-read picture '#{name}' has no text alternative; "
                         f"write what it shows between the brackets: ![A phone](…)")
    fill, body = pictures()[name]
    return sitedata.render("partials/easy-read-icon.html", fill=fill, body=Markup(body),
                           label=html.unescape(attrs.get("alt", "")))


def source_line(page, name: str) -> str:
    """docs/FILE:LINE of the first use of picture #name, for the build's message."""
    lines = pathlib.Path(page.file.abs_src_path).read_text(encoding="utf-8").splitlines()
    line = next((n for n, text in enumerate(lines, 1) if f"icons.svg#{name}" in text), None)
    return f"docs/{page.file.src_uri}" + (f":{line}" if line else "")


@event_priority(-110)  # after validate_content's check of the page's HTML (-100), which refuses <svg> in content
def on_page_content(html_text, page, config, files):
    if 'class="easy-read-icon"' not in html_text:
        return html_text

    def replace(match):
        name = dict(ATTR.findall(match.group(0))).get("src", "").partition("#")[2]
        return inline(match.group(0), source_line(page, name))
    return IMG.sub(replace, html_text)

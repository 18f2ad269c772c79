"""Put the Urdu font inside the Urdu pages' stylesheet, so the font is there for the first paint.

Urdu pages link assets/stylesheets/urdu.css (overrides/main.html). As a separate file, the font arrived after the
first paint on a slow connection, and the browser swapped it in and moved every line below it (layout shift), even
with font-display: optional and a preload. A stylesheet in the <head> holds back the first paint until it has
arrived, so with the font inside it, Urdu text is laid out once, in its own font (urdu.css explains the rest).
Fetched by Urdu pages only.

After every language is built, this hook replaces the stylesheet's url("../fonts/….woff2") with a data: URL
(hence font-src data: in data/security.yml), names the result by its content (urdu.<hash>.css, cached for a
year like the other hashed files) and points the pages at it. The .woff2 itself is then unused and not published.
"""
from __future__ import annotations

import base64
import hashlib
import pathlib
import re

from mkdocs.plugins import event_priority

import sitedata

STYLESHEET = "assets/stylesheets/urdu.css"
FONT_URL = re.compile(r'url\("\.\./fonts/(?P<file>[^"/]+\.woff2)"\)')


@event_priority(-195)  # with the other final-pass rewrites of pages, before the security policy (-250)
def on_post_build(config):
    if not sitedata.is_final_pass(config):
        return
    site = pathlib.Path(config.site_dir)
    source = site / STYLESHEET
    if not source.exists():
        return  # already embedded (a --dirty rebuild)
    css = source.read_text(encoding="utf-8")
    fonts = set()

    def embed(match: re.Match) -> str:
        font = site / "assets" / "fonts" / match.group("file")
        fonts.add(font)
        return 'url("data:font/woff2;base64,' + base64.b64encode(font.read_bytes()).decode("ascii") + '")'

    css, count = FONT_URL.subn(embed, css)
    if not count:
        raise ValueError(f"{STYLESHEET} names no ../fonts/*.woff2 font to embed")
    name = f"assets/stylesheets/urdu.{hashlib.sha256(css.encode('utf-8')).hexdigest()[:10]}.css"
    (site / name).write_text(css, encoding="utf-8")
    source.unlink()
    for font in fonts:
        font.unlink()
    old, new = STYLESHEET.rsplit("/", 1)[1], name.rsplit("/", 1)[1]
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        if f'stylesheets/{old}"' in text:
            page.write_text(text.replace(f'stylesheets/{old}"', f'stylesheets/{new}"'), encoding="utf-8")

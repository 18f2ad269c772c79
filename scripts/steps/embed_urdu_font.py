"""Put the Urdu font inside the Urdu pages' stylesheet, so the font is there for the first paint.

Urdu pages link assets/stylesheets/urdu.css (overrides/main.html). As a separate file, the font arrived after the
first paint on a slow connection, and the browser swapped it in and moved every line below it (layout shift), even
with font-display: optional and a preload. A stylesheet in the <head> holds back the first paint until it has
arrived, so with the font inside it, Urdu text is laid out once, in its own font (urdu.css explains the rest).
Fetched by Urdu pages only.

After every language is built, this step of scripts/finish.py replaces the stylesheet's url("../fonts/….woff2") with a data: URL
(hence font-src data: in data/security.yml) and puts it after the stylesheet every page has (theme and site, from
bundle_assets.py, which runs just before): Urdu pages then fetch one stylesheet, like the others, not two. The
result is named by its content (urdu.<hash>.css, cached for a year like the other hashed files), takes the place
of the shared stylesheet in the Urdu pages, and their own link to urdu.css goes. The .woff2 itself is then unused
and not published.
"""
from __future__ import annotations

import base64
import hashlib
import re

from steps import bundle_assets
from helpers import sitedata

STYLESHEET = "assets/stylesheets/urdu.css"
SHARED = re.compile(r'<link rel="stylesheet" href="(?P<prefix>[^"]*?)assets/stylesheets/(?P<name>site\.[0-9a-f]+\.css)">')
FONT_URL = re.compile(r'url\("\.\./fonts/(?P<file>[^"/]+\.woff2)"\)')


def embed_font(build: sitedata.Build) -> None:
    site = build.site
    source = site / STYLESHEET
    if not source.exists():
        return  # already embedded (a --dirty rebuild)
    css = bundle_assets.minify_css(source.read_text(encoding="utf-8")) + "\n"
    fonts = set()

    def embed(match: re.Match) -> str:
        font = site / "assets" / "fonts" / match.group("file")
        fonts.add(font)
        return 'url("data:font/woff2;base64,' + base64.b64encode(font.read_bytes()).decode("ascii") + '")'

    css, count = FONT_URL.subn(embed, css)
    if not count:
        raise ValueError(f"{STYLESHEET} names no ../fonts/*.woff2 font to embed")
    pages = {page: text for page, text in build.pages.items() if f'stylesheets/{STYLESHEET.rsplit("/", 1)[1]}"' in text}
    shared = {match.group("name") for text in pages.values() if (match := SHARED.search(text))}
    if len(shared) > 1:
        raise ValueError(f"Urdu pages link different shared stylesheets: {sorted(shared)}")
    if shared:  # the theme's and the site's rules first, as in the other pages
        css = (site / "assets" / "stylesheets" / shared.pop()).read_text(encoding="utf-8").rstrip() + "\n" + css
    name = f"assets/stylesheets/urdu.{hashlib.sha256(css.encode('utf-8')).hexdigest()[:10]}.css"
    (site / name).write_text(css, encoding="utf-8")
    source.unlink()
    for font in fonts:
        font.unlink()
    # With its line's break and indentation; a leading \s* would be tried at every space of the page.
    own_link = re.compile(r'(?:\n[ \t]*)?<link rel="stylesheet" href="[^"]*stylesheets/' + re.escape(STYLESHEET.rsplit("/", 1)[1]) + '">')
    for page, text in pages.items():
        new = SHARED.sub(lambda m: f'<link rel="stylesheet" href="{m.group("prefix")}{name}">', text, count=1)
        if new == text:  # no shared stylesheet: the Urdu one where urdu.css was
            new = own_link.sub(lambda m: m.group(0).replace("assets/stylesheets/urdu.css", name), text)
        else:
            new = own_link.sub("", new)
        build.pages[page] = new

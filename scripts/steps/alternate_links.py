"""Remove <link rel="alternate" hreflang> from pages; hreflang lives in sitemap.xml instead.

Material fetches <alternate>/sitemap.xml for each such link on every page load, and static-i18n writes no such
files, so every page made several failing requests. The header's language menu already links each page to the
same page in the other languages; search engines get hreflang (absolute URLs, x-default) from sitemap.xml. A step of scripts/finish.py.
"""
from __future__ import annotations

import re

from helpers import sitedata

# Each link with the line break and indentation before it (a leading [ \t]* would be tried at every space).
ALTERNATE = re.compile(r'\n[ \t]*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')


def drop_alternates(build: sitedata.Build) -> None:
    for page, text in build.pages.items():
        build.pages[page] = ALTERNATE.sub("", text)

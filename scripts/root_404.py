"""One 404 page per language: English at the site root, each other language at /<lang>/404.html.

Every language build renders 404.html into the same place, so without this hook the root copy is whichever
language was built last and no language has its own. The hook keeps each language's rendering (on_post_template,
after external_links.py and valid_html.py have rewritten it: they come before this in mkdocs.yml) and
write_404_pages, a step of scripts/finish.py, writes them out after the last build.
"""
from __future__ import annotations

import re

from helpers import sitedata

_rendered = {}


SWITCHER_LINK = re.compile(r'<a href="[^"]*" hreflang="([^"]+)" class="md-select__link"')


def on_post_template(output, template_name, config):
    if template_name == "404.html":
        # A 404 page has no translations of its own: its language menu leads to each language's home page.
        # (static-i18n leaves the menu of the last page it rendered here.) 404 pages use root-absolute links.
        base = config.site_url and re.sub(r"^https?://[^/]+", "", config.site_url) or "/"
        output = SWITCHER_LINK.sub(
            lambda m: f'<a href="{base}{"" if m.group(1) == sitedata.DEFAULT_LANGUAGE else m.group(1) + "/"}" '
                      f'hreflang="{m.group(1)}" class="md-select__link"', output)
        _rendered[sitedata.language(config)] = output
    return output


def write_404_pages(build: sitedata.Build) -> None:
    site = build.site
    for lang, output in _rendered.items():
        target = site / "404.html" if lang == sitedata.DEFAULT_LANGUAGE else site / lang / "404.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(output, encoding="utf-8")

"""MkDocs hook: make Material's markup valid HTML (tests/test_valid_html.py runs the W3C Nu checker on every page).

Each fix removes an attribute that does nothing in a browser, so no reader sees or feels a difference:
  * tabindex="" on the nav's section labels (Material writes tabindex="{% if not indexes %}0{% endif %}"; with
    navigation.indexes it is empty, and an empty tabindex is an invalid number that browsers ignore: the label
    was never focusable, and the section's own link stays the one in the tab order);
  * autocomplete="off" on the drawer and search toggles (not allowed on a checkbox; Material wrote it so that
    Firefox does not bring a menu or search back open when the reader comes back to the page:
    search-on-demand.js now does that job);
  * for="__toc" on the table of contents' title where the page has no __toc toggle (section index pages: Material
    renders the toggle only in the nav item of a page that is not a section's index), a label for nothing.

It runs per page (on_post_page, every language) and for the theme's 404 pages (on_post_template).
"""
from __future__ import annotations

import re

from mkdocs.plugins import event_priority

EMPTY_TABINDEX = re.compile(r'(<label class="md-nav__link[^"]*"[^>]*?) tabindex=""')
TOGGLE_AUTOCOMPLETE = re.compile(r'(<input class="md-toggle" data-md-toggle="(?:drawer|search)" type="checkbox" '
                                 r'id="__(?:drawer|search)") autocomplete="off"')
TOC_LABEL = '<label class="md-nav__title" for="__toc">'


def valid(html: str) -> str:
    html = EMPTY_TABINDEX.sub(r"\1", html)
    html = TOGGLE_AUTOCOMPLETE.sub(r"\1", html)
    if 'id="__toc"' not in html:
        html = html.replace(TOC_LABEL, '<label class="md-nav__title">')
    return html


@event_priority(-100)  # after the other hooks' page rewrites
def on_post_page(output: str, page, config) -> str:
    return valid(output)


# Before root_404.py (later in mkdocs.yml) keeps each language's 404 page.
def on_post_template(output_content: str, template_name: str, config) -> str:
    return valid(output_content) if template_name.endswith(".html") else output_content

"""Ship the site's own styles and scripts as one CSS and one JS file, named by their content.

Authors keep small files, one per job (site.css, quick-exit.css, quick-exit.js …, listed in extra_css and
extra_javascript). After the last language is built, this hook joins them in order into
assets/stylesheets/site.<hash>.css and assets/javascripts/site.<hash>.js, points every page at those two files
and removes the parts. Two requests instead of one per file; the content hash in the name lets hosts cache them
for a year (deploy/ headers), since a change gives a new name.
"""
from __future__ import annotations

import hashlib
import pathlib
import re

from mkdocs.plugins import event_priority

import sitedata


def _bundle(site: pathlib.Path, parts: list[str], folder: str, suffix: str) -> str | None:
    files = [site / part for part in parts]
    if not files:
        return None
    for file in files:
        if file.parent != site / folder:
            raise ValueError(f"{file}: bundled files must sit in {folder}/ so relative url()s stay valid")
    content = b"\n".join(file.read_bytes().rstrip() + (b"\n;" if suffix == "js" else b"\n") for file in files)
    name = f"{folder}/site.{hashlib.sha256(content).hexdigest()[:10]}.{suffix}"
    (site / name).write_bytes(content)
    for file in files:
        file.unlink()
    return name


def _rewrite(html: str, parts: list[str], bundle: str, tag: str) -> str:
    pattern = {"css": r'<link rel="stylesheet" href="(?P<prefix>[^"]*?){part}">\n?',
               "js": r'<script src="(?P<prefix>[^"]*?){part}"></script>\n?'}[tag]
    first = True

    def replace(match):
        nonlocal first
        if not first:
            return ""
        first = False
        prefix = match.group("prefix")
        return (f'<link rel="stylesheet" href="{prefix}{bundle}">\n' if tag == "css"
                else f'<script src="{prefix}{bundle}"></script>\n')

    for part in parts:
        html = re.sub(pattern.format(part=re.escape(part)), replace, html)
    return html


@event_priority(-195)  # after the other final-pass rewrites of pages, before the security policy hashes them
def on_post_build(config):
    if not sitedata.is_final_pass(config):
        return
    site = pathlib.Path(config.site_dir)
    css_parts = [str(path) for path in config.extra_css]
    js_parts = [str(path) for path in config.extra_javascript]
    if not (site / css_parts[0]).exists():
        return  # already bundled (a --dirty rebuild)
    css = _bundle(site, css_parts, "assets/stylesheets", "css")
    js = _bundle(site, js_parts, "assets/javascripts", "js")
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        new = _rewrite(_rewrite(text, css_parts, css, "css"), js_parts, js, "js")
        if new != text:
            page.write_text(new, encoding="utf-8")

"""Ship the theme's and the site's styles as one CSS file and the site's scripts as one JS file, named by content.

Authors keep small files, one per job (site.css, quick-exit.css, quick-exit.js …, listed in extra_css and
extra_javascript). After the last language is built, this step of scripts/finish.py joins Material's stylesheet (already cut down to
what the site uses by trim_theme_css.py) and those files in page order into assets/stylesheets/site.<hash>.css,
and the scripts into assets/javascripts/site.<hash>.js, points every page at those two files and removes the
parts. Two requests for every page's styles and scripts, however many files the authors keep; the content hash in
the name lets hosts cache them for a year (deploy/ headers), since a change gives a new name. (Urdu pages get one
more stylesheet part, with their font: embed_urdu_font.py.)
"""
from __future__ import annotations

import hashlib
import pathlib
import re

from helpers import sitedata
from steps import trim_theme_css


def minify_css(css: str) -> str:
    """The site's CSS without comments and the spaces around { } ; , : that mean nothing (strings kept as written).
    Authors keep their comments in the source; readers do not download them."""
    out, i, n = [], 0, len(css)
    while i < n:
        c = css[i]
        if c in "\"'":
            end = i + 1
            while end < n and css[end] != c:
                end += 2 if css[end] == "\\" else 1
            out.append(css[i:end + 1])
            i = end + 1
        elif css.startswith("/*", i):
            i = css.index("*/", i + 2) + 2
        elif c.isspace():
            while i < n and css[i].isspace():
                i += 1
            if out and out[-1][-1:] not in "{};,:" and i < n and css[i] not in "{};,!" and not css.startswith("/*", i):
                out.append(" ")
        else:
            out.append(c)
            i += 1
    return "".join(out).replace(";}", "}").strip()


JS_COMMENT_LINE = re.compile(r"^\s*//[^\n]*\n", re.M)
JS_COMMENT_BLOCK = re.compile(r"^\s*/\*.*?\*/[ \t]*\n", re.M | re.S)
JS_TRAILING_COMMENT = re.compile(r"(?P<code>^[^\n'\"`/]*?;)[ \t]{2,}//[^\n]*$", re.M)


def minify_js(js: str) -> str:
    """The site's own scripts without comments and indentation (written one statement a line, no template strings)."""
    js = JS_COMMENT_BLOCK.sub("", js)
    js = JS_COMMENT_LINE.sub("", js)
    js = JS_TRAILING_COMMENT.sub(r"\g<code>", js)
    return re.sub(r"^[ \t]+", "", js, flags=re.M)


def _bundle(site: pathlib.Path, parts: list[str], folder: str, suffix: str, keep: int = 0) -> str | None:
    files = [site / part for part in parts]
    if not files:
        return None
    for file in files:
        if file.parent != site / folder:
            raise ValueError(f"{file}: bundled files must sit in {folder}/ so relative url()s stay valid")
    minify = minify_js if suffix == "js" else minify_css
    content = b"\n".join(
        (file.read_bytes() if index < keep else minify(file.read_text(encoding="utf-8")).encode("utf-8")).rstrip()
        + (b"\n;" if suffix == "js" else b"\n") for index, file in enumerate(files))
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


def bundle(build: sitedata.Build) -> None:
    site, config = build.site, build.config
    theme = sorted(p.relative_to(site).as_posix() for p in site.glob(trim_theme_css.THEME_CSS))
    css_parts = theme + [str(path) for path in config.extra_css]
    js_parts = [str(path) for path in config.extra_javascript]
    if not css_parts or not (site / css_parts[-1]).exists():
        return  # already bundled (a --dirty rebuild)
    css = _bundle(site, css_parts, "assets/stylesheets", "css", keep=len(theme))  # Material's is minified already
    js = _bundle(site, js_parts, "assets/javascripts", "js")
    for page, text in build.pages.items():
        build.pages[page] = _rewrite(_rewrite(text, css_parts, css, "css"), js_parts, js, "js")

"""Give a translated page the same heading ids as its English source, so #links survive a language switch.

English headings keep their usual ids (or an explicit {#id}). In a translation, each heading without an explicit
id gets the id of the English heading in the same position. If the two pages have a different number of headings,
nothing is changed (the translation is out of step; the parity tests report it).
"""
import re

from pymdownx.slugs import slugify

from helpers import sitedata

HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t]*#*[ \t]*$")
EXPLICIT_ID = re.compile(r"\{[^}]*#([\w-]+)[^}]*\}\s*$")
FENCE = re.compile(r"^\s*(```|~~~)")
_slug = slugify(case="lower")


def headings(markdown: str):
    """(line number, level, text) of each Markdown heading outside code fences."""
    found, fenced = [], False
    for number, line in enumerate(markdown.splitlines()):
        if FENCE.match(line):
            fenced = not fenced
            continue
        match = None if fenced else HEADING.match(line)
        if match:
            found.append((number, len(match.group(1)), match.group(2)))
    return found


def heading_id(text: str) -> str:
    explicit = EXPLICIT_ID.search(text)
    return explicit.group(1) if explicit else _slug(text, "-")


def english_source(page):
    src = page.file.abs_src_path
    locale = getattr(page.file, "locale", sitedata.DEFAULT_LANGUAGE)
    if locale == sitedata.DEFAULT_LANGUAGE or not src.endswith(f".{locale}.md"):
        return None
    return src[: -len(f".{locale}.md")] + ".md"


def on_page_markdown(markdown, page, config, files):
    source = english_source(page)
    if source is None:
        return markdown
    try:
        english = open(source, encoding="utf-8").read()
    except OSError:
        return markdown
    english_ids = [heading_id(text) for _, level, text in headings(english) if level > 1]
    own = [(n, level, text) for n, level, text in headings(markdown) if level > 1]
    if len(english_ids) != len(own):
        return markdown
    lines = markdown.splitlines()
    for (number, _, text), wanted in zip(own, english_ids):
        if not EXPLICIT_ID.search(text):
            lines[number] = lines[number].rstrip().rstrip("#").rstrip() + f" {{#{wanted}}}"
    return "\n".join(lines) + "\n"

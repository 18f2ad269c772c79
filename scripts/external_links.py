"""Make every link to another site carry rel="noreferrer", so that site is not told which of our pages the reader was on.

[[link …]] shortcodes already add it; this catches the rest (a Markdown link or a bare address typed in a page,
a template). The site also sends Referrer-Policy: no-referrer; this keeps the promise on hosts that ignore it.
"""
import re
from urllib.parse import urlsplit

A_TAG = re.compile(r"<a\b[^>]*>", re.I)
HREF = re.compile(r"""\shref\s*=\s*(["'])(.*?)\1""", re.I | re.S)
REL = re.compile(r"""(\srel\s*=\s*)(["'])(.*?)\2""", re.I | re.S)


def add_noreferrer(output: str, own_host: str) -> str:
    def fix(match):
        tag = match.group(0)
        href = HREF.search(tag)
        if not href:
            return tag
        url = urlsplit(href.group(2).strip())
        if url.scheme not in ("http", "https", "") or not url.netloc or url.hostname == own_host:
            return tag
        rel = REL.search(tag)
        if not rel:
            return tag[:-1] + ' rel="noreferrer">'
        if "noreferrer" in rel.group(3).split():
            return tag
        return tag[: rel.start()] + f"{rel.group(1)}{rel.group(2)}{rel.group(3)} noreferrer{rel.group(2)}" + tag[rel.end():]
    return A_TAG.sub(fix, output)


def on_post_template(output, template_name, config):  # before root_404.py (later in mkdocs.yml) keeps each 404 page
    return add_noreferrer(output, urlsplit(config.site_url or "").hostname)


def on_post_page(output, page, config):
    return add_noreferrer(output, urlsplit(config.site_url or "").hostname)

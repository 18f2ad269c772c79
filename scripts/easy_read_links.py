"""Link each standard page to its easy-read version, in the reader's language.

The pair is written once, in the easy-read page's front matter (`easy_read_of: signs/human-trafficking.md`); the
easy-read page links back in its own text. Templates call easy_read_version(page) (overrides/main.html).
"""
from __future__ import annotations

import pathlib

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.utils.meta import get_data

from helpers import languages
from helpers import sitedata

DOCS = sitedata.ROOT / "docs"


def versions() -> dict[str, str]:
    """English source of a standard page -> English source of its easy-read version."""
    pairs = {}
    for path in sorted((DOCS / "easy-read").glob("*.md")):
        if languages.source_key(path.name) != path.name:
            continue  # a translation: the English page carries the pair
        of = get_data(path.read_text(encoding="utf-8"))[1].get("easy_read_of")
        if of is None:
            continue
        if not (DOCS / of).is_file():
            raise PluginError(f"docs/easy-read/{path.name}: easy_read_of: {of} is not a page under docs/; "
                              "write the standard page's path, e.g. signs/human-trafficking.md")
        pairs[of] = f"easy-read/{path.name}"
    return pairs


@event_priority(-110)  # after static-i18n has switched the build to its language (as template_data.py)
def on_env(env, config, files):
    lang = sitedata.language(config)
    pairs = versions()
    # The easy-read page as this language's build writes it: its own URL (pl/easy-read/x/ on the web,
    # easy-read/x.html in the offline copy), the translation where there is one, else the English page.
    urls: dict[str, str] = {}
    for file in files.documentation_pages():
        key = languages.source_key(file.src_uri)
        if key in pairs.values() and (key not in urls or file.src_uri.endswith(f".{lang}.md")):
            urls[key] = file.url

    def easy_read_version(page) -> str | None:
        easy = pairs.get(languages.source_key(page.file.src_uri)) if page and page.file else None
        return urls.get(easy) if easy else None
    env.globals["easy_read_version"] = easy_read_version
    return env

"""Fail the build with a clear message, naming the file, when content is malformed.

Checked once per build, before any page is rendered:
  - a file name with a language suffix that is not one of the site's languages (page.de.md);
  - a translation whose English source does not exist (page.pl.md without page.md);
  - front matter that is not valid YAML, not a mapping, or has a known key of the wrong type.
Broken links and pages missing from the nav are caught by MkDocs' own validation (strict mode).
"""
from __future__ import annotations

import datetime
import pathlib
import re

import yaml
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from helpers import sitedata

SUFFIX = re.compile(r"^(?P<stem>.+?)\.(?P<lang>[a-z]{2,3}(?:[_-][A-Za-z]{2})?)\.md$")
FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*\n", re.S)
FIELD_TYPES = {
    "title": str,
    "description": str,
    "help": str,
    "hide": list,
    "reviewed_by": str,
    "reviewed_on": (datetime.date, str),
    "translation_of": str,
    "machine_translated": bool,
    "audience": str,
    "content_note": bool,
    "search": dict,
}
HELP_TOPICS = {"child", "young", "trafficking", "general"}


def problems(docs_dir: pathlib.Path, langs: list[str]) -> list[str]:
    found = []
    for path in sorted(docs_dir.rglob("*.md")):
        rel = path.relative_to(docs_dir).as_posix()
        match = SUFFIX.match(path.name)
        if match:
            lang = match.group("lang")
            if lang not in langs:
                found.append(f"{rel}: '{lang}' is not one of this site's languages ({', '.join(langs)})")
            elif not path.with_name(match.group("stem") + ".md").exists():
                found.append(f"{rel}: translation with no English source ({match.group('stem')}.md is missing)")
        found.extend(f"{rel}: {p}" for p in front_matter_problems(path.read_text(encoding="utf-8")))
    return found


def front_matter_problems(text: str) -> list[str]:
    match = FRONT_MATTER.match(text)
    if not match:
        return []
    try:
        meta = sitedata.read_yaml(match.group(1))
    except yaml.YAMLError as error:
        return [f"front matter is not valid YAML ({str(error).splitlines()[0]})"]
    if meta is None:
        return []
    if not isinstance(meta, dict):
        return ["front matter must be a list of 'key: value' lines"]
    found = []
    for key, kind in FIELD_TYPES.items():
        if key in meta and not isinstance(meta[key], kind):
            found.append(f"front matter '{key}' has the wrong type ({type(meta[key]).__name__})")
    if isinstance(meta.get("help"), str) and meta["help"] not in HELP_TOPICS:
        found.append(f"front matter 'help' must be one of {sorted(HELP_TOPICS)}, not '{meta['help']}'")
    return found


@event_priority(100)  # before static-i18n sorts files into languages
def on_files(files, config):
    if sitedata.language(config) != sitedata.DEFAULT_LANGUAGE:
        return files  # checked once, in the first (English) build
    found = problems(pathlib.Path(config.docs_dir), sitedata.languages(config))
    if found:
        raise PluginError("Content problems:\n  " + "\n  ".join(found))
    return files

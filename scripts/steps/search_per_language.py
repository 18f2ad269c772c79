"""Give each language its own search index, and fold accents so "ludzmi" finds "ludźmi".

static-i18n writes one index for all languages; Material then searches every language from every page.
After the last language is built (and static-i18n has merged the index) this step of scripts/finish.py:
  - splits site/search/search_index.json into site/<lang>/search/search_index.json (English stays at the root);
  - points each non-English page's search at its own index (the "base" in Material's __config JSON);
  - asks Material's search worker to load lunr.fold (overrides/assets/javascripts/lunr/min/lunr.fold.min.js)
    for languages typed with diacritics, which indexes each word without accents and folds query terms alike.
In the offline copy (Material's offline plugin wrote search/search_index.js), each language's index is also
written as <lang>/search/search_index.js, the form Material reads from file://.
Search that forgives (nothing of it is on a page's first load; SEARCH_FORGIVES=0 builds without it, to compare):
  - synonyms from data/search-synonyms.yml: a page whose title or text has one term of a group gets the group's
    other terms in a hidden index field ("synonyms"), so a reader's word the pages do not use still finds them;
  - overrides/assets/javascripts/workers/search-forgives.js is appended to Material's search worker (a search
    that finds nothing is retried allowing one wrong letter per word), after the lunr language scripts
    (JOINED_LUNR) and workers/search-languages.js, so the worker fetches no script once the index has arrived;
  - overrides/assets/javascripts/search-forgives.js (the "Get help now" numbers and "What should I do now?" when
    nothing is found) is put in front of Material's script, which only search-on-demand.js fetches.
  Both joined files get new content-hashed names of the same length, so pages do not grow.
An index whose pages have no tags loses Material's "tags" field: even empty, a field costs the worker time for every
word while the reader waits for the first result.
Untranslated pages stay in a language's index as their /<lang>/… fallback copies, so results keep the reader
in their language's interface.
"""
from __future__ import annotations

import hashlib
import html
import json
import logging
import os
import pathlib
import re
import unicodedata

from jinja2.utils import htmlsafe_json_dumps
from mkdocs.exceptions import PluginError

from helpers import languages
from helpers import sitedata

log = logging.getLogger("mkdocs.hooks.search_per_language")
FOLDED_LANGUAGES = languages.folded()  # search_fold in mkdocs.yml
FORGIVES = os.environ.get("SEARCH_FORGIVES", "1") != "0"
# Hidden index fields (Material shows only title, text and tags): synonyms of words in the title weigh like the
# title, those of words in the text like the text.
SYNONYM_FIELDS = {"title_synonyms": {"boost": 1000.0}, "synonyms": {"boost": 1.0}}
# The lunr language scripts the indexes name (lunr_settings; Material adds lunr.stemmer.support to any), joined
# into the search worker: fetched on their own, they came one after the other once the index had arrived.
JOINED_LUNR = ["lunr.stemmer.support.min.js", "lunr.fold.min.js"]
EXTRA_FOLD = str.maketrans({"ł": "l", "Ł": "L", "đ": "d", "Đ": "D"})  # as lunr.fold.min.js
TAG = re.compile(r"<[^>]+>")
CONFIG_JSON = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)


def lunr_settings(lang: str) -> dict:
    if lang in FOLDED_LANGUAGES:
        return {"lang": ["fold"], "pipeline": []}
    if lang == "en":
        return {"lang": ["en"], "pipeline": ["stopWordFilter"]}
    return {"lang": ["en"], "pipeline": []}  # Urdu: no stemmer or stop words exist for it in lunr


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.translate(EXTRA_FOLD))
    marks = {ord(c): None for c in set(decomposed) if unicodedata.combining(c)}  # each distinct character once
    return unicodedata.normalize("NFC", decomposed.translate(marks))


def _normal(text: str, lang: str) -> str:
    text = html.unescape(TAG.sub(" ", text)).lower()
    return fold(text) if lang in FOLDED_LANGUAGES else unicodedata.normalize("NFC", text)


def synonym_groups(lang: str) -> list[tuple[list[str], list[re.Pattern], list[str]]]:
    """[(terms, one pattern per term, each term's first word)]: a term matches whole words at their start ("trafic"
    in "traficul")."""
    groups = []
    for group in sitedata.load("search-synonyms.yml").get(lang) or []:
        terms = group["terms"]
        patterns = [re.compile(r"(?<!\w)" + r"\w*\s+".join(map(re.escape, _normal(term, lang).split())))
                    for term in terms]
        groups.append((terms, patterns, [(_normal(term, lang).split() or [""])[0] for term in terms]))
    return groups


def add_synonyms(docs: list[dict], lang: str) -> int:
    """Give each entry whose title or text has a term of a group the group's other terms. Returns entries changed."""
    groups = synonym_groups(lang)
    changed = 0
    for doc in docs:
        for field, source in (("title_synonyms", "title"), ("synonyms", "text")):
            haystack = _normal(doc.get(source, ""), lang)
            extra: list[str] = []
            for terms, patterns, first_words in groups:
                # A term's first word must be in the text for its pattern to match: looked for first (much faster).
                found = [term for term, pattern, first in zip(terms, patterns, first_words)
                         if first in haystack and pattern.search(haystack)]
                if found:
                    extra += [term for term in terms if term not in found and term not in extra]
            doc.pop(field, None)
            if extra:
                doc[field] = ", ".join(extra)
        changed += any(field in doc for field in SYNONYM_FIELDS)
    return changed


def split_index(site: pathlib.Path, langs: list[str]) -> dict[str, int]:
    index_path = site / "search" / "search_index.json"
    merged = json.loads(index_path.read_text(encoding="utf-8"))
    per_lang: dict[str, list] = {lang: [] for lang in langs}
    for doc in merged["docs"]:
        first = doc["location"].split("/", 1)[0]
        if first in per_lang and first != sitedata.DEFAULT_LANGUAGE:
            per_lang[first].append(dict(doc, location=doc["location"][len(first) + 1:]))
        else:
            per_lang[sitedata.DEFAULT_LANGUAGE].append(doc)
    offline = (site / "search" / "search_index.js").exists()  # the offline copy (mkdocs.offline.yml)
    counts = {}
    for lang, docs in per_lang.items():
        target = index_path if lang == sitedata.DEFAULT_LANGUAGE else site / lang / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        config = dict(merged["config"], **lunr_settings(lang))
        if not any(doc.get("tags") for doc in docs):  # an empty field still costs the worker time for every word
            config["fields"] = {name: spec for name, spec in config["fields"].items() if name != "tags"}
        if FORGIVES:
            add_synonyms(docs, lang)
            config["fields"] = dict(config["fields"], **SYNONYM_FIELDS)
        payload = {"config": config, "docs": docs}
        target.write_text(json.dumps(payload, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        if offline:  # opened from file://, Material loads the index as a script: <base>/search/search_index.js
            target.with_suffix(".js").write_text("var __index = " + target.read_text(encoding="utf-8"), encoding="utf-8")
        counts[lang] = len(docs)
    return counts


def point_pages_at_their_index(site: pathlib.Path, pages: sitedata.Pages, langs: list[str]) -> None:
    for page, text in pages.items():
        lang = page.relative_to(site).parts[0]  # the language's folder (English pages are not in one)
        if lang == sitedata.DEFAULT_LANGUAGE or lang not in langs:
            continue
        match = CONFIG_JSON.search(text)
        if not match:
            raise PluginError(f"{page}: no __config JSON found; Material's template has changed")
        config = json.loads(match.group(2))
        base = config["base"].rstrip("/")  # "..", "../.." or "" (the root-absolute "/" of 404 pages)
        if not (base == lang or base.endswith(f"/{lang}")):  # not rewritten yet (idempotent for --dirty)
            config["base"] = f"{base}/{lang}/"
        new = match.group(1) + str(htmlsafe_json_dumps(config)) + match.group(3)
        pages[page] = text[: match.start()] + new + text[match.end():]


def help_titles(site: pathlib.Path, langs: list[str]) -> dict[str, str]:
    """{lang: title of the "What should I do now?" page (help/)}, from each language's own index."""
    titles = {}
    for lang in langs:
        path = site / "search" / "search_index.json" if lang == sitedata.DEFAULT_LANGUAGE else \
            site / lang / "search" / "search_index.json"
        for doc in json.loads(path.read_text(encoding="utf-8"))["docs"]:
            if doc["location"] == "help/":
                titles[lang] = html.unescape(doc["title"])
    return titles


def _join(material: pathlib.Path, ours: pathlib.Path, ours_first: bool, fill=None) -> tuple[str, str]:
    """Write Material's file and ours as one file, named like Material's with a new hash; remove both parts.
    Returns (old name, new name)."""
    mine = ours.read_text(encoding="utf-8")
    if fill:
        mine = fill(mine)
    theirs = material.read_text(encoding="utf-8").rstrip()
    joined = (mine.rstrip() + "\n" + theirs if ours_first else theirs + "\n;" + mine.rstrip()) + "\n"
    stem = material.name.split(".")[0]  # "bundle" or "search"
    old_hash = material.name.split(".")[1]
    new_hash = hashlib.sha256(joined.encode("utf-8")).hexdigest()[: len(old_hash)]
    target = material.with_name(f"{stem}.{new_hash}.min.js")
    target.write_text(joined, encoding="utf-8")
    ours.unlink()
    if target != material:
        material.unlink()
    return material.name, target.name


def joined_languages(scripts: pathlib.Path) -> str:
    """The JOINED_LUNR scripts, then search-languages.js (which keeps the worker from fetching them), as one text."""
    parts = [(scripts / "lunr" / "min" / name).read_text(encoding="utf-8").rstrip() for name in JOINED_LUNR]
    own = scripts / "workers" / "search-languages.js"
    parts.append(own.read_text(encoding="utf-8").replace("var JOINED = [];", f"var JOINED = {json.dumps(JOINED_LUNR)};", 1))
    own.unlink()
    return "\n;".join(parts) + "\n;"


def attach_forgiving_search(site: pathlib.Path, pages: sitedata.Pages, langs: list[str]) -> None:
    scripts = site / "assets" / "javascripts"
    worker_part, main_part = scripts / "workers" / "search-forgives.js", scripts / "search-forgives.js"
    workers = [p for p in (scripts / "workers").glob("search.*.min.js")]
    bundles = list(scripts.glob("bundle.*.min.js"))
    if not (worker_part.exists() and main_part.exists()):
        return  # already joined (a --dirty rebuild)
    if len(workers) != 1 or len(bundles) != 1:
        raise PluginError(f"expected one Material worker and one bundle in {scripts}, found {workers + bundles}")
    titles = json.dumps(help_titles(site, langs), ensure_ascii=False)
    languages_part = joined_languages(scripts)
    renames = [
        ("workers/",) + _join(workers[0], worker_part, ours_first=False, fill=lambda text: languages_part + text),
        ("javascripts/",) + _join(bundles[0], main_part, ours_first=True,
                                  fill=lambda text: text.replace("var TITLES = {};", f"var TITLES = {titles};", 1)),
    ]
    for page, text in pages.items():
        for folder, old, name in renames:
            text = text.replace(folder + old, folder + name)
        pages[page] = text


def split_search(build: sitedata.Build) -> None:
    site = build.site
    if not (site / "search" / "search_index.json").exists():
        return
    langs = build.languages
    counts = split_index(site, langs)
    if not all(counts.values()):
        log.warning("search index empty for %s (a --dirty build?)", [lang for lang, n in counts.items() if not n])
    point_pages_at_their_index(site, build.pages, langs)
    if FORGIVES:
        attach_forgiving_search(site, build.pages, langs)
    else:  # SEARCH_FORGIVES=0: Material's search as it was, to compare
        for part in ("workers/search-forgives.js", "workers/search-languages.js", "search-forgives.js"):
            (site / "assets" / "javascripts" / part).unlink(missing_ok=True)

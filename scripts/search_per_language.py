"""Give each language its own search index, and fold accents so "ludzmi" finds "ludźmi".

static-i18n writes one index for all languages; Material then searches every language from every page.
After the last language is built this hook:
  - splits site/search/search_index.json into site/<lang>/search/search_index.json (English stays at the root);
  - points each non-English page's search at its own index (the "base" in Material's __config JSON);
  - asks Material's search worker to load lunr.fold (overrides/assets/javascripts/lunr/min/lunr.fold.min.js)
    for languages typed with diacritics, which indexes every accented word a second time without accents.
In the offline copy (Material's offline plugin wrote search/search_index.js), each language's index is also
written as <lang>/search/search_index.js, the form Material reads from file://.
Untranslated pages stay in a language's index as their /<lang>/… fallback copies, so results keep the reader
in their language's interface.
"""
from __future__ import annotations

import json
import logging
import pathlib
import re

from jinja2.utils import htmlsafe_json_dumps
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

import languages
import sitedata

log = logging.getLogger("mkdocs.hooks.search_per_language")
FOLDED_LANGUAGES = languages.folded()  # search_fold in mkdocs.yml
CONFIG_JSON = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)


def lunr_settings(lang: str) -> dict:
    if lang in FOLDED_LANGUAGES:
        return {"lang": ["fold"], "pipeline": []}
    if lang == "en":
        return {"lang": ["en"], "pipeline": ["stopWordFilter"]}
    return {"lang": ["en"], "pipeline": []}  # Urdu: no stemmer or stop words exist for it in lunr


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
        payload = {"config": dict(merged["config"], **lunr_settings(lang)), "docs": docs}
        target.write_text(json.dumps(payload, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        if offline:  # opened from file://, Material loads the index as a script: <base>/search/search_index.js
            target.with_suffix(".js").write_text("var __index = " + target.read_text(encoding="utf-8"), encoding="utf-8")
        counts[lang] = len(docs)
    return counts


def point_pages_at_their_index(site: pathlib.Path, langs: list[str]) -> None:
    for lang in langs:
        if lang == sitedata.DEFAULT_LANGUAGE:
            continue
        for page in (site / lang).rglob("*.html"):
            text = page.read_text(encoding="utf-8")
            match = CONFIG_JSON.search(text)
            if not match:
                raise PluginError(f"{page}: no __config JSON found; Material's template has changed")
            config = json.loads(match.group(2))
            base = config["base"].rstrip("/")  # "..", "../.." or "" (the root-absolute "/" of 404 pages)
            if not (base == lang or base.endswith(f"/{lang}")):  # not rewritten yet (idempotent for --dirty)
                config["base"] = f"{base}/{lang}/"
            new = match.group(1) + str(htmlsafe_json_dumps(config)) + match.group(3)
            page.write_text(text[: match.start()] + new + text[match.end():], encoding="utf-8")


@event_priority(-200)  # after static-i18n has built every language and merged the index
def on_post_build(config):
    if not sitedata.is_final_pass(config):
        return
    site = pathlib.Path(config.site_dir)
    if not (site / "search" / "search_index.json").exists():
        return
    langs = sitedata.languages(config)
    counts = split_index(site, langs)
    if not all(counts.values()):
        log.warning("search index empty for %s (a --dirty build?)", [lang for lang, n in counts.items() if not n])
    point_pages_at_their_index(site, langs)

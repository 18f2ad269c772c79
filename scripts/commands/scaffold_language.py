#!/usr/bin/env python3
"""Start a new language: make every file of its own that the build and the tests need, as skeletons that make them
list what is left to translate. A command, not a hook (mkdocs.yml does not list it).

    make language CODE=de          (or: .venv/bin/python scripts/commands/scaffold_language.py de)

The language must first have its block under `plugins: i18n: languages:` in mkdocs.yml, the one place languages
are defined (scripts/helpers/languages.py reads it); without one this prints the block to paste, with its fields
explained, and exits 1. Then it makes what does not exist yet, and never overwrites a file:

  data/i18n/<code>.yml                 every interface text, contact text and action-plan text to translate, with
                                       its English value: the build names each one "still in English" (FILE:LINE)
  includes/abbreviations.<code>.md     every abbreviation, explained in English: the build names each line
  data/termbase/<code>.yml             the key terms and forms of address, empty: the tests name what is empty
  overrides/partials/languages/<code>.html   only if Material has no labels for the language (a copy of English)
  data/published-urls.txt              the language's addresses (/<code>/…), as every other language has them

Pages are not made: a page with no docs/<page>.<code>.md is built in English at /<code>/<page>/, with a "not yet
translated" notice in the language, until someone translates it (TRANSLATING.md).
"""
from __future__ import annotations

import pathlib
import re
import sys

import yaml

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))  # scripts/, when run as a command
from helpers import languages
from steps import redirects  # only for the list of published addresses (importing a step runs nothing)
from helpers import sitedata
import validate_content

ROOT = sitedata.ROOT
CODE = re.compile(r"^[a-z]{2,3}$")  # the page suffix (page.de.md); content_checks.py reads two or three letters
FIELDS = """\
  locale       the language code (ISO 639-1, lower case): the suffix of its pages (page.{code}.md) and the start
               of its addresses (/{code}/)
  name         the language's own name, as the language menu shows it
  build        true builds the language (false keeps the block but leaves the language out)
  og_locale    language_TERRITORY for link previews (Open Graph), e.g. de_DE, ur_PK
  search_fold  true if readers often type the language without its accents (search then finds "ludzmi" for
               "ludźmi"); false for English and for scripts without accents (Urdu)"""
AUDIENCES = ("public", "young_people", "parents", "professionals")


# --- the block in mkdocs.yml --------------------------------------------------------------------------------

def blocks() -> list[dict]:
    """Every language block in mkdocs.yml, built or not."""
    config = yaml.load(languages.CONFIG.read_text(encoding="utf-8"), Loader=languages._Loader)
    return list(((config.get("plugins") or {}).get("i18n") or {}).get("languages") or [])


def suggestion(code: str) -> dict:
    """What Babel (a dependency of Material) knows about the language, to fill in the block; "?" where nothing."""
    try:
        from babel import Locale
        from babel.core import get_global
        locale = Locale.parse(code)
    except Exception:  # an unknown code: the maintainer fills it in
        return {"name": "?", "english": code, "og_locale": f"{code}_?", "fold": False, "rtl": False}
    likely = get_global("likely_subtags").get(code, "")  # e.g. de_Latn_DE
    parts = likely.split("_")
    territory = next((p for p in parts[1:] if p.isupper() and len(p) == 2), "?")
    own = locale.get_display_name(code) or code
    return {"name": own[:1].upper() + own[1:], "english": locale.get_display_name("en") or code,
            "og_locale": f"{code}_{territory}", "fold": "Latn" in parts and code != "en",
            "rtl": locale.text_direction == "rtl"}


def block_text(code: str) -> str:
    guess = suggestion(code)
    return (f"      - locale: {code}\n"
            f"        name: {guess['name']}\n"
            f"        build: true\n"
            f"        extra: {{og_locale: {guess['og_locale']}, search_fold: {str(guess['fold']).lower()}}}\n")


# --- the skeletons ------------------------------------------------------------------------------------------

def nest(flat: dict[tuple, object]) -> dict:
    tree: dict = {}
    for path, value in flat.items():
        node = tree
        for part in path[:-1]:
            node = node.setdefault(part, {})
        node[path[-1]] = value
    return tree


def interface_text(code: str, english_name: str) -> str:
    """data/i18n/<code>.yml: the keys a translation must have (validate_content's own list), English values."""
    english = yaml.safe_load((sitedata.DATA / "i18n" / f"{sitedata.DEFAULT_LANGUAGE}.yml").read_text(encoding="utf-8"))
    english_keys = validate_content.flatten(english)
    _, not_translated = validate_content.same_as_english(code)
    texts = {key: value for key, value in validate_content.translatable_texts(english_keys).items()
             if ".".join(key) not in not_translated}
    tree = nest(texts)
    # The contacts in data/contacts.yml's order, each with its fields in the order the other languages keep them.
    contacts = tree.get("contacts", {})
    tree["contacts"] = {cid: {field: contacts[cid][field] for field in validate_content.TRANSLATED_CONTACT_FIELDS
                              if field in contacts.get(cid, {})}
                        for cid in sitedata.contacts() if cid in contacts}
    ordered = {}
    for section in list(english) + [s for s in tree if s not in english]:
        if section in tree and section not in ordered:
            ordered[section] = tree[section]
        if section == "contacts" and "action_plans" in tree:
            ordered["action_plans"] = tree["action_plans"]  # beside the contacts, as in the other languages
    skipped = ", ".join(sorted(not_translated)) or "nothing"
    head = (f"# {english_name} interface text and data labels. Same keys as data/i18n/en.yml, plus the contacts' and\n"
            "# action plans' texts. Made by scripts/commands/scaffold_language.py with every value still in English: the build\n"
            f"# lists each one as \"still in English\" (data/i18n/{code}.yml:LINE) until it is translated. Words that\n"
            f"# really are the same in this language go under '{code}:' in data/i18n/same-as-english.yml.\n"
            f"# Left out on purpose (the English value is used): {skipped}.\n")
    body = yaml.safe_dump(ordered, allow_unicode=True, sort_keys=False, width=10_000, default_flow_style=False)
    return head + re.sub(r"^(?=\S)", "\n", body, flags=re.M).lstrip("\n")  # a blank line between sections


def termbase(code: str, english_name: str) -> str:
    """data/termbase/<code>.yml: the terms every termbase has (with their English), every answer empty."""
    bases = [yaml.safe_load(path.read_text(encoding="utf-8")) or {}
             for path in sorted((sitedata.DATA / "termbase").glob("*.yml"))]
    first = bases[0].get("terms", {}) if bases else {}
    shared = [key for key in first if all(key in (base.get("terms") or {}) for base in bases)]
    lines = [f"# Termbase for {english_name}: the agreed rendering of the site's key terms. Translators: read before",
             "# translating. Made by scripts/commands/scaffold_language.py: fill in every empty value; data/termbase/pl.yml shows",
             "# a finished one. tests/test_translation_quality.py lists what is still empty.",
             f"language: {code}",
             'english_word: ""    # this language\'s word for "English", as read_aloud uses it',
             'read_aloud: ""      # the line before each list of English sentences to say on the phone',
             "address:            # how each audience is addressed (e.g. Hungarian: te for young people, Ön for professionals)"]
    for audience in AUDIENCES:
        lines += [f"  {audience}:", '    form: ""', '    reason: ""']
    lines.append("terms:              # use: the agreed rendering; forms: its other forms; source: where it comes from;"
                 " avoid: renderings that must never appear, with avoid_reason")
    for key in shared:
        english = first[key].get("en", key)
        lines += [f"  {key}:", f"    en: {yaml.safe_dump(english, allow_unicode=True, width=10_000).strip().removesuffix('...').strip()}",
                  '    use: ""', "    forms: []", '    source: ""', "    avoid: []", '    avoid_reason: ""']
    return "\n".join(lines) + "\n"


def material_labels(code: str) -> pathlib.Path:
    import material
    return pathlib.Path(material.__file__).parent / "templates" / "partials" / "languages" / f"{code}.html"


def labels_copy(code: str) -> str:
    """Material's English labels for a language Material does not know (its templates need a file per language)."""
    english = material_labels("en").read_text(encoding="utf-8")
    return english.replace('"language": "en"', f'"language": "{code}"', 1)


def published_addresses(code: str) -> list[str]:
    """The new language's addresses, as the first translation has them (/pl/… -> /de/…)."""
    listed = redirects.listed()
    model = next((lang for lang in languages.translations() if lang != code
                  and any(url.startswith(f"/{lang}/") for url in listed)), None)
    if model is None:
        return []
    return [f"/{code}/" + url[len(model) + 2:] for url in listed if url.startswith(f"/{model}/")]


# --- the command --------------------------------------------------------------------------------------------

def main(argv: list[str]) -> int:
    if len(argv) != 1 or not CODE.match(argv[0]):
        print(__doc__)
        print("Give one language code in lower case, e.g.: make language CODE=de")
        return 2
    code = argv[0]
    block = next((b for b in blocks() if b.get("locale") == code), None)
    if block is None:
        print(f"mkdocs.yml has no block for '{code}'. Paste this at the end of `plugins: i18n: languages:` "
              "(after the last language), check each value, then run this command again:\n")
        print(block_text(code))
        print(FIELDS.format(code=code))
        return 1
    if code == languages.default():
        print(f"'{code}' is the default language: its files are the English originals.")
        return 1
    english_name = suggestion(code)["english"]
    created, kept = [], []

    def make(rel: str, text: str) -> None:
        path = ROOT / rel
        if path.exists():
            kept.append(rel)
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        created.append(rel)

    make(f"data/i18n/{code}.yml", interface_text(code, english_name))
    english_abbreviations = ROOT / "includes" / f"abbreviations.{sitedata.DEFAULT_LANGUAGE}.md"
    make(f"includes/abbreviations.{code}.md", english_abbreviations.read_text(encoding="utf-8"))
    make(f"data/termbase/{code}.yml", termbase(code, english_name))
    if not material_labels(code).exists():
        make(f"overrides/partials/languages/{code}.html", labels_copy(code))
    new = [url for url in published_addresses(code) if url not in set(redirects.listed())]
    if new:
        urls = sorted(set(redirects.listed()) | set(new))
        redirects.PUBLISHED.write_text(redirects.HEADER + "\n".join(urls) + "\n", encoding="utf-8")
        created.append(f"data/published-urls.txt: {len(new)} addresses under /{code}/")

    print(f"{english_name} ({code}, {block.get('name')}):")
    for rel in created:
        print(f"  made  {rel}")
    for rel in kept:
        print(f"  kept  {rel} (it exists; not changed)")
    labels = material_labels(code)
    direction = languages.direction(code) if labels.exists() else "ltr"
    if labels.exists():
        print(f"  Material has labels for '{code}' (text direction {direction}); the tests say if any the site shows "
              "are still in English.")
    else:
        print(f"  Material has no labels for '{code}': translate overrides/partials/languages/{code}.html"
              + (' and set "direction": "rtl" in it' if suggestion(code)["rtl"] else "") + ".")
    print(f"""
Pages are not made. Until docs/<page>.{code}.md exists, /{code}/<page>/ shows the English page with a
"not yet translated" notice in {english_name}. Translate the home page (docs/index.{code}.md) first.

Next:
  1. Build: `make serve` (or QUICK_BUILD=1 .venv/bin/python -m mkdocs build --strict). The build stops and
     lists, as FILE:LINE, every interface text and abbreviation still in English. Translate each one; words that
     really are the same as in English go under '{code}:' in data/i18n/same-as-english.yml.
  2. Fill in data/termbase/{code}.yml (the agreed words), before translating pages.
  3. Run `make test`. Besides the pages, the tests then ask for: search queries in tests/search_queries.yml,
     synonym groups in data/search-synonyms.yml, a synonym and a typo case in tests/test_search_forgives.py,
     and the letters or checks special to the language (tests/test_translation_quality.py). See TRANSLATING.md.""")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

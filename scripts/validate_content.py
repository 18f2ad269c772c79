"""Stop the build with `FILE:LINE: what is wrong. How to fix it.` for content that would publish something wrong
or unsafe. The people who edit this site run `mkdocs serve` or `mkdocs build`, not the tests, so the rules that
protect a reader are enforced here:

  - data files (contacts, interface text, action plans, printables, redirects, security, search synonyms,
    publisher): valid YAML, no key written twice, only known fields, allowed values, real dates, every interface
    text present and translated;
  - phone numbers: every number in data, pages, templates and printables is in data/verified-numbers.tsv; numbers
    on the do-not-publish, wrong and obsolete list (data/never-publish.tsv, by fingerprint) never appear;
  - pages: front matter that is closed, language suffixes in lower case, no code (scripts, frames, forms, inline
    styles, event handlers, javascript:/data: links, images from other sites), no shortcode left unrendered;
  - code is looked for twice: in each line of the source (the exact line is known), and in the page's HTML as
    Markdown renders it and in every text of the data files as YAML reads it, which also finds what a single line
    does not show (a tag split over two lines, a reference-style link or image, an address written with entities
    like &#106;avascript:). For those the line is found by searching the source, as well as it can be.

Data is checked before anything is rendered, so a mistake in a data file is blamed on that file, not on a page.
"""
from __future__ import annotations

import base64
import csv
import datetime
import functools
import hashlib
import html as html_lib
import pathlib
import re
from html.parser import HTMLParser

import yaml
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from helpers import languages
from helpers import passed_checks
from helpers import sitedata

DATA = sitedata.DATA
REGISTER = DATA / "verified-numbers.tsv"
NEVER_PUBLISH = DATA / "never-publish.tsv"
SAME_AS_ENGLISH = DATA / "i18n" / "same-as-english.yml"


class Problems(PluginError):
    """All problems found in one check, one `FILE:LINE: message` per line (MkDocs prints it without a traceback)."""

    def __init__(self, problems: list[str]):
        super().__init__("The build stopped: fix these and save again.\n  " + "\n  ".join(problems))


def where(path: pathlib.Path | str, line: int | None = None) -> str:
    path = pathlib.Path(path)
    try:
        name = path.resolve().relative_to(sitedata.ROOT).as_posix()
    except ValueError:
        name = str(path)
    return f"{name}:{line}" if line else name


# --- YAML with line numbers and no duplicate keys -------------------------------------------------------------

def read_yaml(path: pathlib.Path) -> tuple[object, dict[tuple, int], list[str]]:
    """The data, the line of every key (by its path of keys and list positions), and problems found."""
    text = path.read_text(encoding="utf-8")
    try:
        node = yaml.compose(text, Loader=sitedata.YAML_LOADER)
        data = sitedata.read_yaml(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        reason = getattr(error, "problem", None) or str(error).splitlines()[0]
        return None, {}, [f"{where(path, mark.line + 1 if mark else None)}: this is not valid YAML ({reason}). "
                          "Check the indentation, the colon after each name and that quotes are closed."]
    lines: dict[tuple, int] = {}
    problems: list[str] = []

    def walk(n, key_path):
        if isinstance(n, yaml.MappingNode):
            seen: dict[str, int] = {}
            for key_node, value_node in n.value:
                key = key_node.value
                line = key_node.start_mark.line + 1
                if key in seen:
                    problems.append(f"{where(path, line)}: '{key}' is written twice (first on line {seen[key]}); "
                                    "the second silently replaces the first. Keep one and delete the other.")
                seen[key] = line
                lines[key_path + (key,)] = line
                walk(value_node, key_path + (key,))
        elif isinstance(n, yaml.SequenceNode):
            for index, item in enumerate(n.value):
                lines[key_path + (index,)] = item.start_mark.line + 1
                walk(item, key_path + (index,))

    if node is not None:
        walk(node, ())
    return data, lines, problems


def line_of(lines: dict[tuple, int], *key_path) -> int | None:
    while key_path:
        if key_path in lines:
            return lines[key_path]
        key_path = key_path[:-1]
    return None


# --- Phone numbers ------------------------------------------------------------------------------------------

# A UK number as people write it: 0 or +44, then 7 to 10 more digits with single spaces or dashes between.
# Not after a digit or +, nor after a digit and a point or comma (part of a larger figure). Each pattern starts with
# the character it must begin with, and looks behind only after it: the engine then jumps from one candidate to the
# next instead of trying every character of every page (five times faster; the same matches).
UK_NUMBER = re.compile(r"[+0](?<![\d+][+0])(?<!\d[.,][+0])(?:(?<=\+)44\s?(?:\(0\)\s?)?|(?<=0))\d(?:[ \-]?\d){6,10}(?!\d|[.,]\d)")
TEL_LINK = re.compile(r"""href\s*=\s*["']tel:([^"']*)["']""", re.I)


def read_tsv(path: pathlib.Path) -> list[dict]:
    rows = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(rows, delimiter="\t"))


@functools.cache
def register() -> dict[str, dict]:
    """The numbers the site may show, by their digits."""
    return {row["digits"]: row for row in read_tsv(REGISTER)}


@functools.lru_cache(maxsize=4096)  # the same short runs of digits come back on every page
def fingerprint(number: str) -> str:
    """How data/never-publish.tsv names a number: SHA-256 of its digits, in base 32 (no 0 or 1, so the name itself
    can never read as a phone number)."""
    return base64.b32encode(hashlib.sha256(digits(number).encode()).digest()).decode()[:26]


@functools.cache
def never_publish() -> dict[str, dict]:
    """The numbers that must never be shown, by fingerprint."""
    return {row["fingerprint"]: row for row in read_tsv(NEVER_PUBLISH)}


def digits(number: str) -> str:
    found = re.sub(r"\D", "", number)
    return "0" + found[2:].lstrip("0") if found.startswith("44") and len(found) > 10 else found


def number_problem(number: str) -> str | None:
    """Why this number may not be published, or None when it may."""
    banned = never_publish().get(fingerprint(number))
    if banned is not None:
        return (f"the phone number {number.strip()} must never be published ({banned['status']}: {banned['note']}). "
                "Remove it; see data/verified-numbers.tsv for the number to use")
    if digits(number) not in register():
        return (f"the phone number {number.strip()} is not in data/verified-numbers.tsv. Check the digits; "
                "a new number must be verified and added to the register (with its source) before it is used")
    return None


# Short numbers (a text service) that the UK pattern does not catch: every run of 3 to 7 digits, spaces or dashes
# between, is fingerprinted and checked against the never-publish list.
SHORT_NUMBER = re.compile(r"\d(?<![\d+]\d)(?:[ \-]?\d){2,6}(?!\d)")  # not after a digit or + (as above)


def visible(page_html: str) -> str:
    """What a reader sees, plus tel: link targets; drawings, scripts and styles left out."""
    page_html = re.sub(r"<(svg|script|style)\b.*?</\1\s*>", " ", page_html, flags=re.S | re.I)
    return html_lib.unescape(re.sub(r"<[^>]+>", " ", page_html))


def numbers_in(text: str, is_html: bool) -> list[str]:
    """Every number in a text that must be checked against the register."""
    shown = visible(text) if is_html else text
    found = UK_NUMBER.findall(shown)
    if is_html:
        found += TEL_LINK.findall(text)
    found += [short for short in SHORT_NUMBER.findall(shown) if fingerprint(short) in never_publish()]
    return found


def check_numbers(text: str, name: str, is_html: bool = True) -> list[str]:
    problems = []
    for number in dict.fromkeys(numbers_in(text, is_html)):
        reason = number_problem(number)
        if reason:
            problems.append(f"{name}: {reason}.")
    return problems


def find_line(source: str, needle: str) -> int | None:
    """The line of the source where a number (spaced any way) or a piece of text first appears."""
    pattern = r"[ \-]?".join(map(re.escape, re.sub(r"\D", "", needle))) if re.fullmatch(r"[\d +()\-]+", needle) \
        else re.escape(needle)
    match = re.search(pattern, source)
    return source.count("\n", 0, match.start()) + 1 if match else None


# --- Data files ---------------------------------------------------------------------------------------------

CONTACT_FIELDS = {"name", "group", "area", "phones", "hours", "note", "web", "email", "last_checked", "sources",
                  "caveat", "fallback"}
CONTACT_REQUIRED = ("name", "web", "last_checked", "sources")
PHONE_FIELDS = {"display", "tel", "when", "option", "source_dated"}
WHEN = {"office", "out_of_hours"}
TRANSLATED_CONTACT_FIELDS = ("name", "area", "hours", "note", "caveat")  # under contacts.<id>. in data/i18n/<lang>.yml  # each has an interface text ui.contact.<when>


def month_problem(value, field: str = "last_checked") -> str | None:
    match = re.fullmatch(r"(20\d\d)-(\d\d)", str(value))
    if not match or not 1 <= int(match.group(2)) <= 12:
        return f"'{field}: {value}' is not a month written YYYY-MM (for example 2026-11)"
    if (int(match.group(1)), int(match.group(2))) > (datetime.date.today().year, datetime.date.today().month):
        return f"'{field}: {value}' is in the future: write the month the details were really checked"
    return None


def contacts_problems(path: pathlib.Path) -> list[str]:
    data, lines, problems = read_yaml(path)
    if problems or data is None:
        return problems
    if not isinstance(data, dict):
        return [f"{where(path, 1)}: the file must be a list of contacts, each 'id:' followed by its fields"]
    for cid, contact in data.items():
        at = functools.partial(line_of, lines, cid)
        if not isinstance(contact, dict):
            problems.append(f"{where(path, at())}: contact '{cid}' must have fields (name:, phones:, web: …)")
            continue
        for field in contact:
            if field not in CONTACT_FIELDS:
                problems.append(f"{where(path, at(field))}: '{field}' is not a contact field "
                                f"(known: {', '.join(sorted(CONTACT_FIELDS))}). Check the spelling.")
        for field in CONTACT_REQUIRED:
            if not contact.get(field):
                problems.append(f"{where(path, at())}: contact '{cid}' has no '{field}:'. Every contact needs "
                                f"{', '.join(CONTACT_REQUIRED)}.")
        if contact.get("last_checked") is not None and month_problem(contact["last_checked"]):
            problems.append(f"{where(path, at('last_checked'))}: {month_problem(contact['last_checked'])}.")
        if contact.get("web") and not str(contact["web"]).startswith(("https://", "http://")):
            problems.append(f"{where(path, at('web'))}: 'web:' must be the organisation's own page, starting https://")
        for index, phone in enumerate(contact.get("phones") or []):
            line = at("phones", index)
            if not isinstance(phone, dict) or not phone.get("display") or not phone.get("tel"):
                problems.append(f"{where(path, line)}: each phone needs display: and tel:, "
                                'for example {display: "0800 1111", tel: "08001111"}')
                continue
            for field in phone:
                if field not in PHONE_FIELDS:
                    problems.append(f"{where(path, line)}: '{field}' is not a phone field "
                                    f"(known: {', '.join(sorted(PHONE_FIELDS))})")
            if phone.get("when") is not None and phone["when"] not in WHEN:
                problems.append(f"{where(path, line)}: 'when: {phone['when']}' is not known, so the number would "
                                f"not be shown; use one of: {', '.join(sorted(WHEN))}")
            if digits(str(phone["display"])) != str(phone["tel"]):
                problems.append(f"{where(path, line)}: display '{phone['display']}' and tel '{phone['tel']}' "
                                "are not the same digits. Fix whichever is wrong")
            for number in (str(phone["tel"]), str(phone["display"])):
                reason = number_problem(number)
                if reason:
                    problems.append(f"{where(path, line)}: {reason}.")
                    break
            row = register().get(str(phone["tel"]))
            if row and row["status"] == "verified-dated" and not phone.get("source_dated"):
                problems.append(f"{where(path, line)}: {phone['display']} is verified only by an old source "
                                f"({row['note']}). Add source_dated: YYYY-MM (the source's month) so readers see "
                                "the caveat wherever it is shown.")
            if phone.get("source_dated") is not None and month_problem(phone["source_dated"]):
                problems.append(f"{where(path, line)}: {month_problem(phone['source_dated'], 'source_dated')}.")
        for fallback in contact.get("fallback") or []:
            if fallback not in data:
                problems.append(f"{where(path, at('fallback'))}: fallback '{fallback}' is not a contact in this file. "
                                "Check the spelling.")
    return problems


def flatten(tree, prefix: tuple = ()) -> dict[tuple, object]:
    found = {}
    for key, value in (tree or {}).items():
        if isinstance(value, dict):
            found.update(flatten(value, prefix + (str(key),)))
        else:
            found[prefix + (str(key),)] = value
    return found


def same_as_english(lang: str) -> tuple[set[str], set[str]]:
    """Words that are the same in this language as in English, and keys that are never translated (addresses)."""
    allowed = sitedata.read_yaml(SAME_AS_ENGLISH.read_text(encoding="utf-8")) if SAME_AS_ENGLISH.exists() else {}
    words = {str(word) for word in (allowed.get("all") or []) + (allowed.get(lang) or [])}
    return words, {str(key) for key in allowed.get("not_translated") or []}


def translatable_texts(english_keys: dict[tuple, object]) -> dict[tuple, object]:
    """What a translation must translate, by key path: en.yml, and the English in the data files (contacts' names,
    areas, hours, notes and caveats; the action plans' summaries). scripts/commands/scaffold_language.py copies these."""
    reference = dict(english_keys)
    for cid, contact in (sitedata.contacts() or {}).items():
        for field in TRANSLATED_CONTACT_FIELDS:
            if isinstance(contact, dict) and contact.get(field):
                reference[("contacts", cid, field)] = contact[field]
    for plan in sorted((DATA / "action-plans").glob("*.yml")):
        for action in (sitedata.load(f"action-plans/{plan.name}") or {}).get("actions") or []:
            reference[("action_plans", plan.stem, str(action.get("number")))] = action.get("summary")
    return reference


def i18n_problems(langs: list[str]) -> list[str]:
    folder = DATA / "i18n"
    english_path = folder / f"{sitedata.DEFAULT_LANGUAGE}.yml"
    english, english_lines, problems = read_yaml(english_path)
    if problems:
        return problems
    english_keys = flatten(english)
    for key, value in english_keys.items():
        if value is None or str(value).strip() == "":
            problems.append(f"{where(english_path, line_of(english_lines, *key))}: '{'.'.join(map(str, key))}' is "
                            "empty. Write the text, or delete the line.")
    reference = translatable_texts(english_keys)
    for lang in langs:
        if lang == sitedata.DEFAULT_LANGUAGE:
            continue
        path = folder / f"{lang}.yml"
        if not path.exists():
            problems.append(f"{where(path)}: missing. Make it with `make language CODE={lang}` (every text to "
                            "translate, in English), then translate the values.")
            continue
        own, lines, found = read_yaml(path)
        problems += found
        if found:
            continue
        own_keys = flatten(own)
        allowed, not_translated = same_as_english(lang)
        for key, value in own_keys.items():
            dotted = ".".join(map(str, key))
            line = where(path, line_of(lines, *key))
            if key not in reference:
                problems.append(f"{line}: '{dotted}' is not in data/i18n/en.yml (nor an English contact or action-plan text), so nothing uses it. Check the "
                                "spelling and indentation, or delete it.")
            elif value is None or str(value).strip() == "":
                problems.append(f"{line}: '{dotted}' is empty, so readers would see nothing there. Translate "
                                f"\"{reference[key]}\".")
            elif (str(value).strip() == str(reference[key]).strip() and re.search(r"[^\W\d_]", str(value))
                  and str(value).strip() not in allowed):
                problems.append(f"{line}: '{dotted}' is still in English (\"{value}\"). Translate it; if the "
                                f"words really are the same in this language, add them under '{lang}:' in "
                                "data/i18n/same-as-english.yml.")
        for key in reference:
            if key not in own_keys and ".".join(key) not in not_translated:
                problems.append(f"{where(path, line_of(lines, *key[:-1]))}: '{'.'.join(map(str, key))}' is missing, "
                                f"so readers would see English. Add it, translated from \"{reference[key]}\".")
    return problems


ABBREVIATION = re.compile(r"^\*\[(?P<abbr>[^\]]+)\]:[ \t]*(?P<text>.*?)[ \t]*$")


def abbreviations(path: pathlib.Path) -> dict[str, tuple[int, str]]:
    """{abbreviation: (line, expansion)} from an includes/abbreviations.<lang>.md file."""
    found = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if match := ABBREVIATION.match(line):
            found[match.group("abbr")] = (number, match.group("text"))
    return found


def abbreviation_problems(langs: list[str]) -> list[str]:
    """Each language expands every English abbreviation in its own words (scripts/abbreviations.py)."""
    folder = sitedata.ROOT / "includes"
    english_path = folder / f"abbreviations.{sitedata.DEFAULT_LANGUAGE}.md"
    if not english_path.exists():
        return []
    english = abbreviations(english_path)
    problems = []
    for lang in langs:
        if lang == sitedata.DEFAULT_LANGUAGE:
            continue
        path = folder / f"abbreviations.{lang}.md"
        if not path.exists():
            problems.append(f"{where(path)}: missing, so abbreviations on the {lang} pages would be explained in "
                            f"English. Make it with `make language CODE={lang}`, then translate each line.")
            continue
        own, allowed = abbreviations(path), same_as_english(lang)[0]
        for abbr, (line, text) in own.items():
            if abbr in english and text == english[abbr][1] and text not in allowed:
                problems.append(f"{where(path, line)}: '{abbr}' is still explained in English (\"{text}\"). "
                                "Translate the words after the colon; keep *[" + abbr + "]: as it is.")
        for abbr, (_, text) in english.items():
            if abbr not in own:
                problems.append(f"{where(path)}: '{abbr}' is missing, so it is not explained on the {lang} pages. "
                                f"Add a line *[{abbr}]: with \"{text}\" translated.")
    return problems


def structure_problems(path: pathlib.Path, check) -> list[str]:
    """Valid YAML, no duplicate keys, then the file's own rules (`check` gets data and a line finder)."""
    data, lines, problems = read_yaml(path)
    if problems or data is None:
        return problems
    return [f"{where(path, line)}: {message}" for line, message in check(data, functools.partial(line_of, lines))]


def action_plan_rules(data, at):
    english = sitedata.load("i18n/en.yml")
    for index, action in enumerate((data or {}).get("actions") or []):
        for field in ("number", "summary", "owners"):
            if field not in action:
                yield at("actions", index), f"action {index + 1} has no '{field}:'"
        for owner in action.get("owners") or []:
            if owner not in (english.get("owners") or {}):
                yield at("actions", index, "owners"), (f"owner '{owner}' has no name under owners: in "
                                                       "data/i18n/en.yml; add it there or check the spelling")
    if not (data or {}).get("actions"):
        yield 1, "an action plan needs 'actions:' with at least one action"


def printables_rules(data, at):
    for index, printable in enumerate((data or {}).get("printables") or []):
        for field in ("id", "label", "layout", "papers", "pages", "link"):
            if field not in printable:
                yield at("printables", index), f"printable {index + 1} has no '{field}:'"
        layout = sitedata.ROOT / "overrides" / "print" / f"{printable.get('layout')}.html"
        if printable.get("layout") and not layout.exists():
            yield at("printables", index, "layout"), f"'layout: {printable['layout']}' has no template {layout.name}"
        for contact in printable.get("contacts") or []:
            if contact not in sitedata.contacts():
                yield at("printables", index, "contacts"), f"'{contact}' is not a contact in data/contacts.yml: check the spelling"


def redirects_rules(data, at):
    for old, new in ((data or {}).get("redirects") or {}).items():
        if not str(old).strip() or not str(new).endswith(".md"):
            yield at("redirects", old), (f"'{old}: {new}' must be an old address and the page (.md) it moved to, "
                                         "e.g. report/: help/index.md")


def security_rules(data, at):
    for name, sources in ((data or {}).get("content_security_policy") or {}).items():
        if not isinstance(sources, list):
            yield at("content_security_policy", name), f"'{name}' must be a list, for example [\"'self'\"]"
        elif any("unsafe-inline" in str(s) or "unsafe-eval" in str(s) for s in sources):
            yield at("content_security_policy", name), ("'unsafe-inline'/'unsafe-eval' would let any script in "
                                                        "content run; remove it (the site's own inline scripts are listed under inline_scripts)")
    for index, script in enumerate((data or {}).get("inline_scripts") or []):
        if not re.fullmatch(r"sha256-[A-Za-z0-9+/]{43}=", str(script.get("hash", ""))) or not script.get("from"):
            yield at("inline_scripts", index), "each inline script needs hash: sha256-… and from: (where it is written)"


SYNONYM_FIELDS = ("terms", "reason")


def search_synonyms_rules(data, at):
    """data/search-synonyms.yml: under each language, groups of terms, each with the reason readers use them."""
    if not isinstance(data, dict):
        yield 1, "write each language code (en:, pl: …) followed by its groups, each '- terms: [...]' and 'reason: ...'"
        return
    known = languages.codes()
    for lang, groups in data.items():
        if lang not in known:
            yield at(lang), f"'{lang}' is not one of the site's languages ({', '.join(known)}): check the spelling"
            continue
        if not isinstance(groups, list):
            yield at(lang), f"'{lang}:' must be a list of groups: write each as '- terms: [...]' with 'reason: ...'"
            continue
        for index, group in enumerate(groups):
            if not isinstance(group, dict):
                yield at(lang, index), "each group needs 'terms: [...]' and 'reason: ...': check the indentation"
                continue
            for field in group:
                if field not in SYNONYM_FIELDS:
                    yield at(lang, index, field), (f"'{field}' is not a field of a synonym group "
                                                   f"(known: {', '.join(SYNONYM_FIELDS)}). Check the spelling")
            terms = group.get("terms")
            if (not isinstance(terms, list) or len(terms) < 2
                    or any(not isinstance(term, str) or not term.strip() for term in terms)):
                yield at(lang, index, "terms"), ("a group needs 'terms:' with at least two words or phrases that mean "
                                                 "the same to a reader, none empty: write it like "
                                                 "terms: [forced labour, forced labor]")
            if not isinstance(group.get("reason"), str) or not group["reason"].strip():
                yield at(lang, index), ("this group has no 'reason:'. Add one: why readers use the other words "
                                        "(see the header of the file)")


EMAIL_ADDRESS = re.compile(r"[^@\s<>\"'():;,]+@[^@\s<>\"'():;,]+\.[A-Za-z]{2,}")
WEB_ADDRESS = re.compile(r"https://[A-Za-z0-9.-]+\.[A-Za-z]{2,}(?:[/?#][^\s\"'<>]*)?")


def publisher_rules(data, at):
    """data/publisher.yml: where readers report a mistake; each field empty until the publisher sets it."""
    if not isinstance(data, dict):
        yield 1, "write 'report_a_mistake:' with 'email:' and 'web:' under it (each may stay empty: \"\")"
        return
    for key in data:
        if key != "report_a_mistake":
            yield at(key), f"'{key}' is not known here (known: report_a_mistake). Check the spelling"
    entry = data.get("report_a_mistake")
    if entry is None:
        return
    if not isinstance(entry, dict):
        yield at("report_a_mistake"), "'report_a_mistake:' needs 'email:' and 'web:' under it (each may stay empty: \"\")"
        return
    for field in entry:
        if field not in ("email", "web"):
            yield at("report_a_mistake", field), f"'{field}' is not known here (known: email, web). Check the spelling"
    email, web = (str(entry.get(field) or "").strip() for field in ("email", "web"))
    if email and not EMAIL_ADDRESS.fullmatch(email):
        yield at("report_a_mistake", "email"), (f"'{email}' is not an email address. Write the address the publisher "
                                                "has confirmed (like name@example.org, no mailto:), or leave it empty (\"\")")
    if web and not WEB_ADDRESS.fullmatch(web):
        yield at("report_a_mistake", "web"), (f"'web: {web}' must be a page on the publisher's own site, starting "
                                              "https://. Fix the address, or leave it empty (\"\")")


def text_numbers_problems(path: pathlib.Path) -> list[str]:
    """Numbers typed anywhere in a data file or template (a note, a translation) must be verified too."""
    text = path.read_text(encoding="utf-8")
    problems = []
    for number in dict.fromkeys(numbers_in(text, is_html=False)):  # templates' tel: links hold data, not digits
        reason = number_problem(number)
        if reason:
            problems.append(f"{where(path, find_line(text, number))}: {reason}.")
    return problems


def data_problems(langs: list[str]) -> list[str]:
    # First every file must read as YAML: the other checks (and every other hook) read them.
    unreadable = [problem for path in sorted(DATA.rglob("*.yml")) for problem in read_yaml(path)[2]]
    if unreadable:
        return unreadable
    problems = contacts_problems(DATA / "contacts.yml")
    problems += i18n_problems(langs)
    problems += abbreviation_problems(langs)
    for plan in sorted((DATA / "action-plans").glob("*.yml")):
        problems += structure_problems(plan, action_plan_rules)
    for name, rules in (("printables.yml", printables_rules), ("redirects.yml", redirects_rules),
                        ("security.yml", security_rules), ("search-synonyms.yml", search_synonyms_rules),
                        ("publisher.yml", publisher_rules)):
        if (DATA / name).exists():
            problems += structure_problems(DATA / name, rules)
    for path in sorted(DATA.rglob("*.yml")):
        if path.name != "contacts.yml":  # its phones are checked with their field lines above
            problems += text_numbers_problems(path)
    for path in sorted((sitedata.ROOT / "overrides").rglob("*.html")):
        problems += text_numbers_problems(path)  # a number typed into a template
    problems += code_problems_in_data()
    return problems


# --- Pages: front matter, file names, code, shortcodes --------------------------------------------------------

SUFFIX = re.compile(r"^(?P<stem>.+?)\.(?P<lang>[A-Za-z]{2,3})\.md$")
CODE_TAGS = ("script", "meta", "iframe", "frame", "frameset", "object", "embed", "applet", "form", "link", "base",
             "style", "svg")
TAG = re.compile(r"<\s*(?P<name>[A-Za-z][\w-]*)(?P<attrs>[^>]*)>")
ATTR_LIST = re.compile(r"\{\s*[:#.][^}\n]*\}")
EVENT_ATTR = re.compile(r"(?<![\w-])on[a-z]+\s*=", re.I)
STYLE_ATTR = re.compile(r"(?<![\w-])style\s*=", re.I)
SCRIPT_URL = re.compile(r"(?:javascript|vbscript|data)\s*:", re.I)
LINK_TARGET = re.compile(r"\]\(\s*<?(?P<url>[^)\s>]*)")
URL_ATTR = re.compile(r"""(?<![\w-])(?P<name>href|src|srcset|action|formaction|poster|data)\s*=\s*["']?(?P<url>[^"'\s>]*)""", re.I)
IMAGE = re.compile(r"!\[[^\]]*\]\(\s*<?(?P<url>[^)\s>]*)")
OUTSIDE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//", re.I)
SHORTCODE_NAMES = ("phone", "link", "email", "contact", "contacts", "action-plan", "last-checked", "report-a-mistake",
                   "printables", "offline-copy", "translation-status")
KNOWN_SHORTCODE = re.compile(r"\[\[(?:%s)(?:[ \t][^\[\]\n]*)?\]\]" % "|".join(map(re.escape, SHORTCODE_NAMES)))
FIX_CODE = ("Pages and data may hold text, links and the site's shortcodes only: the site's security policy "
            "blocks anything else, or worse, lets it run. Remove it (ask a maintainer for a template change)")


# What is wrong, in the same words whichever check finds it (a line of the source, or the HTML as rendered).
def not_allowed(tag: str) -> str:
    return f"<{tag}> is not allowed in content"


def event_handler(attr: str) -> str:
    return f"an event handler ({attr}) is script"


STYLE_NOT_ALLOWED = "style= is not allowed (styles live in the site's stylesheets)"


def script_address(scheme: str, attr: str) -> str:
    return f"a {scheme}: address in {attr}= would run code or hide content"


def loads_from_outside(attr: str, url: str) -> str:
    return f"{attr}= loads {url} from another site (no requests to other hosts)"


def line_code_problems(line: str) -> list[str]:
    found = []
    for tag in TAG.finditer(line):
        name, attrs = tag.group("name").lower(), tag.group("attrs")
        if name in CODE_TAGS:
            found.append(not_allowed(name))
        if EVENT_ATTR.search(attrs):
            found.append(event_handler(EVENT_ATTR.search(attrs).group(0).rstrip('=')))
        if STYLE_ATTR.search(attrs):
            found.append(STYLE_NOT_ALLOWED)
        for attr in URL_ATTR.finditer(attrs):
            url = attr.group("url")
            if SCRIPT_URL.match(url):
                found.append(script_address(url.split(':')[0], attr.group('name')))
            elif attr.group("name").lower() != "href" and OUTSIDE.match(url):
                found.append(loads_from_outside(attr.group('name'), url))
    for attrs in ATTR_LIST.findall(line):
        if EVENT_ATTR.search(attrs):
            found.append("an event handler in an attribute list is script")
        if STYLE_ATTR.search(attrs):
            found.append(STYLE_NOT_ALLOWED)
    for link in LINK_TARGET.finditer(line):
        if SCRIPT_URL.match(link.group("url")):
            found.append(f"a {link.group('url').split(':')[0]}: link would run code or hide content")
    for image in IMAGE.finditer(line):
        if OUTSIDE.match(image.group("url")):
            found.append(f"the image {image.group('url')} would be loaded from another site")
    return found


def code_problems(text: str, name: str, comments: bool = False) -> list[str]:
    problems = []
    for number, line in enumerate(text.splitlines(), start=1):
        if comments and line.lstrip().startswith("#"):
            continue  # a YAML comment explains; it is never shown
        for problem in line_code_problems(line):
            problems.append(f"{name}:{number}: {problem}. {FIX_CODE}.")
    return problems


# The same rules for HTML as a browser reads it: any tag, split over lines or not, attributes with their entities
# (&#106;avascript:) decoded. Run on each page as Markdown rendered it, and on each text of the data files.
URL_ATTRS = {"href", "src", "srcset", "action", "formaction", "poster", "data", "background", "xlink:href"}
LOADING_ATTRS = {"src", "srcset", "poster", "data", "background"}  # fetched as the page loads, not when clicked
IGNORED_IN_URL = re.compile(r"[\x00-\x20\x7f]+")  # spaces, tabs, line breaks, control characters
SCRIPT_SCHEME = re.compile(r"(javascript|vbscript|data):", re.I)
ANOTHER_HOST = re.compile(r"[a-z][a-z0-9+.-]*:|[/\\]{2}", re.I)  # a scheme (https:, http:, ftp:), or // (or \\)
DATA_URL = re.compile(r"data:(?:[\w.+-]+/[\w.+-]+)?[;,]", re.I)  # a data: address, not the word "Data:" in a text
SRCSET_URL = re.compile(r"[\s,]*([^\s,][^\s]*)")


def srcset_urls(value: str) -> list[str]:
    """The addresses in a srcset ("a.png 1x, b.png 2x"), as a browser splits it."""
    urls, position = [], 0
    while match := SRCSET_URL.match(value, position):
        url, position = match.group(1), match.end()
        urls.append(url.rstrip(","))
        if not url.endswith(","):  # descriptors follow, up to the next comma
            comma = value.find(",", position)
            if comma < 0:
                break
            position = comma + 1
    return urls


class CodeFinder(HTMLParser):
    """Each start tag's code: a list of (what is wrong, the tag as written, the attribute, texts to look for)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str, str | None, list[str]]] = []

    def handle_starttag(self, tag, attrs):
        written = self.get_starttag_text() or ""
        if tag in CODE_TAGS:
            self.found.append((not_allowed(tag), written, None, [rf"<\s*{re.escape(tag)}\b"]))
        for attr, value in attrs:
            value = value or ""
            as_written = re.search(rf"""(?<![\w:-]){re.escape(attr)}\s*=\s*("[^"]*"|'[^']*'|[^\s>]*)""", written, re.I)
            as_written = as_written.group(1).strip("\"'") if as_written else ""
            needles = [re.escape(text.strip()) for text in (as_written, value) if text.strip()]  # entities as typed first
            if re.fullmatch(r"on[\w-]+", attr):
                self.found.append((event_handler(attr), written, attr, needles + [rf"(?<![\w-]){attr}\s*="]))
            elif attr == "style":
                self.found.append((STYLE_NOT_ALLOWED, written, attr, needles + [r"(?<![\w-])style\s*="]))
            elif attr in URL_ATTRS:
                for url in srcset_urls(value) if attr == "srcset" else [value]:
                    bare = IGNORED_IN_URL.sub("", url)
                    url_needles = [re.escape(url.strip())] + needles if attr == "srcset" and url.strip() else needles
                    if SCRIPT_SCHEME.match(bare):
                        self.found.append((script_address(SCRIPT_SCHEME.match(bare).group(1).lower(), attr),
                                           written, attr, url_needles))
                    elif attr in LOADING_ATTRS and ANOTHER_HOST.match(bare):
                        self.found.append((loads_from_outside(attr, url.strip()), written, attr, url_needles))


def html_code(text: str) -> list[tuple[str, str, str | None, list[str]]]:
    finder = CodeFinder()
    finder.feed(text)
    finder.close()
    return finder.found


def offset_in(source: str, written: str, attr: str | None, needles: list[str], start: int = 0) -> int | None:
    """Where in the source (from `start`) a problem found in HTML was written: the tag as written, else the first
    needle (the attribute's value, decoded or as written; the tag's name) found; None if none is."""
    at = source.find(written, start) if written else -1
    if at >= 0:
        inside = re.search(rf"(?<![\w:-]){re.escape(attr)}\s*=", written, re.I) if attr else None
        return at + (inside.start() if inside else 0)
    for needle in needles:
        match = re.compile(needle, re.I).search(source, start)
        if match:
            return match.start()
    return None


def rendered_code_problems(content: str, source: str, name: str) -> list[str]:
    """Code in a page's HTML (as Markdown rendered it, before the theme): `name:LINE: …`, or `name: …` when the
    source does not show where (HTML that came from the site's shortcodes or includes)."""
    problems = {}
    for message, written, attr, needles in html_code(content):
        at = offset_in(source, written, attr, needles)
        line = source.count("\n", 0, at) + 1 if at is not None else 0
        problems.setdefault(f"{name}{f':{line}' if line else ''}: {message}. {FIX_CODE}.", line)
    return sorted(problems, key=problems.get)  # in the order of the source's lines


def strings_in(tree, key_path: tuple = ()):
    """(key path, text) for every text in parsed YAML; key paths as read_yaml records their lines."""
    if isinstance(tree, dict):
        for key, value in tree.items():
            yield from strings_in(value, key_path + (str(key),))
    elif isinstance(tree, list):
        for index, value in enumerate(tree):
            yield from strings_in(value, key_path + (index,))
    elif isinstance(tree, str):
        yield key_path, tree


def parsed_code_problems(path: pathlib.Path) -> list[str]:
    """Code in each text of a data file as YAML reads it: joined over lines, quotes and escapes undone."""
    text = path.read_text(encoding="utf-8")
    data, lines, _ = read_yaml(path)
    line_starts = [0] + [match.end() for match in re.finditer("\n", text)]
    problems = []
    for key_path, value in strings_in(data):
        found = html_code(value)
        bare = IGNORED_IN_URL.sub("", value)
        if SCRIPT_SCHEME.match(bare) and (not bare.lower().startswith("data:") or DATA_URL.match(bare)):
            scheme = SCRIPT_SCHEME.match(bare).group(1).lower()
            found.append((f"a {scheme}: address would run code or hide content", "", None, [re.escape(value.strip())]))
        for message, written, attr, needles in found:
            line = line_of(lines, *key_path)
            start = line_starts[line - 1] if line else 0
            at = offset_in(text, written, attr, needles, start)
            if at is not None:
                line = text.count("\n", 0, at) + 1
            problems.append(f"{where(path, line)}: {message}. {FIX_CODE}.")
    return list(dict.fromkeys(problems))


def code_problems_in_data() -> list[str]:
    problems = []
    for path in sorted(DATA.rglob("*.yml")):
        if path.name != "security.yml":  # the policy itself, not text for readers
            # Each line as written; then, if those are fine, each text as YAML reads it (not the same mistake twice).
            problems += code_problems(path.read_text(encoding="utf-8"), where(path), comments=True) \
                or parsed_code_problems(path)
    return problems


def shortcode_problems(text: str, name: str) -> list[str]:
    problems = []
    for number, line in enumerate(text.splitlines(), start=1):
        if "[[" not in line and "]]" not in line:
            continue  # nothing that could be a shortcode (most lines)
        bad = re.search(r"\[\[[^\]\n]*\]?|\S*\]\]", KNOWN_SHORTCODE.sub("", line))
        if bad:
            problems.append(f"{name}:{number}: '{bad.group(0).strip()}' is not a shortcode the site knows, so "
                            "readers would see it as text. Write it with two brackets each side, in lower case, "
                            f"e.g. [[phone childline]] (known: {', '.join(SHORTCODE_NAMES)}).")
    return problems


def front_matter_problems(text: str, name: str) -> list[str]:
    lines = text.split("\n")
    if re.fullmatch(r"-{2}|-{4,}", lines[0].rstrip()):
        return [f"{name}:1: front matter must start with a line of exactly three dashes (---)."]
    if lines[0].rstrip() != "---":
        return []
    for number, line in enumerate(lines[1:], start=2):
        if line.rstrip() == "---":
            return []
        if re.fullmatch(r"-{2}|-{4,}|(- ){2,}-?|—|–", line.strip()):
            return [f"{name}:{number}: this line seems meant to close the front matter. Write exactly three "
                    "dashes (---) instead, or the settings above are published as page text."]
    return [f"{name}:1: the front matter that starts on line 1 is never closed, so it would be published as page "
            "text. Add a line with exactly three dashes (---) after the last setting (title:, description: …)."]


def file_name_problems(path: pathlib.Path, rel: str, langs: list[str]) -> list[str]:
    match = SUFFIX.match(path.name)
    if match and match.group("lang") != match.group("lang").lower() and match.group("lang").lower() in langs:
        lower = f"{match.group('stem')}.{match.group('lang').lower()}.md"
        return [f"{rel}: language suffixes are lower case: rename the file to {lower}."]
    return []


def page_problems(docs_dir: pathlib.Path, langs: list[str]) -> list[str]:
    problems = []
    for path in sorted(docs_dir.rglob("*.md")):
        rel = "docs/" + path.relative_to(docs_dir).as_posix()
        text = path.read_text(encoding="utf-8")
        problems += file_name_problems(path, rel, langs)
        problems += front_matter_problems(text, rel)
        problems += code_problems(text, rel)
        problems += shortcode_problems(text, rel)
        for number in dict.fromkeys(UK_NUMBER.findall(text)):
            reason = number_problem(number)
            if reason:
                problems.append(f"{rel}:{find_line(text, number)}: {reason}.")
    return problems


# --- Hooks ----------------------------------------------------------------------------------------------------

@event_priority(100)  # before any other hook reads data or pages
def on_pre_build(config):
    if not sitedata.is_first_language(config):
        return  # checked once per build, in the first (English) pass
    register.cache_clear()
    never_publish.cache_clear()
    sitedata.load.cache_clear()  # `mkdocs serve`: an edited data file is read again
    passed_checks.rules.cache_clear()  # and an edited rule or register checks everything again
    passed_checks.forget_older_rules()
    langs = sitedata.languages(config)
    docs = pathlib.Path(config.docs_dir)
    # What these checks read besides data/ and scripts/ (which passed_checks.rules() covers).
    check = passed_checks.key("sources", " ".join(langs), sitedata.files_digest(
        docs, sitedata.ROOT / "includes", sitedata.ROOT / "overrides"))
    if passed_checks.passed(check):
        return
    problems = data_problems(langs) + page_problems(docs, langs)
    if problems:
        raise Problems(problems)
    passed_checks.remember(check)


@event_priority(-100)  # after every hook that renders shortcodes and data into the page
def on_page_content(content, page, config, files):
    name = "docs/" + page.file.src_uri
    problems = []
    if "[[" in content or "]]" in content:
        snippet = re.search(r"\[\[[^<\n]{0,40}|[^>\n]{0,40}\]\]", content).group(0)
        problems.append(f"{name}:{find_line(page.file.content_string, snippet.strip()[:20]) or ''}: "
                        f"'{snippet.strip()}' was not turned into a number or link. Write shortcodes like "
                        "[[phone childline]] (two brackets each side, lower case).".replace(":: ", ": "))
    # The source's lines were checked before the build (on_pre_build stops it there): this finds what they do not
    # show. The HTML of the site's shortcodes (scripts/render_data.py, priority 40, before Markdown) is checked too:
    # its tel:, mailto: and https: links and data-* attributes are allowed like any author's.
    if problems:
        raise Problems(problems)
    check = passed_checks.key("rendered code", content, page.file.content_string)
    if not passed_checks.passed(check):
        problems = rendered_code_problems(content, page.file.content_string, name)
        if problems:
            raise Problems(problems)
        passed_checks.remember(check)
    return content


def on_post_page(output, page, config):
    """Every number a reader can see or dial on the finished page, whatever produced it."""
    check = passed_checks.key("numbers", output)
    if not passed_checks.passed(check):
        problems = check_numbers(output, "docs/" + page.file.src_uri)
        if problems:
            raise Problems(problems)
        passed_checks.remember(check)
    return output

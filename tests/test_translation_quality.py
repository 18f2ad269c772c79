"""What a native reviewer checks first, checked on every page and printable of every language:

- the letters each language really uses (no Arabic letter forms or digits in Urdu, no cedilla ş/ţ in Romanian, no
  õ/û in Hungarian, every text composed (NFC));
- the termbase (data/termbase/<lang>.yml): every key term has an agreed rendering with its reason, and no rendering
  it rules out appears on any page or PDF of that language;
- every English sentence a reader may need to say on the phone (the quoted examples and scripts on the English
  pages) appears word for word in each translation, after a line telling the reader to read the English aloud;
- Urdu: Latin-script words only inside <bdi lang="en">, links or shortcodes;
- the quick-exit button on each home page says what the interface text says.
"""
from __future__ import annotations

import functools
import pathlib
import re
import unicodedata

import pytest
import yaml

from conftest import LANGUAGES, ROOT, SITE, languages

TRANSLATED = [lang for lang in LANGUAGES if lang != "en"]
DOCS = ROOT / "docs"
FORBIDDEN = {
    "ur": ("Arabic letter forms or digits (use Urdu ی ک ہ ے and 0-9 or ۰-۹)",
           re.compile("[\u064a\u0643\u0647\u0649\u0629\u0660-\u0669]")),
    "ro": ("cedilla ş ţ (use comma-below ș ț)", re.compile("[\u015e\u015f\u0162\u0163]")),
    "hu": ("õ û (use ő ű)", re.compile("[õûÕÛ]")),
}
REQUIRED_TERMS = {"trafficking", "modern_slavery", "child_sexual_exploitation", "grooming", "safeguarding_lead",
                  "national_referral_mechanism", "first_responder", "duty_to_notify", "childrens_services", "in_care",
                  "consent", "exploitation", "forced_labour", "county_lines", "helpline", "anonymous"}
# A sentence to say: a quoted sentence that makes up a list item or a quoted line on an English page.
SAY = re.compile(r'^\s*(?:[-*]|>)\s*"(?P<sentence>[^"]{12,})"\s*$')
FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)


def sources(lang: str) -> list[pathlib.Path]:
    own = [ROOT / "data" / "i18n" / f"{lang}.yml", ROOT / "includes" / f"abbreviations.{lang}.md"]
    return sorted(DOCS.rglob(f"*.{lang}.md")) + [path for path in own if path.exists()]  # the build asks for those


def built_pages(lang: str) -> list[pathlib.Path]:
    folder = SITE / lang
    return sorted(p for p in folder.rglob("*.html") if "assets" not in p.parts)


def visible(html: str) -> str:
    html = re.sub(r"<(svg|script|style)\b.*?</\1\s*>", " ", html, flags=re.S | re.I)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@functools.cache
def pdf_texts(lang: str) -> dict[str, str]:
    from test_printables import pdf_text  # noqa: PLC0415 (pdftotext helper)
    folder = SITE / lang / "print"
    return {p.name: pdf_text(p) for p in sorted(folder.glob("*.pdf"))} if folder.is_dir() else {}


@functools.cache
def termbase(lang: str) -> dict:
    return yaml.safe_load((ROOT / "data" / "termbase" / f"{lang}.yml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_text_uses_the_letters_of_its_language(lang):
    found = []
    for path in sources(lang):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if unicodedata.normalize("NFC", line) != line:
                found.append(f"{path.relative_to(ROOT)}:{number}: not composed (NFC)")
            if lang in FORBIDDEN and FORBIDDEN[lang][1].search(line):
                found.append(f"{path.relative_to(ROOT)}:{number}: {FORBIDDEN[lang][0]}: {FORBIDDEN[lang][1].findall(line)}")
    for name, text in pdf_texts(lang).items():
        if lang in FORBIDDEN and FORBIDDEN[lang][1].search(text):
            found.append(f"{lang}/print/{name}: {FORBIDDEN[lang][0]}")
    assert found == []


@pytest.mark.parametrize("lang", TRANSLATED)
def test_the_termbase_gives_every_key_term_with_its_reason_and_address_form(lang):
    path = f"data/termbase/{lang}.yml"
    assert (ROOT / path).is_file(), f"{path} is missing: make it with `make language CODE={lang}`"
    base = termbase(lang)
    problems = [] if base.get("language") == lang else [f"language: must be {lang}"]
    if not (base.get("english_word") and base.get("read_aloud")):
        problems.append("english_word: and read_aloud: must both be filled in")
    elif base["english_word"].lower() not in base["read_aloud"].lower():
        problems.append(f"read_aloud: must contain the english_word {base['english_word']!r}")
    terms = base.get("terms") or {}
    problems += [f"terms: has no entry for {key}" for key in sorted(REQUIRED_TERMS - set(terms))]
    for key, term in terms.items():
        problems += [f"terms: {key}: {field}: is empty" for field in ("use", "source") if not (term or {}).get(field)]
        if not isinstance((term or {}).get("avoid", []), list):
            problems.append(f"terms: {key}: avoid: must be a list")
    for audience in ("public", "young_people", "parents", "professionals"):
        given = (base.get("address") or {}).get(audience) or {}
        problems += [f"address: {audience}: {field}: is empty" for field in ("form", "reason") if not given.get(field)]
    assert problems == [], f"{path}: fill in\n  " + "\n  ".join(problems)


@pytest.mark.parametrize("lang", TRANSLATED)
def test_no_rendering_the_termbase_rules_out_appears_on_a_page_or_printable(lang):
    avoid = {word.lower(): key for key, term in termbase(lang)["terms"].items() for word in term.get("avoid") or []}
    found = []
    texts = {p.relative_to(SITE).as_posix(): visible(p.read_text(encoding="utf-8")) for p in built_pages(lang)}
    texts.update({f"{lang}/print/{name}": text for name, text in pdf_texts(lang).items()})
    texts.update({p.relative_to(ROOT).as_posix(): p.read_text(encoding="utf-8") for p in sources(lang)})
    for where, text in texts.items():
        lowered = unicodedata.normalize("NFC", text).lower()
        found += [f"{where}: '{word}' (termbase {key}: use '{termbase(lang)['terms'][key]['use']}')"
                  for word, key in avoid.items() if word in lowered]
    assert texts and found == []


def sentences_to_say() -> dict[str, list[str]]:
    """English page (relative to docs/) -> the sentences on it a reader may say on the phone."""
    found = {}
    for page in sorted(DOCS.rglob("*.md")):
        if re.search(r"\.[a-z]{2}\.md$", page.name):
            continue
        sentences = [m.group("sentence") for line in page.read_text(encoding="utf-8").splitlines()
                     if (m := SAY.match(line))]
        if sentences:
            found[page.relative_to(DOCS).as_posix()] = sentences
    return found


SAY_PAGES = sentences_to_say()


def test_the_english_pages_have_sentences_to_say():
    assert {"help/immediate-danger.md", "say-something/what-to-do.md"} <= set(SAY_PAGES), sorted(SAY_PAGES)


@pytest.mark.parametrize("lang", TRANSLATED)
@pytest.mark.parametrize("page", sorted(SAY_PAGES))
def test_every_sentence_to_say_is_there_in_english_after_a_read_aloud_line(lang, page):
    translation = DOCS / page.replace(".md", f".{lang}.md")
    if not translation.exists():
        pytest.skip("not translated (the English page is shown)")
    text = translation.read_text(encoding="utf-8")
    missing = [s for s in SAY_PAGES[page] if s not in text]
    assert missing == [], f"{translation.relative_to(ROOT)}: English sentences to say are missing or changed"
    # Before each run of lines holding them, the paragraph above tells the reader to read the English aloud.
    lines = text.splitlines()
    word = termbase(lang)["english_word"].lower()
    holders = [i for i, line in enumerate(lines) if any(s in line for s in SAY_PAGES[page])]
    for i in holders:
        if i > 0 and any(s in lines[i - 1] for s in SAY_PAGES[page]) or (i > 1 and lines[i - 1].strip() == ">"):
            continue  # inside a run: the line before the run is checked
        before = [line for line in lines[:i] if line.strip()][-1:]
        assert before and word in before[0].lower(), \
            f"{translation.relative_to(ROOT)}:{i + 1}: the line before the sentences does not say to read the English ({word!r})"


def urdu_latin_outside_bdi(text: str) -> list[str]:
    text = FRONT_MATTER.sub("", text)
    text = re.sub(r"<bdi[^>]*>.*?</bdi>", " ", text, flags=re.S)
    text = re.sub(r"\[\[[^\]]*\]\]", " ", text)                      # shortcodes
    text = re.sub(r"\]\([^)]*\)", "]", text)                         # link targets
    text = re.sub(r"<[^>]+>", " ", text)                             # tags
    text = re.sub(r"\{\s*[:#.][^}]*\}", " ", text)                      # attribute lists
    text = re.sub(r"^(\s*)(!!!|\?\?\?\+?)\s+[a-z]+", r"\1", text, flags=re.M)  # admonition kinds
    text = re.sub(r"`[^`]*`", " ", text)
    text = re.sub(r"https?://\S+", " ", text)
    return re.findall(r"[A-Za-z][A-Za-z'’-]+", text)


@pytest.mark.parametrize("page", sorted(DOCS.rglob("*.ur.md")), ids=lambda p: p.relative_to(DOCS).as_posix())
def test_urdu_pages_keep_latin_script_inside_bdi(page):
    assert urdu_latin_outside_bdi(page.read_text(encoding="utf-8")) == [], \
        'wrap English words in <bdi lang="en">…</bdi> so they read left to right inside Urdu'


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_quick_exit_button_says_the_interface_text(lang):
    home = SITE / (languages.home(lang) + "index.html")
    button = re.search(r'<a[^>]*class="[^"]*quick-exit__button[^"]*"[^>]*>(.*?)</a>', home.read_text(encoding="utf-8"), re.S)
    label = yaml.safe_load((ROOT / "data" / "i18n" / f"{lang}.yml").read_text(encoding="utf-8"))["ui"]["quick_exit"]["label"]
    assert button and visible(button.group(1)).strip().endswith(label.strip()), (button and button.group(1), label)


# Names a reader must hear or type in English: wherever an English page uses one, each translation keeps it.
PROTECTED = ["Silent Solution", "National Referral Mechanism", "Duty to Notify", "Operation Makesafe", "Childline",
             "Crimestoppers", "CEOP", "First Responder"]


@pytest.mark.parametrize("lang", TRANSLATED)
def test_protected_english_names_stay_in_every_translation(lang):
    missing = []
    for english in sorted(DOCS.rglob("*.md")):
        if re.search(r"\.[a-z]{2}\.md$", english.name):
            continue
        translation = english.with_name(english.name.replace(".md", f".{lang}.md"))
        if not translation.exists():
            continue
        text = translation.read_text(encoding="utf-8")
        missing += [f"{translation.relative_to(ROOT)}: {name}" for name in PROTECTED
                    if name in english.read_text(encoding="utf-8") and name not in text]
    assert missing == [], "keep these names in English (in <bdi lang=\"en\"> in Urdu), beside any translation"

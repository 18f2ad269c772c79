"""Where a language marks the reader's gender, the reader finds their own form: both forms, or a wording with none.

Polish past-tense verbs ("widziałeś/aś"), Romanian adjectives describing the reader ("tânăr sau tânără", or a
neutral wording such as "o persoană adultă") and Urdu first-person verbs in the sentences a reader says ("کرتا یا
کرتی ہوں") change with the speaker's gender; each termbase (data/termbase/<lang>.yml, "address") says both forms are
given or the wording avoids them. Hungarian and Vietnamese have no grammatical gender for the reader, so they have
no rule here. Each rule looks at one sentence of the Markdown (and interface text) a translator edits and names
FILE:LINE.
"""
import pathlib
import re

import pytest

DOCS = pathlib.Path(__file__).resolve().parent.parent / "docs"
SENTENCE_END = re.compile(r"(?<=[.!?۔؟])\s+|\n")

# Words that end like a gendered past-tense verb but are not one: nouns in the instrumental case ("z sygnałem")
# and present-tense verbs ("działam", I act). Add a word here when the test mistakes it for a past-tense verb.
POLISH_NOT_PAST = {"sygnałem", "udziałem", "źródłem", "protokołem", "działem", "kołem", "szkłem", "działam"}

# Romanian words that describe the reader, masculine form -> feminine form, after "ești" / "fii" / "ești un".
ROMANIAN_READER_WORDS = {"adult": "adultă", "tânăr": "tânără", "sigur": "sigură", "singur": "singură",
                         "blând": "blândă", "pregătit": "pregătită", "obligat": "obligată", "convins": "convinsă",
                         "vinovat": "vinovată", "calm": "calmă", "atent": "atentă", "speriat": "speriată"}
ROMANIAN_BEFORE = r"(?:ești|fii|sunt|să fii|nu ești)(?: un| o| copil sau)?"

URDU_VERB = r"(?:\S+تا|\S+تی|سکتا|سکتی|رہا|رہی|گیا|گئی)"


def pages(lang):
    """The language's pages and its interface text (the help box, menus: data/i18n/<lang>.yml)."""
    return sorted(DOCS.rglob(f"*.{lang}.md")) + [DOCS.parent / "data" / "i18n" / f"{lang}.yml"]


def sentences(path):
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        for sentence in SENTENCE_END.split(line):
            if sentence.strip():
                yield number, sentence


def polish_problems(path):
    for number, sentence in sentences(path):
        words = re.findall(r"[\wąćęłńóśźż]+(?:/a[śm]|\(-?a[śm]\))?", sentence, flags=re.I)
        lowered = {w.lower() for w in words}
        for word in words:
            stem = word.lower()
            if "/" in stem or "(" in stem:
                continue  # "widziałeś/aś": both forms
            for masc, fem in (("łeś", "łaś"), ("łem", "łam")):
                if stem in POLISH_NOT_PAST:
                    continue
                if stem.endswith(masc):
                    if stem[: -len(masc)] + fem not in lowered:
                        yield number, f"{word!r} has no feminine form: write {stem}/{fem[1:]} or " \
                                      f"'{stem} lub {stem[: -len(masc)] + fem}'"
                elif stem.endswith(fem) and stem[: -len(fem)] + masc not in lowered:
                    yield number, f"{word!r} has no masculine form: write '{stem[: -len(fem)] + masc}/{fem[1:]}'"


def romanian_problems(path):
    for number, sentence in sentences(path):
        for match in re.finditer(rf"\b{ROMANIAN_BEFORE} ([a-zăâîșț]+)\b", sentence, flags=re.I):
            masc = match.group(1).lower()
            fem = ROMANIAN_READER_WORDS.get(masc)
            if fem and not re.search(rf"\b{fem}\b", sentence, flags=re.I):
                yield number, f"'{match.group(0)}' speaks to the reader in the masculine only: add '{fem}' " \
                              f"or use a neutral wording (e.g. 'o persoană adultă')"


def urdu_problems(path):
    for number, sentence in sentences(path):
        for match in re.finditer(rf"({URDU_VERB})(?= ہوں)", sentence):
            verb = match.group(1)
            other = verb[:-1] + "ی" if verb.endswith("ا") else verb[:-1] + "ا"
            if verb in ("گیا", "گئی"):
                other = "گئی" if verb == "گیا" else "گیا"
            if other not in sentence.split():
                yield number, f"'{verb} ہوں' gives one gender only: write '{other if verb.endswith('ا') else verb} " \
                              f"یا {verb if verb.endswith('ا') else other} ہوں' with the other form first"


RULES = {"pl": polish_problems, "ro": romanian_problems, "ur": urdu_problems}


@pytest.mark.parametrize("lang", sorted(RULES))
def test_every_reader_finds_their_own_gendered_form(lang):
    problems = [f"{path.relative_to(DOCS.parent)}:{number}: {message}"
                for path in pages(lang) for number, message in RULES[lang](path)]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang, text, caught", [
    ("pl", "Jeśli coś widziałeś, zadzwoń.", True),
    ("pl", "Jeśli to zrobiłaś, to nie twoja wina.", True),
    ("ro", "Dacă ești adult, sună la NSPCC.", True),
    ("ro", "Fii blând cu el.", True),
    ("ur", "میں ایک ہوٹل میں کام کرتا ہوں۔", True),
    ("ur", "میں گمنام رہنا چاہتی ہوں۔", True),
    ("pl", "Jeśli coś widziałeś/aś, zadzwoń. Zrobiłeś lub zrobiłaś dobrze. Z sygnałem alarmowym.", False),
    ("ro", "Dacă ești o persoană adultă, sună. Dacă ești tânăr sau tânără, sună la Childline.", False),
    ("ur", "میں ایک ہوٹل میں کام کرتا یا کرتی ہوں۔", False),
])
def test_a_one_gender_form_is_caught_and_both_forms_pass(tmp_path, lang, text, caught):
    page = tmp_path / f"page.{lang}.md"
    page.write_text(f"# Title\n\n{text}\n", encoding="utf-8")
    assert [number for number, _ in RULES[lang](page)] == ([3] if caught else [])

"""Pages are written in plain words, in our own words, and every page is easy to reach."""
import re
from collections import deque
from html.parser import HTMLParser
from urllib.parse import urljoin, urlparse

import pytest

from conftest import ROOT, SITE

import sys
sys.path.insert(0, str(ROOT / "scripts"))
from helpers import languages  # noqa: E402
from commands import reading_level  # noqa: E402

ENGLISH_PAGES = reading_level.english_pages()


@pytest.mark.parametrize("page", ENGLISH_PAGES, ids=lambda p: str(p.relative_to(ROOT / "docs")))
def test_page_reading_level_is_within_its_audiences_limit(page):
    markdown = page.read_text(encoding="utf-8")
    who = reading_level.audience(markdown)
    grade = reading_level.grade(markdown)
    assert grade <= reading_level.LIMITS[who], f"Flesch-Kincaid grade {grade} > {reading_level.LIMITS[who]} ({who})"


def test_reading_level_measure_tells_hard_text_from_plain_text():
    plain = "Call the police. Tell them what you saw. You do not have to be sure."
    hard = ("Notwithstanding multi-agency safeguarding arrangements, practitioners' interprofessional "
            "communication regarding exploitation indicators remains considerably inconsistent.")
    assert reading_level.grade(plain) <= 3 < 12 <= reading_level.grade(hard)


def words(text):
    """Lower-case words; the campaign's seven-word name counts as one word (names may be repeated)."""
    text = re.sub(r"say something if you see something", "ssiysscampaign", text.lower())
    return re.findall(r"[a-z0-9']+", text)


def ngrams(tokens, n):
    return {" ".join(tokens[i:i + n]) for i in range(len(tokens) - n + 1)}


SEED_NGRAMS = set()
for seed in (ROOT / "sources" / "seeds").glob("*"):  # the project's copy of the summit documents
    SEED_NGRAMS |= ngrams(words(seed.read_text(encoding="utf-8", errors="ignore")), 10)


def test_the_seed_copies_are_there_and_match_the_shared_ones_when_present():
    ours = {p.name: p.read_bytes() for p in (ROOT / "sources" / "seeds").glob("*") if p.name != "README.md"}
    assert len(ours) == 2 and SEED_NGRAMS, "sources/seeds/ must hold the summit report and the board's cover report"
    shared = ROOT.parent / "shared" / "seeds"
    if shared.is_dir():
        assert ours == {p.name: p.read_bytes() for p in shared.glob("*")}, "sources/seeds/ differs from ../shared/seeds/"


@pytest.mark.parametrize("page", ENGLISH_PAGES, ids=lambda p: str(p.relative_to(ROOT / "docs")))
def test_page_does_not_copy_sentences_from_the_summit_documents(page):
    copied = ngrams(words(reading_level.plain_text(page.read_text(encoding="utf-8"))), 10) & SEED_NGRAMS
    assert copied == set(), f"ten or more words in a row copied from the seeds: {sorted(copied)[:3]}"


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        href = dict(attrs).get("href")
        if tag == "a" and href:
            self.links.append(href)


def clicks_from_home(lang_home: str) -> dict[str, int]:
    """Breadth-first over the links a reader can click, from the home page: page path -> clicks needed."""
    seen, queue = {lang_home: 0}, deque([lang_home])
    while queue:
        path = queue.popleft()
        file = SITE / path.lstrip("/") / "index.html"
        if not file.exists():
            continue
        parser = Links()
        parser.feed(file.read_text(encoding="utf-8"))
        for href in parser.links:
            target = urlparse(urljoin("http://site" + path, href))
            if target.netloc == "site" and target.path.endswith("/") and target.path not in seen:
                seen[target.path] = seen[path] + 1
                queue.append(target.path)
    return seen


@pytest.mark.parametrize("lang", ["en", "pl", "ur"])
def test_every_page_is_within_three_clicks_of_the_home_page(lang):
    home = "/" + languages.home(lang)
    reached = clicks_from_home(home)
    pages = [p for p in SITE.rglob("index.html") if p.relative_to(SITE).parts[0] != "assets"
             and 'http-equiv="refresh"' not in p.read_text(encoding="utf-8")[:2000]]
    own = {"/" + str(p.parent.relative_to(SITE)).replace(".", "").strip("/") + "/" for p in pages}
    own = {p.replace("//", "/") for p in own if (lang == "en" and p.split("/")[1] not in languages.translations())
           or (lang != "en" and p.startswith(home))}
    far = {p: reached.get(p) for p in own if reached.get(p) is None or reached[p] > 3}
    assert far == {}, "pages further than three clicks from the home page (None: unreachable)"

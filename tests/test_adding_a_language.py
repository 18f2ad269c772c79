"""Adding a language takes one block in mkdocs.yml and one command (`make language CODE=…`,
scripts/commands/scaffold_language.py); the build then names, FILE:LINE, only the text left to translate, and once that is
translated the language builds, its untranslated pages shown in English (TRANSLATING.md, "Adding a language").

Tried with German in a small copy of the project (tests/fixture_project.py): two builds.
"""
from __future__ import annotations

import re
import subprocess
import sys

import pytest
import yaml

from fixture_project import build, make_project

CODE = "de"
BLOCK = ("      - locale: de\n        name: Deutsch\n        build: true\n"
         "        extra: {og_locale: de_DE, search_fold: true}\n")
MADE = [f"data/i18n/{CODE}.yml", f"includes/abbreviations.{CODE}.md", f"data/termbase/{CODE}.yml"]
# What the build may say about a new language: only text still in English, each named by file and line.
UNTRANSLATED = re.compile(rf"^(data/i18n/{CODE}\.yml|includes/abbreviations\.{CODE}\.md):(\d+): '[^']+' is still "
                          r"(in English|explained in English) ")
pytestmark = pytest.mark.xdist_group("adding_a_language")  # one worker, in this order: the builds share one copy


def scaffold(root):
    return subprocess.run([sys.executable, str(root / "scripts" / "commands" / "scaffold_language.py"), CODE], cwd=root,
                          text=True, capture_output=True)


def add_block(root) -> None:
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    last = list(re.finditer(r"^      - locale: .*\n(?:        .*\n)*", config, re.M))[-1]
    (root / "mkdocs.yml").write_text(config[:last.end()] + BLOCK + config[last.end():], encoding="utf-8")


def build_messages(result) -> list[str]:
    """The problems the build listed (validate_content.Problems: one indented FILE:LINE line each)."""
    output = result.stdout + result.stderr
    start = output.index("The build stopped: fix these and save again.")
    return [line.strip() for line in output[start:].splitlines()[1:] if line.startswith("  ")]


@pytest.fixture(scope="module", autouse=True)
def no_pdfs():
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setenv("QUICK_BUILD", "1")  # the PDFs and the offline copy are not what is tried here
        yield


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """The copy with German's block, after the command ran once: (project folder, what the command printed)."""
    root = make_project(tmp_path_factory.mktemp("seventh"))
    add_block(root)
    return root, scaffold(root)


@pytest.fixture(scope="module")
def first_build(project):
    return build(project[0])


def test_without_its_block_the_command_prints_the_block_to_paste(tmp_path):
    root = make_project(tmp_path)
    result = scaffold(root)
    assert result.returncode == 1
    assert "- locale: de" in result.stdout and "name: Deutsch" in result.stdout and "og_locale: de_DE" in result.stdout
    assert "search_fold" in result.stdout and "the language's own name" in result.stdout
    assert not any((root / rel).exists() for rel in MADE)


def test_the_command_makes_the_language_files_and_never_overwrites_one(project):
    root, result = project
    assert result.returncode == 0, result.stdout + result.stderr
    for rel in MADE:
        assert (root / rel).is_file() and f"made  {rel}" in result.stdout
    assert "Pages are not made" in result.stdout
    assert "\n/de/help/\n" in (root / "data" / "published-urls.txt").read_text(encoding="utf-8")
    before = {rel: (root / rel).read_text(encoding="utf-8") for rel in MADE}
    again = scaffold(root)
    assert again.returncode == 0 and "made " not in again.stdout
    assert {rel: (root / rel).read_text(encoding="utf-8") for rel in MADE} == before


def test_the_build_then_names_only_the_text_to_translate(project, first_build):
    root = project[0]
    assert first_build.returncode != 0 and "Traceback" not in first_build.stdout + first_build.stderr
    messages = build_messages(first_build)
    assert messages and [m for m in messages if not UNTRANSLATED.match(m)] == []
    # Every text of the skeleton is named, each on its own line.
    i18n = [m for m in messages if m.startswith(f"data/i18n/{CODE}.yml:")]
    abbreviations = [m for m in messages if m.startswith(f"includes/abbreviations.{CODE}.md:")]
    assert len({UNTRANSLATED.match(m).group(2) for m in i18n}) == len(i18n) > 100
    english = (root / "includes" / "abbreviations.en.md").read_text(encoding="utf-8")
    assert len(abbreviations) == len(english.splitlines())


def test_once_translated_the_language_builds_with_a_home_page_in_it(project, first_build):
    root = project[0]  # first_build: the untranslated build is over before the stand-in translations go in
    path = root / "data" / "i18n" / f"{CODE}.yml"
    texts = yaml.safe_load(path.read_text(encoding="utf-8"))

    def translate(node):
        return {key: translate(value) for key, value in node.items()} if isinstance(node, dict) else f"(de) {node}"

    path.write_text(yaml.safe_dump(translate(texts), allow_unicode=True, sort_keys=False), encoding="utf-8")
    abbreviations = root / "includes" / f"abbreviations.{CODE}.md"
    abbreviations.write_text(re.sub(r"^(\*\[[^\]]+\]: )", r"\1(de) ", abbreviations.read_text(encoding="utf-8"),
                                    flags=re.M), encoding="utf-8")
    built = build(root)
    assert built.returncode == 0, built.stdout + built.stderr
    home = (root / "site" / CODE / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<html lang="de"', home)
    assert 'data-notice="fallback"' in home  # the English home page, saying in German that it is not translated
    assert "(de) " + texts["ui"]["help"]["label"] in home  # the interface in German
    assert (root / "site" / CODE / "search" / "search_index.json").is_file()
    assert (root / "site" / CODE / "404.html").is_file()

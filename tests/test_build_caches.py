"""The build's caches never publish something stale.

Compressed copies come from .cache/compressed/ (scripts/steps/precompress.py) and Material's compiled templates from
.cache/templates/ (scripts/template_cache.py). A reader must never get an old page from either: every .gz and .br
copy a host may send must hold exactly the file beside it, and a template edited between two builds must show.
The theme's file list is kept from one language to the next (scripts/theme_files_once.py), never from one build to
the next: a file added to overrides/ between two builds in one process (as under `mkdocs serve`) is published.
(The QR codes kept in .cache/qr/ are keyed by the address they encode; tests/test_printables.py decodes every one.)
The content checks that passed (.cache/passed-checks/) are asked again when the page or the rules change.
The trimmed theme CSS (.cache/trimmed-css/) follows the pages.
"""
import gzip

import brotli
import pytest

from fixture_project import build, build_twice, make_project

# Typed here, not read from scripts/steps/precompress.py: a kind of file the build stopped compressing must show.
TEXT = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".webmanifest"}


def stale_copies(site):
    """Compressed copies that do not unpack to the file they stand for (or that are missing)."""
    wrong = []
    for file in sorted(p for p in site.rglob("*") if p.suffix in TEXT and p.is_file()):
        data = file.read_bytes()
        for suffix, unpack in ((".gz", gzip.decompress), (".br", brotli.decompress)):
            copy = file.with_name(file.name + suffix)
            if copy.exists() and unpack(copy.read_bytes()) != data:
                wrong.append(f"{copy.relative_to(site)} does not hold {file.name}")
            elif not copy.exists() and len(data) >= 512:
                wrong.append(f"{copy.relative_to(site)} is missing")
    return wrong


def test_every_compressed_copy_holds_exactly_its_file(site):
    assert stale_copies(site) == []


def test_the_check_sees_a_stale_copy(tmp_path):
    page = tmp_path / "index.html"
    page.write_text("<p>Call 999</p>" * 100)
    (tmp_path / "index.html.gz").write_bytes(gzip.compress(b"<p>Call 111</p>" * 100))
    (tmp_path / "index.html.br").write_bytes(brotli.compress(page.read_bytes()))
    assert stale_copies(tmp_path) == ["index.html.gz does not hold index.html"]


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return make_project(tmp_path_factory.mktemp("caches"))


def test_a_rebuild_shows_an_edited_template_and_changed_page(project):
    assert build(project).returncode == 0
    template = project / "overrides" / "main.html"
    template.write_text(template.read_text(encoding="utf-8").replace(
        "{% block content %}", "{% block content %}<p>edited-template-marker</p>", 1), encoding="utf-8")
    home = project / "docs" / "index.md"
    home.write_text(home.read_text(encoding="utf-8") + "\nA sentence added after the first build.\n", encoding="utf-8")
    result = build(project)
    assert result.returncode == 0, result.stderr[-2000:]
    page = (project / "site" / "index.html").read_text(encoding="utf-8")
    assert "edited-template-marker" in page and "A sentence added after the first build." in page
    assert gzip.decompress((project / "site" / "index.html.gz").read_bytes()).decode("utf-8") == page
    assert stale_copies(project / "site") == []


def test_a_theme_file_added_between_two_builds_in_one_process_is_published(tmp_path):
    project = make_project(tmp_path)
    result = build_twice(project, 'pathlib.Path("overrides/added-between-builds.txt").write_text("added between two builds")')
    assert result.returncode == 0, result.stderr[-2000:]
    added = project / "site" / "added-between-builds.txt"
    assert added.exists(), "a file added to overrides/ after the first build is missing from the second"
    assert added.read_text(encoding="utf-8") == "added between two builds"


def test_a_check_that_passed_is_asked_again_when_the_page_changes(tmp_path):
    """The content checks remember what passed (.cache/passed-checks/, scripts/helpers/passed_checks.py): a page
    edited after a clean build is checked again, so an unverified number in it still stops the build."""
    project = make_project(tmp_path)
    assert build(project).returncode == 0
    home = project / "docs" / "index.md"
    home.write_text(home.read_text(encoding="utf-8") + "\nOr call 0121 496 0000.\n", encoding="utf-8")
    result = build(project)
    assert result.returncode != 0, "an unverified number passed the second build"
    assert "docs/index.md" in result.stderr and "not in data/verified-numbers.tsv" in result.stderr


def test_a_check_that_passed_is_asked_again_when_the_rules_change(tmp_path):
    """What passed is remembered under the checking code and data: with 999 taken out of the register after a
    clean build, the unchanged page that shows it no longer passes."""
    project = make_project(tmp_path)
    assert build(project).returncode == 0
    register = project / "data" / "verified-numbers.tsv"
    lines = register.read_text(encoding="utf-8").splitlines(keepends=True)
    register.write_text("".join(line for line in lines if not line.startswith("999\t")), encoding="utf-8")
    result = build(project)
    assert result.returncode != 0, "a number no longer in the register passed the second build"
    assert "999" in result.stderr and "not in data/verified-numbers.tsv" in result.stderr


def test_the_trimmed_stylesheet_follows_the_pages(tmp_path):
    """The trimmed theme CSS is reused while the pages and stylesheets are the same (.cache/trimmed-css/): a page
    that starts to use a table after a build gets the theme's table rules in the next."""
    project = make_project(tmp_path)

    def table_rules() -> bool:
        sheets = (project / "site" / "assets" / "stylesheets").glob("site.*.css")
        return any("table:not([class])" in sheet.read_text(encoding="utf-8") for sheet in sheets)

    assert build(project).returncode == 0
    assert not table_rules(), "the fixture's pages have no table: its rules should have been trimmed"
    home = project / "docs" / "index.md"
    home.write_text(home.read_text(encoding="utf-8") + "\n| Who | When |\n|---|---|\n| Police | Any time |\n",
                    encoding="utf-8")
    assert build(project).returncode == 0
    assert table_rules(), "the table's rules are missing after the page gained a table"

"""When an English page changes, its translations are marked out of date until someone updates them."""
import re
import subprocess
import sys

import pytest

from fixture_project import build, build_twice, make_project


@pytest.fixture
def project(tmp_path):
    root = make_project(tmp_path)
    page = "---\ntitle: Home\nhelp: general\n---\n\n# Home\n\nCall [[phone emergency]].\n"
    (root / "docs" / "index.md").write_text(page)
    (root / "docs" / "index.pl.md").write_text(page.replace("Home", "Dom"))
    subprocess.run([sys.executable, str(root / "scripts" / "commands" / "translations.py"), "stamp",
                    str(root / "docs" / "index.pl.md")], check=True, cwd=root)
    return root


def banner(root, lang="pl"):
    return 'data-notice="outdated"' in (root / "site" / lang / "index.html").read_text()


def test_a_stamped_translation_is_current(project):
    assert build(project).returncode == 0
    assert not banner(project)


def test_changing_the_english_page_marks_its_translation_outdated(project):
    english = project / "docs" / "index.md"
    english.write_text(english.read_text() + "\nA new paragraph.\n")
    assert build(project).returncode == 0
    assert banner(project), "the Polish page does not say it is out of date"


def test_the_status_script_lists_the_outdated_translation(project):
    script = [sys.executable, str(project / "scripts" / "commands" / "translations.py"), "outdated", "pl"]
    assert subprocess.run(script, capture_output=True, text=True, cwd=project).returncode == 0
    english = project / "docs" / "index.md"
    english.write_text(english.read_text() + "\nA new paragraph.\n")
    result = subprocess.run(script, capture_output=True, text=True, cwd=project)
    assert result.returncode == 1 and "docs/index.pl.md" in result.stdout


def status_rows(page: str) -> dict[str, list[str]]:
    """The Translations table as a reader sees it: {language code: [reviewed, machine, outdated, missing]}."""
    rows = re.findall(r'<tr><th scope="row" lang="([^"]+)">[^<]*</th>((?:<td>\d+</td>)+)</tr>', page)
    return {lang: re.findall(r"<td>(\d+)</td>", cells) for lang, cells in rows}


def test_the_status_table_counts_again_in_each_build(project):
    """The table's counts are read once per build, for every language: a second build in the same process (as
    under `mkdocs serve`) after a translation is deleted shows it missing."""
    english = project / "docs" / "index.md"
    english.write_text(english.read_text() + "\n[[translation-status]]\n")
    subprocess.run([sys.executable, str(project / "scripts" / "commands" / "translations.py"), "stamp",
                    str(project / "docs" / "index.pl.md")], check=True, cwd=project)
    result = build_twice(project, 'pathlib.Path("docs/index.pl.md").unlink()')
    assert result.returncode == 0, result.stderr[-2000:]
    for lang in ("en", "pl"):  # the Polish page is now the English one, in the Polish interface
        page = project / "site" / ("" if lang == "en" else lang) / "index.html"
        rows = status_rows(page.read_text(encoding="utf-8"))
        assert rows["pl"] == ["0", "0", "0", "1"], f"{lang}: Polish row {rows.get('pl')}, the page was deleted"

"""Bad content stops the build with a message naming the file, instead of producing a broken site.

Each case builds a small copy of the project (the real config, hooks, templates and data, one page per
language) with one thing wrong, and runs `mkdocs build --strict` on it.
"""
import pytest

from fixture_project import GOOD_PAGE, build, make_project


@pytest.fixture
def project(tmp_path):
    return make_project(tmp_path)


def test_the_unbroken_fixture_builds(project):
    result = build(project)
    assert result.returncode == 0, result.stderr


CASES = {
    "broken link": ("index.md", GOOD_PAGE + "\n[gone](missing.md)\n", "index.md"),
    "page left out of the nav": ("extra.md", GOOD_PAGE, "extra.md"),
    "translation with no English source": ("orphan.pl.md", GOOD_PAGE, "orphan.pl.md"),
    "unknown language suffix": ("index.de.md", GOOD_PAGE, "index.de.md"),
    "invalid front matter": ("index.md", "---\ntitle: [unclosed\n---\n\n# Home\n", "index.md"),
    "front matter of the wrong type": ("index.md", "---\ntitle: Home\nhelp: [child]\n---\n\n# Home\n", "index.md"),
    "unknown contact": ("index.md", GOOD_PAGE + "\nCall [[phone nobody]].\n", "index.md"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_bad_content_fails_the_build_naming_the_file(project, case):
    name, text, named = CASES[case]
    (project / "docs" / name).write_text(text, encoding="utf-8")
    result = build(project)
    assert result.returncode != 0, f"{case}: the build passed"
    assert named in result.stderr + result.stdout, f"{case}: the message does not name {named}:\n{result.stderr}"

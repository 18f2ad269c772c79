"""The checks of scripts/validate_content.py that passed, so a warm build does not repeat them for the same input.

A check is a pure function of what it reads (a page's HTML, its source, the data files) and of the code and data
it checks with. Each check that passes leaves an empty file in .cache/passed-checks/<rules>/, named by the SHA-256
of the check's name and everything it read; <rules> is the SHA-256 of every script in scripts/ and every file in
data/ (the registers of verified and never-published numbers among them), so editing a rule, a register or any
script checks everything again, and the folders of older rules are removed. A check that fails leaves nothing: the
build stops every time until the content is fixed. Unchanged content was checked in about a third of a second of a
five-second build.
"""
from __future__ import annotations

import functools
import shutil

from helpers import sitedata

FOLDER = sitedata.ROOT / ".cache" / "passed-checks"


@functools.cache
def rules() -> str:
    """The code and data the checks use (cleared by validate_content.py at the start of each build)."""
    return sitedata.files_digest(sitedata.ROOT / "scripts", sitedata.DATA)


def key(check: str, *inputs: str) -> str:
    return sitedata.digest(check, *inputs)


def passed(check_key: str) -> bool:
    return (FOLDER / rules() / check_key).exists()


def remember(check_key: str) -> None:
    folder = FOLDER / rules()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / check_key).touch()
    except OSError:
        pass  # another build removed the folder (its rules differ): this check simply runs again next time


def forget_older_rules() -> None:
    """Drop what passed under other rules: it can never be used again."""
    if FOLDER.exists():
        for folder in FOLDER.iterdir():
            if folder.name != rules():
                shutil.rmtree(folder, ignore_errors=True)

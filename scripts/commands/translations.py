#!/usr/bin/env python3
"""Which translations exist, which are out of date, and who has reviewed them (scripts/helpers/translations.py).

  scripts/commands/translations.py status            coverage and review status per language
  scripts/commands/translations.py missing [LANG]    English pages with no translation
  scripts/commands/translations.py outdated [LANG]   translations whose English page changed since
  scripts/commands/translations.py stamp FILE...     record that FILE now translates the current English page
"""
from __future__ import annotations

import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))  # scripts/, when run as a command
from helpers import sitedata  # noqa: E402
from helpers.translations import LANGUAGES, coverage, english_pages, stamp, state, translated_file  # noqa: E402


def main(argv: list[str]) -> int:
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__)
        return 0
    verb, args = argv[0], argv[1:]
    if verb == "status":
        print(f"{'language':10}" + "".join(f"{k:>10}" for k in ("reviewed", "machine", "outdated", "missing")))
        for lang, counts in coverage().items():
            print(f"{lang:10}" + "".join(f"{n:>10}" for n in counts.values()))
        return 0
    if verb in ("missing", "outdated"):
        langs = args or LANGUAGES
        found = [f"{lang}  {translated_file(e, lang).relative_to(sitedata.ROOT)}"
                 for lang in langs for e in english_pages() if state(e, lang) == verb]
        print("\n".join(found) or f"no {verb} translations")
        return 1 if found else 0
    if verb == "stamp":
        for name in args:
            stamp(pathlib.Path(name))
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

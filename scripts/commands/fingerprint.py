#!/usr/bin/env python3
"""The fingerprint of a phone number, for a new line of data/never-publish.tsv (which names no digits).

  .venv/bin/python scripts/commands/fingerprint.py 'THE NUMBER'

The build (scripts/validate_content.py) fingerprints every number it finds the same way and refuses a listed one.
"""
from __future__ import annotations

import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))  # scripts/, when run as a command
import validate_content  # noqa: E402

if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: scripts/commands/fingerprint.py 'THE NUMBER'")
    print(validate_content.fingerprint(sys.argv[1]))

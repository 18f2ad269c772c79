#!/usr/bin/env python3
"""Add every address a built site answers to data/published-urls.txt (`make urls`, after adding pages).

  .venv/bin/python scripts/commands/urls.py [SITE]     (default: site/, from a fresh build)

It keeps every address already listed: tests/test_stable_urls.py fails when one stops resolving, and the fix is a
redirect (data/redirects.yml), never a deleted line. Exit 1, naming them, if listed addresses no longer resolve.
"""
from __future__ import annotations

import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))  # scripts/, when run as a command
from helpers import sitedata  # noqa: E402
from steps import redirects  # noqa: E402


def main(argv: list[str]) -> int:
    if argv[:1] in (["-h"], ["--help"]) or len(argv) > 1:
        print(__doc__)
        return 0 if argv[:1] in (["-h"], ["--help"]) else 2
    site = pathlib.Path(argv[0]) if argv else sitedata.ROOT / "site"
    old = redirects.listed() if redirects.PUBLISHED.exists() else []
    urls = sorted(set(old) | set(redirects.published(site)))
    redirects.PUBLISHED.write_text(redirects.HEADER + "\n".join(urls) + "\n", encoding="utf-8")
    gone = [url for url in old if not redirects.resolves(site, url)]
    print(f"{redirects.PUBLISHED.relative_to(sitedata.ROOT)}: {len(urls)} addresses ({len(urls) - len(old)} new)")
    for url in gone:
        print(f"no longer resolves: {url} (add it to data/redirects.yml)")
    return 1 if gone else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

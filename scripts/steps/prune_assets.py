"""Ship only the theme files readers can use: no source maps, no unused palette, no search stemmers for languages
we don't have.

Material copies every lunr language file (about 30) and its source maps into site/assets. The search worker only
loads the files named in each language's index config (scripts/steps/search_per_language.py): lunr.stemmer.support and
lunr.fold. Everything else is dead weight in the offline copy and on the host.
A step of scripts/finish.py, the first after every language is built.
"""
import re
import shutil

from helpers import sitedata

KEEP_LUNR = {"lunr.stemmer.support.min.js", "lunr.fold.min.js"}
SOURCE_MAP_COMMENT = re.compile(rb"\n?/[/*]# sourceMappingURL=[^\n]*?(\*/)?\s*\Z")


def prune(build: sitedata.Build) -> None:
    assets = build.site / "assets"
    for source_map in assets.rglob("*.map"):
        source_map.unlink()
    for file in list(assets.rglob("*.js")) + list(assets.rglob("*.css")):
        content = file.read_bytes()
        trimmed = SOURCE_MAP_COMMENT.sub(b"\n", content)
        if trimmed != content:
            file.write_bytes(trimmed)
    if "stylesheets/palette." not in (build.site / "index.html").read_text(encoding="utf-8"):
        for palette in (assets / "stylesheets").glob("palette.*.css"):
            palette.unlink()  # no colour palette is configured, so no page links it
    if not build.offline:  # the shim is only for the offline copy
        shutil.rmtree(assets / "javascripts" / "vendor" / "iframe-worker", ignore_errors=True)
    lunr = assets / "javascripts" / "lunr"
    for script in lunr.rglob("*.js"):
        if script.name not in KEEP_LUNR:
            script.unlink()
    for folder in sorted(lunr.rglob("*"), reverse=True):
        if folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()

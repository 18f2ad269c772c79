"""Write .gz and .br copies of every text file, so hosts serve them without compressing on each request.

nginx serves the .gz copies with `gzip_static on` (and the .br copies where its brotli module is installed);
Netlify and Cloudflare Pages compress by themselves and ignore them. The last step of scripts/finish.py, after
every rewrite of the pages.
The theme's and the site's own CSS and JS, fetched by every page, get their .gz from Zopfli: about 6% smaller than
zlib's best, for about two seconds of build; pages and search indexes, too many to pay that, keep zlib's.
Those files and the search indexes, which a first search waits for, get brotli's best (quality 11): the indexes
come out 19-25% smaller than zlib's (Urdu 70 KB to 52 KB), for about a quarter of a second each; pages keep
quality 9, as quick as zlib, as there are hundreds of them.
Compressed copies are kept in .cache/compressed/ by the hash of what they compress, so a rebuild compresses only
the files that changed (compressing was a third of a build); entries no build uses any more are removed.
"""
import gzip
import hashlib
import os
import pathlib
from concurrent.futures import ThreadPoolExecutor

import brotli
import zopfli.gzip

from helpers import sitedata

TEXT = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".webmanifest"}
SMALLEST = 512  # bytes: smaller files gain nothing from compression


SHARED = ("assets/stylesheets/", "assets/javascripts/")
SEARCH_INDEX = "search_index.json"


CACHE = sitedata.ROOT / ".cache" / "compressed"


def compress(path: pathlib.Path, shared: bool) -> set[str]:
    """Write the file's .gz and .br copies; the names of the cache entries it used."""
    data = path.read_bytes()
    best_brotli = shared or path.name == SEARCH_INDEX
    key = hashlib.sha256(data).hexdigest()
    used = set()
    for suffix, how, make in (
            (".gz", "-zopfli" if shared else "",
             lambda: zopfli.gzip.compress(data, numiterations=3) if shared else gzip.compress(data, 9, mtime=0)),
            (".br", "-q11" if best_brotli else "", lambda: brotli.compress(data, quality=11 if best_brotli else 9))):
        cached = CACHE / (key + how + suffix)
        try:
            compressed = cached.read_bytes()
        except FileNotFoundError:
            compressed = make()
            temporary = cached.with_name(f"{cached.name}.{os.getpid()}.part")  # never a half-written entry
            temporary.write_bytes(compressed)
            temporary.replace(cached)
        path.with_name(path.name + suffix).write_bytes(compressed)
        used.add(cached.name)
    return used


def precompress_site(build: sitedata.Build) -> None:
    if build.offline:  # the offline copy's zip leaves compressed copies out (offline_copy.LEFT_OUT)
        return
    build.pages.save()  # compresses the pages as they are on disk
    site = build.site
    CACHE.mkdir(parents=True, exist_ok=True)
    files = [p for p in site.rglob("*") if p.suffix in TEXT and p.is_file() and p.stat().st_size >= SMALLEST]
    with ThreadPoolExecutor(max_workers=2) as pool:  # brotli and zlib release the GIL
        used = set().union(*pool.map(lambda p: compress(p, p.relative_to(site).as_posix().startswith(SHARED)), files))
    for entry in CACHE.iterdir():
        if entry.name not in used:
            entry.unlink(missing_ok=True)

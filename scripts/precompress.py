"""Write .gz and .br copies of every text file, so hosts serve them without compressing on each request.

nginx serves the .gz copies with `gzip_static on` (and the .br copies where its brotli module is installed);
Netlify and Cloudflare Pages compress by themselves and ignore them. The last step of scripts/finish.py, after
every rewrite of the pages.
The theme's and the site's own CSS and JS, fetched by every page, get their .gz from Zopfli: about 6% smaller than
zlib's best, for about two seconds of build; pages and search indexes, too many to pay that, keep zlib's.
"""
import gzip
import pathlib
from concurrent.futures import ThreadPoolExecutor

import brotli
import zopfli.gzip

import sitedata

TEXT = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".webmanifest"}
SMALLEST = 512  # bytes: smaller files gain nothing from compression


SHARED = ("assets/stylesheets/", "assets/javascripts/")


def compress(path: pathlib.Path, shared: bool) -> None:
    data = path.read_bytes()
    gz = zopfli.gzip.compress(data, numiterations=3) if shared else gzip.compress(data, 9, mtime=0)
    path.with_name(path.name + ".gz").write_bytes(gz)
    path.with_name(path.name + ".br").write_bytes(brotli.compress(data, quality=9))


def precompress_site(build: sitedata.Build) -> None:
    site = build.site
    files = [p for p in site.rglob("*") if p.suffix in TEXT and p.is_file() and p.stat().st_size >= SMALLEST]
    with ThreadPoolExecutor(max_workers=2) as pool:  # brotli and zlib release the GIL
        list(pool.map(lambda p: compress(p, p.relative_to(site).as_posix().startswith(SHARED)), files))

"""Write .gz and .br copies of every text file, so hosts serve them without compressing on each request.

nginx serves the .gz copies with `gzip_static on` (and the .br copies where its brotli module is installed);
Netlify and Cloudflare Pages compress by themselves and ignore them. Runs last, after every rewrite of the pages.
"""
import gzip
import pathlib
from concurrent.futures import ThreadPoolExecutor

import brotli
from mkdocs.plugins import event_priority

import sitedata

TEXT = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".webmanifest"}
SMALLEST = 512  # bytes: smaller files gain nothing from compression


def compress(path: pathlib.Path) -> None:
    data = path.read_bytes()
    path.with_name(path.name + ".gz").write_bytes(gzip.compress(data, 9, mtime=0))
    path.with_name(path.name + ".br").write_bytes(brotli.compress(data, quality=9))


@event_priority(-300)  # after the security policy (-250) has finished editing pages
def on_post_build(config):
    if not sitedata.is_final_pass(config):
        return
    site = pathlib.Path(config.site_dir)
    files = [p for p in site.rglob("*") if p.suffix in TEXT and p.is_file() and p.stat().st_size >= SMALLEST]
    with ThreadPoolExecutor(max_workers=2) as pool:  # brotli and zlib release the GIL
        list(pool.map(compress, files))

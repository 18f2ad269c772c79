"""The offline copy: the whole site in a zip, to open from a USB stick or a laptop with no internet (file://).

Material's offline plugin makes a site work from file:// (search included), but it turns directory URLs off,
which must not happen to the live site. So the copy is a second, separate build (mkdocs.offline.yml, which
inherits mkdocs.yml and adds the plugin). As a step of scripts/finish.py this module:
  - in the main build, after the last language, the printables (which fill .cache/print, so the copy reuses
    the PDFs) and the security policy, before precompress: runs `mkdocs build -f mkdocs.offline.yml` into
    build/site-offline/ beside site/, zips it into site/downloads/spot-it-say-it-offline.zip (one folder,
    fixed dates: the same site gives the same zip) and puts the zip's size on the "Printable resources" pages. The zip is kept in .cache/offline/ under a hash of
    everything it is made from (INPUTS), so a rebuild with nothing changed reuses it;
The offline copy has the live site's policy (no 'unsafe-inline'): Material's search runs there in a hidden frame
(the vendored iframe-worker shim), whose start-up script is a file of its own (vendor/iframe-worker/boot.js).
`mkdocs serve`, a quick build (QUICK_BUILD=1: the copy holds the PDFs, which it skips), the offline copy's own
build (mkdocs.offline.yml inherits finish.py, so this step runs there too and does nothing) and builds without
mkdocs.offline.yml (test fixtures) make no offline copy.
"""
from __future__ import annotations

import logging
import os
import pathlib
import shutil
import subprocess
import sys
import time
import zipfile

from mkdocs.exceptions import PluginError

import printables
from helpers import sitedata

log = logging.getLogger("mkdocs.hooks.offline_copy")
OFFLINE_CONFIG = "mkdocs.offline.yml"
FOLDER = "spot-it-say-it"          # the one folder inside the zip
LEFT_OUT = {".gz", ".br"}          # compressed copies for web hosts
LEFT_OUT_NAMES = {"_headers"}      # a web host's header file
# Everything the copy is made from: the same inputs give the same zip, reused from .cache/offline/.
INPUTS = ["docs", "data", "overrides", "includes", "scripts", "mkdocs.yml", OFFLINE_CONFIG, "requirements.txt"]
CACHE = sitedata.ROOT / ".cache" / "offline"


def zip_site(folder: pathlib.Path, target: pathlib.Path) -> int:
    """Zip `folder` as FOLDER/…, in name order, with fixed dates. Returns the number of files."""
    files = sorted(p for p in folder.rglob("*")
                   if p.is_file() and p.suffix not in LEFT_OUT and p.name not in LEFT_OUT_NAMES)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".part")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for file in files:
            info = zipfile.ZipInfo(f"{FOLDER}/{file.relative_to(folder).as_posix()}", date_time=(2020, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, file.read_bytes(), compresslevel=1 if file.suffix in (".pdf", ".png", ".woff2") else 6)
    os.replace(partial, target)
    return len(files)


def inputs_hash(root: pathlib.Path, strict: bool) -> str:
    return sitedata.digest(f"strict={strict}", sitedata.files_digest(*(root / name for name in INPUTS), root=root))


def build_offline_copy(config) -> pathlib.Path:
    site = pathlib.Path(config.site_dir)
    offline = site.parent / "build" / f"{site.name}-offline"  # build/site-offline/ beside site/
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", OFFLINE_CONFIG, "-d", str(offline)]
    command.append("--strict" if config.strict else "--no-strict")
    result = subprocess.run(command, cwd=pathlib.Path(config.config_file_path).parent, capture_output=True,
                            text=True, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    if result.returncode:
        raise PluginError(f"The offline copy ({OFFLINE_CONFIG}) did not build:\n{result.stdout}{result.stderr}")
    return offline


def make_offline_copy(build: sitedata.Build) -> None:
    """After the printables (they fill .cache/print, which the copy's own build reuses) and before precompress
    (this writes the zip's size into the pages)."""
    if build.serve or build.quick or build.offline:
        return
    config, site = build.config, build.site
    if not (pathlib.Path(config.config_file_path).parent / OFFLINE_CONFIG).exists():
        return
    build.pages.save()  # fill_tables below rewrites pages on disk
    started = time.monotonic()
    target = site / sitedata.load("printables.yml")["offline_copy"]
    cached = CACHE / f"{inputs_hash(pathlib.Path(config.config_file_path).parent, config.strict)}.zip"
    if cached.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(cached, target)
        how = "from .cache/offline (nothing it is made from has changed)"
    else:
        count = zip_site(build_offline_copy(config), target)
        CACHE.mkdir(parents=True, exist_ok=True)
        for old in CACHE.glob("*.zip"):
            old.unlink(missing_ok=True)  # one copy is enough: the next change makes a new one anyway
        partial = cached.with_name(f"{cached.stem}.{os.getpid()}.part")
        shutil.copyfile(target, partial)
        os.replace(partial, cached)  # whole or not at all, even with two builds at once
        how = f"built, {count} files"
    printables.fill_tables(site, build.languages)
    log.info("offline copy: %s (%.1f MB) %s, in %.1f s", target.relative_to(site), target.stat().st_size / 1e6,
             how, time.monotonic() - started)

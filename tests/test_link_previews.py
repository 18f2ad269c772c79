"""Link previews: every page of every language has Open Graph and Twitter-card tags, all pointing at this site.

A shared link shows the page's own title and description, an image of its section (a PNG this site publishes,
1200×630) and its language; no tag names another host.
"""
from __future__ import annotations

import re
import struct
import sys
from urllib.parse import urlsplit

import pytest
import yaml

from conftest import LANGUAGES, ROOT, SITE, language_of, page_paths

sys.path.insert(0, str(ROOT / "scripts"))
import link_previews  # noqa: E402

SITE_URL = yaml.safe_load(re.search(r"^site_url:.*$", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M).group(0))["site_url"]
META = re.compile(r'<meta (property|name)="((?:og|twitter):[^"]+)" content="([^"]*)">')
REQUIRED = ["og:type", "og:title", "og:description", "og:url", "og:image", "og:locale", "og:site_name",
            "twitter:card", "twitter:title", "twitter:description", "twitter:image"]


def tags(path: str) -> dict[str, list[str]]:
    file = SITE / path.lstrip("/")
    html = (file / "index.html" if path.endswith("/") else file).read_text(encoding="utf-8")
    head = html[: html.index("</head>")]
    found: dict[str, list[str]] = {}
    for _, name, content in META.findall(head):
        found.setdefault(name, []).append(content)
    return found


def png_size(path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", data[16:24])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_has_link_preview_tags_pointing_at_this_site(lang):
    problems = []
    paths = [p for p in page_paths() if language_of(p) == lang]
    assert paths
    for path in paths:
        found = tags(path)
        for name in REQUIRED:
            if len(found.get(name, [])) != 1 or not found[name][0].strip():
                problems.append(f"{path}: {name} is {found.get(name)}")
        if problems:
            continue
        for name in ("og:url", "og:image", "twitter:image"):
            url = found[name][0]
            if not url.startswith(SITE_URL):
                problems.append(f"{path}: {name} {url} is not an absolute address on {SITE_URL}")
        image = SITE / found["og:image"][0][len(SITE_URL):]
        if not image.is_file():
            problems.append(f"{path}: og:image {found['og:image'][0]} is not a file of the site")
        if found["og:locale"] != [link_previews.OG_LOCALES[lang]]:
            problems.append(f"{path}: og:locale {found['og:locale']}")
        if found["twitter:card"] != ["summary_large_image"] or found["twitter:image"] != found["og:image"]:
            problems.append(f"{path}: twitter card differs")
        hosts = {urlsplit(v).netloc for k, vs in found.items() for v in vs if v.startswith("http")}
        if hosts - {urlsplit(SITE_URL).netloc}:
            problems.append(f"{path}: names other hosts {hosts}")
    assert not problems, "\n".join(problems[:20])


@pytest.mark.parametrize("path", ["/", "/help/", "/pl/say-something/reception/", "/ur/parents/"])
def test_preview_matches_the_page(path):
    found = tags(path)
    html = (SITE / path.lstrip("/") / "index.html").read_text(encoding="utf-8")
    canonical = re.search(r'<link rel="canonical" href="([^"]+)">', html).group(1)
    assert found["og:url"] == [canonical] == [SITE_URL.rstrip("/") + path]
    description = re.search(r'<meta name="description" content="([^"]*)">', html).group(1)
    assert found["og:description"] == [description]
    section = path.strip("/").split("/")
    section = section[1] if section[0] in LANGUAGES and len(section) > 1 else (section[0] or "home")
    assert found["og:image"] == [f"{SITE_URL}assets/images/og/{section}.png"]
    assert set(found["og:locale:alternate"]) == set(link_previews.OG_LOCALES.values()) - set(found["og:locale"])


def test_each_section_has_its_image_at_1200_by_630():
    images = sorted((ROOT / "overrides" / "assets" / "images" / "og").glob("*.png"))
    assert {image.stem for image in images} >= {"home", "signs", "help", "say-something", "parents", "schools",
                                                 "faith-groups", "young-people", "summit", "about"}
    for image in images:
        assert png_size(image) == (1200, 630), image.name
        assert image.stat().st_size < 100_000, f"{image.name} is large for a preview image"
        assert (SITE / "assets" / "images" / "og" / image.name).is_file(), f"{image.name} is not published"

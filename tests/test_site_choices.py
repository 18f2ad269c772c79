"""Site-wide choices that keep readers safe and the site working (reasons: README.md and CONTRIBUTING.md)."""
import base64
import pathlib
import re

import pytest
from mkdocs.config import load_config

from conftest import ROOT, SITE, page_paths


@pytest.fixture(scope="module")
def config():
    return load_config(str(ROOT / "mkdocs.yml"))


def test_instant_navigation_and_search_words_in_urls_are_off(config):
    features = set(config.theme["features"])
    assert not features & {"navigation.instant", "search.highlight", "search.share"}


def test_no_web_fonts_repository_widget_or_analytics(config):
    assert config.theme["font"] is False
    assert not config.repo_url
    assert "analytics" not in config.extra


def test_built_pages_reference_no_font_or_script_cdn():
    offenders = []
    for html in SITE.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        for host in ("fonts.googleapis.com", "fonts.gstatic.com", "unpkg.com", "cdn.jsdelivr.net", "cdnjs"):
            if host in text:
                offenders.append(f"{html.relative_to(SITE)}: {host}")
    assert offenders == []


def test_no_source_maps_are_shipped():
    assert list(SITE.rglob("*.map")) == []


def test_urdu_font_is_self_hosted_with_its_licence():
    fonts = ROOT / "overrides" / "assets" / "fonts"
    assert (fonts / "NotoNaskhArabic-Urdu.woff2").stat().st_size > 10_000
    assert "SIL Open Font License" in (fonts / "LICENSE-NotoNaskhArabic.txt").read_text()
    source = (ROOT / "overrides" / "assets" / "stylesheets" / "urdu.css").read_text()
    assert re.search(r'url\("\.\./fonts/NotoNaskhArabic-Urdu\.woff2"\)', source)


def test_urdu_pages_ask_for_the_devices_own_nastaliq_first():
    """Urdu is read in Nastaliq: the device's own (never fetched: too big for the budget), then the embedded Naskh."""
    css = (ROOT / "overrides" / "assets" / "stylesheets" / "urdu.css").read_text()
    nastaliq = re.search(r'@font-face\s*{\s*font-family: "Noto Nastaliq Urdu";\s*src:([^;]*);', css)
    assert nastaliq and "local(" in nastaliq.group(1) and "url(" not in nastaliq.group(1)
    assert re.search(r'font-family: "Noto Nastaliq Urdu", "Noto Naskh Arabic", ', css)
    assert re.search(r'html\[lang="ur"\] \.md-typeset { line-height: 2(\.\d+)?;', css)


def test_urdu_pages_carry_their_font_inside_a_stylesheet_of_their_own():
    """The font is embedded (no font swap after the first paint), and only Urdu pages fetch it."""
    font = (ROOT / "overrides" / "assets" / "fonts" / "NotoNaskhArabic-Urdu.woff2").read_bytes()
    built = list((SITE / "assets" / "stylesheets").glob("urdu.*.css"))
    assert len(built) == 1, built
    assert "data:font/woff2;base64," + base64.b64encode(font).decode("ascii") in built[0].read_text()
    link = f'stylesheets/{built[0].name}"'
    for path in page_paths():
        html = SITE / (path.lstrip("/") + ("index.html" if path.endswith("/") else ""))
        assert (link in html.read_text(encoding="utf-8")) == path.startswith("/ur/"), path

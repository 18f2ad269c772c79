"""Every Urdu character the site shows is in the self-hosted Urdu font, so no letter falls back to another font."""
import pathlib

from fontTools.ttLib import TTFont

from conftest import ROOT

FONT = ROOT / "overrides" / "assets" / "fonts" / "NotoNaskhArabic-Urdu.woff2"
ARABIC_SCRIPT = [(0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF)]


def urdu_characters() -> dict[str, pathlib.Path]:
    sources = list((ROOT / "docs").rglob("*.ur.md")) + [ROOT / "data" / "i18n" / "ur.yml",
                                                       ROOT / "includes" / "abbreviations.ur.md"]
    found = {}
    for source in sources:
        if source.exists():
            for char in source.read_text(encoding="utf-8"):
                if any(low <= ord(char) <= high for low, high in ARABIC_SCRIPT):
                    found.setdefault(char, source)
    return found


def test_the_urdu_font_covers_every_urdu_character_on_the_site():
    cmap = TTFont(FONT).getBestCmap()
    missing = {f"U+{ord(c):04X} {c}": str(src.relative_to(ROOT)) for c, src in urdu_characters().items()
               if ord(c) not in cmap}
    assert missing == {}, "add these to URDU in scripts/commands/subset_urdu_font.py and run it"


def test_the_urdu_font_stays_small():
    assert FONT.stat().st_size < 20_000

#!/usr/bin/env python3
"""Make the small Urdu web font from the full Noto Naskh Arabic file (maintenance script, not part of the build).

The full Arabic-script file (assets-src/fonts/, 52 KB) covers Arabic, Persian, Sindhi and more; Urdu pages need
only the Urdu alphabet, its punctuation and digits. Keeping every OpenType layout feature keeps the joined letter
forms. Output: overrides/assets/fonts/NotoNaskhArabic-Urdu.woff2 (about 14 KB), and, for the printables only (never
published), assets-src/fonts/NotoNastaliqUrdu-Urdu.woff2 from the full Noto Nastaliq Urdu file beside it. tests/test_urdu_font.py checks
that every character on the Urdu pages is in it; if a test fails after new Urdu text, add the code point to
URDU below and run this script again:  .venv/bin/python scripts/commands/subset_urdu_font.py
Needs fonttools and brotli (requirements-test.txt).
"""
import pathlib

from fontTools import subset

ROOT = pathlib.Path(__file__).resolve().parents[2]
SOURCE = ROOT / "assets-src" / "fonts" / "NotoNaskhArabic-arabic-400-normal.woff2"
TARGET = ROOT / "overrides" / "assets" / "fonts" / "NotoNaskhArabic-Urdu.woff2"
PRINT_SOURCE = ROOT / "assets-src" / "fonts" / "NotoNastaliqUrdu-arabic-400-normal.woff2"
PRINT_TARGET = ROOT / "assets-src" / "fonts" / "NotoNastaliqUrdu-Urdu.woff2"  # read by scripts/helpers/printables_render.py
URDU = ("U+060C,U+061B,U+061F,U+0621-063A,U+0640-0655,U+0660-0669,U+066B-066C,U+0670,U+0679,U+067E,U+0686,"
        "U+0688,U+0691,U+0698,U+06A9,U+06AF,U+06BA,U+06BE,U+06C0-06C3,U+06CC,U+06D2-06D4,U+06F0-06F9,"
        "U+200C-200F,U+2066-2069")


def main() -> None:
    for source, target in [(SOURCE, TARGET), (PRINT_SOURCE, PRINT_TARGET)]:
        subset.main([str(source), f"--unicodes={URDU}", "--layout-features=*", "--flavor=woff2",
                     f"--output-file={target}"])
        print(f"{target.relative_to(ROOT)}: {target.stat().st_size} bytes")


if __name__ == "__main__":
    main()

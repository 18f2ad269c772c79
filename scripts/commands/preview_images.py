#!/usr/bin/env python3
"""Draw the link-preview images (`make preview-images`), once, when a section is added or renamed; commit the PNGs.

Draws overrides/assets/images/og/<section>.png (1200×630) with Debian's Chromium from overrides/print/og-image.html:
the site's name and the section's name from mkdocs.yml's nav and data/i18n/en.yml. scripts/link_previews.py
names each page's image in its link-preview tags.
"""
from __future__ import annotations

import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))  # scripts/, when run as a command
import link_previews  # noqa: E402
from helpers import chromium  # noqa: E402
from helpers import sitedata  # noqa: E402

SIZE = (1200, 630)


def sections(config) -> dict[str, str]:
    """{section folder: English section name}, from the nav: the folder of each top-level entry's first page."""
    found = {link_previews.HOME: ""}
    for item in config.nav:
        if isinstance(item, dict):
            (title, children), = item.items()
            first = children if isinstance(children, str) else next(iter(
                c if isinstance(c, str) else next(iter(c.values())) for c in children))
            found[link_previews.section_of(first)] = sitedata.text(f"nav.{title}", sitedata.DEFAULT_LANGUAGE, title)
    return found


def draw_images() -> None:
    import jinja2
    from mkdocs.config import load_config
    from playwright.sync_api import sync_playwright

    config = load_config(str(sitedata.ROOT / "mkdocs.yml"))
    template = jinja2.Environment(loader=jinja2.FileSystemLoader(str(sitedata.ROOT / "overrides" / "print")),
                                  autoescape=True).get_template("og-image.html")
    icon = sitedata.ROOT / "overrides" / "assets" / "images" / "favicon.svg"
    logo = icon.read_text(encoding="utf-8") if icon.exists() else ""
    link_previews.IMAGES.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium.PATH, args=chromium.ARGS)
        page = browser.new_page(viewport={"width": SIZE[0], "height": SIZE[1]})
        for section, title in sections(config).items():
            page.set_content(template.render(site_name=sitedata.text("site.name", "en"), title=title,
                                             description=sitedata.text("site.description", "en"), logo=logo))
            page.screenshot(path=str(link_previews.IMAGES / f"{section}.png"), type="png")
            print(link_previews.IMAGES / f"{section}.png")
        browser.close()


if __name__ == "__main__":
    if sys.argv[1:]:
        print(__doc__)
        sys.exit(2)
    draw_images()

#!/usr/bin/env python3
"""Link previews: Open Graph and Twitter-card tags on every page, with an image of our own per section.

As a hook: templates call link_preview(page) (overrides/main.html, block extrahead) and get the page's title,
description, address on the live site, its section's image and the language's og:locale. Every address is
absolute (from site_url) and every image is a file this site publishes: no other host is named.

As a command, once, when a section is added or renamed (the PNGs are committed):
  .venv/bin/python scripts/link_previews.py images
draws overrides/assets/images/og/<section>.png (1200×630) with Debian's Chromium from overrides/print/og-image.html:
the site's name and the section's name from mkdocs.yml's nav and data/i18n/en.yml.
"""
from __future__ import annotations

import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import chromium  # noqa: E402
import languages  # noqa: E402
import sitedata  # noqa: E402

IMAGES = sitedata.ROOT / "overrides" / "assets" / "images" / "og"
IMAGE_SIZE = (1200, 630)
HOME = "home"
OG_LOCALES = {code: languages.setting(code, "og_locale", code) for code in languages.codes()}  # mkdocs.yml


def section_of(src_uri: str) -> str:
    """say-something/reception.pl.md -> say-something; index.md -> home"""
    return src_uri.split("/", 1)[0] if "/" in src_uri else HOME


def image_for(section: str) -> str:
    name = section if (IMAGES / f"{section}.png").exists() else HOME
    return f"assets/images/og/{name}.png"


def preview(page, config, lang: str) -> dict:
    site_url = (config.site_url or "").rstrip("/") + "/"
    if page and getattr(page, "file", None):
        src = page.file.src_uri
        title = page.title or config.site_name
        description = (page.meta or {}).get("description") or config.site_description
        url = site_url + languages.web_path(src, lang)
        section = section_of(src)
    else:  # the 404 page has no page object
        title = sitedata.text("ui.not_found.title", lang)
        description = sitedata.text("ui.not_found.text", lang)
        url = site_url + languages.home(lang) + "404.html"
        section = HOME
    return {
        "title": title,
        "description": description,
        "url": url,
        "image": site_url + image_for(section),
        "image_alt": config.site_name,
        "locale": OG_LOCALES.get(lang, lang),
        "alternates": [OG_LOCALES[other] for other in sitedata.languages(config) if other != lang and other in OG_LOCALES],
    }


def on_env(env, config, files):
    lang = sitedata.language(config)
    env.globals["link_preview"] = lambda page: preview(page, config, lang)
    return env


# --- command: draw the images ---------------------------------------------------------------------------------

def sections(config) -> dict[str, str]:
    """{section folder: English section name}, from the nav: the folder of each top-level entry's first page."""
    found = {HOME: ""}
    for item in config.nav:
        if isinstance(item, dict):
            (title, children), = item.items()
            first = children if isinstance(children, str) else next(iter(
                c if isinstance(c, str) else next(iter(c.values())) for c in children))
            found[section_of(first)] = sitedata.text(f"nav.{title}", sitedata.DEFAULT_LANGUAGE, title)
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
    IMAGES.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium.PATH, args=chromium.ARGS)
        page = browser.new_page(viewport={"width": IMAGE_SIZE[0], "height": IMAGE_SIZE[1]})
        for section, title in sections(config).items():
            page.set_content(template.render(site_name=sitedata.text("site.name", "en"), title=title,
                                             description=sitedata.text("site.description", "en"), logo=logo))
            page.screenshot(path=str(IMAGES / f"{section}.png"), type="png")
            print(IMAGES / f"{section}.png")
        browser.close()


if __name__ == "__main__":
    if sys.argv[1:] == ["images"]:
        draw_images()
    else:
        print(__doc__)
        sys.exit(2)

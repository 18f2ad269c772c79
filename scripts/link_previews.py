"""Link previews: Open Graph and Twitter-card tags on every page, with an image of our own per section.

Templates call link_preview(page) (overrides/main.html, block extrahead) and get the page's title,
description, address on the live site, its section's image and the language's og:locale. Every address is
absolute (from site_url) and every image is a file this site publishes: no other host is named.

The images are drawn once, when a section is added or renamed, by `make preview-images`
(scripts/commands/preview_images.py), and committed.
"""
from __future__ import annotations

from helpers import languages
from helpers import sitedata

IMAGES = sitedata.ROOT / "overrides" / "assets" / "images" / "og"
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

"""Site name, description and menu section titles in the reader's language, from data/i18n/<lang>.yml.

Page titles come from each page's own front matter; only the names of menu sections ("Spot the signs") and the
site's name and description need this. Keys: site.name, site.description, nav.<English section title>.
"""
from mkdocs.plugins import event_priority
from mkdocs.structure.nav import Section
from mkdocs.structure.pages import Page

from helpers import sitedata


@event_priority(-110)  # after static-i18n has switched the build's language
def on_config(config):
    lang = sitedata.language(config)
    config.site_name = sitedata.text("site.name", lang, config.site_name)
    config.site_description = sitedata.text("site.description", lang, config.site_description)
    return config


def _translate(items, lang):
    for item in items:
        if isinstance(item, Section):
            item.title = sitedata.text(f"nav.{item.title}", lang, item.title)
            _translate(item.children, lang)
        elif isinstance(item, Page) and item.title:
            # a page titled in mkdocs.yml ("Schools: schools/index.md") keeps that title in every language
            item.title = sitedata.text(f"nav.{item.title}", lang, item.title)


@event_priority(-110)
def on_nav(nav, config, files):
    _translate(nav.items, sitedata.language(config))
    return nav

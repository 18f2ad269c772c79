"""Finishing the site: what happens after MkDocs has written every language, as one list of steps (STEPS).

This is the project's only on_post_build (tests/test_one_finishing_pipeline.py keeps it so). The step modules
keep their work in plain functions that take a sitedata.Build: the site folder, the config, the languages and
what kind of build this is, decided here once:
  serve    `mkdocs serve` (from on_startup; a build started from Python, as the tests do, counts as a build);
  offline  the offline copy's own build (mkdocs.offline.yml inherits mkdocs.yml, this hook included, and adds
           Material's offline plugin), so the same steps finish that copy too, minus what only a web host needs;
  quick    QUICK_BUILD=1: no PDFs and no offline copy, for quick checks.

Why the priority: static-i18n builds the site once per language. Its own on_post_build (priority -100) runs a
nested build for each other language, and each nested build runs every on_post_build again, this one included;
when the last has returned, it merges the search index. Only the outermost call is the final pass, and the steps
need every language written and the merged index, so this hook must run after static-i18n's: below -100. (In the
offline build, Material's offline plugin also runs at -100 and writes search_index.js, which search_per_language
splits: one more reason.)
"""
from __future__ import annotations

import logging
import pathlib
import time
import types

from mkdocs.plugins import event_priority

from steps import alternate_links
from steps import bundle_assets
from steps import embed_urdu_font
from steps import offline_copy
from steps import precompress
import printables
from steps import prune_assets
from steps import redirects
import root_404
from steps import search_per_language
from steps import security_policy
from helpers import sitedata
from steps import trim_theme_css

# The finishing steps, in the order they run. A step may read or rewrite anything under site_dir; where a later
# step needs an earlier one, the comment says so.
STEPS = [
    prune_assets.prune,                  # no source maps, unused palette or lunr languages (before anything reads CSS)
    printables.make_pdfs,                # the PDFs (not under serve or QUICK_BUILD) and their sizes in the tables
    root_404.write_404_pages,            # one 404 page per language (before the steps that read or rewrite pages)
    trim_theme_css.trim_site,            # only the theme's CSS rules that the pages and scripts can match
    bundle_assets.bundle,                # the trimmed theme CSS + the site's as one stylesheet, its JS as one script
    embed_urdu_font.embed_font,          # the Urdu font inside the Urdu pages' stylesheet (after the bundle)
    search_per_language.split_search,    # one search index per language; forgiving search joined to Material's
                                         # scripts (after trim_site, which reads those scripts as Material ships them)
    alternate_links.drop_alternates,     # no <link rel="alternate" hreflang> in pages (sitemap.xml has hreflang)
    redirects.write_redirect_pages,      # old addresses: copies of the finished pages' help box and menu
    security_policy.apply_policy,        # CSP from the final inline scripts into every page; _headers, nginx.conf
    offline_copy.make_offline_copy,      # the offline zip, a second build (not under serve, quick or offline)
    precompress.precompress_site,        # last: .gz and .br copies of the finished files
]

_serve = False
log = logging.getLogger("mkdocs.hooks.finish")


def on_startup(command, dirty):
    global _serve
    _serve = command == "serve"


def is_final_pass(config) -> bool:
    """True in the one on_post_build call that comes after static-i18n has written every language."""
    plugin = config.plugins.get("i18n")
    return not getattr(plugin, "building", False)


def as_loaded(step, config):
    """`step` from the module MkDocs loaded as a hook, if mkdocs.yml lists the step's file under `hooks:`.

    MkDocs loads each hook file as a module of its own, named by its path ("scripts/printables.py"), apart from
    the module that `import printables` gives here; only the hook's module has seen the page events (printables
    keeps each page's HTML, root_404 each language's 404 page). Steps from files that are not hooks are used as
    imported.
    """
    for plugin in config.plugins.values():
        if isinstance(plugin, types.ModuleType) and pathlib.Path(plugin.__file__).stem == step.__module__:
            return getattr(plugin, step.__name__)
    return step


@event_priority(-200)  # below static-i18n's -100: see the module's docstring
def on_post_build(config):
    if not is_final_pass(config):
        return
    build = sitedata.Build(config=config, site=pathlib.Path(config.site_dir), languages=sitedata.languages(config),
                           serve=_serve, offline=sitedata.is_offline_build(config), quick=sitedata.is_quick_build())
    log.info("finishing the site: %d steps", len(STEPS))  # the benchmark times the steps from here
    for step in STEPS:
        started = time.perf_counter()
        as_loaded(step, config)(build)
        log.debug("%s.%s: %.2f s", step.__module__, step.__name__, time.perf_counter() - started)  # mkdocs build -v
    build.pages.save()  # what the steps rewrote in memory (sitedata.Pages), if no step has saved it yet

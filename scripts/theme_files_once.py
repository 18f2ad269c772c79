"""List the theme's files once per build, not once per language.

Before each language, MkDocs asks the theme's template environment for every file it could copy into the site
(Files.add_files_from_theme): Jinja walks Material's folder, 14,000 icons included, and MkDocs matches each name
against its patterns. The answer is the same for every language, so this hook keeps the first one for the
languages after it. Only that listing is kept (its filter is MkDocs' own, recognised by name; any other listing is
asked for as usual), under the theme's folders and static templates, and it is forgotten when the next build
starts, so `mkdocs serve` sees a file added to overrides/.
"""
from __future__ import annotations

from mkdocs.plugins import event_priority

from helpers import sitedata

THEME_FILES_FILTER = "Files.add_files_from_theme.<locals>.filter"
_listed: dict[tuple, list[str]] = {}


def on_pre_build(config):
    if sitedata.is_first_language(config):
        _listed.clear()  # a new build: list the files again


@event_priority(100)  # before anything asks for the environment (MkDocs does right after the config events)
def on_config(config):
    theme = config.theme
    if getattr(theme.get_env, "lists_files_once", False):
        return config
    make_env = theme.get_env

    def get_env():
        env = make_env()
        list_templates = env.list_templates

        def listed_once(extensions=None, filter_func=None):
            if getattr(filter_func, "__qualname__", None) != THEME_FILES_FILTER:
                return list_templates(extensions, filter_func)
            key = (tuple(theme.dirs), tuple(theme.static_templates), extensions)
            if key not in _listed:
                _listed[key] = list_templates(extensions, filter_func)
            return list(_listed[key])

        env.list_templates = listed_once
        return env

    get_env.lists_files_once = True
    theme.get_env = get_env
    return config

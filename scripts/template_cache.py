"""Keep the theme's compiled templates in .cache/templates/, so they are compiled once, not once per language.

MkDocs makes a new template environment for each language static-i18n builds, and compiling Material's templates
was about a tenth of every build. Jinja checks each cached template against its source, so an edited template is
compiled again; the cache is only for this environment's settings (the site's own template environments in the
other hooks have other settings and do not use it).
"""
import jinja2
from mkdocs.plugins import event_priority

from helpers import sitedata


@event_priority(100)  # before the other hooks render anything with the environment
def on_env(env, config, files):
    folder = sitedata.ROOT / ".cache" / "templates"
    folder.mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(folder))
    return env

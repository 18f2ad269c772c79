"""Give templates the interface text and contacts from data/, in the language being built.

Templates call site_text("ui.quick_exit.label") and site_contact("childline"); both read data/ through sitedata,
so a label or number is never typed into a template.
"""
from helpers import sitedata
from mkdocs.plugins import event_priority


@event_priority(-110)  # after static-i18n has switched the build to its language
def on_env(env, config, files):
    lang = sitedata.language(config)
    env.globals["site_lang"] = lang
    env.globals["site_text"] = lambda key, default=None: sitedata.text(key, lang, default)
    env.globals["site_contact"] = lambda cid: dict(sitedata.contacts()[cid], name=sitedata.contact_text(cid, "name", lang))
    return env

"""Render contact details and action plans from data/ into pages, so no fact is typed twice.

Shortcodes an author can write in any Markdown page (any language):
  [[phone ID]]            the contact's first number as a tel: link (e.g. [[phone childline]])
  [[phone ID out_of_hours]] the number whose `when` is out_of_hours
  [[link ID]]             the organisation's own web page, named in the reader's language
  [[link ID|words]]       the same link with your own words
  [[email ID]]            the contact's email address as a mailto: link
  [[contact ID]]          a contact card: name, numbers, hours, note, web page, last-checked date
  [[contacts GROUP]]      every contact in a group (e.g. [[contacts councils]]) as a table, and as one card each
                          for phone-width screens (overrides/partials/contacts-table.html, contact-cards.html)
  [[action-plan NAME]]    the action plan in data/action-plans/NAME.yml as a table
  [[last-checked]]        the month the contact details were last checked
  [[report-a-mistake]]    how to tell the publisher about a wrong detail (data/publisher.yml); nothing until set
An unknown shortcode or contact fails the build with the page's file name. The HTML comes from templates in
overrides/partials/ (contact-inline.html's macros for links, numbers and caveats; contact-card.html,
action-plan.html), never from strings here.

Two things the data asks for wherever a number is shown:
  - a phone with `source_dated: YYYY-MM` (a number whose only source is old: "verified-dated" in
    data/verified-numbers.tsv) is followed by its caveat, <span class="contact-caveat" data-caveat=…>;
  - in a table of contacts, a contact with no confirmed number for a column shows its `fallback` contacts'
    numbers there (e.g. the police), in a <span class="contact-fallback" data-fallback=…>.
"""
from __future__ import annotations

import datetime
import re

from babel.dates import format_skeleton
from markupsafe import Markup
from mkdocs.exceptions import PluginError

from helpers import sitedata

SHORTCODE = re.compile(r"\[\[(phone|link|email|contact|contacts|action-plan|last-checked|report-a-mistake)(?:[ \t]+([^\]|]+?))?(?:\|([^\]]+))?\]\]")
INLINE = "partials/contact-inline.html"  # the macros for links, numbers and caveats

# What the printables (scripts/helpers/printables_render.py) use to show contacts as the pages do: month(), tel(),
# phone_line(), caveat(), group_table(); the HTML ones return Markup (safe to put into a template).


def month(value, lang: str) -> str:
    """A `YYYY-MM` date as the month in the reader's language."""
    year, month_ = (int(part) for part in str(value).split("-")[:2])
    return format_skeleton("yMMMM", datetime.date(year, month_, 1), locale=lang)  # "2026. november" in Hungarian


def _inline():
    return sitedata.macros(INLINE)


def tel(phone: dict) -> Markup:
    """A number as a tel: link: the macro the "Get help now" box uses too (overrides/partials/tel.html)."""
    return sitedata.macros("partials/tel.html").tel(phone)


def _ui(key: str, lang: str, must_have: tuple[str, ...] = ()) -> tuple[str, bool]:
    """Interface text, and whether it is English standing in (shown with lang="en") because the language has no
    text of its own for `key` yet, or its text lacks a {placeholder} (a number would go missing)."""
    english = sitedata.text(key, sitedata.DEFAULT_LANGUAGE)
    missing = [name for name in must_have if "{" + name + "}" not in english]
    if missing:
        raise KeyError(f"data/i18n/en.yml: '{key}' must contain {', '.join('{' + m + '}' for m in missing)}")
    own = sitedata.text(key, lang)
    if lang == sitedata.DEFAULT_LANGUAGE or (own != english and all("{" + name + "}" in own for name in must_have)):
        return own, False
    return english, True


def _fill(words: str, **values) -> Markup:
    """Interface text, escaped, with each {name} replaced by its value (Markup such as a link stays as it is)."""
    filled = Markup.escape(words)
    for name, value in values.items():
        filled = filled.replace("{" + name + "}", value)
    return filled


def caveat(phone: dict, lang: str) -> Markup:
    """The warning that goes with a number whose only source is old (`source_dated` in data/contacts.yml)."""
    if not phone.get("source_dated"):
        return Markup()
    words, english = _ui("ui.contact.source_dated", lang, ("month",))
    shown = month(phone["source_dated"], sitedata.DEFAULT_LANGUAGE if english else lang)  # English words, English month
    return _inline().caveat(_fill(words, month=shown), english)


def _fallback(contact_id: str, lang: str) -> Markup:
    """What a table cell says when the contact has no confirmed number: the `fallback` contacts' numbers
    (as tel: links, from their own data), or else "use the website"."""
    fallback = sitedata.contacts()[contact_id].get("fallback") or []
    if not fallback:
        return Markup.escape(sitedata.text("ui.contact.no_verified_number", lang))
    words, english = _ui("ui.contact.fallback", lang, tuple(fallback))
    numbers = {}
    for fid in fallback:
        phones = sitedata.contacts()[fid].get("phones") if fid in sitedata.contacts() else None
        if not phones:
            raise KeyError(f"contact '{contact_id}': fallback '{fid}' is not a contact with a phone number")
        numbers[fid] = tel(phones[0])
    return _inline().fallback(fallback, _fill(words, **numbers), english)


def report_a_mistake(lang: str) -> str:
    """The publisher's address for reports of a wrong detail, once data/publisher.yml has one; until then nothing."""
    entry = (sitedata.load("publisher.yml") or {}).get("report_a_mistake") or {}
    email, web = (entry.get("email") or "").strip(), (entry.get("web") or "").strip()
    if email:
        link = _inline().email(email)
    elif web.startswith("https://"):
        link = _inline().link(web, web)
    else:
        return ""
    words, english = _ui("ui.report_mistake.publisher", lang, ("address",))
    return "\n" + _inline().report_a_mistake(_fill(words, address=link), english) + "\n"


def _web(contact_id: str, lang: str, words: str | None = None) -> Markup:
    contact = sitedata.contacts()[contact_id]
    return _inline().link(contact["web"], words or sitedata.contact_text(contact_id, "name", lang))


def phone_line(phone: dict, lang: str) -> Markup:
    """One number as a card or a table shows it: its option, when it answers, and its caveat."""
    option = sitedata.text("ui.contact.option", lang).format(option=phone["option"]) if phone.get("option") else ""
    when = sitedata.text("ui.contact." + phone["when"], lang) if phone.get("when") else ""
    return _inline().phone_line(phone, option, when, caveat(phone, lang))


def contact_card(contact_id: str, lang: str) -> str:
    """[[contact ID]]: one contact as a card (overrides/partials/contact-card.html)."""
    contact = sitedata.contacts()[contact_id]
    card = sitedata.render(
        "partials/contact-card.html",
        name=sitedata.contact_text(contact_id, "name", lang),
        phones=[phone_line(phone, lang) for phone in contact.get("phones", [])],
        email=contact.get("email"),
        texts={field: sitedata.contact_text(contact_id, field, lang) for field in ("hours", "note")},
        web=contact["web"], last_checked=month(contact["last_checked"], lang),
        labels={"website": sitedata.text("ui.contact.website", lang),
                "last_checked": sitedata.text("ui.contact.last_checked", lang)})
    return "\n" + card + "\n"


WHENS = ("office", "out_of_hours")
ARABIC_SCRIPT = re.compile("[\u0600-\u06ff]")
LATIN_RUN = re.compile(r"[A-Za-z][A-Za-z0-9'’&.,:;()–\- ]*[A-Za-z0-9)]")


def _isolated(words: str | None) -> Markup | None:
    """Text with its English runs in <bdi lang="en"> where it is written in Urdu letters, as the Urdu pages do:
    a name like "… Service (CASS)، برمنگھم …" then reads left to right, its brackets the right way round."""
    if not words or not ARABIC_SCRIPT.search(words):
        return words
    isolated, end = Markup(), 0
    for match in LATIN_RUN.finditer(words):
        isolated += words[end:match.start()] + _inline().english_run(match.group(0))
        end = match.end()
    return isolated + words[end:]


def _group_rows(group: str, lang: str) -> list[dict]:
    """What the table and the cards show for each contact in a group, in the reader's language, from one place."""
    members = [cid for cid, c in sitedata.contacts().items() if c.get("group") == group]
    if not members:
        raise KeyError(f"no contacts in group '{group}'")
    rows = []
    for cid in members:
        contact = sitedata.contacts()[cid]
        phones = {when: [phone_line(dict(p, when=None), lang)
                         for p in contact.get("phones", []) if p.get("when") == when] for when in WHENS}
        rows.append({
            "area": sitedata.contact_text(cid, "area", lang),
            "name": _isolated(sitedata.contact_text(cid, "name", lang)),
            "hours": sitedata.contact_text(cid, "hours", lang),
            "phones": phones,
            "fallback": None if all(phones.values()) else _fallback(cid, lang),
            # no number at any time: the fallback is said once (across both columns of the table)
            "no_number": not contact.get("phones") and bool(contact.get("fallback")),
            "web": contact["web"],
            "last_checked": month(contact["last_checked"], lang),
        })
    return rows


def _labels(lang: str) -> dict:
    labels = {col: sitedata.text(f"ui.contact.table.{col}", lang) for col in ("area", *WHENS, "website")}
    return dict(labels, link=sitedata.text("ui.contact.website", lang), last_checked=sitedata.text("ui.contact.last_checked", lang))


def group_table(group: str, lang: str) -> str:
    """The group as a table (also used by the printables)."""
    return "\n" + sitedata.render("partials/contacts-table.html", rows=_group_rows(group, lang), labels=_labels(lang)) + "\n"


def _group_cards(group: str, lang: str, level: int) -> str:
    """The group as one card per contact, for phone-width screens; `level` is the cards' heading level."""
    cards = sitedata.render("partials/contact-cards.html", rows=_group_rows(group, lang), labels=_labels(lang), level=level)
    return "\n" + cards + "\n"


def _heading_level_after(markdown: str) -> int:
    """One level below the last Markdown heading before this point, so the cards' headings fit the outline."""
    levels = re.findall(r"^(#{1,6})[ \t]", markdown, re.M)
    return min(len(levels[-1]) + 1, 6) if levels else 2


def _action_plan(name: str, lang: str) -> str:
    plan = sitedata.load(f"action-plans/{name}.yml")
    actions = [{"number": action["number"],
                "summary": sitedata.text(f"action_plans.{name}.{action['number']}", lang, action["summary"]),
                "owners": ", ".join(sitedata.text(f"owners.{owner}", lang) for owner in action["owners"])}
               for action in plan["actions"]]
    labels = [sitedata.text(f"ui.action_plan.{col}", lang) for col in ("number", "action", "owners")]
    return "\n" + sitedata.render("partials/action-plan.html", name=name, labels=labels, actions=actions) + "\n"


def render_shortcode(match: re.Match, lang: str, markdown: str = "") -> str:
    """The HTML for one shortcode (a match of SHORTCODE); `markdown`: the page, for the cards' heading level."""
    kind, arg, words = match.group(1), (match.group(2) or "").strip(), match.group(3)
    args = arg.split()
    contacts = sitedata.contacts()
    if kind in ("phone", "link", "email", "contact") and (not args or args[0] not in contacts):
        raise KeyError(f"unknown contact '{arg}' (known: {', '.join(contacts)})")
    if kind == "phone":
        phones = contacts[args[0]].get("phones", [])
        if len(args) > 1:
            phones = [p for p in phones if p.get("when") == args[1]]
        if not phones:
            raise KeyError(f"contact '{arg}' has no such phone number")
        return _inline().phone(phones[0], caveat(phones[0], lang))
    if kind == "link":
        return _web(args[0], lang, words)
    if kind == "email":
        email = contacts[args[0]].get("email")
        if not email:
            raise KeyError(f"contact '{arg}' has no email address")
        return _inline().email(email)
    if kind == "contact":
        return contact_card(args[0], lang)
    if kind == "contacts":
        # Cards first: the style sheet hides the table that follows them at phone width (site.css).
        level = _heading_level_after(markdown[:match.start()])
        return _group_cards(arg, lang, level) + "\n" + group_table(arg, lang)
    if kind == "action-plan":
        return _action_plan(arg, lang)
    if kind == "report-a-mistake":
        return report_a_mistake(lang)
    months = sorted({str(c["last_checked"]) for c in contacts.values()})
    return month(months[0], lang)


# After static-i18n has chosen the page's language (its on_page_markdown has priority 50, hooks 0); in mkdocs.yml's
# order after printables.py, whose tables hold shortcodes rendered here.
def on_page_markdown(markdown, page, config, files):
    lang = sitedata.language(config)
    try:
        return SHORTCODE.sub(lambda m: render_shortcode(m, lang, markdown), markdown)
    except (KeyError, FileNotFoundError) as error:
        raise PluginError(f"{page.file.src_uri}: {error}") from error

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
An unknown shortcode or contact fails the build with the page's file name.

Two things the data asks for wherever a number is shown:
  - a phone with `source_dated: YYYY-MM` (a number whose only source is old: "verified-dated" in
    data/verified-numbers.tsv) is followed by its caveat, <span class="contact-caveat" data-caveat=…>;
  - in a table of contacts, a contact with no confirmed number for a column shows its `fallback` contacts'
    numbers there (e.g. the police), in a <span class="contact-fallback" data-fallback=…>.
"""
from __future__ import annotations

import datetime
import functools
import html
import re

import jinja2
from babel.dates import format_skeleton
from markupsafe import Markup
from mkdocs.exceptions import PluginError

import sitedata

CELL_END = '<span hidden> · </span>'
SHORTCODE = re.compile(r"\[\[(phone|link|email|contact|contacts|action-plan|last-checked|report-a-mistake)(?:[ \t]+([^\]|]+?))?(?:\|([^\]]+))?\]\]")


def _month(value, lang: str) -> str:
    year, month = (int(part) for part in str(value).split("-")[:2])
    return format_skeleton("yMMMM", datetime.date(year, month, 1), locale=lang)  # "2026. november" in Hungarian


@functools.cache
def _templates() -> jinja2.Environment:
    """The site's own partials (overrides/), so the pages' HTML comes from the same templates as the theme's."""
    return jinja2.Environment(loader=jinja2.FileSystemLoader(str(sitedata.ROOT / "overrides")), autoescape=True,
                              trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined)


def _tel(phone: dict) -> str:
    """A number as a tel: link: the macro the "Get help now" box uses too (overrides/partials/tel.html)."""
    return str(_templates().get_template("partials/tel.html").module.tel(phone))


def _ui(key: str, lang: str, must_have: tuple[str, ...] = ()) -> tuple[str, str]:
    """Interface text, and the attributes its element needs: lang="en" where the language has no text of its own
    for `key` yet, or its text lacks a {placeholder} (a number would go missing), so English is shown instead."""
    english = sitedata.text(key, sitedata.DEFAULT_LANGUAGE)
    missing = [name for name in must_have if "{" + name + "}" not in english]
    if missing:
        raise KeyError(f"data/i18n/en.yml: '{key}' must contain {', '.join('{' + m + '}' for m in missing)}")
    own = sitedata.text(key, lang)
    if lang == sitedata.DEFAULT_LANGUAGE or (own != english and all("{" + name + "}" in own for name in must_have)):
        return own, ""
    return english, ' lang="en" dir="ltr"'


def _caveat(phone: dict, lang: str) -> str:
    """The warning that goes with a number whose only source is old (`source_dated` in data/contacts.yml)."""
    if not phone.get("source_dated"):
        return ""
    words, attrs = _ui("ui.contact.source_dated", lang, ("month",))
    month = _month(phone["source_dated"], sitedata.DEFAULT_LANGUAGE if attrs else lang)  # English words, English month
    words = html.escape(words).replace("{month}", html.escape(month))
    return f'<span class="contact-caveat" data-caveat="source-dated"{attrs}>{words}</span>'


def _fallback(contact_id: str, lang: str) -> str:
    """What a table cell says when the contact has no confirmed number: the `fallback` contacts' numbers
    (as tel: links, from their own data), or else "use the website"."""
    fallback = sitedata.contacts()[contact_id].get("fallback") or []
    if not fallback:
        return html.escape(sitedata.text("ui.contact.no_verified_number", lang))
    words, attrs = _ui("ui.contact.fallback", lang, tuple(fallback))
    words = html.escape(words)
    for fid in fallback:
        phones = sitedata.contacts()[fid].get("phones") if fid in sitedata.contacts() else None
        if not phones:
            raise KeyError(f"contact '{contact_id}': fallback '{fid}' is not a contact with a phone number")
        words = words.replace("{" + fid + "}", _tel(phones[0]))
    return f'<span class="contact-fallback" data-fallback="{html.escape(" ".join(fallback))}"{attrs}>{words}</span>'


def _report_a_mistake(lang: str) -> str:
    """The publisher's address for reports of a wrong detail, once data/publisher.yml has one; until then nothing."""
    entry = (sitedata.load("publisher.yml") or {}).get("report_a_mistake") or {}
    email, web = (entry.get("email") or "").strip(), (entry.get("web") or "").strip()
    if email:
        link = f'<a href="mailto:{html.escape(email)}">{html.escape(email)}</a>'
    elif web.startswith("https://"):
        link = f'<a href="{html.escape(web)}" rel="noreferrer">{html.escape(web)}</a>'
    else:
        return ""
    words, attrs = _ui("ui.report_mistake.publisher", lang, ("address",))
    return f'\n<p class="report-a-mistake"{attrs}>{html.escape(words).replace("{address}", link)}</p>\n'


def _web(contact_id: str, lang: str, words: str | None = None) -> str:
    contact = sitedata.contacts()[contact_id]
    label = words or sitedata.contact_text(contact_id, "name", lang)
    return f'<a href="{html.escape(contact["web"])}" rel="noreferrer">{html.escape(label)}</a>'


def _phone_line(phone: dict, lang: str) -> str:
    parts = [_tel(phone)]
    if phone.get("option"):
        parts.append(html.escape(sitedata.text("ui.contact.option", lang).format(option=phone["option"])))
    if phone.get("when"):
        parts.append(f'<span class="contact-card__when">({html.escape(sitedata.text("ui.contact." + phone["when"], lang))})</span>')
    line = " ".join(parts)
    return line + ("<br>" + _caveat(phone, lang) if phone.get("source_dated") else "")


def _card(contact_id: str, lang: str) -> str:
    contact = sitedata.contacts()[contact_id]
    rows = [f'<p class="contact-card__name"><strong>{html.escape(sitedata.contact_text(contact_id, "name", lang))}</strong></p>']
    for phone in contact.get("phones", []):
        rows.append(f'<p class="contact-card__phone">{_phone_line(phone, lang)}</p>')
    if contact.get("email"):
        rows.append(f'<p class="contact-card__email"><a href="mailto:{contact["email"]}">{contact["email"]}</a></p>')
    for field in ("hours", "note"):
        value = sitedata.contact_text(contact_id, field, lang)
        if value:
            rows.append(f'<p class="contact-card__{field}">{html.escape(value)}</p>')
    rows.append('<p class="contact-card__meta">'
                f'{_web(contact_id, lang, sitedata.text("ui.contact.website", lang))} · '
                f'{html.escape(sitedata.text("ui.contact.last_checked", lang))}: {_month(contact["last_checked"], lang)}</p>')
    return '\n<div class="contact-card">\n' + "\n".join(rows) + "\n</div>\n"


WHENS = ("office", "out_of_hours")
ARABIC_SCRIPT = re.compile("[\u0600-\u06ff]")
LATIN_RUN = re.compile(r"[A-Za-z][A-Za-z0-9'’&.,:;()–\- ]*[A-Za-z0-9)]")


def _isolated(words: str | None) -> Markup | None:
    """Text with its English runs in <bdi lang="en"> where it is written in Urdu letters, as the Urdu pages do:
    a name like "… Service (CASS)، برمنگھم …" then reads left to right, its brackets the right way round."""
    if not words or not ARABIC_SCRIPT.search(words):
        return words
    parts, end = [], 0
    for match in LATIN_RUN.finditer(words):
        parts += [html.escape(words[end:match.start()]), f'<bdi lang="en">{html.escape(match.group(0))}</bdi>']
        end = match.end()
    return Markup("".join(parts) + html.escape(words[end:]))


def _group_rows(group: str, lang: str) -> list[dict]:
    """What the table and the cards show for each contact in a group, in the reader's language, from one place."""
    members = [cid for cid, c in sitedata.contacts().items() if c.get("group") == group]
    if not members:
        raise KeyError(f"no contacts in group '{group}'")
    rows = []
    for cid in members:
        contact = sitedata.contacts()[cid]
        phones = {when: [Markup(_phone_line(dict(p, when=None), lang))
                         for p in contact.get("phones", []) if p.get("when") == when] for when in WHENS}
        rows.append({
            "area": sitedata.contact_text(cid, "area", lang),
            "name": _isolated(sitedata.contact_text(cid, "name", lang)),
            "hours": sitedata.contact_text(cid, "hours", lang),
            "phones": phones,
            "fallback": None if all(phones.values()) else Markup(_fallback(cid, lang)),
            # no number at any time: the fallback is said once (across both columns of the table)
            "no_number": not contact.get("phones") and bool(contact.get("fallback")),
            "web": contact["web"],
            "last_checked": _month(contact["last_checked"], lang),
        })
    return rows


def _labels(lang: str) -> dict:
    labels = {col: sitedata.text(f"ui.contact.table.{col}", lang) for col in ("area", *WHENS, "website")}
    return dict(labels, link=sitedata.text("ui.contact.website", lang), last_checked=sitedata.text("ui.contact.last_checked", lang))


def _group_table(group: str, lang: str) -> str:
    """The group as a table (also used by the printables)."""
    html_ = _templates().get_template("partials/contacts-table.html").render(
        rows=_group_rows(group, lang), labels=_labels(lang), cell_end=Markup(CELL_END))
    return "\n" + html_ + "\n"


def _group_cards(group: str, lang: str, level: int) -> str:
    """The group as one card per contact, for phone-width screens; `level` is the cards' heading level."""
    html_ = _templates().get_template("partials/contact-cards.html").render(
        rows=_group_rows(group, lang), labels=_labels(lang), level=level)
    return "\n" + html_ + "\n"


def _heading_level_after(markdown: str) -> int:
    """One level below the last Markdown heading before this point, so the cards' headings fit the outline."""
    levels = re.findall(r"^(#{1,6})[ \t]", markdown, re.M)
    return min(len(levels[-1]) + 1, 6) if levels else 2


def _action_plan(name: str, lang: str) -> str:
    plan = sitedata.load(f"action-plans/{name}.yml")
    head = [sitedata.text(f"ui.action_plan.{col}", lang) for col in ("number", "action", "owners")]
    lines = ['\n<table>', "<thead><tr>" + "".join(f"<th scope=\"col\">{html.escape(h)}</th>" for h in head) + "</tr></thead>", "<tbody>"]
    for action in plan["actions"]:
        number = action["number"]
        summary = sitedata.text(f"action_plans.{name}.{number}", lang, action["summary"])
        owners = ", ".join(sitedata.text(f"owners.{owner}", lang) for owner in action["owners"])
        lines.append(f'<tr id="{name}-action-{number}"><td>{number}</td><td>{html.escape(summary)}</td><td>{html.escape(owners)}</td></tr>')
    lines.append("</tbody></table>\n")
    return "\n".join(lines)


def _render(match: re.Match, lang: str, markdown: str = "") -> str:
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
        caveat = _caveat(phones[0], lang)
        return _tel(phones[0]) + (f" ({caveat})" if caveat else "")
    if kind == "link":
        return _web(args[0], lang, words)
    if kind == "email":
        email = contacts[args[0]].get("email")
        if not email:
            raise KeyError(f"contact '{arg}' has no email address")
        return f'<a href="mailto:{email}">{email}</a>'
    if kind == "contact":
        return _card(args[0], lang)
    if kind == "contacts":
        # Cards first: the style sheet hides the table that follows them at phone width (site.css).
        level = _heading_level_after(markdown[:match.start()])
        return _group_cards(arg, lang, level) + "\n" + _group_table(arg, lang)
    if kind == "action-plan":
        return _action_plan(arg, lang)
    if kind == "report-a-mistake":
        return _report_a_mistake(lang)
    months = sorted({str(c["last_checked"]) for c in contacts.values()})
    return _month(months[0], lang)


# After static-i18n has chosen the page's language (its on_page_markdown has priority 50, hooks 0); in mkdocs.yml's
# order after printables.py, whose tables hold shortcodes rendered here.
def on_page_markdown(markdown, page, config, files):
    lang = sitedata.language(config)
    try:
        return SHORTCODE.sub(lambda m: _render(m, lang, markdown), markdown)
    except (KeyError, FileNotFoundError) as error:
        raise PluginError(f"{page.file.src_uri}: {error}") from error

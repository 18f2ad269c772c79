"""An editor's mistake that would publish something wrong or unsafe stops `mkdocs build --strict` with one readable
line naming the file (and the line), not a traceback (scripts/validate_content.py, scripts/steps/security_policy.py).

Each case makes one mistake in a small copy of the project (tests/fixture_project.py) and builds it.
"""
import re

import pytest

from fixture_project import GOOD_PAGE, ROOT, build, make_project

def line_of(path: str, text: str) -> int:
    """The line of the project's own file where `text` starts (the fixture copies the file as it is)."""
    content = (ROOT / path).read_text(encoding="utf-8")
    return content[: content.index(text)].count("\n") + 1


CONTACTS = "data/contacts.yml"
CHILDLINE = line_of(CONTACTS, "childline:\n")
CHILDLINE_PHONE = line_of(CONTACTS, '{display: "0800 1111", tel: "08001111"}')
CHILDLINE_HOURS = line_of(CONTACTS, "  hours: 24 hours a day\n")
CHILDLINE_CHECKED = CHILDLINE + next(i for i, line in enumerate((ROOT / CONTACTS).read_text(encoding="utf-8")
                                                                .splitlines()[CHILDLINE - 1:]) if "last_checked" in line)
PL_LABEL = line_of("data/i18n/pl.yml", "  quick_exit:\n") + 1  # ui.quick_exit.label, the quick-exit button
SYNONYM_GROUP = line_of("data/search-synonyms.yml", "  - terms: [forced labour, forced labor]")
PUBLISHER_EMAIL = line_of("data/publisher.yml", '  email: ""')


def pl_exit_label(new_line):
    """Replace the Polish quick-exit label line (whatever its current words) with `new_line`."""
    def change(root):
        file = root / "data/i18n/pl.yml"
        lines = file.read_text(encoding="utf-8").split("\n")
        assert lines[PL_LABEL - 1].strip().startswith("label:"), lines[PL_LABEL - 1]
        lines[PL_LABEL - 1:PL_LABEL] = [new_line] if new_line is not None else []
        file.write_text("\n".join(lines), encoding="utf-8")
    return change
PAGE_LINE = GOOD_PAGE.count("\n") + 2  # the line a case writes after the good page and a blank line


def appended(text):
    return ("docs/index.md", GOOD_PAGE + text + "\n")


def replace_in(path, old, new, count=1):
    def change(root):
        file = root / path
        content = file.read_text(encoding="utf-8")
        assert old in content, f"fixture: {old!r} not in {path}"
        file.write_text(content.replace(old, new, count), encoding="utf-8")
    return change


def write(path, text):
    def change(root):
        (root / path).write_text(text, encoding="utf-8")
    return change


def page(text, name="docs/index.md"):
    return write(name, text)


def easy_read_page(text):
    """The home page with `text` added, and the easy-read pictures' sprite beside it."""
    def change(root):
        sprite = root / "docs/assets/easy-read/icons.svg"
        sprite.parent.mkdir(parents=True)
        sprite.write_bytes((ROOT / "docs/assets/easy-read/icons.svg").read_bytes())
        (root / "docs/index.md").write_text(GOOD_PAGE + text, encoding="utf-8")
    return change


AT = f"docs/index.md:{PAGE_LINE}"
CASES = {
    # Numbers
    "a Childline number with a digit missing": (
        replace_in("data/contacts.yml", '{display: "0800 1111", tel: "08001111"}', '{display: "0800 111", tel: "0800111"}'),
        f"data/contacts.yml:{CHILDLINE_PHONE}", "not in data/verified-numbers.tsv"),
    "a do-not-publish number added to a council": (
        replace_in("data/contacts.yml", "  phones: []\n", '  phones:\n    - {display: "0121 569 3100", tel: "01215693100", when: office}\n'),
        "data/contacts.yml:", "must never be published"),
    "a wrong number typed into a page": (page(GOOD_PAGE + "\nOr call 0800 121 700.\n"), AT, "must never be published"),
    "an unknown number typed into a page": (page(GOOD_PAGE + "\nOr call 0121 496 0000.\n"), AT, "not in data/verified-numbers.tsv"),
    "a banned number in a translation's data": (
        pl_exit_label('    label: "Wyjdź 0800 432 0804"'),
        f"data/i18n/pl.yml:{PL_LABEL}", "must never be published"),
    "display and tel disagree": (
        replace_in("data/contacts.yml", '{display: "0800 1111", tel: "08001111"}', '{display: "0800 1112", tel: "08001111"}'),
        f"data/contacts.yml:{CHILDLINE_PHONE}", "not the same digits"),
    # Data files
    "a contact block pasted twice": (
        replace_in("data/contacts.yml", "childline:\n", "childline:\n  name: x\nchildline:\n"),
        "data/contacts.yml:", "written twice"),
    "when: with a hyphen": (
        replace_in("data/contacts.yml", "when: out_of_hours}", "when: out-of-hours}"),
        "data/contacts.yml:", "'when: out-of-hours' is not known"),
    "a YAML error in the contacts": (
        replace_in("data/contacts.yml", "  hours: 24 hours a day\n", "  hours: 24 hours: a day\n"),
        f"data/contacts.yml:{CHILDLINE_HOURS}", "not valid YAML"),
    "last_checked missing": (
        replace_in("data/contacts.yml", "  last_checked: 2026-11\n  sources:\n    - https://learning.nspcc.org.uk/services/childline",
                   "  sources:\n    - https://learning.nspcc.org.uk/services/childline"),
        f"data/contacts.yml:{CHILDLINE}", "has no 'last_checked:'"),
    "last_checked mistyped": (
        replace_in("data/contacts.yml", "  last_checked: 2026-11\n  sources:\n    - https://learning.nspcc.org.uk/services/childline",
                   "  last_checked: 2026-13\n  sources:\n    - https://learning.nspcc.org.uk/services/childline"),
        f"data/contacts.yml:{CHILDLINE_CHECKED}", "YYYY-MM"),
    "an unknown contact field": (
        replace_in("data/contacts.yml", "  hours: 24 hours a day\n", "  hours: 24 hours a day\n  huors: x\n"),
        f"data/contacts.yml:{CHILDLINE_HOURS + 1}", "'huors' is not a contact field"),
    "an empty interface text": (
        pl_exit_label('    label: ""'),
        f"data/i18n/pl.yml:{PL_LABEL}", "is empty"),
    "an interface text left in English": (
        pl_exit_label('    label: "Exit this page"'),
        f"data/i18n/pl.yml:{PL_LABEL}", "still in English"),
    "an interface text missing": (
        pl_exit_label(None),
        "data/i18n/pl.yml:", "'ui.quick_exit.label' is missing"),
    "an interface key misspelt": (
        pl_exit_label('    lable: "Wyjdź"'),
        f"data/i18n/pl.yml:{PL_LABEL}", "'ui.quick_exit.lable' is not in data/i18n/en.yml"),
    "unsafe-inline in the security policy": (
        replace_in("data/security.yml", """script-src: ["'self'"]""", """script-src: ["'self'", "'unsafe-inline'"]"""),
        "data/security.yml:", "unsafe-inline"),
    "a printable naming an unknown contact": (
        replace_in("data/printables.yml", "contacts: [emergency, police_101, crimestoppers", "contacts: [emergency, police_101, crimestopers"),
        "data/printables.yml:", "'crimestopers' is not a contact"),
    "a search-synonym group with no reason": (
        replace_in("data/search-synonyms.yml", '    reason: "American spelling, used by many international and online sources '
                   'a reader may have read first."\n', ""),
        f"data/search-synonyms.yml:{SYNONYM_GROUP}", "has no 'reason:'"),
    "a publisher email that is not an address": (
        replace_in("data/publisher.yml", '  email: ""', '  email: "the publisher"'),
        f"data/publisher.yml:{PUBLISHER_EMAIL}", "is not an email address"),
    "a redirect that is not a page": (
        replace_in("data/redirects.yml", "report/: help/index.md", "report/: help/index"),
        "data/redirects.yml:7", "must be an old address"),
    "a script in a data file": (
        replace_in("data/contacts.yml", "  hours: 24 hours a day\n", "  hours: 24 hours a day <script>alert(1)</script>\n"),
        f"data/contacts.yml:{CHILDLINE_HOURS}", "<script> is not allowed"),
    "a tag split over two lines in a data file": (
        replace_in("data/contacts.yml", "  hours: 24 hours a day\n", '  hours: "24 hours a day <span\n    onclick=alert(1)>x</span>"\n'),
        f"data/contacts.yml:{CHILDLINE_HOURS + 1}", "event handler"),
    "an entity-encoded javascript: href in a data file": (
        replace_in("data/contacts.yml", "  hours: 24 hours a day\n", '  hours: 24 hours a day <a href="&#106;avascript:alert(1)">x</a>\n'),
        f"data/contacts.yml:{CHILDLINE_HOURS}", "javascript: address"),
    # Code in content
    "a script in a page": (page(GOOD_PAGE + "\n<script>alert(1)</script>\n"), AT, "<script> is not allowed"),
    "a meta refresh": (page(GOOD_PAGE + '\n<meta http-equiv="refresh" content="0;url=https://example.com">\n'), AT, "<meta> is not allowed"),
    "an iframe": (page(GOOD_PAGE + '\n<iframe src="https://example.com"></iframe>\n'), AT, "<iframe> is not allowed"),
    "an object": (page(GOOD_PAGE + '\n<object data="x.swf"></object>\n'), AT, "<object> is not allowed"),
    "a form": (page(GOOD_PAGE + '\n<form action="https://example.com"><input></form>\n'), AT, "<form> is not allowed"),
    "an event handler": (page(GOOD_PAGE + '\n<span onclick="alert(1)">Hi</span>\n'), AT, "event handler"),
    "an event handler in an attribute list": (page(GOOD_PAGE + '\nHello\n{: onmouseover="alert(1)" }\n'),
                                              f"docs/index.md:{PAGE_LINE + 1}", "event handler"),
    "an inline style": (page(GOOD_PAGE + '\n<span style="color:red">Hi</span>\n'), AT, "style= is not allowed"),
    "an inline style in an attribute list": (page(GOOD_PAGE + '\nHello\n{: style="color:red" }\n'),
                                             f"docs/index.md:{PAGE_LINE + 1}", "style= is not allowed"),
    "a javascript: link": (page(GOOD_PAGE + "\n[Click](javascript:alert(1))\n"), AT, "javascript: link"),
    "a javascript: href": (page(GOOD_PAGE + '\n<a href="javascript:alert(1)">Click</a>\n'), AT, "javascript: address"),
    "a data: link": (page(GOOD_PAGE + "\n[Click](data:text/html;base64,PHNjcmlwdD4=)\n"), AT, "data: link"),
    "an outside image": (page(GOOD_PAGE + "\n![A picture](https://example.com/a.png)\n"), AT, "from another site"),
    "an outside image in HTML": (page(GOOD_PAGE + '\n<img src="//example.com/a.png" alt="">\n'), AT, "from another site"),
    # ... and the variants a check of single source lines misses: the rendered page is checked too
    "an event handler in a tag split over two lines": (page(GOOD_PAGE + '\n<span\n onclick="alert(1)">Hi</span>\n'),
                                                       f"docs/index.md:{PAGE_LINE + 1}", "event handler"),
    "a script tag split over two lines": (page(GOOD_PAGE + "\n<SCRIPT\n>alert(1)</SCRIPT>\n"), AT, "<script> is not allowed"),
    "a reference-style javascript: link": (page(GOOD_PAGE + "\n[Click][1]\n\n[1]: javascript:alert(1)\n"),
                                           f"docs/index.md:{PAGE_LINE + 2}", "javascript: address"),
    "an entity-encoded javascript: href": (page(GOOD_PAGE + '\n<a href="&#106;avascript:alert(1)">Click</a>\n'), AT, "javascript: address"),
    "an entity-encoded javascript: link": (page(GOOD_PAGE + "\n[Click](&#106;avascript:alert(1))\n"), AT, "javascript: address"),
    "a javascript: href after spaces": (page(GOOD_PAGE + '\n<a href="  javascript:alert(1)">Click</a>\n'), AT, "javascript: address"),
    "a reference-style outside image": (page(GOOD_PAGE + "\n![A picture][p]\n\n[p]: https://example.com/a.png\n"),
                                        f"docs/index.md:{PAGE_LINE + 2}", "from another site"),
    "an outside image in a srcset": (page(GOOD_PAGE + '\n<img alt="" srcset="a.png 1x, https://example.com/a.png 2x">\n'),
                                     AT, "from another site"),
    "an embed": (page(GOOD_PAGE + '\n<embed src="x.swf">\n'), AT, "<embed> is not allowed"),
    "a base address": (page(GOOD_PAGE + '\n<base href="https://example.com/">\n'), AT, "<base> is not allowed"),
    "a script in capitals": (page(GOOD_PAGE + "\n<SCRIPT>alert(1)</SCRIPT>\n"), AT, "<script> is not allowed"),
    # Shortcodes
    "a shortcode with one bracket": (page(GOOD_PAGE + "\nCall [[phone childline].\n"), AT, "not a shortcode the site knows"),
    "a misspelt shortcode": (page(GOOD_PAGE + "\nCall [[phnoe childline]].\n"), AT, "not a shortcode the site knows"),
    "a shortcode in capitals": (page(GOOD_PAGE + "\nCall [[Phone childline]].\n"), AT, "not a shortcode the site knows"),
    "a shortcode missing its opening bracket": (page(GOOD_PAGE + "\nCall [phone childline]].\n"), AT, "not a shortcode the site knows"),
    # Easy-read pictures (scripts/easy_read_icons.py)
    "an easy-read picture not in the sprite": (
        easy_read_page("\n- ![A cat](assets/easy-read/icons.svg#cat){ .easy-read-icon } Hello.\n"), AT, "is not in icons.svg"),
    "an easy-read picture with no text alternative": (
        easy_read_page("\n- ![](assets/easy-read/icons.svg#phone){ .easy-read-icon } Hello.\n"), AT, "has no text alternative"),
    # Front matter and file names
    "front matter never closed": (page("---\ntitle: Home\nhelp: general\n\n# Home\n\nText.\n"), "docs/index.md:1", "never closed"),
    "front matter closed with two dashes": (page("---\ntitle: Home\nhelp: general\n--\n\n# Home\n"), "docs/index.md:4", "exactly three"),
    "a language suffix in capitals": (write("docs/index.PL.md", GOOD_PAGE), "docs/index.PL.md", "rename the file to index.pl.md"),
    # Scripts that do not come from content
    "an inline script in a template": (
        replace_in("overrides/partials/help-now.html", "<aside", "<script>alert(1)</script><aside"),
        "<script>alert(1)", "never allowed"),
}


@pytest.fixture
def project(tmp_path):
    return make_project(tmp_path)


@pytest.mark.parametrize("case", list(CASES))
def test_the_mistake_stops_the_build_with_the_file_and_line_named(project, case):
    change, named, reason = CASES[case]
    change(project)
    result = build(project)
    output = result.stderr + result.stdout
    assert result.returncode != 0, f"{case}: the build passed"
    assert "Traceback" not in output, f"{case}: a traceback instead of a message:\n{output[-2000:]}"
    lines = [line for line in output.splitlines() if named in line and reason in line]
    assert lines, f"{case}: no line names {named!r} and says {reason!r}:\n{output[-3000:]}"
    assert len(lines[0]) < 600 and re.search(r"(fix|add|remove|write|rename|use|delete|check|translate|keep)", lines[0], re.I), \
        f"{case}: the message does not say how to fix it: {lines[0]}"

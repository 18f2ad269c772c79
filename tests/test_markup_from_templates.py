"""The HTML the build writes into pages comes from Jinja templates (overrides/partials/, overrides/print/), not
from Python strings: a template escapes what it is given, and each piece of markup is written once, where people
who edit HTML look for it (README.md, "How the site is built").

A script in scripts/ that builds markup in an f-string, or glues a string holding a tag onto others (`+`,
`"…".join`), fails here; messages for the person building (raise, print, log) may name a tag. The few finishing
steps that rewrite a tag the theme already wrote are listed below with their reason: they transform existing
HTML, they write no content. This test needs no built site.
"""
from __future__ import annotations

import ast
import pathlib
import re

from conftest import ROOT

SCRIPTS = ROOT / "scripts"
TAG = re.compile(r"<(?:/?[a-zA-Z][a-zA-Z0-9-]*(?=[\s>/])|!doctype)", re.I)  # <p>, </td>, <a href…, <br/>, <!doctype
TRANSFORMS = {  # script -> why its markup strings are allowed
    "steps/bundle_assets.py": "replaces the theme's <link>/<script> tags with one to the bundle",
    "steps/embed_urdu_font.py": "points the Urdu pages' existing stylesheet <link> at their own stylesheet",
    "root_404.py": "rewrites the href of the 404 page's language-menu links",
    "steps/security_policy.py": "puts the Content-Security-Policy <meta> (a header, not content) into each finished page",
}
MESSAGES = {"print", "debug", "info", "warning", "error", "exception"}  # calls whose text goes to a console


def _is_message(node: ast.AST, parents: dict) -> bool:
    """Inside a raise, or an argument of print(), log.info() … or an …Error(…): words for a console."""
    while node in parents:
        node = parents[node]
        if isinstance(node, ast.Raise):
            return True
        if isinstance(node, ast.Call):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name in MESSAGES or name.endswith(("Error", "Exception", "Exit")):
                return True
    return False


def _literal_parts(node: ast.AST) -> list[str]:
    if isinstance(node, ast.JoinedStr):
        return [part.value for part in node.values if isinstance(part, ast.Constant) and isinstance(part.value, str)]
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    return []


def markup_strings(tree: ast.Module) -> list[tuple[int, str]]:
    """(line, source) of each f-string with a tag in it, and of each plain string with a tag that is joined to
    other strings to make HTML."""
    found = []
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    for node in ast.walk(tree):
        candidates = []
        if isinstance(node, ast.JoinedStr):
            candidates = [node]
        elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            candidates = [side for side in (node.left, node.right) if isinstance(side, ast.Constant)]
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "join":
            candidates = [node.func.value]
        for candidate in candidates:
            if any(TAG.search(part) for part in _literal_parts(candidate)) and not _is_message(candidate, parents):
                found.append((candidate.lineno, ast.unparse(candidate)[:80]))
    return sorted(set(found))


def scripts() -> dict[str, list[tuple[int, str]]]:
    return {path.relative_to(SCRIPTS).as_posix(): markup_strings(ast.parse(path.read_text(encoding="utf-8"), str(path)))
            for path in sorted(SCRIPTS.rglob("*.py"))}


def test_no_script_builds_content_markup_in_a_string():
    built = [f"scripts/{name}:{line}: {source}" for name, strings in scripts().items() if name not in TRANSFORMS
             for line, source in strings]
    assert not built, ("HTML built in a Python string; write it in a template under overrides/partials/ (or a "
                       "macro there, e.g. partials/contact-inline.html) and render it with sitedata.render() or "
                       "sitedata.macros():\n  " + "\n  ".join(built))


def test_every_allowed_transform_still_needs_its_place_on_the_list():
    found = scripts()
    stale = [name for name in TRANSFORMS if not found.get(name)]
    assert not stale, f"{stale} no longer write markup in strings: take them off TRANSFORMS"


def test_the_check_finds_markup_in_each_form_it_looks_for():
    """The scanner itself: each way of building HTML in a string is caught; a regex or a message is not."""
    caught = markup_strings(ast.parse(
        "a = f'<td>{x}</td>'\n"
        "b = '<br>' + caveat\n"
        "c = '<br>'.join(lines)\n"
        "d = f'\\n<p class=\"x\">{words}</p>\\n'\n"
        "e = f\"\"\"<!doctype html>\n{head}\"\"\"\n"))
    assert [line for line, _ in caught] == [1, 2, 3, 4, 5]
    assert not markup_strings(ast.parse(
        "r = re.compile(rf'<\\s*{re.escape(tag)}\\b')\n"
        "m = f'<{tag}> is not allowed in content'\n"
        "t = text.index('</head>')\n"
        "s = f'{a} < {b}'\n"
        "raise PluginError(f'{page}: no <meta charset> in ' + name)\n"
        "log.info(f'<title> of {page}')\n"))

"""What happens after the pages are built is one list: scripts/finish.py owns the project's only on_post_build and
runs the finishing steps in its STEPS, in that order (README.md, "How the site is built").

A finishing step is a top-level function in scripts/ (in practice scripts/steps/, or a hook) that takes one argument annotated `sitedata.Build`. The
steps that rewrite pages hold them in memory between them (sitedata.Pages), and nothing written on disk meanwhile is
lost or left unfinished. These tests need no built site.
"""
from __future__ import annotations

import ast
import pathlib

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError

from conftest import ROOT
import finish  # noqa: E402  (scripts/ is on sys.path: conftest)
from helpers import sitedata  # noqa: E402

SCRIPTS = ROOT / "scripts"


def modules() -> dict[pathlib.Path, ast.Module]:
    return {path: ast.parse(path.read_text(encoding="utf-8"), str(path)) for path in sorted(SCRIPTS.rglob("*.py"))}


def module_name(path: pathlib.Path) -> str:
    """scripts/steps/precompress.py -> steps.precompress, as finish.py imports it"""
    return ".".join(path.relative_to(SCRIPTS).with_suffix("").parts)


def top_level_functions(tree: ast.Module) -> list[ast.FunctionDef]:
    return [node for node in tree.body if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))]


def is_step(function: ast.FunctionDef) -> bool:
    args = function.args.posonlyargs + function.args.args + function.args.kwonlyargs
    return len(args) == 1 and args[0].annotation is not None \
        and ast.unparse(args[0].annotation).strip("'\"") in ("sitedata.Build", "Build")


def test_there_is_exactly_one_on_post_build_and_it_is_finish_py():
    owners = [f"{path.relative_to(SCRIPTS)}:{node.lineno}" for path, tree in modules().items() for node in ast.walk(tree)
              if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name == "on_post_build"]
    assert len(owners) == 1 and owners[0].startswith("finish.py:"), (
        f"on_post_build in {owners}: make the work a step (a function taking a sitedata.Build) and add it to "
        "STEPS in scripts/finish.py, the one place that says what runs after the last language")


def test_only_finish_py_asks_whether_this_is_the_final_pass():
    askers = [f"{path.name}:{node.lineno}" for path, tree in modules().items() if path.name != "finish.py"
              for node in ast.walk(tree)
              if isinstance(node, ast.Attribute) and node.attr == "is_final_pass"
              or isinstance(node, ast.Name) and node.id == "is_final_pass"]
    assert not askers, f"{askers}: finish.py runs the steps only in the final pass; a step needs no guard of its own"


def test_the_step_list_names_every_step_of_every_step_module():
    defined = {(module_name(path), function.name) for path, tree in modules().items()
               for function in top_level_functions(tree) if is_step(function)}
    listed = [(step.__module__, step.__name__) for step in finish.STEPS]
    assert len(listed) == len(set(listed)), f"a step is listed twice: {listed}"
    missing = sorted(defined - set(listed))
    assert not missing, f"finishing steps missing from STEPS in scripts/finish.py: {missing}"
    assert not set(listed) - defined, f"STEPS names functions that are not steps: {sorted(set(listed) - defined)}"
    assert listed[-1] == ("steps.precompress", "precompress_site"), "precompress must stay last: it copies the finished files"


def test_finish_runs_after_static_i18n_has_built_every_language():
    config = load_config(str(ROOT / "mkdocs.yml"))
    i18n = config.plugins["i18n"].on_post_build.mkdocs_priority
    assert finish.on_post_build.mkdocs_priority < i18n, "finish.py must run after static-i18n's last language"
    assert list(config.hooks)[-1] == "scripts/finish.py", "mkdocs.yml: the finishing hook comes last"


def test_mkdocs_yml_lists_exactly_the_modules_that_handle_mkdocs_events():
    """A module with an on_… event that mkdocs.yml does not list would silently never run; one listed with none
    is a step or helper that finish.py already imports."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    listed = {pathlib.PurePath(name).stem for name in config.hooks}
    with_events = {path.stem for path, tree in modules().items()
                   if any(function.name.startswith("on_") for function in top_level_functions(tree))}
    assert listed == with_events, f"listed without events: {sorted(listed - with_events)}; " \
                                  f"events not listed: {sorted(with_events - listed)}"


# --- the pages the steps rewrite (sitedata.Pages) -------------------------------------------------------------

def small_site(folder: pathlib.Path) -> pathlib.Path:
    for name in ("index.html", "pl/index.html"):
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(f"<p>{name}</p>", encoding="utf-8")
    return folder


def test_the_pages_the_steps_rewrite_reach_the_disk_when_saved(tmp_path):
    site = small_site(tmp_path)
    pages = sitedata.Pages(site)
    pages[site / "pl" / "index.html"] = "<p>rewritten</p>"
    pages[site / "old" / "index.html"] = "<p>a redirect page</p>"
    assert (site / "pl" / "index.html").read_text(encoding="utf-8") == "<p>pl/index.html</p>"
    pages.save()
    assert (site / "pl" / "index.html").read_text(encoding="utf-8") == "<p>rewritten</p>"
    assert (site / "old" / "index.html").read_text(encoding="utf-8") == "<p>a redirect page</p>"
    assert dict(pages.items())[site / "old" / "index.html"] == "<p>a redirect page</p>"  # read again after a save


def test_a_page_written_on_disk_while_the_steps_hold_the_pages_stops_the_build(tmp_path):
    """A step that wrote a page itself would lose its work when the held copy is saved over it."""
    site = small_site(tmp_path)
    pages = sitedata.Pages(site)
    pages[site / "index.html"] = "<p>rewritten</p>"
    (site / "pl" / "index.html").write_text("<p>written behind the pages' back, and longer</p>", encoding="utf-8")
    with pytest.raises(PluginError, match=r"pl/index\.html"):
        pages.save()


def test_a_page_made_on_disk_while_the_steps_hold_the_pages_stops_the_build(tmp_path):
    """A page a step made itself would miss every later step that rewrites pages (the security policy among them)."""
    site = small_site(tmp_path)
    pages = sitedata.Pages(site)
    pages.items()
    (site / "moved" / "index.html").parent.mkdir()
    (site / "moved" / "index.html").write_text("<p>a redirect page</p>", encoding="utf-8")
    with pytest.raises(PluginError, match=r"moved/index\.html"):
        pages.save()

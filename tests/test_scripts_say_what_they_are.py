"""scripts/ shows by its layout what each file is (README.md, "How the site is built"):

  scripts/*.py          the hooks, each listed under `hooks:` in mkdocs.yml (MkDocs runs them)
  scripts/steps/        the finishing steps, run in order by scripts/finish.py (no MkDocs events of their own)
  scripts/helpers/      code the hooks, steps, commands and tests share (no events, no steps, nothing to run)
  scripts/commands/     maintenance commands, run by hand or by `make` (never imported by a build)

These tests need no built site.
"""
from __future__ import annotations

import ast
import pathlib

from mkdocs.config import load_config

from conftest import ROOT

SCRIPTS = ROOT / "scripts"


def parsed(folder: pathlib.Path) -> dict[str, ast.Module]:
    return {p.relative_to(SCRIPTS).as_posix(): ast.parse(p.read_text(encoding="utf-8"), str(p))
            for p in sorted(folder.glob("*.py")) if p.name != "__init__.py"}


def events(tree: ast.Module) -> list[str]:
    return [n.name for n in tree.body if isinstance(n, ast.FunctionDef) and n.name.startswith("on_")]


def steps(tree: ast.Module) -> list[str]:
    found = []
    for node in tree.body:
        if isinstance(node, ast.FunctionDef):
            args = node.args.posonlyargs + node.args.args + node.args.kwonlyargs
            if len(args) == 1 and args[0].annotation is not None \
                    and ast.unparse(args[0].annotation).strip("'\"") in ("sitedata.Build", "Build"):
                found.append(node.name)
    return found


def runs_as_a_command(tree: ast.Module) -> bool:
    return any(isinstance(n, ast.If) and "__main__" in ast.unparse(n.test) for n in tree.body)


def imported(tree: ast.Module) -> set[str]:
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            names |= {node.module} | {f"{node.module}.{a.name}" for a in node.names}
        elif isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
    return names


def test_every_file_directly_in_scripts_is_a_hook_mkdocs_yml_lists():
    hooks = {pathlib.PurePath(h).as_posix() for h in load_config(str(ROOT / "mkdocs.yml")).hooks}
    top = {f"scripts/{name}" for name in parsed(SCRIPTS)}
    assert top - hooks == set(), (f"{sorted(top - hooks)} sit in scripts/ but are not hooks: move a finishing step "
                                  "to scripts/steps/, shared code to scripts/helpers/, a command to scripts/commands/")
    assert hooks - top == set(), f"mkdocs.yml lists hooks outside scripts/ itself: {sorted(hooks - top)}"


def test_steps_are_steps_and_handle_no_events():
    for name, tree in parsed(SCRIPTS / "steps").items():
        assert steps(tree), f"scripts/{name} has no finishing step (a function taking a sitedata.Build)"
        assert not events(tree), f"scripts/{name} handles {events(tree)}: a hook belongs in scripts/ and mkdocs.yml"


def test_helpers_have_no_events_steps_or_commands():
    for name, tree in parsed(SCRIPTS / "helpers").items():
        assert not events(tree) and not steps(tree), f"scripts/{name}: events {events(tree)}, steps {steps(tree)}"
        assert not runs_as_a_command(tree), f"scripts/{name} runs as a command: move that part to scripts/commands/"


def test_commands_run_on_their_own_and_nothing_in_a_build_imports_them():
    for name, tree in parsed(SCRIPTS / "commands").items():
        assert runs_as_a_command(tree), f"scripts/{name}: a command needs `if __name__ == \"__main__\":`"
        assert not events(tree) and not steps(tree), f"scripts/{name}: events {events(tree)}, steps {steps(tree)}"
    for folder in (SCRIPTS, SCRIPTS / "steps", SCRIPTS / "helpers"):
        for name, tree in parsed(folder).items():
            assert not runs_as_a_command(tree), f"scripts/{name} runs as a command: move that part to scripts/commands/"
            wrong = sorted(m for m in imported(tree) if m.split(".")[0] == "commands")
            assert not wrong, f"scripts/{name} imports {wrong}: the build must not depend on a maintenance command"

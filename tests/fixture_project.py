"""A small copy of the project (real config, hooks, templates and data; one home page per language) for tests
that need to build something the real content does not contain."""
import os
import pathlib
import re
import shutil
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from helpers import languages  # noqa: E402

LANGS = languages.codes()
GOOD_PAGE = "---\ntitle: Home\nhelp: general\n---\n\n# Home\n\nCall [[phone emergency]] in an emergency.\n"


def make_project(root: pathlib.Path, nav: list[str] = ("index.md",)) -> pathlib.Path:
    for folder in ("overrides", "scripts", "data", "includes", "deploy"):
        if (ROOT / folder).exists():
            shutil.copytree(ROOT / folder, root / folder, ignore=shutil.ignore_patterns("__pycache__"))
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"\nnav:\n.*\Z", "\nnav:\n" + "".join(f"  - {page}\n" for page in nav), config, flags=re.S)
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    docs = root / "docs"
    docs.mkdir()
    for lang in LANGS:
        (docs / ("index.md" if lang == languages.default() else f"index.{lang}.md")).write_text(GOOD_PAGE, encoding="utf-8")
    return root


def build(root: pathlib.Path) -> subprocess.CompletedProcess:
    """mkdocs build --strict (never -q: quiet mode hides the warnings that strict mode counts)."""
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=root, text=True,
                          capture_output=True, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))


TWO_BUILDS = """
import pathlib
from mkdocs.commands.build import build
from mkdocs.config import load_config
config = load_config("mkdocs.yml")
build(config)
{between}
build(config)
"""


def build_twice(root: pathlib.Path, between: str) -> subprocess.CompletedProcess:
    """Two quick builds with one config in one process, as `mkdocs serve` rebuilds; `between` (Python, with
    pathlib imported) runs between them. What a hook keeps from one language to the next must not outlive a build."""
    return subprocess.run([sys.executable, "-c", TWO_BUILDS.format(between=between)], cwd=root, text=True,
                          capture_output=True, env=dict(os.environ, NO_MKDOCS_2_WARNING="1", QUICK_BUILD="1"))

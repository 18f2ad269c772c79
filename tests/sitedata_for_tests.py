"""Lets tests read data/ exactly as the hooks do (scripts/helpers/sitedata.py), so expectations come from the data files."""
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "scripts"))

from helpers.sitedata import contact_text, contacts, load, text  # noqa: E402,F401

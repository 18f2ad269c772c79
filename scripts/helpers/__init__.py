"""Helpers: code the hooks, the finishing steps, the commands and the tests share (data, languages, Chromium, PDFs).

Nothing here is a hook or runs on its own. Imported as `from helpers import sitedata`: MkDocs puts scripts/ on
sys.path while it loads a hook, the commands add it themselves, and tests/conftest.py adds it for the tests.
"""

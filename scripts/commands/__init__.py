"""Maintenance commands: run by hand or by a `make` target (the README lists them), never during a build.

Each file runs as `.venv/bin/python scripts/commands/<name>.py …` and puts scripts/ on sys.path itself.
"""

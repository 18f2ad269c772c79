"""Debian's Chromium as every part of the project launches it (PDFs, link-preview images, tests, benchmark).

Not a hook. The flags keep a headless browser from calling home (updates, sync, field trials) and from needing a
sandbox or a GPU a build machine may not have; QUIC off so every request goes over the TCP the tests observe.
"""
from __future__ import annotations

import os
import socket

PATH = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")  # Debian's; CHROMIUM_PATH for another build host
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic"]


def free_port() -> int:
    """A loopback port nothing listens on (for a test server or the benchmark's)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]

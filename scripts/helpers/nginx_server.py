"""Serve a built site with Debian's nginx and the server block the build generated (build/nginx.conf), as the tests
and the benchmark do (the benchmark also serves stock Material, with a plain block of its own).

The block is used as it is, except for its `listen` lines, which are swapped for a free loopback port, and its
`root`, which becomes the folder asked for.
Everything nginx writes (pid, temp files, error log) goes to a temporary folder. The workers run as the user
running the tests (nginx started as root would otherwise run them as `nobody`, who may not be able to read a
checkout in a private folder: every page would be a 403 or 404).
"""
from __future__ import annotations

import contextlib
import grp
import os
import pathlib
import pwd
import re
import socket
import subprocess
import tempfile
import time

from helpers.chromium import free_port

NGINX = "/usr/sbin/nginx"
# The generated block serves .br copies (brotli_static); `make system-packages` installs the module. Named by its
# full path: Debian's modules-enabled files name it relative to nginx's prefix, which is a temporary folder here.
BROTLI = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so"
LISTEN = re.compile(r"^\s*listen\s+[^;]+;\s*$", re.M)
ROOT_LINE = re.compile(r"^(\s*root\s+)[^;]+;", re.M)


def generated_conf(site: pathlib.Path) -> pathlib.Path:
    return site.parent / "build" / "nginx.conf"


@contextlib.contextmanager
def nginx(site: pathlib.Path, server_block: str | None = None):
    """Yield the base URL of nginx serving `site` with the generated configuration, or with `server_block`."""
    if server_block is None:
        server_block = generated_conf(site).read_text(encoding="utf-8")
    port = free_port()
    server_block, swapped = LISTEN.subn("", server_block)
    if not swapped:
        raise RuntimeError("the nginx server block has no listen line")
    server_block = server_block.replace("server {", f"server {{\n    listen 127.0.0.1:{port};", 1)
    # The folder asked for, not the one the block was generated for: a copy of a site (with a page broken on
    # purpose, say) is served from itself.
    server_block = ROOT_LINE.sub(lambda m: f"{m.group(1)}{site.resolve()};", server_block)
    with tempfile.TemporaryDirectory(prefix="nginx-") as tmp:
        work = pathlib.Path(tmp)
        (work / "server.conf").write_text(server_block, encoding="utf-8")
        temp_paths = "\n".join(f"    {kind}_temp_path {work}/{kind};"
                               for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
        user = pwd.getpwuid(os.geteuid()).pw_name, grp.getgrgid(os.getegid()).gr_name
        as_user = f"user {user[0]} {user[1]};" if os.geteuid() == 0 else ""  # only root may choose the workers' user
        (work / "nginx.conf").write_text(f"""
load_module {BROTLI};
{as_user}
daemon off;
worker_processes 1;
pid {work}/nginx.pid;
error_log {work}/error.log warn;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
{temp_paths}
    include {work}/server.conf;
}}
""", encoding="utf-8")
        check = subprocess.run([NGINX, "-t", "-p", str(work), "-c", str(work / "nginx.conf"), "-e", str(work / "error.log")],
                               capture_output=True, text=True)
        if check.returncode:
            raise RuntimeError(f"nginx rejected the configuration:\n{check.stderr}")
        process = subprocess.Popen([NGINX, "-p", str(work), "-c", str(work / "nginx.conf"), "-e", str(work / "error.log")],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            deadline = time.monotonic() + 10
            while True:
                with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.2):
                    break
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"nginx did not start: {process.stderr.read().decode()}")
                time.sleep(0.05)
            yield f"http://127.0.0.1:{port}"
        finally:
            process.terminate()
            process.wait(timeout=10)

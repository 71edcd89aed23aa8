"""`make serve` previews the site with MkDocs' live reload, which is an inline script: the
preview carries no Content-Security-Policy (the built site always does)."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request

from tests.conftest import Site

START_SECONDS = 120


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_the_preview_reloads_and_the_build_keeps_its_policy(site: Site) -> None:
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "resource_site",
        "--root",
        str(site.root),
        "serve",
        "--dev-addr",
        f"127.0.0.1:{port}",
    ]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline, page = time.monotonic() + START_SECONDS, ""
        while not page and time.monotonic() < deadline and server.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/es/", timeout=5) as response:
                    page = response.read().decode("utf-8")
            except OSError:
                time.sleep(0.5)  # the server is still building the site
        assert page, "the preview server did not answer"
        assert "livereload(" in page
        assert "Content-Security-Policy" not in page
        assert 'rel="manifest"' not in page  # no offline worker in a preview: it would serve old pages
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert "Content-Security-Policy" in site.path("site/es/index.html").read_text(encoding="utf-8")

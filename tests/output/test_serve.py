"""`make serve` previews the site with MkDocs' live reload, which is an inline script: the
preview carries no Content-Security-Policy (the built site always does). An edit of one
language's page builds that language again, not the whole site."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

import lxml.html
import pytest

from resource_site.cli import main
from tests.conftest import ROOT, Site

START_SECONDS = 120


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def serve_command(site: Site, port: int) -> list[str]:
    return [sys.executable, "-m", "resource_site", "--root", str(site.root), "serve", "--dev-addr", f"127.0.0.1:{port}"]


def test_the_preview_reloads_and_the_build_keeps_its_policy(site: Site) -> None:
    port = free_port()
    server = subprocess.Popen(serve_command(site, port), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_until(lambda: "</html>" in served(f"http://127.0.0.1:{port}/es/"), "the first build")
        page = served(f"http://127.0.0.1:{port}/es/")
        assert "livereload(" in page
        assert "Content-Security-Policy" not in page
        assert 'rel="manifest"' not in page  # no offline worker in a preview: it would serve old pages
        assert not served(f"http://127.0.0.1:{port}/service-worker.js")
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert "Content-Security-Policy" in site.path("site/es/index.html").read_text(encoding="utf-8")


def test_a_language_not_yet_on_the_site_is_previewed(site: Site, tmp_path: Path) -> None:
    assert main(["--root", str(site.root), "new-language", "so"]) == 0
    port = free_port()
    log = tmp_path / "serve.log"
    with log.open("w", encoding="utf-8") as output:
        server = subprocess.Popen([*serve_command(site, port), "--language", "so"], stdout=output, stderr=output)
    try:
        wait_until(lambda: "</html>" in served(f"http://127.0.0.1:{port}/so/"), "the first build")
        page = lxml.html.fromstring(served(f"http://127.0.0.1:{port}/so/disagree/"))
        assert page.get("lang") == "so"
        assert "so" in page.xpath("//a/@hreflang")  # in its own switcher
        assert f"Open http://127.0.0.1:{port}/so/ (it shows each page" in log.read_text(encoding="utf-8")
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_an_unknown_language_is_named(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(site.root), "serve", "--language", "xx"]) == 2
    assert "error: 'xx' is not in mkdocs.yml — add it with `make new-language CODE=xx`" in capsys.readouterr().err


def served(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""  # not serving yet, or between two versions of the page


def wait_until(condition: Callable[[], bool], what: str, seconds: float = START_SECONDS) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"{what} did not happen within {seconds} s"
        time.sleep(0.1)


def test_an_edited_page_is_served_after_its_language_alone_is_built_again(site: Site, tmp_path: Path) -> None:
    port = free_port()
    log = tmp_path / "serve.log"
    with log.open("w", encoding="utf-8") as output:
        server = subprocess.Popen(serve_command(site, port), stdout=output, stderr=subprocess.STDOUT)
    try:
        wait_until(lambda: "</html>" in served(f"http://127.0.0.1:{port}/es/"), "the first build")
        site.edit("docs/es/index.md", "\n## ", "\nUna línea nueva para la prueba.\n\n## ")
        wait_until(lambda: "Una línea nueva para la prueba." in served(f"http://127.0.0.1:{port}/es/"), "the reload")
        assert "</html>" in served(f"http://127.0.0.1:{port}/")  # the other language is still served
    finally:
        server.terminate()
        server.wait(timeout=30)
    text = log.read_text(encoding="utf-8")
    assert "Building 'es' again…" in text
    assert "Building the whole site again" not in text


def test_make_serve_opens_the_language_given_as_code() -> None:
    """Not LANGUAGE: gettext's variable, which many desktops set to something like en_US:en."""
    command = subprocess.run(
        ["make", "--no-print-directory", "-n", "-o", ".venv/.site-installed", "serve", "CODE=so"],
        cwd=ROOT,
        env={**os.environ, "LANGUAGE": "en_US:en"},
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert command.splitlines()[-1].endswith('serve --dev-addr 127.0.0.1:8000 --language "so"')

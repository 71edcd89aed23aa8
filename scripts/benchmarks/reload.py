"""h: the preview's reload. `serve` on a project copy; one page of one language is saved with a
new line, and the served page is read until it shows the line: the time a translator waits."""

from __future__ import annotations

import socket
import subprocess
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from benchmarks.measuring import BUILD_TIMEOUT, BenchmarkError, child_env, cli_command, progress, start, stop, tail

EDITED_LANGUAGE, EDITED_PAGE, EDITED_ADDRESS = "es", "glossary.md", "es/glossary/"
SHOW_TIMEOUT = 60.0  # an edit the preview has not shown by then is a failed measurement
SETTLE_SECONDS = 1.0  # between edits, so that each is seen as an edit of its own


@dataclass(frozen=True)
class Reload:
    start_seconds: float  # from `serve` to the first answer (the whole site built)
    seconds: tuple[float, ...]  # from each save to the served page showing it
    page: str


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def page_text(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""  # not serving yet, or rebuilding


def wait_for(url: str, holds: str, timeout: float, what: str) -> float:
    started = time.perf_counter()
    while holds not in page_text(url):
        if time.perf_counter() - started > timeout:
            raise BenchmarkError(f"{what} did not happen within {timeout:g} s")
        time.sleep(0.02)
    return time.perf_counter() - started


def measure_reload(copy: Path, work: Path, edits: int) -> Reload:
    progress("▸ h. the preview's reload after one page is saved")
    port = free_port()
    url = f"http://127.0.0.1:{port}/{EDITED_ADDRESS}"
    page = copy / "docs" / EDITED_LANGUAGE / EDITED_PAGE
    original = page.read_text(encoding="utf-8")
    log = work / "serve.log"
    with log.open("w", encoding="utf-8") as output:
        process = start(
            cli_command(copy, "serve", "--dev-addr", f"127.0.0.1:{port}"),
            cwd=copy,
            env=child_env(copy),
            stdout=output,
            stderr=subprocess.STDOUT,
        )
        try:
            start_seconds = wait_for(url, "</html>", BUILD_TIMEOUT, "the preview's first build")
            seconds = []
            for number in range(1, edits + 1):
                time.sleep(SETTLE_SECONDS)
                marker = f"benchmark-edit-{number}"
                page.write_text(f"{original}\n{marker}\n", encoding="utf-8")
                seconds.append(wait_for(url, marker, SHOW_TIMEOUT, f"edit {number} of {page}"))
                progress(f"  edit {number}/{edits}: shown after {seconds[-1]:.2f} s")
        except BenchmarkError as error:
            raise BenchmarkError(f"{error}; the server's log ends:\n{tail(log)}") from None
        finally:
            stop(process)
            page.write_text(original, encoding="utf-8")
    return Reload(start_seconds, tuple(seconds), f"docs/{EDITED_LANGUAGE}/{EDITED_PAGE}")

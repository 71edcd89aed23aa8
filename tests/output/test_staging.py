"""Runs side by side and runs cut short: each run has its own folder, publishing is atomic with
rollback, and no run leaves the reader without a site or leaves its folder behind."""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from resource_site.output.staging import RUN_PREFIX, publish, run_folder
from tests.conftest import Site

RUN_SECONDS = 300  # a fixture build takes seconds; this only bounds a hung run


def command(site: Site, *args: str) -> list[str]:
    return [sys.executable, "-m", "resource_site", "--root", str(site.root), *args]


def wait_for(condition, what: str, seconds: float = 60) -> None:  # type: ignore[no-untyped-def]
    """Wait until `condition()` holds (polling), or fail saying what never happened."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"{what} did not happen within {seconds} s"
        time.sleep(0.02)


def open_writer(fifo: Path) -> int:
    """A writing end of the pipe, which opens only once a reader holds it (else -1)."""
    try:
        return os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
    except OSError:  # ENXIO: nobody reads it yet
        return -1


def run_folders(site: Site) -> list[Path]:
    return list(site.root.glob(RUN_PREFIX + "*"))


def test_two_builds_at_once_both_succeed_and_publish_whole(site: Site) -> None:
    first = subprocess.Popen(command(site, "build"), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    second = subprocess.Popen(command(site, "build"), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    for process in (first, second):
        out, err = process.communicate(timeout=RUN_SECONDS)
        assert process.returncode == 0, out + err
        assert "Traceback" not in err
    assert site.path("site/es/disagree/index.html").is_file()
    assert site.path("site/search/search_index.json").is_file()
    assert run_folders(site) == []
    assert list(site.root.glob(".site.previous-*")) == []


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "Ctrl-C"])
def test_a_stopped_build_leaves_the_site_as_it_was_and_no_folder(site: Site, stop: signal.Signals) -> None:
    published = site.published()
    # The key-point registry becomes a pipe nobody writes to: the run holds while reading it,
    # well inside its run folder's lifetime, for as long as the test needs (no race with a build
    # that finishes first).
    registry = site.path("docs/keypoints.yml")
    registry.unlink()
    os.mkfifo(registry)
    process = subprocess.Popen(
        command(site, "build"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        # A shell running this suite in the background may have set Ctrl-C to be ignored, and that
        # is inherited: give the run the terminal's default, as a person pressing Ctrl-C has.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    writer: list[int] = []
    try:
        wait_for(lambda: writer.append(open_writer(registry)) or writer[-1] >= 0, "the run reading the registry")
        os.kill(process.pid, stop)
        _out, err = process.communicate(timeout=RUN_SECONDS)
    finally:
        process.kill()  # only if it is still running: never leave a run behind the test
        for descriptor in writer:
            if descriptor >= 0:
                os.close(descriptor)
    assert process.returncode == 130, err
    assert "stopped; the site was left as it was" in err
    assert "Traceback" not in err
    assert site.published() == published
    assert run_folders(site) == []


def test_run_folder_is_beside_the_site_and_removed_after(tmp_path: Path) -> None:
    site_dir = tmp_path / "elsewhere" / "site"
    with run_folder(site_dir) as folder:
        assert folder.parent == site_dir.parent  # the same file system, so publishing is a rename
        (folder / "site").mkdir()
    assert not folder.exists()


def test_publish_rolls_back_when_the_new_site_cannot_be_put_in_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site_dir, built = tmp_path / "site", tmp_path / "built"
    site_dir.mkdir()
    (site_dir / "index.html").write_text("old", encoding="utf-8")
    built.mkdir()
    (built / "index.html").write_text("new", encoding="utf-8")
    real_rename = Path.rename

    def failing_rename(self: Path, target: Path) -> Path:
        if self == built:
            raise OSError("disk full")
        return real_rename(self, target)

    monkeypatch.setattr(Path, "rename", failing_rename)
    with pytest.raises(OSError, match="disk full"):
        publish(built, site_dir)
    assert (site_dir / "index.html").read_text(encoding="utf-8") == "old"


def test_publish_replaces_the_site(tmp_path: Path) -> None:
    site_dir, built = tmp_path / "site", tmp_path / "built"
    site_dir.mkdir()
    (site_dir / "stale.html").write_text("old", encoding="utf-8")
    built.mkdir()
    (built / "index.html").write_text("new", encoding="utf-8")
    publish(built, site_dir)
    assert sorted(p.name for p in site_dir.iterdir()) == ["index.html"]
    assert sorted(p.name for p in tmp_path.iterdir()) == [".site.lock", "site"]


def test_no_logging_handler_is_left_behind(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    loggers = [logging.getLogger(), logging.getLogger("mkdocs")]
    before = [list(logger.handlers) for logger in loggers]
    for _ in range(2):
        assert site.run(capsys, "check").code == 0
    assert [list(logger.handlers) for logger in loggers] == before
    assert logging.getLogger("mkdocs").propagate


def test_a_folder_left_by_a_killed_run_is_removed_by_the_next(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    killed = subprocess.Popen([sys.executable, "-c", "pass"])
    killed.wait(timeout=RUN_SECONDS)
    left = site.root / f"{RUN_PREFIX}{killed.pid}-abandoned"
    (left / "site").mkdir(parents=True)
    assert site.run(capsys, "check").code == 0
    assert run_folders(site) == []

"""A run's private work folder, and publishing its checked site in place of the old one.

Each run builds into a folder of its own beside the published site (so on the same file system,
where a rename is atomic), named for the run, and removes it when it ends however it ends:
finished, failed, Ctrl-C or SIGTERM. Publishing swaps the folders under a lock, with rollback:
no error leaves the reader without a site.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import signal
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType

RUN_PREFIX = ".site-run-"


class Interrupted(BaseException):
    """The run was asked to stop (SIGTERM); like Ctrl-C, no `except Exception` catches it."""


@contextmanager
def run_folder(site_dir: Path) -> Iterator[Path]:
    """A new folder beside `site_dir` for this run's builds, gone when the block ends.

    Its name carries the process id, so a later run can remove what a killed run left."""
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    remove_abandoned_run_folders(site_dir.parent)
    folder = Path(tempfile.mkdtemp(prefix=f"{RUN_PREFIX}{os.getpid()}-", dir=site_dir.parent))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def remove_abandoned_run_folders(parent: Path) -> None:
    """Remove run folders whose process is gone (killed before it could clean up)."""
    for folder in parent.glob(f"{RUN_PREFIX}*"):
        pid = folder.name.removeprefix(RUN_PREFIX).split("-")[0]
        if pid.isdigit() and not _running(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@contextmanager
def stop_on_sigterm() -> Iterator[None]:
    """SIGTERM unwinds the run like Ctrl-C does, so every `finally` cleans up."""

    def stop(signum: int, frame: FrameType | None) -> None:
        raise Interrupted(f"stopped by signal {signum}")

    try:
        previous = signal.signal(signal.SIGTERM, stop)
    except ValueError:  # not the main thread: leave signals to whoever owns them
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@contextmanager
def publishing_lock(site_dir: Path) -> Iterator[None]:
    """One publisher at a time for a site folder; a second run waits for the first."""
    lock = site_dir.with_name(f".{site_dir.name}.lock")
    with lock.open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def publish(built: Path, site_dir: Path) -> None:
    """Put `built` in place of `site_dir`. Both are on one file system (see run_folder)."""
    with publishing_lock(site_dir):
        previous = site_dir.with_name(f".{site_dir.name}.previous-{os.getpid()}")
        if site_dir.exists():
            site_dir.rename(previous)
        try:
            built.rename(site_dir)
        except BaseException:
            if previous.exists() and not site_dir.exists():
                previous.rename(site_dir)
            raise
        shutil.rmtree(previous, ignore_errors=True)

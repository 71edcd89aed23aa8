"""The benchmark's ways of running our command line still get their figures although the command
ends its process at once (cli.leave: no atexit, no teardown)."""

from __future__ import annotations

import pstats
import subprocess
import sys
from pathlib import Path

from benchmarks.measuring import USAGE_WRAPPER, read_usage
from benchmarks.profile import PROFILED_CHECK
from tests.conftest import ROOT

TIMEOUT = 120  # a bound on a hang: each command takes a second or two


def test_memory_and_cpu_without_gnu_time(tmp_path: Path) -> None:
    usage = tmp_path / "usage"
    command = [sys.executable, "-c", USAGE_WRAPPER, str(usage), "-m", "resource_site", "--root", str(ROOT), "status"]
    completed = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, check=False)
    assert completed.returncode in (0, 1), completed.stderr  # 1: a language is missing something
    peak_mib, cpu_seconds = read_usage(usage)
    assert peak_mib > 10 and cpu_seconds > 0


def test_the_profile_is_written(tmp_path: Path) -> None:
    output = tmp_path / "status.prof"
    command = [sys.executable, "-c", PROFILED_CHECK, str(output), "--root", str(ROOT), "status"]
    completed = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, check=False)
    assert completed.returncode in (0, 1), completed.stderr  # 1: a language is missing something
    profiled = {Path(file).name for file, _line, _name in pstats.Stats(str(output)).stats}  # type: ignore[attr-defined]
    assert "status.py" in profiled

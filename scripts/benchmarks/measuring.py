"""Runs the site tooling in fresh subprocesses and measures them: wall and CPU time, peak memory, step times."""

from __future__ import annotations

import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Collection, Mapping, Sequence
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from resource_site.project import Project

GNU_TIME = Path("/usr/bin/time")
USAGE_FORMAT = "%M %U %S"  # /usr/bin/time: peak KiB, user and system CPU seconds
USAGE_WRAPPER = """\
import resource, subprocess, sys
usage_file = sys.argv[1]
code = subprocess.call([sys.executable, *sys.argv[2:]])  # the command ends with os._exit (cli.leave)
usage = resource.getrusage(resource.RUSAGE_CHILDREN)  # the command and every process it waited for
with open(usage_file, "w") as handle:
    handle.write(f"{usage.ru_maxrss} {usage.ru_utime} {usage.ru_stime}")
sys.exit(code)
"""
# Generous limits: a child past its limit is stopped, and the benchmark fails with a message.
BUILD_TIMEOUT = 1800.0  # a full check or build of one project copy
COMMAND_TIMEOUT = 600.0  # a shorter command (compiling the catalogs, one walk of the templates)
QUERY_TIMEOUT = 60.0  # asking a program for its version
STOP_GRACE = 10.0  # after SIGTERM, how long a stopped child may take to clean up before SIGKILL
STEP_PREFIX, LANGUAGE_PREFIX = "▸ ", "  building "
START_UP = "start-up: imports, reading mkdocs.yml"
SETUP = "configuration and plugins, before the first language"
FINISHING = "finishing: printing, JSON report, removing the staging folder"


class BenchmarkError(Exception):
    """A measurement could not be made (the message says why): exit code 1."""


def progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# --- Running children ----------------------------------------------------------------------------


def child_env(copy: Path, **extra: str) -> dict[str, str]:
    """The environment of a child working on `copy`: it runs the copy's own scripts/ (copied with the project)."""
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(copy / "scripts"), **extra}


def cli_command(copy: Path, command: str, *options: str) -> list[str]:
    return [sys.executable, "-m", "resource_site", "--root", str(copy), command, *options]


def build_command(copy: Path, site: Path) -> list[str]:
    return [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(copy / "mkdocs.yml"), "-d", str(site)]


def shown(command: Sequence[str]) -> str:
    return " ".join(command)


def signal_group(process: subprocess.Popen[str], signal_number: int) -> None:
    with suppress(ProcessLookupError):
        os.killpg(process.pid, signal_number)


def stop(process: subprocess.Popen[str]) -> None:
    """End a child and what it started (its own process group): SIGTERM, then SIGKILL if it lingers."""
    signal_group(process, signal.SIGTERM)
    try:
        process.wait(timeout=STOP_GRACE)
    except subprocess.TimeoutExpired:
        signal_group(process, signal.SIGKILL)
        process.wait()


def timed_out(command: Sequence[str], timeout: float) -> str:
    return f"`{shown(command)}` did not finish within {timeout:g} s and was stopped"


def start(
    command: Sequence[str],
    *,
    cwd: Path | None,
    env: Mapping[str, str] | None,
    stdout: int | IO[str] | None,
    stderr: int | IO[str] | None,
) -> subprocess.Popen[str]:
    """A child in a process group of its own, so that a timeout can stop its children too."""
    try:
        return subprocess.Popen(
            list(command),
            cwd=cwd,
            env=env,
            stdout=stdout,
            stderr=stderr,
            text=True,
            encoding="utf-8",
            errors="replace",
            start_new_session=True,
        )
    except OSError as error:
        raise BenchmarkError(f"could not start `{shown(command)}`: {error}") from error


def run_child(
    command: Sequence[str],
    *,
    timeout: float,
    cwd: Path | None = None,
    env: Mapping[str, str] | None = None,
    stdout: int | IO[str] | None = subprocess.PIPE,
    stderr: int | IO[str] | None = subprocess.PIPE,
) -> subprocess.CompletedProcess[str]:
    """Run a child to its end, or stop it after `timeout` seconds and raise BenchmarkError."""
    process = start(command, cwd=cwd, env=env, stdout=stdout, stderr=stderr)
    with process:
        try:
            out, err = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            stop(process)
            raise BenchmarkError(timed_out(command, timeout)) from None
        except BaseException:  # Ctrl-C: the child has its own session, so it did not get the signal
            stop(process)
            raise
    return subprocess.CompletedProcess(list(command), process.returncode, out, err)


def with_usage(command: list[str], usage_file: Path) -> list[str]:
    """The command wrapped so that its peak memory (KiB) and CPU seconds are written to `usage_file`."""
    if GNU_TIME.is_file() and os.access(GNU_TIME, os.X_OK):
        return [str(GNU_TIME), "-f", USAGE_FORMAT, "-o", str(usage_file), *command]
    if command[1] != "-m":
        raise BenchmarkError(f"without /usr/bin/time only `python -m module` can be measured: {command}")
    return [command[0], "-c", USAGE_WRAPPER, str(usage_file), *command[1:]]


def read_usage(usage_file: Path) -> tuple[float, float]:
    """Peak memory in MiB and CPU seconds; /usr/bin/time puts a note first when the exit code is not 0."""
    lines = [line for line in usage_file.read_text(encoding="utf-8").splitlines() if line.strip()]
    peak, user, system = lines[-1].split()
    return int(peak) / 1024, float(user) + float(system)


def tail(path: Path, lines: int = 15) -> str:
    return "\n".join(path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])


# --- Timing and memory of whole runs ---------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mib: float
    cpu_seconds: float
    exit_code: int


@dataclass(frozen=True)
class Measurement:
    runs: tuple[Run, ...]
    findings: int = 0  # for a check: how many findings its JSON report lists
    inner_build_seconds: float = 0.0  # for a check: its own timing of the MkDocs build (median)

    @property
    def seconds(self) -> float:
        return statistics.median(run.seconds for run in self.runs)

    @property
    def peak_mib(self) -> float:
        return statistics.median(run.peak_mib for run in self.runs)

    @property
    def cpu_seconds(self) -> float:
        return statistics.median(run.cpu_seconds for run in self.runs)

    @property
    def exit_codes(self) -> str:
        return ", ".join(sorted({str(run.exit_code) for run in self.runs}))


def describe(run: Run) -> str:
    return f"{run.seconds:.2f} s wall, {run.cpu_seconds:.2f} s CPU, {run.peak_mib:.0f} MiB"


def run_once(command: list[str], copy: Path, log: Path, accepted: Collection[int]) -> Run:
    """One fresh subprocess working on `copy`, timed from start to exit, its output kept in `log`."""
    usage_file = log.with_suffix(".usage")
    wrapped = with_usage(command, usage_file)
    with log.open("w", encoding="utf-8") as output:
        started = time.perf_counter()
        completed = run_child(
            wrapped, timeout=BUILD_TIMEOUT, cwd=copy, env=child_env(copy), stdout=output, stderr=subprocess.STDOUT
        )
        seconds = time.perf_counter() - started
    if completed.returncode not in accepted:
        raise BenchmarkError(f"`{shown(command)}` exited with {completed.returncode}:\n{tail(log)}")
    if not usage_file.is_file():
        raise BenchmarkError(f"`{shown(command)}` left no memory and CPU figures in {usage_file}:\n{tail(log)}")
    return Run(seconds, *read_usage(usage_file), completed.returncode)


def build_once(label: str, command: list[str], copy: Path, number: int, output: Path) -> Run:
    """One plain build into an emptied `output` folder."""
    shutil.rmtree(output, ignore_errors=True)
    run = run_once(command, copy, output.with_name(output.name + f"-{number}.log"), accepted=(0,))
    shutil.rmtree(output, ignore_errors=True)
    progress(f"  {label}, run {number}: {describe(run)}")
    return run


def check_once(label: str, copy: Path, number: int, work: Path, jobs: int) -> tuple[Run, int, float]:
    """One full check in `jobs` processes; exit 1 (findings) counts as a run, anything else fails.
    Also its findings and its own timing of the MkDocs build."""
    report = work / f"{copy.name}-check-{jobs}-{number}.json"
    command = cli_command(copy, "check", "--jobs", str(jobs), "--json", str(report))
    run = run_once(command, copy, report.with_suffix(".log"), accepted=(0, 1))
    data = json.loads(report.read_text(encoding="utf-8"))
    progress(f"  {label}, run {number}: {describe(run)}")
    return run, len(data["findings"]), float(data.get("build_seconds", 0.0))


# --- a, b, c: build and check of one project copy ----------------------------------------------


@dataclass(frozen=True)
class Scenario:
    label: str
    languages: int
    pages: int
    build: Measurement
    check: Measurement
    codes: tuple[str, ...] = ()  # the built languages, in mkdocs.yml's order
    jobs: int = 1  # the processes the check ran in

    @property
    def ratios(self) -> list[float]:
        """check ÷ plain build of each pair (the two were run one after the other)."""
        return [check.seconds / build.seconds for build, check in zip(self.build.runs, self.check.runs, strict=True)]

    @property
    def ratio(self) -> float:
        return statistics.median(self.ratios)


def measure_scenario(label: str, copy: Path, repeats: int, work: Path, jobs: int) -> Scenario:
    """A plain build and the check, interleaved (build, check, build, check…) so that a change
    in the machine's load touches both alike; their ratio is taken pair by pair."""
    progress(f"▸ {label}")
    site = work / f"{copy.name}-site"
    builds, checks, findings, inner = [], [], 0, []
    for number in range(1, repeats + 1):
        builds.append(build_once(f"{label}: mkdocs build", build_command(copy, site), copy, number, site))
        run, findings, build_seconds = check_once(f"{label}: check, {jobs} process(es)", copy, number, work, jobs)
        checks.append(run)
        inner.append(build_seconds)
    project = Project(copy)
    codes = tuple(language.code for language in project.built_languages)
    pages = sum(len(project.source_pages(code)) for code in codes)
    check = Measurement(tuple(checks), findings, statistics.median(inner))
    return Scenario(label, len(codes), pages, Measurement(tuple(builds)), check, codes, jobs)


# --- d: where the check's time goes --------------------------------------------------------------


@dataclass(frozen=True)
class Mark:
    label: str
    at: float
    language: bool = False  # a `building xx…` line inside the build step


def mark_of(line: str, at: float) -> Mark | None:
    if line.startswith(STEP_PREFIX):
        return Mark(line.removeprefix(STEP_PREFIX).strip(), at)
    if line.startswith(LANGUAGE_PREFIX) and line.rstrip().endswith("…"):
        return Mark("build " + line.removeprefix(LANGUAGE_PREFIX).strip().rstrip("…"), at, language=True)
    if line.startswith(("Reading level", "✓", "✗")):
        return Mark(FINISHING, at)
    return None


def read_marks(stream: IO[str], started: float, marks: list[Mark]) -> None:
    """Turn a check's stderr into step marks, each timestamped as its line arrives."""
    for line in stream:
        mark = mark_of(line, time.perf_counter() - started)
        if mark is None or mark.label == marks[-1].label:
            continue
        if mark.language and not marks[-1].language:
            marks.append(Mark(SETUP, marks[-1].at, language=True))
        marks.append(mark)


def timed_step_lines(command: list[str], copy: Path, timeout: float = BUILD_TIMEOUT) -> tuple[list[Mark], float]:
    """Run a check, timestamping each of its step lines as it arrives on stderr."""
    marks = [Mark(START_UP, 0.0)]
    started = time.perf_counter()
    process = start(command, cwd=copy, env=child_env(copy), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    with process:
        assert process.stderr is not None
        reader = threading.Thread(target=read_marks, args=(process.stderr, started, marks), daemon=True)
        reader.start()
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            stop(process)
            raise BenchmarkError(timed_out(command, timeout)) from None
        except BaseException:
            stop(process)
            raise
        reader.join(timeout=STOP_GRACE)
    return marks, time.perf_counter() - started


def durations(marks: list[Mark], end: float) -> dict[str, float]:
    """Seconds of each step (until the next step), and of each language (until the next one or step)."""
    steps = [mark for mark in marks if not mark.language]
    found = {
        mark.label: following.at - mark.at for mark, following in zip(steps, [*steps[1:], Mark("", end)], strict=True)
    }
    for index, mark in enumerate(marks):
        if mark.language:
            following = marks[index + 1] if index + 1 < len(marks) else Mark("", end)
            found[mark.label] = following.at - mark.at
    return found


@dataclass(frozen=True)
class Phases:
    order: list[str]
    seconds: dict[str, float]  # median over the runs
    total: float
    languages: set[str] = field(default_factory=set)


def measure_phases(copy: Path, repeats: int, work: Path) -> Phases:
    progress("▸ d. the check's steps, timed from its stderr")
    runs: list[dict[str, float]] = []
    totals: list[float] = []
    order: list[str] = []
    languages: set[str] = set()
    for number in range(1, repeats + 1):
        command = cli_command(copy, "check", "--jobs", "1", "--json", str(work / f"phases-{number}.json"))
        marks, total = timed_step_lines(command, copy)
        runs.append(durations(marks, total))
        totals.append(total)
        order = order or [mark.label for mark in marks]
        languages |= {mark.label for mark in marks if mark.language}
        progress(f"  run {number}/{repeats}: {total:.2f} s, {len(marks)} step lines")
    seconds = {label: statistics.median(run.get(label, 0.0) for run in runs) for label in order}
    return Phases(order, seconds, statistics.median(totals), languages)

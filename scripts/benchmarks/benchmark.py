"""Measures the speed of the site tooling and writes the figures to a Markdown report.

    .venv/bin/python -m scripts.benchmark [--quick] [--lighthouse] [--output BENCHMARKS.md]

Everything runs on temporary copies of the project (the project itself is only read). Each
measurement is a fresh subprocess: wall time is time.perf_counter around it; peak memory
(maximum resident set size) and CPU time (user + system, which a busy machine does not
inflate the way it does wall time) come from /usr/bin/time, or without it from the child's
own getrusage at exit. Each timing is repeated three times and the median reported; --quick
runs each once.

  a. the full check (`python -m resource_site.cli check`) against a plain `mkdocs build`;
  b. growth with languages: 1 (English), 11 (the real set) and 30 (19 copies of Spanish
     under other language codes: the check reports them, as expected, and is timed anyway);
  c. growth with pages: 10 and 100 pages per language, English and Spanish only;
  d. where the check's time goes: its step lines on stderr, timestamped as they arrive;
  e. with --lighthouse: Lighthouse scores of each language's home page, served from
     127.0.0.1 (needs `npm ci` and Chromium at /usr/bin/chromium);
  f. a cProfile run of the check: which functions of scripts/ cost the most.

Without --output the report goes to stdout. An existing output file keeps its hand-written
analysis, the lines between `<!-- analysis:start -->` and `<!-- analysis:end -->`.
Exit codes: 0 done, 1 a measurement failed, 2 bad usage.
"""

from __future__ import annotations

import argparse
import ast
import datetime
import json
import os
import platform
import pstats
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path
from urllib.parse import urlsplit

from resource_site.output.local_server import serve

ROOT = Path(__file__).resolve().parents[1]
PROJECT_ITEMS = ("docs", "overrides", "locales", "scripts", "branding", "mkdocs.yml", "branding.yml", "babel.cfg")
DEFAULT_LANGUAGE = "en"
SYNTHETIC_SOURCE = "es"
# Real ISO 639-1 codes that Material and py3langid both know ("no" is not in Material 9.8: et instead).
SYNTHETIC_LANGUAGES = (
    *("de", "it", "pt", "nl", "pl", "sv", "da", "fi", "et", "cs"),
    *("sk", "hu", "ro", "bg", "el", "tr", "id", "ms", "tl"),
)
LANGUAGE_COUNTS = (1, 11, 30)
PAGE_COUNTS = (10, 100)
PAGE_GROWTH_LANGUAGES = ("en", "es")
PAGE_TO_COPY = "glossary.md"  # the one page without key points, so copies add no duplicate key point
GNU_TIME = Path("/usr/bin/time")
CHROMIUM = Path("/usr/bin/chromium")
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROME_FLAGS = "--headless --no-sandbox --disable-gpu"
CATEGORIES = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
METRICS = ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift")
ANALYSIS_START, ANALYSIS_END = "<!-- analysis:start -->", "<!-- analysis:end -->"
LANGUAGE_ENTRY = re.compile(r"^(?P<indent> *)- locale: (?P<code>\S+)\n(?:(?P=indent)  .*\n)*", re.M)
NAV_BLOCK = re.compile(r"^nav:\n(?:(?P<indent>[ \t]+)- .*\n)+", re.M)
STEP_PREFIX, LANGUAGE_PREFIX = "▸ ", "  building "
START_UP = "start-up: imports, reading mkdocs.yml"
SETUP = "configuration and plugins, before the first language"
FINISHING = "finishing: printing, JSON report, removing the staging folder"
USAGE_FORMAT = "%M %U %S"  # /usr/bin/time: peak KiB, user and system CPU seconds
USAGE_WRAPPER = """\
import atexit, resource, runpy, sys
usage_file = sys.argv[1]
def report():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    with open(usage_file, "w") as handle:
        handle.write(f"{usage.ru_maxrss} {usage.ru_utime} {usage.ru_stime}")
atexit.register(report)
sys.argv = sys.argv[3:]
runpy.run_module(sys.argv[0], run_name="__main__", alter_sys=True)
"""
TEMPLATE_WALK = """\
import sys, time
from pathlib import Path
from resource_site.content.catalogs import extracted_strings
from resource_site.project import Project
started = time.perf_counter()
extracted_strings(Project(Path(sys.argv[1])))
print(time.perf_counter() - started)
"""


class BenchmarkError(Exception):
    """A measurement could not be made (the message says why): exit code 1."""


def progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# --- Temporary copies of the project ------------------------------------------------------------


def copy_project(target: Path) -> Path:
    """A copy of everything the build and the checks read; compiled files are left out."""
    target.mkdir(parents=True)
    for name in PROJECT_ITEMS:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
        elif source.is_file():
            shutil.copy2(source, target / name)
    return target


def config_text(copy: Path) -> str:
    text = (copy / "mkdocs.yml").read_text(encoding="utf-8")
    if not LANGUAGE_ENTRY.search(text) or not NAV_BLOCK.search(text):
        raise BenchmarkError("mkdocs.yml has no `nav:` list or no i18n `- locale:` entries to rewrite")
    return text if text.endswith("\n") else text + "\n"


def language_codes(copy: Path) -> list[str]:
    """The built languages of a copy, in mkdocs.yml's order."""
    return [
        entry.group("code")
        for entry in LANGUAGE_ENTRY.finditer(config_text(copy))
        if re.search(r"^\s*build:\s*false\s*$", entry.group(0), re.M) is None
    ]


def keep_languages(copy: Path, keep: Collection[str]) -> None:
    """Drop every language not in `keep`: its mkdocs.yml entry, pages and catalog."""
    text = config_text(copy)
    for code in {entry.group("code") for entry in LANGUAGE_ENTRY.finditer(text)} - set(keep):
        shutil.rmtree(copy / "docs" / code, ignore_errors=True)
        shutil.rmtree(copy / "locales" / code, ignore_errors=True)
    kept = LANGUAGE_ENTRY.sub(lambda entry: entry.group(0) if entry.group("code") in keep else "", text)
    (copy / "mkdocs.yml").write_text(kept, encoding="utf-8")


def add_synthetic_languages(copy: Path, codes: Collection[str]) -> None:
    """Add languages whose pages and catalog are copies of Spanish, built like the real ones."""
    from babel import Locale

    text = config_text(copy)
    last = list(LANGUAGE_ENTRY.finditer(text))[-1]
    indent = last.group("indent")
    entries = ""
    for code in codes:
        shutil.copytree(copy / "docs" / SYNTHETIC_SOURCE, copy / "docs" / code)
        catalog = copy / "locales" / code / "LC_MESSAGES"
        catalog.mkdir(parents=True)
        shutil.copy2(copy / "locales" / SYNTHETIC_SOURCE / "LC_MESSAGES" / "messages.po", catalog / "messages.po")
        name = Locale.parse(code).get_display_name(code) or code
        entries += f"{indent}- locale: {code}\n{indent}  name: {name}\n{indent}  build: true\n"
    (copy / "mkdocs.yml").write_text(text[: last.end()] + entries + text[last.end() :], encoding="utf-8")


def add_pages(copy: Path, pages_per_language: int) -> None:
    """Grow every language to `pages_per_language` pages: copies of its glossary, added to nav."""
    text = config_text(copy)
    nav = NAV_BLOCK.search(text)
    assert nav is not None
    existing = len(nav.group(0).splitlines()) - 1
    if pages_per_language < existing:
        raise BenchmarkError(f"the project already has {existing} pages per language, more than {pages_per_language}")
    names = [f"extra-{number:03d}.md" for number in range(1, pages_per_language - existing + 1)]
    for code in language_codes(copy):
        for name in names:
            shutil.copy2(copy / "docs" / code / PAGE_TO_COPY, copy / "docs" / code / name)
    lines = "".join(f"{nav.group('indent')}- {name}\n" for name in names)
    (copy / "mkdocs.yml").write_text(text[: nav.end()] + lines + text[nav.end() :], encoding="utf-8")


def prepare(copy: Path) -> Path:
    """Compile the catalogs (a plain build needs the .mo files) and Python's bytecode; not timed."""
    subprocess.run(cli_command(copy, "catalogs"), cwd=copy, env=child_env(), capture_output=True, check=False)
    return copy


def real_copy(work: Path) -> Path:
    return prepare(copy_project(work / "real"))


def languages_copy(work: Path, count: int) -> Path:
    copy = copy_project(work / f"languages-{count}")
    codes = language_codes(copy)
    if count <= len(codes):
        keep_languages(copy, [DEFAULT_LANGUAGE, *[code for code in codes if code != DEFAULT_LANGUAGE]][:count])
    else:
        add_synthetic_languages(copy, SYNTHETIC_LANGUAGES[: count - len(codes)])
    return prepare(copy)


def pages_copy(work: Path, pages_per_language: int) -> Path:
    copy = copy_project(work / f"pages-{pages_per_language}")
    keep_languages(copy, PAGE_GROWTH_LANGUAGES)
    add_pages(copy, pages_per_language)
    return prepare(copy)


def page_count(copy: Path) -> int:
    return sum(len(list((copy / "docs" / code).rglob("*.md"))) for code in language_codes(copy))


# --- Running and measuring children -------------------------------------------------------------


def child_env(**extra: str) -> dict[str, str]:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", **extra}


def cli_command(copy: Path, command: str, *options: str) -> list[str]:
    return [sys.executable, "-m", "resource_site.cli", command, "--root", str(copy), *options]


def build_command(copy: Path, site: Path) -> list[str]:
    return [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(copy / "mkdocs.yml"), "-d", str(site)]


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


def run_once(command: list[str], cwd: Path, log: Path, accepted: Collection[int]) -> Run:
    """One fresh subprocess, timed from start to exit, its output kept in `log`."""
    usage_file = log.with_suffix(".usage")
    wrapped = with_usage(command, usage_file)
    with log.open("w", encoding="utf-8") as output:
        started = time.perf_counter()
        completed = subprocess.run(wrapped, cwd=cwd, env=child_env(), stdout=output, stderr=subprocess.STDOUT)
        seconds = time.perf_counter() - started
    if completed.returncode not in accepted:
        raise BenchmarkError(f"`{' '.join(command)}` exited with {completed.returncode}:\n{tail(log)}")
    return Run(seconds, *read_usage(usage_file), completed.returncode)


def measure(label: str, command: list[str], cwd: Path, repeats: int, output: Path) -> Measurement:
    """A plain build, `repeats` times, each into an emptied `output` folder."""
    runs = []
    for number in range(1, repeats + 1):
        shutil.rmtree(output, ignore_errors=True)
        runs.append(run_once(command, cwd, output.with_name(output.name + f"-{number}.log"), accepted=(0,)))
        progress(f"  {label}, run {number}/{repeats}: {describe(runs[-1])}")
    shutil.rmtree(output, ignore_errors=True)
    return Measurement(tuple(runs))


def measure_check(label: str, copy: Path, repeats: int, work: Path) -> Measurement:
    """The full check, `repeats` times; exit 1 (findings) counts as a run, anything else fails."""
    runs, findings, inner = [], 0, []
    for number in range(1, repeats + 1):
        report = work / f"{copy.name}-check-{number}.json"
        command = cli_command(copy, "check", "--json", str(report))
        runs.append(run_once(command, copy, report.with_suffix(".log"), accepted=(0, 1)))
        data = json.loads(report.read_text(encoding="utf-8"))
        findings, inner = len(data["findings"]), [*inner, float(data.get("build_seconds", 0.0))]
        progress(f"  {label}, run {number}/{repeats}: {describe(runs[-1])}")
    return Measurement(tuple(runs), findings, statistics.median(inner))


# --- a, b, c: build and check of several projects ---------------------------------------------


@dataclass(frozen=True)
class Scenario:
    label: str
    languages: int
    pages: int
    build: Measurement
    check: Measurement


def measure_scenario(label: str, copy: Path, repeats: int, work: Path) -> Scenario:
    progress(f"▸ {label}")
    build = measure(
        f"{label}: mkdocs build",
        build_command(copy, work / f"{copy.name}-site"),
        copy,
        repeats,
        work / f"{copy.name}-site",
    )
    check = measure_check(f"{label}: full check", copy, repeats, work)
    return Scenario(label, len(language_codes(copy)), page_count(copy), build, check)


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


def timed_step_lines(command: list[str], cwd: Path) -> tuple[list[Mark], float]:
    """Run a check, timestamping each of its step lines as it arrives on stderr."""
    marks = [Mark(START_UP, 0.0)]
    started = time.perf_counter()
    with subprocess.Popen(
        command,
        cwd=cwd,
        env=child_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    ) as process:
        assert process.stderr is not None
        for line in process.stderr:
            mark = mark_of(line, time.perf_counter() - started)
            if mark is None or mark.label == marks[-1].label:
                continue
            if mark.language and not marks[-1].language:
                marks.append(Mark(SETUP, marks[-1].at, language=True))
            marks.append(mark)
        process.wait()
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
    totals, order, languages = [], [], set()
    for number in range(1, repeats + 1):
        command = cli_command(copy, "check", "--json", str(work / f"phases-{number}.json"))
        marks, total = timed_step_lines(command, copy)
        runs.append(durations(marks, total))
        totals.append(total)
        order = order or [mark.label for mark in marks]
        languages |= {mark.label for mark in marks if mark.language}
        progress(f"  run {number}/{repeats}: {total:.2f} s, {len(marks)} step lines")
    seconds = {label: statistics.median(run.get(label, 0.0) for run in runs) for label in order}
    return Phases(order, seconds, statistics.median(totals), languages)


@dataclass(frozen=True)
class TemplateWalk:
    """The catalog check extracts strings with Babel, which walks every folder of the project."""

    in_place: float
    on_copy: float
    files_in_place: int
    files_on_copy: int


def walked_files(root: Path) -> int:
    """Files Babel's extract_from_dir visits: it skips folders starting with '.' or '_'."""
    count = 0
    for _folder, folders, files in os.walk(root):
        folders[:] = [name for name in folders if not name.startswith((".", "_"))]
        count += len(files)
    return count


def time_template_walk(root: Path, repeats: int) -> float:
    command = [sys.executable, "-c", TEMPLATE_WALK, str(root)]
    return statistics.median(
        float(subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=True).stdout)
        for _ in range(repeats)
    )


def measure_template_walk(copy: Path, repeats: int) -> TemplateWalk:
    progress("▸ d. the catalog check's walk of the project folder, in place and on a copy")
    return TemplateWalk(
        time_template_walk(ROOT, repeats), time_template_walk(copy, repeats), walked_files(ROOT), walked_files(copy)
    )


# --- e: Lighthouse --------------------------------------------------------------------------------


@dataclass(frozen=True)
class LighthousePage:
    code: str
    url: str
    scores: dict[str, int | None]
    metrics: dict[str, str]
    failing: list[tuple[str, str, str]]  # (category, audit title, what it found)
    warnings: list[str]
    seconds: float


@dataclass(frozen=True)
class LighthouseRun:
    pages: list[LighthousePage]
    settings: dict[str, object]
    lighthouse_version: str
    served_with: str  # the compression and caching headers the local server answered with
    benchmark_index: float


def failing_audits(report: dict) -> list[tuple[str, str, str]]:
    """Audits pulling a category below its target: score under 0.9 (performance) or under 1."""
    found = []
    for category, target in CATEGORIES.items():
        data = report["categories"][category]
        if data["score"] is not None and round(data["score"] * 100) >= target:
            continue
        limit = 0.9 if category == "performance" else 1.0
        for ref in data["auditRefs"]:
            audit = report["audits"][ref["id"]]
            scored = audit.get("score") is not None and audit["scoreDisplayMode"] != "informative"
            if scored and audit["score"] < limit and ref.get("group") != "hidden":  # hidden: repeats of others
                found.append((category, audit["title"], audit.get("displayValue", "")))
    return found


def read_lighthouse(code: str, url: str, path: Path, seconds: float) -> tuple[LighthousePage, dict]:
    report = json.loads(path.read_text(encoding="utf-8"))
    scores = {
        name: None if report["categories"][name]["score"] is None else round(report["categories"][name]["score"] * 100)
        for name in CATEGORIES
    }
    metrics = {name: report["audits"][name].get("displayValue", "") for name in METRICS}
    page = LighthousePage(code, url, scores, metrics, failing_audits(report), report.get("runWarnings", []), seconds)
    return page, report


def served_with(url: str) -> str:
    """The compression and caching headers the server sends a browser: they weigh on the score."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request, timeout=30) as response:
        headers = response.headers
    encoding = headers.get("Content-Encoding") or "none (uncompressed)"
    return f"Content-Encoding: {encoding}, Cache-Control: {headers.get('Cache-Control') or 'none'}"


def run_lighthouse(url: str, report: Path) -> float:
    command = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={report}",
        f"--chrome-flags={CHROME_FLAGS}",
        f"--only-categories={','.join(CATEGORIES)}",
    ]
    started = time.perf_counter()
    completed = subprocess.run(command, env=child_env(CHROME_PATH=str(CHROMIUM)), capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if completed.returncode != 0 or not report.is_file():
        raise BenchmarkError(f"Lighthouse failed on {url} (exit {completed.returncode}):\n{completed.stderr[-2000:]}")
    return seconds


def measure_lighthouse(copy: Path, work: Path) -> LighthouseRun:
    if not LIGHTHOUSE.is_file():
        raise BenchmarkError(f"{LIGHTHOUSE} is missing: run `npm ci` first")
    if not CHROMIUM.is_file():
        raise BenchmarkError(f"{CHROMIUM} is missing: install Debian's chromium")
    progress("▸ e. Lighthouse on each language's home page")
    site = work / "lighthouse-site"
    pages, report, headers = [], {}, ""
    with serve(site) as address:
        build = cli_command(copy, "build", "--site-dir", str(site), "--site-url", address + "/")
        completed = subprocess.run(build, cwd=copy, env=child_env(), capture_output=True, text=True)
        if completed.returncode != 0:
            raise BenchmarkError(
                f"the build for Lighthouse failed:\n{completed.stdout[-2000:]}{completed.stderr[-2000:]}"
            )
        headers = served_with(f"{address}/")
        for code in language_codes(copy):
            url = f"{address}/" if code == DEFAULT_LANGUAGE else f"{address}/{code}/"
            path = work / f"lighthouse-{code}.json"
            page, report = read_lighthouse(code, url, path, run_lighthouse(url, path))
            pages.append(page)
            progress(f"  {code}: " + ", ".join(f"{name} {score}" for name, score in page.scores.items()))
    settings = report["configSettings"]
    return LighthouseRun(
        pages,
        {key: settings.get(key) for key in ("formFactor", "throttlingMethod", "throttling", "screenEmulation")},
        report["lighthouseVersion"],
        headers,
        float(report["environment"]["benchmarkIndex"]),
    )


# --- f: cProfile of the check -------------------------------------------------------------------


@dataclass(frozen=True)
class Cost:
    function: str
    where: str
    calls: int
    inclusive: float  # everything below it, our code included
    own: float  # itself and the library code below it, not counting our functions below it


@dataclass(frozen=True)
class Profile:
    wall_seconds: float
    profiled_seconds: float
    costs: list[Cost]
    mkdocs_seconds: float  # library time under build_site once our hooks are taken out
    hooks_seconds: float  # our MkDocs hooks, called by MkDocs
    ours_seconds: float  # the own time of all our functions but build_site


Function = tuple[str, int, str]


def callee_edges(stats: dict) -> dict[Function, dict[Function, float]]:
    """cProfile keeps callers; turned round: function -> {callee: seconds spent in it from here}."""
    callees: dict[Function, dict[Function, float]] = {}
    for function, row in stats.items():
        for caller, edge in row[4].items():
            callees.setdefault(caller, {})[function] = edge[3]
    return callees


def post_order(stats: dict, ours: set[Function], callees: dict[Function, dict[Function, float]]) -> list[Function]:
    """Library functions, each after the library functions it calls (call cycles broken anywhere)."""
    order: list[Function] = []
    done: set[Function] = set()
    for root in stats:
        stack = [(root, False)]
        while stack:
            function, expanded = stack.pop()
            if expanded:
                order.append(function)
            elif function not in done and function not in ours:
                done.add(function)
                stack.append((function, True))
                stack += [(callee, False) for callee in callees.get(function, {}) if callee not in done]
    return order


def caller_weights(stats: dict, ours: set[Function]) -> dict[Function, dict[Function, float]]:
    """For each library function, how its time divides among its callers (by time spent from each)."""
    weights: dict[Function, dict[Function, float]] = {}
    for function, row in stats.items():
        callers = row[4]
        if function in ours or not callers:
            continue
        index = 3 if sum(edge[3] for edge in callers.values()) > 0 else 1  # time, or call counts if no time
        total = sum(edge[index] for edge in callers.values())
        weights[function] = {caller: edge[index] / total for caller, edge in callers.items()}
    return weights


def own_seconds(stats: dict, ours: set[Function], sweeps: int = 200) -> dict[Function, float]:
    """Each of our functions' own lines plus the library code below it, our other functions left out.

    Like gprof: every function's self time is passed up to its callers in proportion to the time
    each spent calling it, through library code, until it reaches one of ours; a hook MkDocs calls
    keeps its time, and the MkDocs code around it goes to `build_site`. Sweeps in call order repeat
    until call cycles (static-i18n builds each language inside the first one's build) settle."""
    callees = callee_edges(stats)
    weights = caller_weights(stats, ours)
    order = post_order(stats, ours, callees)
    inputs = {  # function -> [(library callee, the share of its time that comes up to this function)]
        function: [
            (callee, weights[callee][function])
            for callee in callees.get(function, {})
            if callee not in ours and function in weights.get(callee, {})
        ]
        for function in [*order, *ours]
    }
    amount = {function: stats[function][2] for function in order}
    for _sweep in range(sweeps):
        change = 0.0
        for function in order:
            new = stats[function][2] + sum(amount[callee] * weight for callee, weight in inputs[function])
            change, amount[function] = max(change, abs(new - amount[function])), new
        if change < 1e-4:
            break
    return {
        function: stats[function][2] + sum(amount[callee] * weight for callee, weight in inputs[function])
        for function in ours
    }


def qualified_names(source: Path) -> dict[int, str]:
    """`Class.method` or `outer.inner` of each function, by the first line cProfile gives it."""
    names: dict[int, str] = {}

    def visit(node: ast.AST, prefix: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                name = prefix + child.name
                if not isinstance(child, ast.ClassDef):
                    names[min([child.lineno, *(item.lineno for item in child.decorator_list)])] = name
                visit(child, name + ".")
            else:
                visit(child, prefix)

    visit(ast.parse(source.read_text(encoding="utf-8")), "")
    return names


def display_name(names: dict[int, str], line: int, name: str) -> str:
    qualified = names.get(line, name)
    return qualified if qualified.rsplit(".", 1)[-1] == name else name


def profile_check(copy: Path, work: Path) -> Profile:
    progress("▸ f. the check under cProfile")
    output = work / "check.prof"
    command = [
        sys.executable,
        "-m",
        "cProfile",
        "-o",
        str(output),
        "-m",
        "resource_site.cli",
        "check",
        "--root",
        str(copy),
    ]
    command += ["--json", str(work / "profile.json")]
    started = time.perf_counter()
    subprocess.run(command, cwd=copy, env=child_env(), capture_output=True, check=False)
    wall = time.perf_counter() - started
    stats = pstats.Stats(str(output)).stats  # type: ignore[attr-defined]
    scripts = str(copy / "scripts") + os.sep
    ours = {function for function in stats if function[0].startswith(scripts)}
    own = own_seconds(stats, ours)
    names = {file: qualified_names(Path(file)) for file in {function[0] for function in ours}}
    costs = [
        Cost(
            display_name(names[file], line, name),
            f"scripts/{Path(file).name}:{line}",
            stats[(file, line, name)][1],
            stats[(file, line, name)][3],
            min(own[(file, line, name)], stats[(file, line, name)][3]),  # the sharing-out is approximate
        )
        for file, line, name in ours
    ]
    build = next(cost for cost in costs if cost.function == "build_site")
    hooks = sum(
        cost.inclusive
        for cost in costs
        if cost.where.startswith("scripts/mkdocs_hooks.py") and cost.function.startswith("on_")
    )
    total = max(stats[function][3] for function in stats)
    ours_total = sum(cost.own for cost in costs if cost is not build)
    return Profile(wall, total, sorted(costs, key=lambda cost: -cost.own), build.own, hooks, ours_total)


# --- The report -----------------------------------------------------------------------------------


def table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    return "\n".join([*lines, *("| " + " | ".join(row) + " |" for row in rows)])


def seconds(value: float) -> str:
    return f"{value:.2f} s"


def ratio(value: float, base: float) -> str:
    return f"{value / base:.2f}×" if base else "–"


def machine() -> list[list[str]]:
    memory = next(line for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal"))
    model = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if "model name" in line
        ),
        platform.processor(),
    )
    chromium = (
        subprocess.run([str(CHROMIUM), "--version"], capture_output=True, text=True) if CHROMIUM.is_file() else None
    )
    node = subprocess.run(["node", "--version"], capture_output=True, text=True) if shutil.which("node") else None
    return [
        ["CPUs (nproc)", str(os.cpu_count())],
        ["CPU", model],
        ["memory", f"{int(memory.split()[1]) / 1024 / 1024:.1f} GiB"],
        ["system", f"{platform.system()} {platform.release()}"],
        ["Python", platform.python_version()],
        ["MkDocs", version("mkdocs")],
        ["Material for MkDocs", version("mkdocs-material")],
        ["mkdocs-static-i18n", version("mkdocs-static-i18n")],
        ["lxml / py3langid", f"{version('lxml')} / {version('py3langid')}"],
        ["Node", node.stdout.strip() if node else "–"],
        ["Chromium", chromium.stdout.strip() if chromium else "–"],
        ["memory and CPU time from", f"/usr/bin/time -f '{USAGE_FORMAT}'" if GNU_TIME.is_file() else "getrusage"],
        ["PYTHONDONTWRITEBYTECODE", os.environ.get("PYTHONDONTWRITEBYTECODE") or "not set"],
    ]


def section_a(real: Scenario, repeats: int) -> str:
    rows = [
        ["plain `mkdocs build`", seconds(real.build.seconds), "1.00×", seconds(real.build.cpu_seconds), "1.00×"],
        [
            "full check (`resource_site.cli check`)",
            seconds(real.check.seconds),
            ratio(real.check.seconds, real.build.seconds),
            seconds(real.check.cpu_seconds),
            ratio(real.check.cpu_seconds, real.build.cpu_seconds),
        ],
    ]
    rows[0].append(f"{real.build.peak_mib:.0f} MiB")
    rows[1].append(f"{real.check.peak_mib:.0f} MiB")
    runs = ", ".join(f"{run.seconds:.2f}" for run in real.check.runs)
    builds = ", ".join(f"{run.seconds:.2f}" for run in real.build.runs)
    return (
        f"## a. Full check against a plain build\n\nThe real project ({real.languages} languages, {real.pages} pages), "
        f"median of {repeats}.\n\n"
        + table(["", "wall time", "÷ plain build", "CPU time", "÷ plain build", "peak memory"], rows)
        + f"\n\nRuns: build {builds} s; check {runs} s. The check's own timing of its MkDocs build: "
        f"{seconds(real.check.inner_build_seconds)}; so the check adds "
        f"{seconds(real.check.seconds - real.build.seconds)} to a plain build, and its build is "
        f"{ratio(real.check.inner_build_seconds, real.build.seconds)} the plain one "
        f"(the rest is start-up and the checks: see d). Findings: {real.check.findings}.\n"
    )


def growth_rows(scenarios: list[Scenario], base: Scenario) -> list[list[str]]:
    return [
        [
            str(item.languages),
            str(item.pages),
            seconds(item.build.seconds),
            seconds(item.check.seconds),
            f"{seconds(item.build.cpu_seconds)} / {seconds(item.check.cpu_seconds)}",
            ratio(item.check.seconds, item.build.seconds),
            ratio(item.build.seconds, base.build.seconds),
            ratio(item.check.seconds, base.check.seconds),
            f"{item.build.peak_mib:.0f} MiB",
            f"{item.check.peak_mib:.0f} MiB",
            f"{item.check.exit_codes} ({item.check.findings})",
        ]
        for item in scenarios
    ]


GROWTH_HEADER = [
    "languages",
    "pages",
    "build",
    "check",
    "CPU: build / check",
    "check ÷ build",
    "build ÷ first row",
    "check ÷ first row",
    "build peak",
    "check peak",
    "check exit (findings)",
]


def marginal(scenarios: list[Scenario], unit: str, count: Callable[[Scenario], int]) -> str:
    first, last = scenarios[0], scenarios[-1]
    extra = count(last) - count(first)
    build = (last.build.seconds - first.build.seconds) / extra
    check = (last.check.seconds - first.check.seconds) / extra
    memory = (last.check.peak_mib - first.check.peak_mib) / extra
    return (
        f"Each extra {unit} costs about {build:.2f} s of build, {check:.2f} s of check "
        f"and {memory:.1f} MiB of check memory."
    )


def section_b(scenarios: list[Scenario], real: Scenario) -> str:
    added = SYNTHETIC_LANGUAGES[: max(0, scenarios[-1].languages - real.languages)]
    return (
        "## b. Growth with languages\n\n"
        f"{real.pages // real.languages} pages per language. 1 language keeps only English; "
        f"{real.languages} is the real set (the row of a: the same copy, measured once); "
        f"{scenarios[-1].languages} adds {len(added)} languages ({', '.join(added)}) whose pages and catalog are "
        f"copies of Spanish. With {scenarios[-1].languages} languages the check exits 1: it reports every page "
        "and key point of the copies as Spanish under another `lang`, as it should; the time is that of a full "
        "run all the same, with its findings written out.\n\n"
        + table(GROWTH_HEADER, growth_rows(scenarios, scenarios[0]))
        + "\n\n"
        + marginal(scenarios, "language", lambda item: item.languages)
        + "\n"
    )


def section_c(scenarios: list[Scenario]) -> str:
    return (
        "## c. Growth with pages\n\n"
        f"Two languages ({', '.join(PAGE_GROWTH_LANGUAGES)}), to keep the run short: the extra pages are copies "
        f"of each language's `{PAGE_TO_COPY}` (the one page without key points) under new names, added to `nav`.\n\n"
        + table(GROWTH_HEADER, growth_rows(scenarios, scenarios[0]))
        + "\n\n"
        + marginal(scenarios, "page (per language, so two pages)", lambda item: item.pages // item.languages)
        + "\n"
    )


def section_d(phases: Phases, walk: TemplateWalk, repeats: int) -> str:
    build_step = next((label for label in phases.order if label.startswith("building ") and "MkDocs" in label), "")
    build_seconds = phases.seconds.get(build_step, 0.0)
    rows = []
    for label in phases.order:
        value = phases.seconds[label]
        shown = f"  ↳ {label}" if label in phases.languages else label
        rows.append([shown, seconds(value), f"{100 * value / phases.total:.0f} %"])
    started = phases.order.index(build_step) if build_step in phases.order else len(phases.order)
    before = sum(phases.seconds[label] for label in phases.order[1:started] if label not in phases.languages)
    after = sum(phases.seconds[label] for label in phases.order[started + 1 :] if label not in phases.languages)
    return (
        f"## d. Where the check's time goes\n\nThe real project; each step from its `▸` line on stderr to the next, "
        f"median of {repeats} runs (total {seconds(phases.total)}).\n\n"
        + table(["step", "wall time", "share"], rows)
        + f"\n\nChecks before the build: {seconds(before)}; the build: {seconds(build_seconds)}; "
        f"checks after the build (and finishing): {seconds(after)}.\n\n"
        "The catalog check runs Babel's string extraction over the whole project folder, which walks every "
        "folder not starting with `.` or `_`: "
        f"in place ({walk.files_in_place} files, with `node_modules/` and `site/`) it takes "
        f"{seconds(walk.in_place)}, on the copy ({walk.files_on_copy} files) {seconds(walk.on_copy)}.\n"
    )


def audit_lines(pages: list[LighthousePage]) -> list[str]:
    """One line per failing audit: in which languages, and what it found on the first of them."""
    failing: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for page in pages:
        for category, title, found in page.failing:
            failing.setdefault((category, title), []).append((page.code, found))
    lines = []
    for (category, title), places in failing.items():
        where = f"all {len(pages)} languages" if len(places) == len(pages) else ", ".join(code for code, _ in places)
        example = f" ({places[0][0]}: {places[0][1]})" if places[0][1] else ""
        lines.append(f"- {category}: **{title}** — {where}{example}")
    return lines


def section_e(run: LighthouseRun) -> str:
    throttling = run.settings["throttling"]
    assert isinstance(throttling, dict)
    screen = run.settings["screenEmulation"]
    assert isinstance(screen, dict)
    rows = [
        [
            page.code,
            f"`{urlsplit(page.url).path}`",
            *(str(page.scores[name]) for name in CATEGORIES),
            *(page.metrics[name] for name in METRICS),
        ]
        for page in run.pages
    ]
    below = [page for page in run.pages if any((page.scores[n] or 0) < t for n, t in CATEGORIES.items())]
    failures = "\n".join(audit_lines(run.pages))
    warnings = sorted({warning for page in run.pages for warning in page.warnings})
    return (
        "## e. Lighthouse\n\n"
        f"Lighthouse {run.lighthouse_version}, {run.settings['formFactor']} emulation "
        f"({screen.get('width')}×{screen.get('height')} at {screen.get('deviceScaleFactor')}×), throttling method "
        f"`{run.settings['throttlingMethod']}`: {throttling.get('rttMs')} ms round trip, "
        f"{throttling.get('throughputKbps')} kbit/s, CPU slowed {throttling.get('cpuSlowdownMultiplier')}× "
        "(Lighthouse's default mobile settings: a slow 4G phone, simulated from an unthrottled load). "
        f"Chromium flags `{CHROME_FLAGS}`; the site is built for and served from 127.0.0.1 by "
        f"`resource_site.output.local_server`, which answered the home page with {run.served_with} (audits about "
        "compression and cache lifetimes judge that server, not the site). "
        "One Lighthouse run per page, so scores move by several points between runs. "
        f"This machine's Lighthouse benchmark index: {run.benchmark_index:.0f}; a Lighthouse run took "
        f"{seconds(statistics.median(page.seconds for page in run.pages))} (median). "
        f"Targets: {', '.join(f'{name} ≥ {target}' for name, target in CATEGORIES.items())}.\n\n"
        + table(["language", "page", *CATEGORIES, "FCP", "LCP", "TBT", "CLS"], rows)
        + "\n\n"
        + (
            f"Below target: {', '.join(page.code for page in below)}. Audits that pull them down:\n\n{failures}\n"
            if below
            else "Every page meets every target.\n"
        )
        + ("\nLighthouse's warnings: " + "; ".join(warnings) + "\n" if warnings else "")
    )


def section_f(profile: Profile, unprofiled: float, limit: int = 15) -> str:
    rows = [
        [f"`{cost.function}`", f"`{cost.where}`", str(cost.calls), seconds(cost.own), seconds(cost.inclusive)]
        for cost in profile.costs
        if cost.function != "build_site"
    ][:limit]
    total = profile.profiled_seconds
    rest = total - profile.mkdocs_seconds - profile.ours_seconds

    def share(value: float) -> str:
        return f"{seconds(value)} ({100 * value / total:.0f} %)"

    return (
        "## f. Profile of the check: our code against MkDocs\n\n"
        f"One run of the real project's check under cProfile: {seconds(profile.wall_seconds)}, "
        f"{ratio(profile.wall_seconds, unprofiled)} the {seconds(unprofiled)} of a. The profiler slows every "
        "Python call, ours and the libraries' alike, so read these figures as shares. "
        f"Of {seconds(total)} profiled: MkDocs, Material and static-i18n (under `build_site`, our hooks taken "
        f"out) {share(profile.mkdocs_seconds)}; our code in scripts/ {share(profile.ours_seconds)}, of which "
        f"the MkDocs hooks and what they call {seconds(profile.hooks_seconds)}; the rest (interpreter, runpy) "
        f"{share(rest)}.\n\n"
        "*Own*: the function's own lines and the library code it calls, our other functions below it left out "
        "(as gprof does it: library time goes up to its callers in proportion to the time each spent calling "
        "it). *Inclusive*: everything below it. A `<module>` row is the module's import, mostly of the "
        "libraries it imports.\n\n" + table(["function (scripts/)", "where", "calls", "own", "inclusive"], rows) + "\n"
    )


def kept_analysis(output: Path | None) -> str:
    if output is not None and output.is_file():
        text = output.read_text(encoding="utf-8")
        if ANALYSIS_START in text and ANALYSIS_END in text:
            return text[text.index(ANALYSIS_START) : text.index(ANALYSIS_END) + len(ANALYSIS_END)]
    return f"{ANALYSIS_START}\n(Not written yet.)\n{ANALYSIS_END}"


@dataclass
class Results:
    repeats: int
    started: datetime.datetime
    load_before: tuple[float, float, float]
    machine: list[list[str]]
    minutes: float = 0.0
    load_after: tuple[float, float, float] = (0.0, 0.0, 0.0)
    sections: list[str] = field(default_factory=list)


def report(results: Results, output: Path | None) -> str:
    load = " / ".join(f"{value:.2f}" for value in results.load_before)
    load_after = " / ".join(f"{value:.2f}" for value in results.load_after)
    header = (
        "# Benchmarks of the site tooling\n\n"
        f"Measured by `scripts/benchmark.py` on {results.started:%Y-%m-%d %H:%M} UTC in {results.minutes:.1f} minutes; "
        f"every timing is the median of {results.repeats} run(s), each a fresh subprocess on a temporary copy of "
        "the project. Rerun with `make benchmark` "
        "(`.venv/bin/python -m scripts.benchmark --lighthouse --output BENCHMARKS.md`); `--quick` runs each "
        "measurement once. Everything between the analysis markers at the end is hand-written and kept on rerun; "
        "the rest is rewritten.\n\n"
        "## The machine\n\n"
        + table(["", ""], results.machine)
        + f"\n\nThe benchmark shares these {os.cpu_count()} cores with whatever else runs (load average 1/5/15 min: "
        f"{load} before, {load_after} after). A check or build is one Python process, so one core does the "
        "work; when the other core is busy too, wall times grow and CPU times (the child's own user + system "
        "seconds) much less: where the two differ a lot, the run waited for a core.\n"
    )
    return "\n".join([header, *results.sections, "## Analysis\n", kept_analysis(output)]) + "\n"


# --- The run --------------------------------------------------------------------------------------


def measure_languages(work: Path, real: Scenario, repeats: int) -> list[Scenario]:
    found = []
    for count in LANGUAGE_COUNTS:
        if count == real.languages:
            found.append(real)
            continue
        copy = languages_copy(work, count)
        found.append(measure_scenario(f"b. {count} language(s)", copy, repeats, work))
    return found


def measure_pages(work: Path, repeats: int) -> list[Scenario]:
    return [
        measure_scenario(f"c. {count} pages per language", pages_copy(work, count), repeats, work)
        for count in PAGE_COUNTS
    ]


@dataclass
class Options:
    quick: bool
    lighthouse: bool
    output: Path | None


def run_all(options: Options, work: Path) -> str:
    repeats = 1 if options.quick else 3
    results = Results(repeats, datetime.datetime.now(datetime.UTC), os.getloadavg(), machine())
    started = time.perf_counter()
    copy = real_copy(work)
    real = measure_scenario("a. the real project", copy, repeats, work)
    results.sections.append(section_a(real, repeats))
    languages = measure_languages(work, real, repeats)
    results.sections.append(section_b(languages, real))
    results.sections.append(section_c(measure_pages(work, repeats)))
    results.sections.append(
        section_d(measure_phases(copy, repeats, work), measure_template_walk(copy, repeats), repeats)
    )
    if options.lighthouse:
        results.sections.append(section_e(measure_lighthouse(copy, work)))
    results.sections.append(section_f(profile_check(copy, work), real.check.seconds))
    results.minutes = (time.perf_counter() - started) / 60
    results.load_after = os.getloadavg()
    return report(results, options.output)


@contextmanager
def work_folder() -> Iterator[Path]:
    """A temporary folder for the copies, sites and logs, removed at the end."""
    folder = Path(tempfile.mkdtemp(prefix="site-benchmark-"))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m scripts.benchmark", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="run each measurement once instead of three times")
    parser.add_argument("--lighthouse", action="store_true", help="also run Lighthouse on every language's home page")
    parser.add_argument("--output", type=Path, help="write the Markdown report here (default: stdout)")
    args = parser.parse_args(argv)
    options = Options(args.quick, args.lighthouse, args.output)
    try:
        with work_folder() as work:
            text = run_all(options, work)
    except BenchmarkError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    if options.output is None:
        print(text, end="")
    else:
        options.output.write_text(text, encoding="utf-8")
        progress(f"✓ report written to {options.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

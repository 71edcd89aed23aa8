"""The benchmark's command line: parses the options, runs every measurement in order and writes the report."""

from __future__ import annotations

import argparse
import datetime
import os
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from benchmarks.lighthouse import measure_lighthouse
from benchmarks.measuring import BenchmarkError, Scenario, measure_phases, measure_scenario, progress
from benchmarks.profile import measure_template_walk, profile_check
from benchmarks.reload import measure_reload
from benchmarks.report import (
    Results,
    machine,
    render,
    section_a,
    section_b,
    section_c,
    section_d,
    section_e,
    section_f,
    section_g,
    section_h,
    with_section,
)
from benchmarks.scenarios import GROWTH_LANGUAGES, LANGUAGE_COUNTS, PAGE_COUNTS, languages_copy, pages_copy, real_copy
from benchmarks.search_recall import measure_search_recall
from resource_site.processes import cores

USAGE = """\
Measures the speed of the site tooling and writes the figures to a Markdown report.

    PYTHONPATH=scripts .venv/bin/python -m benchmarks [--quick] [--lighthouse] [--output BENCHMARKS.md]

Everything runs on temporary copies of the project (the project itself is only read). Each
measurement is a fresh subprocess: wall time is time.perf_counter around it; peak memory
(maximum resident set size) and CPU time (user + system, which a busy machine does not
inflate the way it does wall time) come from /usr/bin/time, or without it from the child's
own getrusage at exit. Each timing is repeated three times (section a's pairs: five; c's largest
tree: one pair) and the median reported; --quick runs each once.

  a. the full check (`python -m resource_site check --jobs N`, N = 1, 2 and all cores) against a
     plain `mkdocs build`, interleaved (build, check, build, check…), ratios taken pair by pair;
  b. growth with languages: 1 (English), 11 (the real set) and 30 (19 copies of Spanish
     under other language codes: the check reports them, as expected, and is timed anyway);
  c. growth with pages: 30 languages, 10 and 100 pages per language (the check's time per page);
  d. where the check's time goes: its step lines on stderr, timestamped as they arrive;
  e. with --lighthouse: Lighthouse scores of each language's home page, served from
     127.0.0.1 (needs `npm ci` and the Chromium of resource_site.project.CHROMIUM);
  f. a cProfile run of the check in one process: which functions of scripts/resource_site cost most;
  g. search recall;
  h. the preview's reload: `serve`, then one page saved; how long until the served page shows it.

`--only dfgh` measures the named sections of the real project alone (any of d, f, g, h) and
puts them in place of their old text in the output file. Without --output the report goes to
stdout. An existing output file keeps its hand-written
analysis, the lines between `<!-- analysis:start -->` and `<!-- analysis:end -->`.
Exit codes: 0 done, 1 a measurement failed (or ran past its time limit), 2 bad usage.
"""


def measure_languages(work: Path, real: Scenario, repeats: int) -> list[Scenario]:
    found = []
    for count in LANGUAGE_COUNTS:
        if count == real.languages:
            found.append(real)
            continue
        copy = languages_copy(work, count)
        found.append(measure_scenario(f"b. {count} language(s)", copy, repeats, work, cores()))
    return found


def measure_pages(work: Path, small_pairs: int) -> list[Scenario]:
    """The smaller trees take `small_pairs` pairs each (seconds: the machine's drift is a larger share
    of them), the largest one pair (minutes)."""
    scenarios = []
    for count in PAGE_COUNTS:
        copy = pages_copy(work, GROWTH_LANGUAGES, count)
        pairs = 1 if count == PAGE_COUNTS[-1] else small_pairs
        scenarios.append(measure_scenario(f"c. {count} pages per language", copy, pairs, work, cores()))
        shutil.rmtree(copy, ignore_errors=True)
    return scenarios


HEADLINE_PAIRS = 5  # section a: build-check pairs per row (every other timing: 3 runs)


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
    jobs = sorted({1, 2, cores()})
    # The headline ratio: its pairs differ by up to a tenth on a shared machine, so it takes more of them.
    pairs = 1 if options.quick else HEADLINE_PAIRS
    by_jobs = [measure_scenario(f"a. the real project, {n} process(es)", copy, pairs, work, n) for n in jobs]
    results.sections.append(section_a(by_jobs, pairs, cores()))
    real = by_jobs[-1]
    languages = measure_languages(work, real, repeats)
    results.sections.append(section_b(languages, real))
    results.sections.append(section_c(measure_pages(work, repeats), real.languages))
    results.sections.append(
        section_d(measure_phases(copy, repeats, work), measure_template_walk(copy, repeats), repeats)
    )
    if options.lighthouse:
        results.sections.append(section_e(measure_lighthouse(copy, work)))
    results.sections.append(section_f(profile_check(copy, work), by_jobs[0].check.seconds))  # one process
    results.sections.append(section_g(measure_search_recall(copy, work)))
    results.sections.append(section_h(measure_reload(copy, work, edits=3 if options.quick else 7)))
    results.minutes = (time.perf_counter() - started) / 60
    results.load_after = os.getloadavg()
    return render(results, options.output)


def remeasured(report: str, sections: str, copy: Path, work: Path, repeats: int) -> str:
    """The report with the named sections measured again (those that need only the real project)."""
    unknown = set(sections) - set("dfgh")
    if unknown:
        raise BenchmarkError(f"--only takes sections d, f, g and h, not {', '.join(sorted(unknown))}")
    measured = {
        "d": lambda: section_d(measure_phases(copy, repeats, work), measure_template_walk(copy, repeats), repeats),
        "f": lambda: section_f(profile_check(copy, work), unprofiled_seconds(report)),
        "g": lambda: section_g(measure_search_recall(copy, work)),
        "h": lambda: section_h(measure_reload(copy, work, edits=7)),
    }
    for name in sorted(sections):
        section = measured[name]()
        heading = section.splitlines()[0]
        report = with_section(report, heading, section) if report else section
    return report


def unprofiled_seconds(report: str) -> float:
    """The one-process check's time in section a of an earlier report (f compares the profiled run with it)."""
    found = re.search(r"\| 1 \| [\d.]+ s \| (?P<check>[\d.]+) s \|", report)
    return float(found.group("check")) if found else 0.0


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
        prog="python -m benchmarks", description=USAGE, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="run each measurement once instead of three times")
    parser.add_argument("--lighthouse", action="store_true", help="also run Lighthouse on every language's home page")
    parser.add_argument("--output", type=Path, help="write the Markdown report here (default: stdout)")
    parser.add_argument("--only", default="", help="measure only these sections of the real project (any of dfgh)")
    args = parser.parse_args(argv)
    options = Options(args.quick, args.lighthouse, args.output)
    try:
        with work_folder() as work:
            if args.only:
                before = (
                    options.output.read_text(encoding="utf-8") if options.output and options.output.is_file() else ""
                )
                text = remeasured(before, args.only, real_copy(work), work, 1 if options.quick else 3)
            else:
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

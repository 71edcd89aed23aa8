"""Renders the measurements as BENCHMARKS.md, keeping the hand-written analysis of an existing report."""

from __future__ import annotations

import datetime
import os
import platform
import shutil
import statistics
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path
from urllib.parse import urlsplit

from benchmarks.lighthouse import CATEGORIES, CHROME_FLAGS, METRICS, LighthousePage, LighthouseRun
from benchmarks.measuring import GNU_TIME, QUERY_TIMEOUT, USAGE_FORMAT, Phases, Scenario, run_child
from benchmarks.profile import MKDOCS_CALLER, Profile, TemplateWalk
from benchmarks.reload import Reload
from benchmarks.scenarios import PAGE_TO_COPY, SYNTHETIC_LANGUAGES
from benchmarks.search_recall import Recall
from resource_site.project import CHROMIUM

ANALYSIS_START, ANALYSIS_END = "<!-- analysis:start -->", "<!-- analysis:end -->"


def table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    return "\n".join([*lines, *("| " + " | ".join(row) + " |" for row in rows)])


def seconds(value: float) -> str:
    return f"{value:.2f} s"


def ratio(value: float, base: float) -> str:
    return f"{value / base:.2f}×" if base else "–"


def version_of(program: str) -> str:
    return run_child([program, "--version"], timeout=QUERY_TIMEOUT).stdout.strip()


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
    chromium = version_of(str(CHROMIUM.path)) if CHROMIUM.path.is_file() else None
    node = version_of("node") if shutil.which("node") else None
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
        ["Node", node or "–"],
        ["Chromium", chromium or "–"],
        ["memory and CPU time from", f"/usr/bin/time -f '{USAGE_FORMAT}'" if GNU_TIME.is_file() else "getrusage"],
        ["PYTHONDONTWRITEBYTECODE", os.environ.get("PYTHONDONTWRITEBYTECODE") or "not set"],
    ]


def spread(values: list[float]) -> str:
    return f"{min(values):.2f}–{max(values):.2f}×"


def section_a(scenarios: list[Scenario], repeats: int, cores: int) -> str:
    rows = [
        [
            f"{item.jobs}" + (" (all cores)" if item.jobs == cores else ""),
            seconds(item.build.seconds),
            seconds(item.check.seconds),
            f"**{item.ratio:.2f}×**",
            spread(item.ratios),
            f"{seconds(item.build.cpu_seconds)} / {seconds(item.check.cpu_seconds)}",
            f"{item.build.peak_mib:.0f} / {item.check.peak_mib:.0f} MiB",
            ratio(item.check.peak_mib, item.build.peak_mib),
        ]
        for item in scenarios
    ]
    real = scenarios[-1]
    pairs = "; ".join(
        f"{item.jobs} process(es): "
        + ", ".join(f"{b.seconds:.2f}/{c.seconds:.2f}" for b, c in zip(item.build.runs, item.check.runs, strict=True))
        for item in scenarios
    )
    return (
        f"## a. Full check against a plain build\n\nThe real project ({real.languages} languages, {real.pages} pages, "
        "no handouts). Each row is measured on its own: a plain `mkdocs build` and the full check "
        f"(`resource_site check --jobs N`) one after the other, {repeats} time(s) (A B A B…); the ratio is the "
        "median of the pairs' ratios, with their smallest and largest. Times are medians; CPU time is user + system "
        "of all the run's processes; peak memory is the largest resident set of any one process.\n\n"
        + table(
            [
                "check processes",
                "plain build",
                "check",
                "check ÷ build",
                "min–max",
                "CPU: build / check",
                "peak memory: build / check",
                "memory ÷ build",
            ],
            rows,
        )
        + f"\n\nPairs (build/check seconds): {pairs}. The check's own timing of its build phase (the status "
        "and the source checks overlap it) "
        f"({real.jobs} processes): {seconds(real.check.inner_build_seconds)}. Findings: {real.check.findings}.\n"
    )


def growth_rows(scenarios: list[Scenario], base: Scenario) -> list[list[str]]:
    return [
        [
            str(item.languages),
            str(item.pages),
            seconds(item.build.seconds),
            seconds(item.check.seconds),
            f"{seconds(item.build.cpu_seconds)} / {seconds(item.check.cpu_seconds)}",
            f"{item.ratio:.2f}×",
            f"{1000 * item.check.seconds / item.pages:.0f} ms",
            ratio(item.check.seconds / item.pages, base.check.seconds / base.pages),
            f"{item.build.peak_mib:.0f} / {item.check.peak_mib:.0f} MiB",
            ratio(item.check.peak_mib, item.build.peak_mib),
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
    "check per page",
    "per page ÷ first row",
    "peak: build / check",
    "peak check ÷ build",
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


def synthetic_note(count: int, real_languages: int) -> str:
    added = SYNTHETIC_LANGUAGES[: max(0, count - real_languages)]
    return (
        f"{count} languages adds {len(added)} ({', '.join(added)}) whose pages and catalog are copies of Spanish; "
        "the check exits 1 with them: it reports every page and key point of the copies as Spanish under another "
        "`lang`, as it should, and its time is that of a full run all the same, with its findings written out."
    )


def section_b(scenarios: list[Scenario], real: Scenario) -> str:
    return (
        "## b. Growth with languages\n\n"
        f"{real.pages // real.languages} pages per language, the check in {real.jobs} processes. 1 language keeps "
        f"only English; {real.languages} is the real set; {synthetic_note(scenarios[-1].languages, real.languages)}"
        "\n\n"
        + table(GROWTH_HEADER, growth_rows(scenarios, scenarios[0]))
        + "\n\n"
        + marginal(scenarios, "language", lambda item: item.languages)
        + "\n"
    )


def section_c(scenarios: list[Scenario], real_languages: int) -> str:
    first, last = scenarios[0], scenarios[-1]
    per_page = [item.check.seconds / item.pages for item in scenarios]
    change = 100 * (per_page[-1] / per_page[0] - 1)
    return (
        "## c. Growth with pages\n\n"
        f"A synthetic tree of {first.languages} languages, grown "
        f"from {first.pages // first.languages} to {last.pages // last.languages} pages per language with copies of "
        f"each language's `{PAGE_TO_COPY}` (the one page without key points) under new names, added to `nav`; the "
        f"check in {first.jobs} processes; {pairs_note(scenarios)} "
        f"{synthetic_note(first.languages, real_languages)}\n\n"
        + table(GROWTH_HEADER, growth_rows(scenarios, scenarios[0]))
        + f"\n\nThe check's time per page changes by {change:+.0f} % from the first row to the last (the target: "
        "within ±20 %); the plain build's by "
        f"{100 * ((last.build.seconds / last.pages) / (first.build.seconds / first.pages) - 1):+.0f} %.\n"
    )


def pairs_note(scenarios: list[Scenario]) -> str:
    """How many build-check pairs each row of c took, and the scatter of the first row's."""
    counts = [len(item.check.runs) for item in scenarios]
    if len(set(counts)) == 1 and counts[0] == 1:
        return "each row is one build-check pair (the largest takes minutes)."
    first = scenarios[0]
    per_page = [1000 * run.seconds / first.pages for run in first.check.runs]
    return (
        f"each row is the median of its pairs ({', '.join(map(str, counts))}; the largest takes minutes, so it "
        f"has one); the first row's check per page ranged {min(per_page):.0f}–{max(per_page):.0f} ms."
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
        f"## d. Where the check's time goes\n\nThe real project, the check in one process (`--jobs 1`), so that "
        "each step's time is its own (with more processes the source checks run while the languages build, "
        f"and the steps overlap); each step from its `▸` line on stderr to the next, median of {repeats} runs "
        f"(total {seconds(phases.total)}).\n\n"
        + table(["step", "wall time", "share"], rows)
        + f"\n\nChecks before the build: {seconds(before)}; the build: {seconds(build_seconds)}; "
        f"checks after the build (and finishing): {seconds(after)}.\n\n"
        "The catalog check extracts strings with Babel from the folders `babel.cfg` names, and walks no other: "
        f"in place (a project of {walk.files_in_place} files, with `node_modules/` and `site/`) it takes "
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
        if cost.function != MKDOCS_CALLER
    ][:limit]
    total = profile.profiled_seconds
    rest = total - profile.mkdocs_seconds - profile.ours_seconds

    def share(value: float) -> str:
        return f"{seconds(value)} ({100 * value / total:.0f} %)"

    return (
        "## f. Profile of the check: our code against MkDocs\n\n"
        f"One run of the real project's check under cProfile: {seconds(profile.wall_seconds)}, "
        f"{ratio(profile.wall_seconds, unprofiled)} the {seconds(unprofiled)} of a's one-process check. The "
        "profiler slows every Python call, ours and the libraries' alike, so read these figures as shares. "
        f"Of {seconds(total)} profiled: MkDocs, Material and static-i18n (under `{MKDOCS_CALLER}`, our hooks taken "
        f"out) {share(profile.mkdocs_seconds)}; our code in scripts/ {share(profile.ours_seconds)}, of which "
        f"the MkDocs hooks and what they call {seconds(profile.hooks_seconds)}; the rest (interpreter, runpy) "
        f"{share(rest)}.\n\n"
        "*Own*: the function's own lines and the library code it calls, our other functions below it left out "
        "(as gprof does it: library time goes up to its callers in proportion to the time each spent calling "
        "it). *Inclusive*: everything below it. A `<module>` row is the module's import, mostly of the "
        "libraries it imports.\n\n" + table(["function (scripts/)", "where", "calls", "own", "inclusive"], rows) + "\n"
    )


def section_h(reload: Reload) -> str:
    times = list(reload.seconds)
    return (
        "## h. The preview's reload\n\n"
        f"`resource_site serve` on the real project: the whole site built at start in {seconds(reload.start_seconds)} "
        f"(to the first page served); then {len(times)} saves of `{reload.page}`, each with a new line, and the "
        "served page read every 20 ms until it shows the line. Only Spanish is built again after each save.\n\n"
        + table(
            ["saves", "median", "min", "max", "each"],
            [
                [
                    str(len(times)),
                    seconds(statistics.median(times)),
                    seconds(min(times)),
                    seconds(max(times)),
                    ", ".join(f"{value:.2f}" for value in times),
                ]
            ],
        )
        + "\n\nThe wait includes the server's look for changed files (every 0.2 s) and its 0.1 s pause for "
        "more changes before it builds.\n"
    )


RECALL_HEADING = "## g. Search recall"


def section_g(recalls: list[Recall]) -> str:
    rows = [
        [
            recall.code,
            str(recall.queries),
            f"{recall.found_without} ({100 * recall.found_without / recall.queries:.0f}%)",
            f"{recall.found_with} ({100 * recall.found_with / recall.queries:.0f}%)",
            f"{recall.index_kb_without:.1f}",
            f"{recall.index_kb_with:.1f} ({100 * (recall.index_kb_with / recall.index_kb_without - 1):+.0f}%)",
        ]
        for recall in recalls
    ]
    return (
        f"{RECALL_HEADING}\n\n"
        "Of a fixed list of queries, one word per key point per language as a reader may type it "
        "(`tests/browser/search_recall_queries.py`: without accents, without the Arabic article, a Korean "
        "noun without its particle), how many find their key point's page, typed into Material's search "
        "box in Chromium. *Without*: the same built site with the field of forms a reader types "
        "(`plugin/search_forms.py`) taken out of each search index. Index sizes are gzip-compressed. "
        f"Measured {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC.\n\n"
        + table(["language", "queries", "found without", "found with", "index KB without", "index KB with"], rows)
        + "\n"
    )


def with_section(report: str, heading: str, section: str) -> str:
    """The report with the section under `heading` replaced, or added before the analysis."""
    if heading in report:
        start = report.index(heading)
        end = report.find("\n## ", start + len(heading))
        return report[:start] + section.rstrip("\n") + "\n" + (report[end:] if end >= 0 else "")
    analysis = report.index("## Analysis") if "## Analysis" in report else len(report)
    return report[:analysis] + section + "\n" + report[analysis:]


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


def render(results: Results, output: Path | None) -> str:
    load = " / ".join(f"{value:.2f}" for value in results.load_before)
    load_after = " / ".join(f"{value:.2f}" for value in results.load_after)
    header = (
        "# Benchmarks of the site tooling\n\n"
        f"Measured by `scripts/benchmarks/` on {results.started:%Y-%m-%d %H:%M} UTC in {results.minutes:.1f} minutes; "
        f"every timing is the median of {results.repeats} run(s) (section a: of its pairs, counted there), each a "
        "fresh subprocess on a temporary copy of "
        "the project. Rerun with `make benchmark` "
        "(`PYTHONPATH=scripts .venv/bin/python -m benchmarks --lighthouse --output BENCHMARKS.md`); "
        "`--quick` runs each measurement once. Everything between the analysis markers at the end is hand-written "
        "and kept on rerun; the rest is rewritten.\n\n"
        "## The machine\n\n"
        + table(["", ""], results.machine)
        + f"\n\nThe benchmark shares these {os.cpu_count()} cores with whatever else runs (load average 1/5/15 min: "
        f"{load} before, {load_after} after). A plain `mkdocs build` is one Python process on one core; the check "
        "builds and checks its languages in as many processes as it is given (`--jobs`, all cores by default). "
        "When something else runs, wall times grow and CPU times (user + system seconds) much less: where "
        "the two differ a lot, a run waited for a core.\n"
    )
    return "\n".join([header, *results.sections, "## Analysis\n", kept_analysis(output)]) + "\n"

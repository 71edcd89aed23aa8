"""Runs Lighthouse on each language's home page of a build served from 127.0.0.1 and reads its scores."""

from __future__ import annotations

import json
import os
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from benchmarks.measuring import BUILD_TIMEOUT, BenchmarkError, child_env, cli_command, progress, run_child
from benchmarks.scenarios import ROOT
from resource_site.output.local_server import serve
from resource_site.project import CHROMIUM, Project

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
LIGHTHOUSE_TIMEOUT = 600.0  # one page
CHROME_FLAGS = " ".join(CHROMIUM.args)
CATEGORIES = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
METRICS = ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift")


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
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            headers = response.headers
    except OSError as error:
        raise BenchmarkError(f"the local server did not answer {url}: {error}") from error
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
    completed = run_child(command, timeout=LIGHTHOUSE_TIMEOUT, env={**os.environ, "CHROME_PATH": str(CHROMIUM.path)})
    seconds = time.perf_counter() - started
    if completed.returncode != 0 or not report.is_file():
        raise BenchmarkError(f"Lighthouse failed on {url} (exit {completed.returncode}):\n{completed.stderr[-2000:]}")
    return seconds


def measure_lighthouse(copy: Path, work: Path) -> LighthouseRun:
    if not LIGHTHOUSE.is_file():
        raise BenchmarkError(f"{LIGHTHOUSE} is missing: run `npm ci` first")
    if not CHROMIUM.path.is_file():
        raise BenchmarkError(f"{CHROMIUM.path} is missing: install Debian's chromium")
    progress("▸ e. Lighthouse on each language's home page")
    site = work / "lighthouse-site"
    pages, report, headers = [], {}, ""
    with serve(site) as address:
        build = cli_command(copy, "build", "--site-dir", str(site), "--site-url", address + "/")
        completed = run_child(build, timeout=BUILD_TIMEOUT, cwd=copy, env=child_env(copy))
        if completed.returncode != 0:
            raise BenchmarkError(
                f"the build for Lighthouse failed:\n{completed.stdout[-2000:]}{completed.stderr[-2000:]}"
            )
        headers = served_with(f"{address}/")
        for language in Project(copy).built_languages:
            url = f"{address}/{language.prefix}"
            path = work / f"lighthouse-{language.code}.json"
            page, report = read_lighthouse(language.code, url, path, run_lighthouse(url, path))
            pages.append(page)
            progress(f"  {language.code}: " + ", ".join(f"{name} {score}" for name, score in page.scores.items()))
    settings = report["configSettings"]
    return LighthouseRun(
        pages,
        {key: settings.get(key) for key in ("formFactor", "throttlingMethod", "throttling", "screenEmulation")},
        report["lighthouseVersion"],
        headers,
        float(report["environment"]["benchmarkIndex"]),
    )

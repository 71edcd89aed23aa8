"""Runs the real MkDocs build of every language in this process, turning its warnings into findings.

`--strict` would stop at the first failing language; here every language is built and every
warning is collected, so one run reports all of them. A crash of our own plugin is reported as
the plugin's, with its traceback kept for the JSON report.
"""

from __future__ import annotations

import logging
import re
import sys
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.commands.build import build

from resource_site.findings import Finding, finding, line_of
from resource_site.project import PLUGIN_NAME, Project

DOC_FILE = re.compile(r"Doc file '(?P<path>[^']+)'|'(?P<page>[^']+\.md)'")
PACKAGE = Path(__file__).resolve().parents[1]
PLUGIN = PACKAGE / "plugin"
OUR_LOGGERS = "mkdocs.plugins.resource_site"  # a missing catalog is reported by the catalog check


@dataclass(frozen=True)
class BuildOptions:
    handouts: bool = False  # link each language's handout PDF (printed after the build)
    offline_archive: bool = False  # link the offline archive (zipped after the build)
    offline_copy: bool = False  # this build is the offline archive's copy (Material's offline plugin)


@dataclass
class BuildResult:
    finished: bool
    findings: list[Finding] = field(default_factory=list)
    crash: str = ""  # the traceback of a crash inside our plugin, for the JSON report


class _Collector(logging.Handler):
    """Keeps warnings as findings and shows build progress, one line per language."""

    def __init__(self, project: Project) -> None:
        super().__init__(logging.INFO)
        self.project = project
        self.findings: list[Finding] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if record.name.startswith(OUR_LOGGERS):
            return
        if record.levelno >= logging.WARNING:
            self.findings.append(self._as_finding(message))
        elif record.name.startswith("mkdocs.plugins.mkdocs_static_i18n") and "Building '" in message:
            code = message.split("Building '")[1].split("'")[0]
            print(f"  building {code}…", file=sys.stderr, flush=True)

    def _as_finding(self, message: str) -> Finding:
        match = DOC_FILE.search(message)
        if match:
            relative = match.group("path") or match.group("page")
            path = self.project.docs_dir / relative
            quoted = re.findall(r"'([^']+)'", message)
            line = line_of(path, quoted[1]) if len(quoted) > 1 else 1
            return finding(self.project.relative(path), line, message, "fix the cause MkDocs names here", "build")
        return finding("mkdocs.yml", 1, message, "fix the configuration or file MkDocs names", "build")


@contextmanager
def collected(project: Project) -> Iterator[_Collector]:
    """MkDocs' log goes to a collector for the length of one build, then back as it was."""
    collector = _Collector(project)
    logger = logging.getLogger("mkdocs")
    propagate, level = logger.propagate, logger.level
    logger.addHandler(collector)
    logger.propagate = False
    logger.setLevel(logging.INFO)
    try:
        yield collector
    finally:
        logger.removeHandler(collector)
        logger.propagate, logger.level = propagate, level


def build_site(project: Project, site_dir: Path, options: BuildOptions) -> BuildResult:
    """Build every language into `site_dir`; say whether it finished and what went wrong."""
    with collected(project) as collector:
        result = BuildResult(finished=False, findings=collector.findings)
        try:
            config = project.load_config(site_dir)
            plugin = config.plugins[PLUGIN_NAME].config
            plugin.handouts, plugin.offline_archive = options.handouts, options.offline_archive
            offline = config.plugins.get("material/offline")
            if offline is not None:
                offline.config.enabled = options.offline_copy
            build(config)
            result.finished = True
            result.findings.extend(config.plugins[PLUGIN_NAME].findings)  # what only the rendered pages show
        except Exception as error:  # never a bare traceback for the reader
            if _raised_in_our_code(error):
                result.findings.append(_plugin_crash(error, result))
            else:
                result.findings.append(
                    finding(
                        "mkdocs.yml",
                        1,
                        f"the build stopped: {error}",
                        "fix the cause named here, then run `make check` again",
                        "build",
                    )
                )
        return result


def _raised_in_our_code(error: BaseException) -> bool:
    """Whether the error came out of our plugin (its hooks, or our code they call)."""
    return any(Path(frame.filename).is_relative_to(PLUGIN) for frame in traceback.extract_tb(error.__traceback__))


def _plugin_crash(error: BaseException, result: BuildResult) -> Finding:
    """A crash as a finding at the innermost line of our package it passed through."""
    result.crash = "".join(traceback.format_exception(error))
    frames = traceback.extract_tb(error.__traceback__)
    ours = [frame for frame in frames if Path(frame.filename).is_relative_to(PACKAGE) and frame.filename != __file__]
    where = Path(ours[-1].filename).relative_to(PACKAGE.parent).as_posix()
    return finding(
        where,
        ours[-1].lineno or 1,
        f"the site's plugin failed: {type(error).__name__}: {error}",
        "this is a bug in the tooling, not in your pages: report it with build/check-report.json (it holds the "
        "traceback)",
        "plugin",
    )

"""Runs the real MkDocs build of every language, turning its warnings into findings.

`--strict` would stop at the first failing language; here every language is built and
every warning is collected, so one run reports all of them.
"""

from __future__ import annotations

import logging
import re
import sys
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.exceptions import MkDocsException

from scripts.findings import Finding, finding, line_of
from scripts.project import Project

DOC_FILE = re.compile(r"Doc file '(?P<path>[^']+)'|'(?P<page>[^']+\.md)'")


class _Collector(logging.Handler):
    """Keeps warnings as findings and shows build progress, one line per language."""

    def __init__(self, project: Project) -> None:
        super().__init__(logging.INFO)
        self.project = project
        self.findings: list[Finding] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if record.name == "mkdocs.hooks.site":
            return  # our hook's warnings (a missing catalog) are reported by the catalog check
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


def build_site(project: Project, site_dir: Path) -> tuple[bool, list[Finding]]:
    """Build every language into `site_dir`; return whether it finished and what went wrong."""
    collector = _Collector(project)
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collector)
    logger.propagate = False
    try:
        config = project.load_config(site_dir)
        build(config)
        return True, collector.findings
    except (MkDocsException, OSError, ValueError, KeyError) as error:
        collector.findings.append(
            finding(
                "mkdocs.yml",
                1,
                f"the build stopped: {error}",
                "fix the cause named here, then run `make check` again",
                "build",
            )
        )
        return False, collector.findings
    finally:
        logger.removeHandler(collector)

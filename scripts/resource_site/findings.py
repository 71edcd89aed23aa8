"""A finding is one problem a person must fix, told as `path:line: what is wrong — how to fix it`."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

# The JSON report's key for the findings of languages not yet on the site (they do not stop
# publishing; `resource-site report` makes them warnings).
NOT_YET_ON_SITE = "not_yet_on_site_findings"


@dataclass(frozen=True, order=True)
class Finding:
    path: str
    line: int
    problem: str
    fix: str
    check: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.problem} — {self.fix}"


def finding(path: Path | str, line: int, problem: str, fix: str, check: str) -> Finding:
    return Finding(str(path), max(line, 1), problem, fix, check)


def line_of(path: Path, needle: str, default: int = 1) -> int:
    """The first line of `path` that contains `needle`, for pointing a finding at its cause."""
    try:
        for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if needle in text:
                return number
    except (OSError, UnicodeDecodeError):
        pass
    return default


def write_json_report(findings: Iterable[Finding], extra: dict[str, object], target: Path) -> None:
    """Write the report whole: a run beside this one reads the old report or the new, never half."""
    target.parent.mkdir(parents=True, exist_ok=True)
    report = {"findings": [asdict(f) for f in sorted(set(findings))], **extra}
    partial = target.with_name(f".{target.name}.{os.getpid()}")
    partial.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    partial.replace(target)

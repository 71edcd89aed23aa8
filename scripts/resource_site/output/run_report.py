"""What a run left in its JSON report, told to GitHub: a job summary in Markdown, and one
workflow command per finding, which GitHub shows on the finding's line of a pull request.

    resource-site report [--json REPORT] [--site-dir DIR]   the job summary
    resource-site report --annotations                       ::error file=…,line=…::… lines
"""

from __future__ import annotations

import json
from pathlib import Path

from resource_site.project import GENERATED, Project

SHOWN_FINDINGS = 50  # the summary lists this many; the annotations carry every one


def read_report(path: Path) -> dict[str, object]:
    return json.loads(path.read_text(encoding="utf-8"))


def annotations(report: dict[str, object]) -> list[str]:
    """`::error file=docs/es/index.md,line=12,title=keypoints::…` for each finding."""
    lines = []
    for item in report.get("findings", []):
        assert isinstance(item, dict)
        where = f"file={_property(item['path'])},line={item['line']},title={_property(item['check'])}"
        lines.append(f"::error {where}::{_message(item['problem'] + ' — ' + item['fix'])}")
    return lines


def _message(text: str) -> str:
    """GitHub's escaping of a workflow command's message."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    """… and of a property's value, which also may not hold ':' or ','."""
    return _message(text).replace(":", "%3A").replace(",", "%2C")


def job_summary(project: Project, report: dict[str, object], site_dir: Path) -> str:
    findings = [item for item in report.get("findings", []) if isinstance(item, dict)]
    languages = [str(code) for code in report.get("languages", [])]  # type: ignore[union-attr]
    verdict = f"✗ {len(findings)} finding(s): nothing is published" if findings else "✓ every check passed"
    rows = [
        ("Languages built", f"{len(languages)}: {', '.join(languages)}" if languages else "none"),
        ("Key points", str(report.get("keypoints", 0))),
        ("Build time", f"{report.get('build_seconds', 0)} s"),
    ]
    if site_dir.is_dir() and not findings:
        files = [path for path in site_dir.rglob("*") if path.is_file()]
        rows.append(("Site", f"{_size(sum(path.stat().st_size for path in files))} in {len(files)} files"))
        handouts = [
            (code, site_dir / language.prefix / GENERATED.handout_pdf)
            for code in languages
            if (language := project.language(code)) is not None
        ]
        printed = [(code, path.stat().st_size) for code, path in handouts if path.is_file()]
        rows.append(("Handouts", ", ".join(f"{code} {_size(size)}" for code, size in printed) or "not printed"))
        archive = site_dir / GENERATED.offline_archive
        rows.append(("Offline archive", _size(archive.stat().st_size) if archive.is_file() else "not made"))
    lines = [f"## {project.config.site_name}: {verdict}", "", "| | |", "|---|---|"]
    lines += [f"| {name} | {value} |" for name, value in rows]
    if findings:
        lines += ["", f"### Findings ({min(len(findings), SHOWN_FINDINGS)} of {len(findings)})", ""]
        lines += [
            f"- `{item['path']}:{item['line']}` {item['problem']} — {item['fix']}" for item in findings[:SHOWN_FINDINGS]
        ]
        lines += ["", "Each finding is also marked on its line in the pull request's **Files changed** tab."]
    return "\n".join(lines) + "\n"


def _size(size: int) -> str:
    return f"{size / 1024:,.0f} KB" if size < 1024 * 1024 else f"{size / 1024 / 1024:,.1f} MB"

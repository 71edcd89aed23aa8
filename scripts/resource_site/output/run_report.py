"""What a run left in its JSON report, told to GitHub: a job summary in Markdown, and one
workflow command per finding, which GitHub shows on the finding's line of a pull request.

    resource-site report [--json REPORT] [--site-dir DIR]   the job summary
    resource-site report --annotations                       ::error file=…,line=…::… lines
"""

from __future__ import annotations

import json
import subprocess
from collections import Counter
from pathlib import Path

from resource_site.findings import NOT_YET_ON_SITE
from resource_site.project import GENERATED, Project
from resource_site.translation.reports import cell
from resource_site.translation.status import LanguageStatus, read_status

SHOWN_FINDINGS = 50  # the summary lists this many; the annotations carry every one
ANNOTATIONS_SHOWN = 10  # GitHub marks this many errors, and as many warnings, per step


def read_report(path: Path) -> dict[str, object]:
    return json.loads(path.read_text(encoding="utf-8"))


def annotations(report: dict[str, object], changed: set[str] | None = None) -> list[str]:
    """`::error file=docs/es/index.md,line=12,title=keypoints::…` for a finding; one in a language
    not yet on the site is a warning, titled so (it does not stop publishing). GitHub shows at
    most ANNOTATIONS_SHOWN of each kind: those in the `changed` files come first, and a notice
    counts the rest (every finding is in the job summary and the log)."""
    errors = [(item, "error", item["check"]) for item in _findings(report)]
    warnings = [
        (item, "warning", f"{item['check']} ({item['language']}, not yet on the site)")
        for item in _findings(report, NOT_YET_ON_SITE)
    ]
    lines, left_out = [], 0
    for kind in (errors, warnings):
        kind.sort(key=lambda entry: entry[0]["path"] not in (changed or set()))  # stable: the report's order
        for item, level, title in kind[:ANNOTATIONS_SHOWN]:
            where = f"file={_property(item['path'])},line={item['line']},title={_property(title)}"
            lines.append(f"::{level} {where}::{_message(item['problem'] + ' — ' + item['fix'])}")
        left_out += len(kind[ANNOTATIONS_SHOWN:])
    if left_out:
        lines.append(
            f"::notice title=More findings::{left_out} more finding(s) are not marked on their lines (GitHub marks "
            f"{ANNOTATIONS_SHOWN} of each kind): every finding is in this run's summary and in the log above"
        )
    return lines


def changed_files(project: Project, since: str | None) -> set[str]:
    """The files changed since `since` (a commit, like a pull request's base), as findings name
    them; none without `since`, or when git cannot tell."""
    if not since:
        return set()
    try:
        names = subprocess.run(
            ["git", "diff", "--name-only", f"{since}...HEAD"],
            cwd=project.root,
            capture_output=True,
            text=True,
            check=True,
            timeout=30,
        ).stdout
    except (OSError, subprocess.CalledProcessError, subprocess.TimeoutExpired):
        return set()
    return set(names.split("\n")) - {""}


def _findings(report: dict[str, object], key: str = "findings") -> list[dict[str, str]]:
    found = report.get(key, [])
    return [item for item in found if isinstance(item, dict)] if isinstance(found, list) else []


def _message(text: str) -> str:
    """GitHub's escaping of a workflow command's message."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    """… and of a property's value, which also may not hold ':' or ','."""
    return _message(text).replace(":", "%3A").replace(",", "%2C")


def job_summary(
    project: Project, report: dict[str, object], site_dir: Path, preview_artifact: str | None = None
) -> str:
    """The run in Markdown; `preview_artifact` names the artifact the run uploads build/preview
    as (pull requests), and the summary then says how to open it."""
    findings = _findings(report)
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
    lines += language_table(project, report)
    if preview_artifact and (project.build_dir / "preview").is_dir():
        drafts = project.draft_codes
        opens = f"{drafts[0]}/index.html" if drafts else "index.html"
        lines += [
            "",
            "### Preview" + (", with the languages not yet on the site" if drafts else ""),
            "",
            f"Download **{preview_artifact}** under *Artifacts* at the bottom of this run's **Summary** page, "
            f"unzip it, and open `{opens}` (or any language's `index.html`) in your browser. Nothing needs installing.",
        ]
    return "\n".join(lines) + "\n"


def language_table(project: Project, report: dict[str, object]) -> list[str]:
    """Each language as a translator needs it: what is done, what changed in English, its
    findings, and the next thing to do."""
    statuses = read_status(project.translation_status_file)
    if not statuses:
        return []
    counts = Counter(project.language_of(item["path"], int(item["line"]), project.codes) for item in _findings(report))
    counts.update(item["language"] for item in _findings(report, NOT_YET_ON_SITE))
    lines = [
        "",
        "### Languages",
        "",
        "| Language | On the site | Pages | Key points | Terms confirmed | Interface strings | Stale pages | "
        "Findings | Next |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for s in statuses:
        confirmed = sum(1 for term in s.terms if term.confirmed)
        lines.append(
            f"| {cell(s.name)} (`{s.code}`) | {'yes' if s.built else 'not yet'} | "
            f"{len(s.pages_translated)}/{s.pages_total} | {len(s.keypoints_covered)}/{s.keypoints_total} | "
            f"{confirmed}/{len(s.terms)} | {s.strings_translated}/{s.strings_total} | {len(s.stale_pages)} | "
            f"{counts[s.code]} | {next_step(s, counts[s.code])} |"
        )
    return lines


def next_step(s: LanguageStatus, findings: int) -> str:
    """The first thing to do for a language, in the order that gets it on the site soonest."""
    if s.source:
        return f"fix its {findings} finding(s)" if findings else "nothing: the other languages follow it"
    untranslated = len(s.pages_missing) + len(s.pages_in_english)
    steps = [
        (untranslated, f"translate {untranslated} page(s) in docs/{s.code}/"),
        (findings, f"fix the {findings} finding(s) marked on their lines"),
        (len(s.keypoints_missing), f"add {len(s.keypoints_missing)} missing key point(s)"),
        (s.site_name_missing, "add the site's name (`site_name:` in mkdocs.yml)"),
        (
            s.strings_total - s.strings_translated,
            f"translate {s.strings_total - s.strings_translated} "
            f"interface string(s) in locales/{s.code}/LC_MESSAGES/messages.po",
        ),
        (len(s.stale_pages), f"update {len(s.stale_pages)} page(s) whose English changed (`make status DIFF=1`)"),
        (not s.built, f"put it on the site: `make publish-language CODE={s.code}`"),
        (
            s.terms_unconfirmed,
            f"a fluent reviewer confirms {len(s.terms_unconfirmed)} term(s) in locales/{s.code}/terms.yml",
        ),
        (s.pages_total - len(s.pages_reviewed), "a fluent reviewer reviews its pages (`make review`)"),
    ]
    return next((text for pending, text in steps if pending), "nothing: it is complete and reviewed")


def _size(size: int) -> str:
    return f"{size / 1024:,.0f} KB" if size < 1024 * 1024 else f"{size / 1024 / 1024:,.1f} MB"

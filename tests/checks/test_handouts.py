"""The handout check reads each PDF back and names a key point that is not in it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from resource_site.checks.handouts import check_handouts
from resource_site.checks.registry import check_registry
from tests.conftest import ServedBuild
from tests.real_site import PROJECT

pytestmark = pytest.mark.browser  # Chromium prints the handouts it reads


def test_handout_check_reads_the_pdf_and_catches_a_missing_key_point(real_build: ServedBuild, tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(real_build.site_dir, site)
    project = PROJECT
    assert check_handouts(project, site) == []
    shutil.copy(site / "handout.pdf", site / "es" / "handout.pdf")  # English where Spanish belongs
    findings = [str(f) for f in check_handouts(project, site)]
    assert len(findings) == len(check_registry(PROJECT)[0])
    assert (
        "site/es/handout.pdf:1: key point kp-school-free ('Gratis para las familias') is not in the handout — "
        "check the handout page prints every key point" in findings
    )

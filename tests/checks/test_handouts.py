"""The handout check reads each PDF back and names a key point that is not in it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from playwright.sync_api import Browser
from pypdf import PdfReader

from resource_site.checks.handouts import check_handouts, printed_text
from resource_site.checks.registry import check_registry
from tests.conftest import ServedBuild, Site
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


def test_handout_check_catches_printed_text_that_is_not_the_source(
    real_build: ServedBuild, tmp_path: Path, browser: Browser
) -> None:
    """A handout whose key point says something else than its page (as a script rewriting it
    would make) is a finding, though every heading is there."""
    site = tmp_path / "site"
    shutil.copytree(real_build.site_dir, site)
    page = browser.new_page(java_script_enabled=False)
    page.goto((site / "es" / "handout" / "index.html").as_uri())
    page.locator("#gratis-para-las-familias + p").evaluate("p => { p.textContent = 'Las familias pagan todo.' }")
    (site / "es" / "handout.pdf").write_bytes(page.pdf(outline=True, tagged=True))
    page.close()
    assert [str(f) for f in check_handouts(PROJECT, site)] == [
        "site/es/handout.pdf:1: key point kp-school-free is printed with other text than its source — "
        "print the handout from the built site (`make build HANDOUTS=1`) without changing it"
    ]


def test_a_script_cannot_change_the_printed_handout(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    """The handout is printed with JavaScript off: a script that rewrites key points reaches
    the screen at most (where the CSP allows only our files), never the paper."""
    site.edit(
        "overrides/assets/javascripts/site.js",
        '"use strict";',
        '"use strict";\ndocument.querySelectorAll(".keypoint p").forEach((p) => { p.textContent = "Reescrito."; });',
    )
    assert site.run(capsys, "build", "--handouts").code == 0
    printed = printed_text(PdfReader(site.path("site/es/handout.pdf")))
    assert "Reescrito" not in printed
    assert "Lasfamiliasnopaganporlaterapia" in printed

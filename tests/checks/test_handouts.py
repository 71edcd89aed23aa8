"""The handout check reads each PDF back and names a key point that is not in it, a key point
printed with other text than its source (in every script, right to left too), and characters
printed without a glyph."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from resource_site.checks.handouts import check_handouts, letters, pdf_text
from resource_site.checks.registry import check_registry
from resource_site.project import CHROMIUM
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


def reprinted(real_build: ServedBuild, tmp_path: Path, browser: Browser, prefix: str, change: str = "") -> Path:
    """A copy of the real site whose handout in `prefix` is printed again by `browser`, after the
    script `change` (run by the test, not the page: JavaScript stays off) edited the page."""
    site = tmp_path / "site"
    shutil.copytree(real_build.site_dir, site)
    page = browser.new_page(java_script_enabled=False)
    page.goto((site / prefix / "handout" / "index.html").as_uri())
    if change:
        page.locator("article").evaluate(change)
    (site / prefix / "handout.pdf").write_bytes(page.pdf(outline=True, tagged=True))
    page.close()
    return site


def other_text(prefix: str, keypoint: str) -> str:
    return (
        f"site/{prefix}handout.pdf:1: key point {keypoint} is printed with other text than its source — "
        "print the handout from the built site (`make build HANDOUTS=1`) without changing it"
    )


@pytest.mark.parametrize("prefix", ["es/", "ar/", "ur/", "bn/", "zh/"])
def test_handout_check_catches_printed_text_that_is_not_the_source(
    real_build: ServedBuild, tmp_path: Path, browser: Browser, prefix: str
) -> None:
    """A handout whose first key point says what the second says (as a script rewriting it
    would make) is a finding, though every heading is there: the text is read in every script."""
    first_says_second = "a => { const ps = a.querySelectorAll('.keypoint p'); ps[0].textContent = ps[1].textContent; }"
    site = reprinted(real_build, tmp_path, browser, prefix, first_says_second)
    assert [str(f) for f in check_handouts(PROJECT, site)] == [other_text(prefix, "kp-different-purposes")]


def test_a_latin_word_changed_in_right_to_left_text_is_caught(
    real_build: ServedBuild, tmp_path: Path, browser: Browser
) -> None:
    idea_to_ada = (
        "a => { const p = [...a.querySelectorAll('.keypoint p')].find((p) => p.textContent.includes('IDEA'));"
        " p.innerHTML = p.innerHTML.replaceAll('IDEA', 'ADA'); }"
    )
    site = reprinted(real_build, tmp_path, browser, "ar/", idea_to_ada)
    assert [str(f) for f in check_handouts(PROJECT, site)] == [other_text("ar/", "kp-school-law")]


@pytest.fixture
def chromium_without_bengali_fonts(tmp_path: Path, browser: Browser) -> Iterator[Browser]:
    """Chromium whose fontconfig knows only the Liberation fonts (Latin): a real configuration."""
    config = tmp_path / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?><fontconfig><dir>/usr/share/fonts/truetype/liberation</dir>'
        f"<cachedir>{tmp_path}</cachedir></fontconfig>\n"
    )
    launched = browser.browser_type.launch(
        executable_path=str(CHROMIUM.path), args=list(CHROMIUM.args), env={**os.environ, "FONTCONFIG_FILE": str(config)}
    )
    yield launched
    launched.close()


def test_a_handout_printed_without_its_script_s_glyphs_is_a_finding(
    real_build: ServedBuild, tmp_path: Path, chromium_without_bengali_fonts: Browser
) -> None:
    site = reprinted(real_build, tmp_path, chromium_without_bengali_fonts, "bn/")
    findings = [str(f) for f in check_handouts(PROJECT, site)]
    empty_boxes = [f for f in findings if "characters without a glyph (empty boxes)" in f]
    assert empty_boxes and all(f.startswith("site/bn/handout.pdf:1: page ") for f in empty_boxes), findings
    assert empty_boxes[0].endswith(
        "— install the fonts of the language's script (`make check` names the package), then build again"
    )
    assert all(f.startswith("site/bn/") for f in findings)


def test_a_script_cannot_change_the_printed_handout(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    """The handout is printed with JavaScript off: a script that rewrites key points reaches
    the screen at most (where the CSP allows only our files), never the paper."""
    site.edit(
        "overrides/assets/javascripts/site.js",
        '"use strict";',
        '"use strict";\ndocument.querySelectorAll(".keypoint p").forEach((p) => { p.textContent = "Reescrito."; });',
    )
    assert site.run(capsys, "build", "--handouts").code == 0
    printed = letters(pdf_text(site.path("site/es/handout.pdf")))
    assert "Reescrito" not in printed
    assert "Lasfamiliasnopaganporlaterapia" in printed

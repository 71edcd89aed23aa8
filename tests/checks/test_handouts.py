"""The handout check reads each PDF back and names a key point that is not in it, a key point
printed with other text than its source (in every script, right to left too), and characters
printed without a glyph, and a QR code that does not give the language's address; the real
handouts' layout (the comparison and the checklist on the front, at most five pages), with a
picture of each first page kept beside the build for a person to look at."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser
from pypdf import PdfReader

from resource_site.checks.handouts import check_handouts, letters, pdf_text
from resource_site.checks.registry import check_registry
from resource_site.content.frontmatter import split_front_matter
from resource_site.output.handouts import PAPER
from resource_site.plugin.handout_page import section
from resource_site.project import CHROMIUM, Project
from tests.conftest import ROOT, ROOT_ADDRESS, ServedBuild, Site
from tests.real_site import LANGUAGES

PROJECT = Project(ROOT, ROOT_ADDRESS)  # as real_build built it: its QR codes give this address

pytestmark = pytest.mark.browser  # Chromium prints the handouts it reads


def test_handout_check_reads_the_pdf_and_catches_a_missing_key_point(real_build: ServedBuild, tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(real_build.site_dir, site)
    project = PROJECT
    assert check_handouts(project, site) == []
    shutil.copy(site / "handout.pdf", site / "es" / "handout.pdf")  # English where Spanish belongs
    findings = [str(f) for f in check_handouts(project, site)]
    assert len(findings) == len(check_registry(PROJECT)[0]) + 1  # every key point, and the QR code
    assert (
        "site/es/handout.pdf:1: key point kp-school-free ('Gratis para las familias') is not in the handout — "
        "check the handout page prints every key point" in findings
    )
    assert (
        f"site/es/handout.pdf:1: the handout's QR code reads {ROOT_ADDRESS}, not the language's address "
        f"{ROOT_ADDRESS}es/ — build it for the address it is published at (make build HANDOUTS=1 SITE_URL=https://…/)"
    ) in findings


def first_lines(markdown_section: str) -> str:
    return markdown_section.splitlines()[0].lstrip("# ")


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_handout_has_the_comparison_and_checklist_in_front_and_at_most_five_pages(
    real_build: ServedBuild, code: str
) -> None:
    prefix = PROJECT.language(code).prefix  # type: ignore[union-attr]
    pdf = real_build.site_dir / prefix / "handout.pdf"
    pages = PdfReader(pdf).pages
    assert len(pages) <= 5, f"{code}: {len(pages)} pages"
    front = letters(subprocess.run(["pdftotext", "-l", "1", str(pdf), "-"], capture_output=True, text=True).stdout)
    for page, anchor in (("index.md", "side-by-side"), ("questions-to-ask.md", "checklist")):
        source = split_front_matter((PROJECT.docs_dir / code / page).read_text(encoding="utf-8")).body
        heading = first_lines(section(source, anchor) or "")
        assert heading and letters(heading) in front, (code, heading)
    pictures = real_build.site_dir.parent / "handout-pictures"
    pictures.mkdir(exist_ok=True)
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(pdf), str(pictures / code)], check=True)


def reprinted(real_build: ServedBuild, tmp_path: Path, browser: Browser, prefix: str, change: str = "") -> Path:
    """A copy of the real site whose handout in `prefix` is printed again by `browser`, after the
    script `change` (run by the test, not the page: JavaScript stays off) edited the page."""
    site = tmp_path / "site"
    shutil.copytree(real_build.site_dir, site)
    page = browser.new_page(java_script_enabled=False)
    page.goto((site / prefix / "handout" / "index.html").as_uri())
    if change:
        page.locator("article").evaluate(change)
    (site / prefix / "handout.pdf").write_bytes(page.pdf(outline=True, tagged=True, **PAPER))
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

"""The printable handouts and the offline archive, as the deploy workflow builds them."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import Browser
from pypdf import PdfReader

from resource_site.output.handouts import check_handouts
from resource_site.project import Project
from tests.conftest import ROOT, ServedBuild
from tests.test_browser_languages import LANGUAGES, QUERIES

pytestmark = pytest.mark.browser
FONTS = {"ar": "Arabic", "ur": "Urdu", "bn": "Bengali", "zh": "CJK", "ko": "CJK"}


def fonts(pdf: Path) -> set[str]:
    """Embedded font names; CJK fonts come as Type3 fonts that name their family in the descriptor."""
    names = set()
    for page in PdfReader(pdf).pages:
        for reference in (page["/Resources"].get("/Font") or {}).values():
            font = reference.get_object()
            descriptor = font.get("/FontDescriptor")
            family = descriptor.get_object().get("/FontFamily") if descriptor else None
            names.add(str(font.get("/BaseFont") or family))
    return names


@pytest.mark.parametrize("code", LANGUAGES)
def test_each_language_has_a_handout_that_fits_a4_and_letter(real_build: ServedBuild, code: str) -> None:
    pdf = real_build.site_dir / ("" if code == "en" else code) / "handout.pdf"
    reader = PdfReader(pdf)
    box = reader.pages[0].mediabox
    assert float(box.width) <= 595.28 and float(box.height) <= 792  # A4's width and Letter's height, in points
    assert len(reader.outline) > 0
    if code in FONTS:  # the script's own font is embedded, not a fallback box
        assert any(FONTS[code] in name for name in fonts(pdf)), fonts(pdf)


def test_handout_check_reads_the_pdf_and_catches_a_missing_key_point(real_build: ServedBuild, tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(real_build.site_dir, site)
    project = Project(ROOT)
    assert check_handouts(project, site) == []
    shutil.copy(site / "handout.pdf", site / "es" / "handout.pdf")  # English where Spanish belongs
    findings = [str(f) for f in check_handouts(project, site)]
    assert len(findings) == 34
    assert (
        "site/es/handout.pdf:1: key point kp-school-free ('Gratis para las familias') is not in the handout — "
        "check the handout page prints every key point" in findings
    )


def test_every_page_links_the_handout_and_the_offline_archive(real_build: ServedBuild) -> None:
    page = (real_build.site_dir / "ar" / "school-therapy" / "index.html").read_text(encoding="utf-8")
    assert 'href="../handout/">نشرة للطباعة</a>' in page
    assert 'href="../../downloads/therapy-site-offline.zip" download>' in page
    handout = (real_build.site_dir / "ar" / "handout" / "index.html").read_text(encoding="utf-8")
    assert 'href="../handout.pdf"' in handout or 'href="handout.pdf"' in handout


@pytest.fixture(scope="module")
def unpacked(real_build: ServedBuild, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(real_build.site_dir / "downloads" / "therapy-site-offline.zip") as archive:
        archive.extractall(target)
    return target / "therapy-site"


@pytest.mark.parametrize("code", ["es", "ar", "zh", "en"])
def test_offline_archive_searches_each_language_from_disk(browser: Browser, unpacked: Path, code: str) -> None:
    page = browser.new_page()
    outside: list[str] = []
    page.on("request", lambda request: request.url.startswith("file:") or outside.append(request.url))
    home = unpacked / ("" if code == "en" else code) / "index.html"
    page.goto(home.as_uri())
    page.fill(".md-search__input", QUERIES[code])
    page.press(".md-search__input", "End")
    results = page.locator(".md-search-result__item > .md-search-result__link")
    results.first.wait_for(timeout=15_000)
    prefix = (unpacked / code).as_uri() + "/" if code != "en" else unpacked.as_uri() + "/"
    for href in [results.nth(i).get_attribute("href") for i in range(results.count())]:
        assert href.startswith(prefix), href
        assert code != "en" or href[len(prefix) :].split("/")[0] not in LANGUAGES
    results.first.click()
    page.wait_for_load_state()
    assert page.url.startswith(prefix) and ".html" in page.url
    assert outside == []
    page.close()

"""The printed handouts of the real site: one per language, A4 and Letter, fonts of every script."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from resource_site.output.handouts import handout_path
from tests.conftest import ServedBuild
from tests.real_site import LANGUAGES, PROJECT

pytestmark = pytest.mark.browser  # Chromium prints them
FONTS = {"ar": "Arabic", "ur": "NaskhArabic", "bn": "Bengali", "zh": "CJK", "ko": "CJK"}  # Urdu prints in Naskh


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
    pdf = handout_path(real_build.site_dir, PROJECT.language(code))  # type: ignore[arg-type]
    reader = PdfReader(pdf)
    box = reader.pages[0].mediabox
    assert float(box.width) <= 595.28 and float(box.height) <= 792  # A4's width and Letter's height, in points
    assert len(reader.outline) > 0
    if code in FONTS:  # the script's own font is embedded, not a fallback box
        assert any(FONTS[code] in name for name in fonts(pdf)), fonts(pdf)


def test_every_page_links_the_handout_and_the_offline_archive(real_build: ServedBuild) -> None:
    page = (real_build.site_dir / "ar" / "school-therapy" / "index.html").read_text(encoding="utf-8")
    assert 'href="../handout/">نشرة قابلة للطباعة</a>' in page
    assert 'href="../../downloads/therapy-site-offline.zip" download>' in page
    handout = (real_build.site_dir / "ar" / "handout" / "index.html").read_text(encoding="utf-8")
    assert 'href="../handout.pdf"' in handout or 'href="handout.pdf"' in handout

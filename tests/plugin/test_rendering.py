"""The fixture site as it stands passes every check, and `build` publishes it."""

from __future__ import annotations

import json

import lxml.html
import pytest

from tests.conftest import Site


def test_clean_fixture_passes_and_build_writes_site(unbuilt_site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    site = unbuilt_site
    result = site.run(capsys, "build")
    assert result.code == 0, result.out
    assert result.out == ""
    assert (site.path("site/index.html")).is_file()
    assert (site.path("site/es/disagree/index.html")).is_file()
    assert list(site.root.glob(".site-*")) == []
    report = json.loads(site.path("build/check-report.json").read_text(encoding="utf-8"))
    assert report["findings"] == []
    assert report["languages"] == ["en", "es"]
    assert report["keypoints"] == 3


def test_key_points_are_labelled_and_linkable_in_each_language(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    spanish = site.path("site/es/index.html").read_text(encoding="utf-8")
    assert '<div class="admonition keypoint" id="kp-school-free">' in spanish
    assert '<span class="keypoint-label">Punto clave</span>' in spanish
    assert 'href="#kp-school-free" aria-label="Enlace a este punto clave"' in spanish
    english = site.path("site/index.html").read_text(encoding="utf-8")
    assert '<span class="keypoint-label">Key point</span>' in english


def test_translations_carry_a_draft_notice_in_their_language(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    spanish = site.path("site/es/index.html").read_text(encoding="utf-8")
    assert "Traducción en borrador." in spanish
    assert "translation-notice" not in site.path("site/index.html").read_text(encoding="utf-8")


def test_reviewed_page_has_no_draft_notice(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    site.edit(
        "docs/es/index.md", "title: Dos tipos de terapia\n", "title: Dos tipos de terapia\nreviewed_by: Ana Pérez\n"
    )
    assert site.run(capsys, "build").code == 0
    assert "translation-notice" not in site.path("site/es/index.html").read_text(encoding="utf-8")
    assert "translation-notice" in site.path("site/es/disagree/index.html").read_text(encoding="utf-8")


def test_glossary_terms_become_tooltips_in_each_language(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    site.edit("docs/es/index.md", "Un plan escrito para un", "El IEP es un plan escrito para un")
    site.edit("docs/en/index.md", "A written plan for a", "The IEP is a written plan for a")
    assert site.run(capsys, "build").code == 0
    for page, title in [
        ("site/es/index.html", "Programa de Educación Individualizado (Individualized Education Program). "),
        ("site/index.html", "Individualized Education Program. It is a plan."),
    ]:
        abbrs = lxml.html.parse(site.path(page)).getroot().xpath("//article//abbr")
        assert [abbr.text for abbr in abbrs] == ["IEP"], page  # in the text; the heading stays plain
        assert abbrs[0].get("title").startswith(title)

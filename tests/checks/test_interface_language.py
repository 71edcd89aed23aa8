"""Every interface string a reader meets comes from the catalogs in the page's language: the
labels set in MkDocs' configuration too, and an English string a template writes is a finding."""

from __future__ import annotations

import lxml.html
import pytest

from tests.conftest import Site, assert_reported


def test_an_english_label_in_a_template_is_reported(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    assert_reported(
        site,
        capsys,
        lambda s: s.edit(
            "overrides/main.html", "{% block extrahead %}", '{% block extrahead %}<aside title="Reading help"></aside>'
        ),
        'docs/es/index.md:1: the interface shows "Reading help" in English — '
        "translate it in locales/es/LC_MESSAGES/messages.po (run `make update-catalogs` if one is not there)",
    )


def test_labels_from_the_configuration_are_translated(site: Site) -> None:
    page = lxml.html.parse(site.path("site/es/index.html")).getroot()
    assert page.xpath("//label[@for='__palette_1']/@title") == ["Cambiar a modo oscuro"]
    assert set(page.xpath("//a[@class='headerlink']/@title")) == {"Enlace permanente"}
    assert page.xpath("//input[@name='query']/@placeholder") == [
        "Búsqueda"
    ]  # the catalog's word, not Material's "Buscar"


def test_a_language_without_its_own_site_name_is_reported(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    def line(s: Site) -> int:
        lines = s.path("mkdocs.yml").read_text(encoding="utf-8").splitlines()
        return next(n for n, text in enumerate(lines, start=1) if "locale: es" in text)

    assert_reported(
        site,
        capsys,
        lambda s: s.edit("mkdocs.yml", "        site_name: Terapia escolar y terapia médica\n", ""),
        lambda s: (
            f"mkdocs.yml:{line(s)}: 'es' has no site name of its own: its readers would see the English one — "
            "add `site_name:` with the site's name in Español, under `locale: es`"
        ),
    )

"""No page of a language serves another language's text."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from resource_site.checks.language import check_page_languages
from resource_site.content.language_id import LanguageGuesser
from resource_site.output.rendered import BuiltPage
from resource_site.project import Project
from tests.conftest import Site, assert_reported

CASES: dict[str, tuple[Callable[[Site], object], Callable[[Site], str]]] = {
    "page left in English": (
        lambda s: s.write("docs/es/disagree.md", s.path("docs/en/disagree.md").read_text(encoding="utf-8")),
        lambda s: (
            "docs/es/disagree.md:1: page text reads as 'en', not 'es' (Español) — "
            "translate the page; English left in place is not a translation"
        ),
    ),
}


@pytest.mark.parametrize("name", CASES)
def test_planted_fault_is_reported(site: Site, capsys: pytest.CaptureFixture[str], name: str) -> None:
    plant, expected = CASES[name]
    assert_reported(site, capsys, plant, expected)


def test_built_page_with_the_wrong_lang_attribute(site: Site) -> None:
    project = Project(site.root)
    spanish = project.language("es")
    assert spanish is not None
    page = site.path("site/es/disagree/index.html")
    page.write_text(page.read_text(encoding="utf-8").replace('<html lang="es"', '<html lang="en"', 1), encoding="utf-8")
    built = BuiltPage(spanish, "disagree.md", page)
    findings = [str(item) for item in check_page_languages(project, [built], LanguageGuesser(project.codes))]
    assert findings == [
        'docs/es/disagree.md:1: built page says lang="en", expected "es" — check the language\'s `locale` in mkdocs.yml'
    ]

"""Every occurrence of a glossary term is explained; one that markup splits is named."""

from __future__ import annotations

import lxml.html
import pytest

from tests.conftest import Site, assert_reported

GLOSSARY_END = "Un plan escrito para un estudiante que recibe educación especial.\n"
PLAN_504 = "\n## Plan 504 {#504-plan}\n\nUn plan escrito de la escuela para un estudiante con una discapacidad.\n"
ENGLISH_END = "It says what help a child gets at school.\n"
ENGLISH_504 = "\n## 504 Plan {#504-plan}\n\nA written plan from the school for a student with a disability.\n"
PAGE = "docs/es/disagree.md"
AFTER = "Vuelva [al comienzo](index.md).\n"


def add_term_and_use(use: str) -> object:
    def plant(site: Site) -> None:
        site.edit("docs/en/glossary.md", ENGLISH_END, ENGLISH_END + ENGLISH_504)
        site.edit("docs/es/glossary.md", GLOSSARY_END, GLOSSARY_END + PLAN_504)
        site.edit(PAGE, AFTER, AFTER + f"\nPida un Plan {use} a la escuela.\n")

    return plant


def test_a_term_split_by_markup_is_reported(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    assert_reported(
        site,
        capsys,
        add_term_and_use("**504**"),  # type: ignore[arg-type]
        'docs/es/disagree.md:1: "Plan 504" appears 1 time, 1 without its explanation (tooltip) — '
        "write the term as the glossary does (or add the form to the term base's `accepted`), "
        "and not split by other markup",
    )


def test_a_term_across_a_line_break_and_its_inflection_are_explained(
    site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    add_term_and_use("\n504, y otros Planes 504")(site)  # type: ignore[operator]
    site.write("locales/es/terms.yml", "504-plan:\n  accepted: [Planes 504]\n")
    assert site.run(capsys, "build").code == 0
    page = lxml.html.parse(site.path("site/es/disagree/index.html")).getroot()
    explained = [" ".join(abbr.text_content().split()) for abbr in page.iter("abbr")]
    assert explained.count("Plan 504") == 1 and explained.count("Planes 504") == 1, explained

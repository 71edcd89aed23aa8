"""The term base: a forbidden rendering on any page is named at its line (across a line break
too), a malformed term base is named at its line, and unconfirmed terms reach the status."""

from __future__ import annotations

import pytest

from tests.conftest import Site, assert_reported

TERMS = "locales/es/terms.yml"
WRONG_IEP = """\
iep:
  accepted: [programa IEP]
  forbidden:
    - rendering: Plan Educativo Individual
      reason: not the name US schools use for the IEP
  confirmed: false
"""
WHY = "not the name US schools use for the IEP"


def forbid_and_use(site: Site) -> None:
    site.write(TERMS, WRONG_IEP)
    site.edit("docs/es/disagree.md", "Vuelva [al comienzo](index.md).\n", "Lea su plan educativo\nindividual.\n")


@pytest.mark.parametrize(
    ("plant", "expected"),
    [
        (
            forbid_and_use,
            f'docs/es/disagree.md:8: "plan educativo individual" is the wrong term for "IEP": {WHY} — '
            f'write "IEP" ({TERMS}:4)',
        ),
        (
            lambda s: s.write(TERMS, WRONG_IEP.replace("iep:", "ipe:")),
            f"{TERMS}:1: `ipe` is not a term of the glossary — "
            "use the id of a term in docs/en/glossary.md, like {#iep}",
        ),
        (
            lambda s: s.write(TERMS, WRONG_IEP.replace(f"      reason: {WHY}\n", "")),
            f"{TERMS}:4: a forbidden rendering of iep needs a rendering and a reason — write both, as text",
        ),
        (
            lambda s: s.write(TERMS, WRONG_IEP.replace("  confirmed: false", "  confirmd: false")),
            f"{TERMS}:6: unknown setting `confirmd` for iep — use accepted, confirmed, forbidden",
        ),
        (
            lambda s: s.write(TERMS, WRONG_IEP.replace("[programa IEP]", "[programa IEP")),
            f"{TERMS}:2: invalid YAML: expected ',' or ']', but got ':' — fix the YAML",
        ),
    ],
    ids=["forbidden rendering", "unknown id", "no reason", "unknown setting", "bad YAML"],
)
def test_term_base_fault_is_reported(
    site: Site, capsys: pytest.CaptureFixture[str], plant: object, expected: str
) -> None:
    assert_reported(site, capsys, plant, expected)  # type: ignore[arg-type]


def test_unconfirmed_terms_are_in_the_status(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    site.write(TERMS, WRONG_IEP)
    result = site.run(capsys, "status")
    assert (
        f"{TERMS}: the rendering of iep is not confirmed — a fluent reviewer checks it on the glossary page, "
        "then sets `confirmed: true`" in result.lines
    ), result.out
    site.edit(TERMS, "confirmed: false", "confirmed: true")
    assert "the rendering of iep is not confirmed" not in site.run(capsys, "status").out


def add_special_education(site: Site) -> None:
    site.edit(
        "docs/en/glossary.md",
        "help a child gets at school.\n",
        "help a child gets at school.\n\n## Special education {#special-education}\n\nTeaching made for a student.\n",
    )
    site.edit(
        "docs/es/glossary.md",
        "recibe educación especial.\n",
        "recibe educación especial.\n\n## Educación especial {#special-education}\n\nEnseñanza para un estudiante.\n",
    )


def test_an_english_term_left_in_a_translation_is_reported(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    def plant(s: Site) -> None:
        add_special_education(s)
        s.edit("docs/es/disagree.md", "Vuelva [al comienzo]", "Pida special\neducation. Vuelva [al comienzo]")

    assert_reported(
        site,
        capsys,
        plant,
        'docs/es/disagree.md:8: "special education" is left in English — '
        'write "Educación especial" (the glossary\'s term); the English may follow it in brackets',
    )


def test_the_english_in_brackets_after_the_term_is_fine(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    add_special_education(site)
    site.edit("docs/es/disagree.md", "Vuelva [al comienzo]", "Pida educación especial (special education). Vuelva")
    assert site.run(capsys, "build").code == 0


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("Educación Especial", "Educación Especial"),
        ("educación-especial", "educación-especial"),
        ("educación\nespecial", None),  # a line break is spacing: the same term
        ("edu\u00adcación especial", "edu\u00adcación especial"),
    ],
    ids=["title case", "hyphen", "line break", "soft hyphen"],
)
def test_a_term_written_two_ways_is_reported(
    site: Site, capsys: pytest.CaptureFixture[str], written: str, shown: str | None
) -> None:
    def plant(s: Site) -> None:
        add_special_education(s)
        s.edit("docs/es/disagree.md", "Vuelva [al comienzo]", f"Pida {written}. Vuelva [al comienzo]")

    if shown is None:
        plant(site)
        assert site.run(capsys, "build").code == 0
        return
    assert_reported(
        site,
        capsys,
        plant,
        f'docs/es/disagree.md:8: "{shown}" writes the term "Educación especial" another way (and goes without '
        "its explanation) — write it as the glossary does, or list this form under `accepted` for "
        f"special-education in {TERMS}",
    )


def test_a_form_the_term_base_accepts_is_not_two_ways(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    add_special_education(site)
    site.write(TERMS, "special-education:\n  accepted: [Educación Especial]\n")
    site.edit("docs/es/disagree.md", "Vuelva [al comienzo]", "Pida Educación Especial. Vuelva [al comienzo]")
    assert site.run(capsys, "build").code == 0


def test_a_forbidden_rendering_in_the_interface_strings_is_reported(
    site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    """The catalog's translations are read (at their line); its English msgids and comments are not."""

    def plant(s: Site) -> None:
        s.write(TERMS, WRONG_IEP)
        s.edit("locales/es/LC_MESSAGES/messages.po", 'msgstr "Punto clave"', 'msgstr "Plan Educativo Individual"')

    catalog = "locales/es/LC_MESSAGES/messages.po"
    lines = site.path(catalog).read_text(encoding="utf-8").splitlines()
    line = lines.index('msgstr "Punto clave"') + 1
    assert_reported(
        site,
        capsys,
        plant,
        f'{catalog}:{line}: "Plan Educativo Individual" is the wrong term for "IEP": {WHY} — write "IEP" ({TERMS}:4)',
    )

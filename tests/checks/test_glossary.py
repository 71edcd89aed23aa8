"""Every glossary term is defined in every language."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.conftest import Site, assert_reported

CASES: dict[str, tuple[Callable[[Site], object], Callable[[Site], str]]] = {
    "glossary term without a definition": (
        lambda s: s.edit(
            "docs/es/glossary.md",
            "Programa de Educación Individualizado (Individualized Education "
            "Program). Un plan escrito para un estudiante que recibe educación especial.\n",
            "",
        ),
        lambda s: (
            "docs/es/glossary.md:7: glossary term IEP has no definition — "
            "write its meaning in the lines under the heading"
        ),
    ),
    "glossary term missing in a language": (
        lambda s: s.edit("docs/es/glossary.md", "## IEP {#iep}", "## PEI {#pei}"),
        lambda s: (
            "docs/es/glossary.md:1: glossary term IEP ({#iep}) is missing — "
            "copy its entry from docs/en/glossary.md and translate it"
        ),
    ),
}


@pytest.mark.parametrize("name", CASES)
def test_planted_fault_is_reported(site: Site, capsys: pytest.CaptureFixture[str], name: str) -> None:
    plant, expected = CASES[name]
    assert_reported(site, capsys, plant, expected)

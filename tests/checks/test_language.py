"""No page of a language serves another language's text."""

from __future__ import annotations

from collections.abc import Callable

import pytest

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

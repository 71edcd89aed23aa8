"""English pages read at grade 8 or below."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.conftest import Site, assert_reported

CASES: dict[str, tuple[Callable[[Site], object], Callable[[Site], str]]] = {
    "English page too hard to read": (
        lambda s: s.edit(
            "docs/en/disagree.md",
            "You can ask the school team",
            "Notwithstanding institutional determinations, families considering administrative "
            "reconsideration procedures can additionally ask the school team",
        ),
        lambda s: (
            "docs/en/disagree.md:1: reads at grade 9.1, above the grade 8 limit — "
            "use shorter sentences and everyday words"
        ),
    ),
}


@pytest.mark.parametrize("name", CASES)
def test_planted_fault_is_reported(site: Site, capsys: pytest.CaptureFixture[str], name: str) -> None:
    plant, expected = CASES[name]
    assert_reported(site, capsys, plant, expected)

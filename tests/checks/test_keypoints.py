"""Every language carries every key point, on its page, in its own words (checked in the built HTML)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.conftest import Site, assert_reported
from tests.faults import ENGLISH_KEYPOINT, SPANISH_KEYPOINT, delete_spanish_keypoint

CASES: dict[str, tuple[Callable[[Site], object], Callable[[Site], str]]] = {
    "missing key point": (
        delete_spanish_keypoint,
        lambda s: (
            "docs/es/index.md:1: key point kp-school-free is missing — "
            "copy its block from docs/en/index.md and translate it"
        ),
    ),
    "key point left in English": (
        lambda s: (
            s.edit("docs/es/index.md", SPANISH_KEYPOINT, ENGLISH_KEYPOINT)
            or s.edit("docs/es/index.md", "Gratis para las familias", "Free for families")
        ),
        lambda s: "docs/es/index.md:11: key point kp-school-free is still in English — translate its title and text",
    ),
    "key point in the wrong language": (
        lambda s: s.edit(
            "docs/es/index.md",
            SPANISH_KEYPOINT,
            "The families do not have to pay anything for the therapy their child gets at school.",
        ),
        lambda s: (
            "docs/es/index.md:11: key point kp-school-free reads as 'en', not 'es' — "
            "translate it into this page's language"
        ),
    ),
    "key point on the wrong page": (
        lambda s: s.edit("docs/es/disagree.md", "attrs: {id: kp-iee}", "attrs: {id: kp-medical-cost}"),
        lambda s: (
            "docs/es/disagree.md:13: key point kp-medical-cost belongs on index.md, not here — "
            "move the block to docs/es/index.md"
        ),
    ),
}


@pytest.mark.parametrize("name", CASES)
def test_planted_fault_is_reported(site: Site, capsys: pytest.CaptureFixture[str], name: str) -> None:
    plant, expected = CASES[name]
    assert_reported(site, capsys, plant, expected)

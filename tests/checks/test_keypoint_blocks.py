"""Key-point blocks in the Markdown: known ids, each once."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.conftest import Site, assert_reported

CASES: dict[str, tuple[Callable[[Site], object], Callable[[Site], str]]] = {
    "duplicate key-point id": (
        lambda s: s.edit("docs/es/index.md", "attrs: {id: kp-medical-cost}", "attrs: {id: kp-school-free}"),
        lambda s: (
            "docs/es/index.md:17: key point kp-school-free appears twice (first on line 11) — "
            "keep one block with this id"
        ),
    ),
    "unknown key-point id": (
        lambda s: s.edit("docs/es/disagree.md", "attrs: {id: kp-iee}", "attrs: {id: kp-iee-request}"),
        lambda s: (
            "docs/es/disagree.md:13: unknown key-point id kp-iee-request — "
            "use the id from the English page (see docs/keypoints.yml)"
        ),
    ),
    "key-point block without its id": (
        lambda s: s.edit("docs/es/disagree.md", "    attrs: {id: kp-iee}\n", ""),
        lambda s: (
            "docs/es/disagree.md:12: key-point block has no id — "
            "add the line `    attrs: {id: kp-…}` under `/// keypoint`, copied from the English page"
        ),
    ),
}


@pytest.mark.parametrize("name", CASES)
def test_planted_fault_is_reported(site: Site, capsys: pytest.CaptureFixture[str], name: str) -> None:
    plant, expected = CASES[name]
    assert_reported(site, capsys, plant, expected)

"""Key-point blocks in the Markdown: known ids, each once."""

from __future__ import annotations

import json
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
    "attrs line indented by two spaces (MkDocs prints it as text)": (
        lambda s: s.edit("docs/es/disagree.md", "    attrs: {id: kp-iee}", "  attrs: {id: kp-iee}"),
        lambda s: (
            "docs/es/disagree.md:13: the `attrs:` line is indented by 2 space(s), so the key point has no id — "
            "indent it by 4 spaces, as on the English page"
        ),
    ),
    "block without its closing line, before the next block": (
        lambda s: s.edit("docs/es/disagree.md", "evaluación independiente.\n///\n", "evaluación independiente.\n"),
        lambda s: (
            "docs/es/disagree.md:12: key-point block is not closed: the next block or the end of the page comes "
            "first — end the block with a line holding only `///`"
        ),
    ),
}


@pytest.mark.parametrize("name", CASES)
def test_planted_fault_is_reported(site: Site, capsys: pytest.CaptureFixture[str], name: str) -> None:
    plant, expected = CASES[name]
    assert_reported(site, capsys, plant, expected)


def test_status_agrees_with_the_check_on_a_shallow_attrs_line(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    site.edit("docs/es/disagree.md", "    attrs: {id: kp-iee}", "  attrs: {id: kp-iee}")
    status = json.loads(site.run(capsys, "status", "--format", "json").out)
    spanish = next(language for language in status if language["code"] == "es")
    assert "kp-iee" in spanish["keypoints_missing"]
    assert "kp-iee" not in spanish["keypoints_covered"]

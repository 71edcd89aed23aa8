"""A Markdown link into another language's folder is caught before static-i18n rewrites it."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.conftest import Site, assert_reported

CASES: dict[str, tuple[Callable[[Site], object], Callable[[Site], str]]] = {
    "link into another language": (
        lambda s: s.edit("docs/es/disagree.md", "[al comienzo](index.md)", "[al comienzo](../en/index.md)"),
        lambda s: (
            "docs/es/disagree.md:8: link ../en/index.md points into the 'en' pages — "
            "link to the page in this language's folder (e.g. `page.md`)"
        ),
    ),
    "link out of the docs folder": (
        lambda s: s.edit("docs/es/disagree.md", "[al comienzo](index.md)", "[al comienzo](../../README.md)"),
        lambda s: (
            "docs/es/disagree.md:8: link ../../README.md leaves the docs folder — "
            "link to a page inside this language's folder"
        ),
    ),
}


@pytest.mark.parametrize("name", CASES)
def test_planted_fault_is_reported(site: Site, capsys: pytest.CaptureFixture[str], name: str) -> None:
    plant, expected = CASES[name]
    assert_reported(site, capsys, plant, expected)

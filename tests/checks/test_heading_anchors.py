"""A translated heading anchor is a finding at the heading's own line, with the anchor to keep."""

from __future__ import annotations

import pytest

from tests.conftest import Site, assert_reported


def test_a_translated_heading_anchor_is_named_at_its_line(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    result = assert_reported(
        site,
        capsys,
        lambda s: s.edit("docs/es/disagree.md", "## Una evaluación {#evaluation}", "## Una evaluación {#evaluacion}"),
        lambda s: (
            f"docs/es/disagree.md:{line_of(s, '{#evaluacion}')}: the heading's anchor {{#evaluacion}} is not on the "
            "English page, so links to this part of the page (from other pages, the language switch, shared links) "
            "would not find it — keep the English anchor as it is: {#evaluation}, as in docs/en/disagree.md"
        ),
    )
    # The link that broke is named too, at its own line on the other page.
    assert any(line.startswith("docs/es/index.md:8: link disagree/#evaluation") for line in result.lines), result.out


def line_of(site: Site, text: str) -> int:
    lines = site.path("docs/es/disagree.md").read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, start=1) if text in line)

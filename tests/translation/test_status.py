"""`make status` answers as Kubernetes' outdated-translation report does: 0 when every language is
current, 1 when something is missing or stale, 2 on bad input (see test_failures_are_findings.py)."""

from __future__ import annotations

import pytest

from tests.conftest import Site
from tests.faults import delete_spanish_keypoint


def test_current_translations_exit_zero(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    result = site.run(capsys, "status")
    assert result.code == 0, result.out
    assert result.lines[1].startswith(
        "es     built          pages 4/4  key points 3/3 (missing 0, in English 0, stale 0)"
    )


def test_something_missing_exits_one_and_says_what(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    delete_spanish_keypoint(site)
    result = site.run(capsys, "status")
    assert result.code == 1
    assert "es: key point kp-school-free is missing" in result.lines


def test_page_left_in_english_exits_one(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    site.write("docs/es/disagree.md", site.path("docs/en/disagree.md").read_text(encoding="utf-8"))
    result = site.run(capsys, "status")
    assert result.code == 1
    assert "docs/es/disagree.md: not translated yet (still in English)" in result.lines

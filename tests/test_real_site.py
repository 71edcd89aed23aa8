"""The real site, every language, through the real check: it must pass as committed."""

from __future__ import annotations

import pytest

from resource_site.checks.registry import check_registry
from tests.conftest import RealBuild
from tests.real_site import DEFAULT, LANGUAGES, PROJECT


@pytest.fixture
def real_check(real_build: RealBuild) -> tuple[int, dict[str, object]]:
    return real_build.code, real_build.report


def test_real_site_passes_every_check(real_check: tuple[int, dict[str, object]]) -> None:
    code, report = real_check
    assert report["findings"] == []
    assert code == 0


def test_real_site_has_eleven_languages_and_enough_key_points(real_check: tuple[int, dict[str, object]]) -> None:
    _, report = real_check
    assert report["languages"] == LANGUAGES
    assert len(LANGUAGES) == 11
    assert report["keypoints"] == len(check_registry(PROJECT)[0]) >= 25


def test_english_pages_read_at_grade_eight_or_below(real_check: tuple[int, dict[str, object]]) -> None:
    _, report = real_check
    grades = {page: level["grade"] for page, level in report["reading_level"].items()}
    assert len(grades) == len(PROJECT.source_pages(DEFAULT))
    assert max(grades.values()) <= 8


def test_key_points_come_from_both_seeds() -> None:
    registry, problems = check_registry(PROJECT)
    assert problems == []
    assert {kp.source for kp in registry} == {"fact-sheet", "ot-article"}
    assert {kp.page for kp in registry} == set(PROJECT.source_pages(DEFAULT)) - {"glossary.md"}

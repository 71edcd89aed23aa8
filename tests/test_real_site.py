"""The real site, every language, through the real check: it must pass as committed."""

from __future__ import annotations

from pathlib import Path

import pytest

from resource_site.content.keypoints import load_registry
from resource_site.project import Project
from tests.conftest import RealBuild

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def real_check(real_build: RealBuild) -> tuple[int, dict[str, object]]:
    return real_build.code, real_build.report


def test_real_site_passes_every_check(real_check: tuple[int, dict[str, object]]) -> None:
    code, report = real_check
    assert report["findings"] == []
    assert code == 0


def test_real_site_has_eleven_languages_and_enough_key_points(real_check: tuple[int, dict[str, object]]) -> None:
    _, report = real_check
    assert report["languages"] == ["en", "es", "zh", "ar", "bn", "fr", "ht", "ko", "ru", "ur", "vi"]
    assert report["keypoints"] >= 25


def test_english_pages_read_at_grade_eight_or_below(real_check: tuple[int, dict[str, object]]) -> None:
    _, report = real_check
    grades = {page: level["grade"] for page, level in report["reading_level"].items()}
    assert len(grades) == 9
    assert max(grades.values()) <= 8


def test_key_points_come_from_both_seeds() -> None:
    project = Project(ROOT)
    registry, problems = load_registry(project.keypoints_file, "docs/keypoints.yml")
    assert problems == []
    assert {kp.source for kp in registry} == {"fact-sheet", "ot-article"}
    assert {kp.page for kp in registry} == set(project.source_pages("en")) - {"glossary.md"}

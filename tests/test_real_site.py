"""The real site, every language, through the real check: it must pass as committed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from resource_site.checks.registry import check_registry
from tests.conftest import ROOT, RealBuild
from tests.real_site import DEFAULT, LANGUAGES, PROJECT

CHECK_TIMEOUT = 600  # a bound on a hang, not a timing: the check takes seconds


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


def test_the_check_prints_its_own_progress_and_nothing_else(tmp_path: Path) -> None:
    """What a translator reads while the check runs is the check's own: no library's notices (jieba,
    the Chinese search's word splitter, tells how it read its dictionary; importing it warns of a
    deprecation in setuptools), which nobody running the check can act on."""
    completed = subprocess.run(
        [sys.executable, "-m", "resource_site", "--root", str(ROOT), "check", "--json", str(tmp_path / "report.json")],
        capture_output=True,
        text=True,
        timeout=CHECK_TIMEOUT,
        check=False,
    )
    assert completed.returncode == 0, completed.stdout
    progress, _blank, summary = completed.stderr.partition("\n\n")  # then the reading levels and the verdict
    foreign = [line for line in progress.splitlines() if not line.startswith(("▸ ", "  building "))]
    assert foreign == []
    assert "  building zh…" in progress.splitlines()  # the language that needs jieba was built
    assert "✓ all checks passed" in summary

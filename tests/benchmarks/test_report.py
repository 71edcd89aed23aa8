"""Fast tests of the benchmark's arithmetic, report rendering and time limits (no builds, no browser)."""

from __future__ import annotations

import datetime
import sys
from pathlib import Path

import pytest

from benchmarks.measuring import BenchmarkError, Mark, Measurement, Run, Scenario, durations, run_child
from benchmarks.report import (
    ANALYSIS_END,
    ANALYSIS_START,
    GROWTH_HEADER,
    Results,
    ratio,
    render,
    section_a,
    section_c,
    table,
)


def measurement(*seconds: float, findings: int = 0) -> Measurement:
    return Measurement(tuple(Run(value, 100.0 + value, value / 2, 0) for value in seconds), findings)


def test_medians_and_ratios() -> None:
    timed = measurement(3.0, 1.0, 2.0)
    assert (timed.seconds, timed.cpu_seconds, timed.peak_mib) == (2.0, 1.0, 102.0)
    assert timed.exit_codes == "0"
    assert ratio(3.0, 2.0) == "1.50×"
    assert ratio(1.0, 0.0) == "–"


def test_step_durations_run_to_the_next_step() -> None:
    marks = [Mark("start", 0.0), Mark("build", 1.0), Mark("build en", 1.5, language=True), Mark("links", 4.0)]
    assert durations(marks, 5.0) == {"start": 1.0, "build": 3.0, "build en": 2.5, "links": 1.0}


def test_growth_section_renders_the_table_with_time_per_page() -> None:
    small = Scenario("c. 10", 2, 20, measurement(2.0), measurement(4.0), ("en", "es"), jobs=2)
    large = Scenario("c. 100", 2, 200, measurement(8.0), measurement(20.0, findings=3), ("en", "es"), jobs=2)
    text = section_c([small, large], real_languages=11)
    assert text.startswith("## c. Growth with pages\n\nA synthetic tree of 2 languages, grown from 10 to 100")
    assert table(GROWTH_HEADER, []) in text
    row = "| 2 | 200 | 8.00 s | 20.00 s | 4.00 s / 10.00 s | 2.50× | 100 ms | 0.50× | 108 / 120 MiB | 1.11× | 0 (3) |"
    assert row in text
    assert "The check's time per page changes by -50 % from the first row to the last" in text
    assert "each row is one build-check pair" in text


def test_growth_section_takes_the_median_of_the_small_rows_pairs_and_shows_their_scatter() -> None:
    small = Scenario("c. 10", 2, 20, measurement(2.0, 2.2, 1.8), measurement(4.0, 5.0, 3.0), ("en", "es"), jobs=2)
    large = Scenario("c. 100", 2, 200, measurement(8.0), measurement(20.0), ("en", "es"), jobs=2)
    text = section_c([small, large], real_languages=11)
    assert "each row is the median of its pairs (3, 1;" in text
    assert "the first row's check per page ranged 150–250 ms." in text
    assert "| 2 | 20 | 2.00 s | 4.00 s |" in text and "| 200 ms | 1.00× |" in text


def test_the_check_is_compared_with_the_build_pair_by_pair() -> None:
    builds = Measurement((Run(10.0, 150, 9, 0), Run(8.0, 150, 8, 0), Run(12.0, 150, 11, 0)))
    checks = Measurement((Run(8.0, 200, 12, 0), Run(8.0, 200, 12, 0), Run(6.0, 200, 12, 0)))
    scenario = Scenario("a", 11, 99, builds, checks, jobs=2)
    assert scenario.ratios == [0.8, 1.0, 0.5]
    assert scenario.ratio == 0.8
    text = section_a([scenario], repeats=3, cores=2)
    assert "| 2 (all cores) | 10.00 s | 8.00 s | **0.80×** | 0.50–1.00× |" in text
    assert "Pairs (build/check seconds): 2 process(es): 10.00/8.00, 8.00/8.00, 12.00/6.00." in text


def test_report_keeps_the_hand_written_analysis(tmp_path: Path) -> None:
    output = tmp_path / "BENCHMARKS.md"
    output.write_text(f"old figures\n{ANALYSIS_START}\nOur reading.\n{ANALYSIS_END}\n", encoding="utf-8")
    started = datetime.datetime(2026, 1, 2, 3, 4, tzinfo=datetime.UTC)
    results = Results(3, started, (0.5, 0.5, 0.5), [["CPU", "test"]], minutes=1.5, sections=["## a. Section\n"])
    text = render(results, output)
    assert text.startswith("# Benchmarks of the site tooling\n\nMeasured by `scripts/benchmarks/` on 2026-01-02 03:04")
    assert "|  |  |\n|---|---|\n| CPU | test |" in text
    assert text.endswith(f"## a. Section\n\n## Analysis\n\n{ANALYSIS_START}\nOur reading.\n{ANALYSIS_END}\n")


def test_a_child_past_its_time_limit_is_a_benchmark_error() -> None:
    command = [sys.executable, "-c", "import time; time.sleep(30)"]
    with pytest.raises(BenchmarkError, match=r"did not finish within 0.3 s and was stopped"):
        run_child(command, timeout=0.3)


def test_the_search_recall_section_replaces_its_own_or_goes_before_the_analysis() -> None:
    from benchmarks.report import RECALL_HEADING, section_g, with_section
    from benchmarks.search_recall import Recall

    section = section_g([Recall("vi", 34, 34, 8, 9.1, 7.2)])
    assert "| vi | 34 | 8 (24%) | 34 (100%) | 7.2 | 9.1 (+26%) |" in section
    report = "# B\n\n## f. Profile\n\nx\n\n## Analysis\n\nkept\n"
    added = with_section(report, RECALL_HEADING, section)
    assert added.index("## f. Profile") < added.index(RECALL_HEADING) < added.index("## Analysis")
    again = with_section(added, RECALL_HEADING, section.replace("8 (24%)", "9 (26%)"))
    assert again.count(RECALL_HEADING) == 1 and "9 (26%)" in again and again.endswith("## Analysis\n\nkept\n")

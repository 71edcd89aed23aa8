"""`make status` answers as Kubernetes' outdated-translation report does: 0 when every language is
current, 1 when something is missing or stale, 2 on bad input (see test_failures_are_findings.py)."""

from __future__ import annotations

import lxml.html
import markdown
import pytest

from resource_site.translation.reports import status_markdown
from resource_site.translation.status import LanguageStatus, StalePage
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


def test_the_status_page_prints_names_and_reviewers_as_text() -> None:
    """A language name or reviewer that reads as Markdown stays text on the generated page."""
    hostile = "Es|pañol [x](javascript:alert(1)) *b* <img src=x onerror=alert(1)>"
    status = LanguageStatus("es", hostile, built=True, pages_total=1, pages_reviewed={"index.md": hostile})
    html = markdown.markdown(status_markdown([status]), extensions=["tables", "attr_list"])
    page = lxml.html.fragment_fromstring(html, create_parent="div")
    assert [a.get("href") for a in page.iter("a")] == ["../status.json"]  # the page's own link only
    assert page.xpath("//img | //em") == []
    assert hostile in page.text_content()


def test_a_translated_from_value_prints_as_text_on_the_status_page() -> None:
    """The value is the translator's: one that would close a code span and open a tag stays text."""
    hostile = "x` <img src=x onerror=alert(1)> `"
    stale = StalePage("index.md", "0123456789ab", [], "", translated_from=hostile, unknown_version=True)
    status = LanguageStatus("es", "Español", built=False, pages_total=1, stale_pages=[stale])
    html = markdown.markdown(status_markdown([status]), extensions=["tables", "attr_list", "md_in_html"])
    page = lxml.html.fragment_fromstring(html, create_parent="div")
    assert page.xpath("//img") == []
    assert f"translated_from: {hostile} is not a version of the English page" in page.text_content()

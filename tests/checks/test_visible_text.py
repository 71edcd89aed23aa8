"""Markup left as text on the built page is a finding, whatever put it there."""

from __future__ import annotations

import pytest

from tests.conftest import Site, assert_reported


@pytest.mark.parametrize(("written", "shown"), [("&amp;para;", "&para;"), ("&lt;bdi&gt;504", "<bdi")])
def test_markup_shown_as_text_is_reported(
    site: Site, capsys: pytest.CaptureFixture[str], written: str, shown: str
) -> None:
    assert_reported(
        site,
        capsys,
        lambda s: s.edit("docs/es/disagree.md", "Vuelva [al comienzo]", f"Vea {written} y vuelva [al comienzo]"),
        f"docs/es/disagree.md:1: the page shows markup as text: {shown} (in the built es/disagree/index.html) — "
        "write the character itself in the page, or report a bug in the tooling if the page has none",
    )


def test_markup_in_the_navigation_is_reported_though_each_entry_is_read_once(
    site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    # the title shows in the navigation of every Spanish page: the first page that shows it reports it
    assert_reported(
        site,
        capsys,
        lambda s: s.edit("docs/es/disagree.md", "title: Si no está de acuerdo", "title: Si no está de acuerdo &amp;"),
        "docs/es/index.md:1: the page shows markup as text: &amp; (in the built es/index.html) — "
        "write the character itself in the page, or report a bug in the tooling if the page has none",
    )

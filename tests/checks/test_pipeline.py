"""The check as a whole: all findings in one run, across languages; a failed run leaves the
published site as it was."""

from __future__ import annotations

import pytest

from tests.conftest import Site
from tests.faults import add_language, bad_po_syntax, delete_spanish_keypoint


def test_failed_build_leaves_site_untouched(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    published = site.published()
    delete_spanish_keypoint(site)
    result = site.run(capsys, "build")
    assert result.code == 1
    assert site.published() == published
    assert list(site.root.glob(".site-*")) == []  # no run folder left behind
    assert "the site was left unchanged" in result.err


def test_all_findings_in_one_run_across_languages(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    delete_spanish_keypoint(site)
    bad_po_syntax(site)
    site.edit("docs/en/disagree.md", "[back to the start](index.md)", "[back to the start](home.md)")
    result = site.run(capsys)
    assert result.code == 1
    assert [line.split(":")[0] for line in result.lines] == [
        "docs/en/disagree.md",
        "docs/es/index.md",
        "locales/es/LC_MESSAGES/messages.po",
    ]


def test_crlf_line_endings_are_accepted(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    for page in ("docs/es/index.md", "docs/es/disagree.md"):
        site.path(page).write_bytes(site.path(page).read_bytes().replace(b"\n", b"\r\n"))
    result = site.run(capsys)
    assert (result.code, result.lines) == (0, [])


def test_unknown_language_code_stops_with_a_message(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    add_language("klingon", "tlhIngan Hol")(site)
    result = site.run(capsys)
    assert result.code == 1
    [message] = result.lines
    assert message.startswith("mkdocs.yml:18: MkDocs cannot read the configuration: ")
    assert message.endswith("— fix this line; language codes look like es, hmn, zh-Hant or pt-BR")


def test_one_mangled_language_does_not_hide_the_others(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    for page in ("index.md", "disagree.md", "glossary.md", "sources.md"):
        site.path(f"docs/es/{page}").write_bytes(bytes(range(256)) * 4)
    site.edit("docs/en/disagree.md", "[back to the start](index.md)", "[back to the start](home.md)")
    result = site.run(capsys)
    assert result.code == 1
    assert (
        "docs/en/disagree.md:8: link home.md leads to no page — "
        "fix the link target (a page of this language, like `page.md#anchor`)" in result.lines
    )
    assert any(line.startswith("docs/es/index.md:2: file is not valid UTF-8") for line in result.lines)

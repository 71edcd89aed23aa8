"""Printing the handouts fails as a finding, never a traceback or a hang: no Chromium, a Chromium
that does not start, a print that takes too long, a PDF that was not made, no pdftotext to
read it back."""

from __future__ import annotations

from pathlib import Path

import pytest

from resource_site.checks.handouts import check_handouts
from resource_site.output import handouts
from resource_site.output.fonts import missing_fonts, script_of
from resource_site.project import Chromium, Project
from tests.conftest import ROOT as ROOT_PROJECT
from tests.conftest import Site


def printed(site: Site) -> list[str]:
    return [str(item) for item in handouts.print_handouts(Project(site.root), site.path("site"))]


def test_no_chromium(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(handouts, "CHROMIUM", Chromium(Path("/nowhere/chromium"), ()))
    assert printed(site) == [
        "Makefile:1: no Chromium at /nowhere/chromium to print the handouts — "
        "install it (apt-get install chromium) or set CHROMIUM=/path/to/chrome"
    ]


def test_a_chromium_that_does_not_start(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHROMIUM", "/bin/false")  # the printing process reads the same setting
    monkeypatch.setattr(handouts, "CHROMIUM", Chromium(Path("/bin/false"), ()))
    [message] = printed(site)
    assert message.startswith("Makefile:1: printing the handouts failed: ")
    assert message.endswith(" — see the message; is chromium installed?")


def test_a_print_that_takes_too_long_is_stopped(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(handouts, "PRINT_SECONDS", 0.01)
    monkeypatch.setattr(handouts, "CHROMIUM", Chromium(Path("/bin/sh"), ()))  # it exists; the timeout comes first
    assert printed(site) == [
        "Makefile:1: printing the handouts took over 0.01 s and was stopped — "
        "run `make build HANDOUTS=1` again; if it hangs again, check that chromium starts"
    ]


def test_a_handout_that_was_not_made(site: Site) -> None:
    assert sorted(str(item) for item in check_handouts(Project(site.root), site.path("site"))) == [
        "site/es/handout.pdf:1: handout PDF was not made — see the errors above",
        "site/handout.pdf:1: handout PDF was not made — see the errors above",
    ]


def test_no_pdftotext_to_read_the_handouts_back(site: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # a PATH with nothing on it
    assert [str(item) for item in check_handouts(Project(site.root), site.path("site"))] == [
        "Makefile:1: pdftotext is not installed, so the handouts' printed text cannot be read back — "
        "install Debian's poppler-utils (apt-get install poppler-utils), then build again"
    ]


def test_a_script_without_fonts_is_named_with_its_package(
    site: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """fontconfig with no fonts at all (a real configuration, not a stand-in): each language is named."""
    empty = tmp_path / "fonts.conf"
    empty.write_text('<?xml version="1.0"?><fontconfig><cachedir>' + str(tmp_path) + "</cachedir></fontconfig>\n")
    monkeypatch.setenv("FONTCONFIG_FILE", str(empty))
    lines = site.path("mkdocs.yml").read_text(encoding="utf-8").splitlines()
    spanish = next(n for n, line in enumerate(lines, start=1) if "locale: es" in line)
    assert (
        f"mkdocs.yml:{spanish}: no installed font covers Español (es, Latn script): its handout would print "
        "empty boxes — install Debian's fonts-noto-core (apt-get install fonts-noto-core), then build again"
        in [str(item) for item in missing_fonts(Project(site.root))]
    )
    assert missing_fonts(Project(ROOT_PROJECT)) != []  # the real languages too, CJK included


@pytest.mark.parametrize(("code", "script"), [("zh", "Hans"), ("zh-Hant", "Hant"), ("ko", "Kore"), ("bn", "Beng"),
                                              ("fa", "Arab"), ("hmn", "Latn"), ("ur", "Arab")])  # fmt: skip
def test_each_language_is_asked_about_through_its_script(code: str, script: str) -> None:
    assert script_of(code) == script

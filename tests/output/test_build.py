"""The in-process MkDocs build: its warnings become findings on their file, and a build that
stops is a finding, not a traceback."""

from __future__ import annotations

import pytest

from resource_site.output import build as build_module
from tests.conftest import Site, assert_reported


def test_mkdocs_warning_is_a_finding(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    assert_reported(
        site,
        capsys,
        lambda s: s.edit("mkdocs.yml", "  - sources.md\n", "  - sources.md\n  - missing.md\n"),
        "docs/missing.md:1: A reference to 'missing.md' is included in the 'nav' configuration, which is not found "
        "in the documentation files. — fix the cause MkDocs names here",
    )


def test_a_build_that_stops_is_a_finding(
    site: Site, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def stops(config: object) -> None:
        raise OSError("No space left on device")

    monkeypatch.setattr(build_module, "build", stops)
    result = assert_reported(
        site,
        capsys,
        lambda s: None,
        "mkdocs.yml:1: the build stopped: No space left on device — "
        "fix the cause named here, then run `make check` again",
    )
    assert "Traceback" not in result.out + result.err


def test_a_build_for_the_placeholder_address_says_how_to_set_the_real_one(
    site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    placeholder = site.run(capsys, "build")
    assert placeholder.code == 0
    assert "⚠ site_url is still the placeholder https://example.org/" in placeholder.err
    assert "make build SITE_URL=https://<account>.github.io/<repo>/" in placeholder.err
    real = site.run(capsys, "build", "--site-url", "https://center.github.io/therapy/")
    assert real.code == 0 and "placeholder" not in real.err

"""Two builds of the same sources give byte-identical sites, handouts and archive included."""

from __future__ import annotations

from pathlib import Path

import pytest

from resource_site.cli import main
from resource_site.project import GENERATED
from tests.conftest import ROOT, ROOT_ADDRESS, ServedBuild


def files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.mark.browser  # the handouts are printed by Chromium
def test_second_build_is_byte_identical(real_build: ServedBuild, tmp_path: Path) -> None:
    again = tmp_path / "site"
    args = ["--root", str(ROOT), "build", "--site-dir", str(again), "--json", str(tmp_path / "report.json")]
    assert main([*args, "--site-url", ROOT_ADDRESS, "--handouts", "--offline"]) == 0
    first, second = files(real_build.site_dir), files(again)
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []
    assert any(name.endswith("handout.pdf") for name in first)
    assert GENERATED.offline_archive in first

"""Languages built in parallel processes, then joined, give the site one MkDocs process writes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from resource_site.output.build import language_groups
from resource_site.processes import split_evenly
from resource_site.project import Project
from tests.conftest import Site
from tests.output.test_reproducible import files


def plain_mkdocs_build(site: Site, target: Path) -> dict[str, bytes]:
    """`mkdocs build`: static-i18n builds every language one after the other, in this process."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    build(load_config(str(site.path("mkdocs.yml")), site_dir=str(target)))
    return files(target)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_the_check_builds_what_mkdocs_builds_byte_for_byte(
    site: Site, capsys: pytest.CaptureFixture[str], tmp_path: Path, jobs: str
) -> None:
    # One process building both languages (the default first), or one process each.
    assert site.run(capsys, "build", "--jobs", jobs).code == 0
    ours = files(site.path("site"))
    theirs = plain_mkdocs_build(site, tmp_path / "plain")
    assert sorted(ours) == sorted(theirs)
    assert [name for name in ours if ours[name] != theirs[name]] == []
    assert {"index.html", "es/index.html", "sitemap.xml", "es/search/search_index.json"} <= set(ours)


def test_languages_are_split_into_groups_of_about_equal_work(site: Site) -> None:
    project = Project(site.root)
    assert split_evenly(["a", "b", "c", "d"], {"a": 5, "b": 4, "c": 3, "d": 1}.__getitem__, 2) == [
        ["a", "d"],
        ["b", "c"],
    ]
    assert split_evenly(["a", "b"], lambda item: 1, 8) == [["a"], ["b"]]
    # The default language first in its group: its 404 page is the one the site keeps.
    assert language_groups(project, ["es", "en"], 1) == [["en", "es"]]
    assert sorted(map(tuple, language_groups(project, ["es", "en"], 2))) == [("en",), ("es",)]

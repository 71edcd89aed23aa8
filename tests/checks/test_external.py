"""Outside links (`make check EXTERNAL=1`): one that answers an error is named on its line.

The "outside" site here is a local server, so the test needs no network."""

from __future__ import annotations

from pathlib import Path

import pytest

from resource_site.checks.external import check_external_links
from resource_site.output.local_server import serve
from resource_site.output.rendered import built_pages
from resource_site.project import Project
from tests.conftest import Site


def test_outside_link_that_answers_an_error(site: Site, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "there.html").write_text("here", encoding="utf-8")
    with serve(tmp_path / "outside") as outside:
        links = f"Vea [esto]({outside}/gone.html) y [eso]({outside}/there.html)."
        site.edit("docs/es/disagree.md", "Vuelva [al comienzo](index.md).", links)
        assert site.run(capsys, "build").code == 0
        project = Project(site.root)
        findings = [str(item) for item in check_external_links(project, list(built_pages(project, site.path("site"))))]
    assert findings == [
        f"docs/es/disagree.md:8: outside link {outside}/gone.html answers HTTP 404 — "
        "update the address or remove the link"
    ]

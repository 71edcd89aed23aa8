"""Every link, anchor and image in the built HTML resolves, within its language."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from resource_site.checks.links import SiteFiles
from tests.conftest import Site, assert_reported

CASES: dict[str, tuple[Callable[[Site], object], Callable[[Site], str]]] = {
    "broken link": (
        lambda s: s.edit("docs/es/disagree.md", "[al comienzo](index.md)", "[al comienzo](inicio.md)"),
        lambda s: (
            "docs/es/disagree.md:8: link inicio.md leads to no page — "
            "fix the link target (a page of this language, like `page.md#anchor`)"
        ),
    ),
    "broken anchor": (
        lambda s: s.edit("docs/es/index.md", "(disagree.md#evaluation)", "(disagree.md#evaluacion)"),
        lambda s: (
            "docs/es/index.md:8: link disagree/#evaluacion points to a missing anchor #evaluacion — "
            "use an anchor that exists on the target page, like a heading's {#id}"
        ),
    ),
    "missing image": (
        lambda s: s.edit(
            "docs/es/disagree.md", "Vuelva [al comienzo]", "![Un dibujo](dibujo.png)\nVuelva [al comienzo]"
        ),
        lambda s: (
            "docs/es/disagree.md:8: image dibujo.png is missing — add the image file beside the page, or fix its name"
        ),
    ),
    "HTML link into another language": (
        lambda s: s.edit("docs/en/disagree.md", "Go\n[back to the start](index.md).", 'Go <a href="../es/">back</a>.'),
        lambda s: "docs/en/disagree.md:7: link ../es/ leads into the 'es' pages — link to the page in this language",
    ),
}


@pytest.mark.parametrize("name", CASES)
def test_planted_fault_is_reported(site: Site, capsys: pytest.CaptureFixture[str], name: str) -> None:
    plant, expected = CASES[name]
    assert_reported(site, capsys, plant, expected)


def test_a_link_resolves_only_to_a_file_the_site_serves(tmp_path: Path) -> None:
    """The link check looks addresses up in the site's files, listed once: a folder serves its
    index.html; nothing outside the site is served, through `..` or a symbolic link."""
    outside = tmp_path / "outside"
    (outside / "folder").mkdir(parents=True)
    (outside / "secret.html").write_text("secret", encoding="utf-8")
    (outside / "folder" / "index.html").write_text("secret", encoding="utf-8")
    site = tmp_path / "site"
    (site / "es").mkdir(parents=True)
    (site / "index.html").write_text("home", encoding="utf-8")
    (site / "es" / "index.html").write_text("inicio", encoding="utf-8")
    (site / "es" / "page.html").write_text("página", encoding="utf-8")
    (site / "es" / "leak.html").symlink_to(outside / "secret.html")
    (site / "es" / "same.html").symlink_to(site / "es" / "page.html")
    (site / "linked").symlink_to(outside / "folder", target_is_directory=True)
    (site / "alias").symlink_to(site / "es", target_is_directory=True)  # MkDocs writes no linked folder

    files = SiteFiles(site)

    assert [files.serving(url) for url in ("", ".", "es", "es/", "./es/page.html", "es/../es/page.html")] == [
        "index.html",
        "index.html",
        "es/index.html",
        "es/index.html",
        "es/page.html",
        "es/page.html",
    ]
    assert files.serving("es/same.html") == "es/same.html"  # a link to a file inside the site
    for url in (
        "es/leak.html",
        "linked",
        "linked/index.html",
        "alias/page.html",
        "../outside/secret.html",
        "..",
        "/etc/passwd",
        "es/missing.html",
    ):
        assert files.serving(url) is None, url

"""A language not yet on the site (`build: false`) is checked like the others: its findings are
reported as its own, marked "not yet on the site", and do not stop the others being published;
a preview with it in is built beside the site."""

from __future__ import annotations

import json

import lxml.html
import pytest

from resource_site.cli import main
from tests.conftest import Site
from tests.faults import add_language


def plant_somali_faults(site: Site) -> None:
    assert main(["--root", str(site.root), "new-language", "so"]) == 0
    site.edit("docs/so/disagree.md", "    attrs: {id: kp-iee}", "  attrs: {id: kp-iee}")
    index = site.path("docs/so/index.md").read_text(encoding="utf-8")
    start = index.index("/// keypoint")
    site.write("docs/so/index.md", index[:start] + index[index.index("///\n", start + 3) + 4 :])


def test_a_language_not_yet_on_the_site_is_checked_without_stopping_the_others(
    site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    plant_somali_faults(site)
    result = site.run(capsys, "build")
    assert result.code == 0, result.out  # English and Spanish are published
    assert not site.path("site/so").exists()
    [header] = [line for line in result.lines if line.startswith("Soomaali (so), not yet on the site:")]
    assert header.endswith("finding(s); they do not stop publishing the others")
    assert (
        "docs/so/disagree.md:14: the `attrs:` line is indented by 2 space(s), so the key point has no id — indent "
        "it by 4 spaces, as on the English page (not yet on the site)"
    ) in result.lines
    assert (
        "docs/so/index.md:1: key point kp-school-free is missing — copy its block from docs/en/index.md and "
        "translate it (not yet on the site)"
    ) in result.lines
    line = site.path("mkdocs.yml").read_text(encoding="utf-8").splitlines().index("      - locale: so") + 1
    assert (
        f"mkdocs.yml:{line}: 'so' has no site name of its own: its readers would see the English one — add "
        "`site_name:` with the site's name in Soomaali, under `locale: so` (not yet on the site)"
    ) in result.lines
    # Every line after the header is the language's own.
    after = result.lines[result.lines.index(header) + 1 :]
    assert all(line.endswith("(not yet on the site)") for line in after if ": " in line and "✓" not in line)
    report = json.loads(site.path("build/check-report.json").read_text(encoding="utf-8"))
    assert report["findings"] == []
    assert report["not_yet_on_site"] == ["so"]
    assert {item["language"] for item in report["not_yet_on_site_findings"]} == {"so"}
    assert {"path": "docs/so/disagree.md", "line": 14} in [
        {"path": item["path"], "line": item["line"]} for item in report["not_yet_on_site_findings"]
    ]


def test_the_preview_holds_the_language_not_yet_on_the_site(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    plant_somali_faults(site)
    result = site.run(capsys, "check")
    assert result.code == 0, result.out
    page = lxml.html.parse(str(site.path("build/preview/so/index.html"))).getroot()
    assert page.get("lang") == "so"
    switcher = {link.get("hreflang") for link in page.xpath("//a[@hreflang]")}
    assert {"en", "es", "so"} <= switcher
    assert site.path("build/preview/es/index.html").is_file()
    # Somali has a search index of its own in the preview; the published languages do not link to it.
    index = json.loads(site.path("build/preview/so/search/search_index.json").read_text(encoding="utf-8"))
    # (static-i18n leaves out entries identical to the English ones: these pages are still English copies)
    assert "" in {doc["location"] for doc in index["docs"]}
    spanish = site.path("build/preview/es/index.html").read_text(encoding="utf-8")
    assert 'hreflang="so"' not in spanish
    # With the offline archive, the preview is the copy that opens from disk: a translator opens
    # so/index.html from the downloaded folder, without a server.
    result = site.run(capsys, "check", "--offline")
    assert "Preview with the languages not yet on the site: build/preview/ (open so/index.html in it)" in result.err
    page = lxml.html.parse(str(site.path("build/preview/so/index.html"))).getroot()
    assert "disagree.html#evaluation" in page.xpath("//article//a/@href")


def test_a_finding_in_a_published_language_still_stops_the_build(
    site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    plant_somali_faults(site)
    site.edit("docs/es/disagree.md", "    attrs: {id: kp-iee}", "  attrs: {id: kp-iee}")
    result = site.run(capsys, "build")
    assert result.code == 1
    assert "docs/es/disagree.md:13: the `attrs:` line is indented by 2 space(s)" in result.out
    assert "✗ 2 finding(s); the site was left unchanged." in result.err  # its attrs line, its key point


def test_a_language_that_cannot_be_built_yet_does_not_stop_the_others(
    site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    add_language("ps", "پښتو")(site)  # in mkdocs.yml, no pages, no language file
    result = site.run(capsys, "build")
    assert result.code == 0, result.out
    assert site.path("site/es/index.html").is_file()
    preview_failures = [line for line in result.lines if line.startswith("mkdocs.yml:18: its preview cannot be built:")]
    assert preview_failures, result.out
    assert all(line.endswith("(not yet on the site)") for line in preview_failures)
    assert (
        "mkdocs.yml:18: 'ps' is written right to left but its pages would show left to right — add "
        'overrides/partials/languages/ps.html with "direction": "rtl" (make new-language writes it) '
        "(not yet on the site)"
    ) in result.lines

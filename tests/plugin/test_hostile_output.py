"""What the browser gets when hostile input is built anyway (a plain `mkdocs build` or
`gh-deploy` skips our check): the page is sanitized, printed values are escaped text, and the
finished page carries nothing that runs, refreshes or loads from elsewhere. And plain text that is
allowed (a literal %, `{%`, Markdown punctuation in a catalog string) prints exactly as written."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

from resource_site.output.build import BuildOptions, build_site
from resource_site.plugin.finished_page import problems
from resource_site.project import Project
from tests.conftest import Site
from tests.faults import KEY_POINT_MSGID

PAGE = "docs/es/disagree.md"
AFTER = "Vuelva [al comienzo](index.md).\n"
CATALOG = "locales/es/LC_MESSAGES/messages.po"
HOSTILE_TITLE = "X</title><script>alert(1)"
ATTACKS = "\n".join(
    [
        "",
        '<div title="`"><script>alert(1)</script>">x</div>',
        "",
        "Texto {: onclick=\"alert('attr')\" }",
        "",
        '<a href="jav&#x61;script:alert(2)">enlace</a> <img src="https://tracker.example/p.gif" alt="">',
        "",
        '<meta\nhttp-equiv="refresh" content="0;url=https://evil.example/">',
        "",
        "Escriba [aquí](mailto:info@example.org?bcc=spy@evil.example).",
        "",
    ]
)


def plant_attacks(site: Site) -> None:
    site.edit(PAGE, AFTER, AFTER + ATTACKS)
    site.edit(PAGE, "title: Si no está de acuerdo", 'title: "X\\u003c/title\\u003e\\u003cscript\\u003ealert(1)"')


def build_anyway(site: Site, folder: Path) -> list[str]:
    """Build like a plain `mkdocs build` would: every page written, whatever the findings."""
    result = build_site(Project(site.root), folder, BuildOptions())
    assert result.finished
    return [str(found) for found in result.findings]


def test_an_attack_page_built_anyway_is_sanitized_and_escaped(site: Site, tmp_path: Path) -> None:
    plant_attacks(site)
    findings = build_anyway(site, tmp_path / "out")
    assert any(f.startswith(f"{PAGE}:") and "<script>" in f for f in findings), findings
    html = (tmp_path / "out" / "es" / "disagree" / "index.html").read_text(encoding="utf-8")
    page = lxml.html.document_fromstring(html)
    assert page.findtext(".//title").startswith(HOSTILE_TITLE), "the title prints as text"
    assert [s.get("src") for s in page.iter("script") if s.get("type") != "application/json"] == [
        "../../assets/javascripts/theme/state.js",
        "../../assets/javascripts/before-drawing.js",
        "../../assets/javascripts/theme/palette.js",
        "../../assets/javascripts/theme/tabs-target.js",
        "../../assets/javascripts/bundle.a5f9d56c.min.js",
        "../../assets/javascripts/site.js",
    ]
    assert not [name for element in page.iter() for name in element.attrib if name.lower().startswith("on")]
    assert [m.get("http-equiv") for m in page.iter("meta") if m.get("http-equiv")] == ["Content-Security-Policy"]
    article = page.find(".//article")
    assert not [a.get("href") for a in article.iter("a") if ":" in (a.get("href") or "").split("/")[0]
                and not (a.get("href") or "").startswith(("http", "tel:"))]  # fmt: skip
    assert article.find(".//img") is None or "tracker" not in article.find(".//img").get("src", "")
    assert problems(html, "https://example.org/") == []


def test_percent_and_template_braces_in_a_catalog_print_as_written(
    site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    written = "Información general al 100 % {% raw %} {{ x }}, no asesoría legal."
    site.edit(CATALOG, 'msgstr "Información general, no asesoría legal."', f'msgstr "{written}"')
    site.edit(CATALOG, f'{KEY_POINT_MSGID}\nmsgstr "Punto clave"', f'{KEY_POINT_MSGID}\nmsgstr "Punto clave 100 %"')
    assert site.run(capsys, "build").code == 0
    page = lxml.html.parse(site.path("site/es/disagree/index.html")).getroot()
    assert written in page.text_content()
    assert "Punto clave 100 %" in [label.text for label in page.find_class("keypoint-label")]


def test_markdown_in_a_catalog_string_stays_text_in_the_handout(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    written = "Hoja: [x](javascript:alert(1)){: onclick=alert(1) } *todo* #1 'clave'"
    site.edit(CATALOG, 'msgstr "Hoja para imprimir: los puntos clave"', f'msgstr "{written}"')
    assert site.run(capsys, "build").code == 0
    page = lxml.html.parse(site.path("site/es/handout/index.html")).getroot()
    heading = page.find(".//article//h1")
    assert heading.text_content().replace("¶", "").strip() == written
    assert [a.get("class") for a in heading.iter("a")] == ["headerlink"]
    assert page.findtext(".//title").startswith(written)

"""Any language a family reads: a three-letter BCP 47 code (Hmong, `hmn`, which the CLDR and
Material do not know) is scaffolded, published and built end to end — pages, interface strings
from our catalog, search, the switcher, the `lang` attribute and the handout — and the real check
passes with it on the site.

No fluent Hmong text is at hand, so the fixture's Spanish pages and catalog stand in for the
translation: the test proves the machinery for the code, not any Hmong wording (the language
guesser has no Hmong model, so no check reads the words themselves)."""

from __future__ import annotations

import json
import re
import subprocess

import lxml.html
import pytest

from resource_site.cli import main
from tests.conftest import Site

SITE_NAME = "Kev kho mob hauv tsev kawm ntawv"  # a stand-in, like the pages


def cli(site: Site, *args: str) -> int:
    return main(["--root", str(site.root), *args])


def stand_in_translation(site: Site) -> None:
    """The Spanish pages and catalog as the Hmong ones, each page keeping the `translated_from`
    the scaffold recorded."""
    for spanish in site.path("docs/es").glob("*.md"):
        target = site.path(f"docs/hmn/{spanish.name}")
        recorded = re.search(r"^translated_from: .*$", target.read_text(encoding="utf-8"), re.M)
        assert recorded is not None
        text = spanish.read_text(encoding="utf-8")
        target.write_text(text.replace("---\n", f"---\n{recorded.group(0)}\n", 1), encoding="utf-8")
    catalog = site.path("locales/es/LC_MESSAGES/messages.po").read_text(encoding="utf-8")
    site.write("locales/hmn/LC_MESSAGES/messages.po", catalog.replace('"Language: es\\n"', '"Language: hmn\\n"'))


def test_hmong_is_scaffolded_published_and_built_end_to_end(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    # The CLDR has no Hmong: its name and direction are given.
    assert cli(site, "new-language", "hmn", "--name", "Hmoob", "--dir", "ltr", "--site-name", SITE_NAME) == 0
    out = capsys.readouterr().out
    assert "overrides/partials/languages/hmn.html: Material has no Hmoob; its buttons come from the catalog" in out
    stand_in_translation(site)
    assert cli(site, "publish-language", "hmn") == 0
    result = site.run(capsys, "build", "--handouts")
    assert result.code == 0, result.out
    assert "✓ all checks passed" in result.err
    page = lxml.html.parse(str(site.path("site/hmn/disagree/index.html"))).getroot()
    assert (page.get("lang"), page.get("dir")) == ("hmn", "ltr")
    assert page.findtext(".//title") == f"Si no está de acuerdo - {SITE_NAME}"
    # Interface strings come from our catalog (Material has no Hmong file).
    assert page.xpath("//input[@name='query']/@placeholder") == ["Búsqueda"]
    # Every language's switcher offers Hmong under its own name.
    english = lxml.html.parse(str(site.path("site/index.html"))).getroot()
    assert [link.text_content().strip() for link in english.xpath("//a[@hreflang='hmn']")] == ["Hmoob"]
    # Search: an index of Hmong's own pages.
    index = json.loads(site.path("site/hmn/search/search_index.json").read_text(encoding="utf-8"))
    assert "disagree/#evaluation" in {doc["location"] for doc in index["docs"]}
    assert any("evaluación independiente" in doc["text"] for doc in index["docs"])
    # The handout, printed and read back.
    printed = subprocess.run(
        ["pdftotext", str(site.path("site/hmn/handout.pdf")), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Puede pedir una IEE" in printed
    statuses = json.loads(site.path("site/status.json").read_text(encoding="utf-8"))
    hmong = next(status for status in statuses if status["code"] == "hmn")
    assert (hmong["built"], hmong["complete"]) == (True, True)


@pytest.mark.parametrize("code", ["prs", "quc", "zh-Hant", "pt-BR"])
def test_other_bcp_47_codes_are_accepted(site: Site, capsys: pytest.CaptureFixture[str], code: str) -> None:
    assert cli(site, "new-language", code, "--name", "Name", "--dir", "ltr") == 0
    assert f"      - locale: {code}\n" in site.path("mkdocs.yml").read_text(encoding="utf-8")
    assert site.run(capsys, "check").code == 0  # not on the site yet: checked, and nothing stops

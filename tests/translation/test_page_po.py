"""Pages through PO files for translation tools: `make po` and `make from-po` round trip every
language's pages byte for byte; the structure (front matter keys, anchors, key-point markers)
stays out of the PO files; an English change comes back fuzzy with the old English kept."""

from __future__ import annotations

import io
import subprocess

import pytest
from babel.messages.pofile import read_po, write_po

from resource_site.cli import main
from resource_site.project import Project
from resource_site.translation.history import EnglishHistory
from resource_site.translation.page_po import export_page, import_page
from tests.conftest import ROOT, Site
from tests.translation.test_commands import translated_and_committed

REAL = Project(ROOT)
LANGUAGES = [language.code for language in REAL.languages if not language.default]


def cli(site: Site, *args: str) -> int:
    return main(["--root", str(site.root), *args])


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_page_comes_back_from_its_po_file_byte_for_byte(code: str) -> None:
    history = EnglishHistory(REAL.root)
    for page in REAL.source_pages(REAL.default_language.code):
        catalog = export_page(REAL, code, page, history)
        assert hasattr(catalog, "get"), catalog  # a Finding would say why
        written = io.BytesIO()
        write_po(written, catalog, width=0, include_previous=True)
        # what a translator's tool gets: text only, no markers, anchors or front-matter keys
        for message in catalog:
            assert "///" not in message.id and "attrs:" not in message.id and "{#" not in message.id, message.id
            assert not message.id.startswith(("translated_from", "title:", "---")), message.id
        back = import_page(REAL, code, page, read_po(io.BytesIO(written.getvalue())))
        assert back == REAL.source_path(code, page).read_text(encoding="utf-8"), f"{code}/{page}"


def test_a_translation_round_trips_through_the_commands(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(site, "translated", "es") == 0
    before = {path.name: path.read_text(encoding="utf-8") for path in site.path("docs/es").glob("*.md")}
    assert cli(site, "po", "es") == 0
    out = capsys.readouterr().out
    assert "locales/es/pages/index.po: " in out
    po = site.path("locales/es/pages/disagree.po").read_text(encoding="utf-8")
    assert 'msgctxt "title"\nmsgid "If you disagree"\nmsgstr "Si no está de acuerdo"' in po
    assert cli(site, "from-po", "es") == 0
    assert "docs/es/disagree.md: written from locales/es/pages/disagree.po (today's English)" in capsys.readouterr().out
    assert {path.name: path.read_text(encoding="utf-8") for path in site.path("docs/es").glob("*.md")} == before
    # A translator's change in the PO file reaches the page, and the page still builds.
    site.write("locales/es/pages/disagree.po", po.replace('msgstr "Una evaluación"', 'msgstr "Una evaluación escolar"'))
    assert cli(site, "from-po", "es", "disagree.md") == 0
    assert "## Una evaluación escolar {#evaluation}" in site.path("docs/es/disagree.md").read_text(encoding="utf-8")
    assert site.run(capsys, "check").code == 0


def test_an_english_change_comes_back_fuzzy_with_the_old_english(
    site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    translated_and_committed(site)
    site.edit(
        "docs/en/disagree.md", "you may be able to ask for an\nindependent one.", "you can ask for an\nindependent one."
    )
    assert cli(site, "po", "es", "disagree.md") == 0
    assert "1 fuzzy (the English changed)" in capsys.readouterr().out
    po = site.path("locales/es/pages/disagree.po").read_text(encoding="utf-8")
    assert (
        "#, fuzzy\n"
        '#| msgid ""\n'
        '#| "If you do not agree with the school\'s evaluation, you may be able to ask for an\\n"\n'
        '#| "independent one."\n'
        'msgid ""\n'
        '"If you do not agree with the school\'s evaluation, you can ask for an\\n"\n'
        '"independent one."\n'
        'msgstr ""\n'
        '"Si no está de acuerdo con la evaluación de la escuela, tal vez pueda pedir una\\n"\n'
        '"evaluación independiente."\n'
    ) in po
    before = site.path("docs/es/disagree.md").read_text(encoding="utf-8")
    assert cli(site, "from-po", "es", "disagree.md") == 0
    assert "(still behind the English: " in capsys.readouterr().out
    assert site.path("docs/es/disagree.md").read_text(encoding="utf-8") == before  # still stale, as it was
    # Once the translator has checked it (the fuzzy flag removed), the page is today's English.
    site.write(
        "locales/es/pages/disagree.po",
        po.replace("#, fuzzy\n", "").replace("tal vez pueda pedir una", "puede pedir una"),
    )
    assert cli(site, "from-po", "es", "disagree.md") == 0
    assert "disagree.md: written from locales/es/pages/disagree.po (today's English)" in capsys.readouterr().out
    spanish = next(s for s in status(site, capsys) if s["code"] == "es")
    assert spanish["stale_pages"] == []


def test_a_broken_po_file_is_named_at_its_line_and_nothing_is_written(
    site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli(site, "po", "es") == 0
    index = site.path("locales/es/pages/index.po")
    lines = index.read_text(encoding="utf-8").splitlines(keepends=True)
    broken = next(number for number, line in enumerate(lines) if line.startswith("msgstr ")) + 1
    lines.insert(broken, "this line is not PO\n")
    index.write_text("".join(lines), encoding="utf-8")
    site.write("locales/es/pages/disagree.po", site.path("locales/es/pages/disagree.po").read_text(encoding="utf-8"))
    before = site.path("docs/es/disagree.md").read_text(encoding="utf-8")
    capsys.readouterr()
    assert cli(site, "from-po", "es") == 1
    [message] = capsys.readouterr().out.strip().splitlines()
    assert message == (
        f"locales/es/pages/index.po:{broken + 1}: PO syntax error: a line that is neither a comment nor a quoted "
        'string — write each msgid and msgstr with its text in double quotes: msgstr "…"'
    )
    assert site.path("docs/es/disagree.md").read_text(encoding="utf-8") == before


def test_a_page_whose_structure_differs_is_named(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    site.edit("docs/es/disagree.md", "## Una evaluación {#evaluation}", "## Una evaluación {#evaluacion}")
    assert cli(site, "po", "es") == 1
    out = capsys.readouterr().out
    assert "locales/es/pages/index.po: " in out  # the other pages are written
    line = (
        site.path("docs/es/disagree.md")
        .read_text(encoding="utf-8")
        .splitlines()
        .index("## Una evaluación {#evaluacion}")
    )
    assert f"docs/es/disagree.md:{line + 1}: the page's structure differs from the English page here" in out


def status(site: Site, capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    import json

    capsys.readouterr()
    cli(site, "status", "--format", "json")
    return json.loads(capsys.readouterr().out)


def test_the_po_files_open_in_gettext_s_own_tools(site: Site) -> None:
    """msgfmt, gettext's own checker, reads what a CAT tool will read."""
    assert cli(site, "po", "es") == 0
    for path in site.path("locales/es/pages").glob("*.po"):
        result = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)], capture_output=True, text=True)
        assert result.returncode == 0, result.stderr


def round_trip(site: Site, code: str, page: str) -> str:
    project = Project(site.root)
    catalog = export_page(project, code, page, EnglishHistory(project.root))
    assert hasattr(catalog, "get"), catalog
    written = io.BytesIO()
    write_po(written, catalog, width=0)
    return import_page(project, code, page, read_po(io.BytesIO(written.getvalue())))


def test_odd_pages_come_back_as_they_were(site: Site) -> None:
    """A page without a title, a page saved with CRLF line endings, a unit left in English."""
    site.edit("docs/es/index.md", "title: Dos tipos de terapia\n", "")
    crlf = site.path("docs/es/disagree.md").read_text(encoding="utf-8").replace("\n", "\r\n")
    site.path("docs/es/disagree.md").write_bytes(crlf.encode("utf-8"))
    for page in ("index.md", "sources.md"):
        assert round_trip(site, "es", page) == site.path(f"docs/es/{page}").read_text(encoding="utf-8")
    assert round_trip(site, "es", "disagree.md") == crlf  # paired with the English's LF lines


def test_a_section_new_in_the_english_comes_where_the_english_has_it(
    site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    translated_and_committed(site)
    site.edit(
        "docs/en/disagree.md",
        "## An evaluation {#evaluation}",
        "## Talk first {#talk}\n\nAsk.\n\n## An evaluation {#evaluation}",
    )
    assert cli(site, "po", "es", "disagree.md") == 0
    po = site.path("locales/es/pages/disagree.po").read_text(encoding="utf-8")
    assert '#. new in the English since this page was translated\n#: disagree.md:10\nmsgid "Talk first"' in po
    assert cli(site, "from-po", "es", "disagree.md") == 0
    assert "(still behind the English: " in capsys.readouterr().out  # a new unit is left to translate
    spanish = site.path("docs/es/disagree.md").read_text(encoding="utf-8")
    assert spanish.index("## Talk first {#talk}") < spanish.index("## Una evaluación {#evaluation}")
    assert spanish.index("Vuelva [al comienzo](index.md).") < spanish.index("## Talk first {#talk}")

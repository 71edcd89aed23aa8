"""Interface-string catalogs: syntax, placeholders, untranslated strings."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from resource_site.checks.catalogs import check_catalogs
from resource_site.content.catalogs import read_catalog
from resource_site.plugin import plugin as plugin_module
from resource_site.project import Project
from tests.conftest import ROOT, Site, assert_reported
from tests.faults import KEY_POINT_MSGID, bad_po_syntax, po_line

CASES: dict[str, tuple[Callable[[Site], object], Callable[[Site], str]]] = {
    "PO syntax error": (
        bad_po_syntax,
        lambda s: (
            f"locales/es/LC_MESSAGES/messages.po:{po_line(s, 'msgstr Punto clave')}: PO syntax error: "
            "a line that is neither a comment nor a quoted string — "
            'write each msgid and msgstr with its text in double quotes: msgstr "…"'
        ),
    ),
    "PO placeholder differs": (
        lambda s: s.edit("locales/es/LC_MESSAGES/messages.po", 'msgstr "Punto clave"', 'msgstr "Punto clave %(n)s"'),
        lambda s: (
            f"locales/es/LC_MESSAGES/messages.po:{po_line(s, KEY_POINT_MSGID)}: placeholders of "
            "\"Key point\" differ: [] in English, ['%(n)s'] in the translation — "
            "keep every %(name)s placeholder exactly as in the English msgid"
        ),
    ),
    "PO string left in English": (
        lambda s: s.edit("locales/es/LC_MESSAGES/messages.po", 'msgstr "Punto clave"', 'msgstr "Key point"'),
        lambda s: (
            f'locales/es/LC_MESSAGES/messages.po:{po_line(s, KEY_POINT_MSGID)}: "Key point" is left in English — '
            'translate it; if your language says it the same way, write the line "# same as English" above its msgid'
        ),
    ),
    "PO string untranslated": (
        lambda s: s.edit("locales/es/LC_MESSAGES/messages.po", 'msgstr "Punto clave"', 'msgstr ""'),
        lambda s: (
            f'locales/es/LC_MESSAGES/messages.po:{po_line(s, KEY_POINT_MSGID)}: "Key point" has no '
            "translation — write the translation in msgstr (and remove the `#, fuzzy` line)"
        ),
    ),
}


@pytest.mark.parametrize("name", CASES)
def test_planted_fault_is_reported(site: Site, capsys: pytest.CaptureFixture[str], name: str) -> None:
    plant, expected = CASES[name]
    assert_reported(site, capsys, plant, expected)


POT = "locales/messages.pot"
PO = "locales/es/LC_MESSAGES/messages.po"
COMMENT = "#. Translators: the small label above each of the site's key facts.\n"
TEMPLATE_ENTRY = COMMENT + 'msgid "Key point"\nmsgstr ""\n'
SPANISH_ENTRY = COMMENT + 'msgid "Key point"\nmsgstr "Punto clave"\n'


def not_utf8(site: Site) -> None:
    site.path(PO).write_bytes(site.path(PO).read_bytes().replace(b"Punto clave", "Punto cláve".encode("latin-1")))


DIRECT: dict[str, tuple[Callable[[Site], object], str]] = {
    "a string used but not in the template": (
        lambda s: s.edit(POT, TEMPLATE_ENTRY, ""),
        'locales/messages.pot:1: "Key point" (scripts/resource_site/plugin/plugin.py:{line}) is not in the template '
        "— run `make update-catalogs`, then translate the new string",
    ),
    "a string in the template no longer used": (
        lambda s: s.edit(POT, TEMPLATE_ENTRY, TEMPLATE_ENTRY + '\nmsgid "Gone"\nmsgstr ""\n'),
        'locales/messages.pot:1: "Gone" is no longer used — run `make update-catalogs`',
    ),
    "no catalog for a language": (
        lambda s: s.path(PO).unlink(),
        "locales/es/LC_MESSAGES/messages.po:1: no interface-string catalog for 'es' — "
        "run `make new-catalog CODE=es` and translate it",
    ),
    "a catalog that is not UTF-8": (
        not_utf8,
        "locales/es/LC_MESSAGES/messages.po:{spanish_line}: the catalog is not valid UTF-8 — "
        "save it with UTF-8 encoding",
    ),
    "a catalog whose header names another charset than UTF-8": (
        lambda s: s.edit(PO, "charset=utf-8", "charset=ASCII"),
        "locales/es/LC_MESSAGES/messages.po:{charset_line}: the catalog's header says charset=ASCII, but the catalog "
        'holds non-ASCII text — make its header line "Content-Type: text/plain; charset=UTF-8\\n" and keep the '
        "file saved as UTF-8",
    ),
    "a catalog that lacks a string": (
        lambda s: s.edit(PO, SPANISH_ENTRY, ""),
        'locales/es/LC_MESSAGES/messages.po:1: catalog lacks the string "Key point" — '
        "run `make update-catalogs`, then translate the new strings",
    ),
    "a fuzzy translation": (
        lambda s: s.edit(PO, SPANISH_ENTRY, SPANISH_ENTRY.replace("msgid", "#, fuzzy\nmsgid")),
        'locales/es/LC_MESSAGES/messages.po:{po_line}: "Key point" is marked fuzzy — '
        "write the translation in msgstr (and remove the `#, fuzzy` line)",
    ),
}


def line_with(path: Path, needle: str) -> int:
    if not path.is_file():
        return 0
    lines = path.read_bytes().decode("latin-1").splitlines()
    return next((number for number, text in enumerate(lines, start=1) if needle in text), 0)


@pytest.mark.parametrize("name", DIRECT)
def test_catalog_fault_is_reported(unbuilt_site: Site, name: str) -> None:
    plant, expected = DIRECT[name]
    plant(unbuilt_site)
    findings = [str(item) for item in check_catalogs(Project(unbuilt_site.root))[0]]
    po = unbuilt_site.path(PO)
    message = expected.format(
        line=line_with(Path(plugin_module.__file__), 'gettext("Key point")'),
        po_line=line_with(po, 'msgid "Key point"'),
        spanish_line=line_with(po, "Punto cl"),
        charset_line=line_with(po, "Content-Type"),
    )
    assert message in findings, findings


def test_a_string_rightly_the_same_as_english_passes(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    site.edit(
        "locales/es/LC_MESSAGES/messages.po",
        f'{KEY_POINT_MSGID}\nmsgstr "Punto clave"',
        f'# same as English\n{KEY_POINT_MSGID}\nmsgstr "Key point"',
    )
    assert site.run(capsys, "build").code == 0


def test_the_template_has_a_header_that_starts_a_valid_catalog(tmp_path: Path) -> None:
    template = ROOT / "locales" / "messages.pot"
    assert read_catalog(template).charset.lower() == "utf-8"
    assert '"Content-Type: text/plain; charset=utf-8\\n"' in template.read_text(encoding="utf-8")
    # What `make new-catalog`, msginit or Poedit do with it: a new language's catalog.
    pybabel = Path(sys.executable).with_name("pybabel")
    subprocess.run([str(pybabel), "-q", "init", "-i", str(template), "-d", str(tmp_path), "-l", "so"], check=True)
    catalog = read_catalog(tmp_path / "so" / "LC_MESSAGES" / "messages.po")
    assert catalog.charset.lower() == "utf-8"
    assert len([message for message in catalog if message.id]) == len([m for m in read_catalog(template) if m.id])

"""Interface-string catalogs: syntax, placeholders, untranslated strings."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.conftest import Site, assert_reported
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

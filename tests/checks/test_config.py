"""mkdocs.yml's languages: codes the site can build, and the right direction."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.conftest import Site, assert_reported
from tests.faults import add_language

CASES: dict[str, tuple[Callable[[Site], object], Callable[[Site], str]]] = {
    "malformed language code": (
        add_language("es_MX", "Español de México"),
        lambda s: (
            "mkdocs.yml:18: MkDocs cannot read the configuration: Config value 'plugins': Plugin 'site-i18n' option "
            "'languages': Sub-option 'locale': 'es_MX' is not a BCP 47 language code: write it in lower case, with "
            "a script or region if it needs one, like so, hmn, zh-Hant or pt-BR Aborted with a configuration error! "
            "— fix this line; language codes look like es, hmn, zh-Hant or pt-BR"
        ),
    ),
    "right-to-left language without its direction": (
        add_language("ps", "پښتو", on_the_site=True),
        lambda s: (
            "mkdocs.yml:18: 'ps' is written right to left but its pages would show left to right — "
            'add overrides/partials/languages/ps.html with "direction": "rtl" (make new-language writes it)'
        ),
    ),
}


@pytest.mark.parametrize("name", CASES)
def test_planted_fault_is_reported(site: Site, capsys: pytest.CaptureFixture[str], name: str) -> None:
    plant, expected = CASES[name]
    assert_reported(site, capsys, plant, expected)

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
            "mkdocs.yml:17: language code 'es_MX' is not one the site can build — "
            "use a two-letter BCP 47 code, optionally with script or region: so, zh-Hant"
        ),
    ),
    "right-to-left language without its direction": (
        add_language("ps", "پښتو"),
        lambda s: (
            "mkdocs.yml:17: 'ps' is written right to left but its pages would show left to right — "
            'add overrides/partials/languages/ps.html with "direction": "rtl" (make new-language writes it)'
        ),
    ),
}


@pytest.mark.parametrize("name", CASES)
def test_planted_fault_is_reported(site: Site, capsys: pytest.CaptureFixture[str], name: str) -> None:
    plant, expected = CASES[name]
    assert_reported(site, capsys, plant, expected)

"""Every link, anchor and image in the built HTML resolves, within its language."""

from __future__ import annotations

from collections.abc import Callable

import pytest

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

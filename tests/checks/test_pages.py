"""Pages as files: in every language, UTF-8 without BOM, valid front matter, neither empty nor huge."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.conftest import Site, assert_reported
from tests.faults import latin1

CASES: dict[str, tuple[Callable[[Site], object], Callable[[Site], str]]] = {
    "page missing in a language": (
        lambda s: s.path("docs/es/disagree.md").unlink(),
        lambda s: (
            "docs/es/disagree.md:1: page missing in 'es' (Español) — "
            "copy docs/en/disagree.md to this path and translate it"
        ),
    ),
    "page only in one language": (
        lambda s: s.write("docs/es/extra.md", "# Extra {#top}\n\nUna página que solo existe en español.\n"),
        lambda s: (
            "docs/es/extra.md:1: page has no English original docs/en/extra.md — "
            "rename it to match an English page, or add the English page first"
        ),
    ),
    "invalid front matter": (
        lambda s: s.edit("docs/es/index.md", "title: Dos tipos de terapia", "title: [Dos tipos"),
        lambda s: (
            "docs/es/index.md:2: invalid front matter: expected ',' or ']', but got '<stream end>' — "
            "fix the YAML between the two `---` lines"
        ),
    ),
    "file not in UTF-8": (
        latin1,
        lambda s: (
            "docs/es/disagree.md:2: file is not valid UTF-8 — "
            "save the file with UTF-8 encoding (in most editors: Save as, then Encoding: UTF-8)"
        ),
    ),
    "byte-order mark": (
        lambda s: s.path("docs/es/disagree.md").write_bytes(
            b"\xef\xbb\xbf" + s.path("docs/es/disagree.md").read_bytes()
        ),
        lambda s: (
            "docs/es/disagree.md:1: file starts with a byte-order mark (BOM) — save the file as UTF-8 without BOM"
        ),
    ),
    "empty page": (
        lambda s: s.write("docs/es/disagree.md", "---\ntitle: Vacía\n---\n\n"),
        lambda s: "docs/es/disagree.md:4: page has no text — write the page, or copy and translate the English one",
    ),
    "huge page": (
        lambda s: s.write("docs/es/disagree.md", s.path("docs/es/disagree.md").read_text(encoding="utf-8") * 300),
        lambda s: (
            "docs/es/disagree.md:1: page is 114 KB, over the 100 KB limit — "
            "check for pasted text that does not belong; split a long page in two"
        ),
    ),
}


@pytest.mark.parametrize("name", CASES)
def test_planted_fault_is_reported(site: Site, capsys: pytest.CaptureFixture[str], name: str) -> None:
    plant, expected = CASES[name]
    assert_reported(site, capsys, plant, expected)

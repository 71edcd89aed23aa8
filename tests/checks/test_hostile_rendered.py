"""Attacks on the rendered page: whatever trick the Markdown uses, the HTML the browser would get
goes through an allowlist, and key points cannot be hidden, nested away or hijacked. Each attack
is planted in the fixture site; `build` names it on its line and leaves site/ as it was."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.conftest import Site, assert_reported
from tests.faults import SPANISH_KEYPOINT

PAGE = "docs/es/disagree.md"
AFTER = "Vuelva [al comienzo](index.md).\n"
FIX = "remove it: pages are Markdown text, links and the few tags the English pages use"
LIMITS = "split it up: pages are short, plain text"
PLAIN = 'write plain text: no < or >, typographic quotes “ ” instead of ", and & only before a space'


def append(text: str) -> Callable[[Site], None]:
    """Add lines to the Spanish page just after its line 8."""
    return lambda site: site.edit(PAGE, AFTER, AFTER + text)


CASES: dict[str, tuple[Callable[[Site], object], str]] = {
    "an attribute that closes early, then a script": (
        append('\n<div title="`"><script>alert(1)</script>">x</div>\n'),
        f"{PAGE}:10: the page's HTML has a <script> element, which pages may not use — {FIX}",
    ),
    "an unclosed code fence before a script": (
        append("\n~~~\n\n<script>alert(document.cookie)</script>\n"),
        f"{PAGE}:12: the page's HTML has a <script> element, which pages may not use — {FIX}",
    ),
    "an attribute list with a handler": (
        append('{: onclick="alert(1)" }\n'),
        f"{PAGE}:9: the attribute onclick= on <p> runs script — {FIX}",
    ),
    "a reference-style javascript: link": (
        append("\nVea [esto][aqui].\n\n[aqui]: javascript:alert(1)\n"),
        f"{PAGE}:12: the address javascript:… on <a> is not allowed (it can run script) — {FIX}",
    ),
    "an entity-encoded scheme": (
        append('\n<a href="jav&#x61;script:alert(1)">x</a>\n'),
        f"{PAGE}:10: the address javascript:… on <a> is not allowed (it can run script) — {FIX}",
    ),
    "a tag split over lines": (
        append('\n<a\nhref="javascript:alert(1)">x</a>\n'),
        f"{PAGE}:11: the address javascript:… on <a> is not allowed (it can run script) — {FIX}",
    ),
    "a redirect in a <meta> split over lines": (
        append('\n<meta\nhttp-equiv="refresh" content="0;url=https://evil.example/">\n'),
        f"{PAGE}:10: the page's HTML has a <meta> element, which pages may not use — {FIX}",
    ),
    "an e-mail link that adds a hidden copy": (
        append("\nEscriba [aquí](mailto:info@example.org?bcc=spy@evil.example).\n"),
        f"{PAGE}:10: an e-mail link that adds headers (?cc=, ?bcc=, ?body=…) — {FIX}",
    ),
    "a tracking pixel": (
        append("\n![](https://tracker.example/pixel.gif?who=family)\n"),
        f"{PAGE}:10: an image from another site (https://tracker.example/pixel.gif?who=fa): "
        f"it would tell that site who reads the page — {FIX}",
    ),
    "a class that hides a key point": (
        lambda s: s.edit(PAGE, "attrs: {id: kp-iee}", "attrs: {id: kp-iee, class: tabbed-block}"),
        f"{PAGE}:13: key-point block has attributes besides its id (class) — "
        "write only `attrs: {id: kp-…}`: a class or style can hide a key point",
    ),
    "a heading that takes over a key point's link": (
        append("\n## Es gratis, pero no siempre {#kp-iee-2}\n\n## Falso {#kp-school-free}\n"),
        "docs/es/disagree.md:12: the key-point anchor #kp-school-free is on a <h2>, not on its key-point block — "
        "use ids starting with kp- only in a key point's `attrs: {id: …}`",
    ),
    "a missing /// that nests the next key point": (
        lambda s: s.edit("docs/es/index.md", f"{SPANISH_KEYPOINT}\n///\n", f"{SPANISH_KEYPOINT}\n"),
        "docs/es/index.md:10: key-point block is not closed: the next block or the end of the page comes first — "
        "end the block with a line holding only `///`",
    ),
    "a title that closes <title> (escaped for YAML)": (
        lambda s: s.edit(
            PAGE, "title: Si no está de acuerdo", 'title: "X\\u003c/title\\u003e\\u003cscript\\u003ealert(1)"'
        ),
        f"{PAGE}:2: front matter `title` holds markup (<) — {PLAIN}",
    ),
    "a description that becomes a redirect": (
        lambda s: s.edit(
            PAGE,
            "title: Si no está de acuerdo\n",
            "title: Si no está de acuerdo\ndescription: '0;url=https://evil.example/\" http-equiv=\"refresh'\n",
        ),
        f'{PAGE}:3: front matter `description` holds markup (") — {PLAIN}',
    ),
    "a reviewer name with a script": (
        lambda s: s.edit(
            PAGE, "title: Si no está de acuerdo\n", "title: Si no está de acuerdo\nreviewed_by: <script>x</script>\n"
        ),
        f"{PAGE}:3: front matter `reviewed_by` holds markup (<) — {PLAIN}",
    ),
    "a front matter that turns the page into a redirect": (
        lambda s: s.edit(
            PAGE,
            "title: Si no está de acuerdo\n",
            "title: Si no está de acuerdo\ntemplate: redirect.html\nlocation: https://evil.example/\n",
        ),
        f"{PAGE}:3: front matter `template` is not a key pages use — remove it: a page's front matter has only "
        "title, description, translated_from, reviewed_by, reviewed_on",
    ),
    "a title that is a list, not text": (
        lambda s: s.edit(PAGE, "title: Si no está de acuerdo\n", "title: [a, b]\n"),
        f"{PAGE}:2: front matter `title` is not a line of text — write `title: ` and the text",
    ),
    "25,000 [ that would take Markdown minutes": (
        append("\n" + "[" * 25_000 + "\n"),
        f"{PAGE}:10: the page has 25,000 links or brackets in one paragraph (at most 100) — {LIMITS}",
    ),
    "600 nested <div markdown> that would exhaust the stack": (
        append("\n" + "<div markdown>\n" * 600 + "x\n" + "</div>\n" * 600),
        f"{PAGE}:20: the page has HTML elements nested 11 deep (at most 10) — {LIMITS}",
    ),
    "a list nested 30 levels deep": (
        append("\n" + "".join("    " * level + "- a\n" for level in range(30))),
        f"{PAGE}:21: the page has a line indented 11 levels (at most 10) — {LIMITS}",
    ),
    "a language name with a script": (
        lambda s: s.edit("mkdocs.yml", "name: Español", 'name: "Español<script>alert(1)</script>"'),
        f"mkdocs.yml:14: the name of 'es' holds markup (<) — {PLAIN}",
    ),
}


@pytest.mark.parametrize("name", CASES)
def test_attack_is_reported(site: Site, capsys: pytest.CaptureFixture[str], name: str) -> None:
    plant, expected = CASES[name]
    assert_reported(site, capsys, plant, expected)


def test_a_reviewer_name_with_markup_is_refused(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    before = site.path(PAGE).read_bytes()
    result = site.run(capsys, "review", "es", "disagree.md", "--by", '"><script>alert(1)</script>')
    assert result.code == 2
    assert result.err.startswith("error: the reviewed_by value '\"><script>alert(1)</script>' holds markup (\")")
    assert site.path(PAGE).read_bytes() == before

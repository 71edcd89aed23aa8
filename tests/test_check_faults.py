"""Each fault the check must catch, planted in the fixture site, with the exact message it gives."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.conftest import Site

ENGLISH_KEYPOINT = "Families do not pay for the therapy that the school gives to their child."
KEY_POINT_MSGID = 'msgid "Key point"'
SPANISH_KEYPOINT = "Las familias no pagan por la terapia que la escuela le da a su hijo o hija."


def delete_spanish_keypoint(site: Site) -> None:
    site.edit(
        "docs/es/index.md",
        f"/// keypoint | Gratis para las familias\n    attrs: {{id: kp-school-free}}\n\n{SPANISH_KEYPOINT}\n///\n",
        "",
    )


def bad_po_syntax(site: Site) -> None:
    site.edit("locales/es/LC_MESSAGES/messages.po", 'msgstr "Punto clave"', "msgstr Punto clave")


def po_line(site: Site, needle: str) -> int:
    lines = site.path("locales/es/LC_MESSAGES/messages.po").read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, start=1) if needle in line)


def latin1(site: Site) -> None:
    text = site.path("docs/es/disagree.md").read_text(encoding="utf-8")
    site.path("docs/es/disagree.md").write_bytes(text.encode("latin-1"))


def add_language(code: str, name: str) -> Callable[[Site], None]:
    def plant(site: Site) -> None:
        site.edit(
            "mkdocs.yml",
            "        name: Español\n        build: true\n",
            f"        name: Español\n        build: true\n      - locale: {code}\n        name: {name}\n"
            "        build: false\n",
        )

    return plant


CASES: dict[str, tuple[Callable[[Site], None], Callable[[Site], str]]] = {
    "missing key point": (
        delete_spanish_keypoint,
        lambda s: (
            "docs/es/index.md:1: key point kp-school-free is missing — "
            "copy its block from docs/en/index.md and translate it"
        ),
    ),
    "key point left in English": (
        lambda s: (
            s.edit("docs/es/index.md", SPANISH_KEYPOINT, ENGLISH_KEYPOINT)
            or s.edit("docs/es/index.md", "Gratis para las familias", "Free for families")
        ),
        lambda s: "docs/es/index.md:11: key point kp-school-free is still in English — translate its title and text",
    ),
    "key point in the wrong language": (
        lambda s: s.edit(
            "docs/es/index.md",
            SPANISH_KEYPOINT,
            "The families do not have to pay anything for the therapy their child gets at school.",
        ),
        lambda s: (
            "docs/es/index.md:11: key point kp-school-free reads as 'en', not 'es' — "
            "translate it into this page's language"
        ),
    ),
    "duplicate key-point id": (
        lambda s: s.edit("docs/es/index.md", "attrs: {id: kp-medical-cost}", "attrs: {id: kp-school-free}"),
        lambda s: (
            "docs/es/index.md:17: key point kp-school-free appears twice (first on line 11) — "
            "keep one block with this id"
        ),
    ),
    "unknown key-point id": (
        lambda s: s.edit("docs/es/disagree.md", "attrs: {id: kp-iee}", "attrs: {id: kp-iee-request}"),
        lambda s: (
            "docs/es/disagree.md:13: unknown key-point id kp-iee-request — "
            "use the id from the English page (see docs/keypoints.yml)"
        ),
    ),
    "key point on the wrong page": (
        lambda s: s.edit("docs/es/disagree.md", "attrs: {id: kp-iee}", "attrs: {id: kp-medical-cost}"),
        lambda s: (
            "docs/es/disagree.md:13: key point kp-medical-cost belongs on index.md, not here — "
            "move the block to docs/es/index.md"
        ),
    ),
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
    "link into another language": (
        lambda s: s.edit("docs/es/disagree.md", "[al comienzo](index.md)", "[al comienzo](../en/index.md)"),
        lambda s: (
            "docs/es/disagree.md:8: link ../en/index.md points into the 'en' pages — "
            "link to the page in this language's folder (e.g. `page.md`)"
        ),
    ),
    "page missing in a language": (
        lambda s: s.path("docs/es/disagree.md").unlink(),
        lambda s: (
            "docs/es/disagree.md:1: page missing in 'es' (Español) — "
            "copy docs/en/disagree.md to this path and translate it"
        ),
    ),
    "page left in English": (
        lambda s: s.write("docs/es/disagree.md", s.path("docs/en/disagree.md").read_text(encoding="utf-8")),
        lambda s: (
            "docs/es/disagree.md:1: page text reads as 'en', not 'es' (Español) — "
            "translate the page; English left in place is not a translation"
        ),
    ),
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
    "invalid front matter": (
        lambda s: s.edit("docs/es/index.md", "title: Dos tipos de terapia", "title: [Dos tipos"),
        lambda s: (
            "docs/es/index.md:2: invalid front matter: expected ',' or ']', but got '<stream end>' — "
            "fix the YAML between the two `---` lines"
        ),
    ),
    "page only in one language": (
        lambda s: s.write("docs/es/extra.md", "# Extra {#top}\n\nUna página que solo existe en español.\n"),
        lambda s: (
            "docs/es/extra.md:1: page has no English original docs/en/extra.md — "
            "rename it to match an English page, or add the English page first"
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
    "missing image": (
        lambda s: s.edit(
            "docs/es/disagree.md", "Vuelva [al comienzo]", "![Un dibujo](dibujo.png)\nVuelva [al comienzo]"
        ),
        lambda s: (
            "docs/es/disagree.md:8: image dibujo.png is missing — add the image file beside the page, or fix its name"
        ),
    ),
    "glossary term without a definition": (
        lambda s: s.edit(
            "docs/es/glossary.md",
            "Programa de Educación Individualizado (Individualized Education "
            "Program). Un plan escrito para un estudiante que recibe educación especial.\n",
            "",
        ),
        lambda s: (
            "docs/es/glossary.md:7: glossary term IEP has no definition — "
            "write its meaning in the lines under the heading"
        ),
    ),
    "glossary term missing in a language": (
        lambda s: s.edit("docs/es/glossary.md", "## IEP {#iep}", "## PEI {#pei}"),
        lambda s: (
            "docs/es/glossary.md:1: glossary term IEP ({#iep}) is missing — "
            "copy its entry from docs/en/glossary.md and translate it"
        ),
    ),
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
    "English page too hard to read": (
        lambda s: s.edit(
            "docs/en/disagree.md",
            "You can ask the school team",
            "Notwithstanding institutional determinations, families considering administrative "
            "reconsideration procedures can additionally ask the school team",
        ),
        lambda s: (
            "docs/en/disagree.md:1: reads at grade 9.1, above the grade 8 limit — "
            "use shorter sentences and everyday words"
        ),
    ),
}


def site_files(site: Site) -> dict[str, bytes]:
    return {p.relative_to(site.root).as_posix(): p.read_bytes() for p in site.path("site").rglob("*") if p.is_file()}


@pytest.mark.parametrize("name", CASES)
def test_planted_fault_is_reported(site: Site, capsys: pytest.CaptureFixture[str], name: str) -> None:
    assert site.run(capsys, "build").code == 0
    published = site_files(site)
    plant, expected = CASES[name]
    plant(site)
    result = site.run(capsys, "build")
    assert result.code == 1
    assert expected(site) in result.lines, result.out
    assert site_files(site) == published  # a failed build leaves the published site as it was


def test_failed_build_leaves_site_untouched(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    assert site.run(capsys, "build").code == 0
    published = site.path("site/es/index.html").read_bytes()
    delete_spanish_keypoint(site)
    result = site.run(capsys, "build")
    assert result.code == 1
    assert site.path("site/es/index.html").read_bytes() == published
    assert not site.path(".site-staging").exists()
    assert "site/ left unchanged" in result.err


def test_all_findings_in_one_run_across_languages(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    delete_spanish_keypoint(site)
    bad_po_syntax(site)
    site.edit("docs/en/disagree.md", "[back to the start](index.md)", "[back to the start](home.md)")
    result = site.run(capsys)
    assert result.code == 1
    assert [line.split(":")[0] for line in result.lines] == [
        "docs/en/disagree.md",
        "docs/es/index.md",
        "locales/es/LC_MESSAGES/messages.po",
    ]


def test_crlf_line_endings_are_accepted(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    for page in ("docs/es/index.md", "docs/es/disagree.md"):
        site.path(page).write_bytes(site.path(page).read_bytes().replace(b"\n", b"\r\n"))
    result = site.run(capsys)
    assert (result.code, result.lines) == (0, [])


def test_unknown_language_code_stops_with_a_message(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    add_language("klingon", "tlhIngan Hol")(site)
    result = site.run(capsys)
    assert result.code == 1
    [message] = result.lines
    assert message.startswith("mkdocs.yml:17: MkDocs cannot read the configuration: ")
    assert message.endswith("— fix this line; language codes look like es, zh-Hant or pt-BR")


def test_one_mangled_language_does_not_hide_the_others(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    for page in ("index.md", "disagree.md", "glossary.md", "sources.md"):
        site.path(f"docs/es/{page}").write_bytes(bytes(range(256)) * 4)
    site.edit("docs/en/disagree.md", "[back to the start](index.md)", "[back to the start](home.md)")
    result = site.run(capsys)
    assert result.code == 1
    assert (
        "docs/en/disagree.md:8: link home.md leads to no page — "
        "fix the link target (a page of this language, like `page.md#anchor`)" in result.lines
    )
    assert any(line.startswith("docs/es/index.md:2: file is not valid UTF-8") for line in result.lines)

"""Hostile text in a page, a catalog or the branding file cannot put script on the site (the page's
rendered HTML goes through the allowlist; more attacks in test_hostile_rendered.py)."""

from __future__ import annotations

import pytest

from tests.conftest import Site

FIX = "remove it: pages are Markdown text, links and the few tags the English pages use"
PLACE = "Vuelva [al comienzo](index.md)."


@pytest.mark.parametrize(
    ("planted", "messages"),
    [
        ("<script>alert(1)</script>", ["the page's HTML has a <script> element, which pages may not use"]),
        (
            '<iframe src="https://evil.example"></iframe>',
            ["the page's HTML has a <iframe> element, which pages may not use"],
        ),
        ("<img src=x onerror=alert(1)>", ["the attribute onerror= on <img> runs script"]),
        ('<span onmouseover="alert(1)">hola</span>', ["the attribute onmouseover= on <span> runs script"]),
        ("[haga clic](javascript:alert(1))", ["the address javascript:… on <a> is not allowed (it can run script)"]),
        (
            '<a href="javascript:alert(1)">haga clic</a>',
            ["the address javascript:… on <a> is not allowed (it can run script)"],
        ),
        (
            "[datos](data:text/html;base64,PHNjcmlwdD4=)",
            ["the address data:… on <a> is not allowed (it can run script)"],
        ),
        ('<div style="position:fixed">x</div>', ["the attribute style= on <div> is not allowed in a page"]),
    ],
)
def test_script_in_a_page_is_refused(
    site: Site, capsys: pytest.CaptureFixture[str], planted: str, messages: list[str]
) -> None:
    assert site.run(capsys, "build").code == 0
    published = site.path("site/es/disagree/index.html").read_bytes()
    site.edit("docs/es/disagree.md", PLACE, f"{PLACE}\n{planted}")
    result = site.run(capsys, "build")
    assert result.code == 1
    assert sorted(line for line in result.lines if FIX in line) == sorted(
        f"docs/es/disagree.md:9: {message} — {FIX}" for message in messages
    )
    assert site.path("site/es/disagree/index.html").read_bytes() == published


def test_code_may_show_markup_as_text(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    site.edit("docs/es/disagree.md", PLACE, f"{PLACE}\n\nEscriba `<script>` para ver el código.")
    assert site.run(capsys).code == 0


@pytest.mark.parametrize(
    ("translation", "found"),
    [
        ("<script>alert(1)</script>", "<"),
        ("<img src=x onerror=alert(1)>", "<"),
        ('x\\" autofocus onfocus=\\"alert(1)', '"'),  # out of an attribute, in the PO's own escaping
        ("&lt;script&gt;", "&lt;"),
    ],
)
def test_script_in_a_catalog_is_refused(
    site: Site, capsys: pytest.CaptureFixture[str], translation: str, found: str
) -> None:
    catalog = site.path("locales/es/LC_MESSAGES/messages.po")
    catalog.write_text(
        catalog.read_text(encoding="utf-8").replace('msgstr "Punto clave"', f'msgstr "{translation}"'),
        encoding="utf-8",
    )
    line = next(
        n for n, text in enumerate(catalog.read_text(encoding="utf-8").splitlines(), 1) if text == 'msgid "Key point"'
    )
    result = site.run(capsys)
    assert result.code == 1
    assert (
        f'locales/es/LC_MESSAGES/messages.po:{line}: translation of "Key point" holds markup ({found}) — '
        'write plain text: no < or >, typographic quotes “ ” instead of ", and & only before a space' in result.lines
    )


def test_script_in_branding_is_refused_and_escaped(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    site.write("branding.yml", 'center:\n  name: "<script>alert(1)</script>"\n')
    result = site.run(capsys)
    assert result.lines == ["branding.yml:2: center.name contains HTML — write plain text, without < or >"]

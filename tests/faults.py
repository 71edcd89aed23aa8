"""Faults to plant in the fixture site, shared by the check tests."""

from __future__ import annotations

from collections.abc import Callable

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


def add_language(code: str, name: str, on_the_site: bool = False) -> Callable[[Site], None]:
    def plant(site: Site) -> None:  # at the end of the languages list, the end of the fixture's mkdocs.yml
        config = site.path("mkdocs.yml").read_text(encoding="utf-8")
        entry = f"      - locale: {code}\n        name: {name}\n        build: {str(on_the_site).lower()}\n"
        site.write("mkdocs.yml", config + entry)

    return plant

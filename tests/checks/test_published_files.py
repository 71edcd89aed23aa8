"""Only expected files are published: no symbolic links, no file type that can carry script, SVG
only when it only draws, and a logo from inside the repository."""

from __future__ import annotations

import os
from collections.abc import Callable

import pytest

from tests.conftest import Site, assert_reported

SCRIPTED_SVG = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>\n'
HANDLER_SVG = '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><circle r="4"/></svg>\n'
CLEAN_SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4"/></svg>\n'
SVG_FIX = "export the image again as plain SVG (shapes only) or as PNG"


def logo(path: str) -> Callable[[Site], None]:
    return lambda site: site.write("branding.yml", f"center:\n  logo: {path}\n")


def big_logo(site: Site) -> None:
    site.path("branding").mkdir(exist_ok=True)
    site.path("branding/logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(4 * 1024 * 1024))
    logo("branding/logo.png")(site)


def wide_logo(site: Site) -> None:
    """A small file that draws a great many pixels: 4000×3000, all one colour, compresses well."""
    site.path("branding").mkdir(exist_ok=True)
    header = (4000).to_bytes(4, "big") + (3000).to_bytes(4, "big") + bytes([8, 6, 0, 0, 0])
    site.path("branding/logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + (13).to_bytes(4, "big") + b"IHDR" + header)
    logo("branding/logo.png")(site)


def outside_logo(site: Site) -> None:
    (site.root.parent / "elsewhere.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    site.path("branding").mkdir()
    os.symlink(site.root.parent / "elsewhere.png", site.path("branding/logo.png"))
    logo("branding/logo.png")(site)


CASES: dict[str, tuple[Callable[[Site], object], str]] = {
    "a symbolic link in docs/": (
        lambda s: os.symlink("/etc/passwd", s.path("docs/es/passwd.png")),
        "docs/es/passwd.png:1: a symbolic link in docs/ — put the file itself here, or remove the link",
    ),
    "an HTML file in docs/": (
        lambda s: s.write("docs/es/x.html", "<script>alert(1)</script>\n"),
        "docs/es/x.html:1: a .html file in docs/ would be published as it is — keep only pages and images "
        "(.gif, .jpeg, .jpg, .md, .png, .svg, .webp) in docs/; an SVG or HTML file can carry script",
    ),
    "an SVG with a script in docs/": (
        lambda s: s.write("docs/es/dibujo.svg", SCRIPTED_SVG),
        f"docs/es/dibujo.svg:1: the SVG image can run script: it holds a <script> element — {SVG_FIX}",
    ),
    "an SVG logo with a handler": (
        lambda s: s.write("branding/logo.svg", HANDLER_SVG) or logo("branding/logo.svg")(s),
        f"branding.yml:2: the SVG logo can run script: its <svg> has a onload= handler — {SVG_FIX}",
    ),
    "a 4 MB logo": (
        big_logo,
        "branding.yml:2: the logo is 4,096 KB; at most 4 KB keeps a phone's first visit within its budget — "
        "export it smaller: an SVG, or a PNG about 200 pixels wide",
    ),
    "a logo of 4000×3000 pixels": (
        wide_logo,
        "branding.yml:2: the logo is 4000×3000 pixels; at most 512 on its longer side keeps it light on a phone — "
        "export it smaller: an SVG, or a PNG about 200 pixels wide",
    ),
    "a logo outside the repository": (
        outside_logo,
        "branding.yml:2: the logo is outside the repository — "
        "put the logo itself in the project's branding/ folder and give that path",
    ),
}


@pytest.mark.parametrize("name", CASES)
def test_unexpected_file_is_reported(site: Site, capsys: pytest.CaptureFixture[str], name: str) -> None:
    plant, expected = CASES[name]
    assert_reported(site, capsys, plant, expected)


def test_an_svg_that_only_draws_is_published(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    site.write("docs/es/dibujo.svg", CLEAN_SVG)
    assert site.run(capsys, "build").code == 0
    assert site.path("site/es/dibujo.svg").read_text(encoding="utf-8") == CLEAN_SVG

"""Material's inline scripts, served as our files so the CSP needs no inline script, stay the
same scripts as the installed Material's (an upgrade that changes one fails here)."""

from __future__ import annotations

import re
from pathlib import Path

import material
import pytest

from tests.real_site import PROJECT

MATERIAL_SCRIPTS = Path(material.__file__).parent / "templates" / "partials" / "javascripts"
OUR_SCRIPTS = PROJECT.overrides_dir / "assets" / "javascripts" / "theme"
# Ours finds the site's root from its own address instead of from the page's base_url.
SCOPE = ('new URL("{{ config.extra.scope | d(base_url) }}",location)', 'new URL("../../..",document.currentScript.src)')


def inline_scripts(partial: str) -> list[str]:
    return re.findall(r"<script>(.*?)</script>", (MATERIAL_SCRIPTS / partial).read_text(encoding="utf-8"), re.S)


def our_script(name: str) -> str:
    lines = (OUR_SCRIPTS / name).read_text(encoding="utf-8").splitlines()
    return "\n".join(line for line in lines if not line.startswith("//"))


@pytest.mark.parametrize(
    ("partial", "index", "ours"),
    [
        ("base.html", 0, "state.js"),
        ("palette.html", 0, "palette.js"),
        ("content.html", 0, "tabs-link.js"),
        ("content.html", 1, "tabs-target.js"),
    ],
)
def test_our_file_is_materials_inline_script(partial: str, index: int, ours: str) -> None:
    assert our_script(ours) == inline_scripts(partial)[index].replace(*SCOPE)


def test_every_inline_script_material_includes_has_a_file() -> None:
    overridden = {path.name for path in (PROJECT.overrides_dir / "partials" / "javascripts").glob("*.html")}
    with_scripts = {p.name for p in MATERIAL_SCRIPTS.glob("*.html") if "<script>" in p.read_text(encoding="utf-8")}
    # announce, consent and outdated belong to features the site does not turn on (finished_page would say).
    assert with_scripts - overridden == {"announce.html", "consent.html", "outdated.html"}


def test_the_theme_draws_its_icons_with_data_images() -> None:
    """Why the policy's img-src keeps `data:`: Material's stylesheet draws the checklist boxes,
    admonition and navigation icons as data: SVG masks (a page's own <img> may not use data:)."""
    stylesheet = next((MATERIAL_SCRIPTS.parents[1] / "assets" / "stylesheets").glob("main.*.min.css"))
    assert '--md-tasklist-icon:url("data:image/svg+xml' in stylesheet.read_text(encoding="utf-8")

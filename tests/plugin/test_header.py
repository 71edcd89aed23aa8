"""Our header (overrides/partials/header.html) is Material's with the parent center added: every
line of the installed Material's header is in it but the logo link's, which ours names for the
center (an upgrade of Material that changes its header fails here, to be merged by hand)."""

from __future__ import annotations

from pathlib import Path

import material

from tests.real_site import PROJECT

MATERIAL_HEADER = Path(material.__file__).parent / "templates" / "partials" / "header.html"
OUR_HEADER = PROJECT.overrides_dir / "partials" / "header.html"


def lines(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_our_header_is_materials_with_the_center_added() -> None:
    ours = set(lines(OUR_HEADER))
    missing = [line for line in lines(MATERIAL_HEADER) if line not in ours]
    assert missing == [
        "This file was automatically generated - do not edit",
        '<a href="{{ config.extra.homepage | d(nav.homepage.url, true) | url }}" title="{{ config.site_name | e }}" '
        'class="md-header__button md-logo" aria-label="{{ config.site_name }}" data-md-component="logo">',
    ]

"""Rewrites of a built page's head: search base, absolute hreflang, direction on <html>."""

from __future__ import annotations

import json

from scripts.page_head import absolute_alternates, html_direction, language_search_base

PAGE = """<html lang="es" class="no-js"><head>
<link rel="alternate" href="../../school-therapy/" hreflang="en">
<link rel="alternate" href="./" hreflang="es">
</head><body>
<script id="__config" type="application/json">{"base": "../..", "features": []}</script>
</body></html>"""


def test_search_base_points_at_the_language_folder() -> None:
    rewritten = language_search_base(PAGE, "es")
    config = json.loads(rewritten.split('type="application/json">')[1].split("</script>")[0])
    assert config == {"base": "../../es/", "features": []}


def test_alternates_become_absolute_with_x_default() -> None:
    rewritten = absolute_alternates(PAGE, "https://example.org/therapy/es/school-therapy/", "en")
    assert '<link rel="alternate" href="https://example.org/therapy/school-therapy/" hreflang="en">' in rewritten
    assert '<link rel="alternate" href="https://example.org/therapy/es/school-therapy/" hreflang="es">' in rewritten
    assert '<link rel="alternate" href="https://example.org/therapy/school-therapy/" hreflang="x-default">' in rewritten


def test_direction_is_set_on_html() -> None:
    assert html_direction(PAGE, "rtl").startswith('<html lang="es" dir="rtl" class="no-js">')

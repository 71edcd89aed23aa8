"""Rewrites of a built page's head (search base, direction on <html>) and of the sitemap."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from resource_site.plugin.page_head import language_search_base
from resource_site.plugin.right_to_left import html_direction
from resource_site.plugin.sitemaps import finish_sitemap, without_head_alternates

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


def test_head_alternates_are_left_to_the_sitemap() -> None:
    assert 'rel="alternate"' not in without_head_alternates(PAGE)


def test_sitemap_gets_x_default_and_no_build_date(tmp_path: Path) -> None:
    (tmp_path / "sitemap.xml").write_text(SITEMAP, encoding="utf-8")
    finish_sitemap(tmp_path, "en")
    text = (tmp_path / "sitemap.xml").read_text(encoding="utf-8")
    assert "<lastmod>" not in text
    assert '<xhtml:link rel="alternate" hreflang="x-default" href="https://example.org/"/>' in text
    assert gzip.decompress((tmp_path / "sitemap.xml.gz").read_bytes()).decode("utf-8") == text


SITEMAP = """<urlset>
    <url>
        <loc>https://example.org/</loc>
        <lastmod>2026-11-22</lastmod>
        <xhtml:link rel="alternate" hreflang="en" href="https://example.org/"/>
        <xhtml:link rel="alternate" hreflang="es" href="https://example.org/es/"/>
    </url>
</urlset>
"""


def test_direction_is_set_on_html() -> None:
    assert html_direction(PAGE, "rtl").startswith('<html lang="es" dir="rtl" class="no-js">')

"""Joins languages built as sites of their own (output/build.py) into the one site static-i18n
would have written building them one after the other: the default language's site with every
other language's folder moved in, one search index and one sitemap for all.

Each language's own site also holds the theme's files, a 404 page, a search index and a sitemap
of its own; the theme's files and the 404 page are the default language's (identical, and the
default's, in a one-process build), the others are joined in static-i18n's build order.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from resource_site.plugin.languages import I18N_PLUGIN
from resource_site.project import Project

SEARCH_INDEX = "search/search_index.json"
SITEMAP = "sitemap.xml"
URLSET_END = "\n</urlset>"


def join_languages(project: Project, out: Path, codes: list[str], site_dir: Path, keep: bool = False) -> None:
    """Make `site_dir` from out/<code> for each code (each folder is used up, unless `keep`)."""
    place = shutil.copytree if keep else Path.rename
    default = project.default_language.code
    order = [default, *(code for code in codes if code != default)]  # static-i18n's build order
    entries: list[dict[str, object]] = []
    sitemap_urls: list[str] = []
    search_config: object = None
    for code in order:
        built = out / code
        index = json.loads((built / SEARCH_INDEX).read_text(encoding="utf-8"))
        search_config = search_config or index["config"]
        entries += index["docs"]
        sitemap = (built / SITEMAP).read_text(encoding="utf-8")
        header_end = sitemap.index("\n", sitemap.index("<urlset"))
        header = sitemap[:header_end]
        sitemap_urls.append(sitemap[header_end:].removesuffix(URLSET_END))
    # static-i18n's own rule for an index of several languages (its deduplication)
    project.config.plugins[I18N_PLUGIN].reconfigure_search_duplicates(entries)
    shutil.rmtree(site_dir, ignore_errors=True)
    place(out / default, site_dir)
    for code in order[1:]:
        place(out / code / code, site_dir / code)
    (site_dir / SEARCH_INDEX).write_text(
        json.dumps({"config": search_config, "docs": entries}, ensure_ascii=False), encoding="utf-8"
    )
    (site_dir / SITEMAP).write_text(header + "".join(sitemap_urls) + URLSET_END, encoding="utf-8")

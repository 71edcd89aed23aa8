"""A sitemap.xml in each language's folder, listing that language's pages.

Material's language switcher fetches `<language>/sitemap.xml`; static-i18n writes only the
root one (with every language), so without these each page logs ten failed requests.
"""

from __future__ import annotations

import re
from pathlib import Path

URL_ENTRY = re.compile(r"\s*<url>.*?</url>", re.S)
LOC = re.compile(r"<loc>([^<]+)</loc>")


def write_language_sitemaps(site_dir: Path, site_url: str, codes: list[str], default: str) -> None:
    root = (site_dir / "sitemap.xml").read_text(encoding="utf-8")
    entries = URL_ENTRY.findall(root)
    head, tail = root[: root.index("<url>")].rstrip(), "\n</urlset>\n"
    base = site_url.rstrip("/") + "/"
    for code in codes:
        if code == default:
            continue
        prefix = f"{base}{code}/"
        mine = [entry for entry in entries if (loc := LOC.search(entry)) and loc.group(1).startswith(prefix)]
        (site_dir / code / "sitemap.xml").write_text(head + "".join(mine) + tail, encoding="utf-8")

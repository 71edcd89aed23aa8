"""The sitemap carries the hreflang alternates of every page (absolute, with x-default).

They are not repeated in each page's head: Material's language-switch script fetches
`sitemap.xml` beside every `<link rel="alternate">` it finds, which for static-i18n's
per-page alternates means eleven failed requests on every page view.
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path

HEAD_ALTERNATE = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]+">')
LASTMOD = re.compile(r"\s*<lastmod>[^<]*</lastmod>")


def without_head_alternates(html: str) -> str:
    return HEAD_ALTERNATE.sub("", html)


def finish_sitemap(site_dir: Path, default: str) -> None:
    """Add x-default (the default language) to every entry; drop build dates; gzip reproducibly."""
    path = site_dir / "sitemap.xml"
    text = path.read_text(encoding="utf-8")
    text = LASTMOD.sub("", text)  # the build date, which would make every build differ
    text = re.sub(
        rf'(?P<indent>[ \t]*)<xhtml:link rel="alternate" hreflang="{re.escape(default)}" href="(?P<href>[^"]+)"/>\n',
        lambda m: (
            m.group(0) + f'{m.group("indent")}<xhtml:link rel="alternate" hreflang="x-default" '
            f'href="{m.group("href")}"/>\n'
        ),
        text,
    )
    path.write_text(text, encoding="utf-8")
    (site_dir / "sitemap.xml.gz").write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))

"""Offline reading after one visit: the service worker's list of what to keep, and each
language's web app manifest.

The worker's logic is overrides/service-worker.js (MkDocs copies it to the site's root, the only
place from which it can serve every page). After the build, this module writes above that logic
a digest of the site's files (a changed site is a changed worker, which the browser installs on
the next visit online), the theme's files to keep, and the languages' folders; a page asks the
worker to keep its reader's language, whose pages the worker reads from its search index. Each
language also gets a manifest, so a family can put the site on a phone's home screen, opening
in its language.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

WORKER = "service-worker.js"
MANIFEST = "manifest.webmanifest"
THEME_FOLDERS = ("assets/stylesheets", "assets/javascripts", "assets/images")
LUNR = "assets/javascripts/lunr/"
LUNR_SEGMENTERS = {"ja": "tinyseg.js", "hi": "wordcut.js", "th": "wordcut.js"}  # as Material's search worker loads them


@dataclass(frozen=True)
class ReadingLanguage:
    code: str
    prefix: str  # its folder with a slash ("es/"), "" for the default language
    name: str  # the site's name in this language
    direction: str  # "ltr" or "rtl"


def theme_files(site: Path, codes: list[str]) -> list[str]:
    """The theme's files every page needs, as addresses relative to the site's root: stylesheets,
    scripts (the search worker and the lunr files of our languages only), images."""
    wanted_lunr = {"min/lunr.stemmer.support.min.js", "min/lunr.multi.min.js"}
    wanted_lunr |= {f"min/lunr.{code}.min.js" for code in codes} | {
        LUNR_SEGMENTERS[c] for c in codes if c in LUNR_SEGMENTERS
    }
    files = []
    for folder in THEME_FOLDERS:
        for path in sorted((site / folder).rglob("*")):
            address = path.relative_to(site).as_posix()
            if not path.is_file() or address.endswith(".map"):
                continue
            if address.startswith(LUNR) and address.removeprefix(LUNR) not in wanted_lunr:
                continue
            files.append(address)
    return files


def digest(site: Path) -> str:
    """A short digest of every file of the built site (names and contents), the worker aside."""
    total = hashlib.sha256()
    for path in sorted(site.rglob("*")):
        if path.is_file() and path.name != WORKER:
            total.update(path.relative_to(site).as_posix().encode() + b"\0" + path.read_bytes())
    return total.hexdigest()[:16]


def write_manifest(site: Path, language: ReadingLanguage, theme_color: str, icons: list[dict[str, str]]) -> None:
    root = "../" * language.prefix.count("/")
    manifest = {
        "name": language.name,
        "short_name": language.name,
        "lang": language.code,
        "dir": language.direction,
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "theme_color": theme_color,
        "background_color": "#ffffff",
        "icons": [{**icon, "src": root + icon["src"]} for icon in icons],
    }
    target = site / language.prefix / MANIFEST
    target.write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def write_offline_reading(
    site: Path, languages: list[ReadingLanguage], theme_color: str, icons: list[dict[str, str]]
) -> None:
    """Each language's manifest, then the worker: what to keep above its logic."""
    for language in languages:
        write_manifest(site, language, theme_color, icons)
    shared = theme_files(site, [language.code for language in languages])
    version = digest(site)
    worker = site / WORKER
    data = (
        f"const VERSION = {json.dumps(version)};\n"
        f"const SHARED = {json.dumps(shared)};\n"
        f"const LANGUAGES = {json.dumps([language.prefix for language in languages])};\n"
    )
    worker.write_text(data + worker.read_text(encoding="utf-8"), encoding="utf-8")

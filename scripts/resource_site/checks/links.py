"""Proves in the built HTML that every internal link and anchor resolves, within its language."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from functools import cache, partial
from pathlib import Path
from urllib.parse import unquote, urlsplit

import lxml.html

from resource_site.findings import Finding, finding
from resource_site.output.rendered import BuiltPage, select
from resource_site.project import Project

CHECK = "links"
# Links that declare their language (the switcher, hreflang alternates, "read the English
# page") cross languages on purpose.
CROSS_LANGUAGE_ALLOWED = "a[hreflang], link[rel=alternate]"


def check_links(project: Project, site_dir: Path, pages: list[BuiltPage]) -> Iterator[Finding]:
    """Each link is resolved once per target address (a set lookup after the first), so the check
    grows with the number of links, not with links times pages."""
    codes = {lang.code for lang in project.languages if not lang.default}
    default = project.default_language.code
    ids = _ids_cache()
    site = site_dir.resolve()
    resolve = cache(partial(_resolve, site))
    for page in pages:
        source = project.source_path(page.language.code, page.page)
        shown = project.relative(source)
        allowed = set(select(page.tree, CROSS_LANGUAGE_ALLOWED))
        page_url = page.path.relative_to(site_dir).as_posix()
        for element, _attribute, href, _pos in page.tree.iterlinks():
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith(("mailto:", "tel:", "data:")):
                continue
            path = unquote(parts.path)
            if path.startswith(project.site_path):
                path = "/" + path.removeprefix(project.site_path)  # absolute within the site
            target_url = posixpath.normpath(posixpath.join(posixpath.dirname(page_url), path)).lstrip("/")
            if parts.path == "":
                target_url = page_url
            target = resolve(target_url)
            if target is None:
                where, line = _source_line(source, href)
                image = element.tag == "img"
                yield finding(
                    shown,
                    line,
                    f"image {href} is missing{where}" if image else f"link {href} leads to no page{where}",
                    "add the image file beside the page, or fix its name"
                    if image
                    else "fix the link target (a page of this language, like `page.md#anchor`)",
                    CHECK,
                )
                continue
            if target.suffix == ".html" and element not in allowed:
                first_folder = target.relative_to(site).parts[0]
                target_language = first_folder if first_folder in codes else default
                if target_language != page.language.code:
                    where, line = _source_line(source, href)
                    yield finding(
                        shown,
                        line,
                        f"link {href} leads into the '{target_language}' pages{where}",
                        "link to the page in this language",
                        CHECK,
                    )
                    continue
            if parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in ids(target):
                where, line = _source_line(source, href)
                yield finding(
                    shown,
                    line,
                    f"link {href} points to a missing anchor #{parts.fragment}{where}",
                    "use an anchor that exists on the target page, like a heading's {#id}",
                    CHECK,
                )


def _resolve(site_dir: Path, url: str) -> Path | None:
    """The file an address within the site serves, if it is inside the site (`site_dir` resolved)."""
    candidate = site_dir / url  # `site_dir` resolved, so a target outside it is a link or `..`
    if candidate.is_dir():
        candidate = candidate / "index.html"
    if candidate.is_file() and candidate.resolve().is_relative_to(site_dir):
        return candidate
    return None


def _source_line(source: Path, href: str) -> tuple[str, int]:
    """The Markdown line a link came from, or a note that the theme or navigation made it."""
    parts = urlsplit(href)
    needles = [f"#{parts.fragment}" if parts.fragment else "", posixpath.basename(parts.path.rstrip("/"))]
    try:
        lines = source.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        lines = []
    for needle in filter(None, needles):
        pattern = re.compile(r"(?:\]\(|href=[\"'])[^)\"']*" + re.escape(needle))
        for number, text in enumerate(lines, start=1):
            if pattern.search(text):
                return "", number
    return " (made by the theme or navigation, not the page text)", 1


def _ids_cache():
    @cache
    def ids(path: Path) -> frozenset[str]:
        tree = lxml.html.parse(str(path)).getroot()
        return frozenset(el.get("id") or el.get("name") for el in tree.xpath("//*[@id or @name]"))

    return ids

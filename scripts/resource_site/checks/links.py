"""Proves in the built HTML that every internal link and anchor resolves, within its language."""

from __future__ import annotations

import os
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


def check_links(project: Project, site: SiteFiles, pages: list[BuiltPage]) -> Iterator[Finding]:
    """Each link is resolved once per target address (a set lookup after the first), so the check
    grows with the number of links, not with links times pages."""
    codes = {lang.code for lang in project.languages if not lang.default}
    default = project.default_language.code
    ids = _Anchors(site.root)
    for page in pages:  # the pages at hand are parsed already: their anchors are read from them
        ids.known[page.path.relative_to(site.root).as_posix()] = _anchors(page.tree)
    target_of = cache(partial(_target_url, project.site_path))
    for page in pages:
        source = project.source_path(page.language.code, page.page)
        shown = project.relative(source)
        allowed = set(select(page.unread, CROSS_LANGUAGE_ALLOWED))
        page_url = page.path.relative_to(site.root).as_posix()
        for element, _attribute, href, _pos in page.unread.iterlinks():  # each navigation entry once
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith(("mailto:", "tel:", "data:")):
                continue
            # a link the page repeats (its contents, in the sidebar and the navigation) is worked out once
            target = site.serving(target_of(page_url, parts.path))
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
            is_page = target.endswith(".html")
            if is_page and element not in allowed:
                first_folder = target.split("/")[0]
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
            if parts.fragment and is_page and unquote(parts.fragment) not in ids(target):
                where, line = _source_line(source, href)
                yield finding(
                    shown,
                    line,
                    f"link {href} points to a missing anchor #{parts.fragment}{where}",
                    "use an anchor that exists on the target page, like a heading's {#id}",
                    CHECK,
                )


class SiteFiles:
    """The files a built site serves, listed once (a set lookup per link, not a file-system call).
    A symbolic link to a file is served only when it leads inside the site; a linked folder is not
    entered (MkDocs copies files and writes folders, so its site has neither)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.files: set[str] = set()
        site = root.resolve()
        for folder, _folders, names in os.walk(root):  # a linked folder is not entered
            for name in names:
                path = Path(folder, name)
                if not path.is_symlink() or (path.is_file() and path.resolve().is_relative_to(site)):
                    self.files.add(path.relative_to(root).as_posix())

    def serving(self, url: str) -> str | None:
        """The file (relative to the site) that an address within the site (`es/page/`,
        `es/page.html`, `` for the home page) serves, if any; none above the site."""
        url = posixpath.normpath(url or ".")
        if url == ".":
            url = ""
        elif url == ".." or url.startswith(("../", "/")):
            return None
        if url in self.files:
            return url
        index = f"{url}/index.html" if url else "index.html"
        return index if index in self.files else None


def _target_url(site_path: str, page_url: str, href_path: str) -> str:
    """The address within the site a link's path leads to, from the page at `page_url`."""
    if href_path == "":
        return page_url
    path = unquote(href_path)
    if path.startswith(site_path):
        path = "/" + path.removeprefix(site_path)  # absolute within the site
    return posixpath.normpath(posixpath.join(posixpath.dirname(page_url), path)).lstrip("/")


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


class _Anchors:
    """Each target page's anchors (by its place in the site), read once (from its tree when the
    check has it parsed)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.known: dict[str, frozenset[str]] = {}

    def __call__(self, target: str) -> frozenset[str]:
        if target not in self.known:
            self.known[target] = _anchors(lxml.html.parse(str(self.root / target)).getroot())
        return self.known[target]


def _anchors(tree: lxml.html.HtmlElement) -> frozenset[str]:
    return frozenset(el.get("id") or el.get("name") for el in tree.xpath("//*[@id or @name]"))

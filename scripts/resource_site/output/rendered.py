"""Reading the built site: which page of which language each HTML file is, and its text."""

from __future__ import annotations

import copy
import itertools
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path

import lxml.etree
import lxml.html
from lxml.cssselect import CSSSelector

from resource_site.project import Language, Project, built_page_path

# Interface text we add around the content; it is not the page's own words.
NOT_CONTENT = ".headerlink, .keypoint-label, .keypoint-link, .keypoint-share, .translation-notice, .print-source"
NOT_CONTENT_CLASSES = {name.strip().removeprefix(".") for name in NOT_CONTENT.split(",")}
# The navigation: an entry for every page of the language, on each of its pages.
NAVIGATION_ENTRIES = "nav.md-nav--primary > ul.md-nav__list > li"


@cache
def compiled(css: str) -> CSSSelector:
    """A CSS selector compiled once per process (compiling costs more than matching)."""
    return CSSSelector(css, translator="html")


def select(element: lxml.html.HtmlElement, css: str) -> list[lxml.html.HtmlElement]:
    """`element.cssselect(css)`, with the selector compiled once."""
    return compiled(css)(element)


class ShownNavigation:
    """The navigation entries a language's pages have shown, as HTML, each with the folder above
    the page that showed it: MkDocs links a page's entries with `../` from there, so the same HTML
    there leads to the same pages (the home page's entries are `page/`, a folder higher). The
    pages are read in their order, whichever check asks first."""

    def __init__(self) -> None:
        self.entries: set[tuple[Path, bytes]] = set()
        self.pages: list[BuiltPage] = []  # the language's pages, in order (built_pages)


@dataclass
class BuiltPage:
    language: Language
    page: str  # source page, like `school-therapy.md`
    path: Path  # the built HTML file
    # shared by the pages of a language (built_pages): which navigation entries were read already
    shown: ShownNavigation = field(default_factory=ShownNavigation, repr=False, compare=False)

    @cached_property
    def tree(self) -> lxml.html.HtmlElement:
        return lxml.html.parse(str(self.path)).getroot()

    @cached_property
    def unread(self) -> lxml.html.HtmlElement:
        """A copy of the page without the navigation entries that an earlier page of its language
        showed the same: what a check that reads the whole page has left to read. The navigation
        has an entry for every page of the language and is the same on each but for the page's own
        (active) entry, which is always kept; checked on every page, it made checking a page take
        longer as its language grew. (Copying the page and writing out its entries to compare them
        still grows with the navigation, but at C speed.) A fault in an entry is reported on the
        first page that shows it."""
        for earlier in self.shown.pages:  # each page's entries are compared with those before it
            if earlier is self:
                break
            _ = earlier.unread
        tree = copy.deepcopy(self.tree)
        above = self.path.parent.parent
        for entry in select(tree, NAVIGATION_ENTRIES):
            if "md-nav__item--active" in (entry.get("class") or "").split():
                continue  # the page's own entry, with its contents: links to this page itself
            shown = (above, lxml.etree.tostring(entry, with_tail=False))  # its tail text stays
            if shown in self.shown.entries:
                entry.drop_tree()
            else:
                self.shown.entries.add(shown)
        return tree

    @cached_property
    def article(self) -> lxml.html.HtmlElement | None:
        found = select(self.tree, "article.md-content__inner")
        return found[0] if found else None

    def content_text(self, element: lxml.html.HtmlElement | None = None) -> str:
        """The words a reader sees in an element (the article by default), without our labels."""
        element = element if element is not None else self.article
        if element is None or any(
            NOT_CONTENT_CLASSES & set((outer.get("class") or "").split())
            for outer in itertools.chain([element], element.iterancestors())
        ):
            return ""
        words = copy.deepcopy(element)  # the page itself stays whole
        for extra in select(words, NOT_CONTENT):
            extra.drop_tree()
        return " ".join(words.text_content().split())

    @cached_property
    def keypoints(self) -> dict[str, list[lxml.html.HtmlElement]]:
        """The page's key-point blocks by id (found once: the checks ask for them per key point)."""
        blocks: dict[str, list[lxml.html.HtmlElement]] = {}
        for block in select(self.tree, "div.admonition.keypoint"):
            blocks.setdefault(block.get("id", ""), []).append(block)
        return blocks


def built_pages(project: Project, site_dir: Path, codes: Collection[str] | None = None) -> Iterator[BuiltPage]:
    """Every page of every built language (of `codes`, when given) that exists in the built site."""
    for language in project.built_languages:
        if codes is not None and language.code not in codes:
            continue
        shown = ShownNavigation()
        for page in project.source_pages(language.code):
            path = built_page_path(site_dir, language, page)
            if path.is_file():
                built = BuiltPage(language, page, path, shown)
                shown.pages.append(built)
                yield built

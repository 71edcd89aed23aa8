"""The interface around each page speaks the page's language: the chrome a reader sees or hears
(labels, tooltips, the search box's placeholder, navigation and footer text, the heading links'
titles) holds no English string that the same page in English holds, other than names that are
the same in every language (the language switcher's names, acronyms, numbers)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import lxml.html
from babel.messages.catalog import Catalog

from resource_site.checks.catalogs import same_as_english
from resource_site.findings import Finding, finding
from resource_site.output.rendered import BuiltPage
from resource_site.project import Project

CHECK = "interface-language"
LABELS = ("aria-label", "title", "placeholder", "alt")
ENGLISH_WORD = re.compile(r"[A-Za-z]*[a-z][A-Za-z]*")  # "IEP", "OT" and "504" are names, not words
# Where the page's own words are (checked elsewhere): its article, and the titles and headings
# that the navigation, header and footer repeat (a heading may rightly read "Medicaid" anywhere);
# and the parent center's details from branding.yml, which it writes in whichever languages it has.
OWN_WORDS = {
    "md-content__inner", "md-nav__link", "md-header__topic", "md-footer__title", "md-ellipsis", "center-contact",
    "md-logo--center",
}  # fmt: skip


def english_interface(english_pages: list[BuiltPage]) -> dict[str, set[str]]:
    """The interface strings around each page of the default language (the others must differ)."""
    return {page.page: chrome_strings(page.tree) for page in english_pages}  # each page whole


def check_interface_language(
    project: Project,
    pages: list[BuiltPage],
    catalogs: dict[str, Catalog],
    english: dict[str, set[str]],
) -> Iterator[Finding]:
    """Interface strings left in English on `pages` (`english`: english_interface)."""
    default = project.default_language.code
    # Language names are the same on every page; a missing site name is mkdocs.yml's finding.
    same_everywhere = {language.name for language in project.languages} | {project.config.site_name}
    po_file = "locales/{}/LC_MESSAGES/messages.po"
    kept: dict[str, set[str]] = {}  # per language, the strings its catalog keeps as in English ("Navigation" in French)
    for page in pages:
        if page.language.code == default or page.page not in english:
            continue
        if page.language.code not in kept:
            catalog = catalogs.get(page.language.code)
            kept[page.language.code] = {str(m.id) for m in catalog if m.id and same_as_english(m)} if catalog else set()
        allowed = same_everywhere | kept[page.language.code]
        left = sorted(
            text
            for text in chrome_strings(page.unread) & english[page.page]
            if text not in allowed and any(len(word) >= 3 for word in ENGLISH_WORD.findall(text))
        )
        if left:  # one finding per page: a new language's untranslated catalog is one thing to do
            shown = ", ".join(f'"{text}"' for text in left)
            yield finding(
                project.relative(project.source_path(page.language.code, page.page)),
                1,
                f"the interface shows {shown} in English"
                if len(left) == 1
                else f"the interface shows {len(left)} strings in English: {shown}",
                f"translate {'it' if len(left) == 1 else 'them'} in {po_file.format(page.language.code)} (run "
                "`make update-catalogs` if one is not there)",
                CHECK,
            )


def chrome_strings(tree: lxml.html.HtmlElement) -> set[str]:
    """What a reader sees or hears of the interface around a page's own words."""
    found: set[str] = set()

    def visit(element: lxml.html.HtmlElement, inside: bool) -> None:
        if not isinstance(element.tag, str) or element.tag in ("script", "style"):
            return
        inside = inside or own_words(element)
        if not inside or "headerlink" in (element.get("class") or ""):
            found.update(" ".join(value.split()) for name in LABELS if (value := element.get(name)))
        if not inside and element.text and element.text.strip():
            found.add(" ".join(element.text.split()))
        for child in element:
            visit(child, inside)

    visit(tree, False)
    return found


def own_words(element: lxml.html.HtmlElement) -> bool:
    return bool(OWN_WORDS & set((element.get("class") or "").split()))

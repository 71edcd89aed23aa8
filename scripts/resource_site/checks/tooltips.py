"""Every occurrence of a glossary term on a built page carries its explanation (a tooltip), in
every language and script.

The page is read as a reader reads it: the text of each paragraph, list item or table cell as
one run, whatever elements split it ("Plan <strong>504</strong>") and wherever a line break
fell; each term found there must be inside an <abbr> that explains it. Headings, titles and code
are not explained (see plugin/tooltips.py) and not counted.
"""

from __future__ import annotations

import copy
from collections import Counter
from collections.abc import Iterator

import lxml.html

from resource_site.content.glossary import GLOSSARY_PAGE
from resource_site.content.term_matching import TermFinder
from resource_site.findings import Finding, finding, line_of
from resource_site.output.rendered import BuiltPage
from resource_site.plugin.tooltips import NOT_EXPLAINED, NOT_EXPLAINED_CLASSES, language_terms
from resource_site.project import Project

CHECK = "tooltips"
BLOCKS = ("p", "li", "td", "th", "dd", "dt", "blockquote", "div")


def check_tooltips(project: Project, pages: list[BuiltPage]) -> Iterator[Finding]:
    finders: dict[str, tuple[TermFinder, dict[str, str]]] = {}
    for page in pages:
        code = page.language.code
        if code not in finders:
            finders[code] = _finder(project, code, page.language.default)
        finder, terms = finders[code]
        if page.article is None or finder.pattern is None:
            continue
        reader = _as_read(page.article)
        seen = Counter(found.key for found in finder.find(reader.text_content()))
        explained = Counter(
            finder.keys.get(" ".join((abbr.text_content() or "").split()), "") for abbr in reader.iter("abbr")
        )
        for key, count in sorted(seen.items()):
            missed = count - explained[key]
            if missed > 0:
                source = project.source_path(page.language.code, page.page)
                yield finding(
                    project.relative(source),
                    line_of(source, terms[key]),
                    f'"{terms[key]}" appears {count} time{"s" if count > 1 else ""}, {missed} without its '
                    "explanation (tooltip)",
                    "write the term as the glossary does (or add the form to the term base's `accepted`), "
                    "and not split by other markup",
                    CHECK,
                )


def _finder(project: Project, code: str, plurals: bool) -> tuple[TermFinder, dict[str, str]]:
    glossary = project.source_path(code, GLOSSARY_PAGE)
    entries, finder = language_terms(glossary, project.locales_dir, code, plurals)
    return finder, {entry.id: entry.term for entry in entries}


def _as_read(article: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    """The article without what is not explained, each block's text set apart from the next."""
    reader = copy.deepcopy(article)
    for element in list(reader.iter()):
        classes = set((element.get("class") or "").split()) if isinstance(element.tag, str) else set()
        if element.tag in NOT_EXPLAINED - {"abbr"} or NOT_EXPLAINED_CLASSES & classes:
            element.drop_tree()
        elif element.tag in BLOCKS:
            element.tail = "\n" + (element.tail or "")
            element.text = "\n" + (element.text or "")
    return reader

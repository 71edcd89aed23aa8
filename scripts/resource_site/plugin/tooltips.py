"""Glossary terms explained where they occur: every occurrence of a term of the page's language
becomes `<abbr title="definition">`, which Material shows as a tooltip.

The terms are the language's glossary page (docs/<language>/glossary.md) and the other forms
its term base accepts (locales/<language>/terms.yml); content/term_matching finds them in every
script. Headings, titles and code are left as they are (`NOT_EXPLAINED`).
"""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html

from resource_site.content.glossary import GlossaryEntry, read_glossary
from resource_site.content.term_matching import TermFinder
from resource_site.content.terms import TermBase, read_term_base, term_base_path
from resource_site.plugin.right_to_left import isolate_latin_text

CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
NOT_EXPLAINED = {"h1", "h2", "h3", "h4", "h5", "h6", "abbr", "code", "pre", "kbd", "script", "style"}
# Titles and labels; the notices above a translated page are interface text, not the page's.
NOT_EXPLAINED_CLASSES = {"admonition-title", "headerlink", "keypoint-label", "translation-notice"}


def term_forms(entries: list[GlossaryEntry], base: TermBase, plurals: bool) -> dict[str, str]:
    """Each written form of each explained term → its glossary id: the glossary's spelling and
    the term base's accepted forms (inflections), in English their plurals ("IEPs",
    "evaluations"), each with a small or a capital first letter (not acronyms)."""
    forms: dict[str, str] = {}
    for entry in entries:
        if not entry.definition:
            continue
        spellings = {entry.term} | set(base.entries[entry.id].accepted if entry.id in base.entries else ())
        if plurals:
            spellings |= {spelling + "s" for spelling in spellings if not spelling.endswith("s")}
        for spelling in spellings:
            forms[spelling] = entry.id
            if not spelling.split()[0].isupper():  # "Dispute resolution" mid-sentence, "Обследования" first
                forms[spelling[:1].lower() + spelling[1:]] = forms[spelling[:1].upper() + spelling[1:]] = entry.id
    return forms


def language_terms(
    glossary: Path, locales_dir: Path, code: str, plurals: bool
) -> tuple[list[GlossaryEntry], TermFinder]:
    """A language's glossary entries and the finder of all their forms (the plugin explains
    them, checks/tooltips proves they were)."""
    entries = read_glossary(glossary)
    return entries, TermFinder(term_forms(entries, read_term_base(term_base_path(locales_dir, code)), plurals))


def definitions(entries: list[GlossaryEntry], right_to_left: bool) -> dict[str, str]:
    """Each term's tooltip, without control characters (an attribute cannot hold them); Latin
    runs isolated in right-to-left text ("504 Plan")."""
    shown = {entry.id: CONTROL.sub("", entry.definition) for entry in entries if entry.definition}
    return {key: isolate_latin_text(text) if right_to_left else text for key, text in shown.items()}


def explain_terms(html: str, finder: TermFinder, titles: dict[str, str]) -> str:
    """The page's HTML with each occurrence of a term wrapped in <abbr title=…>."""
    if finder.pattern is None or not html.strip():
        return html
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    for element in list(root.iter()):
        if not isinstance(element.tag, str):
            continue
        if element is not root and not explained(element.getparent()):
            continue
        if (
            explained(element)
            and element.text
            and (before := _wrap(element.text, finder, titles, element, 0)) is not None
        ):
            element.text = before
        if element is not root and element.tail and explained(element.getparent()):
            parent = element.getparent()
            if (before := _wrap(element.tail, finder, titles, parent, parent.index(element) + 1)) is not None:
                element.tail = before
    return (root.text or "") + "".join(lxml.html.tostring(child, encoding="unicode") for child in root)


def explained(element: lxml.html.HtmlElement | None) -> bool:
    """Whether terms are explained in this element's own text (and so in its children's)."""
    while element is not None:
        if element.tag in NOT_EXPLAINED or NOT_EXPLAINED_CLASSES & set((element.get("class") or "").split()):
            return False
        element = element.getparent()
    return True


def _wrap(text: str, finder: TermFinder, titles: dict[str, str], parent: lxml.html.HtmlElement, index: int) -> str:
    """Insert into `parent`, from `index` on, an <abbr> for each term in `text`, with the text
    that follows it; the text before the first term is returned (None: no term, nothing to change)."""
    found = finder.find(text)
    if not found:
        return None
    text = CONTROL.sub(" ", text)  # lxml cannot set text holding control characters; same length
    for number, term in enumerate(found):
        abbr = lxml.html.Element("abbr", title=titles[term.key])
        abbr.text = text[term.start : term.end]
        following = found[number + 1].start if number + 1 < len(found) else len(text)
        abbr.tail = text[term.end : following]
        parent.insert(index + number, abbr)
    return text[: found[0].start]

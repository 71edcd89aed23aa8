"""Each language's term base (locales/<language>/terms.yml) is well formed, names glossary terms,
and the pages use its terms one way: no rendering it forbids (such as the name of the
baby-and-toddler program for "early intervening services"), even across a line break, on a
page or in the language's interface strings (its catalog's translations); no term
written another way than the glossary or the term base writes it (another case, spacing or
invisible characters: it also goes without its tooltip); no English term where the language has its own."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

from resource_site.content.catalogs import catalog_path
from resource_site.content.glossary import GLOSSARY_PAGE, GlossaryEntry, read_glossary
from resource_site.content.source_text import read_text
from resource_site.content.term_matching import TermFinder
from resource_site.content.terms import TermBase, read_term_base, term_base_path
from resource_site.findings import Finding, finding
from resource_site.plugin.tooltips import term_forms
from resource_site.project import Project

CHECK = "terms"
NOT_WORDS = re.compile(r"\{[^}\n]*\}|\]\([^)\n]*\)")  # anchors, attribute lists, link targets: not words


def check_terms(project: Project) -> Iterator[Finding]:
    english = glossary_entries(project, project.default_language.code)
    for language in project.built_languages:
        base = read_term_base(term_base_path(project.locales_dir, language.code))
        shown = project.relative(base.path)
        for line, problem, fix in base.problems:
            yield finding(shown, line, problem, fix, CHECK)
        for entry in base.entries.values():
            if entry.id not in english:
                yield finding(
                    shown,
                    entry.line,
                    f"`{entry.id}` is not a term of the glossary",
                    f"use the id of a term in docs/{project.default_language.code}/{GLOSSARY_PAGE}, like {{#iep}}",
                    CHECK,
                )
        yield from _forbidden_on_pages(project, language.code, base, english)
        yield from _written_two_ways(project, language.code, base, plurals=language.default)
        if not language.default:
            yield from _english_left_on_pages(project, language.code, english)


def glossary_entries(project: Project, code: str) -> dict[str, GlossaryEntry]:
    return {entry.id: entry for entry in read_glossary(project.source_path(code, GLOSSARY_PAGE))}


def _forbidden_on_pages(
    project: Project, code: str, base: TermBase, english: dict[str, GlossaryEntry]
) -> Iterator[Finding]:
    approved = glossary_entries(project, code)
    shown_base = project.relative(base.path)
    readings = [(project.source_path(code, page), page_words) for page in project.source_pages(code)]
    catalog = catalog_path(project.locales_dir, code)
    if catalog.is_file():
        readings.append((catalog, translations_only))  # the interface strings readers see
    for path, read in readings:
        text = read(path)
        for entry in base.entries.values():
            for forbidden in entry.forbidden:
                for match in rendering_pattern(forbidden.rendering).finditer(text):
                    term = english[entry.id].term if entry.id in english else entry.id
                    right = approved[entry.id].term if entry.id in approved else "the glossary's term"
                    yield _at(
                        project,
                        path,
                        text,
                        match.start(),
                        match.end(),
                        f'is the wrong term for "{term}": {forbidden.reason}',
                        f'write "{right}" ({shown_base}:{forbidden.line})',
                    )


def _written_two_ways(project: Project, code: str, base: TermBase, plurals: bool) -> Iterator[Finding]:
    """A term written otherwise than every form the glossary and the term base give it."""
    entries = read_glossary(project.source_path(code, GLOSSARY_PAGE))
    forms = term_forms(entries, base, plurals)
    written_forms = {" ".join(form.split()) for form in forms}
    finder = TermFinder(forms, loosely=True)
    glossary_term = {entry.id: entry.term for entry in entries}
    shown_base = project.relative(base.path)
    for page in project.source_pages(code):
        path = project.source_path(code, page)
        text = page_words(path)
        for found in finder.find(text):
            if " ".join(text[found.start : found.end].split()) in written_forms:
                continue
            yield _at(
                project,
                path,
                text,
                found.start,
                found.end,
                f'writes the term "{glossary_term[found.key]}" another way (and goes without its explanation)',
                f"write it as the glossary does, or list this form under `accepted` for {found.key} in {shown_base}",
            )


def rendering_pattern(rendering: str) -> re.Pattern[str]:
    """A rendering as written, in any case, with any spacing or line break between its words."""
    words = unicodedata.normalize("NFC", rendering).split()
    return re.compile(r"\s+".join(re.escape(word) for word in words), re.IGNORECASE)


def _english_left_on_pages(project: Project, code: str, english: dict[str, GlossaryEntry]) -> Iterator[Finding]:
    """An English term (not an acronym: those stay English) written on a translated page where
    the language's own rendering should be; it may follow the rendering in brackets."""
    approved = glossary_entries(project, code)
    terms = [
        (entry, approved[entry.id].term)
        for entry in english.values()
        if entry.id in approved
        and not entry.term.split()[0].isupper()
        and entry.term.casefold() != approved[entry.id].term.casefold()
    ]
    for page in project.source_pages(code):
        if page == GLOSSARY_PAGE:
            continue  # the glossary names each term's English on purpose
        path = project.source_path(code, page)
        text = page_words(path)
        for entry, own in terms:
            for match in english_pattern(entry.term).finditer(text):
                if in_brackets(text, match.start(), match.end()):
                    continue  # "servicios de apoyo temprano (early intervening services)"
                fix = f'write "{own}" (the glossary\'s term); the English may follow it in brackets'
                yield _at(project, path, text, match.start(), match.end(), "is left in English", fix)


def translations_only(path: Path) -> str:
    """A catalog's translations (msgstr), with its English and comments blanked, lines kept."""
    lines, in_english = [], False
    for line in unicodedata.normalize("NFC", read_text(path)).splitlines(keepends=True):
        if line.startswith(("msgid", "msgctxt")):
            in_english = True
        elif line.startswith("msgstr"):
            in_english = False
        english = in_english or line.startswith("#")
        lines.append(" " * (len(line) - 1) + "\n" if english else line)
    return "".join(lines)


def page_words(path: Path) -> str:
    """A page's text (NFC) with anchors, attribute lists and link targets blanked: not words."""
    return NOT_WORDS.sub(lambda m: " " * len(m.group(0)), unicodedata.normalize("NFC", read_text(path)))


def _at(project: Project, path: Path, text: str, start: int, end: int, problem: str, fix: str) -> Finding:
    """A finding for text[start:end], at its line, quoting it as written."""
    found = " ".join(text[start:end].split())
    return finding(project.relative(path), text.count("\n", 0, start) + 1, f'"{found}" {problem}', fix, CHECK)


def in_brackets(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] stands inside a pair of brackets ("(…, IEE)", "（…）")."""
    before, after = text[max(0, start - 160) : start], text[end : end + 160]
    opened = max(before.rfind("("), before.rfind("（"))
    closed = max(before.rfind(")"), before.rfind("）"))
    return opened > closed and bool(re.search(r"[)）]", after))


def english_pattern(term: str) -> re.Pattern[str]:
    """An English term as a phrase of whole words, in any case, across line breaks."""
    words = r"\s+".join(re.escape(word) for word in term.split())
    return re.compile(rf"(?<![\w-]){words}(?![\w-])", re.IGNORECASE)

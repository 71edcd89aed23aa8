"""Every term the English glossary explains is explained in every language too."""

from __future__ import annotations

from collections.abc import Iterator

from resource_site.content.glossary import GLOSSARY_PAGE, parse_glossary
from resource_site.content.source_text import read_text
from resource_site.findings import Finding, finding
from resource_site.project import Project


def check_glossaries(project: Project) -> Iterator[Finding]:
    english = project.default_language.code
    for language in project.built_languages:
        if not language.default:
            yield from _check_glossary(project, english, language.code)


def _check_glossary(project: Project, english: str, code: str) -> Iterator[Finding]:
    """Every term the English glossary explains is explained in this language too."""
    source, path = project.source_path(english, GLOSSARY_PAGE), project.source_path(code, GLOSSARY_PAGE)
    if not source.is_file() or not path.is_file():
        return
    shown = project.relative(path)
    entries = {entry.id: entry for entry in parse_glossary(read_text(path))}
    for term in parse_glossary(read_text(source)):
        entry = entries.get(term.id)
        if entry is None:
            yield finding(
                shown,
                1,
                f"glossary term {term.term} ({{#{term.id}}}) is missing",
                f"copy its entry from docs/{english}/{GLOSSARY_PAGE} and translate it",
                "glossary",
            )
        elif not entry.definition:
            yield finding(
                shown,
                entry.line,
                f"glossary term {entry.term} has no definition",
                "write its meaning in the lines under the heading",
                "glossary",
            )

"""Glossary pages: `## Term {#id}` headings, each followed by a short plain definition.

The same entries become abbreviation tooltips (`*[Term]: definition`) on every page of
that language, so a term is explained wherever it appears.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

HEADING = re.compile(r"^##\s+(?P<term>.+?)\s*\{#(?P<id>[^}\s]+)\}\s*$")
MARKUP = re.compile(r"[*_`]|\[([^\]]*)\]\([^)]*\)")


@dataclass(frozen=True)
class GlossaryEntry:
    id: str
    term: str
    definition: str
    line: int


def parse_glossary(text: str) -> list[GlossaryEntry]:
    entries: list[GlossaryEntry] = []
    current: tuple[str, str, int] | None = None
    body: list[str] = []

    def close() -> None:
        if current:
            definition = " ".join(" ".join(body).split())
            entries.append(GlossaryEntry(current[1], current[0], definition, current[2]))

    for number, line in enumerate(text.splitlines(), start=1):
        heading = HEADING.match(line)
        if heading:
            close()
            current, body = (heading.group("term"), heading.group("id"), number), []
        elif line.startswith("#"):
            close()
            current, body = None, []
        elif current:
            body.append(MARKUP.sub(lambda m: m.group(1) or "", line))
    close()
    return entries


def abbreviations(entries: list[GlossaryEntry]) -> str:
    """Markdown abbreviation definitions for the `abbr` extension, one per spelling of a term."""
    lines = []
    for entry in entries:
        if not entry.definition:
            continue
        spellings = {entry.term}
        if not entry.term.isupper():
            # "Dispute resolution" also appears mid-sentence as "dispute resolution".
            spellings.add(entry.term[:1].lower() + entry.term[1:])
        definition = entry.definition.replace("]", ")")
        lines.extend(f"*[{spelling}]: {definition}" for spelling in sorted(spellings))
    return "\n".join(lines)

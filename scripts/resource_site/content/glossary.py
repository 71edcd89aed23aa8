"""Glossary pages: `## Term {#id}` headings, each followed by a short plain definition.

The plugin turns the same entries into tooltips on every page of that language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from resource_site.content.source_text import read_text

GLOSSARY_PAGE = "glossary.md"  # each language's glossary page, in docs/<language>/
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


def read_glossary(path: Path) -> list[GlossaryEntry]:
    """A glossary page's entries ([] when the language has none yet)."""
    return parse_glossary(read_text(path)) if path.is_file() else []

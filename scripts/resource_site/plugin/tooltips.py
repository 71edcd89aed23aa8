"""Glossary terms become abbreviation tooltips (`*[Term]: definition`) on every page of a language."""

from __future__ import annotations

from resource_site.content.glossary import GlossaryEntry


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

"""Glossary terms become abbreviation tooltips (`*[Term]: definition`) on every page of a language."""

from __future__ import annotations

from resource_site.content.glossary import GlossaryEntry
from resource_site.plugin.right_to_left import isolate_latin_text


def abbreviations(entries: list[GlossaryEntry], right_to_left: bool = False) -> str:
    """Markdown abbreviation definitions for the `abbr` extension, one per spelling of a term;
    in right-to-left languages the Latin runs of a definition are isolated ("504 Plan")."""
    lines = []
    for entry in entries:
        if not entry.definition:
            continue
        spellings = {entry.term}
        if not entry.term.isupper():
            # "Dispute resolution" also appears mid-sentence as "dispute resolution".
            spellings.add(entry.term[:1].lower() + entry.term[1:])
        definition = entry.definition.replace("]", ")")
        if right_to_left:
            definition = isolate_latin_text(definition)
        lines.extend(f"*[{spelling}]: {definition}" for spelling in sorted(spellings))
    return "\n".join(lines)

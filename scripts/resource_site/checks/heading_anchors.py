"""A translated page keeps the English page's heading anchors (`## Una evaluación {#evaluation}`):
the other pages, the language switch and shared links all point to them. A translated anchor is a
finding at its own line, with the English anchor to keep (the link check would only name the
links that broke, on other pages)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from resource_site.content.source_text import read_text
from resource_site.findings import Finding, finding
from resource_site.project import Project

CHECK = "anchors"
HEADING_ANCHOR = re.compile(r"^#{1,6}\s.*\{#(?P<anchor>[^\s}]+)[^}]*\}\s*$")


def heading_anchors(markdown: str) -> list[tuple[int, str]]:
    """Each heading's anchor, with its line."""
    return [
        (number, match.group("anchor"))
        for number, line in enumerate(markdown.splitlines(), start=1)
        if (match := HEADING_ANCHOR.match(line))
    ]


def check_heading_anchors(project: Project) -> Iterator[Finding]:
    english = project.default_language.code
    for page in project.source_pages(english):
        wanted = [anchor for _, anchor in heading_anchors(read_text(project.source_path(english, page)))]
        shown_english = project.relative(project.source_path(english, page))
        for language in project.built_languages:
            path = project.source_path(language.code, page)
            if language.default or not path.is_file():
                continue
            found = heading_anchors(read_text(path))
            missing = [anchor for anchor in wanted if anchor not in {anchor for _, anchor in found}]
            for line, anchor in found:
                if anchor in wanted:
                    continue
                keep = f"{{#{missing[0]}}}" if len(missing) == 1 else "the English page's"
                yield finding(
                    project.relative(path),
                    line,
                    f"the heading's anchor {{#{anchor}}} is not on the English page, so links to this part "
                    "of the page (from other pages, the language switch, shared links) would not find it",
                    f"keep the English anchor as it is: {keep}, as in {shown_english}",
                    CHECK,
                )

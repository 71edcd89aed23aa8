"""Reads each printed handout back: every key point of its language must be in it.

Each key point is a heading, so the PDF's outline (its bookmarks, stored as text in reading
order) must name every one. And the printed text must be the source's: each key point's text,
letter for letter, is in the PDF's text (the handout is printed with JavaScript off, so no
script can change it).
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from resource_site.content.keypoints import blocks_in_markdown
from resource_site.content.source_text import read_text
from resource_site.findings import Finding, finding
from resource_site.output.handouts import handout_path
from resource_site.project import Project


def normalized(text: str) -> str:
    """A title's letters in a fixed order. Chromium stores right-to-left headings in visual
    order, with words reversed and Latin words glued to their neighbours; the letters stay."""
    letters = unicodedata.normalize("NFKC", text)
    return "".join(sorted(ch for ch in letters if not ch.isspace() and unicodedata.category(ch) != "Cf"))


# Languages whose printed text pypdf cannot yet read back in order: Arabic and Urdu lines come
# out in visual order, Bengali's and Urdu's joined letters as NUL characters, Chinese partly as
# radicals. Their handouts are compared by outline only.
UNREADABLE_TEXT = {"ar", "bn", "ur", "zh"}
MARKDOWN_SYNTAX = re.compile(r"\]\([^)]*\)|\{[^}]*\}")  # a link's target, an attribute list


def letters(text: str) -> str:
    """Only the letters, marks and digits of a text, in order (NFKC: ligatures such as "ﬁ" split)."""
    return "".join(ch for ch in unicodedata.normalize("NFKC", text) if unicodedata.category(ch)[0] in "LMN")


def printed_text(reader: object) -> str:
    """The letters of a PDF's text (spaces and line breaks are where the paper put them)."""
    return letters("".join(page.extract_text() for page in reader.pages))  # type: ignore[attr-defined]


def outline_titles(outline: list) -> list[str]:  # type: ignore[type-arg] - pypdf's nested lists
    titles: list[str] = []
    for item in outline:
        if isinstance(item, list):
            titles += outline_titles(item)
        else:
            titles.append(normalized(str(item.title)))
    return titles


def check_handouts(project: Project, site_dir: Path) -> list[Finding]:
    from pypdf import PdfReader

    findings: list[Finding] = []
    for language in project.built_languages:
        pdf = handout_path(site_dir, language)
        shown = f"site/{pdf.relative_to(site_dir).as_posix()}"
        if not pdf.is_file():
            findings.append(finding(shown, 1, "handout PDF was not made", "see the errors above", "handouts"))
            continue
        reader = PdfReader(pdf)
        titles = set(outline_titles(reader.outline))
        printed = "" if language.code in UNREADABLE_TEXT else printed_text(reader)
        for page in project.source_pages(language.code):
            source = project.source_path(language.code, page)
            for block in blocks_in_markdown(read_text(source)):
                if normalized(block.title) not in titles:
                    findings.append(
                        finding(
                            shown,
                            1,
                            f"key point {block.id} ({block.title!r}) is not in the handout",
                            "check the handout page prints every key point",
                            "handouts",
                        )
                    )
                elif printed and letters(MARKDOWN_SYNTAX.sub("", block.body)) not in printed:
                    findings.append(
                        finding(
                            shown,
                            1,
                            f"key point {block.id} is printed with other text than its source",
                            "print the handout from the built site (`make build HANDOUTS=1`) without changing it",
                            "handouts",
                        )
                    )
    return findings

"""Proves that no language serves another language's text (English above all) under its own `lang`."""

from __future__ import annotations

from collections.abc import Iterator

from resource_site.content.language_id import LanguageGuesser, base_code
from resource_site.findings import Finding, finding
from resource_site.output.rendered import BuiltPage
from resource_site.project import Project


def check_page_languages(project: Project, pages: list[BuiltPage], guesser: LanguageGuesser) -> Iterator[Finding]:
    for page in pages:
        shown = project.relative(project.source_path(page.language.code, page.page))
        declared = page.tree.get("lang", "")
        if base_code(declared) != base_code(page.language.code):
            yield finding(
                shown,
                1,
                f'built page says lang="{declared}", expected "{page.language.code}"',
                "check the language's `locale` in mkdocs.yml",
                "language",
            )
        if page.language.default:
            continue
        other = guesser.reads_as_other(page.content_text(), page.language.code)
        if other:
            yield finding(
                shown,
                1,
                f"page text reads as '{other}', not '{page.language.code}' ({page.language.name})",
                "translate the page; English left in place is not a translation",
                "language",
            )

"""A translated page's `translated_from` names a version of its English page: a value git never
knew (a typo, a value copied from another page) is its own finding, not "the English changed"."""

from __future__ import annotations

from collections.abc import Iterator

from resource_site.findings import Finding, finding, line_of
from resource_site.project import Project
from resource_site.translation.reports import unknown_version_fix, unknown_version_problem
from resource_site.translation.status import LanguageStatus

CHECK = "translated-from"


def check_translated_from(project: Project, statuses: list[LanguageStatus]) -> Iterator[Finding]:
    for status in statuses:
        for stale in status.stale_pages:
            if stale.unknown_version:
                source = project.source_path(status.code, stale.page)
                yield finding(
                    project.relative(source),
                    line_of(source, "translated_from:"),
                    unknown_version_problem(stale),
                    unknown_version_fix(status.code, stale),
                    CHECK,
                )

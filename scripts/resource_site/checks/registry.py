"""Checks the key-point registry (docs/keypoints.yml): its entries, and that each names a page
the site has."""

from __future__ import annotations

from resource_site.content.keypoints import KeyPoint, load_registry
from resource_site.findings import Finding, finding, line_of
from resource_site.project import Project

CHECK = "keypoint-registry"


def check_registry(project: Project) -> tuple[list[KeyPoint], list[Finding]]:
    """The registry's key points, and a finding for each malformed entry or unknown page."""
    shown = project.relative(project.keypoints_file)
    registry, findings = load_registry(project.keypoints_file, shown)
    pages = set(project.source_pages(project.default_language.code))
    for kp in registry:
        if kp.page not in pages:
            findings.append(
                finding(
                    shown,
                    line_of(project.keypoints_file, f"page: {kp.page}"),
                    f"key point {kp.id} belongs on {kp.page}, which is no page of the site",
                    f"use one of: {', '.join(sorted(pages))}",
                    CHECK,
                )
            )
    return registry, findings

"""The key-point registry (docs/keypoints.yml): every malformed entry is a finding on its line."""

from __future__ import annotations

import pytest

from resource_site.checks.registry import check_registry
from resource_site.project import Project
from tests.conftest import Site

GOOD = "  - {id: kp-iee, page: disagree.md, source: fact-sheet, section: Concerns}\n"
CASES = {
    "no keypoints list": (
        lambda text: text.replace("keypoints:", "points:"),
        "docs/keypoints.yml:1: no `keypoints:` list — add a `keypoints:` list",
    ),
    "invalid YAML": (
        lambda text: text.replace(GOOD, "  - {id: kp-iee, page: [disagree.md\n"),
        "docs/keypoints.yml:6: invalid YAML: expected ',' or ']', but got '<stream end>' — "
        "fix the YAML syntax on this line",
    ),
    "a field missing": (
        lambda text: text.replace(GOOD, "  - {id: kp-iee, page: disagree.md}\n"),
        "docs/keypoints.yml:6: key point kp-iee lacks source, section — "
        "give every key point an id, page, source and section",
    ),
    "a malformed id": (
        lambda text: text.replace("id: kp-iee,", "id: IEE,"),
        "docs/keypoints.yml:6: key point id 'IEE' is malformed — "
        "use lower-case words joined by hyphens, starting with kp-",
    ),
    "an id listed twice": (
        lambda text: text + GOOD,
        "docs/keypoints.yml:6: key point id kp-iee is listed twice — give each key point its own id",
    ),
    "an unknown source": (
        lambda text: text.replace("source: fact-sheet, section: Concerns", "source: blog, section: Concerns"),
        "docs/keypoints.yml:6: key point kp-iee cites unknown source 'blog' — use one of: fact-sheet",
    ),
}


@pytest.mark.parametrize("name", CASES)
def test_malformed_registry_entry_is_reported(unbuilt_site: Site, name: str) -> None:
    plant, expected = CASES[name]
    registry = unbuilt_site.path("docs/keypoints.yml")
    registry.write_text(plant(registry.read_text(encoding="utf-8")), encoding="utf-8")
    _points, findings = check_registry(Project(unbuilt_site.root))
    assert expected in [str(item) for item in findings]


def test_unreadable_registry_is_reported(unbuilt_site: Site) -> None:
    unbuilt_site.path("docs/keypoints.yml").unlink()
    _points, findings = check_registry(Project(unbuilt_site.root))
    [message] = [str(item) for item in findings]
    assert message.startswith("docs/keypoints.yml:1: cannot read the key-point registry ([Errno 2] No such file")
    assert message.endswith("— restore docs/keypoints.yml from git")

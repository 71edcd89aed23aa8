"""The key-point registry (docs/keypoints.yml) and the key-point blocks in Markdown pages."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from resource_site.content.yaml_errors import yaml_error_line, yaml_problem
from resource_site.findings import Finding, finding

ID_PATTERN = re.compile(r"^kp-[a-z0-9]+(?:-[a-z0-9]+)*$")
# `/// keypoint | Title` then an indented `attrs: {id: kp-…}` line (pymdownx.blocks syntax).
BLOCK_START = re.compile(r"^/// keypoint\s*(?:\|\s*(?P<title>.*))?$")
BLOCK_ID = re.compile(r"^\s+attrs:\s*\{\s*id:\s*(?P<id>[^,}\s]+)")
BLOCK_END = re.compile(r"^///\s*$")


@dataclass(frozen=True)
class KeyPoint:
    id: str
    page: str
    source: str
    section: str


@dataclass(frozen=True)
class KeyPointBlock:
    """A key point as written in one Markdown page."""

    id: str
    title: str
    body: str
    line: int  # the line of its `attrs: {id: …}`, or of `/// keypoint` when the id is missing


def load_registry(path: Path, display: str) -> tuple[list[KeyPoint], list[Finding]]:
    """Read the registry; every malformed entry becomes a finding, the rest still load."""
    check = "keypoint-registry"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        return [], [
            finding(
                display,
                1,
                f"cannot read the key-point registry ({error})",
                "restore docs/keypoints.yml from git",
                check,
            )
        ]
    except yaml.YAMLError as error:
        line = yaml_error_line(error)
        return [], [
            finding(
                display,
                line,
                f"invalid YAML: {yaml_problem(error)}",
                "fix the YAML syntax on this line",
                check,
            )
        ]
    if not isinstance(data, dict) or not isinstance(data.get("keypoints"), list):
        return [], [finding(display, 1, "no `keypoints:` list", "add a `keypoints:` list", check)]

    sources = data.get("sources") or {}
    points: list[KeyPoint] = []
    findings: list[Finding] = []
    if not isinstance(sources, dict):
        findings.append(
            finding(
                display,
                _line_of_key(path, "sources:"),
                "`sources:` is not a list of `name: title` lines",
                "write each source on a line of its own under `sources:`, like `fact-sheet: …`",
                check,
            )
        )
        sources = {}
    seen: set[str] = set()
    for entry in data["keypoints"]:
        entry = entry if isinstance(entry, dict) else {}
        kp_id = str(entry.get("id", ""))
        line = _line_of_id(path, kp_id)
        missing = [key for key in ("id", "page", "source", "section") if not entry.get(key)]
        not_text = [key for key in ("id", "page", "source", "section") if isinstance(entry.get(key), (list, dict))]
        if not_text and not missing:
            findings.append(
                finding(
                    display,
                    line,
                    f"key point {kp_id}: {', '.join(not_text)} must be text, not a list",
                    "write one value after the colon",
                    check,
                )
            )
            continue
        if missing:
            findings.append(
                finding(
                    display,
                    line,
                    f"key point {kp_id or '?'} lacks {', '.join(missing)}",
                    "give every key point an id, page, source and section",
                    check,
                )
            )
            continue
        if not ID_PATTERN.match(kp_id):
            findings.append(
                finding(
                    display,
                    line,
                    f"key point id {kp_id!r} is malformed",
                    "use lower-case words joined by hyphens, starting with kp-",
                    check,
                )
            )
            continue
        if kp_id in seen:
            findings.append(
                finding(display, line, f"key point id {kp_id} is listed twice", "give each key point its own id", check)
            )
            continue
        if sources and entry["source"] not in sources:
            findings.append(
                finding(
                    display,
                    line,
                    f"key point {kp_id} cites unknown source {entry['source']!r}",
                    f"use one of: {', '.join(sources)}",
                    check,
                )
            )
        seen.add(kp_id)
        points.append(KeyPoint(kp_id, str(entry["page"]), str(entry["source"]), str(entry["section"])))
    return points, findings


def _line_of_key(path: Path, key: str) -> int:
    for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if text.startswith(key):
            return number
    return 1


def _line_of_id(path: Path, kp_id: str) -> int:
    if kp_id:
        for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if re.search(rf"\bid:\s*{re.escape(kp_id)}\b", text):
                return number
    return 1


def blocks_in_markdown(text: str) -> list[KeyPointBlock]:
    """The key-point blocks of one page, in order, with the line each starts on."""
    blocks: list[KeyPointBlock] = []
    lines = text.splitlines()
    index = 0
    while index < len(lines):
        start = BLOCK_START.match(lines[index])
        if not start:
            index += 1
            continue
        line = index + 1
        kp_id = ""
        body: list[str] = []
        index += 1
        while index < len(lines) and not BLOCK_END.match(lines[index]):
            id_match = BLOCK_ID.match(lines[index])
            if id_match and not kp_id and not body:
                kp_id, line = id_match.group("id"), index + 1
            elif lines[index].strip() or body:
                body.append(lines[index])
            index += 1
        blocks.append(KeyPointBlock(kp_id, (start.group("title") or "").strip(), "\n".join(body).strip(), line))
        index += 1
    return blocks

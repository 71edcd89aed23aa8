"""The key-point registry (docs/keypoints.yml) and the key-point blocks in Markdown pages."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from resource_site.content.yaml_errors import safe_load, yaml_error_line, yaml_problem
from resource_site.findings import Finding, finding

ID_PATTERN = re.compile(r"^kp-[a-z0-9]+(?:-[a-z0-9]+)*$")
# `/// keypoint | Title` then an indented `attrs: {id: kp-…}` line (pymdownx.blocks syntax).
BLOCK_START = re.compile(r"^/// keypoint\s*(?:\|\s*(?P<title>.*))?$")
# pymdownx reads a block's options only when indented by 4 spaces (or a tab); with fewer, the
# `attrs:` line is printed as text and the block has no id.
BLOCK_ATTRS = re.compile(r"^(?: {4}|\t)\s*attrs:\s*(?P<attrs>\{.*\})\s*$")
SHALLOW_ATTRS = re.compile(r"^(?P<indent> {0,3})attrs:")
BLOCK_END = re.compile(r"^///\s*$")
ANY_BLOCK_START = re.compile(r"^/{3,}\s*[A-Za-z]")  # `/// keypoint`, `/// details | …`, `//// note`


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
    start_line: int = 0  # the line of `/// keypoint`
    other_attributes: tuple[str, ...] = ()  # anything but `id` in its attrs (a class can hide it)
    closed: bool = True  # False when the next block or the end of the page came before its `///`
    shallow_attrs: int = -1  # the spaces before an `attrs:` line indented too little to be read, if any


def load_registry(path: Path, display: str) -> tuple[list[KeyPoint], list[Finding]]:
    """Read the registry; every malformed entry becomes a finding, the rest still load."""
    check = "keypoint-registry"
    try:
        data = safe_load(path.read_text(encoding="utf-8"))
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
        start_line = line = index + 1
        kp_id, others, shallow = "", (), -1
        body: list[str] = []
        index += 1
        while index < len(lines) and not BLOCK_END.match(lines[index]) and not ANY_BLOCK_START.match(lines[index]):
            attrs = BLOCK_ATTRS.match(lines[index])
            too_little = SHALLOW_ATTRS.match(lines[index])
            if attrs and not kp_id and not body:
                kp_id, others = _attributes(attrs.group("attrs"))
                line = index + 1
            elif too_little and not kp_id and not body:
                shallow, line = len(too_little.group("indent")), index + 1
                body.append(lines[index])  # printed as text, as pymdownx does
            elif lines[index].strip() or body:
                body.append(lines[index])
            index += 1
        closed = index < len(lines) and bool(BLOCK_END.match(lines[index]))
        title = (start.group("title") or "").strip()
        blocks.append(KeyPointBlock(kp_id, title, "\n".join(body).strip(), line, start_line, others, closed, shallow))
        if closed:
            index += 1
    return blocks


def _attributes(attrs: str) -> tuple[str, tuple[str, ...]]:
    """The id in `{id: kp-…}`, and the names of any other attributes."""
    try:
        data = safe_load(attrs)
    except yaml.YAMLError:
        data = None
    if not isinstance(data, dict):
        return "", ("attrs",)
    return str(data.get("id") or ""), tuple(sorted(str(key) for key in data if key != "id"))

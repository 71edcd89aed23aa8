"""A checklist's boxes are named by their question, for screen readers (WCAG 4.1.2)."""

from __future__ import annotations

import re

from markupsafe import escape

TASK_ITEM = re.compile(
    r'(<li class="task-list-item"><label class="task-list-control"><input type="checkbox")(.*?</label>)(.*?)</li>', re.S
)
TAG = re.compile(r"<[^>]+>")


def label_checklist_boxes(html: str) -> str:
    def named(match: re.Match[str]) -> str:
        label = escape(" ".join(TAG.sub("", match.group(3)).split()))
        return f'{match.group(1)} aria-label="{label}"{match.group(2)}{match.group(3)}</li>'

    return TASK_ITEM.sub(named, html)

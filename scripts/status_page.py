"""The translation status as a page of the built site (English, for translators) and as JSON."""

from __future__ import annotations

from scripts.status import LanguageStatus

PAGE = "translation-status.md"


def status_markdown(statuses: list[LanguageStatus]) -> str:
    lines = [
        "---",
        "title: Translation status",
        "description: Which languages are complete, what is missing, what changed in English, what is reviewed.",
        "search:",
        "  exclude: true",
        "---",
        "",
        "# Translation status {#top}",
        "",
        "For translators and reviewers. The same data is in [status.json](../status.json).",
        "",
        "| Language | On the site | Pages | Key points | Missing | In English | Changed in English | "
        "Interface strings | Review |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for s in statuses:
        on_site = "yes" if s.built else ("ready" if s.complete else "not yet")
        lines.append(
            f"| {s.name} (`{s.code}`) | {on_site} | {len(s.pages_translated)}/{s.pages_total} | "
            f"{len(s.keypoints_covered)}/{s.keypoints_total} | {len(s.keypoints_missing)} | "
            f"{len(s.keypoints_in_english)} | {len(s.keypoints_stale)} | "
            f"{s.strings_translated}/{s.strings_total} | {s.review} |"
        )
    stale = [(s, page) for s in statuses for page in s.stale_pages]
    if stale:
        lines += ["", "## Pages whose English changed {#stale}", ""]
        for s, page in stale:
            changed = ", ".join(f"`{kp}`" for kp in page.changed_keypoints) or "text outside key points"
            lines.append(f"- {s.name}: `docs/{s.code}/{page.page}` — changed: {changed}")
    reviewed = [(s, page, who) for s in statuses for page, who in s.pages_reviewed.items()]
    if reviewed:
        lines += ["", "## Reviewed pages {#reviewed}", ""]
        lines += [f"- {s.name}: `{page}` — {who}" for s, page, who in reviewed]
    return "\n".join(lines) + "\n"

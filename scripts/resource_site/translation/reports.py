"""The translation status as text (`make status`), as JSON (status.json) and as a page of the
built site (in English, for translators and reviewers)."""

from __future__ import annotations

import html
import json
from dataclasses import asdict

from resource_site.content.plain_text import markdown_text
from resource_site.translation.status import LanguageStatus, StalePage


def cell(text: str) -> str:
    """Plain text in a Markdown table cell: escaped, and a | that does not end the cell."""
    return markdown_text(text).replace("|", "&#124;")


def status_markdown(statuses: list[LanguageStatus]) -> str:
    """The status page's Markdown; names and reviewers are plain text, escaped (never Markdown)."""
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
            f"| {cell(s.name)} (`{s.code}`) | {on_site} | {len(s.pages_translated)}/{s.pages_total} | "
            f"{len(s.keypoints_covered)}/{s.keypoints_total} | {len(s.keypoints_missing)} | "
            f"{len(s.keypoints_in_english)} | {len(s.keypoints_stale)} | "
            f"{s.strings_translated}/{s.strings_total} | {cell(s.review)} |"
        )
    stale = [(s, page) for s in statuses for page in s.stale_pages]
    if stale:
        lines += ["", "## Pages whose English changed {#stale}", ""]
        for s, page in stale:
            lines += stale_page_markdown(s, page)
    unconfirmed = [(s, term) for s in statuses for term in s.terms_unconfirmed]
    if unconfirmed:
        lines += ["", "## Terms a fluent reviewer should confirm {#terms}", ""]
        lines += [
            f"- {markdown_text(s.name)}: [{term}]({s.code}/glossary.md#{term}) in `locales/{s.code}/terms.yml`"
            for s, term in unconfirmed
        ]
    lines += term_bases_markdown([s for s in statuses if not s.source])
    reviewed = [(s, page, who) for s in statuses for page, who in s.pages_reviewed.items()]
    if reviewed:
        lines += ["", "## Reviewed pages {#reviewed}", ""]
        lines += [f"- {markdown_text(s.name)}: `{page}` — {markdown_text(who)}" for s, page, who in reviewed]
    return "\n".join(lines) + "\n"


def stale_page_markdown(s: LanguageStatus, page: StalePage) -> list[str]:
    """One stale page: what changed, the exact `translated_from` to set once it is updated, and the
    English diff since the translation (raw HTML, escaped, wrapped so nothing is cut off)."""
    if page.unknown_version:  # the value is the translator's: printed as text, whatever it holds
        changed = (
            f"<code>translated_from: {markdown_text(page.translated_from)}</code> is not a version of the English page"
        )
    else:
        changed = "changed: " + (", ".join(f"`{kp}`" for kp in page.changed_keypoints) or "text outside key points")
    lines = [
        f"- {markdown_text(s.name)}: `docs/{s.code}/{page.page}` — {changed}. Once it is updated, set "
        f"`translated_from: {page.english_now}`.",
    ]
    if page.english_diff:
        lines += [
            "",
            '<details class="english-diff"><summary>English diff</summary>'
            f"<pre><code>{html.escape(page.english_diff)}</code></pre></details>".replace("\n", "&#10;"),
            "",
        ]
    return lines


def term_bases_markdown(statuses: list[LanguageStatus]) -> list[str]:
    """Each language's key terms: the glossary's rendering, the forms its term base accepts and
    forbids, and whether a fluent reviewer has confirmed it (locales/<code>/terms.yml)."""
    lines = ["", "## Term bases {#term-bases}", ""]
    for s in statuses:
        unconfirmed = sum(1 for term in s.terms if not term.confirmed)
        lines += [
            "",
            f"### {markdown_text(s.name)} (`{s.code}`) {{#terms-{s.code}}}",
            "",
            f"{len(s.terms)} terms, {unconfirmed} not yet confirmed. Edit `locales/{s.code}/terms.yml`.",
            "",
            "| English | Rendering | Also accepted | Never write | Confirmed |",
            "|---|---|---|---|---|",
        ]
        lines += [
            f"| {cell(term.english)} | {cell(term.rendering) or 'missing'} | {cell(', '.join(term.accepted))} | "
            f"{cell(', '.join(term.forbidden))} | {'yes' if term.confirmed else '**no**'} |"
            for term in s.terms
        ]
    return lines


def stale_advice(code: str, stale: StalePage) -> str:
    """What a translator does about a page whose `translated_from` is not today's English."""
    if stale.unknown_version:
        return f"{unknown_version_problem(stale)} — {unknown_version_fix(code, stale)}"
    changed = ", ".join(stale.changed_keypoints) or "no key point (other text)"
    return (
        f"stale — the English changed ({changed}); update the translation, "
        f"then set `translated_from: {stale.english_now}`"
    )


def unknown_version_problem(stale: StalePage) -> str:
    return (
        f"`translated_from: {stale.translated_from}` is not a version of the English page "
        "(git knows no English text with that value)"
    )


def unknown_version_fix(code: str, stale: StalePage) -> str:
    return (
        f"if you translated today's English, set `translated_from: {stale.english_now}` (or run "
        f"`make translated CODE={code} PAGES={stale.page}`); otherwise set the value `make status` showed "
        "when you started"
    )


def status_json(statuses: list[LanguageStatus]) -> str:
    return json.dumps(
        [{**asdict(s), "review": s.review, "complete": s.complete} for s in statuses], ensure_ascii=False, indent=2
    )


def status_text(statuses: list[LanguageStatus], show_diff: bool = False) -> str:
    lines = []
    for s in statuses:
        state = "built" if s.built else ("ready to build" if s.complete else "not built yet")
        lines.append(
            f"{s.code:<6} {state:<14} "
            f"pages {len(s.pages_translated)}/{s.pages_total}  "
            f"key points {len(s.keypoints_covered)}/{s.keypoints_total} "
            f"(missing {len(s.keypoints_missing)}, in English {len(s.keypoints_in_english)}, "
            f"stale {len(s.keypoints_stale)})  "
            f"interface strings {s.strings_translated}/{s.strings_total}  "
            f"terms {sum(1 for term in s.terms if term.confirmed)}/{len(s.terms)} confirmed  "
            f"review: {s.review}  — {s.name}"
        )
    source = next((s.code for s in statuses if s.source), "")
    details = []
    for s in statuses:
        if s.site_name_missing:
            details.append(
                f"mkdocs.yml: {s.code} has no site name of its own yet — add `site_name:` with the site's name "
                f"in {s.name}, under `locale: {s.code}`"
            )
        for page in s.pages_missing:
            details.append(f"docs/{s.code}/{page}: missing — copy docs/{source}/{page} there and translate it")
        for page in s.pages_in_english:
            details.append(f"docs/{s.code}/{page}: not translated yet (still in English)")
        for kp in s.keypoints_missing:
            details.append(f"{s.code}: key point {kp} is missing")
        for stale in s.stale_pages:
            details.append(f"docs/{s.code}/{stale.page}: {stale_advice(s.code, stale)}")
            if show_diff and stale.english_diff:
                details.append(stale.english_diff.rstrip("\n"))
        for term in s.terms_unconfirmed:
            details.append(
                f"locales/{s.code}/terms.yml: the rendering of {term} is not confirmed — a fluent reviewer "
                "checks it on the glossary page, then sets `confirmed: true`"
            )
    if details:
        lines += ["", *details]
    return "\n".join(lines)

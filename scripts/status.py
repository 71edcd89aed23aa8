"""Translation status: for each language, what is translated, missing, stale or unreviewed.

    python -m scripts.status [--format text|json] [--diff]

Read from the sources (no build needed); the built site carries the same data as
translation-status/ and status.json.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path

from scripts.catalogs import catalog_path, read_catalog, template_path
from scripts.frontmatter import split_front_matter
from scripts.keypoints import KeyPoint, blocks_in_markdown, load_registry
from scripts.language_id import LanguageGuesser
from scripts.project import Language, Project
from scripts.translation_state import PageState, keypoint_texts, page_state

MARKUP = re.compile(r"[#*_`>|\[\]()/{}:-]+|\battrs\b|\bid\b|kp-[a-z0-9-]+")


@dataclass
class StalePage:
    page: str
    english_now: str
    changed_keypoints: list[str]
    english_diff: str


@dataclass
class LanguageStatus:
    code: str
    name: str
    built: bool
    pages_total: int
    pages_translated: list[str] = field(default_factory=list)
    pages_missing: list[str] = field(default_factory=list)
    pages_in_english: list[str] = field(default_factory=list)
    keypoints_total: int = 0
    keypoints_covered: list[str] = field(default_factory=list)
    keypoints_missing: list[str] = field(default_factory=list)
    keypoints_in_english: list[str] = field(default_factory=list)
    keypoints_stale: list[str] = field(default_factory=list)
    strings_total: int = 0
    strings_translated: int = 0
    pages_reviewed: dict[str, str] = field(default_factory=dict)  # page -> "who, when"
    stale_pages: list[StalePage] = field(default_factory=list)

    source: bool = False  # the language the others are translated from

    @property
    def review(self) -> str:
        if self.source:
            return "source language"
        if len(self.pages_reviewed) == self.pages_total:
            return "reviewed"
        return f"draft ({len(self.pages_reviewed)}/{self.pages_total} pages reviewed)"

    @property
    def complete(self) -> bool:
        """Everything is there to build this language (staleness and review do not block it)."""
        return (
            len(self.pages_translated) == self.pages_total
            and len(self.keypoints_covered) == self.keypoints_total
            and self.strings_translated == self.strings_total
        )


def plain_text(markdown: str) -> str:
    return " ".join(MARKUP.sub(" ", split_front_matter(markdown).body).split())


def language_status(
    project: Project, language: Language, registry: list[KeyPoint], guesser: LanguageGuesser
) -> LanguageStatus:
    english = project.default_language.code
    pages = project.source_pages(english)
    status = LanguageStatus(
        language.code, language.name, language.build, len(pages), keypoints_total=len(registry), source=language.default
    )
    english_keypoints: dict[str, str] = {}
    for page in pages:
        english_keypoints.update(keypoint_texts(project.source_path(english, page).read_text(encoding="utf-8")))
    found: dict[str, tuple[str, str]] = {}  # key point -> (page, text)
    for page in pages:
        path = project.source_path(language.code, page)
        if not path.is_file():
            status.pages_missing.append(page)
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        body = plain_text(text)
        same_as_english = body == plain_text(project.source_path(english, page).read_text(encoding="utf-8"))
        if not language.default and (same_as_english or guesser.reads_as_other(body, language.code)):
            status.pages_in_english.append(page)
        else:
            status.pages_translated.append(page)
        for block in blocks_in_markdown(text):
            found.setdefault(block.id, (page, f"{block.title}\n{block.body}"))
        if language.default:
            continue
        state = page_state(project.root, project.source_path(english, page), text, page)
        if state.reviewed:
            status.pages_reviewed[page] = ", ".join(filter(None, [state.reviewed_by, state.reviewed_on]))
        if state.stale:
            status.stale_pages.append(_stale(state))
            status.keypoints_stale.extend(state.changed_keypoints)
    for kp in registry:
        page, text = found.get(kp.id, ("", ""))
        if not text or page != kp.page:
            status.keypoints_missing.append(kp.id)
        elif not language.default and (
            text == english_keypoints.get(kp.id) or guesser.reads_as_other(plain_text(text), language.code)
        ):
            status.keypoints_in_english.append(kp.id)
        else:
            status.keypoints_covered.append(kp.id)
    status.keypoints_stale = sorted(set(status.keypoints_stale) & set(status.keypoints_covered))
    status.strings_total, status.strings_translated = _strings(project, language)
    return status


def _stale(state: PageState) -> StalePage:
    return StalePage(state.page, state.english_fingerprint, state.changed_keypoints, state.english_diff)


def _strings(project: Project, language: Language) -> tuple[int, int]:
    template = read_catalog(template_path(project))
    total = sum(1 for message in template if message.id)
    if language.default:
        return total, total
    path = catalog_path(project, language.code)
    if not path.is_file():
        return total, 0
    try:
        catalog = read_catalog(path)
    except Exception:  # a broken catalog counts as untranslated; `make check` names the line
        return total, 0
    translated = sum(
        1
        for message in template
        if message.id and (found := catalog.get(message.id)) and found.string and not found.fuzzy
    )
    return total, translated


def project_status(project: Project) -> list[LanguageStatus]:
    registry, _problems = load_registry(project.keypoints_file, project.relative(project.keypoints_file))
    guesser = LanguageGuesser([lang.code for lang in project.languages])
    return [language_status(project, language, registry, guesser) for language in project.languages]


def as_json(statuses: list[LanguageStatus]) -> str:
    return json.dumps(
        [{**asdict(s), "review": s.review, "complete": s.complete} for s in statuses], ensure_ascii=False, indent=2
    )


def as_text(statuses: list[LanguageStatus], show_diff: bool = False) -> str:
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
            f"review: {s.review}  — {s.name}"
        )
    details = []
    for s in statuses:
        for page in s.pages_missing:
            details.append(f"docs/{s.code}/{page}: missing — copy docs/en/{page} there and translate it")
        for page in s.pages_in_english:
            details.append(f"docs/{s.code}/{page}: not translated yet (still in English)")
        for kp in s.keypoints_missing:
            details.append(f"{s.code}: key point {kp} is missing")
        for stale in s.stale_pages:
            changed = ", ".join(stale.changed_keypoints) or "no key point (other text)"
            details.append(
                f"docs/{s.code}/{stale.page}: stale — the English changed ({changed}); "
                f"update the translation, then set `translated_from: {stale.english_now}`"
            )
            if show_diff and stale.english_diff:
                details.append(stale.english_diff.rstrip("\n"))
    if details:
        lines += ["", *details]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.status", description=__doc__.splitlines()[0])
    parser.add_argument("--format", choices=["text", "json"], default="text")
    parser.add_argument("--diff", action="store_true", help="show the English diff of each stale page")
    parser.add_argument("--root", type=Path, default=Path.cwd())
    args = parser.parse_args(argv)
    statuses = project_status(Project(args.root))
    print(as_json(statuses) if args.format == "json" else as_text(statuses, args.diff))
    return 0


if __name__ == "__main__":
    sys.exit(main())

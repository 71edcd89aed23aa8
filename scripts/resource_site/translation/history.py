"""Where each translated page stands against its English original.

A translated page names the English version it was translated from in its front matter
(`translated_from: <fingerprint>`). When the English page changes, its fingerprint
changes and the translation is stale; git history gives back the old English text, so we
can say which key points changed and show the English diff.
"""

from __future__ import annotations

import difflib
import hashlib
import subprocess
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from resource_site.content.frontmatter import split_front_matter
from resource_site.content.keypoints import blocks_in_markdown
from resource_site.content.source_text import read_text


def fingerprint(markdown: str) -> str:
    """A short fingerprint of a page's body (front matter and line endings do not count)."""
    body = split_front_matter(markdown.replace("\r\n", "\n")).body
    normalized = "\n".join(line.rstrip() for line in body.strip().splitlines())
    return hashlib.sha256(normalized.encode("utf-8")).hexdigest()[:12]


def keypoint_texts(markdown: str) -> dict[str, str]:
    return {block.id: f"{block.title}\n{block.body}" for block in blocks_in_markdown(markdown) if block.id}


@dataclass
class PageState:
    page: str
    english_fingerprint: str
    translated_from: str = ""  # empty: the page does not say
    reviewed_by: str = ""
    reviewed_on: str = ""
    changed_keypoints: list[str] = field(default_factory=list)
    english_diff: str = ""
    unknown_version: bool = False  # translated_from names no version git knows of the English page

    @property
    def stale(self) -> bool:
        return bool(self.translated_from) and self.translated_from != self.english_fingerprint

    @property
    def reviewed(self) -> bool:
        return bool(self.reviewed_by)


class EnglishHistory:
    """The English pages as git remembers them, read once per run (each `git` call has a time limit)."""

    GIT_SECONDS = 30

    def __init__(self, root: Path) -> None:
        self.root = root
        self._versions: dict[str, tuple[str, ...]] = {}

    def version(self, relative: str, wanted: str) -> str | None:
        """The English page as it was when its fingerprint was `wanted`, or None if git does not know it."""
        for text in self.versions(relative):
            if fingerprint(text) == wanted:
                return text
        return None

    def versions(self, relative: str) -> tuple[str, ...]:
        if relative not in self._versions:
            self._versions[relative] = self._read(relative)
        return self._versions[relative]

    def _read(self, relative: str) -> tuple[str, ...]:
        try:
            if self.shallow:
                return ()  # a shallow copy lacks older versions: nothing can be said of a value
            commits = self._git("log", "--format=%H", "--", relative).split()
            return tuple(self._git("show", f"{commit}:{relative}") for commit in commits)
        except (OSError, subprocess.CalledProcessError, subprocess.TimeoutExpired):
            return ()  # no git, no history or too slow: stale pages are still found, without their diff

    @cached_property
    def shallow(self) -> bool:
        return self._git("rev-parse", "--is-shallow-repository").strip() == "true"

    def _git(self, *args: str) -> str:
        return subprocess.run(
            ["git", *args], cwd=self.root, capture_output=True, text=True, check=True, timeout=self.GIT_SECONDS
        ).stdout


def page_state(history: EnglishHistory, english_path: Path, translated_text: str, page: str) -> PageState:
    english_text = read_text(english_path)
    front = split_front_matter(translated_text).data
    state = PageState(
        page=page,
        english_fingerprint=fingerprint(english_text),
        translated_from=str(front.get("translated_from") or ""),
        reviewed_by=str(front.get("reviewed_by") or ""),
        reviewed_on=str(front.get("reviewed_on") or ""),
    )
    if state.stale:
        relative = english_path.resolve().relative_to(history.root).as_posix()
        old = history.version(relative, state.translated_from)
        if old is not None:
            before, after = keypoint_texts(old), keypoint_texts(english_text)
            state.changed_keypoints = sorted(k for k in after if before.get(k) != after[k])
            state.english_diff = "".join(
                difflib.unified_diff(
                    old.splitlines(keepends=True),
                    english_text.splitlines(keepends=True),
                    f"{page} (translated from {state.translated_from})",
                    f"{page} (English now)",
                )
            )
        else:  # every key point may have changed since
            state.changed_keypoints = sorted(keypoint_texts(english_text))
            # With no history at all (no git, a shallow copy) nothing can be said of the value itself.
            state.unknown_version = bool(history.versions(relative))
    return state

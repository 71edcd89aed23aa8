"""Translation status: for each language, what is translated, missing, stale or unreviewed.

Computed from the sources once per run, before anything is built (`make status` prints it; the
build hands it to the plugin as a JSON file, and the site carries it as translation-status/ and
status.json).
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import PoFileError

from resource_site.content.catalogs import catalog_path, read_catalog, template_path
from resource_site.content.frontmatter import split_front_matter
from resource_site.content.glossary import GLOSSARY_PAGE, read_glossary
from resource_site.content.keypoints import KeyPoint, blocks_in_markdown, load_registry
from resource_site.content.language_id import LanguageGuesser
from resource_site.content.source_text import read_text
from resource_site.content.terms import TermBase, read_term_base, term_base_path
from resource_site.processes import in_processes, split_evenly
from resource_site.project import Language, Project
from resource_site.translation.history import EnglishHistory, PageState, keypoint_texts, page_state

MARKUP = re.compile(r"[#*_`>|\[\]()/{}:-]+|\battrs\b|\bid\b|kp-[a-z0-9-]+")


@dataclass
class StalePage:
    page: str
    english_now: str  # the `translated_from` value to set once the translation is updated
    changed_keypoints: list[str]
    english_diff: str
    translated_from: str = ""  # the value the page has now
    unknown_version: bool = False  # that value is no version of the English page


@dataclass
class TermStatus:
    """One key term of a language: its glossary rendering and what its term base says of it."""

    id: str
    english: str
    rendering: str  # the glossary's heading in this language ("" when its glossary lacks it)
    accepted: list[str]
    forbidden: list[str]
    confirmed: bool


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
    terms_unconfirmed: list[str] = field(default_factory=list)  # glossary ids no fluent reviewer confirmed yet
    terms: list[TermStatus] = field(default_factory=list)  # every term of the English glossary, as this language has it
    stale_pages: list[StalePage] = field(default_factory=list)
    site_name_missing: bool = False  # mkdocs.yml gives no site_name in this language

    source: bool = False  # the language the others are translated from

    @property
    def review(self) -> str:
        if self.source:
            return "source language"
        if len(self.pages_reviewed) == self.pages_total:
            return "reviewed"
        return f"draft ({len(self.pages_reviewed)}/{self.pages_total} pages reviewed)"

    @property
    def current(self) -> bool:
        """Nothing missing, left in English or stale (review is a separate matter)."""
        return self.complete and not self.pages_in_english and not self.stale_pages and not self.keypoints_in_english

    @property
    def complete(self) -> bool:
        """Everything is there to build this language (staleness and review do not block it)."""
        return (
            len(self.pages_translated) == self.pages_total
            and len(self.keypoints_covered) == self.keypoints_total
            and self.strings_translated == self.strings_total
            and not self.site_name_missing
        )


def plain_text(markdown: str) -> str:
    return " ".join(MARKUP.sub(" ", split_front_matter(markdown).body).split())


@dataclass(frozen=True)
class EnglishSources:
    """What each language's status compares it with, read once for all of them: the default
    language's pages (their words and key points) and the interface-string template."""

    page_words: dict[str, str]  # page -> its plain text
    keypoint_texts: dict[str, str]  # key point id -> its title and body
    template: Catalog | None  # None when it cannot be read (`make check` reports it)

    @classmethod
    def read(cls, project: Project) -> EnglishSources:
        english = project.default_language.code
        page_words: dict[str, str] = {}
        keypoints: dict[str, str] = {}
        for page in project.source_pages(english):
            text = read_text(project.source_path(english, page))
            page_words[page] = plain_text(text)
            keypoints.update(keypoint_texts(text))
        try:
            template = read_catalog(template_path(project.locales_dir))
        except (OSError, ValueError, PoFileError):
            template = None
        return cls(page_words, keypoints, template)


def language_status(
    project: Project,
    language: Language,
    registry: list[KeyPoint],
    guesser: LanguageGuesser,
    history: EnglishHistory,
    sources: EnglishSources,
) -> LanguageStatus:
    english = project.default_language.code
    pages = project.source_pages(english)
    status = LanguageStatus(
        language.code,
        language.name,
        language.build,
        len(pages),
        keypoints_total=len(registry),
        site_name_missing=not language.default and not language.site_name,
        source=language.default,
    )
    base = read_term_base(term_base_path(project.locales_dir, language.code))
    status.terms_unconfirmed = [entry.id for entry in base.entries.values() if not entry.confirmed]
    status.terms = _terms(project, language.code, base)
    found: dict[str, tuple[str, str]] = {}  # key point -> (page, text)
    for page in pages:
        path = project.source_path(language.code, page)
        if not path.is_file():
            status.pages_missing.append(page)
            continue
        text = read_text(path)
        body = plain_text(text)
        same_as_english = body == sources.page_words[page]
        if not language.default and (same_as_english or guesser.reads_as_other(body, language.code)):
            status.pages_in_english.append(page)
        else:
            status.pages_translated.append(page)
        for block in blocks_in_markdown(text):
            found.setdefault(block.id, (page, f"{block.title}\n{block.body}"))
        if language.default:
            continue
        state = page_state(history, project.source_path(english, page), text, page)
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
            text == sources.keypoint_texts.get(kp.id) or guesser.reads_as_other(plain_text(text), language.code)
        ):
            status.keypoints_in_english.append(kp.id)
        else:
            status.keypoints_covered.append(kp.id)
    status.keypoints_stale = sorted(set(status.keypoints_stale) & set(status.keypoints_covered))
    status.strings_total, status.strings_translated = _strings(project, language, sources.template)
    return status


def _terms(project: Project, code: str, base: TermBase) -> list[TermStatus]:
    english = read_glossary(project.source_path(project.default_language.code, GLOSSARY_PAGE))
    own = {entry.id: entry.term for entry in read_glossary(project.source_path(code, GLOSSARY_PAGE))}
    terms = []
    for entry in english:
        settings = base.entries.get(entry.id)
        terms.append(
            TermStatus(
                entry.id,
                entry.term,
                own.get(entry.id, ""),
                list(settings.accepted) if settings else [],
                [forbidden.rendering for forbidden in settings.forbidden] if settings else [],
                settings.confirmed if settings else True,
            )
        )
    return terms


def _stale(state: PageState) -> StalePage:
    return StalePage(
        state.page,
        state.english_fingerprint,
        state.changed_keypoints,
        state.english_diff,
        state.translated_from,
        state.unknown_version,
    )


def _strings(project: Project, language: Language, template: Catalog | None) -> tuple[int, int]:
    if template is None:  # `make status` and `make check` report the template
        return 0, 0
    total = sum(1 for message in template if message.id)
    if language.default:
        return total, total
    path = catalog_path(project.locales_dir, language.code)
    if not path.is_file():
        return total, 0
    try:
        catalog = read_catalog(path)
    except (OSError, ValueError, PoFileError):  # a broken catalog counts as untranslated; `make check` names the line
        return total, 0
    translated = sum(
        1
        for message in template
        if message.id and (found := catalog.get(message.id)) and found.string and not found.fuzzy
    )
    return total, translated


def project_status(project: Project, jobs: int = 1) -> list[LanguageStatus]:
    """Every language's status, in mkdocs.yml's order, computed in up to `jobs` processes."""
    groups = split_evenly(project.codes, lambda code: len(project.source_pages(code)), jobs)
    # its model is read once, here, for every process
    guesser = LanguageGuesser(project.codes)
    statuses = in_processes(statuses_of, [(project, group, guesser) for group in groups])
    by_code = {status.code: status for group in statuses for status in group}
    return [by_code[code] for code in project.codes]


def statuses_of(project: Project, codes: list[str], guesser: LanguageGuesser) -> list[LanguageStatus]:
    """The status of the languages of `codes`, in mkdocs.yml's order."""
    registry, _problems = load_registry(project.keypoints_file, project.relative(project.keypoints_file))
    history = EnglishHistory(project.root)
    sources = EnglishSources.read(project)
    languages = [language for language in project.languages if language.code in codes]
    return [language_status(project, language, registry, guesser, history, sources) for language in languages]


def write_status(statuses: list[LanguageStatus], target: Path) -> None:
    """Write the status for the plugin, replacing any earlier file whole (runs may overlap)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.{os.getpid()}")
    partial.write_text(json.dumps([asdict(s) for s in statuses], ensure_ascii=False, indent=1), encoding="utf-8")
    partial.replace(target)


def read_status(path: Path) -> list[LanguageStatus]:
    """The status a run wrote, or none when there is none (a plain `mkdocs build`)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    statuses = []
    for item in data:
        stale = [StalePage(**page) for page in item.pop("stale_pages", [])]
        terms = [TermStatus(**term) for term in item.pop("terms", [])]
        statuses.append(LanguageStatus(**item, stale_pages=stale, terms=terms))
    return statuses

"""Everything `make check` proves, as one pipeline: sources first (exact lines), then the real
MkDocs build, then the rendered pages (what a browser gets)."""

from __future__ import annotations

import shutil
import time
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from babel.messages.catalog import Catalog

from resource_site.checks.catalogs import check_catalogs, check_template_is_current, read_template
from resource_site.checks.config import check_languages, config_error
from resource_site.checks.glossary import check_glossaries
from resource_site.checks.heading_anchors import check_heading_anchors
from resource_site.checks.interface_language import check_interface_language, english_interface
from resource_site.checks.keypoints import check_keypoint_anchors, check_keypoints, english_keypoint_texts
from resource_site.checks.language import check_page_languages
from resource_site.checks.links import SiteFiles, check_links
from resource_site.checks.pages import check_pages
from resource_site.checks.published_files import check_logo, check_published_files
from resource_site.checks.registry import check_registry
from resource_site.checks.script_variant import check_script_variants
from resource_site.checks.terms import check_terms
from resource_site.checks.tooltips import check_tooltips
from resource_site.checks.translated_from import check_translated_from
from resource_site.checks.visible_text import check_visible_text
from resource_site.content.branding import load_branding
from resource_site.content.keypoints import KeyPoint
from resource_site.content.language_id import LanguageGuesser
from resource_site.findings import Finding
from resource_site.output.build import BuildOptions, build_site
from resource_site.output.catalogs import compile_catalogs
from resource_site.output.fonts import missing_fonts
from resource_site.output.handouts import print_handouts
from resource_site.output.offline_archive import build_offline_archive
from resource_site.output.rendered import built_pages
from resource_site.processes import in_processes
from resource_site.progress import say
from resource_site.project import GENERATED, Project
from resource_site.translation.status import project_status, write_status

if TYPE_CHECKING:
    from resource_site.checks.readability import Reading

# Imported where they are used, in the processes that use them: the readability check (textstat),
# the handouts (pypdf) and outside links (requests) take a quarter of a second to import.


@dataclass(frozen=True)
class CheckOptions:
    external: bool = False  # outside links (needs internet)
    handouts: bool = False  # print each language's handout and read it back
    offline: bool = False  # make the offline archive
    jobs: int = 1  # processes building languages at once


@dataclass
class CheckRun:
    findings: list[Finding] = field(default_factory=list)
    readings: list[Reading] = field(default_factory=list)
    # Findings in languages not yet on the site: reported as theirs, they do not stop publishing.
    draft_findings: dict[str, list[Finding]] = field(default_factory=dict)
    built: bool = False
    summary: dict[str, object] = field(default_factory=dict)


def step(name: str) -> None:
    say(f"▸ {name}")


def run_checks(project: Project, site_dir: Path, work: Path, options: CheckOptions) -> CheckRun:
    """Check the sources, build into `site_dir` (with `work` for scratch), check what was built.

    The languages build in processes of their own (one per core): they start at once, and build
    as soon as this one has written the translation status they read; the sources are checked in
    one more process, from the start. The built site is then checked in processes too, a language
    each."""
    run = CheckRun(summary={"languages": [], "keypoints": 0, "build_seconds": 0, "reading_level": {}})
    step("reading mkdocs.yml")
    broken = config_error(project)
    if broken is not None:
        run.findings = [broken]
        return run
    findings = run.findings
    drafts = project.draft_codes  # checked as well, and built into a preview (never published)
    checked = project.with_drafts() if drafts else project
    findings += check_languages(checked)
    step("checking and compiling the interface-string catalogs")
    problems, catalogs = check_catalogs(project, template_current=False)
    findings += problems
    compile_catalogs(project, catalogs)

    def compute_status() -> None:  # the build reads it: the languages' processes wait for it
        alongside = " (and, in a process of its own, checking the sources)" if options.jobs > 1 else ""
        step(f"computing the translation status{alongside}")
        statuses = project_status(project)
        write_status(statuses, project.translation_status_file)
        findings.extend(check_translated_from(project, statuses))
        not_yet = f" (and {len(drafts)} not yet on the site, for their preview)" if drafts else ""
        step(f"building {len(project.built_languages)} languages{not_yet} with MkDocs in {options.jobs} process(es)")

    started = time.perf_counter()
    build_options = BuildOptions(handouts=options.handouts, offline_archive=options.offline)
    result = build_site(
        project,
        site_dir,
        build_options,
        options.jobs,
        prepare=compute_status,
        alongside=partial(check_sources, checked),
        preview_dir=preview_dir(work) if drafts else None,
    )
    source_findings, registry = result.alongside
    findings += source_findings
    build_seconds = time.perf_counter() - started
    findings += result.findings
    run.built = result.finished
    if result.crash:
        run.summary["plugin_traceback"] = result.crash
    if run.built and options.offline:
        step("building the offline archive")
        findings += build_offline_archive(
            project, site_dir, work, options.jobs, offline_preview_dir(work) if drafts else None
        )
        if drafts and (site_dir / GENERATED.offline_archive).is_file():  # their pages link to it too
            archive = preview_dir(work) / GENERATED.offline_archive
            archive.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(site_dir / GENERATED.offline_archive, archive)
    missing: list[Finding] = []  # fonts a language's handout needs and no installed font has
    if run.built and options.handouts:
        step("printing the handouts with Chromium")
        missing = missing_fonts(project)
        findings += missing or print_handouts(project, site_dir)
    if run.built:
        step("checking the built pages: key points, languages, links, reading level")
        english_pages = list(built_pages(project, site_dir, [project.default_language.code]))
        english = EnglishReference(english_keypoint_texts(english_pages), english_interface(english_pages))
        del english_pages  # each language's check reads its own pages, then lets them go
        # the model is read already (the status read it)
        guesser = LanguageGuesser(project.codes)
        # The published languages as published; those not yet on the site in the preview.
        codes = [language.code for language in project.built_languages]
        # each site's files listed once, here, for every process (the link check looks links up in it)
        sites = {folder: SiteFiles(folder) for folder in [site_dir, *([preview_dir(work)] if drafts else [])]}
        where = [(project, sites[site_dir], code) for code in codes]
        where += [(checked, sites[preview_dir(work)], code) for code in drafts]
        results = in_processes(
            check_built_language,
            [(built, site, registry, catalogs, code, guesser, english, options) for built, site, code in where],
            processes=options.jobs,
        )
        for (_, _, code), (language_findings, readings) in zip(where, results, strict=True):
            if code in drafts:  # what its pages show is the language's own, wherever the finding points
                run.draft_findings.setdefault(code, []).extend(language_findings)
            else:
                findings += language_findings
            run.readings += readings
        if options.handouts and not missing:
            from resource_site.checks.handouts import check_handouts

            step("reading the handouts back")
            findings += check_handouts(project, site_dir)
    run.findings = []
    for item in sorted(set(findings)):
        code = project.language_of(item.path, item.line, drafts)
        if code is None:
            run.findings.append(item)
        else:
            run.draft_findings.setdefault(code, []).append(item)
    run.draft_findings = {code: sorted(set(items)) for code, items in sorted(run.draft_findings.items())}
    run.summary.update(
        {
            "languages": [lang.code for lang in project.built_languages],
            "not_yet_on_site": drafts,
            "keypoints": len(registry),
            "build_seconds": round(build_seconds, 2),
            "reading_level": {r.page: {"grade": r.grade, "words": r.words} for r in run.readings},
        }
    )
    return run


def preview_dir(work: Path) -> Path:
    """Where a run builds the site with the languages not yet on it, to check them."""
    return work / "preview"


def offline_preview_dir(work: Path) -> Path:
    """… and, with the offline archive, the same as a copy that opens from disk (file://)."""
    return work / "offline-preview"


@dataclass(frozen=True)
class EnglishReference:
    """What the other languages' pages are compared with, read once from the default language's."""

    keypoint_texts: dict[str, str]
    interface: dict[str, set[str]]


def check_sources(project: Project) -> tuple[list[Finding], list[KeyPoint]]:
    """Every check of the sources that the build does not need first; and the key-point registry."""
    step("checking the sources: key-point registry, branding.yml, published files, pages, glossaries, terms")
    findings: list[Finding] = []
    template, _problems = read_template(project)  # its problems are reported with the catalogs'
    if template is not None:
        findings += check_template_is_current(project, template)
    registry, problems = check_registry(project)
    findings += problems
    branding, problems = load_branding(project.branding_file, project.codes, project.default_language.code)
    findings += [*problems, *check_logo(project, branding)]
    findings += check_published_files(project)
    findings += check_pages(project, registry)
    findings += check_heading_anchors(project)
    findings += check_glossaries(project)
    findings += check_terms(project)
    findings += check_script_variants(project)
    return findings, registry


def check_built_language(
    project: Project,
    site: SiteFiles,
    registry: list[KeyPoint],
    catalogs: dict[str, Catalog],
    code: str,
    guesser: LanguageGuesser,
    english: EnglishReference,
    options: CheckOptions,
) -> tuple[list[Finding], list[Reading]]:
    """The checks of one language's built pages (its pages alone are read and kept, so the memory
    this takes does not grow with the number of languages)."""
    site_dir = site.root
    pages = list(built_pages(project, site_dir, [code]))
    findings = [
        *check_keypoints(project, registry, pages, guesser, english.keypoint_texts),
        *check_keypoint_anchors(project, pages),
        *check_page_languages(project, pages, guesser),
        *check_interface_language(project, pages, catalogs, english.interface),
        *check_visible_text(project, site_dir, pages),
        *check_tooltips(project, pages),
        *check_links(project, site, pages),
    ]
    if options.external:
        from resource_site.checks.external import check_external_links

        findings += check_external_links(project, pages)
    readings: list[Reading] = []
    if code == project.default_language.code:
        from resource_site.checks.readability import check_readability

        readings, problems = check_readability(project, pages)
        findings += problems
    return findings, readings

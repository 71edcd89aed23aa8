"""Everything `make check` proves, as one pipeline: sources first (exact lines), then the real
MkDocs build, then the rendered pages (what a browser gets)."""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from resource_site.checks.catalogs import check_catalogs
from resource_site.checks.config import check_languages, config_error
from resource_site.checks.external import check_external_links
from resource_site.checks.glossary import check_glossaries
from resource_site.checks.handouts import check_handouts
from resource_site.checks.interface_language import check_interface_language
from resource_site.checks.keypoints import check_keypoint_anchors, check_keypoints
from resource_site.checks.language import check_page_languages
from resource_site.checks.links import check_links
from resource_site.checks.pages import check_pages
from resource_site.checks.published_files import check_logo, check_published_files
from resource_site.checks.readability import Reading, check_readability
from resource_site.checks.registry import check_registry
from resource_site.checks.script_variant import check_script_variants
from resource_site.checks.terms import check_terms
from resource_site.checks.tooltips import check_tooltips
from resource_site.checks.visible_text import check_visible_text
from resource_site.content.branding import load_branding
from resource_site.content.language_id import LanguageGuesser
from resource_site.findings import Finding
from resource_site.output.build import BuildOptions, build_site
from resource_site.output.catalogs import compile_catalogs
from resource_site.output.fonts import missing_fonts
from resource_site.output.handouts import print_handouts
from resource_site.output.offline_archive import build_offline_archive
from resource_site.output.rendered import built_pages
from resource_site.project import Project
from resource_site.translation.status import project_status, write_status


@dataclass(frozen=True)
class CheckOptions:
    external: bool = False  # outside links (needs internet)
    handouts: bool = False  # print each language's handout and read it back
    offline: bool = False  # make the offline archive


@dataclass
class CheckRun:
    findings: list[Finding] = field(default_factory=list)
    readings: list[Reading] = field(default_factory=list)
    built: bool = False
    summary: dict[str, object] = field(default_factory=dict)


def step(name: str) -> None:
    print(f"▸ {name}", file=sys.stderr, flush=True)


def run_checks(project: Project, site_dir: Path, work: Path, options: CheckOptions) -> CheckRun:
    """Check the sources, build into `site_dir` (with `work` for scratch), check what was built."""
    run = CheckRun(summary={"languages": [], "keypoints": 0, "build_seconds": 0, "reading_level": {}})
    step("reading mkdocs.yml")
    broken = config_error(project)
    if broken is not None:
        run.findings = [broken]
        return run
    findings = run.findings
    findings += check_languages(project)
    step("reading the key-point registry")
    registry, problems = check_registry(project)
    findings += problems
    step("checking branding.yml")
    branding, problems = load_branding(project.branding_file, project.codes, project.default_language.code)
    findings += problems
    findings += check_logo(project, branding)
    step("checking which files would be published")
    findings += check_published_files(project)
    step("checking the Markdown sources")
    findings += check_pages(project, registry)
    findings += check_glossaries(project)
    findings += check_terms(project)
    findings += check_script_variants(project)
    step("checking and compiling the interface-string catalogs")
    problems, catalogs = check_catalogs(project)
    findings += problems
    compile_catalogs(project, catalogs)
    step("computing the translation status")
    write_status(project_status(project), project.translation_status_file)
    step(f"building {len(project.built_languages)} languages with MkDocs")
    started = time.perf_counter()
    result = build_site(project, site_dir, BuildOptions(handouts=options.handouts, offline_archive=options.offline))
    build_seconds = time.perf_counter() - started
    findings += result.findings
    run.built = result.finished
    if result.crash:
        run.summary["plugin_traceback"] = result.crash
    if run.built and options.offline:
        step("building the offline archive")
        findings += build_offline_archive(project, site_dir, work)
    missing: list[Finding] = []  # fonts a language's handout needs and no installed font has
    if run.built and options.handouts:
        step("printing the handouts with Chromium")
        missing = missing_fonts(project)
        findings += missing or print_handouts(project, site_dir)
    if run.built:
        pages = list(built_pages(project, site_dir))
        guesser = LanguageGuesser(project.codes)
        step("checking key points in every language")
        findings += check_keypoints(project, registry, pages, guesser)
        findings += check_keypoint_anchors(project, pages)
        step("checking that each language is in its own language")
        findings += check_page_languages(project, pages, guesser)
        findings += check_interface_language(project, site_dir, pages, catalogs)
        findings += check_visible_text(project, site_dir, pages)
        findings += check_tooltips(project, site_dir, pages)
        step("checking links and anchors")
        findings += check_links(project, site_dir, pages)
        if options.external:
            step("checking outside links (network)")
            findings += check_external_links(project, pages)
        if options.handouts and not missing:
            step("reading the handouts back")
            findings += check_handouts(project, site_dir)
        step("measuring reading level")
        run.readings, problems_iter = check_readability(project, pages)
        findings += problems_iter
    run.findings = sorted(set(findings))
    run.summary.update(
        {
            "languages": [lang.code for lang in project.built_languages],
            "keypoints": len(registry),
            "build_seconds": round(build_seconds, 2),
            "reading_level": {r.page: {"grade": r.grade, "words": r.words} for r in run.readings},
        }
    )
    return run

"""The site's command line: `check` proves a build, `build` also publishes it to site/.

    python -m scripts.cli check [--external] [--json REPORT]
    python -m scripts.cli build
    python -m scripts.cli catalogs   (check and compile the interface-string catalogs only)

Exit codes: 0 all good, 1 findings, 2 bad usage.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import time
from pathlib import Path

from scripts.branding import load_branding
from scripts.built_site import built_pages
from scripts.catalogs import check_and_compile
from scripts.check_config import check_languages, config_error
from scripts.check_external import check_external_links
from scripts.check_keypoints import check_keypoints
from scripts.check_language import check_page_languages
from scripts.check_links import check_links
from scripts.check_sources import check_sources
from scripts.environment import environment
from scripts.findings import Finding, write_json_report
from scripts.handouts import check_handouts, print_handouts
from scripts.keypoints import load_registry
from scripts.language_id import LanguageGuesser
from scripts.offline_archive import build_offline_archive
from scripts.project import Project
from scripts.readability import Reading, check_readability
from scripts.site_build import build_site


def step(name: str) -> None:
    print(f"▸ {name}", file=sys.stderr, flush=True)


def run_checks(
    project: Project, staging: Path, external: bool = False, handouts: bool = False, offline: bool = False
) -> tuple[list[Finding], list[Reading], dict[str, object]]:
    """Everything `make check` proves, on a build written to `staging`."""
    findings: list[Finding] = []
    step("reading mkdocs.yml")
    broken = config_error(project)
    if broken is not None:
        return [broken], [], {"languages": [], "keypoints": 0, "build_seconds": 0, "reading_level": {}}
    findings += check_languages(project)
    step("reading the key-point registry")
    registry, problems = load_registry(project.keypoints_file, project.relative(project.keypoints_file))
    findings += problems
    step("checking branding.yml")
    findings += load_branding(project.root, [lang.code for lang in project.languages])[1]
    step("checking the Markdown sources")
    findings += check_sources(project, registry)
    step("checking and compiling the interface-string catalogs")
    findings += check_and_compile(project)
    step(f"building {len(project.built_languages)} languages with MkDocs")
    started = time.perf_counter()
    with environment(SITE_HANDOUTS="true" if handouts else "", SITE_OFFLINE_ARCHIVE="true" if offline else ""):
        built, problems = build_site(project, staging)
    build_seconds = time.perf_counter() - started
    findings += problems
    if built and offline:
        step("building the offline archive")
        findings += build_offline_archive(project, staging)
    if built and handouts:
        step("printing the handouts with Chromium")
        findings += print_handouts(project, staging)
    readings: list[Reading] = []
    if built:
        pages = list(built_pages(project, staging))
        guesser = LanguageGuesser([lang.code for lang in project.languages])
        step("checking key points in every language")
        findings += check_keypoints(project, registry, pages, guesser)
        step("checking that each language is in its own language")
        findings += check_page_languages(project, pages, guesser)
        step("checking links and anchors")
        findings += check_links(project, staging, pages)
        if external:
            step("checking outside links (network)")
            findings += check_external_links(project, pages)
        if handouts:
            step("reading the handouts back")
            findings += check_handouts(project, staging)
        step("measuring reading level")
        readings, problems_iter = check_readability(project, pages)
        findings += problems_iter
    summary = {
        "languages": [lang.code for lang in project.built_languages],
        "keypoints": len(registry),
        "build_seconds": round(build_seconds, 2),
        "reading_level": {r.page: {"grade": r.grade, "words": r.words} for r in readings},
    }
    return sorted(set(findings)), readings, summary


def publish(staging: Path, site_dir: Path) -> None:
    """Swap the checked build into place; a failed build never reaches site/."""
    old = site_dir.with_name(site_dir.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(old)
    staging.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.cli", description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["check", "build", "catalogs"])
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="the project folder (default: here)")
    parser.add_argument("--json", type=Path, help="write the JSON report here (default build/check-report.json)")
    parser.add_argument("--external", action="store_true", help="also check outside links (needs internet)")
    parser.add_argument("--site-dir", type=Path, help="where `build` publishes the site (default: site/)")
    parser.add_argument("--site-url", help="the address the site will be served from (default: site_url)")
    parser.add_argument("--handouts", action="store_true", help="also print each language's handout to PDF")
    parser.add_argument("--offline", action="store_true", help="also make the offline archive (a zip)")
    args = parser.parse_args(argv)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

    project = Project(args.root, args.site_url)
    if args.command == "catalogs":
        problems = check_and_compile(project)
        for item in problems:
            print(item)
        return 1 if problems else 0
    staging = project.root / ".site-staging"
    shutil.rmtree(staging, ignore_errors=True)
    findings, readings, summary = run_checks(project, staging, args.external, args.handouts, args.offline)

    if readings:
        print("\nReading level (Flesch-Kincaid grade, English pages; limit 8):", file=sys.stderr)
        for reading in readings:
            print(f"  {reading.grade:4.1f}  {reading.words:4d} words  {reading.page}", file=sys.stderr)
    for item in findings:
        print(item)
    report = args.json or project.root / "build" / "check-report.json"
    write_json_report(findings, summary, report)

    if findings:
        shutil.rmtree(staging, ignore_errors=True)
        print(
            f"\n✗ {len(findings)} finding(s); site/ left unchanged. Report: {project.relative(report)}", file=sys.stderr
        )
        return 1
    if args.command == "build":
        publish(staging, args.site_dir or project.root / "site")
        print(f"\n✓ all checks passed; site written to site/ ({summary['build_seconds']} s build)", file=sys.stderr)
    else:
        shutil.rmtree(staging, ignore_errors=True)
        print(f"\n✓ all checks passed ({summary['build_seconds']} s build)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

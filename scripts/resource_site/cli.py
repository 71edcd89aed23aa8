"""The site's command line. `make` calls it; `resource-site --help` lists the commands.

    resource-site check [--external] [--handouts] [--offline] [--json REPORT]
    resource-site build [same options] [--site-dir DIR] [--site-url URL]
    resource-site serve [--dev-addr 127.0.0.1:8000]
    resource-site catalogs            check and compile the interface-string catalogs
    resource-site status [--format text|json] [--diff]
    resource-site new-language CODE [--name NAME] [--dir ltr|rtl] [--site-name NAME]
    resource-site translated CODE [PAGE ...]
    resource-site review CODE --by NAME [--on YYYY-MM-DD] [PAGE ...]
    resource-site publish-language CODE
    resource-site po|from-po CODE [PAGE…]
    resource-site report [--json REPORT] [--site-dir DIR] [--annotations [--changed-since REF]]

Exit codes: 0 all good, 1 findings (or, for `status`, something missing or stale), 2 bad input.
"""

from __future__ import annotations

import argparse
import datetime
import logging
import os
import shutil
import sys
import warnings
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import NoReturn

from resource_site.checks import CheckOptions, CheckRun, offline_preview_dir, preview_dir, run_checks
from resource_site.checks.catalogs import check_catalogs, read_template
from resource_site.checks.config import config_error
from resource_site.checks.registry import check_registry
from resource_site.findings import NOT_YET_ON_SITE, Finding, write_json_report
from resource_site.output.catalogs import compile_catalogs
from resource_site.output.offline_archive import offline_copy_dir
from resource_site.output.staging import Interrupted, publish, run_folder, stop_on_sigterm
from resource_site.processes import cores
from resource_site.progress import say
from resource_site.project import PLACEHOLDER_SITE_URL, Project
from resource_site.translation.commands import NotYet, UsageError, mark_pages, new_language
from resource_site.translation.commands import publish as publish_language
from resource_site.translation.reports import status_json, status_text
from resource_site.translation.status import project_status

EXIT_OK, EXIT_FINDINGS, EXIT_BAD_INPUT = 0, 1, 2


def arguments() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="resource-site", description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="the project folder (default: here)")
    commands = parser.add_subparsers(dest="command", required=True)
    for name, summary in (("check", "run every check"), ("build", "run every check, then publish to site/")):
        command = commands.add_parser(name, help=summary)
        command.add_argument("--json", type=Path, help="where the JSON report goes (default build/check-report.json)")
        command.add_argument("--external", action="store_true", help="also check outside links (needs internet)")
        command.add_argument("--site-url", help="the address the site will be served from (default: site_url)")
        command.add_argument("--handouts", action="store_true", help="also print each language's handout to PDF")
        command.add_argument("--offline", action="store_true", help="also make the offline archive (a zip)")
        command.add_argument("--site-dir", type=Path, help="where `build` publishes the site (default: site_dir)")
        command.add_argument("--jobs", type=int, default=cores(), help="processes building at once (default: cores)")
    serve = commands.add_parser("serve", help="build every language and preview it")
    serve.add_argument("--dev-addr", default="127.0.0.1:8000")
    serve.add_argument("--jobs", type=int, default=cores(), help="processes building at first (default: cores)")
    serve.add_argument("--language", help="open this language, built even if it is not on the site yet")
    commands.add_parser("catalogs", help="check and compile the interface-string catalogs")
    status = commands.add_parser("status", help="each language's translation status")
    status.add_argument("--format", choices=["text", "json"], default="text")
    status.add_argument("--diff", action="store_true", help="show the English diff of each stale page")
    new = commands.add_parser("new-language", help="scaffold a new language")
    new.add_argument("code")
    new.add_argument("--name", help="the language's name in its own script (default: from Babel)")
    new.add_argument("--dir", choices=["ltr", "rtl"], help="writing direction (default: from Babel)")
    new.add_argument("--site-name", help="the site's name in the language (default: left to translate)")
    translated = commands.add_parser("translated", help="record that pages now match the current English")
    translated.add_argument("code")
    translated.add_argument("pages", nargs="*")
    for name, summary in (
        ("po", "write a PO file per page (locales/CODE/pages/), for Poedit, Weblate or a CAT tool"),
        ("from-po", "write the pages back from their PO files"),
    ):
        exchange = commands.add_parser(name, help=summary)
        exchange.add_argument("code")
        exchange.add_argument("pages", nargs="*")
    review = commands.add_parser("review", help="record a fluent reviewer's review")
    review.add_argument("code")
    review.add_argument("pages", nargs="*")
    review.add_argument("--by", required=True)
    review.add_argument("--on", default=datetime.date.today().isoformat())
    publish_parser = commands.add_parser("publish-language", help="build a language once it is complete")
    publish_parser.add_argument("code")
    report = commands.add_parser("report", help="the last run's report, for GitHub: a job summary or annotations")
    report.add_argument("--json", type=Path, help="the run's JSON report (default build/check-report.json)")
    report.add_argument("--site-dir", type=Path, help="the site the run published (default: site_dir)")
    report.add_argument("--annotations", action="store_true", help="one ::error line per finding, for pull requests")
    report.add_argument(
        "--changed-since", metavar="REF", help="mark first the findings in files changed since REF (a pull's base)"
    )
    report.add_argument("--preview-artifact", metavar="NAME", help="the run uploads build/preview as this artifact")
    return parser


def check_or_build(project: Project, args: argparse.Namespace) -> int:
    """`check` proves a build; `build` also publishes it. A failed run never touches the site."""
    site_dir = (args.site_dir or project.site_dir).resolve()
    options = CheckOptions(external=args.external, handouts=args.handouts, offline=args.offline, jobs=max(1, args.jobs))
    report = args.json or project.build_dir / "check-report.json"
    with run_folder(site_dir) as work:
        staged = work / "site"
        run = run_checks(project, staged, work, options)
        print_run(project, run, report)
        keep_preview(project, work)
        if run.findings:
            say(f"\n✗ {len(run.findings)} finding(s); the site was left unchanged. Report: {project.relative(report)}")
            return EXIT_FINDINGS
        seconds = run.summary["build_seconds"]
        if args.command == "build":
            publish(staged, site_dir)
            say(f"\n✓ all checks passed; site written to {project.relative(site_dir)}/ ({seconds} s build)")
            warn_if_placeholder_address(project)
        else:
            say(f"\n✓ all checks passed ({seconds} s build)")
    return EXIT_OK


def keep_preview(project: Project, work: Path) -> None:
    """Keep a preview of the run's site as build/preview/, whatever the findings (it is how a
    translator sees their work): with the languages not yet on the site when there are any, and
    the copy that opens from disk when the run made one (the offline archive's)."""
    candidates = [offline_preview_dir(work), offline_copy_dir(work), preview_dir(work)]
    built = next((folder for folder in candidates if folder.is_dir()), None)
    if built is None:
        return
    target = project.build_dir / "preview"
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.rmtree(target, ignore_errors=True)
    shutil.move(built, target)  # a copy when --site-dir is on another file system than build/
    shown = project.language(project.draft_codes[0]) if project.draft_codes else project.default_language
    assert shown is not None
    opens_from_disk = built != preview_dir(work)
    how = (
        f"open {shown.prefix}index.html in it" if opens_from_disk else f"or see it with `make serve CODE={shown.code}`"
    )
    drafts = " with the languages not yet on the site" if project.draft_codes else ""
    say(f"\nPreview{drafts}: {project.relative(target)}/ ({how})")


def warn_if_placeholder_address(project: Project) -> None:
    """A site built for mkdocs.yml's placeholder address points its canonical links there."""
    if project.config.site_url != PLACEHOLDER_SITE_URL:
        return
    say(
        f"⚠ site_url is still the placeholder {PLACEHOLDER_SITE_URL}: the canonical links and the sitemap point "
        "there. Build for your address with `make build SITE_URL=https://<account>.github.io/<repo>/`, or set "
        "site_url in mkdocs.yml (the Pages workflow sets it from the repository for you)."
    )


def print_run(project: Project, run: CheckRun, report: Path) -> None:
    if run.readings:
        say("\nReading level (Flesch-Kincaid grade, English pages; limit 8):")
        for reading in run.readings:
            say(f"  {reading.grade:4.1f}  {reading.words:4d} words  {reading.page}")
    for item in run.findings:
        print(item)
    for code, own in run.draft_findings.items():
        language = project.language(code)
        name = f"{language.name} ({code})" if language else code
        print(f"\n{name}, not yet on the site: {len(own)} finding(s); they do not stop publishing the others")
        for item in own:
            print(f"{item} (not yet on the site)")
    not_yet = [{**asdict(item), "language": code} for code, own in run.draft_findings.items() for item in own]
    write_json_report(run.findings, {**run.summary, NOT_YET_ON_SITE: not_yet}, report)


def catalogs(project: Project, args: argparse.Namespace) -> int:
    findings, readable = check_catalogs(project)
    compile_catalogs(project, readable)
    return report_findings(findings)


def status(project: Project, args: argparse.Namespace) -> int:
    """0 when every language is current, 1 when something is missing or stale, 2 on bad input."""
    _template, problems = read_template(project)
    problems += check_registry(project)[1]
    if report_findings(problems):
        return EXIT_BAD_INPUT
    statuses = project_status(project)
    print(status_json(statuses) if args.format == "json" else status_text(statuses, args.diff))
    return EXIT_OK if all(s.current for s in statuses) else EXIT_FINDINGS


def serve(project: Project, args: argparse.Namespace) -> int:
    """Preview with MkDocs' live reload, after the catalogs it needs are compiled; after an edit
    only the languages whose pages changed are built again (output/preview.py)."""
    from resource_site.output.preview import Preview

    findings, readable = check_catalogs(project)
    compile_catalogs(project, readable)
    report_findings(findings)  # shown, but a preview of unfinished work is the point of serving
    try:
        preview = Preview(project.root, args.dev_addr, max(1, args.jobs), args.language)
    except ValueError as error:
        raise UsageError(str(error)) from error
    preview.serve()
    return EXIT_OK


def po_command(project: Project, args: argparse.Namespace) -> int:
    """`po` and `from-po`: a language's pages through PO files (translation/page_po.py)."""
    from resource_site.translation.page_po import read_pos, write_pos

    language = project.language(args.code)
    if language is None or language.default:
        raise UsageError(f"'{args.code}' is not a translated language in mkdocs.yml — see `make status`")
    unknown = sorted(set(args.pages) - set(project.source_pages(project.default_language.code)))
    if unknown:
        raise UsageError(f"no English page {', '.join(unknown)} — name pages of docs/{project.default_language.code}/")
    done, problems = (write_pos if args.command == "po" else read_pos)(project, args.code, args.pages)
    print("\n".join(done))
    return report_findings(problems)


def translator_command(project: Project, args: argparse.Namespace) -> int:
    if args.command == "new-language":
        lines = new_language(project, args.code, args.name, args.dir, args.site_name)
    elif args.command == "translated":
        lines = [f"{page}: translated_from set" for page in mark_pages(project, args.code, args.pages, None)]
    elif args.command == "review":
        fields = {"reviewed_by": args.by, "reviewed_on": args.on}
        lines = [f"{page}: reviewed by {args.by}" for page in mark_pages(project, args.code, args.pages, fields)]
    else:
        lines = [publish_language(project, args.code)]
    print("\n".join(lines))
    return EXIT_OK


def run_report(project: Project, args: argparse.Namespace) -> int:
    """Prints the last run's report for GitHub Actions (.github/workflows/pages.yml)."""
    from resource_site.output.run_report import annotations, changed_files, job_summary, read_report

    path = args.json or project.build_dir / "check-report.json"
    if not path.is_file():
        say(f"error: no report at {project.relative(path)} — run `make check` or `make build` first")
        return EXIT_BAD_INPUT
    report = read_report(path)
    site_dir = (args.site_dir or project.site_dir).resolve()
    if args.annotations:
        print("\n".join(annotations(report, changed_files(project, args.changed_since))))
    else:
        print(job_summary(project, report, site_dir, args.preview_artifact))
    return EXIT_OK


def report_findings(findings: list[Finding]) -> int:
    for item in findings:
        print(item)
    return EXIT_FINDINGS if findings else EXIT_OK


COMMANDS: dict[str, Callable[[Project, argparse.Namespace], int]] = {
    "check": check_or_build,
    "build": check_or_build,
    "serve": serve,
    "catalogs": catalogs,
    "status": status,
    "new-language": translator_command,
    "translated": translator_command,
    "review": translator_command,
    "publish-language": translator_command,
    "report": run_report,
    "po": po_command,
    "from-po": po_command,
}


def quiet_libraries() -> None:
    """Keep out of the run's output the notices of libraries that nobody running it can act on:
    MkDocs announcing its next version, jieba (Material's Chinese search) telling how it read its
    dictionary, and the import of jieba warning that setuptools' pkg_resources is deprecated."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    warnings.filterwarnings("ignore", message="pkg_resources is deprecated", category=UserWarning)
    logging.getLogger("jieba").addFilter(warnings_and_worse)  # added once, however often main() runs


def warnings_and_worse(record: logging.LogRecord) -> bool:
    return record.levelno >= logging.WARNING


def main(argv: list[str] | None = None) -> int:
    args = arguments().parse_args(argv)
    quiet_libraries()
    project = Project(args.root, getattr(args, "site_url", None))
    broken = config_error(project)
    if broken is not None:
        print(broken)
        if args.command not in ("check", "build"):
            return EXIT_BAD_INPUT
        report = args.json or project.build_dir / "check-report.json"
        write_json_report([broken], {"languages": [], "keypoints": 0}, report)
        say(f"\n✗ 1 finding; the site was left unchanged. Report: {project.relative(report)}")
        return EXIT_FINDINGS
    try:
        with stop_on_sigterm():
            return COMMANDS[args.command](project, args)
    except UsageError as error:
        say(f"error: {error}")
        return EXIT_BAD_INPUT
    except NotYet as error:
        say(f"not yet: {error}")
        return EXIT_FINDINGS
    except (KeyboardInterrupt, Interrupted):
        say("\nstopped; the site was left as it was")
        return 130


def run() -> NoReturn:
    """The command line (`python -m resource_site`, `resource-site`): `main`, then `leave`."""
    leave(main())


def leave(code: int) -> NoReturn:
    """End the process with `code` once its work is written (every file is closed by then): flush
    what it printed and its log, and skip Python's own teardown, which frees every object one at
    a time (the language model, MkDocs' configuration, the catalogs: about 0.2 s of CPU after the
    last line, measured on the real project). A process forked to build or check ends this way too
    (multiprocessing ends it with os._exit)."""
    sys.stdout.flush()
    sys.stderr.flush()
    logging.shutdown()
    os._exit(code)


if __name__ == "__main__":
    run()

"""Runs the real MkDocs build of languages in this process, turning its warnings into findings.

`--strict` would stop at the first failing language; here every language is built and every
warning is collected, so one run reports all of them. A crash of our own plugin is reported as
the plugin's, with its traceback kept for the JSON report.
"""

from __future__ import annotations

import logging
import multiprocessing
import re
import shutil
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from multiprocessing.synchronize import Event
from pathlib import Path
from typing import Any

from mkdocs.commands.build import build

from resource_site.content.branding import load_branding
from resource_site.findings import Finding, finding, line_of
from resource_site.output.finished_site import SiteKind, finish_site
from resource_site.output.fonts import script_of
from resource_site.output.joined_site import join_languages
from resource_site.output.theme_files import ListedOnceTheme
from resource_site.plugin.languages import I18N_PLUGIN, SiteLanguages
from resource_site.plugin.plugin import ResourceSitePlugin
from resource_site.processes import call, in_processes, split_evenly
from resource_site.progress import say
from resource_site.project import PLUGIN_NAME, Project
from resource_site.translation.status import read_status

DOC_FILE = re.compile(r"Doc file '(?P<path>[^']+)'|'(?P<page>[^']+\.md)'")
PACKAGE = Path(__file__).resolve().parents[1]
PLUGIN = PACKAGE / "plugin"
OUR_LOGGERS = "mkdocs.plugins.resource_site"  # a missing catalog is reported by the catalog check
HAN_SCRIPTS = {"Hans", "Hant", "Hani", "Jpan"}  # Material's search segments their words with jieba


@dataclass(frozen=True)
class BuildOptions:
    handouts: bool = False  # link each language's handout PDF (printed after the build)
    offline_archive: bool = False  # link the offline archive (zipped after the build)
    offline_copy: bool = False  # this build is the offline archive's copy (Material's offline plugin)


@dataclass
class BuildResult:
    finished: bool
    findings: list[Finding] = field(default_factory=list)
    crash: str = ""  # the traceback of a crash inside our plugin, for the JSON report
    alongside: Any = None  # what build_site's `alongside` returned


class _Collector(logging.Handler):
    """Keeps warnings as findings and shows build progress, one line per language."""

    def __init__(self, project: Project) -> None:
        super().__init__(logging.INFO)
        self.project = project
        self.findings: list[Finding] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if record.name.startswith(OUR_LOGGERS):
            return
        if record.levelno >= logging.WARNING:
            self.findings.append(self._as_finding(message))
        elif record.name.startswith("mkdocs.plugins.mkdocs_static_i18n") and "Building '" in message:
            code = message.split("Building '")[1].split("'")[0]
            say(f"  building {code}…")

    def _as_finding(self, message: str) -> Finding:
        match = DOC_FILE.search(message)
        if match:
            relative = match.group("path") or match.group("page")
            path = self.project.docs_dir / relative
            quoted = re.findall(r"'([^']+)'", message)
            line = line_of(path, quoted[1]) if len(quoted) > 1 else 1
            return finding(self.project.relative(path), line, message, "fix the cause MkDocs names here", "build")
        return finding("mkdocs.yml", 1, message, "fix the configuration or file MkDocs names", "build")


@contextmanager
def collected(project: Project) -> Iterator[_Collector]:
    """MkDocs' log goes to a collector for the length of one build, then back as it was."""
    collector = _Collector(project)
    logger = logging.getLogger("mkdocs")
    propagate, level = logger.propagate, logger.level
    logger.addHandler(collector)
    logger.propagate = False
    logger.setLevel(logging.INFO)
    try:
        yield collector
    finally:
        logger.removeHandler(collector)
        logger.propagate, logger.level = propagate, level


def build_site(
    project: Project,
    site_dir: Path,
    options: BuildOptions,
    jobs: int = 1,
    prepare: Callable[[], None] | None = None,
    alongside: Callable[[], Any] | None = None,
    preview_dir: Path | None = None,
) -> BuildResult:
    """Build every language into `site_dir`, in up to `jobs` processes (and one for `alongside`, one
    for the languages not yet on the site); say whether it finished and
    what went wrong. The output is byte for byte what `mkdocs build` writes in one process: each
    language is built as a site of its own, then joined (output/joined_site.py).

    `prepare` writes what the build reads (the translation status): it runs here while the
    processes start and read their configuration, and they build once it returns (started first,
    they do not carry what it reads, the language model, in their memory). `alongside` is other
    work, done in a process of its own from the start (with one job: here, after the build); what
    it returns is the result's `alongside`.

    With `preview_dir`, the languages not yet on the site are built too, in one more process, and
    `preview_dir` gets the whole site with them in (it is not published)."""
    codes = [language.code for language in project.built_languages]
    drafts = project.draft_codes if preview_dir is not None else []
    out = site_dir.with_name(f"{site_dir.name}-languages")
    tasks = [(build_languages, (project, group, options, out)) for group in language_groups(project, codes, jobs)]
    if drafts:  # built with the languages not yet on the site in their switcher, and no handout yet
        tasks.append((build_drafts, (project.with_drafts(), drafts, replace(options, handouts=False), out)))
    other = alongside or (lambda: None)
    if jobs == 1 or len(tasks) == 1:  # here, in this process: first what the build reads, then the build
        if prepare is not None:
            prepare()
        results = [work(*arguments) for work, arguments in tasks]
        alongside_result = other()
    else:
        ready = multiprocessing.get_context("fork").Event()

        def release() -> None:
            if prepare is not None:
                prepare()
            ready.set()

        *results, alongside_result = in_processes(
            call, [*((work, (*arguments, ready)) for work, arguments in tasks), (other, ())], release
        )
    draft_findings: list[Finding] = []
    if drafts:  # what went wrong there is the drafts' own (see build_drafts): it does not stop the site
        draft_result = results.pop()
        draft_findings = draft_result.findings
        drafts = drafts if draft_result.finished else []
    result = BuildResult(
        finished=all(r.finished for r in results),
        findings=[item for r in results for item in r.findings] + draft_findings,
        crash="".join(r.crash for r in results),
        alongside=alongside_result,
    )
    if result.finished:
        kind = SiteKind(previewing=ResourceSitePlugin.previewing(project.config), offline_copy=options.offline_copy)
        if drafts and preview_dir is not None:  # finished as the site is, to be checked as it is
            with_drafts = project.with_drafts()
            shutil.rmtree(preview_dir, ignore_errors=True)
            join_languages(with_drafts, out, [*codes, *drafts], preview_dir, keep=True)
            finish(with_drafts, preview_dir, kind)
        join_languages(project, out, codes, site_dir)
        finish(project, site_dir, kind)
    shutil.rmtree(out, ignore_errors=True)
    return result


def finish(project: Project, site_dir: Path, kind: SiteKind) -> None:
    branding = load_branding(project.branding_file, project.codes, project.default_language.code)[0]
    status = read_status(project.translation_status_file)
    finish_site(project, site_dir, branding, status, kind, project.config.site_name)


def language_groups(project: Project, codes: list[str], jobs: int) -> list[list[str]]:
    """The languages in at most `jobs` groups of about equal work, by the size of their pages (a
    proxy for MkDocs' time on them). The default language comes first in its group: static-i18n's
    page-by-page switcher links stay on the configuration into the next build's 404 page, and the
    default language's 404 page is the one kept."""

    def weight(code: str) -> float:
        return sum(path.stat().st_size for path in project.language_dir(code).rglob("*.md"))

    default = project.default_language.code
    return [sorted(group, key=lambda code: code != default) for group in split_evenly(codes, weight, jobs)]


def build_languages(
    project: Project, codes: list[str], options: BuildOptions, out: Path, ready: Event | None = None
) -> BuildResult:
    """Build each language of `codes` as a site of its own, into out/<code>: one MkDocs
    configuration for all of them, as static-i18n does, but one `build()` per language. With
    `ready` (a forked process), the building waits for it to be set."""
    with collected(project) as collector:
        result = BuildResult(finished=False, findings=collector.findings)
        try:
            # A forked process builds with its own copy of the configuration the parent read (and
            # never built with: plugins keep state); here in the parent, with a fresh one.
            config = project.config if ready is not None else project.load_config()
            config.theme = ListedOnceTheme.of(config.theme)  # its files listed once, for every language
            plugin = config.plugins[PLUGIN_NAME].config
            plugin.handouts, plugin.offline_archive = options.handouts, options.offline_archive
            offline = config.plugins.get("material/offline")
            if offline is not None:
                offline.config.enabled = options.offline_copy
            languages = config.plugins[I18N_PLUGIN]
            assert isinstance(languages, SiteLanguages), f"mkdocs.yml names {I18N_PLUGIN} for another plugin"
            if ready is not None:
                if any(script_of(code) in HAN_SCRIPTS for code in codes):
                    load_word_segmenter()  # while the status is computed, not in the build
                ready.wait()
            for code in codes:
                config.site_dir = str(out / code)
                languages.build_only(code)
                build(config)
            result.finished = True
            result.findings.extend(config.plugins[PLUGIN_NAME].findings)  # what only the rendered pages show
        except Exception as error:  # never a bare traceback for the reader
            if _raised_in_our_code(error):
                result.findings.append(_plugin_crash(error, result))
            else:
                result.findings.append(
                    finding(
                        "mkdocs.yml",
                        1,
                        f"the build stopped: {error}",
                        "fix the cause named here, then run `make check` again",
                        "build",
                    )
                )
        return result


def build_drafts(
    project: Project, codes: list[str], options: BuildOptions, out: Path, ready: Event | None = None
) -> BuildResult:
    """Build each language not yet on the site on its own, so that what goes wrong is told as that
    language's: a problem MkDocs names outside its pages (no homepage, a missing template) is put
    on the language's entry in mkdocs.yml."""
    result = BuildResult(finished=True)
    for code in codes:
        built = build_languages(project, [code], options, out, ready)
        result.finished = result.finished and built.finished
        own = f"{project.relative(project.language_dir(code))}/"
        line = project.config_line(code)
        result.findings += [
            item
            if item.path.startswith(own)
            else finding("mkdocs.yml", line, f"its preview cannot be built: {item.problem}", item.fix, item.check)
            for item in built.findings
        ]
    return result


def load_word_segmenter() -> None:
    """Material's search splits Chinese text into words with jieba, which reads its dictionary the
    first time it is asked (most of a second). A process that builds a language written in Han
    characters reads it while it waits for the translation status."""
    try:
        import jieba
    except ImportError:  # Material's search then leaves Chinese text as it is
        return
    jieba.initialize()


def _raised_in_our_code(error: BaseException) -> bool:
    """Whether the error came out of our plugin (its hooks, or our code they call)."""
    return any(Path(frame.filename).is_relative_to(PLUGIN) for frame in traceback.extract_tb(error.__traceback__))


def _plugin_crash(error: BaseException, result: BuildResult) -> Finding:
    """A crash as a finding at the innermost line of our package it passed through."""
    result.crash = "".join(traceback.format_exception(error))
    frames = traceback.extract_tb(error.__traceback__)
    ours = [frame for frame in frames if Path(frame.filename).is_relative_to(PACKAGE) and frame.filename != __file__]
    where = Path(ours[-1].filename).relative_to(PACKAGE.parent).as_posix()
    return finding(
        where,
        ours[-1].lineno or 1,
        f"the site's plugin failed: {type(error).__name__}: {error}",
        "this is a bug in the tooling, not in your pages: report it with build/check-report.json (it holds the "
        "traceback)",
        "plugin",
    )

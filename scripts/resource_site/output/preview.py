"""`make serve`: the whole site built once (languages in parallel), then served with MkDocs' live
reload; after an edit, only the languages whose pages changed are built again.

A translator saving a page of docs/es/ waits for Spanish alone (about a second on a 2-core
machine), not for every language. An edit anywhere else (mkdocs.yml, overrides/, locales/,
branding.yml, the key-point registry) or a page added or removed builds the whole site again.
The preview has no Content-Security-Policy and no offline worker (the plugin sees a preview by
its address, see ResourceSitePlugin.previewing).
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.livereload import LiveReloadServer

from resource_site.content.language_id import LanguageGuesser
from resource_site.output.build import BuildOptions, build_languages, build_site
from resource_site.output.offline_reading import WORKER
from resource_site.plugin.search_split import split_search_index
from resource_site.progress import say
from resource_site.project import Project
from resource_site.translation.status import LanguageStatus, project_status, statuses_of, write_status

# What a language's own build writes beside its pages that the preview keeps from the first
# build: the theme's files, the offline worker the preview does not have, the sitemap.
SHARED = {"assets", WORKER, "sitemap.xml", "sitemap.xml.gz"}
POLL_SECONDS = 0.2  # how often the server looks for edits (MkDocs' default, 0.5 s, is a third of the wait)


class Preview:
    """The served site and what it was built from; `rebuild` is the live-reload server's builder."""

    def __init__(self, root: Path, dev_addr: str, jobs: int, language: str | None = None) -> None:
        """`language`: the one to open, built even when it is not on the site yet (with the other
        languages not yet on the site, so its switcher is theirs)."""
        host, port = dev_addr.rsplit(":", 1)
        mount_path = urlsplit(str(Project(root).config.site_url or "/")).path
        self.address = f"http://{host}:{port}{mount_path}"
        self.project = Project(root, site_url=self.address, dev_addr=dev_addr, drafts_built=language is not None)
        shown = self.project.language(language) if language else self.project.default_language
        if shown is None:
            raise ValueError(f"'{language}' is not in mkdocs.yml — add it with `make new-language CODE={language}`")
        self.start = self.address + shown.prefix
        self.host, self.port, self.mount_path, self.jobs = host, int(port), mount_path, jobs
        self.work = Path(tempfile.mkdtemp(prefix="resource-site-preview-"))
        self.site = self.work / "site"
        self.sources: dict[Path, int] = {}
        self.statuses: list[LanguageStatus] = []

    def serve(self) -> None:
        self.build_everything(self.jobs)
        server = LiveReloadServer(
            self.rebuild, self.host, self.port, str(self.site), self.mount_path, polling_interval=POLL_SECONDS
        )
        project = self.project
        for watched in (project.docs_dir, project.overrides_dir, project.locales_dir):
            server.watch(str(watched))
        for watched_file in (project.config_file, project.branding_file):
            if watched_file.is_file():
                server.watch(str(watched_file))
        say(f"Open {self.start} (it shows each page as you save it; Ctrl-C stops it)")
        try:
            server.serve()
        except KeyboardInterrupt:
            say("Stopping the preview…")
        finally:
            server.shutdown()
            shutil.rmtree(self.work, ignore_errors=True)

    def build_everything(self, jobs: int) -> None:
        # mkdocs.yml, the templates or the catalogs may have changed: the project is read again
        # (a forked build process builds with the configuration its parent read).
        old = self.project
        self.project = Project(old.root, site_url=old.site_url, dev_addr=old.dev_addr, drafts_built=old.drafts_built)
        self.statuses = project_status(self.project, jobs)
        write_status(self.statuses, self.project.translation_status_file)
        self.sources = self.snapshot()
        result = build_site(self.project, self.site, BuildOptions(), jobs)
        for item in result.findings:
            say(str(item))

    def rebuild(self) -> None:
        """Build again what the edit changed: the languages whose pages changed, or everything.
        (Called by the server on its own thread, while it serves: one process, no forking.)"""
        sources = self.snapshot()
        changed = {path for path in sources.keys() | self.sources.keys() if sources.get(path) != self.sources.get(path)}
        codes = self.languages_of(changed, added_or_removed=sources.keys() != self.sources.keys())
        if codes is None:
            say("Building the whole site again…")
            self.build_everything(jobs=1)
            return
        self.sources = sources
        for code in codes:
            say(f"Building '{code}' again…")
            self.rebuild_language(code)

    def languages_of(self, changed: set[Path], added_or_removed: bool) -> list[str] | None:
        """The languages the changed files are pages of; None when another file changed."""
        if added_or_removed:
            return None
        codes: list[str] = []
        for path in changed:
            relative = (
                path.relative_to(self.project.docs_dir).parts if path.is_relative_to(self.project.docs_dir) else ()
            )
            language = self.project.language(relative[0]) if len(relative) > 1 else None
            if language is None or not language.build:
                return None
            codes.append(language.code)
        return sorted(set(codes))

    def rebuild_language(self, code: str) -> None:
        project = self.project
        language = project.language(code)
        assert language is not None
        # the model was read by the first build's status
        guesser = LanguageGuesser(project.codes)
        fresh = {status.code: status for status in statuses_of(project, [code], guesser)}
        self.statuses = [fresh.get(status.code, status) for status in self.statuses]
        write_status(self.statuses, project.translation_status_file)
        out = self.work / "language"
        shutil.rmtree(out, ignore_errors=True)
        result = build_languages(project, [code], BuildOptions(), out)
        for item in result.findings:
            say(str(item))
        if not result.finished:
            return
        built = out / code
        default = project.default_language.code
        split_search_index(built, [code], default, project.overrides_dir)
        if language.default:
            for entry in built.iterdir():
                if entry.name not in SHARED:
                    replace_path(entry, self.site / entry.name)
        else:
            replace_path(built / code, self.site / code)
        shutil.rmtree(out, ignore_errors=True)

    def snapshot(self) -> dict[Path, int]:
        """Every source file the site is built from, with the time it last changed."""
        project = self.project
        files = [project.config_file, project.branding_file]
        for folder in (project.docs_dir, project.overrides_dir, project.locales_dir):
            files += [path for path in folder.rglob("*") if path.is_file()]
        return {path: path.stat().st_mtime_ns for path in files if path.is_file()}


def replace_path(new: Path, old: Path) -> None:
    """Put `new` where `old` is (a file or a folder), by renames within the same file system."""
    if old.is_dir():
        trash = old.with_name(f".{old.name}.old")
        shutil.rmtree(trash, ignore_errors=True)
        old.rename(trash)
        new.rename(old)
        shutil.rmtree(trash, ignore_errors=True)
    else:
        new.replace(old)

"""The site's MkDocs plugin: interface strings per language, tooltips, key-point labels, right to
left, generated pages, and the finishing touches on every built page and on the whole site.

static-i18n builds every language with the same configuration and the same plugin instances
(the others inside the default language's on_post_build), so what is read once per run lives on
this instance; MkDocs makes a new instance for each run.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import nh3
from babel.support import NullTranslations
from jinja2 import Environment, FileSystemBytecodeCache
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from resource_site.content.branding import Branding, load_branding
from resource_site.content.frontmatter import FRONT_MATTER_KEYS
from resource_site.content.glossary import GLOSSARY_PAGE
from resource_site.content.page_limits import over_limits, over_size, without_blocks_at
from resource_site.content.source_text import is_utf8, read_text
from resource_site.content.term_matching import TermFinder
from resource_site.findings import Finding, finding
from resource_site.output.finished_site import LOGO_FOLDER, SiteKind, finish_site
from resource_site.output.offline_reading import MANIFEST
from resource_site.plugin.checklist_labels import label_checklist_boxes
from resource_site.plugin.config import ResourceSiteConfig
from resource_site.plugin.config_labels import label_config
from resource_site.plugin.content_allowlist import Problem, allowed_classes, changed_by, problems, sanitizer
from resource_site.plugin.content_security import with_content_security_policy
from resource_site.plugin.finished_page import problems as finished_page_problems
from resource_site.plugin.handout_page import QR_FILE, handout_address, handout_markdown, qr_code_svg
from resource_site.plugin.interface_strings import InterfaceStrings
from resource_site.plugin.keypoint_labels import label_keypoints
from resource_site.plugin.languages import I18N_PLUGIN
from resource_site.plugin.page_globals import center_details, site_languages
from resource_site.plugin.page_head import language_search_base, name_search_dialog
from resource_site.plugin.printed_text import escape_language_names, escape_page_texts, escaped_gettext
from resource_site.plugin.right_to_left import html_direction, isolate_latin_runs
from resource_site.plugin.sitemaps import without_head_alternates
from resource_site.plugin.tooltips import definitions, explain_terms, language_terms
from resource_site.project import GENERATED, Language, Project
from resource_site.translation.reports import status_markdown
from resource_site.translation.status import LanguageStatus, read_status

log = get_plugin_logger(__name__)
OFFLINE_WORKER_SHIM = "assets/javascripts/offline/worker-shim.js"


class ResourceSitePlugin(BasePlugin[ResourceSiteConfig]):
    def __init__(self) -> None:
        super().__init__()
        self.project: Project | None = None
        self.site_name = ""
        self.strings: InterfaceStrings | None = None
        self.branding = Branding()
        self.status: list[LanguageStatus] = []
        self.not_found_page: str | None = None
        self.classes: set[str] | None = None  # the classes a page's HTML may use
        self.cleaner: nh3.Cleaner | None = None  # the same allowlist, as a sanitizer
        self.findings: list[Finding] = []  # problems only the rendered pages show, for `make check`
        self.glossaries: dict[str, tuple[TermFinder, dict[str, str]]] = {}  # per language: terms, tooltips

    # Reading the run's inputs, once: the project, branding.yml and the translation status the
    # command line computed (priority -110: after static-i18n (-100) has chosen the language).
    @event_priority(-110)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if self.project is None:
            self.project = Project.from_config(config)
            # mkdocs.yml's own, before static-i18n gives the configuration each language's name in turn
            self.site_name = config.site_name
            root = self.project.root
            self.strings = InterfaceStrings(self.project.locales_dir, self.project.default_language.code, log)
            # A bad branding value is reported by `make check`; the build keeps the neutral default.
            self.branding, _problems = load_branding(
                root / self.config.branding, self.project.codes, self.project.default_language.code
            )
            self.status = read_status(root / self.config.translation_status)
        escape_language_names(config)
        label_config(config, self.gettext(config))
        if self.branding.logo is not None and self.branding.logo.is_file():
            config.theme["logo"] = f"{LOGO_FOLDER}/{self.branding.logo.name}"
        if self.offline_copy(config):
            # The offline plugin adds a worker shim from a CDN; the archive carries its own (no inline script).
            config.extra["polyfills"] = [OFFLINE_WORKER_SHIM]
        return config

    # The language's files: a page that is not UTF-8 is read with replacement characters
    # (`make check` names its line; the rest of the site still builds and links to it), and the
    # generated handout and status pages are added (priority -200: after static-i18n has
    # sorted the files by language).
    @event_priority(-200)
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        for file in files.documentation_pages():
            if file.abs_src_path and not is_utf8(Path(file.abs_src_path)):
                file.content_string = read_text(Path(file.abs_src_path))
        language = self.language(config)
        home = handout_address(config.site_url, language.prefix)
        handout = handout_markdown(
            Path(config.docs_dir) / language.code,
            self.site_project.nav_pages,
            self.gettext(config),
            self.config.handouts,
            home,
        )
        files.append(File.generated(config, language.prefix + GENERATED.handout, content=handout))
        files.append(File.generated(config, language.prefix + QR_FILE, content=qr_code_svg(home)))
        if language.default and self.status:
            files.append(File.generated(config, GENERATED.status, content=status_markdown(self.status)))
        return files

    # Templates: compiled once, not once per language; our interface strings through Jinja's i18n
    # extension; the globals our partials use (the center's details, every language's words for
    # site.js, downloads).
    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment:
        language = self.language(config)
        # Compiled templates are kept between languages and runs (Jinja checks each against its source).
        env.bytecode_cache = FileSystemBytecodeCache(str(self.template_cache))
        env.add_extension("jinja2.ext.i18n")
        gettext, ngettext = escaped_gettext(self.interface_strings(language.code))
        env.install_gettext_callables(gettext, ngettext, newstyle=False)  # type: ignore[attr-defined]
        env.globals["center"] = center_details(self.branding, language.code)
        env.globals["site_languages"] = site_languages(self.site_project, self.interface_strings)
        env.globals["page_suffix"] = "/" if config.use_directory_urls else ".html"  # .html offline
        env.globals["language_home"] = language.prefix
        env.globals["downloads"] = {
            "handouts": self.config.handouts,
            "offline_archive": self.config.offline_archive,
            "offline_archive_path": GENERATED.offline_archive,
        }
        return env

    # Front matter keys other than ours are dropped (`make check` names them); what goes over the
    # size or nesting limits is a finding and is not rendered (Markdown would take minutes or run
    # out of stack).
    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        if page.file.abs_src_path is not None:
            page.meta = {key: value for key, value in page.meta.items() if key in FRONT_MATTER_KEYS}
            if over_size(markdown):
                return ""  # `make check` reports it (checks/pages.py)
            limits = over_limits(markdown)
            if limits:
                source = Path(page.file.abs_src_path)
                text = read_text(source)
                offset = lines_before(text, markdown)
                shown = self.site_project.relative(source)
                self.findings += [
                    finding(shown, offset + over.line, over.message, over.fix, "page-limits") for over in limits
                ]
                markdown = without_blocks_at(markdown, [over.line for over in limits])
        return markdown

    # What the page's Markdown became goes through the allowlist (a finding for anything else,
    # and the page is published sanitized),
    # and the page's title and front matter are escaped for the theme (every page is rendered
    # before any template prints a title in the navigation); then the labels a reader and a
    # screen reader need: "Key point" with its share link, named checklist boxes, the glossary's
    # explanation on every term (a tooltip), and Latin runs isolated in right-to-left text.
    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        html = self.check_rendered_content(html, page, config)
        escape_page_texts(page)
        gettext = self.gettext(config)
        # Translators: the small label above each of the site's key facts.
        label = gettext("Key point")
        # Translators: read aloud by screen readers for the "#" link that shares one key point.
        link = gettext("Link to this key point")
        # Translators: the button beside each key point that shares its link (or copies it).
        share = gettext("Share this key point")
        html = label_checklist_boxes(label_keypoints(html, label, link, share))
        html = explain_terms(html, *self.glossary_terms(config))
        if self.site_project.direction(self.language(config).code) == "rtl":
            html = isolate_latin_runs(html)
        return html

    # Translated pages say they are drafts until a fluent reviewer signs them off in front
    # matter, and that they may be out of date when the status found their English changed.
    def on_page_context(self, context: dict[str, Any], page: Page, config: MkDocsConfig, nav: object) -> dict[str, Any]:
        language = self.language(config)
        context["translation_draft"] = not language.default and not page.meta.get("reviewed_by")
        page_name = page.file.src_uri.removeprefix(language.prefix)
        status = next((s for s in self.status if s.code == language.code), None)
        context["translation_stale"] = status is not None and any(p.page == page_name for p in status.stale_pages)
        # Offline reading: the page names its language's manifest and the worker that keeps the
        # language (not in a preview, where a worker would serve stale pages, nor the archive).
        reading = not self.previewing(config) and not self.offline_copy(config)
        context["reading_offline"] = (
            {"manifest": f"{language.prefix}{MANIFEST}", "keep": language.prefix} if reading else None
        )
        return context

    # Each page searches its own language's index, keeps hreflang alternates to the sitemap,
    # names the search dialog, and carries its Content-Security-Policy (the offline archive too).
    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        language = self.language(config)
        if not language.default:
            output = language_search_base(output, language.code)
        output = self.finish_page(without_head_alternates(output), config)
        source = Path(page.file.abs_src_path) if page.file.abs_src_path else None
        self.check_finished_page(output, source, page.file.src_uri, config)
        return output

    # Every language writes the root 404.html in turn; keep the default language's (site.js
    # switches it to the language of the missing address).
    def on_post_template(self, output_content: str, template_name: str, config: MkDocsConfig) -> str:
        if template_name != "404.html":
            return output_content
        output_content = self.finish_page(output_content, config)
        self.check_finished_page(output_content, None, template_name, config)
        if self.language(config).default:
            self.not_found_page = output_content
        return output_content

    # After the last language (priority -110: static-i18n builds the others inside the first
    # language's on_post_build at -100): the default language's 404 page, then what is written
    # once for the whole site (output/finished_site.py).
    @event_priority(-110)
    def on_post_build(self, config: MkDocsConfig) -> None:
        if config.plugins[I18N_PLUGIN].building:
            return
        site = Path(config.site_dir)
        if self.not_found_page is not None:
            (site / "404.html").write_text(self.not_found_page, encoding="utf-8")
        kind = SiteKind(previewing=self.previewing(config), offline_copy=self.offline_copy(config))
        finish_site(self.site_project, site, self.branding, self.status, kind, self.site_name)

    # Helpers shared by the hooks.

    @property
    def template_cache(self) -> Path:
        folder = self.site_project.build_dir / "template-cache"
        folder.mkdir(parents=True, exist_ok=True)
        return folder

    @property
    def site_project(self) -> Project:
        assert self.project is not None, "on_config has not run"
        return self.project

    def language(self, config: MkDocsConfig) -> Language:
        code = config.plugins[I18N_PLUGIN].current_language
        language = self.site_project.language(code)
        assert language is not None, f"static-i18n builds '{code}', which mkdocs.yml does not list"
        return language

    def interface_strings(self, code: str) -> NullTranslations:
        assert self.strings is not None, "on_config has not run"
        return self.strings(code)

    def glossary_terms(self, config: MkDocsConfig) -> tuple[TermFinder, dict[str, str]]:
        """The language's glossary terms (all their forms) and their tooltips, read once per run."""
        language = self.language(config)
        if language.code not in self.glossaries:
            glossary = Path(config.docs_dir) / language.code / GLOSSARY_PAGE
            locales = self.site_project.locales_dir
            entries, finder = language_terms(glossary, locales, language.code, plurals=language.default)
            right_to_left = self.site_project.direction(language.code) == "rtl"
            self.glossaries[language.code] = (finder, definitions(entries, right_to_left))
        return self.glossaries[language.code]

    def gettext(self, config: MkDocsConfig) -> Callable[[str], str]:
        return self.interface_strings(self.language(config).code).gettext

    def check_rendered_content(self, html: str, page: Page, config: MkDocsConfig) -> str:
        """Findings for what a page's Markdown rendered to outside the allowlist, at its source
        line; such a page is published as the sanitizer leaves it, never as written."""
        if page.file.abs_src_path is None:  # generated pages are made from checked pages
            return html
        if self.cleaner is None:
            admonitions = config.mdx_configs.get("pymdownx.blocks.admonition", {}).get("types", [])
            self.classes = allowed_classes(admonitions)
            self.cleaner = sanitizer(self.classes)
        assert self.classes is not None
        sanitized = changed_by(self.cleaner, html)
        found = problems(html, self.classes)
        if sanitized is not None and not found:
            found = [Problem("markup the sanitizer removes", ())]
        source = Path(page.file.abs_src_path)
        shown = self.site_project.relative(source)
        for problem in found:
            line = first_line_with(source, problem.needles)
            self.findings.append(
                finding(
                    shown,
                    line,
                    problem.message,
                    "remove it: pages are Markdown text, links and the few tags the English pages use",
                    "hostile-text",
                )
            )
        return html if sanitized is None else sanitized

    def check_finished_page(self, html: str, source: Path | None, name: str, config: MkDocsConfig) -> None:
        """Findings for anything in the page as the browser gets it that could run script or load
        from elsewhere, whichever input printed it (the last line of defence, see finished_page)."""
        if self.previewing(config):
            return  # served for a preview only, without the policy; `make check` builds the site
        for problem in finished_page_problems(html, config.site_url or ""):
            shown = self.site_project.relative(source) if source else f"{self.language(config).prefix}{name}"
            self.findings.append(
                finding(
                    shown,
                    first_line_with(source, problem.needles) if source else 1,
                    f"the built page carries {problem.message}",
                    "a title, description, site or language name, catalog string, branding value or template "
                    "in overrides/ reached the page as markup: write it as plain text, and scripts as files",
                    "hostile-text",
                )
            )

    def finish_page(self, html: str, config: MkDocsConfig) -> str:
        direction = self.site_project.direction(self.language(config).code)
        html = name_search_dialog(html_direction(html, direction))
        return html if self.previewing(config) else with_content_security_policy(html)

    @staticmethod
    def previewing(config: MkDocsConfig) -> bool:
        """Whether `mkdocs serve` builds this (it sets site_url to its own address). Its preview
        has no Content-Security-Policy: MkDocs' live reload injects an inline script. (Not
        on_startup: a plugin with that hook is kept from one build to the next in a process.)"""
        address = config.dev_addr
        return urlsplit(config.site_url or "").netloc == f"{address.host}:{address.port}"

    @staticmethod
    def offline_copy(config: MkDocsConfig) -> bool:
        """Whether this build is the offline archive's copy (Material's offline plugin is on)."""
        offline = config.plugins.get("material/offline")
        return offline is not None and bool(offline.config.enabled)


def first_line_with(source: Path, needles: tuple[str, ...]) -> int:
    """The first line holding any of the needles (case aside), trying them in order; else 1."""
    lines = read_text(source).lower().splitlines()
    for needle in needles:
        for number, text in enumerate(lines, start=1):
            if needle.lower() in text:
                return number
    return 1


def lines_before(source: str, body: str) -> int:
    """How many lines of the source file come before the body MkDocs hands to on_page_markdown
    (the front matter), so a body line can be named by its line in the file."""
    lines = body.splitlines()
    first = next((index for index, line in enumerate(lines) if line.strip()), 0)
    found = source.find(lines[first]) if lines else -1
    return 0 if found < 0 else source[:found].count("\n") - first

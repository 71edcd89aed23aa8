"""MkDocs hooks: per-language interface strings, glossary tooltips and key-point labels.

MkDocs loads this file by path, so the project root is put on sys.path to reach `scripts`.
"""

from __future__ import annotations

import json
import logging
import re
import sys
from pathlib import Path

from babel.support import NullTranslations, Translations
from jinja2 import Environment
from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from scripts.branding import branding_css, load_branding
from scripts.content_security import with_content_security_policy
from scripts.glossary import abbreviations, parse_glossary
from scripts.handout_page import PAGE as HANDOUT_PAGE
from scripts.handout_page import handout_markdown
from scripts.material_strings import language_settings
from scripts.page_head import html_direction, language_search_base, name_search_dialog
from scripts.project import Project
from scripts.search_index import split_search_index
from scripts.sitemaps import finish_sitemap, without_head_alternates
from scripts.status import as_json, project_status
from scripts.status_page import PAGE as STATUS_PAGE
from scripts.status_page import status_markdown
from scripts.translation_state import page_state

log = logging.getLogger("mkdocs.hooks.site")
GLOSSARY_PAGE = "glossary.md"
KEYPOINT_TITLE = re.compile(
    r'(<div class="admonition keypoint" id="(?P<id>[^"]+)">\s*<p class="admonition-title">)(?P<title>.*?)(</p>)',
    re.S,
)
# A run of Latin letters and digits ("504 Plan", "IEP") inside right-to-left text.
LATIN_RUN = re.compile(r"[A-Za-z0-9][A-Za-z0-9 .\u2019'/-]*[A-Za-z0-9]|[A-Za-z]")
TEXT_BETWEEN_TAGS = re.compile(r">([^<]+)<")
TASK_ITEM = re.compile(
    r'(<li class="task-list-item"><label class="task-list-control"><input type="checkbox")(.*?</label>)(.*?)</li>', re.S
)
TAG = re.compile(r"<[^>]+>")
_translations: dict[str, NullTranslations] = {}
_default_not_found_page: list[str] = []
VENDORED_WORKER_SHIM = "assets/javascripts/vendor/iframe-worker-shim.js"
_status: list = []  # the translation status, computed once per build
_branding: list = []  # the parent center's branding.yml, read once per build


def direction(config: MkDocsConfig) -> str:
    """The language's writing direction, as Material's language file (or ours) gives it."""
    overrides = Path(config.config_file_path).parent / "overrides"
    return language_settings(current_language(config), overrides).get("direction", "ltr")


def current_language(config: MkDocsConfig) -> str:
    return config.plugins["i18n"].current_language


def translations_for(config: MkDocsConfig, code: str | None = None) -> NullTranslations:
    """The compiled catalog of a language, by default the one being built (English needs none)."""
    code = code or current_language(config)
    if code not in _translations:
        locales = Path(config.config_file_path).parent / "locales"
        loaded = Translations.load(str(locales), [code], domain="messages")
        if type(loaded) is NullTranslations and code != "en":
            log.warning(
                "No compiled catalog for '%s' in %s: interface strings show in English. "
                "Run `make catalogs` (it compiles locales/%s/LC_MESSAGES/messages.po).",
                code,
                locales,
                code,
            )
        _translations[code] = loaded
    return _translations[code]


@event_priority(-110)  # after static-i18n (-100) has set the language being built
def on_config(config: MkDocsConfig) -> None:
    # Catalogs are re-read on every build so `mkdocs serve` picks up a recompiled .mo.
    _translations.clear()
    root = Path(config.config_file_path).parent
    if offline_build(config):
        # The offline plugin adds a worker shim from a CDN; the archive carries its own copy.
        config.extra["polyfills"] = [VENDORED_WORKER_SHIM]
    if current_language(config) == config.plugins["i18n"].default_language:
        _status[:] = project_status(Project(root))
    # A bad branding value is reported by `make check`; the build keeps the neutral default.
    codes = [lang.locale for lang in config.plugins["i18n"].config.languages]
    branding, _problems = load_branding(root, codes)
    _branding[:] = [branding]
    if branding.logo is not None and branding.logo.is_file():
        config.theme["logo"] = f"assets/branding/{branding.logo.name}"


# Generated pages, added after static-i18n has sorted the files by language: a printable
# handout of every key point in each language, and "Translation status" for translators.
@event_priority(-200)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    # A page that is not UTF-8 would stop the whole build; `make check` reports it, and the
    # other pages and languages are still built and checked.
    for file in list(files.documentation_pages()):
        try:
            Path(file.abs_src_path or "").read_bytes().decode("utf-8-sig")
        except (UnicodeDecodeError, OSError):
            log.info("Leaving out %s: it is not UTF-8", file.src_uri)
            files.remove(file)
    code = current_language(config)
    default = config.plugins["i18n"].default_language
    pages = [str(item) for item in config.nav or [] if isinstance(item, str)]
    handout = handout_markdown(
        Path(config.docs_dir) / code,
        pages,
        translations_for(config).gettext,
        bool(config.extra["downloads"]["handouts"]),
    )
    files.append(File.generated(config, HANDOUT_PAGE if code == default else f"{code}/{HANDOUT_PAGE}", content=handout))
    if code == default and _status:
        files.append(File.generated(config, STATUS_PAGE, content=status_markdown(_status)))
    return files


# Interface strings of our overrides come from locales/<language>/LC_MESSAGES/messages.mo.
def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    env.add_extension("jinja2.ext.i18n")
    env.install_gettext_translations(translations_for(config), newstyle=True)  # type: ignore[attr-defined]
    # Serialized here to keep every script readable (Jinja's tojson escapes all non-ASCII).
    data = json.dumps(site_languages(config), ensure_ascii=False, sort_keys=True)
    default = config.plugins["i18n"].default_language
    env.globals["center"] = center_details(config)
    env.globals["page_suffix"] = "/" if config.use_directory_urls else ".html"  # .html in the offline archive
    env.globals["language_home"] = "" if current_language(config) == default else f"{current_language(config)}/"
    env.globals["site_languages"] = Markup(data.replace("<", "\\u003c").replace("&", "\\u0026"))
    return env


def center_details(config: MkDocsConfig) -> dict[str, str]:
    """The parent center's details in the language being built, for partials/center.html."""
    branding, code = _branding[0], current_language(config)
    fields = {
        "name": ("center", "name"),
        "website": ("center", "website"),
        "phone": ("contact", "phone"),
        "email": ("contact", "email"),
        "address": ("contact", "address"),
        "hours": ("contact", "hours"),
        "dispute_resolution": ("state", "dispute_resolution"),
        "parent_center": ("state", "parent_center"),
    }
    details = {name: branding.text(section, key, code) for name, (section, key) in fields.items()}
    details["phone_link"] = re.sub(r"[^0-9+]", "", details["phone"])
    return details


def site_languages(config: MkDocsConfig) -> dict[str, dict[str, str]]:
    """What site.js needs to speak each language: the suggestion and the 404 page, in that language."""
    i18n = config.plugins["i18n"]
    overrides = Path(config.config_file_path).parent / "overrides"
    found: dict[str, dict[str, str]] = {}
    for language in i18n.config.languages:
        if not language.build:
            continue
        code = language.locale
        gettext = translations_for(config, code).gettext
        found[code] = {
            "name": language.name,
            "dir": language_settings(code, overrides).get("direction", "ltr"),
            "home": "" if code == i18n.default_language else f"{code}/",
            # Translators: offered to readers whose browser prefers your language; name your language.
            "suggest": gettext("Read this page in English"),
            # Translators: the label of the × button that hides the language suggestion.
            "close": gettext("Close"),
            "not_found_title": gettext("Page not found"),
            "not_found_text": gettext("We could not find this page. It may have moved."),
            "go_home": gettext("Go to the home page"),
        }
    return found


# Every page explains the glossary terms of its language as abbreviation tooltips.
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    glossary = Path(config.docs_dir) / current_language(config) / GLOSSARY_PAGE
    if not glossary.is_file():
        return markdown
    # A glossary that is not UTF-8 is reported by `make check`; its pages go without tooltips.
    text = glossary.read_text(encoding="utf-8", errors="replace")
    return markdown + "\n\n" + abbreviations(parse_glossary(text)) + "\n"


# Each key-point block gets a visible "Key point" label and a link to share it.
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    gettext = translations_for(config).gettext
    # Translators: the small label above each of the site's key facts.
    label = escape(gettext("Key point"))
    # Translators: read aloud by screen readers for the "#" link that shares one key point.
    share = escape(gettext("Link to this key point"))

    def labelled(match: re.Match[str]) -> str:
        kp_id = match.group("id")
        return (
            f'{match.group(1)}<span class="keypoint-label">{label}</span> '
            f'<span class="keypoint-title">{match.group("title")}</span>'
            f'<a class="keypoint-link" href="#{kp_id}" aria-label="{share}" title="{share}">#</a>'
            f"{match.group(4)}"
        )

    html = KEYPOINT_TITLE.sub(labelled, html)
    html = label_checklist_boxes(html)
    if direction(config) == "rtl":
        html = isolate_latin_runs(html)
    return html


def label_checklist_boxes(html: str) -> str:
    """A checklist's boxes are named by their question, for screen readers (WCAG 4.1.2)."""

    def named(match: re.Match[str]) -> str:
        label = escape(" ".join(TAG.sub("", match.group(3)).split()))
        return f'{match.group(1)} aria-label="{label}"{match.group(2)}{match.group(3)}</li>'

    return TASK_ITEM.sub(named, html)


def isolate_latin_runs(html: str) -> str:
    """Wrap Latin runs of right-to-left text in <bdi>, so "(504 Plan)" does not show as "(Plan 504)"."""

    def in_text(match: re.Match[str]) -> str:
        return ">" + LATIN_RUN.sub(lambda run: f"<bdi>{run.group(0)}</bdi>", match.group(1)) + "<"

    return TEXT_BETWEEN_TAGS.sub(in_text, html)


# Pages in other languages are drafts until a fluent reviewer signs them off in front matter,
# and say so when their English original has changed since they were translated.
def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: object) -> dict:
    code = current_language(config)
    default = config.plugins["i18n"].default_language
    context["translation_draft"] = code != default and not page.meta.get("reviewed_by")
    context["translation_stale"] = False
    english = Path(config.docs_dir) / default / page.file.src_uri.removeprefix(f"{code}/")
    if code != default and english.is_file() and page.file.abs_src_path:
        root = Path(config.config_file_path).parent
        translated = Path(page.file.abs_src_path).read_text(encoding="utf-8")
        context["translation_stale"] = page_state(root, english, translated, page.file.src_uri).stale
    return context


# Search from a page looks in its own language's index; hreflang alternates live in the
# sitemap; every page carries its Content-Security-Policy (not the offline archive: file://
# pages have no origin for 'self' to mean).
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    i18n = config.plugins["i18n"]
    if current_language(config) != i18n.default_language:
        output = language_search_base(output, current_language(config))
    output = name_search_dialog(without_head_alternates(html_direction(output, direction(config))))
    return output if offline_build(config) else with_content_security_policy(output)


def offline_build(config: MkDocsConfig) -> bool:
    offline = config.plugins.get("material/offline")
    return offline is not None and bool(offline.config.enabled)


# Every language writes the root 404.html in turn; keep the default language's (site.js
# switches it to the language of the missing address).
def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    if template_name == "404.html":
        output_content = name_search_dialog(html_direction(output_content, direction(config)))
        if not offline_build(config):
            output_content = with_content_security_policy(output_content)
        if current_language(config) == config.plugins["i18n"].default_language:
            _default_not_found_page[:] = [output_content]
    return output_content


# After the last language is built (static-i18n builds the others inside the first), split
# the shared search index into one per language and finish the sitemap.
@event_priority(-110)
def on_post_build(config: MkDocsConfig) -> None:
    i18n = config.plugins["i18n"]
    if i18n.building:
        return
    codes = [lang.locale for lang in i18n.config.languages if lang.build]
    overrides = Path(config.config_file_path).parent / "overrides"
    split_search_index(Path(config.site_dir), codes, i18n.default_language, overrides, offline_build(config))
    finish_sitemap(Path(config.site_dir), i18n.default_language)
    site = Path(config.site_dir)
    branding = _branding[0]
    (site / "assets" / "stylesheets" / "branding.css").write_text(branding_css(branding), encoding="utf-8")
    if branding.logo is not None and branding.logo.is_file():
        (site / "assets" / "branding").mkdir(parents=True, exist_ok=True)
        (site / "assets" / "branding" / branding.logo.name).write_bytes(branding.logo.read_bytes())
    (Path(config.site_dir) / "status.json").write_text(as_json(_status) + "\n", encoding="utf-8")
    if _default_not_found_page:
        (Path(config.site_dir) / "404.html").write_text(_default_not_found_page[0], encoding="utf-8")

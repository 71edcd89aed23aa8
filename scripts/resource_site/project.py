"""The one source of truth about a site project: where things are, which languages it has, each
language's URL prefix and direction, the generated pages, and the Chromium we print and test with.

Everything is read from mkdocs.yml (through MkDocs and static-i18n, so their rules apply); the
plugin, the checks, the translation commands, the tests and the benchmark all derive from here.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

from resource_site.content.material_strings import language_settings
from resource_site.plugin.languages import I18N_PLUGIN

CONFIG_FILE = "mkdocs.yml"
PLACEHOLDER_SITE_URL = "https://example.org/"  # mkdocs.yml's site_url until a center sets its own
PLUGIN_NAME = "resource-site"  # the entry point under `mkdocs.plugins` (pyproject.toml)
LOCALE_LINE = re.compile(r"^\s*-\s*locale:\s*['\"]?(?P<code>[^'\"\s#]+)['\"]?\s*(?:#.*)?$")  # `- locale: so`


@dataclass(frozen=True)
class GeneratedPages:
    """Pages the plugin writes into every build; their names are used by checks and tests."""

    handout: str = "handout.md"  # each language's printable handout
    status: str = "translation-status.md"  # the translation status, in the default language only
    handout_pdf: str = "handout.pdf"
    offline_archive: str = "downloads/therapy-site-offline.zip"


GENERATED = GeneratedPages()


@dataclass(frozen=True)
class Chromium:
    """The one Chromium setting for printing handouts, browser tests and the benchmark.

    Debian's chromium, headless; the networking flags keep it from calling home (this machine
    and CI have no network beyond the package registries). CHROMIUM=/path overrides the path."""

    path: Path
    args: tuple[str, ...]


CHROMIUM = Chromium(
    path=Path(os.environ.get("CHROMIUM", "/usr/bin/chromium")),
    args=(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
    ),
)


@dataclass(frozen=True)
class Language:
    code: str
    name: str
    default: bool
    build: bool
    site_name: str = ""  # the site's name in this language, if mkdocs.yml gives one

    @property
    def prefix(self) -> str:
        """The language's folder in the site and in its URLs: "" for the default, "es/" for Spanish."""
        return "" if self.default else f"{self.code}/"


class Project:
    """A site project: a folder holding mkdocs.yml, docs/<language>/, locales/ and overrides/."""

    def __init__(
        self,
        root: Path,
        site_url: str | None = None,
        config: MkDocsConfig | None = None,
        dev_addr: str | None = None,
        drafts_built: bool = False,
    ) -> None:
        self.root = root.resolve()
        self.config_file = self.root / CONFIG_FILE
        self.site_url = site_url  # where the site will be served, if not mkdocs.yml's site_url
        self.dev_addr = dev_addr  # the preview server's address, if not mkdocs.yml's dev_addr
        # Build the languages mkdocs.yml does not publish yet (`build: false`) too: for checking
        # them, and for a preview of them; never for the published site.
        self.drafts_built = drafts_built
        if config is not None:
            self.__dict__["config"] = config

    @classmethod
    def from_config(cls, config: MkDocsConfig) -> Project:
        """The project of a configuration MkDocs has already loaded (the plugin's view)."""
        return cls(Path(config.config_file_path).parent, config=config)

    def load_config(self, site_dir: Path | None = None) -> MkDocsConfig:
        """A fresh MkDocs configuration; each build needs its own because plugins keep state."""
        overrides: dict[str, str] = {"site_dir": str(site_dir)} if site_dir else {}
        if self.site_url:
            overrides["site_url"] = self.site_url
        if self.dev_addr:
            overrides["dev_addr"] = self.dev_addr
        config = load_config(str(self.config_file), **overrides)
        if self.drafts_built:
            for language in config.plugins[I18N_PLUGIN].config.languages:
                language.build = language.build or language.locale != "null"  # static-i18n's switcher-only entry stays
        return config

    def with_drafts(self) -> Project:
        """The same project, with the languages not yet on the site built as well."""
        return Project(self.root, self.site_url, dev_addr=self.dev_addr, drafts_built=True)

    @cached_property
    def config(self) -> MkDocsConfig:
        """The configuration as read once, for facts about the project (not for building)."""
        return self.load_config()

    # Languages, as static-i18n reads them from mkdocs.yml.

    @cached_property
    def languages(self) -> list[Language]:
        i18n = self.config.plugins[I18N_PLUGIN].config
        return [
            Language(
                code=lang.locale,
                name=lang.name,
                default=lang.default,
                build=lang.build,
                site_name=lang.site_name or "",
            )
            for lang in i18n.languages
        ]

    @property
    def default_language(self) -> Language:
        return next(lang for lang in self.languages if lang.default)

    @property
    def built_languages(self) -> list[Language]:
        return [lang for lang in self.languages if lang.build]

    @cached_property
    def draft_codes(self) -> list[str]:
        """The languages mkdocs.yml does not put on the site yet (`build: false`)."""
        as_published = Project(self.root) if self.drafts_built else self
        return [language.code for language in as_published.languages if not language.build]

    @property
    def codes(self) -> list[str]:
        return [lang.code for lang in self.languages]

    def language(self, code: str) -> Language | None:
        return next((lang for lang in self.languages if lang.code == code), None)

    def direction(self, code: str) -> str:
        """'rtl' or 'ltr', as Material's language file (or ours in overrides/) gives it."""
        return language_settings(code, self.overrides_dir).get("direction", "ltr")

    # Paths, read from the configuration.

    @property
    def docs_dir(self) -> Path:
        return Path(self.config.docs_dir)

    @property
    def site_dir(self) -> Path:
        return Path(self.config.site_dir)

    @property
    def overrides_dir(self) -> Path:
        custom = self.config.theme.custom_dir
        return Path(custom) if custom else self.root / "overrides"

    @property
    def locales_dir(self) -> Path:
        return self.root / "locales"

    @property
    def keypoints_file(self) -> Path:
        return self.docs_dir / "keypoints.yml"

    @property
    def branding_file(self) -> Path:
        return self.root / "branding.yml"

    @property
    def build_dir(self) -> Path:
        """Reports and the translation status of the last run (not published)."""
        return self.root / "build"

    @property
    def translation_status_file(self) -> Path:
        """Where each run writes the translation status for the plugin (its `translation_status`)."""
        plugin = self.config.plugins.get(PLUGIN_NAME)
        relative = plugin.config.translation_status if plugin is not None else "build/translation-status.json"
        return self.root / relative

    @property
    def site_path(self) -> str:
        """The path part of site_url (`/repo/` on GitHub Pages), which absolute links start with."""
        return urlsplit(self.config.site_url or "/").path.rstrip("/") + "/"

    @property
    def nav_pages(self) -> list[str]:
        """The pages of the navigation, in order (`index.md`, `school-therapy.md`, …)."""
        return [str(item) for item in self.config.nav or [] if isinstance(item, str)]

    def language_dir(self, code: str) -> Path:
        return self.docs_dir / code

    def config_lines(self, code: str) -> range:
        """The lines of mkdocs.yml holding the language's entry (`- locale: so` and its settings),
        or an empty range."""
        lines = self.config_file.read_text(encoding="utf-8").splitlines()
        starts = [number for number, line in enumerate(lines, start=1) if LOCALE_LINE.match(line)]
        for start, end in zip(starts, [*starts[1:], len(lines) + 1], strict=True):
            match = LOCALE_LINE.match(lines[start - 1])
            if match and match.group("code") == code:
                indent = len(lines[start - 1]) - len(lines[start - 1].lstrip())
                inside = [n for n in range(start + 1, end) if len(lines[n - 1]) - len(lines[n - 1].lstrip()) > indent]
                return range(start, (inside[-1] if inside else start) + 1)
        return range(0)

    def config_line(self, code: str) -> int:
        """The line of mkdocs.yml that names the language (`- locale: so`), or 1."""
        lines = self.config_lines(code)
        return lines.start if lines else 1

    def language_of(self, path: str, line: int, codes: list[str]) -> str | None:
        """Which of `codes` a finding belongs to: its pages, its catalog and term base, its
        language file, or its entry in mkdocs.yml; None for the site's own files."""
        for code in codes:
            folders = (self.language_dir(code), self.locales_dir / code)
            language_file = self.overrides_dir / "partials" / "languages" / f"{code}.html"
            if path.startswith(tuple(f"{self.relative(folder)}/" for folder in folders)):
                return code
            if path == self.relative(language_file) or (path == CONFIG_FILE and line in self.config_lines(code)):
                return code
        return None

    def source_pages(self, code: str) -> list[str]:
        """Page paths (like `school-therapy.md`) of one language, relative to its folder."""
        folder = self.language_dir(code)
        return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.md"))

    def source_path(self, code: str, page: str) -> Path:
        return self.language_dir(code) / page

    def relative(self, path: Path) -> str:
        """A path as a person reads it in a finding: relative to the project root."""
        try:
            return Path(os.path.abspath(path)).relative_to(self.root).as_posix()  # a link as itself
        except ValueError:
            pass
        try:
            return path.resolve().relative_to(self.root).as_posix()  # … or where it leads
        except (ValueError, OSError, RuntimeError):  # outside the project, or a loop of links
            return str(path)


def page_url(language: Language, page: str) -> str:
    """A page's address within the site (`school-therapy.md` → `es/school-therapy/`)."""
    stem = page.removesuffix(".md")
    if stem == "index":
        return language.prefix
    if stem.endswith("/index"):
        return language.prefix + stem.removesuffix("index")
    return f"{language.prefix}{stem}/"


def built_page_path(site_dir: Path, language: Language, page: str) -> Path:
    """Where MkDocs writes a page (`school-therapy.md` → `es/school-therapy/index.html`)."""
    return site_dir / page_url(language, page) / "index.html"

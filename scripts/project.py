"""Where things are in a site project, and which languages it has (read from mkdocs.yml)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig


@dataclass(frozen=True)
class Language:
    code: str
    name: str
    default: bool
    build: bool


class Project:
    """A site project: a folder holding mkdocs.yml, docs/<language>/, locales/ and overrides/."""

    def __init__(self, root: Path, site_url: str | None = None) -> None:
        self.root = root.resolve()
        self.config_file = self.root / "mkdocs.yml"
        self.site_url = site_url  # where the site will be served, if not mkdocs.yml's site_url

    def load_config(self, site_dir: Path | None = None) -> MkDocsConfig:
        """A fresh MkDocs configuration; each build needs its own because plugins keep state."""
        overrides = {"site_dir": str(site_dir)} if site_dir else {}
        if self.site_url:
            overrides["site_url"] = self.site_url
        logging.getLogger("mkdocs").setLevel(logging.INFO)
        return load_config(str(self.config_file), **overrides)

    @cached_property
    def config(self) -> MkDocsConfig:
        """The configuration as read once, for facts about the project (not for building)."""
        return self.load_config()

    @property
    def site_path(self) -> str:
        """The path part of site_url (`/repo/` on GitHub Pages), which absolute links start with."""
        return urlsplit(self.config.site_url or "/").path.rstrip("/") + "/"

    @cached_property
    def languages(self) -> list[Language]:
        i18n = self.config.plugins["i18n"].config
        return [
            Language(code=lang.locale, name=lang.name, default=lang.default, build=lang.build)
            for lang in i18n.languages
        ]

    @property
    def default_language(self) -> Language:
        return next(lang for lang in self.languages if lang.default)

    @property
    def built_languages(self) -> list[Language]:
        return [lang for lang in self.languages if lang.build]

    @property
    def docs_dir(self) -> Path:
        return self.root / "docs"

    @property
    def keypoints_file(self) -> Path:
        return self.docs_dir / "keypoints.yml"

    @property
    def locales_dir(self) -> Path:
        return self.root / "locales"

    def language_dir(self, code: str) -> Path:
        return self.docs_dir / code

    def source_pages(self, code: str) -> list[str]:
        """Page paths (like `school-therapy.md`) of one language, relative to its folder."""
        folder = self.language_dir(code)
        return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.md"))

    def source_path(self, code: str, page: str) -> Path:
        return self.language_dir(code) / page

    def relative(self, path: Path) -> str:
        """A path as a person reads it in a finding: relative to the project root."""
        try:
            return path.resolve().relative_to(self.root).as_posix()
        except ValueError:
            return str(path)


def built_page_path(site_dir: Path, language: Language, page: str) -> Path:
    """Where MkDocs writes a page (`school-therapy.md` → `es/school-therapy/index.html`)."""
    base = site_dir if language.default else site_dir / language.code
    stem = page.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return base / (stem + ".html")
    return base / stem / "index.html"

"""Every page of the built real site, for tests that must visit them all."""

from __future__ import annotations

from resource_site.project import Project
from tests.conftest import ROOT

PROJECT = Project(ROOT)
LANGUAGE_CODES = [language.code for language in PROJECT.built_languages]


def page_paths() -> list[str]:
    """Site-relative paths of every page: each language's pages and handout, the status page, a 404."""
    paths = []
    for language in PROJECT.built_languages:
        prefix = "" if language.default else f"{language.code}/"
        for page in PROJECT.source_pages(language.code):
            stem = page.removesuffix(".md")
            paths.append(prefix if stem == "index" else f"{prefix}{stem}/")
        paths.append(f"{prefix}handout/")
        paths.append(f"{prefix}no-such-page/")
    paths.append("translation-status/")
    return paths

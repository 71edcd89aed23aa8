"""Facts about the real project for the tests, derived from mkdocs.yml through Project (never a
second list of languages)."""

from __future__ import annotations

from resource_site.project import GENERATED, Project, page_url
from tests.conftest import ROOT

PROJECT = Project(ROOT)
LANGUAGES = [language.code for language in PROJECT.built_languages]
DEFAULT = PROJECT.default_language.code
RIGHT_TO_LEFT = {code for code in LANGUAGES if PROJECT.direction(code) == "rtl"}
HANDOUT = GENERATED.handout.removesuffix(".md") + "/"
STATUS = GENERATED.status.removesuffix(".md") + "/"
# A word each language's pages use, typed as a reader would (Chinese: a word mid-sentence).
QUERIES = {
    "en": "therapy",
    "es": "terapia",
    "zh": "治疗",
    "ar": "العلاج",
    "bn": "থেরাপি",
    "fr": "thérapie",
    "ht": "terapi",
    "ko": "치료",
    "ru": "терапия",
    "ur": "تھراپی",
    "vi": "trị liệu",
}


def url(site_url: str, code: str, page: str = "") -> str:
    """The address of a page (`school-therapy/`) in a language, on the served site."""
    return f"{site_url}/{PROJECT.language(code).prefix}{page}"  # type: ignore[union-attr]


def next_language(code: str) -> str:
    return LANGUAGES[(LANGUAGES.index(code) + 1) % len(LANGUAGES)]


def page_paths() -> list[str]:
    """Site-relative paths of every page: each language's pages and handout, the status page, a 404."""
    paths = []
    for language in PROJECT.built_languages:
        paths += [page_url(language, page) for page in PROJECT.source_pages(language.code)]
        paths.append(language.prefix + HANDOUT)
        paths.append(language.prefix + "no-such-page/")
    paths.append(STATUS)
    return paths

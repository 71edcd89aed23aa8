"""Prepares the temporary project copies to measure: the real project, N languages, N pages per language."""

from __future__ import annotations

import re
import shutil
import sys
from collections.abc import Collection
from pathlib import Path

from babel import Locale

from benchmarks.measuring import COMMAND_TIMEOUT, BenchmarkError, child_env, cli_command, run_child
from resource_site.project import Project
from resource_site.translation.config_editor import BLOCK_ENTRY, ConfigEditError, add_language, build_language

ROOT = Path(__file__).resolve().parents[2]  # the project: only read, never written
PROJECT_ITEMS = ("docs", "overrides", "locales", "scripts", "branding", "mkdocs.yml", "branding.yml", "babel.cfg")
SYNTHETIC_SOURCE = "es"  # the real language whose pages and catalog the synthetic ones copy
# Real ISO 639-1 codes that Material and py3langid both know ("no" is not in Material 9.8: et instead).
SYNTHETIC_LANGUAGES = (
    *("de", "it", "pt", "nl", "pl", "sv", "da", "fi", "et", "cs"),
    *("sk", "hu", "ro", "bg", "el", "tr", "id", "ms", "tl"),
)
LANGUAGE_COUNTS = (1, 11, 30)
GROWTH_LANGUAGES = 30  # c: the languages of the tree grown in pages
PAGE_COUNTS = (10, 100)  # c: pages per language
PAGE_TO_COPY = "glossary.md"  # the one page without key points, so copies add no duplicate key point
NAV_BLOCK = re.compile(r"^nav:\n(?:(?P<indent>[ \t]+)- .*\n)+", re.M)


def copy_project(target: Path) -> Path:
    """A copy of everything the build and the checks read; compiled files are left out."""
    target.mkdir(parents=True)
    for name in PROJECT_ITEMS:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
        elif source.is_file():
            shutil.copy2(source, target / name)
    return target


def config_text(copy: Path) -> str:
    """The copy's mkdocs.yml as text, to be rewritten (its facts are read through Project)."""
    text = (copy / "mkdocs.yml").read_text(encoding="utf-8")
    if not BLOCK_ENTRY.search(text) or not NAV_BLOCK.search(text):
        raise BenchmarkError("mkdocs.yml has no `nav:` list or no i18n `- locale:` entries to rewrite")
    return text if text.endswith("\n") else text + "\n"


def keep_languages(copy: Path, keep: Collection[str]) -> None:
    """Drop every language not in `keep`: its mkdocs.yml entry, pages and catalog."""
    text = config_text(copy)
    for code in set(Project(copy).codes) - set(keep):
        shutil.rmtree(copy / "docs" / code, ignore_errors=True)
        shutil.rmtree(copy / "locales" / code, ignore_errors=True)
    kept = BLOCK_ENTRY.sub(lambda entry: entry.group(0) if entry.group("code") in keep else "", text)
    (copy / "mkdocs.yml").write_text(kept, encoding="utf-8")


def add_synthetic_languages(copy: Path, codes: Collection[str]) -> None:
    """Add languages whose pages and catalog are copies of Spanish, built like the real ones."""
    config_text(copy)
    if SYNTHETIC_SOURCE not in Project(copy).codes:
        raise BenchmarkError(f"the synthetic languages copy '{SYNTHETIC_SOURCE}', which mkdocs.yml does not have")
    for code in codes:
        shutil.copytree(copy / "docs" / SYNTHETIC_SOURCE, copy / "docs" / code)
        catalog = copy / "locales" / code / "LC_MESSAGES"
        catalog.mkdir(parents=True)
        shutil.copy2(copy / "locales" / SYNTHETIC_SOURCE / "LC_MESSAGES" / "messages.po", catalog / "messages.po")
        name = Locale.parse(code).get_display_name(code) or code
        try:
            add_language(copy / "mkdocs.yml", code, name)
            build_language(copy / "mkdocs.yml", code)
        except ConfigEditError as error:
            raise BenchmarkError(f"could not add '{code}' to the copy's mkdocs.yml: {error}") from error


def add_pages(copy: Path, pages_per_language: int) -> None:
    """Grow every language to `pages_per_language` pages: copies of its glossary, added to nav."""
    text = config_text(copy)
    nav = NAV_BLOCK.search(text)
    assert nav is not None
    project = Project(copy)
    existing = len(project.nav_pages)
    if pages_per_language < existing:
        raise BenchmarkError(f"the project already has {existing} pages per language, more than {pages_per_language}")
    names = [f"extra-{number:03d}.md" for number in range(1, pages_per_language - existing + 1)]
    for language in project.built_languages:
        for name in names:
            shutil.copy2(project.source_path(language.code, PAGE_TO_COPY), project.source_path(language.code, name))
    lines = "".join(f"{nav.group('indent')}- {name}\n" for name in names)
    (copy / "mkdocs.yml").write_text(text[: nav.end()] + lines + text[nav.end() :], encoding="utf-8")


def prepare(copy: Path) -> Path:
    """Compile the catalogs (a plain build needs the .mo files) and Python's bytecode; not timed.

    The copy's scripts/ is compiled explicitly, as pip compiled the libraries both commands import:
    with PYTHONDONTWRITEBYTECODE set (as it is on some machines), the check would otherwise compile
    its own package from source in every run, and the plain build nothing."""
    run_child(cli_command(copy, "catalogs"), timeout=COMMAND_TIMEOUT, cwd=copy, env=child_env(copy))
    compile_scripts = [sys.executable, "-m", "compileall", "-q", str(copy / "scripts")]
    completed = run_child(compile_scripts, timeout=COMMAND_TIMEOUT, cwd=copy, env=child_env(copy))
    if completed.returncode != 0:
        raise BenchmarkError(f"could not compile the copy's scripts/: {completed.stdout}{completed.stderr}")
    return copy


def real_copy(work: Path) -> Path:
    return prepare(copy_project(work / "real"))


def languages_copy(work: Path, count: int) -> Path:
    """The project with its first `count` languages (the default first), or more: synthetic ones added."""
    copy = copy_project(work / f"languages-{count}")
    project = Project(copy)
    default = project.default_language.code
    codes = [language.code for language in project.built_languages]
    if count <= len(codes):
        keep_languages(copy, [default, *[code for code in codes if code != default]][:count])
    else:
        add_synthetic_languages(copy, SYNTHETIC_LANGUAGES[: count - len(codes)])
    return prepare(copy)


def pages_copy(work: Path, languages: int, pages_per_language: int) -> Path:
    """The project with `languages` languages (synthetic ones added), grown in pages."""
    copy = copy_project(work / f"pages-{languages}-{pages_per_language}")
    project = Project(copy)
    real = [language.code for language in project.built_languages]
    if languages <= len(real):
        keep_languages(copy, real[:languages])
    else:
        add_synthetic_languages(copy, SYNTHETIC_LANGUAGES[: languages - len(real)])
    add_pages(copy, pages_per_language)
    return prepare(copy)

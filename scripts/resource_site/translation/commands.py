"""Translator commands: add a language, record a finished translation or a review, publish it.

The command line (`resource-site new-language|translated|review|publish-language`) calls these;
UsageError means bad input (exit 2), NotYet a valid request that cannot be done yet (exit 1).
"""

from __future__ import annotations

import datetime
import json
import re
import shutil
from pathlib import Path

from babel.messages.pofile import write_po

from resource_site.checks.catalogs import read_template
from resource_site.content.catalogs import catalog_path, read_catalog, template_path
from resource_site.content.frontmatter import split_front_matter
from resource_site.content.glossary import GLOSSARY_PAGE, read_glossary
from resource_site.content.language_codes import LANGUAGE_TAG, babel_locale, cldr_direction
from resource_site.content.material_strings import has_material_language, translations_by_english
from resource_site.content.plain_text import FIX, markup_in
from resource_site.content.source_text import is_utf8, read_text
from resource_site.content.terms import term_base_path
from resource_site.project import Project
from resource_site.translation.config_editor import ConfigEditError, add_language, build_language, check_editable
from resource_site.translation.history import fingerprint
from resource_site.translation.status import project_status


class UsageError(Exception):
    """Bad input: exit code 2."""


class NotYet(Exception):
    """Valid request that cannot be done yet: exit code 1."""


def refuse_review_of_stale(project: Project, code: str, page: str) -> None:
    """A review vouches for a translation of today's English: a page whose English changed since
    it was translated is brought up to date (and recorded with `make translated`) first."""
    path = project.source_path(code, page)
    english = fingerprint(read_text(project.source_path(project.default_language.code, page)))
    recorded = str(split_front_matter(read_text(path)).data.get("translated_from") or "")
    if recorded and recorded != english:
        raise NotYet(
            f"{project.relative(path)}: the English page changed since this translation (translated_from "
            f"{recorded}, the English is now {english}), so a review would vouch for old text — update the "
            f"translation (`make status DIFF=1` shows the English diff), run `make translated CODE={code} "
            f"PAGES={page}`, then review it"
        )


def validate_code(code: str, project: Project) -> None:
    if not LANGUAGE_TAG.match(code):
        raise UsageError(
            f"'{code}' is not a BCP 47 language code — use a lower-case language code, optionally with a "
            "script or region: so, vi, zh-Hant, pt-BR"
        )
    if any(lang.code == code for lang in project.languages) or project.language_dir(code).exists():
        raise UsageError(f"'{code}' is already in mkdocs.yml or docs/{code}/ exists — see `make status`")


def name_and_direction(code: str, name: str | None, direction: str | None) -> tuple[str, str]:
    """The language's own name for itself and its direction, from Babel (CLDR) unless given."""
    locale = babel_locale(code)
    known_name = locale.get_display_name(locale) if locale else None
    known_direction = cldr_direction(code)
    name = name or (known_name[:1].upper() + known_name[1:] if known_name else None)
    direction = direction or known_direction
    if not name or not direction:
        raise UsageError(f"Babel does not know '{code}': give its name and direction, e.g. NAME='Hmoob' DIR=ltr")
    return name, direction


def set_front_matter(text: str, fields: dict[str, str]) -> str:
    """Set `key: value` lines in a page's front matter, keeping everything else as it is."""
    front = split_front_matter(text)
    if front.error:
        raise UsageError(f"cannot edit the front matter: {front.error} (line {front.error_line})")
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip() != "---":
        lines = ["---\n", "---\n", "\n", *lines]
    end = next(i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "..."))
    for key, value in fields.items():
        line = f"{key}: {json.dumps(value, ensure_ascii=False)}\n"  # a quoted YAML string, whatever it holds
        found = next((i for i in range(1, end) if re.match(rf"^{re.escape(key)}\s*:", lines[i])), None)
        if found is None:
            lines.insert(end, line)
            end += 1
        else:
            lines[found] = line
    return "".join(lines)


def start_catalog(project: Project, code: str) -> int:
    """The language's catalog, from the template: every string to translate, those Material
    already translates filled in; return how many. (Babel's `pybabel init` refuses a language the
    CLDR does not know, like Hmong: its API does not.)"""
    catalog = read_catalog(template_path(project.locales_dir))
    catalog.locale = code.replace("-", "_")  # Babel's form (zh_Hant); the folder keeps the BCP 47 tag
    catalog.revision_date = datetime.datetime.now(datetime.UTC)
    catalog.fuzzy = False
    by_english = translations_by_english(code)
    filled = 0
    for message in catalog:
        if message.id and not message.string and message.id in by_english:
            message.string = by_english[message.id]
            filled += 1
    path = catalog_path(project.locales_dir, code)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        write_po(handle, catalog, width=90)
    return filled


TERM_BASE_START = """\
# The {name} term base: what the checks need to know about this language's key terms.
# Each entry is keyed by a glossary id (docs/{english}/glossary.md, the {{#id}} of a term). The
# glossary page docs/{code}/glossary.md gives the approved rendering and its meaning; here go
#   accepted:  other forms that are also right (inflections, spellings),
#   forbidden: renderings that must never be used, each with the reason,
#   confirmed: false until a fluent reviewer has confirmed the rendering (then remove the line).

"""


def start_term_base(project: Project, code: str, name: str) -> int:
    """Every key term of the English glossary, none confirmed yet; return how many."""
    english = project.default_language.code
    entries = read_glossary(project.source_path(english, GLOSSARY_PAGE))
    start = TERM_BASE_START.format(name=name, english=english, code=code)
    term_base_path(project.locales_dir, code).write_text(
        start + "".join(f"{entry.id}:\n  confirmed: false\n" for entry in entries), encoding="utf-8"
    )
    return len(entries)


def new_language(
    project: Project, code: str, name: str | None, direction: str | None, site_name: str | None = None
) -> list[str]:
    """Scaffold a language: its pages, catalog, language file and mkdocs.yml entry, or nothing at all."""
    validate_code(code, project)
    name, direction = name_and_direction(code, name, direction)
    template, problems = read_template(project)
    if template is None:
        raise UsageError(f"{problems[0]} (a new language's catalog starts from it)")
    try:
        check_editable(project.config_file)
    except ConfigEditError as error:
        raise UsageError(str(error.finding)) from error
    config_before = project.config_file.read_text(encoding="utf-8")
    made: list[Path] = []
    try:
        return _scaffold(project, code, name, direction, site_name or "", made)
    except BaseException:
        # Leave nothing half-made: remove what was written, restore mkdocs.yml.
        for path in reversed(made):
            if path.is_dir():
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink(missing_ok=True)
        project.config_file.write_text(config_before, encoding="utf-8")
        raise


def _scaffold(project: Project, code: str, name: str, direction: str, site_name: str, made: list[Path]) -> list[str]:
    english = project.default_language.code
    folder = project.language_dir(code)
    made.append(folder)
    for page in project.source_pages(english):
        source = project.source_path(english, page)
        target = folder / page
        target.parent.mkdir(parents=True, exist_ok=True)
        text = read_text(source)
        target.write_text(set_front_matter(text, {"translated_from": fingerprint(text)}), encoding="utf-8")
    made.append(project.locales_dir / code)
    filled = start_catalog(project, code)
    terms = start_term_base(project, code, name)
    done = [
        f"{project.relative(folder)}/: {len(project.source_pages(english))} pages copied from English, to translate",
        f"{project.relative(catalog_path(project.locales_dir, code))}: interface strings "
        f"({filled} filled from Material)",
        f"{project.relative(term_base_path(project.locales_dir, code))}: {terms} key terms, none confirmed yet "
        "(a fluent reviewer confirms each on the glossary page)",
    ]
    if not has_material_language(code):
        languages = project.overrides_dir / "partials" / "languages"
        language_file = languages / f"{code}.html"
        made.append(language_file)
        template = (languages / "ht.html").read_text(encoding="utf-8")
        language_file.write_text(
            template.replace("Haitian Creole", name)
            .replace("locales/ht", f"locales/{code}")
            .replace('"language": "ht"', f'"language": "{code}"')
            .replace('"direction": "ltr"', f'"direction": "{direction}"'),
            encoding="utf-8",
        )
        done.append(f"{project.relative(language_file)}: Material has no {name}; its buttons come from the catalog")
    try:
        add_language(project.config_file, code, name, site_name)
    except ConfigEditError as error:
        raise UsageError(str(error.finding)) from error
    done.append(f"mkdocs.yml: {code} ({name}, {direction}) added, not built until complete")
    if not site_name:
        done.append(
            f"mkdocs.yml: the site's name in {name} is still to translate — write it as `site_name:` under "
            f"`locale: {code}` (or start with `make new-language CODE={code} SITE_NAME=…`)"
        )
    return done


def mark_pages(project: Project, code: str, pages: list[str], fields_for: dict[str, str] | None) -> list[str]:
    """Set front-matter fields on a language's pages (all of them when none are named)."""
    for key, value in (fields_for or {}).items():
        if markup_in(value) is not None:
            raise UsageError(f"the {key} value {value!r} holds markup ({markup_in(value)}) — {FIX}")
    english = project.default_language.code
    chosen = pages or project.source_pages(code)
    for page in chosen:  # every page is checked before any is written
        path, original = project.source_path(code, page), project.source_path(english, page)
        if not path.is_file():
            raise UsageError(
                f"{project.relative(path)}:1: the page does not exist — name a page of "
                f"{project.relative(project.language_dir(code))}/, like index.md"
            )
        if not is_utf8(path):
            raise UsageError(
                f"{project.relative(path)}:1: the page is not valid UTF-8 — save it as UTF-8, then run this again"
            )
        if not original.is_file():
            raise UsageError(
                f"{project.relative(path)}:1: the page has no English original {project.relative(original)} — "
                "rename it to match an English page"
            )
        if fields_for and "reviewed_by" in fields_for:
            refuse_review_of_stale(project, code, page)
    marked = []
    for page in chosen:
        path = project.source_path(code, page)
        english_text = read_text(project.source_path(english, page))
        fields = fields_for or {"translated_from": fingerprint(english_text)}
        path.write_text(set_front_matter(path.read_text(encoding="utf-8"), fields), encoding="utf-8")
        marked.append(project.relative(path))
    return marked


def publish(project: Project, code: str) -> str:
    """Switch a complete language on for the build."""
    if project.language(code) is None:
        raise UsageError(f"'{code}' is not in mkdocs.yml — add it with `make new-language CODE={code}`")
    status = next(s for s in project_status(project) if s.code == code)
    if not status.complete:
        raise NotYet(
            f"{code} is not complete: pages {len(status.pages_translated)}/{status.pages_total}, key points "
            f"{len(status.keypoints_covered)}/{status.keypoints_total}, interface strings "
            f"{status.strings_translated}/{status.strings_total}"
            + (", site name not translated" if status.site_name_missing else "")
            + " — see `make status`"
        )
    try:
        build_language(project.config_file, code)
    except ConfigEditError as error:
        raise UsageError(str(error.finding)) from error
    return f"mkdocs.yml: {code} is now built; run `make check`"

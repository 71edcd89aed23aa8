"""Checks the interface-string catalogs: syntax, untranslated strings, placeholders (ours and
Babel's checkers), plain text (the theme prints strings into attributes), and a template
(messages.pot) that lists exactly the strings the templates use. A literal % needs no doubling:
Jinja formats no string of ours (none takes a variable)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import PoFileError

from resource_site.content.catalogs import WrongCharset, catalog_path, extracted_strings, read_catalog, template_path
from resource_site.content.plain_text import FIX, markup_in
from resource_site.findings import Finding, finding
from resource_site.project import Project

CHECK = "catalogs"
SAME_AS_ENGLISH = "# same as English"
PLACEHOLDER = re.compile(r"%\([A-Za-z_]\w*\)[sd]|%[sd]|\{[A-Za-z_]\w*\}")


def check_catalog(project: Project, code: str, template: Catalog | None) -> tuple[Catalog | None, list[Finding]]:
    """Read one language's catalog; report syntax, placeholders, markup and untranslated strings."""
    path = catalog_path(project.locales_dir, code)
    shown = project.relative(path)
    if not path.is_file():
        return None, [
            finding(
                shown,
                1,
                f"no interface-string catalog for '{code}'",
                f"run `make new-catalog CODE={code}` and translate it",
                CHECK,
            )
        ]
    catalog, problems = readable_catalog(path, shown)
    if catalog is None:
        return None, problems
    return catalog, list(_message_findings(shown, catalog, template))


def readable_catalog(path: Path, shown: str) -> tuple[Catalog | None, list[Finding]]:
    """A PO file read, or what stops it being read: at its line, with how to fix it."""
    try:
        catalog = read_catalog(path)
    except PoFileError as error:
        return None, [
            finding(
                shown,
                error.lineno,
                f"PO syntax error: {str(error).rsplit(' on ', 1)[0]}",
                'write each msgid and msgstr with its text in double quotes: msgstr "…"',
                CHECK,
            )
        ]
    except UnicodeDecodeError as error:
        line = path.read_bytes()[: error.start].count(b"\n") + 1
        return None, [finding(shown, line, "the catalog is not valid UTF-8", "save it with UTF-8 encoding", CHECK)]
    except WrongCharset as error:
        return None, [
            finding(
                shown,
                error.line,
                f"the catalog's header says charset={error.charset}, but the catalog holds non-ASCII text",
                'make its header line "Content-Type: text/plain; charset=UTF-8\\n" and keep the file saved as UTF-8',
                CHECK,
            )
        ]
    except ValueError as error:
        return None, [finding(shown, 1, f"cannot read the catalog ({error})", "restore it from git", CHECK)]
    return catalog, []


def _message_findings(shown: str, catalog: Catalog, template: Catalog | None) -> Iterator[Finding]:
    for message in catalog:
        if not message.id or not isinstance(message.id, str):
            continue
        translated = message.string if isinstance(message.string, str) else ""
        if not translated or message.fuzzy:
            state = "is marked fuzzy" if message.fuzzy and translated else "has no translation"
            yield finding(
                shown,
                message.lineno,
                f'"{_short(message.id)}" {state}',
                "write the translation in msgstr (and remove the `#, fuzzy` line)",
                CHECK,
            )
            continue
        if sorted(PLACEHOLDER.findall(message.id)) != sorted(PLACEHOLDER.findall(translated)):
            yield finding(
                shown,
                message.lineno,
                f'placeholders of "{_short(message.id)}" differ: '
                f"{sorted(PLACEHOLDER.findall(message.id))} in English, "
                f"{sorted(PLACEHOLDER.findall(translated))} in the translation",
                "keep every %(name)s placeholder exactly as in the English msgid",
                CHECK,
            )
        if translated == message.id and not same_as_english(message):
            yield finding(
                shown,
                message.lineno,
                f'"{_short(message.id)}" is left in English',
                f'translate it; if your language says it the same way, write the line "{SAME_AS_ENGLISH}" above '
                "its msgid",
                CHECK,
            )
        found = markup_in(translated)
        if found is not None and found not in message.id:
            yield finding(
                shown, message.lineno, f'translation of "{_short(message.id)}" holds markup ({found})', FIX, CHECK
            )
    # Babel's own checks: python-format placeholders, the number of plural forms.
    for message, errors in catalog.check():
        for error in errors:
            yield finding(
                shown,
                message.lineno,
                f'"{_short(str(message.id))}": {error}',
                "write the placeholders and plural forms exactly as the English msgid has them",
                CHECK,
            )
    if template is not None:
        for message in template:
            if message.id and message.id not in catalog:
                yield finding(
                    shown,
                    1,
                    f'catalog lacks the string "{_short(str(message.id))}"',
                    "run `make update-catalogs`, then translate the new strings",
                    CHECK,
                )


def same_as_english(message: Message) -> bool:
    """Whether a translator said this string is rightly the same as the English ("Navigation")."""
    return SAME_AS_ENGLISH.removeprefix("# ") in message.user_comments


def _short(text: str) -> str:
    return text if len(text) <= 50 else text[:47] + "..."


def check_template_is_current(project: Project, template: Catalog) -> list[Finding]:
    shown = project.relative(template_path(project.locales_dir))
    used = extracted_strings(project.root)
    listed = {str(message.id) for message in template if message.id}
    findings = [
        finding(
            shown,
            1,
            f'"{_short(msgid)}" ({where}) is not in the template',
            "run `make update-catalogs`, then translate the new string",
            CHECK,
        )
        for msgid, where in sorted(used.items())
        if msgid not in listed
    ]
    findings += [
        finding(shown, 1, f'"{_short(msgid)}" is no longer used', "run `make update-catalogs`", CHECK)
        for msgid in sorted(listed - set(used))
    ]
    return findings


def read_template(project: Project) -> tuple[Catalog | None, list[Finding]]:
    """messages.pot, or the finding that says why it cannot be read."""
    path = template_path(project.locales_dir)
    shown = project.relative(path)
    if not path.is_file():
        return None, [finding(shown, 1, "the interface-string template is missing", "run `make extract`", CHECK)]
    try:
        return read_catalog(path), []
    except PoFileError as error:
        problem = f"PO syntax error in the template: {str(error).rsplit(' on ', 1)[0]}"
        return None, [finding(shown, error.lineno, problem, "run `make extract` to write it anew", CHECK)]
    except UnicodeDecodeError as error:
        line = path.read_bytes()[: error.start].count(b"\n") + 1
        return None, [
            finding(shown, line, "the template is not valid UTF-8", "run `make extract` to write it anew", CHECK)
        ]
    except WrongCharset as error:
        problem = f"the template's header says charset={error.charset}, but it holds non-ASCII text"
        return None, [finding(shown, error.line, problem, "run `make extract` to write it anew", CHECK)]


def check_catalogs(project: Project, template_current: bool = True) -> tuple[list[Finding], dict[str, Catalog]]:
    """Check the template and every language's catalog; return the findings and the readable catalogs.
    `template_current=False` leaves out the slowest check, that the template lists the strings the
    templates use today (`check_template_is_current`, for the caller to run on its own).

    Languages not yet built are read too (so they can be previewed) but their problems are
    reported by `make status`, not here."""
    template, findings = read_template(project)
    if template is not None and template_current:
        findings += check_template_is_current(project, template)
    catalogs: dict[str, Catalog] = {}
    for language in project.languages:
        if language.default:
            continue
        catalog, problems = check_catalog(project, language.code, template)
        if language.build:
            findings.extend(problems)
        if catalog is not None:
            catalogs[language.code] = catalog
    return findings, catalogs

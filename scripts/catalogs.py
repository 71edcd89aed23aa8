"""Interface-string catalogs (Babel/gettext): validate every .po file and compile it to .mo."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import write_mo
from babel.messages.pofile import PoFileError, read_po

from scripts.findings import Finding, finding
from scripts.project import Project

CHECK = "catalogs"
# Babel's reader accepts unquoted and unterminated strings; these are the lines a PO file may hold.
QUOTED = r'"(?:[^"\\]|\\.)*"'
PO_LINE = re.compile(rf"^(?:#.*|(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+{QUOTED}|{QUOTED})\s*$")
PLACEHOLDER = re.compile(r"%\([A-Za-z_]\w*\)[sd]|%[sd]|\{[A-Za-z_]\w*\}")
MARKUP = re.compile(r"<\s*/?\s*[A-Za-z]")


def catalog_path(project: Project, code: str) -> Path:
    return project.locales_dir / code / "LC_MESSAGES" / "messages.po"


def template_path(project: Project) -> Path:
    return project.locales_dir / "messages.pot"


def read_catalog(path: Path) -> Catalog:
    """Read a PO file, raising PoFileError with the line of the first malformed line."""
    text = path.read_bytes().decode("utf-8")
    ids: dict[tuple[str, str], int] = {}
    context = ""
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if stripped and not PO_LINE.match(stripped):
            raise PoFileError("a line that is neither a comment nor a quoted string", Catalog(), line, number)
        if stripped.startswith("msgctxt"):
            context = stripped
        elif stripped.startswith("msgid "):
            key = (context, stripped)
            if key in ids and stripped != 'msgid ""':
                raise PoFileError(f"the same msgid twice (first on line {ids[key]})", Catalog(), line, number)
            ids[key], context = number, ""
    with path.open("rb") as handle:
        return read_po(handle, abort_invalid=True)


def check_catalog(project: Project, code: str, template: Catalog | None) -> tuple[Catalog | None, list[Finding]]:
    """Read one language's catalog; report syntax, placeholders, markup and untranslated strings."""
    path = catalog_path(project, code)
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
    except (UnicodeDecodeError, ValueError) as error:
        return None, [finding(shown, 1, f"cannot read the catalog ({error})", "save it as UTF-8", CHECK)]
    return catalog, list(_message_findings(shown, catalog, template))


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
        if MARKUP.search(translated) and not MARKUP.search(message.id):
            yield finding(
                shown,
                message.lineno,
                f'translation of "{_short(message.id)}" contains HTML markup',
                "write plain text only; the template adds any markup",
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


def _short(text: str) -> str:
    return text if len(text) <= 50 else text[:47] + "..."


def extracted_strings(project: Project) -> dict[str, str]:
    """The interface strings the templates and hooks use now (msgid -> where), as `make extract` finds them."""
    with (project.root / "babel.cfg").open(encoding="utf-8") as handle:
        method_map, options_map = parse_mapping_cfg(handle)
    found: dict[str, str] = {}
    for filename, lineno, message, _comments, _context in extract_from_dir(
        str(project.root), method_map, options_map, keywords={"_": None, "gettext": None}
    ):
        msgid = message if isinstance(message, str) else message[0]
        found.setdefault(msgid, f"{filename}:{lineno}")
    return found


def check_template_is_current(project: Project, template: Catalog) -> list[Finding]:
    shown = project.relative(template_path(project))
    used = extracted_strings(project)
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


def check_and_compile(project: Project) -> list[Finding]:
    """Validate the catalogs of every built language other than the source; compile the good ones."""
    findings: list[Finding] = []
    template = None
    if template_path(project).is_file():
        try:
            template = read_catalog(template_path(project))
        except PoFileError as error:
            findings.append(
                finding(
                    project.relative(template_path(project)),
                    error.lineno,
                    "PO syntax error in the template",
                    "run `make extract`",
                    CHECK,
                )
            )
    if template is not None:
        findings += check_template_is_current(project, template)
    for language in project.languages:
        if language.default:
            continue
        catalog, problems = check_catalog(project, language.code, template)
        if language.build:
            findings.extend(problems)
        if catalog is not None:
            with (catalog_path(project, language.code).with_suffix(".mo")).open("wb") as handle:
                write_mo(handle, catalog, use_fuzzy=False)
    return findings

"""Pages through PO files, for Poedit, Weblate or a translation agency's CAT tool.

`make po CODE=so` writes locales/so/pages/<page>.po for each page: the English units as msgids
(page_units.py: headings, paragraphs, list items, table cells, key-point titles, the page's title
and description), the translation as msgstrs. What no one translates (front matter keys, anchors,
key-point markers and `attrs:` lines, list markers, table pipes) is not in the file. A unit left
as the English is untranslated. When the English changed since the page was translated, the
file is made against the English it was translated from, then updated to today's English by
Babel (Catalog.update): a changed unit comes back `#, fuzzy`, with the old English as its
previous msgid (`#| msgid`).

`make from-po CODE=so` writes the pages back: today's English structure, each unit's msgstr (the
English where there is none). It records the page as translated from today's English
(`translated_from`) only when no unit is fuzzy and none is new and untranslated.

The PO side is Babel's (already our catalogs' library; its update gives the fuzzy matching and
the previous msgids); the Markdown side is page_units.py, for the reasons given there.
"""

from __future__ import annotations

import datetime
import io
import re
from dataclasses import dataclass
from pathlib import Path

import polib
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import write_po

from resource_site.checks.catalogs import readable_catalog
from resource_site.content.frontmatter import split_front_matter
from resource_site.content.source_text import read_text
from resource_site.findings import Finding, finding
from resource_site.project import Project
from resource_site.translation.commands import set_front_matter
from resource_site.translation.history import EnglishHistory, fingerprint
from resource_site.translation.page_units import PageUnits, Unit, page_units

CHECK = "po"
HEADER_FIELDS = ("header_comment", "project", "version", "revision_date", "creation_date", "fuzzy")
HEADING_MARKER = re.compile(r"^#{1,6}\s+$")  # a heading's `## `, as page_units.py cuts it
NEW = "new in the English since this page was translated"  # an extracted comment on such units


def po_path(project: Project, code: str, page: str) -> Path:
    return project.locales_dir / code / "pages" / Path(page).with_suffix(".po")


@dataclass(frozen=True)
class Pair:
    english: Unit
    translated: Unit | None


def export_page(project: Project, code: str, page: str, history: EnglishHistory) -> Catalog | Finding:
    """The page's PO catalog, or the finding that stops it (its structure differs from the English)."""
    english_path = project.source_path(project.default_language.code, page)
    english_now = read_text(english_path)
    path = project.source_path(code, page)
    translated = read_text(path) if path.is_file() else english_now
    recorded = str(split_front_matter(translated).data.get("translated_from") or "")
    current = recorded == fingerprint(english_now)
    older = None  # the English it was translated from, when that is not today's
    if not current and recorded:
        relative = english_path.resolve().relative_to(history.root).as_posix()
        older = history.version(relative, recorded)
    base = older if older is not None else english_now
    pairs = paired(page_units(base), page_units(translated))
    if isinstance(pairs, int):
        return finding(
            project.relative(path),
            pairs,
            "the page's structure differs from the English page here (a heading, key point, list or table "
            "that the English does not have in the same place), so its text cannot be paired for a PO file",
            f"make its headings, key points, lists and tables follow {project.relative(english_path)}",
            CHECK,
        )
    today = fingerprint(english_now)
    catalog = new_catalog(project, code, page, pairs, today)
    if older is not None:  # made against the English it was translated from: bring it up to date
        known = {(message.id, message.context) for message in catalog}
        catalog.update(new_catalog(project, code, page, paired_with_nothing(page_units(english_now)), today))
        for message in catalog:
            if message.id and not message.fuzzy and (message.id, message.context) not in known:
                message.auto_comments = [*message.auto_comments, NEW]
        catalog.obsolete.clear()  # the English removed them: nothing to translate
    elif recorded and not current:  # translated from an English git does not know: every unit to check
        for message in catalog:
            if message.id and message.string:
                message.flags.add("fuzzy")
    return catalog


def paired(english: PageUnits, translated: PageUnits) -> list[Pair] | int:
    """The translated page's units beside the English ones, section by section (a section is
    keyed by its heading, so a glossary in its own alphabetical order still pairs); or the
    translated page's line where the structure stops matching."""
    by_key = dict(sections(translated))
    english_keys = {key for key, _ in sections(english)}
    extra = [pieces for key, pieces in by_key.items() if key not in english_keys]
    if extra:  # a heading, or its anchor, that the English does not have
        return _first_line(extra[0], translated)
    own_fields = {unit.field: unit for unit in _fields(translated)}
    pairs: list[Pair] = [Pair(unit, own_fields.get(unit.field)) for unit in _fields(english)]
    for key, pieces in sections(english):
        own = by_key.get(key)
        if own is None:
            return _first_line([], translated)
        if _structure(own) != _structure(pieces):
            return _first_line(own[_first_difference(_structure(own), _structure(pieces)) :], translated)
        pairs += [Pair(unit, other) for unit, other in zip(_units(pieces), _units(own), strict=True)]
    return pairs


def paired_with_nothing(english: PageUnits) -> list[Pair]:
    return [Pair(unit, None) for unit in english.units]


def sections(page: PageUnits) -> list[tuple[str, list[str | Unit]]]:
    """The page's body cut before each heading; each part keyed by its heading's anchor (the
    part before the first heading by ""). The blank lines that end a part are its `gap`."""
    parts: list[tuple[str, list[str | Unit]]] = [("", [])]
    body = [piece for piece in page.pieces if not (isinstance(piece, Unit) and piece.field)]
    for index, piece in enumerate(body):
        if isinstance(piece, str) and HEADING_MARKER.match(piece):
            following = body[index + 2] if index + 2 < len(body) else ""
            anchor = following.strip() if isinstance(following, str) and "{#" in following else ""
            key = f"{piece.strip()} {anchor}"
            while key in dict(parts):  # two headings without an anchor: keep both
                key += "'"
            parts.append((key, []))
        parts[-1][1].append(piece)
    return parts


def gap(pieces: list[str | Unit]) -> int:
    """How many pieces end a part as blank lines (the last part of a page may have none)."""
    count = 0
    while count < len(pieces) and isinstance(pieces[-1 - count], str) and not str(pieces[-1 - count]).strip():
        count += 1
    return count


def _structure(pieces: list[str | Unit]) -> list[str]:
    """What no one translates, line endings aside (a page saved with CRLF pairs with its English)."""
    return [
        piece.replace("\r\n", "\n") if isinstance(piece, str) else "\0" for piece in pieces[: len(pieces) - gap(pieces)]
    ]


def _units(pieces: list[str | Unit]) -> list[Unit]:
    return [piece for piece in pieces if isinstance(piece, Unit)]


def _fields(page: PageUnits) -> list[Unit]:
    return [piece for piece in page.pieces if isinstance(piece, Unit) and piece.field]


def _first_difference(one: list[str], other: list[str]) -> int:
    return next((index for index, (a, b) in enumerate(zip(one, other, strict=False)) if a != b), len(one))


def _first_line(pieces: list[str | Unit], page: PageUnits) -> int:
    units = _units(pieces)
    return units[0].line if units else (page.units[-1].line if page.units else 1)


HEADER = """\
# {page} of "{site}", for a translation tool (Poedit, Weblate, a CAT tool).
# Made by `make po CODE={code}`; write the page back with `make from-po CODE={code}`.
# Translate the msgstr lines. Keep link addresses (in round brackets), **, * and ` as they are.
#"""


def new_catalog(project: Project, code: str, page: str, pairs: list[Pair], english_version: str) -> Catalog:
    """`english_version`: the English page's fingerprint the file is made against (its
    Project-Id-Version), which from-po records as `translated_from` once every entry is done."""
    site = project.config.site_name
    catalog = Catalog(
        locale=code.replace("-", "_"),
        header_comment=HEADER.format(page=project.relative(project.source_path(code, page)), site=site, code=code),
        project=f"{site}: {page}",
        version=english_version,
        revision_date=datetime.datetime.now(datetime.UTC),
        fuzzy=False,
    )
    for pair, context in zip(pairs, message_contexts([pair.english for pair in pairs]), strict=True):
        english = pair.english
        translation = pair.translated.text if pair.translated and pair.translated.text != english.text else ""
        catalog.add(
            english.text,
            translation,
            locations=[(page, english.line)],
            context=context,
            auto_comments=[f"the page's {english.field}"] if english.field else [],
        )
    return catalog


def write_page_po(target: Path, catalog: Catalog) -> None:
    """Write the catalog with polib: Babel's writer re-wraps a previous msgid of several lines as
    one comment, cutting its quoted strings in the middle; polib writes it as gettext does."""
    header = io.BytesIO()
    fields = {key: getattr(catalog, key) for key in HEADER_FIELDS}
    write_po(header, Catalog(locale=catalog.locale_identifier, **fields), omit_header=False)
    po = polib.pofile(header.getvalue().decode("utf-8"), wrapwidth=0)
    for message in catalog:
        if not message.id:
            continue
        po.append(
            polib.POEntry(
                msgid=message.id,
                msgstr=message.string or "",
                msgctxt=message.context,
                comment="\n".join(message.auto_comments),
                occurrences=[(location, str(line)) for location, line in message.locations],
                flags=sorted(message.flags),
                previous_msgid=message.previous_id[0] if message.previous_id else None,
            )
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(str(po), encoding="utf-8")


def import_page(project: Project, code: str, page: str, catalog: Catalog) -> str:
    """The page written back from `catalog`: today's English structure (in the existing
    translation's section order), each unit's translation."""
    english_now = read_text(project.source_path(project.default_language.code, page))
    path = project.source_path(code, page)
    existing = read_text(path) if path.is_file() else english_now
    english, own = page_units(english_now), page_units(existing)
    parts = dict(sections(english))
    keys = [key for key, _ in sections(own) if key in parts]  # the translation's order (a glossary's)
    for index, key in enumerate(parts):  # a part new in the English goes after the one before it there
        if key not in keys:
            before = list(parts)[index - 1] if index else None
            keys.insert(keys.index(before) + 1 if before in keys else 0, key)
    found = list(zip(english.units, translations(catalog, english.units), strict=True))
    texts = {id(unit): unit.text if text is None else text for unit, text in found}
    # A title or description with no translation leaves the page's front matter as it is.
    fields = {unit.field: text for unit, text in found if unit.field and text is not None}
    own_parts = dict(sections(own))
    body = ""
    for key in keys:  # each part's text, then the blank lines that ended it in the translation
        pieces = parts[key]
        ending = own_parts.get(key, pieces)
        kept = pieces[: len(pieces) - gap(pieces)] + ending[len(ending) - gap(ending) :]
        body += "".join(piece if isinstance(piece, str) else texts[id(piece)] for piece in kept)
    if "\r\n" in existing:  # the translation's line endings, not the English page's
        body = body.replace("\r\n", "\n").replace("\n", "\r\n")
    changes = {key: value for key, value in fields.items() if own.front_matter.get(key) != value}
    today = fingerprint(english_now)
    recorded = own.front_matter.get("translated_from")
    # Recorded as today's English only when the file was made against it and is done; a page
    # that never said what it was translated from is not given a value it did not claim.
    if recorded is not None and recorded != today and catalog.version == today and is_current(catalog):
        changes["translated_from"] = today
    return (set_front_matter(own.front_matter_text, changes) if changes else own.front_matter_text) + body


def message_contexts(units: list[Unit]) -> list[str | None]:
    """Each unit's msgctxt: the front-matter key for the title and description; a number for the
    second and later units with the same English on a page, so each keeps its own translation."""
    seen: dict[tuple[str, str], int] = {}
    contexts: list[str | None] = []
    for unit in units:
        context = unit.field or ""
        count = seen[(unit.text, context)] = seen.get((unit.text, context), 0) + 1
        contexts.append(f"{context} {count}".strip() if count > 1 else context or None)
    return contexts


def translations(catalog: Catalog, units: list[Unit]) -> list[str | None]:
    """Each unit's msgstr, found as export_page named it; None where there is none."""
    found: list[str | None] = []
    for unit, context in zip(units, message_contexts(units), strict=True):
        message = catalog.get(unit.text, context)
        found.append(message.string if isinstance(message, Message) and message.string else None)
    return found


def is_current(catalog: Catalog) -> bool:
    """Whether the PO file is a translation of today's English: nothing fuzzy, nothing new left."""
    return not any(
        message.fuzzy or (NEW in message.auto_comments and not message.string) for message in catalog if message.id
    )


def write_pos(project: Project, code: str, pages: list[str]) -> tuple[list[str], list[Finding]]:
    """`make po`: a PO file per page (every page when none is named); what was written, and the
    pages that could not be."""
    history = EnglishHistory(project.root)
    done, problems = [], []
    for page in pages or project.source_pages(project.default_language.code):
        catalog = export_page(project, code, page, history)
        if isinstance(catalog, Finding):
            problems.append(catalog)
            continue
        target = po_path(project, code, page)
        write_page_po(target, catalog)
        done.append(f"{project.relative(target)}: {counts(catalog)}")
    return done, problems


def read_pos(project: Project, code: str, pages: list[str]) -> tuple[list[str], list[Finding]]:
    """`make from-po`: each page written back from its PO file (every file there when no page is
    named); what was written, and the files that could not be read. Nothing is written unless
    every file reads."""
    english = project.source_pages(project.default_language.code)
    chosen = pages or [page for page in english if po_path(project, code, page).is_file()]
    catalogs, problems = {}, []
    for page in chosen:
        path = po_path(project, code, page)
        if not path.is_file():
            problems.append(
                finding(project.relative(path), 1, "there is no such file", f"run `make po CODE={code}`", CHECK)
            )
            continue
        catalog, unreadable = readable_catalog(path, project.relative(path))
        problems += unreadable
        if catalog is not None:
            catalogs[page] = catalog
    if problems:
        return [], problems
    done = []
    for page, catalog in catalogs.items():
        target = project.source_path(code, page)
        text = import_page(project, code, page, catalog)
        if not target.is_file() or read_text(target) != text:
            target.write_text(text, encoding="utf-8")
        state = "today's English" if is_current(catalog) else "still behind the English: " + counts(catalog)
        done.append(
            f"{project.relative(target)}: written from {project.relative(po_path(project, code, page))} ({state})"
        )
    return done, problems


def counts(catalog: Catalog) -> str:
    messages = [message for message in catalog if message.id]
    translated = sum(1 for message in messages if message.string and not message.fuzzy)
    fuzzy = sum(1 for message in messages if message.fuzzy)
    changed = f", {fuzzy} fuzzy (the English changed)" if fuzzy else ""
    return f"{len(messages)} units, {translated} translated{changed}"

"""Interface-string catalogs (Babel/gettext): where they are, reading them with the line of the
first malformed line, and the strings the templates use today."""

from __future__ import annotations

import os
import re
from functools import partial
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import PoFileError, read_po

# Babel's reader accepts unquoted and unterminated strings; these are the lines a PO file may hold.
QUOTED = r'"(?:[^"\\]|\\.)*"'
PO_LINE = re.compile(rf"^(?:#.*|(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+{QUOTED}|{QUOTED})\s*$")


def catalog_path(locales_dir: Path, code: str) -> Path:
    return locales_dir / code / "LC_MESSAGES" / "messages.po"


def template_path(locales_dir: Path) -> Path:
    return locales_dir / "messages.pot"


HEADER_CHARSET = re.compile(r'^"Content-Type:[^"]*charset=(?P<charset>[^\\"\s;]+)', re.M | re.I)


class WrongCharset(ValueError):
    """The catalog's header names another charset than UTF-8, but it holds text only UTF-8 writes."""

    def __init__(self, charset: str, line: int) -> None:
        super().__init__(f"charset={charset}")
        self.charset, self.line = charset, line


def read_catalog(path: Path) -> Catalog:
    """Read a PO file, raising PoFileError with the line of the first malformed line, and
    WrongCharset when its header says ASCII (say) for a catalog with non-ASCII text."""
    text = path.read_bytes().decode("utf-8")
    header = HEADER_CHARSET.search(text)
    if header and header.group("charset").lower().replace("_", "-") not in ("utf-8", "utf8") and not text.isascii():
        raise WrongCharset(header.group("charset"), text[: header.start()].count("\n") + 1)
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


def extracted_strings(root: Path) -> dict[str, str]:
    """The interface strings the templates and hooks use now (msgid -> where), as `make extract` finds them."""
    with (root / "babel.cfg").open(encoding="utf-8") as handle:
        method_map, options_map = parse_mapping_cfg(handle)
    found: dict[str, str] = {}
    for filename, lineno, message, _comments, _context in extract_from_dir(
        str(root),
        method_map,
        options_map,
        keywords={"_": None, "gettext": None},
        directory_filter=partial(_may_hold, root, [pattern for pattern, _method in method_map]),
    ):
        msgid = message if isinstance(message, str) else message[0]
        found.setdefault(msgid, f"{filename}:{lineno}")
    return found


def _may_hold(root: Path, patterns: list[str], folder: str) -> bool:
    """Whether a folder may hold files babel.cfg's patterns name (the walk skips the others:
    node_modules, site/, docs/…). Hidden and `_` folders are skipped, as by Babel's default."""
    name = os.path.basename(folder)
    if name.startswith((".", "_")):
        return False
    relative = Path(folder).relative_to(root).as_posix()
    fixed_parts = [pattern.split("*")[0].rsplit("/", 1)[0] for pattern in patterns]
    return any(
        fixed in ("", ".") or fixed.startswith(f"{relative}/") or f"{relative}/".startswith(f"{fixed}/")
        for fixed in fixed_parts
    )

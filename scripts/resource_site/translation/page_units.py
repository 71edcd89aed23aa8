"""A page as a translator's tool sees it: the text to translate, in units (a heading, a paragraph,
a list item, a table cell, a key point's title, the page's title and description), and the
structure around them that no one translates (front matter keys, anchors like `{#evaluation}`,
key-point markers and their `attrs:` lines, list markers, table pipes, HTML wrappers).

Our Markdown dialect (pymdownx blocks, attribute lists, front matter) is read here, line by
line, because the Markdown-to-PO tools do not know it. Tried on docs/en/index.md: mdpo 2.1.4
gives the msgid "School therapy and medical therapy {#top}" and one msgid "/// keypoint | Same
kind of help, two different jobs attrs: {id: kp-different-purposes}"; translate-toolkit 3.20.4
(mistletoe) gives that same key-point msgid and the whole front matter as one msgid. A page is
rebuilt from its structure and a text for each unit, byte for byte.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from resource_site.content.frontmatter import split_front_matter

HEADING = re.compile(r"^(?P<before>#{1,6}\s+)(?P<text>.*?)(?P<after>\s*\{#[^}]*\}\s*)?$")
BLOCK_START = re.compile(r"^(?P<before>///\s*[\w-]+(?:\s*\|\s*)?)(?P<text>.*?)(?P<after>\s*)$")
BLOCK_END = re.compile(r"^///\s*$")
BLOCK_OPTION = re.compile(r"^\s+[\w-]+:\s.*$")  # `    attrs: {id: kp-…}` under a block's first line
HTML_TAG_LINE = re.compile(r"^\s*</?[a-zA-Z][^>]*>\s*$")
LIST_ITEM = re.compile(r"^(?P<before>\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?)(?P<text>.*)$")
TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
TABLE_RULE = re.compile(r"^\s*\|[\s:|-]+\|\s*$")
FRONT_MATTER_TEXT = ("title", "description")


@dataclass(frozen=True)
class Unit:
    """Text to translate, and where it came from (for the translator's tool)."""

    text: str
    line: int
    field: str = ""  # the front-matter key, for the page's title and description


@dataclass
class PageUnits:
    """A page as structure (strings) and units, in order; `str(page)` gives the page back."""

    front_matter: dict[str, object]
    front_matter_text: str  # the `---` block as written, with its newline
    pieces: list[str | Unit]

    @property
    def units(self) -> list[Unit]:
        return [piece for piece in self.pieces if isinstance(piece, Unit)]

    def __str__(self) -> str:
        return self.front_matter_text + "".join(
            piece if isinstance(piece, str) else piece.text for piece in self.pieces if not _front(piece)
        )


def _front(piece: str | Unit) -> bool:
    return isinstance(piece, Unit) and bool(piece.field)


def page_units(markdown: str) -> PageUnits:
    """Read a page into structure and units (line endings are kept as they are)."""
    front = split_front_matter(markdown)
    body_start = len(markdown) - len(front.body) if markdown.endswith(front.body) else 0
    front_text = markdown[:body_start]
    data = front.data if isinstance(front.data, dict) else {}
    first_line = front_text.count("\n") + 1
    pieces: list[str | Unit] = [
        Unit(str(data[key]), _line_of_key(front_text, key), key)
        for key in FRONT_MATTER_TEXT
        if isinstance(data.get(key), str)
    ]
    pieces += _body_pieces(markdown[body_start:], first_line)
    return PageUnits(data, front_text, pieces)


def _line_of_key(front_text: str, key: str) -> int:
    for number, line in enumerate(front_text.splitlines(), start=1):
        if line.startswith(f"{key}:"):
            return number
    return 1


def _body_pieces(body: str, first_line: int) -> list[str | Unit]:
    pieces: list[str | Unit] = []
    lines = body.splitlines(keepends=True)
    index = 0
    while index < len(lines):
        raw = lines[index]
        line, ending = raw.rstrip("\r\n"), raw[len(raw.rstrip("\r\n")) :]
        number = first_line + index
        if not line.strip() or BLOCK_END.match(line) or HTML_TAG_LINE.match(line) or TABLE_RULE.match(line):
            pieces.append(raw)
        elif BLOCK_START.match(line):
            pieces += _split(BLOCK_START.match(line), number, ending)
            while index + 1 < len(lines) and BLOCK_OPTION.match(lines[index + 1]):
                index += 1
                pieces.append(lines[index])
        elif HEADING.match(line):
            pieces += _split(HEADING.match(line), number, ending)
        elif TABLE_ROW.match(line):
            pieces += [*_table_row(line, number), ending]
        else:  # a paragraph or a list item, with the lines that continue it
            match = LIST_ITEM.match(line)
            before, text = (match.group("before"), match.group("text")) if match else ("", line)
            while index + 1 < len(lines) and _continues(lines[index + 1]):
                index += 1
                text += ending + lines[index].rstrip("\r\n")
                ending = lines[index][len(lines[index].rstrip("\r\n")) :]
            pieces += [before, Unit(text, number), ending]
        index += 1
    return [piece for piece in pieces if piece != ""]


def _continues(raw: str) -> bool:
    """Whether a line goes on with the paragraph or list item above it."""
    line = raw.rstrip("\r\n")
    item = LIST_ITEM.match(line)
    # A numbered line starts a list inside a paragraph only from 1 (CommonMark): "2022. …" goes on.
    new_item = item is not None and not re.match(r"\s*(?:[2-9]|\d{2,})", item.group("before"))
    return (
        bool(line.strip())
        and not new_item
        and not any(pattern.match(line) for pattern in (BLOCK_START, BLOCK_END, HTML_TAG_LINE, HEADING, TABLE_ROW))
    )


def _split(match: re.Match[str] | None, number: int, ending: str) -> list[str | Unit]:
    assert match is not None
    text = match.group("text")
    if not text.strip():  # a marker with no text of its own
        return [match.group(0) + ending]
    return [match.group("before"), Unit(text, number), (match.group("after") or "") + ending]


def _table_row(line: str, number: int) -> list[str | Unit]:
    """`| a | b |`: the pipes and the spaces around each cell are structure, each cell a unit."""
    start, end = line.index("|"), line.rindex("|")
    pieces: list[str | Unit] = [line[: start + 1]]
    for cell in _cells(line[start + 1 : end]):
        stripped = cell.strip()
        if stripped:
            lead = cell[: len(cell) - len(cell.lstrip())]
            trail = cell[len(cell.rstrip()) :]
            pieces += [lead, Unit(stripped, number), trail]
        else:
            pieces.append(cell)
        pieces.append("|")
    pieces[-1] = line[end:]
    return pieces


def _cells(inner: str) -> list[str]:
    cells, current, escaped = [], "", False
    for char in inner:
        if char == "|" and not escaped:
            cells.append(current)
            current = ""
        else:
            current += char
        escaped = char == "\\" and not escaped
    cells.append(current)
    return cells

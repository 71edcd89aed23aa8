"""Reads each printed handout back: every key point of its language must be in it, as printed text.

Each key point is a heading, so the PDF's outline (its bookmarks, stored as text in reading
order) must name every one. And the printed text must be the source's: each key point's title
and text, letter for letter, is in the text poppler's pdftotext reads off the paper (the handout
is printed with JavaScript off, so no script can change it). pdftotext puts right-to-left lines
and Chinese, Bengali and Urdu text back in reading order, where pypdf does not. A character
printed without a glyph (an empty box, the font's glyph 0) is a finding of its own. The QR
code is read back off a picture of the pages (poppler's pdftoppm, then zxing-cpp), and must give
the language's own address.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
import unicodedata
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import zxingcpp
from pypdf import PdfReader
from pypdf.generic import ContentStream, DictionaryObject

from resource_site.content.keypoints import blocks_in_markdown
from resource_site.content.source_text import read_text
from resource_site.findings import Finding, finding
from resource_site.output.handouts import handout_path
from resource_site.plugin.handout_page import handout_address
from resource_site.project import Language, Project

CHECK = "handouts"
MARKDOWN_SYNTAX = re.compile(r"\]\([^)]*\)|\{[^}]*\}")  # a link's target, an attribute list
TEXT_SHOWING = {b"Tj", b"TJ", b"'", b'"'}


def normalized(text: str) -> str:
    """A title's letters in a fixed order. Chromium stores right-to-left headings in visual
    order, with words reversed and Latin words glued to their neighbours; the letters stay."""
    letters = unicodedata.normalize("NFKC", text)
    return "".join(sorted(ch for ch in letters if not ch.isspace() and unicodedata.category(ch) != "Cf"))


def _is_arabic_vowel_mark(ch: str) -> bool:
    """Arabic's optional vowel marks (harakat), which extraction may place before their letter."""
    return unicodedata.category(ch) == "Mn" and unicodedata.combining(ch) > 0 and "\u0600" <= ch <= "\u06ff"


def _kept(ch: str, right_to_left: bool) -> bool:
    if unicodedata.category(ch)[0] not in "LMN" or _is_arabic_vowel_mark(ch):
        return False
    return not right_to_left or unicodedata.bidirectional(ch) in ("R", "AL", "NSM")


def letters_at(text: str, right_to_left: bool = False) -> tuple[str, list[int]]:
    """The letters, marks and digits of a text, in order, and where each stands in `text`.
    NFKC splits ligatures such as "ﬁ" and Arabic presentation forms. Right to left, only the
    right-to-left letters: where a line breaks inside a Latin run ("504 (Section 504)"), no
    extraction can tell its reading order, so Latin words are compared line by line instead."""
    kept: list[str] = []
    positions: list[int] = []
    for index, ch in enumerate(text):
        for part in unicodedata.normalize("NFKC", ch):
            if _kept(part, right_to_left):
                kept.append(part)
                positions.append(index)
    return "".join(kept), positions


def letters(text: str, right_to_left: bool = False) -> str:
    return letters_at(text, right_to_left)[0]


def left_to_right_words(text: str) -> list[str]:
    """The Latin words and numbers in a text ("IEP", "504")."""
    return re.findall(r"[A-Za-z0-9]+", unicodedata.normalize("NFKC", text))


def pdf_text(pdf: Path) -> str:
    """The PDF's text in reading order, as poppler's pdftotext reads it."""
    result = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True, timeout=120
    )
    return result.stdout


def glyphless_characters(reader: PdfReader) -> Iterator[tuple[int, int]]:
    """(page number, count) of the characters printed with glyph 0 (.notdef, an empty box) in
    each page's composite fonts: the font chosen had no glyph for them."""
    for number, page in enumerate(reader.pages, start=1):
        resources = page.get("/Resources")
        fonts = resources.get_object().get("/Font") if resources is not None else None
        fonts = {name: font.get_object() for name, font in fonts.get_object().items()} if fonts is not None else {}
        contents = page.get_contents()
        if contents is None:
            continue
        font: DictionaryObject | None = None
        missing = 0
        for operands, operator in ContentStream(contents, reader).operations:
            if operator == b"Tf":
                font = fonts.get(operands[0])
            elif operator in TEXT_SHOWING and font is not None and font.get("/Subtype") == "/Type0":
                strings = operands[0] if operator == b"TJ" else [operands[-1]]
                for string in strings:
                    codes = getattr(string, "original_bytes", None)
                    if codes is not None:  # two bytes per glyph (Identity-H); numbers in TJ are spacing
                        missing += sum(1 for i in range(0, len(codes) - 1, 2) if codes[i] == codes[i + 1] == 0)
        if missing:
            yield number, missing


def check_handouts(project: Project, site_dir: Path) -> list[Finding]:
    if shutil.which("pdftotext") is None:
        return [
            finding(
                "Makefile",
                1,
                "pdftotext is not installed, so the handouts' printed text cannot be read back",
                "install Debian's poppler-utils (apt-get install poppler-utils), then build again",
                CHECK,
            )
        ]
    findings: list[Finding] = []
    for language in project.built_languages:
        pdf = handout_path(site_dir, language)
        shown = f"site/{pdf.relative_to(site_dir).as_posix()}"
        if not pdf.is_file():
            findings.append(finding(shown, 1, "handout PDF was not made", "see the errors above", CHECK))
            continue
        findings += _check_handout(project, language.code, pdf, shown)
        findings += _check_qr_code(project, language, pdf, shown)
    return findings


def _check_qr_code(project: Project, language: Language, pdf: Path, shown: str) -> list[Finding]:
    wanted = handout_address(project.config.site_url, language.prefix)
    found = qr_codes(pdf)
    if found == [wanted]:
        return []
    read = ", ".join(found) if found else "no QR code"
    return [
        finding(
            shown,
            1,
            f"the handout's QR code reads {read}, not the language's address {wanted}",
            "build it for the address it is published at (make build HANDOUTS=1 SITE_URL=https://…/)",
            CHECK,
        )
    ]


def qr_codes(pdf: Path) -> list[str]:
    """What the QR codes printed on a PDF's pages say, read off 150 dpi pictures of the pages."""
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(["pdftoppm", "-gray", "-r", "150", str(pdf), f"{folder}/page"], check=True, timeout=120)
        pictures = sorted(Path(folder).glob("page*.pgm"))
        return [code.text for picture in pictures for code in zxingcpp.read_barcodes(grey_picture(picture))]


def grey_picture(path: Path) -> np.ndarray:  # type: ignore[type-arg]
    """A binary PGM (P5, 8 bits), as pdftoppm -gray writes it, as an array of rows."""
    data = path.read_bytes()
    magic, width, height, _depth, pixels = data.split(maxsplit=4)
    assert magic == b"P5", f"{path} is not a binary PGM"
    return np.frombuffer(pixels, dtype=np.uint8, count=int(width) * int(height)).reshape(int(height), int(width))


def _check_handout(project: Project, code: str, pdf: Path, shown: str) -> list[Finding]:
    findings: list[Finding] = []
    reader = PdfReader(pdf)
    for page_number, count in glyphless_characters(reader):
        findings.append(
            finding(
                shown,
                1,
                f"page {page_number} prints {count} characters without a glyph (empty boxes)",
                "install the fonts of the language's script (`make check` names the package), then build again",
                CHECK,
            )
        )
    text = pdf_text(pdf)
    printed = PrintedText(text, project.direction(code) == "rtl")
    titles = set(outline_titles(reader.outline))
    for page in project.source_pages(code):
        for block in blocks_in_markdown(read_text(project.source_path(code, page))):
            if normalized(block.title) not in titles:
                findings.append(
                    finding(
                        shown,
                        1,
                        f"key point {block.id} ({block.title!r}) is not in the handout",
                        "check the handout page prints every key point",
                        CHECK,
                    )
                )
            elif not (printed.holds(block.title) and printed.holds(MARKDOWN_SYNTAX.sub("", block.body))):
                findings.append(
                    finding(
                        shown,
                        1,
                        f"key point {block.id} is printed with other text than its source",
                        "print the handout from the built site (`make build HANDOUTS=1`) without changing it",
                        CHECK,
                    )
                )
    return findings


class PrintedText:
    """A handout's text as read off the paper, to look a source text up in."""

    def __init__(self, text: str, right_to_left: bool) -> None:
        self.text = text
        self.right_to_left = right_to_left
        self.letters, self.positions = letters_at(text, right_to_left)

    def holds(self, source: str) -> bool:
        """Whether `source` is printed letter for letter; right to left, its Latin words and
        numbers must also stand on the lines where its right-to-left letters are printed."""
        wanted = letters(source, self.right_to_left)
        words = Counter(left_to_right_words(source)) if self.right_to_left else Counter()
        if not wanted:  # nothing but Latin words and numbers
            return not words - Counter(left_to_right_words(self.text))
        start = self.letters.find(wanted)
        while start >= 0:
            if not words or not words - Counter(left_to_right_words(self._lines(start, len(wanted)))):
                return True
            start = self.letters.find(wanted, start + 1)  # the same letters may be printed elsewhere too
        return False

    def _lines(self, start: int, length: int) -> str:
        """The whole printed lines that letters[start:start + length] stand on."""
        first, last = self.positions[start], self.positions[start + length - 1]
        end = self.text.find("\n", last)
        return self.text[self.text.rfind("\n", 0, first) + 1 : end if end >= 0 else len(self.text)]


def outline_titles(outline: list) -> list[str]:  # type: ignore[type-arg] - pypdf's nested lists
    titles: list[str] = []
    for item in outline:
        if isinstance(item, list):
            titles += outline_titles(item)
        else:
            titles.append(normalized(str(item.title)))
    return titles

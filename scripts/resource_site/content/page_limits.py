"""Limits on a page's size and nesting, checked before Markdown reads it.

Python-Markdown needs time that grows with the square of the `[`, `![` and `<` in one block
(25,000 `[` took 82 s) and recursion as deep as the nesting (a few hundred nested `<div
markdown>` or list levels end in RecursionError). Our pages are far inside these limits (9 KB,
8 `[` in a block, 2 levels deep); a page over one is a finding and is not rendered.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

PAGE_KB = 100  # the longest page is under 10 KB; a page this big is a paste gone wrong (checks/pages.py)
BLOCK_CHARACTERS = 10_000
MARKUP_PER_BLOCK = 100  # `[` (links, images) or `<` (tags) in one block
DEPTH = 10  # quotes, list levels or HTML elements inside each other
INDENT_PER_LEVEL = 4
QUOTE_MARKS = re.compile(r"[ >]*")
TAG = re.compile(r"<(/?)([A-Za-z][\w-]*)[^<>]*?(/?)>")
VOID = {"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass(frozen=True)
class OverLimit:
    line: int
    message: str
    fix: str


def over_size(markdown: str) -> bool:
    return len(markdown.encode("utf-8")) > PAGE_KB * 1024


def over_limits(markdown: str) -> list[OverLimit]:
    """The first place the page goes over each structural limit ([] for a page inside them all)."""
    found: dict[str, OverLimit] = {}
    block_start, block = 1, []
    html_depth = 0
    for number, line in enumerate(markdown.splitlines(), start=1):
        if not line.strip():
            _block_limits(block_start, block, found)
            block_start, block = number + 1, []
            continue
        block.append(line)
        quotes = QUOTE_MARKS.match(line).group().count(">")  # type: ignore[union-attr]
        spaces = line.expandtabs(INDENT_PER_LEVEL)
        indent = (len(spaces) - len(spaces.lstrip(" "))) // INDENT_PER_LEVEL
        for closing, name, self_closing in TAG.findall(line):
            if name.lower() in VOID or self_closing:
                continue
            html_depth = max(0, html_depth - 1) if closing else html_depth + 1
            if html_depth > DEPTH:
                _first(found, "html", number, f"HTML elements nested {html_depth} deep (at most {DEPTH})")
        if quotes > DEPTH:
            _first(found, "quotes", number, f"quotes nested {quotes} deep (at most {DEPTH})")
        if indent > DEPTH:
            _first(found, "indent", number, f"a line indented {indent} levels (at most {DEPTH})")
    _block_limits(block_start, block, found)
    return sorted(found.values(), key=lambda over: over.line)


def _block_limits(start: int, block: list[str], found: dict[str, OverLimit]) -> None:
    text = "\n".join(block)
    if len(text) > BLOCK_CHARACTERS:
        _first(found, "block", start, f"a paragraph of {len(text):,} characters (at most {BLOCK_CHARACTERS:,})")
    for character, what in (("[", "links or brackets"), ("<", "tags or < signs")):
        count = text.count(character)
        if count > MARKUP_PER_BLOCK:
            _first(found, character, start, f"{count:,} {what} in one paragraph (at most {MARKUP_PER_BLOCK})")


def _first(found: dict[str, OverLimit], kind: str, line: int, message: str) -> None:
    if kind not in found:
        found[kind] = OverLimit(line, f"the page has {message}", "split it up: pages are short, plain text")


def without_blocks_at(markdown: str, lines: list[int]) -> str:
    """The page with the blocks (between blank lines) holding these lines left blank, so the rest
    of the page still renders and is checked, and line numbers stay as they were."""
    text = markdown.splitlines()
    for line in lines:
        start = end = line - 1
        while start > 0 and text[start - 1].strip():
            start -= 1
        while end + 1 < len(text) and text[end + 1].strip():
            end += 1
        text[start : end + 1] = [""] * (end + 1 - start)
    return "\n".join(text) + "\n"

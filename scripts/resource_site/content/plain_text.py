"""Plain text: what front matter, language names and reviewer names must be.

The theme prints some of these values into the page as they are (a title into <title>, a
description into an attribute), so a value that holds markup characters could add elements or
attributes. They are checked after YAML has decoded them (`\\u003c` is a `<` too)."""

from __future__ import annotations

import re

# <, > and " start or end markup; & only when it starts a character reference (&para; &#60;).
MARKUP_CHARACTERS = re.compile(r"[<>\"]|&(?:#\d+|#[xX][0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);")
FIX = 'write plain text: no < or >, typographic quotes “ ” instead of ", and & only before a space'


def markup_in(value: str) -> str | None:
    """The first markup character or reference in a value, or None for plain text."""
    found = MARKUP_CHARACTERS.search(value)
    return found.group(0) if found else None


MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!])")  # what Python-Markdown lets a backslash escape


def markdown_text(value: str) -> str:
    """Plain text as Markdown that renders as exactly that text: every character Markdown or its
    extensions could read as syntax (a link, an attribute list, emphasis, a tag) is escaped."""
    escaped = MARKDOWN_SPECIALS.sub(r"\\\1", value)
    return escaped.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

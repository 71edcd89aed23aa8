"""Reading a source file's text for anything but the encoding check itself.

A page, glossary or registry that is not valid UTF-8 is reported, with its line, by the pages
check; everything else reads on with replacement characters instead of stopping the run.
"""

from __future__ import annotations

from pathlib import Path


def read_text(path: Path) -> str:
    return path.read_bytes().decode("utf-8-sig", errors="replace")


def is_utf8(path: Path) -> bool:
    """Whether the file decodes as UTF-8 (a byte-order mark allowed; the pages check reports it)."""
    try:
        path.read_bytes().decode("utf-8-sig")
    except (UnicodeDecodeError, OSError):
        return False
    return True

"""Telling the person at the terminal what is happening, a line at a time, on stderr."""

from __future__ import annotations

import sys


def say(message: str) -> None:
    """Write `message` and its line end in one write: the processes that build languages side by
    side print their progress on the same stderr, and two halves of their lines must not cross
    ("  building es…  building ht…")."""
    sys.stderr.write(f"{message}\n")
    sys.stderr.flush()

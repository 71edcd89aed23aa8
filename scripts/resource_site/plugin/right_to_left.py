"""Right-to-left pages: Latin runs isolated inside the text, and `dir` on <html>."""

from __future__ import annotations

import re

# A run of Latin letters and digits ("504 Plan", "IEP") inside right-to-left text, with the
# spaces and punctuation between its words ("School-Based vs. Medical Therapies: What Families
# Need to Know" is one run, so its two halves do not swap). Brackets end a run: a pair must not
# be split by an isolate, or the browser cannot mirror it.
LATIN_RUN = re.compile(r"[A-Za-z0-9][A-Za-z0-9 .,:;\u2019'/&-]*[A-Za-z0-9]|[A-Za-z]")
# The same, for text that is not HTML (a tooltip's title): Unicode's own isolates.
LEFT_TO_RIGHT_ISOLATE, POP_DIRECTIONAL_ISOLATE = "\u2066", "\u2069"
# Text between tags, and inside it the character references (&para;, &#x27;) no run may split.
TEXT_BETWEEN_TAGS = re.compile(r">([^<]+)<")
TEXT_OR_REFERENCE = re.compile(r"(&(?:#[0-9]+|#[xX][0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);)")
HTML_TAG = re.compile(r"<html lang=\"(?P<lang>[^\"]+)\"")


def isolate_latin_runs(html: str) -> str:
    """Wrap Latin runs of right-to-left text in <bdi>, so "(504 Plan)" does not show as "(Plan 504)"."""

    def isolate(text: str) -> str:
        parts = TEXT_OR_REFERENCE.split(text)
        # Odd parts are character references: kept whole, never wrapped or split.
        return "".join(
            part if index % 2 else LATIN_RUN.sub(lambda run: f"<bdi>{run.group(0)}</bdi>", part)
            for index, part in enumerate(parts)
        )

    return TEXT_BETWEEN_TAGS.sub(lambda match: ">" + isolate(match.group(1)) + "<", html)


def isolate_latin_text(text: str) -> str:
    """The same isolation in plain text, where no element can carry it (tooltip definitions)."""
    return LATIN_RUN.sub(lambda run: f"{LEFT_TO_RIGHT_ISOLATE}{run.group(0)}{POP_DIRECTIONAL_ISOLATE}", text)


def html_direction(html: str, direction: str) -> str:
    """Material puts `dir` on <body> only; screen readers and selectors look at <html> too."""
    return HTML_TAG.sub(lambda m: f'{m.group(0)} dir="{direction}"', html, count=1)

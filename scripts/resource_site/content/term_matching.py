"""Finding glossary terms in running text, in every script.

A term is found where it stands as a word, and what "a word" means depends on the script:
- Chinese and Japanese are written without spaces: a term is found wherever it occurs;
- Korean attaches particles to nouns (Medicaid가, 치료는): any term may be followed by Hangul;
- elsewhere (Latin, Cyrillic, Arabic, Bengali and other Indic scripts) a term may not touch a
  letter, a combining mark or a digit on either side. Python's `\\b` is not used: it counts
  Bengali vowel signs (combining marks) as word breaks, so "504 পরিকল্পনা" was never found.
Words of a term match across any spacing or line break; forms are tried longest first, and
case counts ("IDEA" the law is not "idea"): the caller lists each form it accepts.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass


def _visible(text: str) -> tuple[str, list[int] | None]:
    """The text without its invisible characters, and each kept character's place in `text`
    (None when it has none: the places are the same)."""
    if INVISIBLE.search(text) is None:
        return text, None
    positions = [index for index, character in enumerate(text) if not INVISIBLE.match(character)]
    return "".join(text[index] for index in positions), positions


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    key: str  # what the form stands for (a glossary id)


def _script_of(character: str) -> str:
    name = unicodedata.name(character, "")
    if name.startswith(("CJK", "HIRAGANA", "KATAKANA")):
        return "unspaced"
    if name.startswith("HANGUL"):
        return "hangul"
    return "spaced"


def _joins_word(character: str) -> bool:
    return unicodedata.category(character)[0] in "LMN"


INVISIBLE = re.compile("[\u00ad\u200b-\u200d\u2060\u0640]")  # soft hyphen, zero-width characters, tatweel
BETWEEN_WORDS = "[\\s\\-\u2010\u2011]*"  # any spacing, a hyphen, or none


def _form(form: str) -> str:
    """A form as written, its words apart by any spacing or line break."""
    return r"\s+".join(map(re.escape, form.split()))


def _loose_form(form: str) -> str:
    """A form in any case (an acronym keeps its case: "IDEA" is not "idea"), its words apart by
    any spacing, a hyphen or nothing (invisible characters are taken out of the text first:
    TermFinder.find)."""
    pattern = BETWEEN_WORDS.join(map(re.escape, INVISIBLE.sub("", form).split()))
    return pattern if form.split()[0].isupper() else f"(?i:{pattern})"


class TermFinder:
    """Every form of every term, compiled once per language.

    `loosely` also finds a form written another way: in another case (acronyms aside), with
    other spacing or a hyphen between its words, or with invisible characters inside (zero-width
    joiners, soft hyphens, Arabic tatweel). Checks use it to find a term written two ways."""

    def __init__(self, forms: dict[str, str], loosely: bool = False) -> None:
        """`forms` maps each written form ("IEP", "IEPs", "特殊教育") to its key."""
        self.loosely = loosely
        # a form with nothing visible in it (blank, or invisible characters alone) is no form
        self.keys = {self._normal(form): key for form, key in forms.items() if INVISIBLE.sub("", form).strip()}
        ordered = sorted(self.keys, key=len, reverse=True)
        self._group_keys = {f"f{number}": self.keys[form] for number, form in enumerate(ordered)}
        forms_pattern = "|".join(
            f"(?P<f{number}>{_loose_form(form) if loosely else _form(form)})" for number, form in enumerate(ordered)
        )
        # Every form starts with one of these letters (in any case): the search skips ahead to the
        # next of them (a scan for a set of characters) instead of trying each form at each place.
        firsts = "".join(sorted({(INVISIBLE.sub("", form) if loosely else form).split()[0][0] for form in ordered}))
        self.pattern = re.compile(f"(?=(?i:[{re.escape(firsts)}]))(?:{forms_pattern})") if ordered else None

    @staticmethod
    def _normal(form: str) -> str:
        return " ".join(unicodedata.normalize("NFC", form).split())

    def find(self, text: str) -> list[Found]:
        """The terms in `text` (NFC), left to right, never overlapping. Found loosely, a term
        may hold invisible characters anywhere inside: they are taken out of the text before
        the search, and each place found is given back in `text`'s own positions (one pattern
        of invisible characters between every two letters compiled ten times slower)."""
        if self.pattern is None:
            return []
        searched, positions = _visible(text) if self.loosely else (text, None)
        found: list[Found] = []
        position = 0
        while (match := self.pattern.search(searched, position)) is not None:
            start, end = match.span()
            if positions is not None:
                start, end = positions[start], positions[end - 1] + 1
            if self._stands_alone(text, start, end):
                found.append(Found(start, end, self._group_keys[str(match.lastgroup)]))
                position = match.end()
            else:
                position = match.start() + 1
        return found

    @staticmethod
    def _stands_alone(text: str, start: int, end: int) -> bool:
        first, last = text[start], text[end - 1]
        before = text[start - 1] if start > 0 else " "
        after = text[end] if end < len(text) else " "
        if _script_of(first) != "unspaced" and _joins_word(before) and _script_of(before) != "unspaced":
            return False
        if _script_of(last) == "unspaced" or _script_of(after) == "hangul":  # 특수교육은, Medicaid가
            return True
        return not _joins_word(after) or _script_of(after) == "unspaced"

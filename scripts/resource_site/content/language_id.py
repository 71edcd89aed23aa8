"""Guesses which of the site's languages a text is written in (py3langid, offline model)."""

from __future__ import annotations

import copy
from functools import cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

# Below this many letters a guess is noise: a short title proves nothing either way.
MIN_LETTERS = 40
CONFIDENT = 0.9


def base_code(code: str) -> str:
    return code.split("-")[0].split("_")[0].lower()


class LanguageGuesser:
    """Chooses among the site's own languages only, which makes short texts reliable."""

    def __init__(self, codes: list[str]) -> None:
        # set_languages rebuilds the copy's tables from the shared full model; the model stays whole.
        self._identifier = copy.copy(_full_identifier())
        self.supported = sorted({base_code(c) for c in codes} & set(self._identifier.nb_classes))
        self._identifier.set_languages(self.supported)

    def can_check(self, code: str) -> bool:
        return base_code(code) in self.supported and len(self.supported) > 1

    def guess(self, text: str) -> tuple[str, float] | None:
        """The most likely language and its probability, or None for a text too short to tell."""
        if sum(ch.isalpha() for ch in text) < MIN_LETTERS:
            return None
        code, probability = self._identifier.classify(text)
        return str(code), float(probability)

    def reads_as_other(self, text: str, expected: str) -> str | None:
        """The other language a text confidently reads as, or None if it fits `expected`."""
        if not self.can_check(expected):
            return None
        result = self.guess(text)
        if result and result[0] != base_code(expected) and result[1] >= CONFIDENT:
            return result[0]
        return None


@cache
def _full_identifier() -> LanguageIdentifier:
    """py3langid's model over all its languages, decompressed once per process (it takes most of a
    second); each guesser narrows a copy of it."""
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)

"""Guesses which of the site's languages a text is written in (py3langid, offline model)."""

from __future__ import annotations

import copy
import os
import shutil
from array import array
from functools import cache
from importlib.metadata import version
from itertools import islice
from pathlib import Path

import numpy as np
from platformdirs import user_cache_path
from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier
from py3langid.modelio import load_model

# Below this many letters a guess is noise: a short title proves nothing either way.
MIN_LETTERS = 40
CONFIDENT = 0.9
# The user's cache folder (~/.cache/resource-site/ on Linux): one copy for every project and test.
MODEL_CACHE = user_cache_path("resource-site") / "language-model"


def base_code(code: str) -> str:
    return code.split("-")[0].split("_")[0].lower()


class LanguageGuesser:
    """Chooses among the site's own languages only, which makes short texts reliable."""

    def __init__(self, codes: list[str], model_cache: Path | None = MODEL_CACHE) -> None:
        """`model_cache` is a folder that keeps the model decompressed between runs (None: none)."""
        # set_languages rebuilds the copy's tables from the shared full model; the model stays whole.
        self._identifier = copy.copy(_full_identifier(model_cache))
        self.supported = sorted({base_code(c) for c in codes} & set(self._identifier.nb_classes))
        self._identifier.set_languages(self.supported)

    def can_check(self, code: str) -> bool:
        return base_code(code) in self.supported and len(self.supported) > 1

    def guess(self, text: str) -> tuple[str, float] | None:
        """The most likely language and its probability, or None for a text too short to tell."""
        if len(list(islice(filter(str.isalpha, text), MIN_LETTERS))) < MIN_LETTERS:
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


MODEL_PARTS = ("ptc", "pc", "classes", "nextmove", "nextmove_row", "out_feat")
ARRAY_TYPES = {2: "H", 4: "I", 8: "L"}  # py3langid's tables are stdlib arrays of these


@cache
def _full_identifier(model_cache: Path | None) -> LanguageIdentifier:
    """py3langid's model over all its languages, read once per process; each guesser narrows a copy.

    The model ships LZMA-compressed, and decompressing it takes most of a second. With a
    `model_cache`, the first run keeps its tables there as .npy files (66 MB) and later runs map
    them: a few milliseconds, and forked processes share the pages."""
    folder = model_cache / f"py3langid-{version('py3langid')}" if model_cache is not None else None
    kept = _read_kept(folder) if folder is not None else None
    ptc, pc, classes, nextmove, nextmove_row, out_feat = kept or load_model(MODEL_DIR / MODEL_FILE)
    if folder is not None and kept is None:
        _keep(folder, (ptc, pc, classes, nextmove, nextmove_row, out_feat))
    return LanguageIdentifier(
        np.asarray(ptc), np.asarray(pc), classes, nextmove, out_feat, norm_probs=True, tk_row=nextmove_row
    )


def _read_kept(folder: Path) -> tuple[object, ...] | None:
    try:
        parts = {name: np.load(folder / f"{name}.npy", mmap_mode="r", allow_pickle=False) for name in MODEL_PARTS}
    except FileNotFoundError:  # not kept yet
        return None
    except (OSError, ValueError):  # cut short: decompressed and kept again
        shutil.rmtree(folder, ignore_errors=True)
        return None
    table = {name: array(ARRAY_TYPES[parts[name].dtype.itemsize], parts[name].tobytes()) for name in MODEL_PARTS[3:5]}
    return (
        parts["ptc"],
        parts["pc"],
        parts["classes"].tolist(),
        table["nextmove"],
        table["nextmove_row"],
        parts["out_feat"].tolist(),
    )


def _keep(folder: Path, model: tuple[object, ...]) -> None:
    """Written beside, then renamed into place: a run that reads it sees all of it or none."""
    writing = folder.with_name(f"{folder.name}.{os.getpid()}")
    try:
        writing.mkdir(parents=True, exist_ok=True)
        for name, part in zip(MODEL_PARTS, model, strict=True):
            np.save(writing / f"{name}.npy", np.asarray(part), allow_pickle=False)
        writing.rename(folder)
    except OSError:  # another run kept it first, or the disk is full: the model works without it
        pass
    finally:
        shutil.rmtree(writing, ignore_errors=True)

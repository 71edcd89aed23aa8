"""Material for MkDocs' own interface strings and settings per language (its language files).

overrides/partials/languages/<code>.html adds a language Material lacks, with the same keys.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import material

ENTRY = re.compile(r'^\s*"(?P<key>[\w.]+)":\s*(?P<value>".*")\s*,?\s*$', re.M)
LANGUAGES = Path(material.__file__).parent / "templates" / "partials" / "languages"
SOURCE_LANGUAGE = "en"  # Material's strings are written in English; other files translate them


@cache
def material_strings(code: str, path: Path | None = None) -> dict[str, str]:
    """The `"key": "value"` entries of a language file (Material's own, or `path`)."""
    path = path or LANGUAGES / f"{code}.html"
    if not path.is_file():
        return {}
    return {m["key"]: json.loads(m["value"]) for m in ENTRY.finditer(path.read_text(encoding="utf-8"))}


def has_material_language(code: str) -> bool:
    return (LANGUAGES / f"{code}.html").is_file()


def language_settings(code: str, overrides_dir: Path) -> dict[str, str]:
    """What Material uses for a language: its own file, then ours in overrides/, English filling gaps."""
    settings = dict(material_strings(SOURCE_LANGUAGE))
    settings.update(material_strings(code))
    settings.update(material_strings(code, overrides_dir / "partials" / "languages" / f"{code}.html"))
    return settings


def translations_by_english(code: str) -> dict[str, str]:
    """Material's translation of each of its English strings into one language."""
    english, translated = material_strings(SOURCE_LANGUAGE), material_strings(code)
    return {english[key]: value for key, value in translated.items() if key in english}

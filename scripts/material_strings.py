"""Pre-fills a catalog with Material's own translations of its interface strings.

overrides/partials/languages/from-catalog.html asks our catalogs for Material's strings so
languages Material lacks get them; for languages Material has, nobody should retype them.

    python -m scripts.material_strings CODE [CODE ...]
"""

from __future__ import annotations

import json
import re
import sys
from functools import cache
from pathlib import Path

import material
from babel.messages.pofile import write_po

from scripts.catalogs import catalog_path, read_catalog
from scripts.project import Project

ENTRY = re.compile(r'^\s*"(?P<key>[\w.]+)":\s*(?P<value>".*")\s*,?\s*$', re.M)
LANGUAGES = Path(material.__file__).parent / "templates" / "partials" / "languages"


@cache
def material_strings(code: str, path: Path | None = None) -> dict[str, str]:
    """The `"key": "value"` entries of a language file (Material's own, or `path`)."""
    path = path or LANGUAGES / f"{code}.html"
    if not path.is_file():
        return {}
    return {m["key"]: json.loads(m["value"]) for m in ENTRY.finditer(path.read_text(encoding="utf-8"))}


def language_settings(code: str, overrides_dir: Path) -> dict[str, str]:
    """What Material uses for a language: its own file, then ours in overrides/, English filling gaps."""
    settings = dict(material_strings("en"))
    settings.update(material_strings(code))
    settings.update(material_strings(code, overrides_dir / "partials" / "languages" / f"{code}.html"))
    return settings


def prefill(project: Project, code: str) -> int:
    """Fill untranslated Material strings in one catalog; return how many were filled."""
    english, translated = material_strings("en"), material_strings(code)
    by_english = {english[key]: value for key, value in translated.items() if key in english}
    path = catalog_path(project, code)
    catalog = read_catalog(path)
    filled = 0
    for message in catalog:
        if message.id and not message.string and message.id in by_english:
            message.string = by_english[message.id]
            filled += 1
    with path.open("wb") as handle:
        write_po(handle, catalog, width=90)
    return filled


def main(argv: list[str]) -> int:
    project = Project(Path.cwd())
    for code in argv:
        print(f"{code}: {prefill(project, code)} strings filled from Material")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

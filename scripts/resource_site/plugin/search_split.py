"""One search index per language, so a search from a Spanish page answers with Spanish pages.

static-i18n writes one index for every language at search/search_index.json. After the
build this splits it into <language>/search/search_index.json, each with the search
settings Material itself uses for that language (lunr language, pipeline, separator), and
the forms a reader may type for its words (plugin/search_forms.py).
"""

from __future__ import annotations

import json
from pathlib import Path

from resource_site.content.material_strings import language_settings
from resource_site.plugin.search_forms import PUNCTUATION, with_forgiving_forms


def search_settings(code: str, overrides_dir: Path) -> dict[str, object]:
    """Material's search settings for a language (lunr language, pipeline, separator)."""
    settings = language_settings(code, overrides_dir)
    return {
        "lang": [settings["search.config.lang"]],
        "pipeline": [step for step in str(settings["search.config.pipeline"]).split(",") if step.strip()],
        "separator": with_punctuation(str(settings["search.config.separator"])),
    }


def with_punctuation(separator: str) -> str:
    """Add our scripts' punctuation to a separator of the form `[...]+`; leave any other form
    alone. Material's separators for languages without a lunr trimmer (Arabic, Urdu, Bengali,
    Korean…) split on spaces only, so "(IEP)" would not match "IEP"."""
    if separator.startswith("[") and separator.endswith("]+"):
        return separator[:-2] + PUNCTUATION + "]+"
    return separator


def split_search_index(
    site_dir: Path, codes: list[str], default: str, overrides_dir: Path, with_script: bool = False
) -> dict[str, int]:
    """Rewrite the shared index as one index per language; return how many entries each got.

    `with_script` also writes search_index.js, which Material loads when opened from disk."""
    shared = site_dir / "search" / "search_index.json"
    index = json.loads(shared.read_text(encoding="utf-8"))
    others = [code for code in codes if code != default]
    counts: dict[str, int] = {}
    for code in codes:
        prefix = "" if code == default else f"{code}/"
        if code == default:
            docs = [doc for doc in index["docs"] if not any(doc["location"].startswith(f"{o}/") for o in others)]
        else:
            docs = [
                {**doc, "location": doc["location"][len(prefix) :]}
                for doc in index["docs"]
                if doc["location"].startswith(prefix)
            ]
        config = {**index["config"], **search_settings(code, overrides_dir)}
        target = site_dir / prefix / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        data = json.dumps(with_forgiving_forms({"config": config, "docs": docs}, code), ensure_ascii=False)
        target.write_text(data, encoding="utf-8")
        if with_script:
            target.with_suffix(".js").write_text(f"var __index = {data}", encoding="utf-8")
        counts[code] = len(docs)
    return counts

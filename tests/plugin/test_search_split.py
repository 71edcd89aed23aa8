"""The per-language search index, split from static-i18n's shared one."""

from __future__ import annotations

import json
from pathlib import Path

from resource_site.plugin.search_forms import BOOST, FIELD
from resource_site.plugin.search_split import search_settings, split_search_index, with_punctuation
from tests.conftest import ROOT

OVERRIDES = ROOT / "overrides"
SHARED = {
    "config": {"lang": ["en", "es", "zh"], "separator": "[\\s\\-]+", "pipeline": ["stopWordFilter"], "fields": {}},
    "docs": [
        {"location": "", "title": "Home", "text": "therapy"},
        {"location": "school-therapy/#purpose", "title": "Purpose", "text": "school"},
        {"location": "es/", "title": "Inicio", "text": "terapia"},
        {"location": "es/school-therapy/", "title": "En la escuela", "text": "escuela"},
        {"location": "zh/", "title": "首页", "text": "治疗"},
        {"location": "espanol-page/", "title": "An English page whose name starts with es", "text": "x"},
    ],
}


def split(tmp_path: Path) -> dict[str, dict[str, object]]:
    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "search_index.json").write_text(json.dumps(SHARED), encoding="utf-8")
    split_search_index(tmp_path, ["en", "es", "zh"], "en", OVERRIDES)
    return {
        code: json.loads((tmp_path / prefix / "search" / "search_index.json").read_text(encoding="utf-8"))
        for code, prefix in (("en", ""), ("es", "es"), ("zh", "zh"))
    }


def test_each_language_gets_only_its_own_pages(tmp_path: Path) -> None:
    indexes = split(tmp_path)
    assert [d["location"] for d in indexes["en"]["docs"]] == ["", "school-therapy/#purpose", "espanol-page/"]
    assert [d["location"] for d in indexes["es"]["docs"]] == ["", "school-therapy/"]
    assert [d["title"] for d in indexes["zh"]["docs"]] == ["首页"]


def test_each_index_uses_materials_settings_for_its_language(tmp_path: Path) -> None:
    indexes = split(tmp_path)
    assert indexes["es"]["config"]["lang"] == ["es"]
    assert indexes["en"]["config"]["pipeline"] == ["stopWordFilter"]
    assert "\\u200b" in indexes["zh"]["config"]["separator"]  # jieba's word marks
    assert indexes["zh"]["config"]["fields"] == {FIELD: {"boost": BOOST}}  # Material's, and the forms a reader types


def test_languages_material_lacks_use_our_language_file() -> None:
    haitian = search_settings("ht", OVERRIDES)
    assert haitian["lang"] == ["en"]
    assert haitian["pipeline"] == []


def test_separator_splits_punctuation_of_every_script() -> None:
    import re

    separator = re.compile(with_punctuation("[\\s\\-]+"))
    assert separator.split("(IEP)") == ["", "IEP", ""]
    assert separator.split("خطة 504، الفريق") == ["خطة", "504", "الفريق"]
    assert separator.split("学校。治疗") == ["学校", "治疗"]
    assert with_punctuation("\\s+") == "\\s+"

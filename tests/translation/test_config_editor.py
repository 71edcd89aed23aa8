"""The one editor of mkdocs.yml's language list refuses what it cannot edit, saying where."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from resource_site.translation.config_editor import ConfigEditError, add_language, build_language

CONFIG = """\
plugins:
  site-i18n:
    languages:
      - locale: en
        name: English
        default: true
        build: true
      - locale: so
        name: Soomaali
        # Not built until every page and key point is translated: `make publish-language CODE=so`.
        build: false
"""


def test_adds_a_language_unbuilt_and_builds_it(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text(CONFIG, encoding="utf-8")
    add_language(config, "hmn", "Hmoob")
    assert config.read_text(encoding="utf-8").endswith(
        "      - locale: hmn\n        name: Hmoob\n"
        "        # site_name: the site's name in this language (still to translate)\n"
        "        # Not built until every page and key point is translated: `make publish-language CODE=hmn`.\n"
        "        build: false\n"
    )
    build_language(config, "so")
    assert "      - locale: so\n        name: Soomaali\n        build: true\n" in config.read_text(encoding="utf-8")


def test_no_language_list(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: x\n", encoding="utf-8")
    with pytest.raises(ConfigEditError) as raised:
        add_language(config, "so", "Soomaali")
    assert str(raised.value.finding) == (
        "mkdocs.yml:1: there is no i18n `languages:` list to add the language to — restore mkdocs.yml from git"
    )


def test_building_a_language_not_in_the_list(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text(CONFIG, encoding="utf-8")
    with pytest.raises(ConfigEditError) as raised:
        build_language(config, "fr")
    assert str(raised.value.finding) == "mkdocs.yml:1: 'fr' is not in the languages list — run `make new-language`"


@pytest.mark.parametrize(
    "text", ["Soomaali", "C:\\new", "'Quoted", "- x", "On", "null", "1.0", 'Thérapie "à l’école"', "中文（简体）"]
)
def test_a_name_from_the_website_form_reads_back_as_written(tmp_path: Path, text: str) -> None:
    """Names come from a web form now: YAML must read them back as the very same text."""
    config = tmp_path / "mkdocs.yml"
    config.write_text(CONFIG, encoding="utf-8")
    add_language(config, "hmn", text, site_name=text)
    entry = yaml.safe_load(config.read_text(encoding="utf-8"))["plugins"]["site-i18n"]["languages"][-1]
    assert (entry["name"], entry["site_name"]) == (text, text)

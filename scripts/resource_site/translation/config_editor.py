"""The one editor of mkdocs.yml's language list: add a language, switch one on for the build.

It edits the text (comments and layout stay as the maintainers wrote them) and expects each
language in block style, one setting per line, as mkdocs.yml has them:

      - locale: es
        name: Español
        build: true
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml

from resource_site.findings import Finding, finding

BLOCK_ENTRY = re.compile(r"^(?P<indent> *)- locale: *(?P<code>\S+) *\n(?:(?P=indent)  .*\n)*", re.M)
FLOW_ENTRY = re.compile(r"^ *- *\{.*\blocale\s*:\s*(?P<code>[^,}\s]+)", re.M)
NOT_BUILT_NOTE = "# Not built until every page and key point is translated"
NO_SITE_NAME_NOTE = "# site_name: the site's name in this language (still to translate)"


class ConfigEditError(Exception):
    """mkdocs.yml cannot be edited as asked; `finding` says where and what to do."""

    def __init__(self, found: Finding) -> None:
        super().__init__(str(found))
        self.finding = found


def check_editable(config_file: Path) -> None:
    """Raise ConfigEditError now if the language list could not be edited later."""
    _refuse_flow_style(config_file, config_file.read_text(encoding="utf-8"))


def _refuse_flow_style(config_file: Path, text: str) -> None:
    for match in FLOW_ENTRY.finditer(text):
        line = text[: match.start()].count("\n") + 1
        raise ConfigEditError(
            finding(
                config_file.name,
                line,
                f"the language '{match.group('code')}' is written on one line ({{…}})",
                "write it as `- locale: …` with `name:` and `build:` on lines of their own, like the others",
                "config",
            )
        )


def add_language(config_file: Path, code: str, name: str, site_name: str = "") -> None:
    """Append a language to the i18n plugin's list, not built until it is complete (and until it
    has the site's name in its language)."""
    text = config_file.read_text(encoding="utf-8")
    _refuse_flow_style(config_file, text)
    entries = list(BLOCK_ENTRY.finditer(text))
    if not entries:
        raise ConfigEditError(
            finding(
                config_file.name,
                1,
                "there is no i18n `languages:` list to add the language to",
                "restore mkdocs.yml from git",
                "config",
            )
        )
    last, indent = entries[-1], entries[-1].group("indent")
    site_name_line = f"site_name: {yaml_string(site_name)}" if site_name else NO_SITE_NAME_NOTE
    entry = (
        f"{indent}- locale: {code}\n{indent}  name: {yaml_string(name)}\n{indent}  {site_name_line}\n"
        f"{indent}  {NOT_BUILT_NOTE}: `make publish-language CODE={code}`.\n"
        f"{indent}  build: false\n"
    )
    config_file.write_text(text[: last.end()] + entry + text[last.end() :], encoding="utf-8")


def yaml_string(text: str) -> str:
    """`text` as a YAML scalar that reads back as exactly `text`: plain when that is safe (no
    quote, backslash or leading dash; not a word YAML reads as true, null or a number), else in
    double quotes, escaped as JSON (which YAML reads)."""
    plain = re.fullmatch(r"[^\W\d_][\w ()’.-]*", text) is not None and yaml.safe_load(text) == text
    return text if plain else json.dumps(text, ensure_ascii=False)


def build_language(config_file: Path, code: str) -> None:
    """Set `build: true` on a language (and drop the note that it is not built yet)."""
    text = config_file.read_text(encoding="utf-8")
    _refuse_flow_style(config_file, text)
    entry = next((m for m in BLOCK_ENTRY.finditer(text) if m.group("code") == code), None)
    if entry is None:
        raise ConfigEditError(
            finding(config_file.name, 1, f"'{code}' is not in the languages list", "run `make new-language`", "config")
        )
    block = re.sub(rf"^ *{re.escape(NOT_BUILT_NOTE)}.*\n", "", entry.group(0), flags=re.M)
    block = re.sub(r"^( *)build: *false *$", r"\1build: true", block, flags=re.M)
    if not re.search(r"^ *build:", block, flags=re.M):
        block += f"{entry.group('indent')}  build: true\n"
    config_file.write_text(text[: entry.start()] + block + text[entry.end() :], encoding="utf-8")

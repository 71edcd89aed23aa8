"""A language's term base: locales/<language>/terms.yml, read with the line of every value.

The glossary page of a language (docs/<language>/glossary.md) gives each key term's approved
rendering and its meaning; the term base adds what a check needs and a translator decides,
keyed by the glossary's ids:

    early-intervening-services:
      accepted: [apoyo temprano en la escuela]   # other forms that are right (inflections…)
      forbidden:                                 # renderings that must never be used
        - rendering: intervención temprana
          reason: the name of the program for babies and toddlers (IDEA Part C)
      confirmed: false                           # no fluent reviewer has confirmed it yet
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from resource_site.content.yaml_errors import compose, yaml_error_line, yaml_problem

FILE = "terms.yml"
KEYS = {"accepted", "forbidden", "confirmed"}
FORBIDDEN_KEYS = {"rendering", "reason"}


@dataclass(frozen=True)
class Forbidden:
    rendering: str
    reason: str
    line: int


@dataclass(frozen=True)
class TermEntry:
    id: str
    line: int
    accepted: tuple[str, ...] = ()
    forbidden: tuple[Forbidden, ...] = ()
    confirmed: bool = True


@dataclass
class TermBase:
    path: Path
    entries: dict[str, TermEntry] = field(default_factory=dict)
    problems: list[tuple[int, str, str]] = field(default_factory=list)  # line, what is wrong, how to fix


def term_base_path(locales_dir: Path, code: str) -> Path:
    return locales_dir / code / FILE


def read_term_base(path: Path) -> TermBase:
    """The term base at `path` (empty when the language has none yet), with its problems."""
    base = TermBase(path)
    if not path.is_file():
        return base
    try:
        root = compose(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        base.problems.append((1, "the term base is not UTF-8", "save it with UTF-8 encoding"))
        return base
    except yaml.YAMLError as error:
        base.problems.append((yaml_error_line(error), f"invalid YAML: {yaml_problem(error)}", "fix the YAML"))
        return base
    if root is None:
        return base
    if not isinstance(root, yaml.MappingNode):
        base.problems.append((1, "the term base is not a list of terms", "start each term with its glossary id:"))
        return base
    for key_node, value_node in root.value:
        entry = _entry(str(key_node.value), key_node.start_mark.line + 1, value_node, base)
        if entry is not None:
            base.entries[entry.id] = entry
    return base


def _entry(term_id: str, line: int, node: yaml.Node, base: TermBase) -> TermEntry | None:
    if not isinstance(node, yaml.MappingNode):
        base.problems.append((line, f"term {term_id} is not a set of settings", "write accepted, forbidden, confirmed"))
        return None
    accepted: tuple[str, ...] = ()
    forbidden: list[Forbidden] = []
    confirmed = True
    for key_node, value_node in node.value:
        key, at = str(key_node.value), key_node.start_mark.line + 1
        if key not in KEYS:
            base.problems.append((at, f"unknown setting `{key}` for {term_id}", f"use {', '.join(sorted(KEYS))}"))
        elif key == "accepted":
            accepted = tuple(_texts(value_node, at, f"accepted forms of {term_id}", base))
        elif key == "confirmed":
            confirmed = value_node.value != "false"
            if value_node.value not in ("true", "false"):
                base.problems.append((at, f"confirmed for {term_id} is not true or false", "write true or false"))
        elif isinstance(value_node, yaml.SequenceNode):
            forbidden += [f for item in value_node.value if (f := _forbidden(item, term_id, base)) is not None]
        else:
            base.problems.append((at, f"forbidden for {term_id} is not a list", "write `- rendering: …` items"))
    return TermEntry(term_id, line, accepted, tuple(forbidden), confirmed)


def _forbidden(node: yaml.Node, term_id: str, base: TermBase) -> Forbidden | None:
    line = node.start_mark.line + 1
    values = (
        {str(k.value): v for k, v in node.value if isinstance(v, yaml.ScalarNode)}
        if isinstance(node, yaml.MappingNode)
        else {}
    )
    if set(values) != FORBIDDEN_KEYS or not all(str(v.value).strip() for v in values.values()):
        base.problems.append(
            (line, f"a forbidden rendering of {term_id} needs a rendering and a reason", "write both, as text")
        )
        return None
    return Forbidden(str(values["rendering"].value), str(values["reason"].value), line)


def _texts(node: yaml.Node, line: int, what: str, base: TermBase) -> list[str]:
    if isinstance(node, yaml.SequenceNode) and all(isinstance(item, yaml.ScalarNode) for item in node.value):
        return [str(item.value) for item in node.value]
    base.problems.append((line, f"{what} are not a list of texts", "write them as [form one, form two]"))
    return []

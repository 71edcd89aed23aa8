"""Reading YAML quickly, and where a YAML error is, for a person: an unclosed bracket or quote is
reported by PyYAML at the end of the text, but its cause is where it opened (the error's context
mark)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import yaml

Read = TypeVar("Read")


def safe_load(text: str) -> object:
    """`yaml.safe_load` (every page's front matter and key-point attributes are read in each run)."""
    return _libyaml_first(yaml.load, text)


def compose(text: str) -> yaml.Node | None:
    """`yaml.compose`: the nodes, with their lines (term bases, branding.yml)."""
    return _libyaml_first(yaml.compose, text)


def _libyaml_first(read: Callable[..., Read], text: str) -> Read:
    """`read(text)` with PyYAML's safe loader in C (libyaml, several times faster) when PyYAML has
    it; a text it refuses is read again by the pure-Python loader, so an error and its marks are
    always PyYAML's own."""
    loader = getattr(yaml, "CSafeLoader", None)
    if loader is not None:
        try:
            return read(text, Loader=loader)
        except yaml.YAMLError:
            pass
    return read(text, Loader=yaml.SafeLoader)


def yaml_error_line(error: yaml.YAMLError, first_line: int = 1) -> int:
    """The 1-based line of the cause, in a text whose first line is `first_line`."""
    mark = getattr(error, "context_mark", None) or getattr(error, "problem_mark", None)
    return mark.line + first_line if mark else first_line


def yaml_problem(error: yaml.YAMLError) -> str:
    return str(getattr(error, "problem", None) or str(error).splitlines()[0])

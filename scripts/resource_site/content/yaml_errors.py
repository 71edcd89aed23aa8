"""Where a YAML error is, for a person: an unclosed bracket or quote is reported by PyYAML at the
end of the text, but its cause is where it opened (the error's context mark)."""

from __future__ import annotations

import yaml


def yaml_error_line(error: yaml.YAMLError, first_line: int = 1) -> int:
    """The 1-based line of the cause, in a text whose first line is `first_line`."""
    mark = getattr(error, "context_mark", None) or getattr(error, "problem_mark", None)
    return mark.line + first_line if mark else first_line


def yaml_problem(error: yaml.YAMLError) -> str:
    return str(getattr(error, "problem", None) or str(error).splitlines()[0])

"""Front matter (the `---` YAML block at the top of a page), read with line numbers for errors."""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml

from resource_site.content.yaml_errors import safe_load, yaml_error_line, yaml_problem

# The keys a page's front matter may hold. Others (`template: redirect.html`, `hide: …`) would
# change what the theme does with the page: `make check` names them and the build drops them.
FRONT_MATTER_KEYS = ("title", "description", "translated_from", "reviewed_by", "reviewed_on")


@dataclass
class FrontMatter:
    data: dict[str, object] = field(default_factory=dict)
    body: str = ""
    body_line: int = 1  # the line of the file where the body starts
    error: str = ""
    error_line: int = 0


def split_front_matter(text: str) -> FrontMatter:
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip() != "---":
        return FrontMatter(body=text)
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            raw = "".join(lines[1:index])
            body = "".join(lines[index + 1 :])
            try:
                data = safe_load(raw) or {}
            except yaml.YAMLError as error:
                # An unclosed bracket is reported at the end of the block; its start is the cause.
                line, problem = yaml_error_line(error, first_line=2), yaml_problem(error)
                return FrontMatter(
                    body=body, body_line=index + 2, error=f"invalid front matter: {problem}", error_line=line
                )
            if not isinstance(data, dict):
                return FrontMatter(
                    body=body,
                    body_line=index + 2,
                    error="front matter is not a list of `key: value` lines",
                    error_line=2,
                )
            return FrontMatter(data=data, body=body, body_line=index + 2)
    return FrontMatter(body=text, error="front matter starts with `---` but never ends", error_line=1)

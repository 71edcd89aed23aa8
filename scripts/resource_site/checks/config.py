"""Checks on mkdocs.yml's languages: valid codes, and pages that run in the language's direction."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator

from mkdocs.exceptions import Abort, ConfigurationError

from resource_site.content.language_codes import LANGUAGE_TAG, cldr_direction
from resource_site.content.plain_text import FIX, markup_in
from resource_site.findings import Finding, finding, line_of
from resource_site.project import Project

CHECK = "config"
YAML_LINE = re.compile(r"line (\d+), column \d+")


class _Errors(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def config_error(project: Project) -> Finding | None:
    """A configuration MkDocs or static-i18n refuses, as one finding (nothing else can run)."""
    if not project.config_file.is_file():
        return finding(
            project.config_file.name,
            1,
            f"there is no {project.config_file.name} in {project.root}",
            "run this in the project folder (the one with mkdocs.yml), or give it with --root",
            CHECK,
        )
    errors = _Errors()  # MkDocs logs the details, then raises a bare "Aborted"
    logger = logging.getLogger("mkdocs")
    logger.addHandler(errors)
    try:
        project.languages  # noqa: B018 - loading it is the check
    except (Abort, ConfigurationError, ValueError, KeyError) as error:
        message = " ".join(" ".join([*errors.messages, str(error)]).split())
        yaml_line = YAML_LINE.search(message)
        line = int(yaml_line.group(1)) if yaml_line else _line_of_quoted_value(project, message)
        fix = "fix this line"
        if "locale" in message or "language" in message.lower():
            fix += "; language codes look like es, hmn, zh-Hant or pt-BR"
        return finding("mkdocs.yml", line, f"MkDocs cannot read the configuration: {message}", fix, CHECK)
    finally:
        logger.removeHandler(errors)
    return None


def _line_of_quoted_value(project: Project, message: str) -> int:
    """The line of mkdocs.yml holding a value the message quotes (a bad locale, first of all)."""
    quoted = re.findall(r"'([^']+)'", message)
    for needle in [f"locale: {value}" for value in quoted] + [f"{value}:" for value in quoted]:
        line = line_of(project.config_file, needle, default=0)
        if line:
            return line
    return 1


def check_languages(project: Project) -> Iterator[Finding]:
    for language in project.languages:
        line = project.config_line(language.code)
        if not LANGUAGE_TAG.match(language.code):
            yield finding(
                "mkdocs.yml",
                line,
                f"language code '{language.code}' is not one the site can build",
                "use a BCP 47 code, optionally with script or region: so, hmn, zh-Hant",
                CHECK,
            )
            continue
        for field, value in (("name", language.name), ("site_name", language.site_name)):
            found = markup_in(value or "")
            if found is not None:
                yield finding(
                    "mkdocs.yml",
                    line_of(project.config_file, f"{field}: {value}", default=line),
                    f"the {field} of '{language.code}' holds markup ({found})",
                    FIX,
                    CHECK,
                )
        if language.build and not language.default and not language.site_name:
            yield finding(
                "mkdocs.yml",
                line,
                f"'{language.code}' has no site name of its own: its readers would see the English one",
                f"add `site_name:` with the site's name in {language.name}, under `locale: {language.code}`",
                CHECK,
            )
        expected = cldr_direction(language.code)
        # Material's language file (or ours); without one, Material silently shows left to right.
        shown = project.direction(language.code)
        if expected and shown != expected:
            yield finding(
                "mkdocs.yml",
                line,
                f"'{language.code}' is written {_words(expected)} but its pages would show {_words(shown)}",
                f'add overrides/partials/languages/{language.code}.html with "direction": "{expected}" '
                "(make new-language writes it)",
                CHECK,
            )


def _words(direction: str) -> str:
    return "right to left" if direction == "rtl" else "left to right"

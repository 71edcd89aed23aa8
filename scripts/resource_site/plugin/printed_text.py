"""Plain text escaped where the theme prints it as it is.

Material's templates print a page's title and description, the language names and interface
strings without escaping them (MkDocs runs Jinja without autoescape), into
elements and double-quoted attributes. `make check` refuses markup in all of them; escaping them
too means a value that slips past a check still prints as text. Escaped values are `Markup`, so
escaping twice (or Jinja's `| e`) changes nothing. The apostrophe stays as it is: every
attribute the theme prints is double-quoted, and Material's JavaScript shows some interface
strings as text, where an entity would be visible.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

from babel.support import NullTranslations
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

PRINTED_META = ("title", "description", "author")  # what Material prints from front matter


def escaped(value: str) -> Markup:
    if isinstance(value, Markup):
        return value
    return Markup(value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&#34;"))


def escape_page_texts(page: Page) -> None:
    """The page's title (in nav, header, footer and <title>) and the front matter the theme prints."""
    for key in PRINTED_META:
        if isinstance(page.meta.get(key), str):
            page.meta[key] = escaped(page.meta[key])
    if isinstance(page.title, str):
        page.title = escaped(page.title)


def escape_language_names(config: MkDocsConfig) -> None:
    """The language switcher's names. (The site name stays a str: static-i18n sets it per
    language only over a str. `make check` refuses markup in it, and finished_page proves
    nothing it could print runs.)"""
    alternates: list[dict[str, Any]] = config.extra.get("alternate") or []
    for alternate in alternates:
        if isinstance(alternate.get("name"), str):
            alternate["name"] = escaped(alternate["name"])


def escaped_gettext(translations: NullTranslations) -> tuple[Callable[[str], str], Callable[[str, str, int], str]]:
    """gettext and ngettext for Jinja that return escaped text. With old-style gettext, Jinja
    formats no string that takes no variables, so a literal % ("100 %") prints as it is."""

    @cache  # a page asks for the same few strings hundreds of times
    def gettext(message: str) -> str:
        return escaped(translations.gettext(message))

    def ngettext(singular: str, plural: str, count: int) -> str:
        return escaped(translations.ngettext(singular, plural, count))

    return gettext, ngettext

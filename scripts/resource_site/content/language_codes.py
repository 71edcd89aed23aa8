"""Language codes: what BCP 47 allows, and what direction a language runs."""

from __future__ import annotations

import re

from babel import Locale, UnknownLocaleError

# BCP 47 language[-Script][-REGION], as language folders use it: es, zh-Hant, pt-BR.
LANGUAGE_TAG = re.compile(r"^(?P<language>[a-z]{2,3})(?:-(?P<script>[A-Z][a-z]{3}))?(?:-(?P<region>[A-Z]{2}|\d{3}))?$")


def babel_locale(code: str) -> Locale | None:
    try:
        return Locale.parse(code.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return None


def cldr_direction(code: str) -> str | None:
    """'rtl' or 'ltr' as the Unicode CLDR (through Babel) knows the language, or None."""
    locale = babel_locale(code)
    if locale is None:
        return None
    return "rtl" if locale.character_order == "right-to-left" else "ltr"

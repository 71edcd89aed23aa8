"""Interface strings of our templates and generated pages, per language, from the compiled
gettext catalogs in locales/<language>/LC_MESSAGES/messages.mo."""

from __future__ import annotations

import logging
from pathlib import Path

from babel.support import NullTranslations, Translations

DOMAIN = "messages"


class InterfaceStrings:
    """Loads each language's catalog once per build run; the source language needs none."""

    def __init__(self, locales_dir: Path, source_language: str, log: logging.Logger) -> None:
        self.locales_dir = locales_dir
        self.source_language = source_language
        self.log = log
        self._loaded: dict[str, NullTranslations] = {}

    def __call__(self, code: str) -> NullTranslations:
        if code not in self._loaded:
            loaded = Translations.load(str(self.locales_dir), [code], domain=DOMAIN)
            if type(loaded) is NullTranslations and code != self.source_language:
                self.log.warning(
                    "No compiled catalog for '%s' in %s: interface strings show in English. "
                    "Run `make catalogs` (it compiles locales/%s/LC_MESSAGES/messages.po).",
                    code,
                    self.locales_dir,
                    code,
                )
            self._loaded[code] = loaded
        return self._loaded[code]

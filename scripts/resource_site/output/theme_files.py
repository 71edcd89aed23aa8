"""The theme's files, listed once per configuration instead of once per language.

Before each build MkDocs lists every file of the theme (Files.add_files_from_theme) and keeps
the static ones. Material's templates folder holds some 14,500 files, 14,300 of them icons under
its hidden `.icons` folder, which MkDocs' own filter then drops; static-i18n builds each language
with the same configuration, so the same walk and filter ran eleven times. Here a configuration's
theme lists its files once, without the hidden ones (MkDocs' `.*` and `*/.*` patterns drop them
anyway, and nothing else lists templates), for every language built with it. A new
configuration (each run, each rebuild of `make serve`) lists them afresh.
"""

from __future__ import annotations

import jinja2
from mkdocs.theme import Theme


def hidden(name: str) -> bool:
    return any(part.startswith(".") for part in name.split("/"))


class ListedOnceLoader(jinja2.FileSystemLoader):
    """Jinja's file-system loader, whose listing is kept in `listing` once made."""

    def __init__(self, searchpath: list[str], listing: list[str]) -> None:
        super().__init__(searchpath)
        self.listing = listing

    def list_templates(self) -> list[str]:
        if not self.listing:
            self.listing += [name for name in super().list_templates() if not hidden(name)]
        return self.listing


class ListedOnceTheme(Theme):
    """MkDocs' theme, the same in everything but the listing of its files."""

    @classmethod
    def of(cls, theme: Theme) -> ListedOnceTheme:
        """This theme, as it was loaded from mkdocs.yml."""
        listed = cls.__new__(cls)
        listed.__dict__.update(theme.__dict__)
        listed.listing = []
        return listed

    listing: list[str]

    def get_env(self) -> jinja2.Environment:
        env = super().get_env()
        env.loader = ListedOnceLoader(self.dirs, self.listing)
        return env

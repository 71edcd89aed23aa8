"""static-i18n as this site uses it: the same plugin, able to build one chosen language at a time.

static-i18n builds the default language, then every other one from inside that build's
on_post_build, all in one process. The check instead builds languages in parallel processes
(output/parallel_build.py): each process asks this plugin for one language per MkDocs build, and
the site-wide files (search index, sitemap) are joined afterwards. Every language stays in each
page's language switcher and alternates, because the language list itself is not narrowed.
"""

from __future__ import annotations

from mkdocs_static_i18n.plugin import I18n

I18N_PLUGIN = "site-i18n"  # the entry point under `mkdocs.plugins` (pyproject.toml)


class SiteLanguages(I18n):
    """static-i18n 1.3.1, plus `build_only`. (Upstream has no option to build a chosen subset of
    the languages; if it gains one, `build_only` and this class can go.)"""

    def build_only(self, code: str) -> None:
        """Make the next `build()` of this configuration build `code` alone, as its own site.

        static-i18n starts a build with its current language and, unless it is already building,
        builds the others from on_post_build; the sitemap and search entries it gathers across
        languages start empty, so this build's files hold this language only."""
        self.current_language = code
        self.building = True
        self.i18n_files_per_language = {}
        self.search_entries = []

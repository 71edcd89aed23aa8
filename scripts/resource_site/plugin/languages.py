"""static-i18n as this site uses it: the same plugin, able to build one chosen language at a time.

static-i18n builds the default language, then every other one from inside that build's
on_post_build, all in one process. The check instead builds languages in parallel processes
(output/parallel_build.py): each process asks this plugin for one language per MkDocs build, and
the site-wide files (search index, sitemap) are joined afterwards. Every language stays in each
page's language switcher and alternates, because the language list itself is not narrowed.
"""

from __future__ import annotations

from typing import Any

from mkdocs.config import config_options
from mkdocs.config.base import ValidationError
from mkdocs_static_i18n.config import I18nPluginConfig, I18nPluginLanguage, Locale
from mkdocs_static_i18n.plugin import I18n

from resource_site.content.language_codes import LANGUAGE_TAG

I18N_PLUGIN = "site-i18n"  # the entry point under `mkdocs.plugins` (pyproject.toml)


class LanguageTag(Locale):
    """A language as BCP 47 writes it: two or three letters (so, hmn, prs, quc), with a script or
    a region (zh-Hant, pt-BR). static-i18n 1.3.1's own option takes two letters only (its RE_LOCALE);
    if upstream accepts BCP 47 tags (three-letter languages), this class and the two configs below
    can go."""

    def run_validation(self, value: object) -> Any:
        value = config_options.Type.run_validation(self, value)  # a string (static-i18n's check, less its pattern)
        if not LANGUAGE_TAG.match(value) and value.lower() != "null":
            raise ValidationError(
                f"'{value}' is not a BCP 47 language code: write it in lower case, with a script or region "
                "if it needs one, like so, hmn, zh-Hant or pt-BR"
            )
        return value


class SiteLanguageConfig(I18nPluginLanguage):
    """static-i18n's options for one language, with a BCP 47 `locale`."""

    locale = LanguageTag(str)


class SiteLanguagesConfig(I18nPluginConfig):
    """static-i18n's options, with BCP 47 languages."""

    build_only_locale = config_options.Optional(LanguageTag(str))
    languages = config_options.ListOfItems(config_options.SubConfig(SiteLanguageConfig, validate=True))


class SiteLanguages(I18n):
    """static-i18n 1.3.1, with BCP 47 language codes and `build_only`. (Upstream has no option to
    build a chosen subset of the languages; if it gains one, `build_only` can go.)"""

    config_class = SiteLanguagesConfig

    def build_only(self, code: str) -> None:
        """Make the next `build()` of this configuration build `code` alone, as its own site.

        static-i18n starts a build with its current language and, unless it is already building,
        builds the others from on_post_build; the sitemap and search entries it gathers across
        languages start empty, so this build's files hold this language only."""
        self.current_language = code
        self.building = True
        self.i18n_files_per_language = {}
        self.search_entries = []

    def reconfigure_search_duplicates(self, search_index_entries: list[dict[str, Any]]) -> None:
        """static-i18n's rule, in time that grows with the entries: drop a language's search entry
        when a default-language entry has its title and text and its address ends the entry's.

        Upstream compares every default-language entry with every other language's (30 languages of
        100 pages: 7 s, in every build). This keeps upstream's result exactly, down to what
        its loop skips (it removes from the list it is walking, so the entry right after a removed
        one is not looked at); when the entries are not laid out as a build lays them out (the
        default language first), upstream's own loop runs."""
        prefixes = tuple(f"{code}/" for code in self.build_languages)
        if not drop_search_duplicates(search_index_entries, prefixes):
            super().reconfigure_search_duplicates(search_index_entries)


def drop_search_duplicates(entries: list[dict[str, Any]], prefixes: tuple[str, ...]) -> bool:
    """Do what upstream's reconfigure_search_duplicates does to `entries`; False (and nothing done)
    when the entries are not the default language's followed by the others', or two of the others'
    could be equal (same title, text and address), or a title or text is not a string."""
    is_other = [entry["location"].startswith(prefixes) for entry in entries]
    first_other = is_other.index(True) if True in is_other else len(entries)
    if not all(is_other[first_other:]):
        return False
    defaults, others = entries[:first_other], entries[first_other:]
    by_words: dict[tuple[Any, Any], list[int]] = {}  # (title, text) → the others' entries that have them, in order
    try:
        default_words = [(entry["title"], entry["text"]) for entry in defaults]
        set(default_words)  # hashable, or upstream's loop
        for place, entry in enumerate(others):
            by_words.setdefault((entry["title"], entry["text"]), []).append(place)
        # list.remove takes the first equal entry, not the one found: upstream's own loop for those
        addressed = [(entry["title"], entry["text"], entry["location"]) for entry in others]
        if len(set(addressed)) < len(addressed):
            return False
    except (TypeError, KeyError):  # a title or text that is not a string, or none
        return False
    following = list(range(1, len(others) + 1))  # the next entry still in the list; len(others): none
    preceding = list(range(-1, len(others) - 1))
    removed: set[int] = set()
    for default, words in zip(defaults, default_words, strict=True):
        skipped = None  # the entry right after one just removed: upstream's walk steps over it
        for place in by_words.get(words, []):
            if place in removed:
                continue
            if place == skipped:
                skipped = None
                continue
            if others[place]["location"].endswith(default["location"]):
                removed.add(place)
                skipped = following[place]
                before, after = preceding[place], following[place]
                if before >= 0:
                    following[before] = after
                if after < len(others):
                    preceding[after] = before
    if removed:
        entries[first_other:] = [entry for place, entry in enumerate(others) if place not in removed]
    return True

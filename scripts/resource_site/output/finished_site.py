"""What is written once for the whole site, after every language is built: one search index per
language, the sitemap's x-default, the center's colours and logo, status.json, our lean scripts and
stylesheets, and the offline-reading worker and manifests.

The plugin calls it after static-i18n's last language (one-process builds: `mkdocs build`,
`mkdocs serve`); the parallel build calls it once it has joined the languages' outputs.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from resource_site.content.branding import Branding, branding_css
from resource_site.output.lean_assets import publish_lean
from resource_site.output.offline_reading import WORKER, ReadingLanguage, write_offline_reading
from resource_site.plugin.search_split import split_search_index
from resource_site.plugin.sitemaps import finish_sitemap
from resource_site.project import Project
from resource_site.translation.reports import status_json
from resource_site.translation.status import LanguageStatus

LOGO_FOLDER = "assets/branding"


@dataclass(frozen=True)
class SiteKind:
    previewing: bool = False  # `mkdocs serve`: no offline worker (it would serve stale pages)
    offline_copy: bool = False  # the offline archive's copy: no worker, search indexes as scripts too


def finish_site(
    project: Project, site: Path, branding: Branding, status: list[LanguageStatus], kind: SiteKind, site_name: str
) -> None:
    """`site_name` is mkdocs.yml's, the name of languages that do not give their own."""
    codes = [language.code for language in project.built_languages]
    default = project.default_language.code
    split_search_index(site, codes, default, project.overrides_dir, kind.offline_copy)
    finish_sitemap(site, default)
    (site / "assets" / "stylesheets" / "branding.css").write_text(branding_css(branding), encoding="utf-8")
    logo = branding.logo
    if logo is not None and logo.is_file():
        (site / LOGO_FOLDER).mkdir(parents=True, exist_ok=True)
        (site / LOGO_FOLDER / logo.name).write_bytes(logo.read_bytes())
    (site / "status.json").write_text(status_json(status) + "\n", encoding="utf-8")
    publish_lean(project.overrides_dir, site)
    if kind.previewing or kind.offline_copy:
        (site / WORKER).unlink(missing_ok=True)
    else:
        write_offline_reading(
            site, reading_languages(project, site_name), branding.color("primary"), app_icons(branding)
        )


def reading_languages(project: Project, site_name: str) -> list[ReadingLanguage]:
    return [
        ReadingLanguage(
            language.code,
            language.prefix,
            language.site_name or site_name,
            project.direction(language.code),
        )
        for language in project.built_languages
    ]


def app_icons(branding: Branding) -> list[dict[str, str]]:
    """The home-screen icons: the center's logo when it has one, and the site's favicon."""
    icons = [{"src": "assets/images/favicon.svg", "sizes": "any", "type": "image/svg+xml"}]
    logo = branding.logo
    if logo is not None and logo.is_file():
        svg = logo.suffix.lower() == ".svg"
        kind = {"src": f"{LOGO_FOLDER}/{logo.name}", "type": "image/svg+xml" if svg else "image/png"}
        icons.insert(0, {**kind, "sizes": "any"} if svg else kind)
    return icons

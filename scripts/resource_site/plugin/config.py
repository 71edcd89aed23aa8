"""The plugin's options, as written under `plugins: - resource-site:` in mkdocs.yml."""

from __future__ import annotations

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config


class ResourceSiteConfig(Config):
    # Downloads linked from every page (the build command makes the files themselves).
    handouts = opt.Type(bool, default=False)
    offline_archive = opt.Type(bool, default=False)

    # Inputs the command line computes once per run, before MkDocs builds anything.
    translation_status = opt.Type(str, default="build/translation-status.json")
    branding = opt.Type(str, default="branding.yml")

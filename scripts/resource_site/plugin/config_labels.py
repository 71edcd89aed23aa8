"""Interface labels that live in MkDocs' configuration, in the reader's language.

Material prints each palette option's `toggle.name` as the colour-scheme button's label, and
the toc extension writes `permalink_title` on every heading's ¶ link. They are interface
strings like any other, so they come from our catalogs: mkdocs.yml gives no text for them, and
this sets them for the language being built (before its pages are rendered)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

DARK_SCHEME = "slate"  # Material's dark scheme; its button switches back to light


def label_config(config: MkDocsConfig, gettext: Callable[[str], str]) -> None:
    palette: list[dict[str, Any]] | dict[str, Any] = config.theme.get("palette") or []
    for option in palette if isinstance(palette, list) else [palette]:
        toggle = option.get("toggle")
        if not isinstance(toggle, dict):
            continue
        if option.get("scheme") == DARK_SCHEME:
            # Translators: the button (a sun) that turns the site's light colours back on.
            toggle["name"] = gettext("Switch to light mode")
        else:
            # Translators: the button (a moon) that turns the site's dark colours on.
            toggle["name"] = gettext("Switch to dark mode")
    toc = config.mdx_configs.setdefault("toc", {})
    # Translators: the tooltip of the ¶ link beside every heading, for sharing that section.
    toc["permalink_title"] = gettext("Permanent link")

"""Small rewrites of a built page that Material's templates do not offer as options."""

from __future__ import annotations

import json
import re

CONFIG_SCRIPT = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)


def language_search_base(html: str, code: str) -> str:
    """Point Material's `base` at the language's folder, where its own search index lives."""

    def rebase(match: re.Match[str]) -> str:
        config = json.loads(match.group(2))
        config["base"] = config["base"].rstrip("/") + f"/{code}/"
        return match.group(1) + json.dumps(config, ensure_ascii=False) + match.group(3)

    return CONFIG_SCRIPT.sub(rebase, html, count=1)


SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
SEARCH_LABEL = re.compile(r'<input type="text" class="md-search__input" name="query" aria-label="([^"]*)"')


def name_search_dialog(html: str) -> str:
    """Material's search dialog has no accessible name; give it the search field's own label."""
    label = SEARCH_LABEL.search(html)
    if not label:
        return html
    return html.replace(SEARCH_DIALOG, SEARCH_DIALOG[:-1] + f' aria-label="{label.group(1)}">', 1)

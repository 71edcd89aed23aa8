"""Small rewrites of a built page's head that Material's templates do not offer as options."""

from __future__ import annotations

import json
import re

CONFIG_SCRIPT = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)
HTML_TAG = re.compile(r"<html lang=\"(?P<lang>[^\"]+)\"")


def language_search_base(html: str, code: str) -> str:
    """Point Material's `base` at the language's folder, where its own search index lives."""

    def rebase(match: re.Match[str]) -> str:
        config = json.loads(match.group(2))
        config["base"] = config["base"].rstrip("/") + f"/{code}/"
        return match.group(1) + json.dumps(config, ensure_ascii=False) + match.group(3)

    return CONFIG_SCRIPT.sub(rebase, html, count=1)


def html_direction(html: str, direction: str) -> str:
    """Material puts `dir` on <body> only; screen readers and selectors look at <html> too."""
    return HTML_TAG.sub(lambda m: f'{m.group(0)} dir="{direction}"', html, count=1)

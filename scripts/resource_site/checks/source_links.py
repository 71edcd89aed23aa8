"""Links in a page's Markdown that leave its language's folder (static-i18n would silently
rewrite them to this language's page, so the built HTML cannot show them)."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator

from resource_site.findings import Finding, finding

MARKDOWN_LINK = re.compile(r"\]\((?P<target>[^)\s]+)(?:\s+\"[^\"]*\")?\)")


def check_cross_language_links(shown: str, code: str, page: str, text: str, codes: list[str]) -> Iterator[Finding]:
    """A link into another language's folder is silently rewritten by static-i18n: catch it here."""
    folder = posixpath.dirname(posixpath.join(code, page))
    for number, line in enumerate(text.splitlines(), start=1):
        for match in MARKDOWN_LINK.finditer(line):
            target = match.group("target").split("#")[0]
            if not target or re.match(r"^[a-z][a-z0-9+.-]*:", target) or target.startswith("/"):
                continue
            resolved = posixpath.normpath(posixpath.join(folder, target))
            top = resolved.split("/")[0]
            if top in codes and top != code:
                yield finding(
                    shown,
                    number,
                    f"link {match.group('target')} points into the '{top}' pages",
                    "link to the page in this language's folder (e.g. `page.md`)",
                    "links",
                )
            elif top == "..":
                yield finding(
                    shown,
                    number,
                    f"link {match.group('target')} leaves the docs folder",
                    "link to a page inside this language's folder",
                    "links",
                )

"""What a reader sees holds no markup left as text: a character reference such as `&para;` or
`&amp;` shown literally (the right-to-left isolation once split `&para;`, and every Arabic and
Urdu heading printed it), or a tag printed as text."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from resource_site.findings import Finding, finding
from resource_site.output.rendered import BuiltPage
from resource_site.project import Project

CHECK = "visible-text"
SHOWN_TEXT = "//body//text()[not(ancestor::script) and not(ancestor::style) and not(ancestor::template)]"
LEFT_AS_TEXT = re.compile(r"&(?:#[0-9]+|#[xX][0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);|</?(?:bdi|span|div|a|p|abbr)\b")


def check_visible_text(project: Project, site_dir: Path, pages: list[BuiltPage]) -> Iterator[Finding]:
    for page in pages:
        shown = " ".join(page.unread.xpath(SHOWN_TEXT))
        found = sorted(set(LEFT_AS_TEXT.findall(shown)))
        if found:
            built = page.path.relative_to(site_dir).as_posix()
            yield finding(
                project.relative(project.source_path(page.language.code, page.page)),
                1,
                f"the page shows markup as text: {', '.join(found[:5])} (in the built {built})",
                "write the character itself in the page, or report a bug in the tooling if the page has none",
                CHECK,
            )

"""Hostile text: a page or interface string must not be able to run script on the site.

Markdown may carry a little HTML (a checklist's <div class="checklist" markdown>); anything
that can run code — <script>, <iframe> and the like, on…= event attributes, javascript: or
data: addresses — is refused with a finding, whoever wrote it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from resource_site.findings import Finding, finding

ALLOWED_TAGS = {
    "a", "abbr", "b", "bdi", "br", "div", "em", "i", "li", "ol", "p", "small", "span", "strong", "sub", "sup", "ul",
}  # fmt: skip
TAG = re.compile(r"<\s*(/?)\s*([A-Za-z][\w:-]*)([^>]*)>")
AUTOLINK = re.compile(r"^<[^>\s]*(?:://|@)")  # <https://…> and <name@example.org> are Markdown links
EVENT_ATTRIBUTE = re.compile(r"\bon[a-z]+\s*=", re.I)
ATTRIBUTE = re.compile(r"([A-Za-z_:][\w:.-]*)\s*(?:=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+))?")
SAFE_ATTRIBUTES = {"class", "id", "markdown", "lang", "dir", "title", "href", "hreflang"}
DANGEROUS_URL = re.compile(r"^\s*(?:javascript|vbscript|data)\s*:", re.I)
MARKDOWN_LINK = re.compile(r"\]\(\s*<?([^)\s>]+)")
CODE_FENCE = re.compile(r"^\s*(```|~~~)")
CODE_SPAN = re.compile(r"`[^`]*`")
CHECK = "hostile-text"


def hostile_markup(text: str) -> Iterator[tuple[int, str]]:
    """(line, problem) for every piece of HTML or address in Markdown that could run script."""
    in_fence = False
    for number, line in enumerate(text.splitlines(), start=1):
        if CODE_FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        visible = CODE_SPAN.sub("", line)
        for tag in TAG.finditer(visible):
            closing, name, attributes = tag.group(1), tag.group(2).lower(), tag.group(3)
            if closing or AUTOLINK.match(tag.group(0)):
                if AUTOLINK.match(tag.group(0)) and DANGEROUS_URL.match(tag.group(0)[1:]):
                    yield number, "address can run script"
                continue
            if name not in ALLOWED_TAGS:
                yield number, f"HTML element <{name}> is not allowed in a page"
            if EVENT_ATTRIBUTE.search(attributes):
                yield number, f"HTML attribute {EVENT_ATTRIBUTE.search(attributes).group(0).rstrip('= ')} runs script"
            for attribute in ATTRIBUTE.finditer(attributes):
                key, value = attribute.group(1).lower(), (attribute.group(2) or "").strip("\"'")
                if key not in SAFE_ATTRIBUTES and not EVENT_ATTRIBUTE.match(key + "="):
                    yield number, f"HTML attribute {key} is not allowed in a page"
                elif DANGEROUS_URL.match(value):
                    yield number, f"address {value.split(':')[0]}: can run script"
        for target in MARKDOWN_LINK.findall(visible):
            if DANGEROUS_URL.match(target):
                yield number, f"link to a {target.split(':')[0].strip().lower()}: address can run script"


def check_markup(shown: str, text: str) -> Iterator[Finding]:
    for line, problem in hostile_markup(text):
        yield finding(
            shown,
            line,
            problem,
            "remove it: pages are Markdown text, links and the few tags the English pages use",
            CHECK,
        )

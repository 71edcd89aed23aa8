"""An allowlist on what a page's Markdown became: the rendered HTML, parsed, not the source lines.

Whatever trick the source used (an attribute that closes early, an unclosed code fence, an
attribute list, a reference-style link, an entity-encoded scheme, a tag split over lines), the
browser only ever gets elements, attributes and addresses; each one outside this list is a
problem, reported at the page's source line by the plugin.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

import lxml.html
import nh3

# The elements Markdown, its extensions and the few tags our pages write produce.
ELEMENTS = {
    "a", "abbr", "b", "bdi", "blockquote", "br", "caption", "code", "dd", "del", "details", "div", "dl", "dt",
    "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "input", "ins", "kbd", "label", "li", "mark",
    "ol", "p", "pre", "s", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot",
    "th", "thead", "tr", "ul",
}  # fmt: skip
EVERY_ELEMENT = {"class", "id", "title", "lang", "dir"}
ATTRIBUTES = {
    "a": {"href", "hreflang"},
    "img": {"src", "alt", "width", "height"},
    "input": {"type", "disabled", "checked"},  # the checklist's boxes (pymdownx.tasklist)
    "ol": {"start"},
    "td": {"colspan", "rowspan", "style"},
    "th": {"colspan", "rowspan", "style"},
    "details": {"open"},
}
TABLE_ALIGNMENT = re.compile(r"^text-align: (left|right|center);?$")  # what Markdown tables write
# Classes our pages use; admonition types come from mkdocs.yml (see allowed_classes).
CLASSES = {
    "admonition", "admonition-title", "checklist", "task-list", "task-list-item", "task-list-control",
    "task-list-indicator", "headerlink", "handout-pdf", "footnote", "footnote-ref", "footnote-backref",
}  # fmt: skip
SCHEMES = {"", "http", "https", "mailto", "tel"}


@dataclass(frozen=True)
class Problem:
    message: str
    needles: tuple[str, ...]  # text to look for in the source, to name its line


def allowed_classes(admonition_types: Iterable[str]) -> set[str]:
    return CLASSES | set(admonition_types)


def problems(html: str, classes: set[str]) -> list[Problem]:
    """Everything in a page's rendered content that is not on the allowlist, in document order."""
    if not html.strip():
        return []
    try:
        fragments = lxml.html.fragments_fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return []
    found: list[Problem] = []
    for fragment in fragments:
        if isinstance(fragment, str):
            continue
        for element in fragment.iter():
            found.extend(_element_problems(element, classes))
    return found


def _element_problems(element: lxml.html.HtmlElement, classes: set[str]) -> Iterator[Problem]:
    if not isinstance(element.tag, str):  # a comment or processing instruction: never shown
        if isinstance(element, lxml.html.HtmlComment):
            return
        yield Problem("markup that is not an element", ("<?", "<!"))
        return
    tag = element.tag.lower()
    if tag not in ELEMENTS:
        yield Problem(f"the page's HTML has a <{tag}> element, which pages may not use", (f"<{tag}", tag))
        return
    for name, value in element.attrib.items():
        name = name.lower()
        if name not in EVERY_ELEMENT | ATTRIBUTES.get(tag, set()):
            what = "runs script" if name.startswith("on") else "is not allowed in a page"
            yield Problem(f"the attribute {name}= on <{tag}> {what}", (name, f"<{tag}"))
        elif name in ("href", "src") and urlsplit(value.strip()).scheme.lower() not in SCHEMES:
            scheme = urlsplit(value.strip()).scheme.lower()
            yield Problem(
                f"the address {scheme}:… on <{tag}> is not allowed (it can run script)", (scheme, value, f"<{tag}")
            )
        elif name == "src" and _off_site(value):
            yield Problem(
                f"an image from another site ({value.strip()[:40]}): it would tell that site who reads the page",
                (value,),
            )
        elif name == "href" and value.lower().startswith("mailto:") and "?" in value:
            yield Problem("an e-mail link that adds headers (?cc=, ?bcc=, ?body=…)", ("mailto:", value))
        elif name == "style" and not TABLE_ALIGNMENT.match(value.strip()):
            yield Problem(f"the style {value!r} on <{tag}> is not allowed in a page", ("style", value))
        elif name == "class":
            for token in value.split():
                if token not in classes:
                    yield Problem(f"the class {token!r} on <{tag}> is not one pages use", (token,))
        elif name == "type" and tag == "input" and value.lower() != "checkbox":
            yield Problem(f"an <input type={value!r}> in a page", ("input", value))


def sanitizer(classes: set[str]) -> nh3.Cleaner:
    """The same allowlist as an nh3 sanitizer: what a page with a problem is published as, so no
    build (not even a plain `mkdocs build` or `mkdocs gh-deploy`, which skip our check) serves
    the page as its source wrote it."""
    return nh3.Cleaner(
        tags=ELEMENTS,
        attributes={tag: (EVERY_ELEMENT - {"class"}) | ATTRIBUTES.get(tag, set()) for tag in ELEMENTS},
        allowed_classes=dict.fromkeys(ELEMENTS, classes),
        attribute_filter=_allowed_value,
        url_schemes=SCHEMES - {""},  # relative addresses are always kept
        clean_content_tags={"script", "style"},
        link_rel=None,
        strip_comments=True,
    )


def _allowed_value(tag: str, name: str, value: str) -> str | None:
    if name == "src" and _off_site(value):
        return None
    if name == "style" and not TABLE_ALIGNMENT.match(value.strip()):
        return None
    if name == "href" and value.lower().startswith("mailto:") and "?" in value:
        return None
    if tag == "input" and name == "type" and value.lower() != "checkbox":
        return None
    return value


def changed_by(cleaner: nh3.Cleaner, html: str) -> str | None:
    """The sanitized HTML when the sanitizer changes what the browser would get, else None."""
    cleaned = cleaner.clean(html)
    return None if _same_tree(html, cleaned) else cleaned


def _same_tree(first: str, second: str) -> bool:
    """Whether two fragments parse to the same elements, attributes and text (serialization aside)."""

    def shape(html: str) -> list[object]:
        wrapper = lxml.html.fragment_fromstring(html, create_parent="div")
        return [
            (
                element.tag,
                sorted(_attribute_shape(*item) for item in element.attrib.items()),
                element.text or "",
                element.tail or "",
            )
            for element in wrapper.iter()
            if not isinstance(element, lxml.html.HtmlComment)
        ]

    return (not first.strip() and not second.strip()) or shape(first) == shape(second)


def _attribute_shape(name: str, value: str) -> tuple[str, str]:
    """`checked`, `checked=""` and `checked="checked"` are one attribute."""
    return name, "" if value in ("", name) else value


def _off_site(address: str) -> bool:
    """Whether an image's address points anywhere but the site's own files."""
    parts = urlsplit(address.strip())
    return bool(parts.scheme or parts.netloc)

"""Right-to-left pages: Latin runs isolated inside the text, and `dir` on <html>.

A Latin run is isolated whole, even where markup splits it: "School Based <abbr>OT</abbr> vs.
… OT: What's the Difference?" or "The Inspired Treehouse: <a>What's the Difference …</a>" is
one run, so its words keep their order inside Arabic or Urdu text. The page is read as a tree
(lxml), so no run can split a character reference (the `&para;` bug) or a tag.
"""

from __future__ import annotations

import re

import lxml.html

# A run of Latin letters and digits ("504 Plan", "IEP") with the spaces and punctuation between
# its words, ending on a letter, digit, "?" or "!". Brackets end a run: a pair must not be split
# by an isolate, or the browser cannot mirror it. In the tree, an inline element whose text is
# all Latin counts as one Latin letter (LATIN_ELEMENT); any other element ends a run.
LATIN_ELEMENT, OTHER_ELEMENT = "\ue000", "\ue001"
LATIN_RUN = re.compile(r"[A-Za-z0-9\ue000](?:[A-Za-z0-9\ue000 .,:;\u2019'/&-]*[A-Za-z0-9\ue000?!])?")
RIGHT_TO_LEFT_LETTER = re.compile(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")
INLINE = {"a", "abbr", "b", "em", "i", "mark", "small", "span", "strong", "sub", "sup"}
NOT_ISOLATED = {"bdi", "code", "pre", "script", "style", "kbd"}
# The same, for text that is not HTML (a tooltip's title): Unicode's own isolates.
LEFT_TO_RIGHT_ISOLATE, POP_DIRECTIONAL_ISOLATE = "\u2066", "\u2069"
HTML_TAG = re.compile(r"<html lang=\"(?P<lang>[^\"]+)\"")


def isolate_latin_runs(html: str) -> str:
    """Wrap Latin runs of right-to-left text in <bdi>, so "(504 Plan)" does not show as "(Plan 504)"."""
    if not html.strip():
        return html
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    for element in list(root.iter()):
        if isinstance(element.tag, str) and not any(e.tag in NOT_ISOLATED for e in (element, *element.iterancestors())):
            _isolate_children(element)
    return (root.text or "") + "".join(lxml.html.tostring(child, encoding="unicode") for child in root)


def _isolate_children(parent: lxml.html.HtmlElement) -> None:
    """Regroup the parent's text and children so that each Latin run is inside one <bdi>."""
    pieces: list[str | lxml.html.HtmlElement] = [parent.text or ""]
    for child in parent:
        pieces += [child, child.tail or ""]
    flat, owners = [], []  # one character per text character or child, and where it came from
    for index, piece in enumerate(pieces):
        if isinstance(piece, str):
            flat.append(piece)
            owners += [(index, offset) for offset in range(len(piece))]
        else:
            flat.append(LATIN_ELEMENT if _latin_only(piece) else OTHER_ELEMENT)
            owners.append((index, -1))
    text = "".join(flat)
    runs = [match.span() for match in LATIN_RUN.finditer(text) if re.search("[A-Za-z0-9\ue000]", match.group())]
    if not runs:
        return
    regrouped: list[str | lxml.html.HtmlElement] = []
    position = 0
    for start, end in runs:
        _emit(pieces, owners[position:start], regrouped)
        isolate = lxml.html.Element("bdi")
        inside: list[str | lxml.html.HtmlElement] = []
        _emit(pieces, owners[start:end], inside)
        _fill(isolate, inside)
        regrouped.append(isolate)
        position = end
    _emit(pieces, owners[position:], regrouped)
    for child in list(parent):
        child.tail = None
        parent.remove(child)
    _fill(parent, regrouped)


def _latin_only(element: lxml.html.HtmlElement) -> bool:
    text = element.text_content()
    return (
        element.tag in INLINE
        and bool(re.search("[A-Za-z]", text))
        and not RIGHT_TO_LEFT_LETTER.search(text)
        and not re.search(r"[()\[\]]", text)
    )


def _emit(
    pieces: list[str | lxml.html.HtmlElement],
    owners: list[tuple[int, int]],
    into: list[str | lxml.html.HtmlElement],
) -> None:
    for index, offset in owners:
        piece = pieces[index]
        if isinstance(piece, str):
            if into and isinstance(into[-1], str):
                into[-1] += piece[offset]
            else:
                into.append(piece[offset])
        else:
            into.append(piece)


def _fill(element: lxml.html.HtmlElement, content: list[str | lxml.html.HtmlElement]) -> None:
    """Set an element's text and children from a sequence of strings and elements."""
    element.text = None
    last: lxml.html.HtmlElement | None = None
    for item in content:
        if isinstance(item, str):
            if last is None:
                element.text = (element.text or "") + item
            else:
                last.tail = (last.tail or "") + item
        else:
            item.tail = None
            element.append(item)
            last = item


def isolate_latin_text(text: str) -> str:
    """The same isolation in plain text, where no element can carry it (tooltip definitions)."""
    return LATIN_RUN.sub(lambda run: f"{LEFT_TO_RIGHT_ISOLATE}{run.group(0)}{POP_DIRECTIONAL_ISOLATE}", text)


def html_direction(html: str, direction: str) -> str:
    """Material puts `dir` on <body> only; screen readers and selectors look at <html> too."""
    return HTML_TAG.sub(lambda m: f'{m.group(0)} dir="{direction}"', html, count=1)

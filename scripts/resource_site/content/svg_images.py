"""SVG images are XML that a browser runs as a document: only drawing elements and attributes,
no script, no handlers, no links out, no embedded HTML."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

DRAWING = {
    "svg", "g", "path", "circle", "ellipse", "line", "polyline", "polygon", "rect", "text", "tspan", "defs",
    "lineargradient", "radialgradient", "stop", "title", "desc", "clippath", "mask", "use", "symbol",
}  # fmt: skip


def svg_problem(path: Path) -> str | None:
    """Why an SVG file could run script or load something, or None when it only draws."""
    try:
        parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
        root = etree.parse(str(path), parser).getroot()
    except (etree.XMLSyntaxError, OSError) as error:
        return f"it cannot be read as SVG ({error})"
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        name = etree.QName(element).localname.lower()
        if name not in DRAWING:
            return f"it holds a <{name}> element"
        for attribute, value in element.attrib.items():
            local = etree.QName(attribute).localname.lower()
            if local.startswith("on"):
                return f"its <{name}> has a {local}= handler"
            if local == "href" and not value.startswith("#"):
                return f"its <{name}> links to {value!r}"
            if "url(" in value.replace(" ", "") and "url(#" not in value.replace(" ", ""):
                return f"its <{name}> loads {value!r}"
    return None

"""An allowlist on the finished page, as the browser gets it: the theme around the content too.

The content of a page is checked where Markdown renders it (content_allowlist); this check reads
the whole page after the theme has printed titles, descriptions, site and language names and
interface strings into it, so a value that slipped past its own check still cannot make a page
run script, refresh to another site or load anything from elsewhere:

- scripts only from the site's own files (or JSON data blocks), never inline code;
- no event-handler attribute, no javascript:/data: address where one is followed or loaded;
- no <base>, frames, plugins, <style> or <meta http-equiv> beyond our own policy;
- whatever a page loads (script, stylesheet, icon, image) comes from the site itself.
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

import lxml.html

from resource_site.plugin.content_allowlist import Problem
from resource_site.plugin.content_security import META, POLICY

FORBIDDEN = {"base", "iframe", "frame", "frameset", "object", "embed", "applet", "portal", "style", "template"}
FOLLOWED = {"href", "action", "formaction", "xlink:href", "ping"}  # addresses a click or a form follows
LOADED = {"src", "srcset", "poster", "data", "background", "lowsrc", "dynsrc"}  # addresses a page loads
SVG_LOADING = {"image", "use", "feimage"}  # SVG elements whose href loads rather than links
SCHEMES = {"", "http", "https", "mailto", "tel"}
DATA_BLOCK = "application/json"
# <link rel> values that name a page rather than load something into this one.
LINKED_PAGES = {"canonical", "alternate", "prev", "next", "search"}


def problems(html: str, site_url: str) -> list[Problem]:
    """What in a finished page is outside the allowlist, in document order ([] when all is well)."""
    try:
        document = lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return [Problem("the page is not readable HTML", ())]
    found = list(_policy_problems(document))
    for element in document.iter():
        if isinstance(element.tag, str):
            found.extend(_element_problems(element, site_url))
    return found


def _policy_problems(document: lxml.html.HtmlElement) -> Iterator[Problem]:
    policies = document.xpath("//meta[@http-equiv]")
    if not policies or policies[0].get("content") != POLICY or policies[0].getparent().tag != "head":
        yield Problem(f"the page does not start its <head> with our Content-Security-Policy ({META})", ())
    for extra in policies[1:]:
        equiv, content = extra.get("http-equiv", ""), extra.get("content", "")
        yield Problem(f'a <meta http-equiv="{equiv}"> (it can refresh or redirect the page)', (content, equiv))


def _element_problems(element: lxml.html.HtmlElement, site_url: str) -> Iterator[Problem]:
    tag = element.tag.lower()
    if tag in FORBIDDEN:
        yield Problem(f"a <{tag}> element", (f"<{tag}",))
    if tag == "script" and element.get("src") is None and element.get("type") != DATA_BLOCK:
        yield Problem("an inline <script> (only the site's own script files may run)", ("<script", "script"))
    for name, value in element.attrib.items():
        name = name.lower()
        if name.startswith("on"):
            yield Problem(f"the attribute {name}= on <{tag}> (it runs script)", (name,))
        elif name == "srcdoc":
            yield Problem(f"the attribute srcdoc= on <{tag}> (it holds a page of its own)", (name,))
        elif name == "style" and ("url(" in value.lower() or "@import" in value.lower()):
            yield Problem(f"a style on <{tag}> that loads {value!r}", ("url(", "@import"))
        elif name in LOADED or (name in FOLLOWED and _loads(tag, element)):
            yield from _loaded_problems(tag, name, value, site_url)
        elif name in FOLLOWED and urlsplit(value.strip()).scheme.lower() not in SCHEMES:
            shown = value.strip()[:40]
            yield Problem(f"the address {shown!r} on <{tag}> (only http, https, mailto and tel)", (shown,))


def _loads(tag: str, element: lxml.html.HtmlElement) -> bool:
    """Whether this element's href loads something into the page rather than naming a page."""
    if tag == "link":
        return not LINKED_PAGES & set(element.get("rel", "").lower().split())
    return tag in SVG_LOADING


def _loaded_problems(tag: str, name: str, value: str, site_url: str) -> Iterator[Problem]:
    addresses = [part.strip().split(" ")[0] for part in value.split(",")] if name == "srcset" else [value.strip()]
    for address in addresses:
        parts = urlsplit(address)
        if (parts.scheme or parts.netloc) and not address.startswith(site_url):
            yield Problem(f"<{tag} {name}={address[:60]!r}> loads something from outside the site", (address,))

"""The handout: one printable page per language, made from its own pages, for a center to hand
to families. On paper (site.css): the side-by-side comparison and the questions checklist, with
room to write answers, on the front; every key point in two columns; where the facts come from;
a QR code to the language's site; and the center's details at the foot (print-source.html).

Every text is the language's own, taken from its pages by their anchors, which every language
keeps: the comparison (index.md#side-by-side), the checklist (questions-to-ask.md#checklist) and
the sources (sources.md#our-sources)."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable
from pathlib import Path

import segno

from resource_site.content.frontmatter import split_front_matter
from resource_site.content.keypoints import blocks_in_markdown
from resource_site.content.plain_text import markdown_text
from resource_site.content.source_text import read_text

QR_FILE = "handout-qr.svg"
HEADING = re.compile(r"^(#{1,6})\s.*\{#(?P<id>[\w-]+)\}\s*$")
FRONT = (("index.md", "side-by-side"), ("questions-to-ask.md", "checklist"))
BACK = (("sources.md", "our-sources"),)


def handout_markdown(folder: Path, pages: list[str], gettext: Callable[[str], str], pdf_link: bool, home: str) -> str:
    """`home` is the language's address, which the QR code gives. Interface strings are plain
    text: quoted in the front matter, escaped in the Markdown."""
    # Translators: the title of the printable handout that lists every key point.
    title = gettext("Handout: the key points")
    lines = [
        "---",
        f"title: {json.dumps(title, ensure_ascii=False)}",
        "search:",
        "  exclude: true",
        "---",
        "",
        f"# {markdown_text(title)} {{#top}}",
        "",
    ]
    if pdf_link:
        # Translators: link to the handout as a PDF file, for printing or sharing.
        download = gettext("Download this handout as a PDF")
        lines += [f"[{markdown_text(download)}](handout.pdf){{ .handout-pdf }}", ""]
    lines += ['<div class="handout-front" markdown>', "", *_sections(folder, FRONT), "</div>", ""]
    lines += ['<div class="handout-keypoints" markdown>', "", *_keypoints(folder, pages), "</div>", ""]
    lines += ['<div class="handout-back" markdown>', "", *_sections(folder, BACK)]
    shown = markdown_text(home)
    lines += ['<p class="handout-qr" markdown>', f"![{shown}]({QR_FILE})", f'<span dir="ltr">{shown}</span>', "</p>"]
    lines += ["", "</div>", ""]
    return "\n".join(lines)


def _keypoints(folder: Path, pages: list[str]) -> list[str]:
    """Every key point, under the title of the page it belongs to, in nav order."""
    lines: list[str] = []
    for page in pages:
        path = folder / page
        if not path.is_file():
            continue
        text = read_text(path)
        blocks = blocks_in_markdown(text)
        if not blocks:
            continue
        page_title = str(split_front_matter(text).data.get("title") or page)
        lines += [f"## {markdown_text(page_title)}", ""]
        for block in blocks:
            # A heading per key point: the PDF's outline (bookmarks) then names every key point.
            lines += ['<div class="admonition keypoint" markdown>', "", f"### {block.title}", "", block.body, ""]
            lines += ["</div>", ""]
    return lines


def _sections(folder: Path, wanted: tuple[tuple[str, str], ...]) -> list[str]:
    lines: list[str] = []
    for page, anchor in wanted:
        path = folder / page
        found = section(split_front_matter(read_text(path)).body, anchor) if path.is_file() else None
        if found is not None:
            lines += [found.strip(), ""]
    return lines


def section(markdown: str, anchor: str) -> str | None:
    """The heading with `{#anchor}` and what follows it, up to the next heading of its level or
    above; its id dropped (the handout's own page keeps ids unique)."""
    lines = markdown.splitlines()
    for start, line in enumerate(lines):
        found = HEADING.match(line)
        if found is None or found.group("id") != anchor:
            continue
        level = len(found.group(1))
        end = next(
            (
                index
                for index in range(start + 1, len(lines))
                if (other := HEADING.match(lines[index]) or re.match(r"^(#{1,6})\s", lines[index])) is not None
                and len(other.group(1)) <= level
            ),
            len(lines),
        )
        heading = re.sub(r"\s*\{#[\w-]+\}\s*$", "", line)
        return "\n".join([heading, *lines[start + 1 : end]])
    return None


def handout_address(site_url: str | None, prefix: str) -> str:
    """The language's home address, which its handout's QR code gives."""
    return f"{site_url or ''}{prefix}"


def qr_code_svg(address: str) -> str:
    """A QR code of the language's home address, drawn offline by segno (scaled by site.css)."""
    drawn = io.BytesIO()
    segno.make(address, error="m").save(drawn, kind="svg", border=2, xmldecl=False, omitsize=True)
    return drawn.getvalue().decode("utf-8")

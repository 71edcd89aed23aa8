"""The handout: one printable page per language with every key point, made from its pages."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from resource_site.content.frontmatter import split_front_matter
from resource_site.content.keypoints import blocks_in_markdown
from resource_site.content.plain_text import markdown_text
from resource_site.content.source_text import read_text


def handout_markdown(folder: Path, pages: list[str], gettext: Callable[[str], str], pdf_link: bool) -> str:
    """Every key point of a language, under the title of the page it belongs to, in nav order.
    Interface strings are plain text: quoted in the front matter, escaped in the Markdown."""
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
            lines += [
                '<div class="admonition keypoint" markdown>',
                "",
                f"### {block.title}",
                "",
                block.body,
                "",
                "</div>",
                "",
            ]
    return "\n".join(lines)

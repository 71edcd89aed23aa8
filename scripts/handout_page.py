"""The handout: one printable page per language with every key point, made from its pages."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from scripts.frontmatter import split_front_matter
from scripts.keypoints import blocks_in_markdown

PAGE = "handout.md"
# Paper that fits both A4 (595 x 842 pt) and US Letter (612 x 792 pt): a hair inside A4's
# width and Letter's height, since Chromium rounds page sizes up to whole pixels.
PAPER = {"width": "209.5mm", "height": "279mm"}


def handout_markdown(folder: Path, pages: list[str], gettext: Callable[[str], str], pdf_link: bool) -> str:
    """Every key point of a language, under the title of the page it belongs to, in nav order."""
    # Translators: the title of the printable handout that lists every key point.
    title = gettext("Handout: the key points")
    lines = ["---", f'title: "{title}"', "search:", "  exclude: true", "---", "", f"# {title} {{#top}}", ""]
    if pdf_link:
        # Translators: link to the handout as a PDF file, for printing or sharing.
        download = gettext("Download this handout as a PDF")
        lines += [f"[{download}](handout.pdf){{ .handout-pdf }}", ""]
    for page in pages:
        path = folder / page
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8", errors="replace")  # `make check` reports bad encodings
        blocks = blocks_in_markdown(text)
        if not blocks:
            continue
        page_title = str(split_front_matter(text).data.get("title") or page)
        lines += [f"## {page_title}", ""]
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

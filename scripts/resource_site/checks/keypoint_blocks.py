"""Key-point blocks as written in a page: each has a known id, once."""

from __future__ import annotations

from collections.abc import Iterator

from resource_site.content.keypoints import blocks_in_markdown
from resource_site.findings import Finding, finding


def check_keypoint_blocks(shown: str, text: str, known_ids: set[str]) -> Iterator[Finding]:
    seen: dict[str, int] = {}
    for block in blocks_in_markdown(text):
        if not block.closed:
            yield finding(
                shown,
                block.start_line,
                "key-point block is not closed: the next block or the end of the page comes first",
                "end the block with a line holding only `///`",
                "keypoints",
            )
        if block.other_attributes:
            yield finding(
                shown,
                block.line,
                f"key-point block has attributes besides its id ({', '.join(block.other_attributes)})",
                "write only `attrs: {id: kp-…}`: a class or style can hide a key point",
                "keypoints",
            )
        if block.shallow_attrs >= 0:
            yield finding(
                shown,
                block.line,
                f"the `attrs:` line is indented by {block.shallow_attrs} space(s), so the key point has no id",
                "indent it by 4 spaces, as on the English page",
                "keypoints",
            )
        elif not block.id:
            yield finding(
                shown,
                block.line,
                "key-point block has no id",
                "add the line `    attrs: {id: kp-…}` under `/// keypoint`, copied from the English page",
                "keypoints",
            )
        elif block.id not in known_ids:
            yield finding(
                shown,
                block.line,
                f"unknown key-point id {block.id}",
                "use the id from the English page (see docs/keypoints.yml)",
                "keypoints",
            )
        elif block.id in seen:
            yield finding(
                shown,
                block.line,
                f"key point {block.id} appears twice (first on line {seen[block.id]})",
                "keep one block with this id",
                "keypoints",
            )
        else:
            seen[block.id] = block.line

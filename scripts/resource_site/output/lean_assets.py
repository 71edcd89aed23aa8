"""Our own scripts and stylesheets (overrides/) are published without their comments: they
explain the code to its readers in the repository, and the reader on a slow connection does not
download them (the first-load budget is 100 KB). Only whole comment lines go from scripts, and
/* … */ blocks from stylesheets; nothing else changes, so the files work the same.
"""

from __future__ import annotations

import re
from pathlib import Path

CSS_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)


def script_without_comments(text: str) -> str:
    return "".join(line for line in text.splitlines(keepends=True) if not line.lstrip().startswith("//"))


def stylesheet_without_comments(text: str) -> str:
    return "\n".join(line for line in CSS_COMMENT.sub("", text).splitlines() if line.strip()) + "\n"


def publish_lean(overrides_dir: Path, site_dir: Path) -> None:
    """Rewrite, in the built site, each script and stylesheet that overrides/ gave it."""
    for source in sorted(overrides_dir.rglob("*")):
        lean = {".js": script_without_comments, ".css": stylesheet_without_comments}.get(source.suffix)
        published = site_dir / source.relative_to(overrides_dir)
        if lean is not None and published.is_file():
            published.write_text(lean(published.read_text(encoding="utf-8")), encoding="utf-8")

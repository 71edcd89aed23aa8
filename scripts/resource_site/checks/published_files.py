"""Only expected files are published: docs/ holds pages, the registry and plain images, no
symbolic links (one could publish a file from outside the repository), and no file type that can
carry script (HTML, SVG, JavaScript…). The same holds for the center's logo."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from resource_site.content.branding import Branding
from resource_site.content.svg_images import svg_problem
from resource_site.findings import Finding, finding, line_of
from resource_site.project import Project

CHECK = "published-files"
SVG_FIX = "export the image again as plain SVG (shapes only) or as PNG"
PUBLISHED_TYPES = {".md", ".png", ".jpg", ".jpeg", ".webp", ".gif", ".svg"}  # SVG only if it only draws


def check_published_files(project: Project) -> Iterator[Finding]:
    docs = project.docs_dir
    for path in sorted(docs.rglob("*")):
        shown = project.relative(path)
        if path.is_symlink():
            yield finding(shown, 1, "a symbolic link in docs/", "put the file itself here, or remove the link", CHECK)
        elif path.is_file() and path != project.keypoints_file and path.suffix.lower() not in PUBLISHED_TYPES:
            yield finding(
                shown,
                1,
                f"a {path.suffix or 'file without a type'} file in docs/ would be published as it is",
                f"keep only pages and images ({', '.join(sorted(PUBLISHED_TYPES))}) in docs/; "
                "an SVG or HTML file can carry script",
                CHECK,
            )
        elif path.suffix.lower() == ".svg" and (problem := svg_problem(path)):
            yield finding(shown, 1, f"the SVG image can run script: {problem}", SVG_FIX, CHECK)


# Every page loads the logo, and a first visit stays within 100 KB (tests/browser/test_privacy_weight.py):
# the site leaves about 4 KB of it (measured on a branded build with a logo this size,
# tests/browser/test_center_identity.py).
LOGO_KB = 4
LOGO_PIXELS = 512  # the header shows it 24 pixels high; a phone decodes every pixel it has
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def check_logo(project: Project, branding: Branding) -> Iterator[Finding]:
    """The logo is a small image inside the repository (not a link to a file elsewhere)."""
    logo = branding.logo
    if logo is None or not logo.exists():
        return
    line = line_of(project.branding_file, "logo:")
    shown = project.relative(project.branding_file)
    if logo.is_symlink() or not logo.resolve().is_relative_to(project.root):
        fix = "put the logo itself in the project's branding/ folder and give that path"
        yield finding(shown, line, "the logo is outside the repository", fix, CHECK)
    elif logo.suffix.lower() == ".svg" and (problem := svg_problem(logo)):
        yield finding(shown, line, f"the SVG logo can run script: {problem}", SVG_FIX, CHECK)
    elif (size := logo.stat().st_size) > LOGO_KB * 1024:
        yield finding(
            shown,
            line,
            f"the logo is {size / 1024:,.0f} KB; at most {LOGO_KB} KB keeps a phone's first visit within its budget",
            "export it smaller: an SVG, or a PNG about 200 pixels wide",
            CHECK,
        )
    elif (pixels := png_pixels(logo)) is not None and max(pixels) > LOGO_PIXELS:
        yield finding(
            shown,
            line,
            f"the logo is {pixels[0]}×{pixels[1]} pixels; at most {LOGO_PIXELS} on its longer side keeps it light "
            "on a phone",
            "export it smaller: an SVG, or a PNG about 200 pixels wide",
            CHECK,
        )


def png_pixels(path: Path) -> tuple[int, int] | None:
    """A PNG's width and height, from its header (IHDR); None for any other file."""
    with path.open("rb") as image:
        head = image.read(24)
    if not head.startswith(PNG_SIGNATURE) or head[12:16] != b"IHDR":
        return None
    return int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")

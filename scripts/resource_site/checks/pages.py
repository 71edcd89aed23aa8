"""Each language's pages as files: present in every language, UTF-8 without BOM, valid front
matter in plain text, neither empty nor huge; then each page's text goes through the text checks.
(What a page's HTML may hold is proved on the rendered page: plugin/content_allowlist.py.)"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from resource_site.checks.keypoint_blocks import check_keypoint_blocks
from resource_site.checks.source_links import check_cross_language_links
from resource_site.content.frontmatter import FRONT_MATTER_KEYS, split_front_matter
from resource_site.content.keypoints import KeyPoint
from resource_site.content.page_limits import PAGE_KB
from resource_site.content.plain_text import FIX, markup_in
from resource_site.findings import Finding, finding
from resource_site.project import Project


def check_pages(project: Project, registry: list[KeyPoint]) -> Iterator[Finding]:
    english = project.default_language.code
    english_pages = set(project.source_pages(english))
    codes = [lang.code for lang in project.languages]
    known_ids = {kp.id for kp in registry}
    for language in project.built_languages:
        pages = set(project.source_pages(language.code))
        for page in sorted(english_pages - pages):
            yield finding(
                project.relative(project.source_path(language.code, page)),
                1,
                f"page missing in '{language.code}' ({language.name})",
                f"copy docs/{english}/{page} to this path and translate it",
                "pages",
            )
        for page in sorted(pages - english_pages):
            yield finding(
                project.relative(project.source_path(language.code, page)),
                1,
                f"page has no English original docs/{english}/{page}",
                "rename it to match an English page, or add the English page first",
                "pages",
            )
        for page in sorted(pages):
            yield from _check_page(project, language.code, page, codes, known_ids)


def _check_page(project: Project, code: str, page: str, codes: list[str], known_ids: set[str]) -> Iterator[Finding]:
    path = project.source_path(code, page)
    shown = project.relative(path)
    raw = path.read_bytes()
    if len(raw) > PAGE_KB * 1024:
        yield finding(
            shown,
            1,
            f"page is {len(raw) // 1024} KB, over the {PAGE_KB} KB limit",
            "check for pasted text that does not belong; split a long page in two",
            "pages",
        )
        return
    if raw.startswith(b"\xef\xbb\xbf"):
        yield finding(
            shown, 1, "file starts with a byte-order mark (BOM)", "save the file as UTF-8 without BOM", "encoding"
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        yield finding(
            shown,
            line,
            "file is not valid UTF-8",
            "save the file with UTF-8 encoding (in most editors: Save as, then Encoding: UTF-8)",
            "encoding",
        )
        return
    front = split_front_matter(text)
    if front.error:
        yield finding(shown, front.error_line, front.error, "fix the YAML between the two `---` lines", "front-matter")
    yield from _check_front_matter_text(shown, text, front.data)
    if not front.body.strip():
        yield finding(
            shown, front.body_line, "page has no text", "write the page, or copy and translate the English one", "pages"
        )
    yield from check_cross_language_links(shown, code, page, text, codes)
    yield from check_keypoint_blocks(shown, text, known_ids)


def _check_front_matter_text(shown: str, text: str, data: dict[str, object]) -> Iterator[Finding]:
    """Front matter holds only the keys our pages use (a key such as `template: redirect.html`
    would change what the theme does with the page), each a line of plain text (the theme
    prints a title or description as it is)."""
    lines = text.splitlines()
    for key, value in data.items():
        line = next((n for n, line in enumerate(lines[:50], start=1) if line.startswith(f"{key}:")), 1)
        if key not in FRONT_MATTER_KEYS:
            yield finding(
                shown,
                line,
                f"front matter `{key}` is not a key pages use",
                f"remove it: a page's front matter has only {', '.join(FRONT_MATTER_KEYS)}",
                "front-matter",
            )
            continue
        if not isinstance(value, str | int | float | date):
            yield finding(
                shown,
                line,
                f"front matter `{key}` is not a line of text",
                f"write `{key}: ` and the text",
                "front-matter",
            )
            continue
        found = markup_in(str(value))
        if found is not None:
            yield finding(shown, line, f"front matter `{key}` holds markup ({found})", FIX, "front-matter")

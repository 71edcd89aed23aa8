"""Checks on the Markdown sources, before anything is built: exact lines, every language."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator

from resource_site.checks.markup import check_markup
from resource_site.content.frontmatter import split_front_matter
from resource_site.content.glossary import parse_glossary
from resource_site.content.keypoints import KeyPoint, blocks_in_markdown
from resource_site.findings import Finding, finding
from resource_site.project import Project

MAX_PAGE_KB = 100  # the longest page is under 10 KB; a page this big is a paste gone wrong
GLOSSARY = "glossary.md"
MARKDOWN_LINK = re.compile(r"\]\((?P<target>[^)\s]+)(?:\s+\"[^\"]*\")?\)")


def check_sources(project: Project, registry: list[KeyPoint]) -> Iterator[Finding]:
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
        if not language.default:
            yield from _check_glossary(project, english, language.code)


def _check_page(project: Project, code: str, page: str, codes: list[str], known_ids: set[str]) -> Iterator[Finding]:
    path = project.source_path(code, page)
    shown = project.relative(path)
    raw = path.read_bytes()
    if len(raw) > MAX_PAGE_KB * 1024:
        yield finding(
            shown,
            1,
            f"page is {len(raw) // 1024} KB, over the {MAX_PAGE_KB} KB limit",
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
    if not front.body.strip():
        yield finding(
            shown, front.body_line, "page has no text", "write the page, or copy and translate the English one", "pages"
        )
    yield from check_markup(shown, text)
    yield from _check_cross_language_links(shown, code, page, text, codes)
    yield from _check_keypoint_blocks(shown, text, known_ids)


def _check_cross_language_links(shown: str, code: str, page: str, text: str, codes: list[str]) -> Iterator[Finding]:
    """A link into another language's folder is silently rewritten by static-i18n: catch it here."""
    folder = posixpath.dirname(posixpath.join(code, page))
    for number, line in enumerate(text.splitlines(), start=1):
        for match in MARKDOWN_LINK.finditer(line):
            target = match.group("target").split("#")[0]
            if not target or re.match(r"^[a-z][a-z0-9+.-]*:", target) or target.startswith("/"):
                continue
            resolved = posixpath.normpath(posixpath.join(folder, target))
            top = resolved.split("/")[0]
            if top in codes and top != code:
                yield finding(
                    shown,
                    number,
                    f"link {match.group('target')} points into the '{top}' pages",
                    "link to the page in this language's folder (e.g. `page.md`)",
                    "links",
                )
            elif top == "..":
                yield finding(
                    shown,
                    number,
                    f"link {match.group('target')} leaves the docs folder",
                    "link to a page inside this language's folder",
                    "links",
                )


def _check_keypoint_blocks(shown: str, text: str, known_ids: set[str]) -> Iterator[Finding]:
    seen: dict[str, int] = {}
    for block in blocks_in_markdown(text):
        if not block.id:
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


def _check_glossary(project: Project, english: str, code: str) -> Iterator[Finding]:
    """Every term the English glossary explains is explained in this language too."""
    source, path = project.source_path(english, GLOSSARY), project.source_path(code, GLOSSARY)
    if not source.is_file() or not path.is_file():
        return
    shown = project.relative(path)
    try:
        entries = {entry.id: entry for entry in parse_glossary(path.read_text(encoding="utf-8"))}
    except UnicodeDecodeError:
        return  # reported as an encoding finding
    for term in parse_glossary(source.read_text(encoding="utf-8")):
        entry = entries.get(term.id)
        if entry is None:
            yield finding(
                shown,
                1,
                f"glossary term {term.term} ({{#{term.id}}}) is missing",
                f"copy its entry from docs/{english}/{GLOSSARY} and translate it",
                "glossary",
            )
        elif not entry.definition:
            yield finding(
                shown,
                entry.line,
                f"glossary term {entry.term} has no definition",
                "write its meaning in the lines under the heading",
                "glossary",
            )

"""Proves in the built HTML that every language carries every key point, in its own words.

Unknown and repeated ids are found earlier, with exact lines, by check_sources.
"""

from __future__ import annotations

from collections.abc import Iterator

from resource_site.content.keypoints import KeyPoint
from resource_site.content.language_id import LanguageGuesser
from resource_site.findings import Finding, finding, line_of
from resource_site.output.rendered import BuiltPage
from resource_site.project import Project

CHECK = "keypoints"


def english_keypoint_texts(english_pages: list[BuiltPage]) -> dict[str, str]:
    """Each key point's text as the default language's pages show it (the others must differ)."""
    return {kp_id: page.content_text(blocks[0]) for page in english_pages for kp_id, blocks in page.keypoints.items()}


def check_keypoints(
    project: Project,
    registry: list[KeyPoint],
    pages: list[BuiltPage],
    guesser: LanguageGuesser,
    english_text: dict[str, str],
) -> Iterator[Finding]:
    """The key points of the languages `pages` are of (`english_text`: english_keypoint_texts)."""
    by_language: dict[str, dict[str, BuiltPage]] = {}
    for page in pages:
        by_language.setdefault(page.language.code, {})[page.page] = page
    for language in project.built_languages:
        if language.code in by_language:
            yield from _check_language(
                project, language.code, registry, by_language[language.code], english_text, guesser
            )


def _check_language(
    project: Project,
    code: str,
    registry: list[KeyPoint],
    pages: dict[str, BuiltPage],
    english_text: dict[str, str],
    guesser: LanguageGuesser,
) -> Iterator[Finding]:
    found: dict[str, list[str]] = {}
    for page in pages.values():
        for kp_id, blocks in page.keypoints.items():
            found.setdefault(kp_id, []).extend([page.page] * len(blocks))
    for kp in registry:
        home = project.source_path(code, kp.page)
        shown = project.relative(home)
        places = found.get(kp.id, [])
        if not places:
            if kp.page in pages:  # a missing page is reported once, by the source check
                yield finding(
                    shown,
                    1,
                    f"key point {kp.id} is missing",
                    f"copy its block from docs/{project.default_language.code}/{kp.page} and translate it",
                    CHECK,
                )
            continue
        for other in sorted(set(places) - {kp.page}):
            elsewhere = project.source_path(code, other)
            yield finding(
                project.relative(elsewhere),
                line_of(elsewhere, kp.id),
                f"key point {kp.id} belongs on {kp.page}, not here",
                f"move the block to {shown}",
                CHECK,
            )
        if code == project.default_language.code or kp.page not in pages:
            continue
        text = (
            pages[kp.page].content_text(pages[kp.page].keypoints[kp.id][0]) if kp.id in pages[kp.page].keypoints else ""
        )
        line = line_of(home, kp.id)
        if text and text == english_text.get(kp.id):
            yield finding(shown, line, f"key point {kp.id} is still in English", "translate its title and text", CHECK)
        elif other_language := guesser.reads_as_other(text, code):
            yield finding(
                shown,
                line,
                f"key point {kp.id} reads as '{other_language}', not '{code}'",
                "translate it into this page's language",
                CHECK,
            )


def check_keypoint_anchors(project: Project, pages: list[BuiltPage]) -> Iterator[Finding]:
    """A shared key-point link lands on the key point: its id is on the key-point block and on
    nothing else of the page (a heading `{#kp-…}` would take the link over)."""
    for page in pages:
        if page.article is None:
            continue
        source = project.source_path(page.language.code, page.page)
        shown = project.relative(source)
        seen: set[str] = set()
        for element in page.article.xpath(".//*[@id]"):
            anchor = element.get("id")
            if anchor in seen:
                yield finding(
                    shown,
                    line_of(source, anchor),
                    f"the anchor #{anchor} is used twice on the page",
                    "give each heading and key point its own id",
                    CHECK,
                )
            seen.add(anchor)
            is_block = element.tag == "div" and "keypoint" in (element.get("class") or "").split()
            if anchor.startswith("kp-") and not is_block:
                yield finding(
                    shown,
                    line_of(source, anchor),
                    f"the key-point anchor #{anchor} is on a <{element.tag}>, not on its key-point block",
                    "use ids starting with kp- only in a key point's `attrs: {id: …}`",
                    CHECK,
                )

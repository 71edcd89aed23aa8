"""Chinese pages are written in the characters their language code promises: Simplified for
`zh` (and zh-Hans, zh-CN), Traditional for zh-Hant, zh-TW, zh-HK. A reader of Traditional
characters who gets Simplified pages (or the reverse) reads a different script.

OpenCC (the maintained converter) says which characters belong to the other variant: a
character it converts to something else is written the other way. A page where they are more
than a few is a finding at the first line that holds one.
"""

from __future__ import annotations

from collections.abc import Iterator

import opencc
from babel.core import get_global

from resource_site.content.source_text import read_text
from resource_site.findings import Finding, finding
from resource_site.project import Project

CHECK = "script-variant"
# For each script, the conversion that changes characters written in the other one.
TO_SCRIPT = {"Hans": "t2s.json", "Hant": "s2t.json"}
NAMES = {"Hans": "Simplified", "Hant": "Traditional"}
OTHER_SHARE = 0.02  # of a page's Chinese characters: a name or a quoted title may be the other way
OTHER_AT_LEAST = 5


def chinese_script(code: str) -> str | None:
    """Hans or Hant for a Chinese language code (from CLDR's likely subtags), None otherwise."""
    parts = code.replace("-", "_").split("_")
    if parts[0] != "zh":
        return None
    script = next((part for part in parts[1:] if part in TO_SCRIPT), None)
    likely = get_global("likely_subtags")
    full = likely.get("_".join(parts)) or likely.get(f"zh_{parts[-1]}") or likely.get("zh") or "zh_Hans"
    return script or next((part for part in full.split("_") if part in TO_SCRIPT), "Hans")


def is_chinese(character: str) -> bool:
    return "\u4e00" <= character <= "\u9fff" or "\u3400" <= character <= "\u4dbf"


def check_script_variants(project: Project) -> Iterator[Finding]:
    for language in project.built_languages:
        script = chinese_script(language.code)
        if script is None:
            continue
        converter = opencc.OpenCC(TO_SCRIPT[script])
        other = NAMES["Hant" if script == "Hans" else "Hans"]
        for page in project.source_pages(language.code):
            path = project.source_path(language.code, page)
            text = read_text(path)
            chinese = [character for character in text if is_chinese(character)]
            wrong = {c for c in set(chinese) if converter.convert(c) != c}
            count = sum(1 for character in chinese if character in wrong)
            if count >= OTHER_AT_LEAST and count > OTHER_SHARE * len(chinese):
                line = next(n for n, row in enumerate(text.splitlines(), start=1) if wrong & set(row))
                examples = "".join(sorted(wrong)[:5])
                yield finding(
                    project.relative(path),
                    line,
                    f"the page is written in {other} characters ({count} of {len(chinese)}, such as {examples}), "
                    f"but '{language.code}' is {NAMES[script]} Chinese",
                    f"write the page in {NAMES[script]} characters, or list it under the language code of the "
                    f"script it is in",
                    CHECK,
                )

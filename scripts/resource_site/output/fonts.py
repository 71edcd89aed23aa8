"""The fonts the handouts need, checked before Chromium prints them: a language whose script no
installed font covers would print as empty boxes (the zh, ko and bn handouts did, on a machine
without CJK or Bengali fonts, and passed). Asked of fontconfig, which Chromium uses too."""

from __future__ import annotations

import shutil
import subprocess

from babel.core import get_global

from resource_site.findings import Finding, finding
from resource_site.project import Project

CJK_PACKAGE, OTHER_PACKAGE = "fonts-noto-cjk", "fonts-noto-core"  # Debian's
CJK_SCRIPTS = {"Hans", "Hant", "Jpan", "Kore", "Hani"}
# A language fontconfig does not know is asked about through one it knows with the same script.
SCRIPT_LANGUAGES = {
    "Latn": "en", "Arab": "ar", "Cyrl": "ru", "Hans": "zh-cn", "Hant": "zh-tw", "Kore": "ko", "Jpan": "ja",
    "Beng": "bn", "Deva": "hi", "Thai": "th", "Ethi": "am", "Mymr": "my", "Hebr": "he", "Grek": "el",
}  # fmt: skip
FC_SECONDS = 30


def script_of(code: str) -> str:
    """The script a language is written in, from CLDR's likely subtags ("prs" → "Arab")."""
    parts = code.replace("-", "_").split("_")
    known = next((part for part in parts[1:] if len(part) == 4), None)
    likely = get_global("likely_subtags").get("_".join(parts)) or get_global("likely_subtags").get(parts[0], "")
    return known or next((part for part in likely.split("_")[1:] if len(part) == 4), "Latn")


def missing_fonts(project: Project) -> list[Finding]:
    if shutil.which("fc-list") is None:
        return [
            finding(
                "Makefile",
                1,
                "fontconfig's fc-list is not installed, so the handouts' fonts cannot be checked",
                "install it (apt-get install fontconfig)",
                "handouts",
            )
        ]
    found = []
    for language in project.built_languages:
        script = script_of(language.code)
        asked = [language.code.lower().replace("_", "-"), SCRIPT_LANGUAGES.get(script, "en")]
        if script in ("Hans", "Hant"):
            asked = [SCRIPT_LANGUAGES[script]]
        if not any(_fonts_for(tag) for tag in asked):
            package = CJK_PACKAGE if script in CJK_SCRIPTS else OTHER_PACKAGE
            found.append(
                finding(
                    "mkdocs.yml",
                    project.config_line(language.code),
                    f"no installed font covers {language.name} ({language.code}, {script} script): "
                    "its handout would print empty boxes",
                    f"install Debian's {package} (apt-get install {package}), then build again",
                    "handouts",
                )
            )
    return found


def _fonts_for(tag: str) -> bool:
    try:
        listed = subprocess.run(
            ["fc-list", f":lang={tag}", "family"], capture_output=True, text=True, timeout=FC_SECONDS, check=False
        )
    except subprocess.TimeoutExpired:
        return True  # cannot tell; the printed text check still reads what was printed
    return bool(listed.stdout.strip())

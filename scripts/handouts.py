"""Printable handouts: each language's handout page printed to PDF by Chromium, then read back.

The PDF is made from the site itself (its print styles, fonts and direction) and checked by
reading it back: each key point is a heading, so the PDF's outline (its bookmarks, stored as
text in reading order, unlike the page text of Arabic or Bengali) must name every one.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

from scripts.findings import Finding, finding
from scripts.handout_page import PAPER
from scripts.keypoints import blocks_in_markdown
from scripts.local_server import serve
from scripts.project import Project

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def handout_path(site_dir: Path, code: str, default: str) -> Path:
    return site_dir / ("" if code == default else code) / "handout.pdf"


def print_handouts(project: Project, site_dir: Path) -> list[Finding]:
    """Print every built language's handout, in a process of its own (Playwright's synchronous
    API cannot start inside a program that already runs it, such as a browser test)."""
    chromium = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    if not Path(chromium).is_file():
        return [
            finding(
                "Makefile",
                1,
                f"no Chromium at {chromium} to print the handouts",
                "install it (apt-get install chromium) or set CHROMIUM=/path/to/chrome",
                "handouts",
            )
        ]
    default = project.default_language.code
    targets = [
        f"{'' if lang.default else lang.code + '/'}={handout_path(site_dir, lang.code, default)}"
        for lang in project.built_languages
    ]
    command = [sys.executable, "-m", "scripts.handouts", str(site_dir), project.site_path, chromium, *targets]
    printed = subprocess.run(command, cwd=Path(__file__).resolve().parents[1], capture_output=True, text=True)
    if printed.returncode != 0:
        last = (printed.stderr.strip().splitlines() or ["no message"])[-1]
        return [
            finding(
                "Makefile",
                1,
                f"printing the handouts failed: {last}",
                "see the message; is chromium installed?",
                "handouts",
            )
        ]
    return []


def _print(site_dir: Path, site_path: str, chromium: str, targets: list[str]) -> None:
    """Each target is `<language folder>=<pdf path>`, e.g. `es/=site/es/handout.pdf`."""
    from playwright.sync_api import sync_playwright  # only the handouts need a browser

    with serve(site_dir, site_path) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        page = browser.new_page()
        for target in targets:
            folder, pdf = target.split("=", 1)
            page.goto(f"{url}/{folder}handout/", wait_until="networkidle")
            page.emulate_media(media="print")
            printed = page.pdf(print_background=True, outline=True, tagged=True, **PAPER)
            Path(pdf).write_bytes(without_print_time(printed))
        browser.close()


PRINT_TIME = re.compile(rb"/(CreationDate|ModDate) \(D:\d{14}[^)]*\)")


def without_print_time(pdf: bytes) -> bytes:
    """The same handout gives the same bytes: Chromium's print time becomes a fixed date of the
    same length, so the PDF's byte offsets stay valid."""
    return PRINT_TIME.sub(lambda m: b"/" + m.group(1) + b" (D:20000101000000+00'00')", pdf)


def normalized(text: str) -> str:
    """A title's letters in a fixed order. Chromium stores right-to-left headings in visual
    order, with words reversed and Latin words glued to their neighbours; the letters stay."""
    letters = unicodedata.normalize("NFKC", text)
    return "".join(sorted(ch for ch in letters if not ch.isspace() and unicodedata.category(ch) != "Cf"))


def outline_titles(outline: list) -> list[str]:  # type: ignore[type-arg] - pypdf's nested lists
    titles: list[str] = []
    for item in outline:
        if isinstance(item, list):
            titles += outline_titles(item)
        else:
            titles.append(normalized(str(item.title)))
    return titles


def check_handouts(project: Project, site_dir: Path) -> list[Finding]:
    from pypdf import PdfReader

    findings: list[Finding] = []
    default = project.default_language.code
    for language in project.built_languages:
        pdf = handout_path(site_dir, language.code, default)
        shown = f"site/{pdf.relative_to(site_dir).as_posix()}"
        if not pdf.is_file():
            findings.append(finding(shown, 1, "handout PDF was not made", "see the errors above", "handouts"))
            continue
        titles = set(outline_titles(PdfReader(pdf).outline))
        for page in project.source_pages(language.code):
            source = project.source_path(language.code, page)
            for block in blocks_in_markdown(source.read_text(encoding="utf-8")):
                if normalized(block.title) not in titles:
                    findings.append(
                        finding(
                            shown,
                            1,
                            f"key point {block.id} ({block.title!r}) is not in the handout",
                            "check the handout page prints every key point",
                            "handouts",
                        )
                    )
    return findings


if __name__ == "__main__":
    _print(Path(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4:])

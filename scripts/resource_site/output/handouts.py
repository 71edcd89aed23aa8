"""Printable handouts: each language's handout page printed to PDF by Chromium.

The PDF is made from the site itself (its print styles, fonts and direction); the handout
check (checks/handouts.py) reads it back.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from resource_site.findings import Finding, finding
from resource_site.output.local_server import serve
from resource_site.project import CHROMIUM, GENERATED, Language, Project

# Paper that fits both A4 (595 x 842 pt) and US Letter (612 x 792 pt): a hair inside A4's
# width and Letter's height, since Chromium rounds page sizes up to whole pixels.
PAPER = {"width": "209.5mm", "height": "279mm"}
PRINT_SECONDS = 600  # eleven languages print in well under a minute; a hung browser must not hang the build


def handout_path(site_dir: Path, language: Language) -> Path:
    return site_dir / language.prefix / GENERATED.handout_pdf


def print_handouts(project: Project, site_dir: Path) -> list[Finding]:
    """Print every built language's handout, in a process of its own (Playwright's synchronous
    API cannot start inside a program that already runs it, such as a browser test)."""
    chromium = CHROMIUM.path
    if not chromium.is_file():
        return [
            finding(
                "Makefile",
                1,
                f"no Chromium at {chromium} to print the handouts",
                "install it (apt-get install chromium) or set CHROMIUM=/path/to/chrome",
                "handouts",
            )
        ]
    targets = [f"{lang.prefix}={handout_path(site_dir, lang)}" for lang in project.built_languages]
    command = [sys.executable, "-m", "resource_site.output.handouts", str(site_dir), project.site_path, *targets]
    try:
        printed = subprocess.run(command, capture_output=True, text=True, timeout=PRINT_SECONDS)
    except subprocess.TimeoutExpired:
        return [
            finding(
                "Makefile",
                1,
                f"printing the handouts took over {PRINT_SECONDS} s and was stopped",
                "run `make build HANDOUTS=1` again; if it hangs again, check that chromium starts",
                "handouts",
            )
        ]
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


def _print(site_dir: Path, site_path: str, targets: list[str]) -> None:
    """Each target is `<language folder>=<pdf path>`, e.g. `es/=site/es/handout.pdf`."""
    from playwright.sync_api import sync_playwright  # only the handouts need a browser

    with serve(site_dir, site_path) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM.path), args=list(CHROMIUM.args))
        # JavaScript off: what is printed is the page as built (and as the allowlist checked it),
        # not what a script might make of it.
        page = browser.new_page(java_script_enabled=False)
        for target in targets:
            folder, pdf = target.split("=", 1)
            page.goto(f"{url}/{folder}{GENERATED.handout.removesuffix('.md')}/", wait_until="networkidle")
            page.emulate_media(media="print")
            printed = page.pdf(print_background=True, outline=True, tagged=True, **PAPER)
            Path(pdf).write_bytes(reproducible(printed))
        browser.close()


PRINT_TIME = re.compile(rb"/(CreationDate|ModDate) \(D:\d{14}[^)]*\)")
NODE_ID = re.compile(rb"\(node(\d{8})\)")
ID_TREE = re.compile(rb"/Limits \[\(node\d{8}\) \(node\d{8}\)\]\n/Names \[([^\]]*)\]")
ID_ENTRY = re.compile(rb"(\(node\d{8}\)) (\d+ 0 R)")


def reproducible(pdf: bytes) -> bytes:
    """The same handout gives the same bytes, every change keeping its length (so the PDF's byte
    offsets stay valid): Chromium's print time becomes a fixed date, and the ids it gives table
    headers in the tagged PDF (its page's node numbers, which differ from run to run) are
    numbered in the order they first appear, their name tree sorted again by the new ids."""
    fixed = PRINT_TIME.sub(lambda m: b"/" + m.group(1) + b" (D:20000101000000+00'00')", pdf)
    numbers: dict[bytes, int] = {}
    renumbered = NODE_ID.sub(lambda m: b"(node%08d)" % numbers.setdefault(m.group(1), len(numbers) + 1), fixed)
    return ID_TREE.sub(_sorted_id_tree, renumbered)


def _sorted_id_tree(tree: re.Match[bytes]) -> bytes:
    entries = sorted(ID_ENTRY.findall(tree.group(1)))
    names = b" ".join(name + b" " + reference for name, reference in entries)
    return b"/Limits [%s %s]\n/Names [%s]" % (entries[0][0], entries[-1][0], names)


if __name__ == "__main__":
    _print(Path(sys.argv[1]), sys.argv[2], sys.argv[3:])

"""Chinese pages in the other script (Traditional under `zh`, Simplified under `zh-Hant`) are named."""

from __future__ import annotations

import shutil

import pytest

from resource_site.checks.script_variant import chinese_script
from tests.conftest import Site, assert_reported
from tests.faults import add_language

TRADITIONAL = "這是學校的評估。我們會說明孩子們在學校裡的學習和進步。\n"


def chinese_in_traditional_characters(site: Site) -> None:
    add_language("zh", "中文")(site)
    site.edit("mkdocs.yml", "        name: 中文\n        build: false\n", "        name: 中文\n        build: true\n")
    shutil.copytree(site.path("docs/es"), site.path("docs/zh"))
    site.edit("docs/zh/index.md", "# ", f"{TRADITIONAL}\n# ")


def test_traditional_pages_under_simplified_chinese_are_reported(
    site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    def line(s: Site) -> int:
        rows = s.path("docs/zh/index.md").read_text(encoding="utf-8").splitlines()
        return next(n for n, row in enumerate(rows, start=1) if row == TRADITIONAL.strip())

    assert_reported(
        site,
        capsys,
        chinese_in_traditional_characters,
        lambda s: (
            f"docs/zh/index.md:{line(s)}: the page is written in Traditional characters (24 of 50, such as "
            "們學會習裡), but 'zh' is Simplified Chinese — write the page in Simplified characters, or list it "
            "under the language code of the script it is in"
        ),
    )


@pytest.mark.parametrize(
    ("code", "script"),
    [("zh", "Hans"), ("zh-Hans", "Hans"), ("zh-CN", "Hans"), ("zh-Hant", "Hant"), ("zh-TW", "Hant"), ("zh-HK", "Hant")],
)
def test_each_chinese_code_promises_its_script(code: str, script: str) -> None:
    assert chinese_script(code) == script

"""The translation status page, as a translator reads it on a phone and on a desktop: each stale
page's English diff opens and wraps, the value to set is on the page, and nothing is cut off
(no part of the page wider than the screen; a wide table scrolls inside its own box)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from resource_site.output.local_server import serve
from tests.conftest import Site
from tests.translation.test_commands import translated_and_committed

pytestmark = pytest.mark.browser

SCREENS = {"phone": {"width": 390, "height": 700}, "desktop": {"width": 1280, "height": 800}}
LONG_CHANGE = "you can ask the school to pay for an evaluation done by someone who does not work for the school, an"

OVERFLOW = """() => {
  const page = document.documentElement.scrollWidth <= window.innerWidth;
  const tables = [...document.querySelectorAll("article table")].map((table) => {
    const box = table.closest(".md-typeset__scrollwrap") || table.parentElement;
    const scrolls = ["auto", "scroll"].includes(getComputedStyle(box).overflowX);
    return table.scrollWidth <= box.clientWidth + 1 || scrolls;
  });
  return {page, tables};
}"""


@pytest.mark.parametrize("screen", SCREENS)
def test_a_stale_page_s_diff_reads_whole_on_a_phone_and_a_desktop(
    browser: Browser, site: Site, capsys: pytest.CaptureFixture[str], screen: str
) -> None:
    translated_and_committed(site)
    site.edit("docs/en/disagree.md", "you may be able to ask for an", LONG_CHANGE)
    assert site.run(capsys, "build").code == 0
    page = browser.new_page(viewport=SCREENS[screen], is_mobile=screen == "phone")
    with serve(site.path("site")) as url:
        page.goto(f"{url}/translation-status/")
        item = page.locator("li", has_text="docs/es/disagree.md")
        assert "Once it is updated, set translated_from: " in item.inner_text()
        diff = page.locator("details.english-diff")
        diff.locator("summary").click()
        code = diff.locator("pre code")
        assert LONG_CHANGE.split(", ")[1] in code.inner_text()
        # The diff wraps: its longest line is on the screen, not behind a scroll bar.
        assert code.evaluate("(element) => element.scrollWidth <= element.clientWidth + 1")
        fits = page.evaluate(OVERFLOW)
        assert fits["page"], "the page is wider than the screen"
        assert all(fits["tables"]), fits
        page.screenshot(path=str(site.root / f"status-{screen}.png"), full_page=True)

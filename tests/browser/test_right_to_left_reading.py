"""Arabic and Urdu pages read in the right order, as a reader's eyes meet them: an English title
inside right-to-left text keeps its halves in order, and the center's phone number and e-mail in
the footer read left to right. Proved on the rendered geometry of the text in Chromium, on the
real pages with a center's branding; screenshots are kept beside the build for a person to see."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page

from tests.branded import EMAIL, PHONE
from tests.conftest import ServedBuild

pytestmark = pytest.mark.browser

# The first and the last character of each run, located in the text as the browser laid it out.
EDGES = """([text, first, last]) => {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode, start = node.data.indexOf(text);
    if (start < 0 || !node.parentElement.checkVisibility()) continue;
    const box = (offset) => {
      const range = document.createRange();
      range.setStart(node, start + offset);
      range.setEnd(node, start + offset + 1);
      const rect = range.getBoundingClientRect();
      return { left: rect.left, top: Math.round(rect.top) };
    };
    return [box(text.indexOf(first)), box(text.lastIndexOf(last))];
  }
  return null;
}"""


def start_of(page: Page, text: str) -> dict[str, float]:
    """Where the first character of `text` was laid out."""
    edges = page.evaluate(EDGES, [text, text[0], text[-1]])
    assert edges is not None, f"{text!r} is not on the page"
    return edges[0]  # type: ignore[no-any-return]


def left_to_right(page: Page, text: str, first: str, last: str) -> bool:
    """Whether `first` is laid out left of `last`, on one line, in the run `text`."""
    edges = page.evaluate(EDGES, [text, first, last])
    assert edges is not None, f"{text!r} is not on the page"
    start, end = edges
    assert start["top"] == end["top"], f"{text!r} wraps; choose a shorter run"
    return bool(start["left"] < end["left"])


@pytest.mark.parametrize("code", ["ar", "ur"])
def test_an_english_title_and_the_phone_read_in_order(browser: Browser, branded_build: ServedBuild, code: str) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{branded_build.url}/{code}/sources/")
    page.screenshot(path=branded_build.site_dir.parent / f"right-to-left-{code}-sources.png", full_page=True)
    assert left_to_right(page, "Medical Therapies: What Families", "M", "F"), "the title's halves swapped"
    # A title that glossary tooltips split into several elements stays one run too.
    school, versus = start_of(page, "School Based"), start_of(page, "vs. Clinic-based")
    assert school["top"] == versus["top"] and school["left"] < versus["left"], "a split title reads out of order"
    assert left_to_right(page, PHONE, "+", "0"), "the phone number reads backwards"
    assert left_to_right(page, EMAIL, "i", "g"), "the e-mail address reads backwards"
    page.close()

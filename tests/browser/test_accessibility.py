"""Accessibility in a real browser: keyboard, reflow, contrast (axe on every page: test_every_page.py)."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE = Axe()


def violations(page: Page, rules: dict[str, object] | None = None) -> list[str]:
    options = rules or {"runOnly": {"type": "tag", "values": WCAG_22_AA}}
    result = AXE.run(page, options={**options, "resultTypes": ["violations"]})
    return [f"{v['id']}: {v['help']} at {[n['target'] for n in v['nodes']][:3]}" for v in result.response["violations"]]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", ["", "es/school-therapy/", "ar/questions-to-ask/"])
def test_key_point_and_notice_contrast(browser: Browser, site_url: str, path: str, scheme: str) -> None:
    page = browser.new_page(color_scheme=scheme)
    page.goto(f"{site_url}/{path}", wait_until="networkidle")
    expected = "slate" if scheme == "dark" else "default"
    assert page.get_attribute("body", "data-md-color-scheme") == expected
    rules = {"runOnly": {"type": "rule", "values": ["color-contrast", "link-in-text-block"]}}
    assert violations(page, rules) == []
    page.close()


@pytest.mark.parametrize("path", ["", "ar/school-therapy/"])
def test_keyboard_reaches_every_control_with_a_visible_focus(browser: Browser, site_url: str, path: str) -> None:
    page = browser.new_page()
    page.goto(f"{site_url}/{path}", wait_until="networkidle")
    reached: dict[str, bool] = {}
    wanted = {
        "skip link": ".md-skip",
        "language switcher": ".md-select button, .md-select .md-header__button",
        "search": ".md-search__input",
        "navigation": ".md-nav__link",
        "key point link": ".keypoint-link",
    }
    for _ in range(60):
        page.keyboard.press("Tab")
        found = page.evaluate(
            """(wanted) => {
              const e = document.activeElement;
              const style = getComputedStyle(e);
              const visible = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0
                || style.boxShadow !== "none" || e.matches(".md-skip");
              const box = e.getBoundingClientRect();
              for (const [name, selector] of Object.entries(wanted)) {
                if (e.matches(selector)) return [name, visible && box.width > 0 && box.height > 0];
              }
              return null;
            }""",
            wanted,
        )
        if found:
            reached.setdefault(found[0], found[1])
    assert reached == dict.fromkeys(wanted, True)
    page.close()


@pytest.mark.parametrize("width", [320, 640])  # a small phone, and 200% zoom of a 1280 px window
@pytest.mark.parametrize("path", ["", "es/", "ar/school-therapy/", "vi/glossary/", "zh/questions-to-ask/"])
def test_reflows_without_sideways_scrolling(browser: Browser, site_url: str, path: str, width: int) -> None:
    page = browser.new_page(viewport={"width": width, "height": 640})
    page.goto(f"{site_url}/{path}", wait_until="networkidle")
    # Material's script wraps each table in its own scrolling box after the page loads: wait for it.
    page.wait_for_function(
        "() => [...document.querySelectorAll('article table')].every(t => t.closest('.md-typeset__scrollwrap'))"
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    # Wide tables may scroll inside their own box (WCAG's exception for data tables); text does not.
    for overflow in page.eval_on_selector_all(
        "article p, article li, .admonition", "els => els.map(e => e.scrollWidth - e.clientWidth)"
    ):
        assert overflow <= 1
    page.close()

"""Printing from the browser: the questions checklist fits one sheet, A4 or US Letter, in every language."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser

from tests.real_site import DEFAULT, LANGUAGES, url

pytestmark = pytest.mark.browser


def page_count(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?!s)", pdf))


@pytest.mark.parametrize("code", LANGUAGES)
def test_questions_checklist_prints_on_one_page(browser: Browser, site_url: str, code: str) -> None:
    page = browser.new_page()
    page.goto(url(site_url, code, "questions-to-ask/"))
    page.emulate_media(media="print")
    for hidden in (".md-header", ".md-sidebar--primary", ".md-footer", ".keypoint-link", ".keypoint-share"):
        assert not page.locator(hidden).first.is_visible(), hidden
    assert page.locator(".checklist li").count() == 7
    for paper in ("A4", "Letter"):
        assert page_count(page.pdf(format=paper)) == 1, paper
    page.close()


def test_printed_outside_links_show_their_address(browser: Browser, site_url: str) -> None:
    page = browser.new_page()
    page.goto(url(site_url, DEFAULT, "sources/"))
    page.emulate_media(media="print")
    after = page.eval_on_selector('article a[href^="https://"]', "a => getComputedStyle(a, '::after').content")
    assert "https://theinspiredtreehouse.com/school-therapist-clinical-therapist" in after
    page.close()

"""Every query of the fixed list (one word per key point per language, typed as a reader may
type it: tests/browser/search_recall_queries.py) finds its key point's page."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser

from benchmarks.search_recall import pages_found
from tests.browser.search_recall_queries import QUERIES
from tests.real_site import LANGUAGES, url

pytestmark = pytest.mark.browser


def nothing_found_text(page: object) -> str:
    return str(
        page.evaluate("JSON.parse(document.getElementById('__config').textContent).translations['search.result.none']")
    )  # type: ignore[attr-defined]


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_key_point_is_found_by_its_word(browser: Browser, site_url: str, code: str) -> None:
    page = browser.new_page()
    home = url(site_url, code)
    page.goto(home)
    page.click(".md-search__input", force=True)
    missed = []
    for keypoint, where, query in QUERIES[code]:
        if urlsplit(home + where).path not in pages_found(page, query):
            missed.append((keypoint, query))
    assert missed == [], f"{len(missed)} of {len(QUERIES[code])} queries missed their page: {missed}"
    page.close()

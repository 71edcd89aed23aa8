"""Hosting: the site works under a sub-path (GitHub project pages) as at a domain's root."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Request

from tests.conftest import ServedBuild
from tests.real_site import DEFAULT, QUERIES, next_language, url

pytestmark = pytest.mark.browser


@pytest.fixture(params=["root", "subpath"])
def hosted(request: pytest.FixtureRequest) -> ServedBuild:
    build: ServedBuild = request.getfixturevalue("real_build" if request.param == "root" else "subpath_build")
    assert build.code == 0, build.report["findings"]
    return build


@pytest.mark.parametrize("code", [DEFAULT, "es", "ar", "zh"])
def test_pages_assets_search_and_switch_work(browser: Browser, hosted: ServedBuild, code: str) -> None:
    page = browser.new_page()
    failed: list[str] = []
    page.on("requestfailed", lambda request: failed.append(request.url))
    page.on("response", lambda response: response.status >= 400 and failed.append(response.url))
    outside: list[str] = []
    page.on("request", lambda request: _record_outside(request, hosted.url, outside))
    page.goto(url(hosted.url, code, "school-therapy/"))
    assert page.eval_on_selector("link[href$='site.css']", "l => !!l.sheet")  # the stylesheet loaded
    # Every link in the navigation opens a page of the same site.
    for href in page.eval_on_selector_all(".md-nav--primary a.md-nav__link[href]", "as => as.map(a => a.href)"):
        assert href.startswith(hosted.url + "/"), href
    page.fill(".md-search__input", QUERIES[code])
    page.press(".md-search__input", "End")
    page.locator(".md-search-result__item > .md-search-result__link").first.wait_for()
    first = page.locator(".md-search-result__item > .md-search-result__link").first.get_attribute("href")
    assert first.startswith(url(hosted.url, code))
    page.keyboard.press("Escape")
    target = next_language(code)
    page.hover(".md-header__option .md-select")
    page.locator(f'.md-select__link[hreflang="{target}"]').click()
    page.wait_for_url(url(hosted.url, target, "school-therapy/"))  # waits for the navigation itself
    page.wait_for_load_state("networkidle")
    assert failed == [] and outside == []
    page.close()


def _record_outside(request: Request, site: str, outside: list[str]) -> None:
    if not request.url.startswith(site.rsplit("/", 1)[0] if site.count("/") > 2 else site):
        outside.append(request.url)

"""Each language in a real browser: `lang` and direction, the language switcher, and search."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from tests.real_site import DEFAULT, LANGUAGES, QUERIES, RIGHT_TO_LEFT, next_language, url

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("code", LANGUAGES)
def test_lang_and_direction(browser: Browser, site_url: str, code: str) -> None:
    page = browser.new_page()
    page.goto(url(site_url, code, "school-therapy/"))
    assert page.get_attribute("html", "lang") == code
    expected = "rtl" if code in RIGHT_TO_LEFT else "ltr"
    assert page.get_attribute("html", "dir") == expected
    for selector in ("article p", "article li", "article .admonition.keypoint", ".md-nav--primary"):
        assert page.eval_on_selector(selector, "e => getComputedStyle(e).direction") == expected, selector
    page.close()


@pytest.mark.parametrize("code", LANGUAGES)
def test_switcher_lands_on_the_same_page(browser: Browser, site_url: str, code: str) -> None:
    target = next_language(code)
    page = browser.new_page()
    page.goto(url(site_url, code, "working-together/"))
    page.hover(".md-header__option .md-select")
    switcher = page.locator(f'.md-select__link[hreflang="{target}"]')
    names = page.locator(".md-select__link").all_inner_texts()
    assert [name.strip() for name in names] == [
        "English",
        "Español",
        "中文（简体）",
        "العربية",
        "বাংলা",
        "Français",
        "Kreyòl ayisyen",
        "한국어",
        "Русский",
        "اردو",
        "Tiếng Việt",
    ]
    switcher.click()
    page.wait_for_url(url(site_url, target, "working-together/"))
    assert page.get_attribute("html", "lang") == target
    page.close()


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("query_kind", ["word", "IEP"])
def test_search_answers_in_the_readers_language(browser: Browser, site_url: str, code: str, query_kind: str) -> None:
    """A word of the language, and "IEP" (on every language's pages): results in this language only,
    and no request leaves the site while searching."""
    page = browser.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(url(site_url, code))
    query = QUERIES[code] if query_kind == "word" else "IEP"
    page.click(".md-search__input", force=True)
    page.fill(".md-search__input", query)
    page.press(".md-search__input", "End")  # Material reads the query on keyup
    results = page.locator(".md-search-result__item > .md-search-result__link")
    results.first.wait_for()
    hrefs = [results.nth(i).get_attribute("href") for i in range(results.count())]
    assert hrefs, query
    home = url(site_url, code)
    for href in hrefs:
        assert href.startswith(home), f"{query!r} from {code} found {href}"
        rest = href[len(home) :]
        assert code != DEFAULT or rest.split("/")[0] not in LANGUAGES, href
    page.wait_for_load_state("networkidle")
    assert [address for address in requests if not address.startswith(site_url + "/")] == []
    page.close()

"""What the reader's browser adds: the 404 page and the language offer, in the reader's language."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, expect

from resource_site.content.catalogs import catalog_path, read_catalog
from tests.real_site import DEFAULT, LANGUAGES, PROJECT, RIGHT_TO_LEFT, url

pytestmark = pytest.mark.browser


def translated(code: str, english: str) -> str:
    if code == DEFAULT:
        return english
    return str(read_catalog(catalog_path(PROJECT.locales_dir, code))[english].string)


@pytest.mark.parametrize("code", LANGUAGES)
def test_missing_page_speaks_the_language_of_its_address(browser: Browser, site_url: str, code: str) -> None:
    page = browser.new_page()
    response = page.goto(url(site_url, code, "no-such-page/"))
    assert response is not None and response.status == 404
    # site.js switches the page to the address's language: wait for its result, not for time.
    expect(page.locator(".not-found h1")).to_have_text(translated(code, "Page not found"))
    expect(page.locator("html")).to_have_attribute("lang", code)
    expect(page.locator("html")).to_have_attribute("dir", "rtl" if code in RIGHT_TO_LEFT else "ltr")
    page.click(".not-found [data-home]")
    page.wait_for_url(url(site_url, code))
    page.close()


def test_offers_the_browsers_language_once_and_never_redirects(browser: Browser, site_url: str) -> None:
    context = browser.new_context(locale="es-MX")
    page = context.new_page()
    page.goto(url(site_url, DEFAULT, "medical-therapy/"))
    offer = page.locator(".language-suggestion")
    offer.wait_for()
    assert page.url == url(site_url, DEFAULT, "medical-therapy/")
    assert offer.get_attribute("lang") == "es"
    link = offer.locator("a")
    assert link.inner_text() == "Lea esta página en español"
    assert link.get_attribute("href") == url(site_url, "es", "medical-therapy/")
    assert offer.locator("button").get_attribute("aria-label") == "Cerrar"
    offer.locator("button").click()
    assert offer.is_hidden()
    page.reload()
    assert page.locator(".language-suggestion").is_hidden()
    context.close()


def test_offer_in_a_right_to_left_language(browser: Browser, site_url: str) -> None:
    context = browser.new_context(locale="ur-PK")
    page = context.new_page()
    page.goto(url(site_url, "fr", "glossary/"))
    offer = page.locator(".language-suggestion")
    offer.wait_for()
    assert offer.get_attribute("dir") == "rtl"
    offer.locator("a").click()
    page.wait_for_url(url(site_url, "ur", "glossary/"))
    assert page.locator(".language-suggestion").is_hidden()
    context.close()


@pytest.mark.parametrize(("locale", "code"), [("es-ES", "es"), ("de-DE", DEFAULT), ("zh-CN", "zh")])
def test_no_offer_when_the_page_is_already_preferred_or_unknown(
    browser: Browser, site_url: str, locale: str, code: str
) -> None:
    context = browser.new_context(locale=locale)
    page = context.new_page()
    page.goto(url(site_url, code))
    page.wait_for_load_state("networkidle")
    assert page.locator(".language-suggestion").is_hidden()
    context.close()


@pytest.mark.parametrize(("code", "term"), [("zh", "第 504 条"), ("bn", "ধারা 504"), ("ko", "504조"), ("en", "IEP")])
def test_a_glossary_tooltip_opens_and_reads_at_body_size(browser: Browser, site_url: str, code: str, term: str) -> None:
    """Tapping a term shows its explanation, in every script, as large as the text around it."""
    page = browser.new_page(viewport={"width": 390, "height": 844}, has_touch=True)
    prefix = PROJECT.language(code).prefix  # type: ignore[union-attr]
    page.goto(f"{site_url}/{prefix}")
    abbr = page.locator("article abbr", has_text=term).first
    abbr.scroll_into_view_if_needed()
    abbr.hover()
    tooltip = page.locator(".md-tooltip2__inner").first
    tooltip.wait_for(state="visible")
    body = abbr.evaluate("a => parseFloat(getComputedStyle(a.closest('p, li, td')).fontSize)")
    shown = tooltip.evaluate("t => parseFloat(getComputedStyle(t).fontSize)")
    assert shown >= body, (shown, body)
    assert tooltip.inner_text().strip()
    page.close()

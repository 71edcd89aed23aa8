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


def test_the_offer_shows_once_per_site_and_covers_nothing(browser: Browser, site_url: str) -> None:
    """Not closed, it is still not offered again on the next page; it stands above the title, in the flow."""
    context = browser.new_context(locale="es-MX", viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(url(site_url, DEFAULT, "medical-therapy/"))
    offer = page.locator(".language-suggestion")
    offer.wait_for()
    shown, title = offer.bounding_box(), page.locator("article h1").bounding_box()
    assert shown is not None and title is not None
    assert shown["y"] + shown["height"] <= title["y"], (shown, title)
    assert offer.evaluate("o => getComputedStyle(o).position") == "static"
    page.goto(url(site_url, DEFAULT, "school-therapy/"))
    page.wait_for_load_state("load")
    assert page.locator(".language-suggestion").is_hidden()
    context.close()


LAYOUT_SHIFTS = """
window.layoutShifts = [];
new PerformanceObserver((list) => {
  for (const shift of list.getEntries()) {
    const moved = shift.sources.map((s) => s.node && `${s.node.nodeName}.${s.node.className}`);
    window.layoutShifts.push({value: shift.value, moved});
  }
}).observe({type: "layout-shift", buffered: true});
"""


@pytest.mark.parametrize("code", ["es", "ar", "ur", "zh"])
def test_nothing_moves_when_the_offer_and_the_share_buttons_arrive_late(
    browser: Browser, site_url: str, code: str
) -> None:
    """On a slow phone connection the scripts run after the page is drawn. The offer's line, the
    share buttons and Material's search button have their place from the first frame, so the
    text never jumps: no layout shift at all, where Lighthouse once measured 0.07, and 0.18 in
    ar and ur (the no-script header overflowed to the left there)."""
    context = browser.new_context(locale="en-US", viewport={"width": 412, "height": 823}, is_mobile=True)
    page = context.new_page()
    page.add_init_script(LAYOUT_SHIFTS)
    slow = context.new_cdp_session(page)
    slow.send("Network.enable")
    slow.send(
        "Network.emulateNetworkConditions",
        {"offline": False, "latency": 150, "downloadThroughput": 204800, "uploadThroughput": 84375},
    )
    page.goto(url(site_url, code))
    expect(page.locator(".language-suggestion a")).to_have_text("Read this page in English")
    expect(page.locator(".keypoint-share").first).to_be_visible()
    page.wait_for_load_state("load")
    assert page.evaluate("window.layoutShifts") == []
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


@pytest.mark.parametrize("code", ["es", "ar", "zh", "ur"])
def test_the_draft_notice_is_one_line_and_opens_on_a_tap(browser: Browser, site_url: str, code: str) -> None:
    """On a phone the draft notice is its label only, and the page's title stays in the top half
    of the first screen; a tap shows the explanation."""
    page = browser.new_page(viewport={"width": 390, "height": 844}, has_touch=True)
    page.goto(url(site_url, code, "school-therapy/"))
    notice = page.locator("details.translation-notice")
    summary, explanation = notice.locator("summary"), notice.locator("p")
    assert summary.inner_text() == translated(code, "Draft translation.")
    assert explanation.is_hidden()
    box, title = notice.bounding_box(), page.locator("article h1").bounding_box()
    assert box is not None and title is not None
    assert box["height"] <= 60, box  # one line of label, at a finger's height
    assert title["y"] < 844 / 2, title
    summary.tap()
    expect(explanation).to_be_visible()
    page.close()


def test_the_language_switch_keeps_the_readers_place(browser: Browser, site_url: str) -> None:
    """From a key point's link in Spanish, the Arabic link opens the same key point, in view."""
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(url(site_url, "es", "school-therapy/") + "#kp-school-free")
    arabic = page.locator('.md-select__link[hreflang="ar"]')
    expect(arabic).to_have_attribute("href", url(site_url, "ar", "school-therapy/") + "#kp-school-free")
    page.evaluate("location.hash = '#kp-school-law'")
    expect(arabic).to_have_attribute("href", url(site_url, "ar", "school-therapy/") + "#kp-school-law")
    page.goto(str(arabic.get_attribute("href")))
    expect(page.locator("#kp-school-law")).to_be_in_viewport()
    page.close()


def test_a_shared_key_point_opens_in_view_and_marked(browser: Browser, site_url: str) -> None:
    """A key point's link opens the page with that key point below the fixed header, outlined."""
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(url(site_url, "es", "school-therapy/") + "#kp-school-law")
    point = page.locator("#kp-school-law")
    expect(point).to_be_in_viewport()
    header = page.locator(".md-header").bounding_box()
    box = point.bounding_box()
    assert header is not None and box is not None
    assert box["y"] >= header["y"] + header["height"], (box, header)
    assert point.evaluate("p => getComputedStyle(p).outlineStyle") == "solid"
    assert page.locator("#kp-school-free").evaluate("p => getComputedStyle(p).outlineStyle") == "none"
    page.close()


def test_a_key_point_is_copied_with_a_note_read_aloud(browser: Browser, site_url: str) -> None:
    """Without the Web Share API (as on this desktop Chromium), the link is copied and a visible
    status note says so, in the page's language."""
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(url(site_url, "es", "school-therapy/"))
    point = page.locator("#kp-school-free")
    share = point.locator(".keypoint-share")
    expect(share).to_have_attribute("aria-label", translated("es", "Share this key point"))
    share.click()
    note = point.locator(".keypoint-share__note[role='status']")
    expect(note).to_have_text(translated("es", "Link copied"))
    expect(note).to_be_visible()
    assert page.evaluate("navigator.clipboard.readText()") == url(site_url, "es", "school-therapy/") + "#kp-school-free"
    context.close()


def test_a_key_point_is_shared_with_the_phones_share_sheet(browser: Browser, site_url: str) -> None:
    """Where the phone has the Web Share API, the button hands it the key point's title and link."""
    context = browser.new_context()
    context.add_init_script("navigator.share = (data) => { window.shared = data; return Promise.resolve(); };")
    page = context.new_page()
    page.goto(url(site_url, "ar", "school-therapy/"))
    page.locator("#kp-school-free .keypoint-share").click()
    page.wait_for_function("() => window.shared !== undefined")
    shared = page.evaluate("window.shared")
    assert shared["url"] == url(site_url, "ar", "school-therapy/") + "#kp-school-free"
    assert shared["title"] == page.locator("#kp-school-free .keypoint-title").inner_text()
    context.close()

"""A parent center's site shows whose it is: the center's logo and short name in the header on a
phone and on a desktop (the logo named for the center, the site's title still there), and every
printed page ends with the center's name, phone, e-mail, web address and the page's own address.
Proved in Chromium on the real project branded as tests/branded.py; screenshots are kept beside
the build for a person to look at."""

from __future__ import annotations

import gzip
import io

import pytest
from playwright.sync_api import Browser, expect
from pypdf import PdfReader

from resource_site.checks.published_files import LOGO_KB
from tests import branded
from tests.browser.test_privacy_weight import BUDGET_KB
from tests.conftest import ROOT_ADDRESS, ServedBuild

pytestmark = pytest.mark.browser

SCREENS = {"phone": {"width": 390, "height": 700}, "desktop": {"width": 1280, "height": 800}}


def home(build: ServedBuild, code: str) -> str:
    return f"{build.url}/" if code == "en" else f"{build.url}/{code}/"


@pytest.mark.parametrize("screen", SCREENS)
@pytest.mark.parametrize("code", ["en", "es", "ar", "zh"])
def test_the_header_shows_the_centers_logo_and_short_name(
    browser: Browser, branded_build: ServedBuild, code: str, screen: str
) -> None:
    page = browser.new_page(viewport=SCREENS[screen], is_mobile=screen == "phone")
    page.goto(home(branded_build, code))
    header = page.locator(".md-header")
    logo = header.locator(".md-logo img")
    expect(logo).to_be_visible()
    expect(logo).to_have_attribute("alt", branded.name(code))
    expect(header.locator(".md-logo")).to_have_attribute("aria-label", branded.name(code))
    expect(header.locator(".md-header__center-name")).to_have_text(branded.short_name(code))
    site_title = header.locator(".md-header__site-name")
    expect(site_title).to_be_visible()
    assert site_title.inner_text().strip() == page.locator(".md-nav--primary > .md-nav__title").inner_text().strip()
    header_box, logo_box = header.bounding_box(), logo.bounding_box()
    assert header_box is not None and logo_box is not None
    assert logo_box["y"] >= header_box["y"] and logo_box["y"] + logo_box["height"] <= header_box["height"]
    page.screenshot(path=branded_build.site_dir.parent / f"identity-{code}-{screen}.png")
    page.close()


@pytest.mark.parametrize(("code", "path"), [("en", "school-therapy/"), ("es", "school-therapy/"), ("zh", "")])
def test_a_printed_page_ends_with_the_center_and_its_own_address(
    browser: Browser, branded_build: ServedBuild, code: str, path: str
) -> None:
    page = browser.new_page()
    page.goto(f"{home(branded_build, code)}{path}")
    address = f"{ROOT_ADDRESS}{'' if code == 'en' else code + '/'}{path}"  # the address it is published at
    printed = PdfReader(io.BytesIO(page.pdf(format="Letter"))).pages
    last = " ".join(printed[-1].extract_text().split())
    for detail in (branded.name(code), branded.PHONE, branded.EMAIL, branded.WEBSITE, branded.ADDRESS, address):
        assert detail in last, (detail, last[-400:])
    assert branded.name(code) not in " ".join(page.extract_text() for page in printed[:-1])  # once, at the end
    page.close()


def test_a_first_visit_with_the_largest_logo_allowed_stays_within_budget(
    browser: Browser, branded_build: ServedBuild
) -> None:
    """tests/branded.py's logo is as large as the logo check allows, and hard to compress."""
    assert len(branded.LOGO.encode()) == LOGO_KB * 1024
    context = browser.new_context(viewport=SCREENS["phone"], is_mobile=True)  # an empty cache
    page = context.new_page()
    compressed: dict[str, int] = {}
    page.on("response", lambda response: compressed.__setitem__(response.url, len(gzip.compress(response.body(), 6))))
    with page.expect_response(lambda response: response.url.endswith("search_index.json")):
        page.goto(home(branded_build, "es"))
    page.wait_for_load_state("networkidle")
    for extra in (f"{branded_build.url}/service-worker.js", f"{home(branded_build, 'es')}manifest.webmanifest"):
        compressed.setdefault(extra, len(gzip.compress(context.request.get(extra).body(), 6)))
    assert any(url.endswith("logo.svg") for url in compressed)
    assert sum(compressed.values()) / 1024 <= BUDGET_KB, sorted(compressed.items(), key=lambda item: -item[1])
    context.close()


def test_the_print_footer_is_not_on_the_screen(browser: Browser, branded_build: ServedBuild) -> None:
    page = browser.new_page()
    page.goto(home(branded_build, "es"))
    expect(page.locator(".print-source")).to_be_hidden()
    page.close()

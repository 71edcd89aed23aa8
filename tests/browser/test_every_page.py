"""Every page of the real site, each loaded once in a real browser: axe-core WCAG 2.2 AA, a strict
Content-Security-Policy with no violation, and no request to any other site (search included)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from tests.browser.test_accessibility import violations
from tests.real_site import DEFAULT, LANGUAGES, QUERIES, page_paths

pytestmark = pytest.mark.browser

RECORD_VIOLATIONS = """
  window.__csp = [];
  document.addEventListener("securitypolicyviolation",
    (e) => window.__csp.push(e.violatedDirective + " " + e.blockedURI));
"""


@pytest.mark.parametrize("path", page_paths())
def test_accessible_private_and_within_its_policy(browser: Browser, site_url: str, path: str) -> None:
    page = browser.new_page()
    page.add_init_script(RECORD_VIOLATIONS)
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(f"{site_url}/{path}", wait_until="networkidle")
    assert violations(page) == []
    code = path.split("/")[0] if path.split("/")[0] in LANGUAGES else DEFAULT
    page.fill(".md-search__input", QUERIES[code])
    page.press(".md-search__input", "End")
    page.locator(".md-search-result__meta").wait_for()  # the index has loaded and answered
    page.wait_for_load_state("networkidle")
    assert [address for address in requests if not address.startswith(site_url + "/")] == []
    assert page.locator('meta[http-equiv="Content-Security-Policy"]').count() == 1
    assert page.evaluate("window.__csp") == []
    page.close()

"""Every page of the real site, each loaded once in a real browser: axe-core WCAG 2.2 AA, a strict
Content-Security-Policy with no violation, and no request to any other site. (Searching makes no
outside request either: test_languages.py searches in every language with the same request log.)"""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from tests.browser.test_accessibility import violations
from tests.real_site import page_paths

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
    page.goto(f"{site_url}/{path}")
    assert violations(page) == []
    page.wait_for_load_state("networkidle")  # late requests (the search worker's index) are counted too
    assert [address for address in requests if not address.startswith(site_url + "/")] == []
    assert page.locator('meta[http-equiv="Content-Security-Policy"]').count() == 1
    assert page.evaluate("window.__csp") == []
    page.close()

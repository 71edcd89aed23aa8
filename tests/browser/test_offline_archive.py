"""The offline archive, unpacked and opened from disk: search answers in each language."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from resource_site.project import GENERATED
from tests.conftest import ServedBuild
from tests.real_site import DEFAULT, LANGUAGES, PROJECT, QUERIES

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def unpacked(real_build: ServedBuild, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(real_build.site_dir / GENERATED.offline_archive) as archive:
        archive.extractall(target)
    return target / "therapy-site"


@pytest.mark.parametrize("code", ["es", "ar", "zh", DEFAULT])
def test_offline_archive_searches_each_language_from_disk(browser: Browser, unpacked: Path, code: str) -> None:
    page = browser.new_page()
    outside: list[str] = []
    refused: list[str] = []  # the archive carries the site's Content-Security-Policy; search runs within it
    page.on("console", lambda message: "Content Security Policy" in message.text and refused.append(message.text))
    page.on("request", lambda request: request.url.startswith("file:") or outside.append(request.url))
    home = unpacked / PROJECT.language(code).prefix / "index.html"  # type: ignore[union-attr]
    page.goto(home.as_uri())
    page.fill(".md-search__input", QUERIES[code])
    page.press(".md-search__input", "End")
    results = page.locator(".md-search-result__item > .md-search-result__link")
    results.first.wait_for()
    prefix = unpacked.as_uri() + "/" + PROJECT.language(code).prefix  # type: ignore[union-attr]
    for href in [results.nth(i).get_attribute("href") for i in range(results.count())]:
        assert href.startswith(prefix), href
        assert code != DEFAULT or href[len(prefix) :].split("/")[0] not in LANGUAGES
    results.first.click()
    page.wait_for_url(lambda address: address.startswith(prefix) and ".html" in address)
    assert outside == []
    assert refused == []
    page.close()

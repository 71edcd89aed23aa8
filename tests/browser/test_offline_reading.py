"""Offline reading after one visit: the reader's language is kept by the site's service worker.

A reader visits one page; once the worker has kept the language (it says so on <html>), the
browser goes offline (Playwright's offline mode): the page reloads, another page of the same
language opens, and search answers. After the site is rebuilt with new text, the next visit
online shows the new text. Nothing of another site is ever kept.
"""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from resource_site.output.local_server import serve
from resource_site.output.offline_reading import MANIFEST
from resource_site.project import GENERATED
from tests.conftest import Site
from tests.real_site import PROJECT, url

pytestmark = pytest.mark.browser

KEPT = 'html[data-kept-offline="{}"]'


def visit_and_keep(context: BrowserContext, address: str, folder: str) -> Page:
    page = context.new_page()
    page.goto(address)
    page.wait_for_selector(KEPT.format(folder or "/"), state="attached")  # the worker's word, not a delay
    return page


@pytest.mark.parametrize(("code", "query"), [("es", "escuela"), ("ar", "المدرسة")])
def test_a_language_reads_offline_after_one_visit(browser: Browser, site_url: str, code: str, query: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = visit_and_keep(context, url(site_url, code, "school-therapy/"), f"{code}/")
    title = page.locator("article h1").inner_text()
    context.set_offline(True)
    page.reload()
    expect(page.locator("article h1")).to_have_text(title)
    page.goto(url(site_url, code, "glossary/"))
    expect(page.locator("article h1")).to_be_visible()
    page.click(".md-search__input", force=True)
    page.fill(".md-search__input", query)
    page.press(".md-search__input", "End")  # Material reads the query on keyup
    page.locator(".md-search-result__item > .md-search-result__link").first.wait_for()
    kept = page.evaluate(
        "caches.keys().then(names => Promise.all(names.map(n => caches.open(n).then(c => c.keys()))))"
        ".then(lists => lists.flat().map(r => r.url))"
    )
    assert kept and all(address.startswith(site_url + "/") for address in kept), kept
    context.close()


def test_the_worker_keeps_only_what_the_site_has(real_build: object) -> None:
    """The worker's lists name only files of the site (no other address), and every language."""
    site = real_build.site_dir  # type: ignore[attr-defined]
    worker = (site / "service-worker.js").read_text(encoding="utf-8")
    shared = json.loads(re.search(r"const SHARED = (.*);", worker).group(1))  # type: ignore[union-attr]
    languages = json.loads(re.search(r"const LANGUAGES = (.*);", worker).group(1))  # type: ignore[union-attr]
    for address in shared:
        assert "//" not in address and not address.startswith("/"), address
        assert (site / address).is_file(), address
    assert languages == [language.prefix for language in PROJECT.built_languages]


def test_a_rebuilt_site_shows_its_new_text_on_the_next_visit(
    site: Site, capsys: pytest.CaptureFixture[str], browser: Browser
) -> None:
    assert site.run(capsys, "build").code == 0
    with serve(site.path("site")) as address:
        context = browser.new_context()
        page = visit_and_keep(context, f"{address}/es/", "es/")
        text = site.path("docs/es/index.md").read_text(encoding="utf-8")
        site.write("docs/es/index.md", text.replace("# ", "# Nuevo: ", 1))
        assert site.run(capsys, "build").code == 0
        page.goto(f"{address}/es/")
        expect(page.locator("article h1")).to_contain_text("Nuevo:")
        # The new worker keeps the new text: offline, the page still shows it.
        page.wait_for_function("() => navigator.serviceWorker.controller !== null")
        page.reload()
        page.wait_for_selector(KEPT.format("es/"), state="attached")
        context.set_offline(True)
        page.reload()
        expect(page.locator("article h1")).to_contain_text("Nuevo:")
        context.close()


def test_the_offline_archive_carries_no_worker(real_build: object) -> None:
    """Opened from disk, the archive has nothing a worker could do; it names none."""
    site: Path = real_build.site_dir  # type: ignore[attr-defined]
    with zipfile.ZipFile(site / GENERATED.offline_archive) as archive:
        names = archive.namelist()
        assert not [name for name in names if name.endswith(("service-worker.js", MANIFEST))]
        page = next(name for name in names if name.endswith("es/index.html"))
        assert 'rel="manifest"' not in archive.read(page).decode("utf-8")
    assert 'rel="manifest"' in (site / "es" / "index.html").read_text(encoding="utf-8")

"""Search recall: of a fixed list of queries, one word per key point per language as a reader may
type it (tests/browser/search_recall_queries.py), how many find their key point's page, with
the forms a reader types in the index (plugin/search_forms.py) and without them.

The site is built once; "without" is the same site with the field of forms taken out of each
language's search index, so the difference is that field alone. Playwright drives Debian's
Chromium, typing each query into Material's search box as a reader would.
"""

from __future__ import annotations

import gzip
import json
import shutil
import subprocess
import sys
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Page

from benchmarks.measuring import BenchmarkError, progress
from resource_site.output.local_server import serve
from resource_site.plugin.search_forms import FIELD
from resource_site.project import CHROMIUM, Project

RESULT_LINKS = ".md-search-result__item > .md-search-result__link"
META = ".md-search-result__meta"
# Material rewrites the line above the results each time it answers a query: a mark put there
# before typing is gone once the answer is shown (the query is never waited for by time).
MARK = f"document.querySelector('{META}').append(Object.assign(document.createElement('span'), {{className: 'asked'}}))"
PLACEHOLDER = "JSON.parse(document.getElementById('__config').textContent).translations['search.result.placeholder']"


@dataclass(frozen=True)
class Recall:
    code: str
    queries: int
    found_with: int
    found_without: int
    index_kb_with: float
    index_kb_without: float


def pages_found(page: Page, query: str) -> set[str]:
    """The pages (paths) Material's search lists for `query`, once it has answered it."""
    page.fill(".md-search__input", "")
    page.press(".md-search__input", "End")
    page.wait_for_function(f"() => document.querySelector('{META}').textContent.trim() === {PLACEHOLDER}")
    page.evaluate(MARK)
    page.fill(".md-search__input", query)
    page.press(".md-search__input", "End")  # Material reads the query on keyup
    page.wait_for_selector(f"{META} .asked", state="detached")
    links = page.locator(RESULT_LINKS)
    return {urllib.parse.urlsplit(str(links.nth(i).get_attribute("href"))).path for i in range(links.count())}


def without_forms(site: Path, copy: Path) -> Path:
    """A copy of the built site whose search indexes lack the field of forms."""
    shutil.copytree(site, copy)
    for index in copy.rglob("search_index.json"):
        data = json.loads(index.read_text(encoding="utf-8"))
        data["config"]["fields"].pop(FIELD, None)
        data["docs"] = [{key: value for key, value in doc.items() if key != FIELD} for doc in data["docs"]]
        index.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return copy


def index_kb(site: Path, prefix: str) -> float:
    """A language's search index, gzip-compressed, in KB (as a server sends it)."""
    return len(gzip.compress((site / prefix / "search" / "search_index.json").read_bytes(), 6)) / 1024


def recall_of(site: Path, languages: list[tuple[str, str]]) -> dict[str, int]:
    """For each language (code, folder), how many of its queries find their key point's page."""
    from playwright.sync_api import sync_playwright

    from tests.browser.search_recall_queries import QUERIES  # the list lives with the tests

    found: dict[str, int] = {}
    with serve(site) as address, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM.path), args=list(CHROMIUM.args))
        for code, prefix in languages:
            page = browser.new_page()
            home = f"{address}/{prefix}"
            page.goto(home)
            page.click(".md-search__input", force=True)
            wanted = [(urllib.parse.urlsplit(home + where).path, query) for _, where, query in QUERIES[code]]
            found[code] = sum(1 for path, query in wanted if path in pages_found(page, query))
            page.close()
        browser.close()
    return found


def measure_search_recall(copy: Path, work: Path) -> list[Recall]:
    """Build the copy, then search it with the forms and without them."""
    progress("g. search recall: building the site, then typing every query, with and without the forms")
    built = subprocess.run(
        [sys.executable, "-m", "resource_site", "--root", str(copy), "build"], capture_output=True, text=True
    )
    if built.returncode != 0:
        raise BenchmarkError(f"the build for search recall failed: {built.stdout[-500:]}")
    site = copy / "site"
    plain = without_forms(site, work / "site-without-forms")
    languages = [(language.code, language.prefix) for language in Project(copy).built_languages]
    with_forms, without = recall_of(site, languages), recall_of(plain, languages)
    from tests.browser.search_recall_queries import QUERIES

    return [
        Recall(
            code,
            len(QUERIES[code]),
            with_forms[code],
            without[code],
            index_kb(site, prefix),
            index_kb(plain, prefix),
        )
        for code, prefix in languages
    ]

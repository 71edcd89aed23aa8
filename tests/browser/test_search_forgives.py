"""Search forgives how a word is typed: without accents, in decomposed Unicode, without or with
the Arabic article, inside a Korean compound or before its particles.

For each query, every page whose text holds the word, in any of its forms, must be found: the
expected pages are read from the built search index by plain substring search, not by the code
under test. (Before this, "مدرسة" found 2 pages where "المدرسة" found 9.)
"""

from __future__ import annotations

import json
import re
import unicodedata
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser

from benchmarks.search_recall import pages_found
from tests.conftest import ServedBuild
from tests.real_site import url

pytestmark = pytest.mark.browser

CASES = [
    ("vi", "truong", "trường"),
    ("fr", "ecole", "école"),
    ("fr", unicodedata.normalize("NFD", "école"), "école"),
    ("ht", "lekol", "lekòl"),
    ("es", "evaluacion", "evaluación"),
    ("ar", "مدرسة", "مدرسة"),
    ("ar", "المدرسة", "مدرسة"),
    ("ko", "치료사", "치료사"),
]


def pages_holding(real_build: ServedBuild, code: str, word: str) -> set[str]:
    prefix = "" if code == "en" else f"{code}/"
    index = json.loads((real_build.site_dir / prefix / "search" / "search_index.json").read_text(encoding="utf-8"))
    found = set()
    for doc in index["docs"]:
        text = re.sub(r"<[^>]+>", " ", f"{doc['title']} {doc['text']}")
        if word.casefold() in unicodedata.normalize("NFC", text).casefold():
            found.add(doc["location"].split("#")[0])
    return found


@pytest.mark.parametrize(("code", "query", "word"), CASES, ids=[f"{c}-{w}-{i}" for i, (c, _, w) in enumerate(CASES)])
def test_every_page_with_the_word_is_found_however_it_is_typed(
    browser: Browser, real_build: ServedBuild, site_url: str, code: str, query: str, word: str
) -> None:
    expected = pages_holding(real_build, code, word)
    assert expected, f"no page of {code} holds {word!r}: choose another word"
    page = browser.new_page()
    home = url(site_url, code)
    page.goto(home)
    page.click(".md-search__input", force=True)
    found = {path.removeprefix(urlsplit(home).path) for path in pages_found(page, query)}
    assert expected <= found, (query, sorted(expected - found))
    page.close()

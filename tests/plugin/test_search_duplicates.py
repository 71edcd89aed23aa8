"""Our search-index deduplication gives static-i18n's result, in time that grows with the entries."""

from __future__ import annotations

import copy
import random
from types import SimpleNamespace
from typing import Any

from mkdocs_static_i18n.plugin import I18n

from resource_site.plugin.languages import drop_search_duplicates

LANGUAGES = ["en", "es", "fr"]
PREFIXES = tuple(f"{code}/" for code in LANGUAGES)
PLACES = ["", "p/", "p/#a", "q/", "p/#b"]  # "" (the home page) ends every address


def upstream(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    result = copy.deepcopy(entries)
    I18n.reconfigure_search_duplicates(SimpleNamespace(build_languages=LANGUAGES), result)  # type: ignore[arg-type]
    return result


def ours(entries: list[dict[str, Any]]) -> tuple[bool, list[dict[str, Any]]]:
    result = copy.deepcopy(entries)
    return drop_search_duplicates(result, PREFIXES), result


def entry(location: str, title: str = "T", text: str = "x") -> dict[str, Any]:
    return {"location": location, "title": title, "text": text}


def test_entries_with_the_default_languages_title_text_and_address_are_dropped() -> None:
    entries = [entry("p/"), entry("q/", text="y"), entry("es/p/"), entry("es/q/"), entry("fr/p/", title="U")]
    done, result = ours(entries)
    assert done
    assert result == [entry("p/"), entry("q/", text="y"), entry("es/q/"), entry("fr/p/", title="U")]
    assert result == upstream(entries)


def test_the_entry_right_after_a_dropped_one_is_kept_as_upstream_keeps_it() -> None:
    # upstream removes from the list it walks, so it never looks at es/p/'s neighbour fr/p/
    entries = [entry("p/"), entry("es/p/"), entry("fr/p/"), entry("es/q/")]
    done, result = ours(entries)
    assert done
    assert result == upstream(entries) == [entry("p/"), entry("fr/p/"), entry("es/q/")]


def test_entries_not_laid_out_as_a_build_lays_them_out_are_left_to_upstream() -> None:
    other_first = [entry("es/p/"), entry("p/"), entry("fr/p/")]
    twice = [entry("p/"), entry("es/p/"), entry("es/p/")]
    not_text = [entry("p/"), {"location": "es/p/", "title": ["T"], "text": "x"}]
    default_not_text = [{"location": "p/", "title": ["T"], "text": "x"}, entry("es/p/")]
    for entries in (other_first, twice, not_text, default_not_text):
        done, result = ours(entries)
        assert not done
        assert result == entries


def test_entries_with_tags_are_deduplicated_as_upstream_does() -> None:
    # Material adds a page's tags to its entries as a list (a value no set can hold)
    entries = [{**entry(place), "tags": ["iep"]} for place in ("p/", "es/p/", "fr/p/", "es/q/")]
    done, result = ours(entries)
    assert done
    assert result == upstream(entries)


def test_many_random_indexes_come_out_as_upstreams() -> None:
    chooser = random.Random(20261203)  # the same cases in every run
    compared = 0
    for _ in range(3000):

        def chosen(prefix: str) -> dict[str, Any]:
            return entry(prefix + chooser.choice(PLACES), chooser.choice("AB"), chooser.choice("xy"))

        defaults = [chosen("") for _ in range(chooser.randint(0, 4))]
        others = [chosen(chooser.choice(LANGUAGES[1:]) + "/") for _ in range(chooser.randint(0, 12))]
        done, result = ours(defaults + others)
        if done:
            assert result == upstream(defaults + others), defaults + others
            compared += 1
    assert compared > 1000

"""Glossary terms are found as a reader would find them, in every script."""

from __future__ import annotations

import pytest

from resource_site.content.term_matching import TermFinder

FINDER = TermFinder(
    {
        "IDEA": "idea",
        "IEP": "iep",
        "IEPs": "iep",
        "504 Plan": "504-plan",
        "特殊教育": "special-education",
        "第 504 条": "section-504",
        "Medicaid": "medicaid",
        "특수교육": "special-education",
        "504 পরিকল্পনা": "504-plan",
        "Kế hoạch 504": "504-plan",
    }
)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("学校为没有接受特殊教育的学生提供帮助", ["特殊教育"]),  # Chinese: no spaces around words
        ("根据第 504 条，学校", ["第 504 条"]),
        ("Medicaid가 비용을 내요. 특수교육은 달라요.", ["Medicaid", "특수교육"]),  # Korean particles
        ("আপনার সন্তানের 504 পরিকল্পনা আছে।", ["504 পরিকল্পনা"]),  # ends in a vowel sign
        ("theo Kế hoạch\n504 của con", ["Kế hoạch\n504"]),  # a line break inside the term
        ("Two IEPs, one IEP.", ["IEPs", "IEP"]),
        ("A good idea is not IDEA.", ["IDEA"]),  # case counts
        ("The IEPS team, MIEP, IEPx", []),  # not inside other words
    ],
)
def test_terms_are_found_as_words_of_their_script(text: str, found: list[str]) -> None:
    assert [text[term.start : term.end] for term in FINDER.find(text)] == found


@pytest.mark.parametrize(
    ("forms", "loosely", "text", "found"),
    [
        ({"early intervention": "ei"}, True, "About Early-Intervention: early\u00adintervention.", 2),
        ({"\u00adhyphenated": "x"}, False, "a \u00adhyphenated word", 1),  # starts with an invisible character
        ({"\u00ad early": "e"}, True, "early help", 1),  # … and a space, which the loose search ignores too
        ({"Medicaid": "m", "ſchool": "s"}, True, "SCHOOL and medicaid", 2),  # any case of the first letter
        ({"\u200b": "nothing visible"}, True, "text", 0),  # a form of invisible characters alone
    ],
)
def test_the_search_skips_ahead_without_missing_a_form(
    forms: dict[str, str], loosely: bool, text: str, found: int
) -> None:
    """The search jumps to the next place where a form's first letter stands (in any case); the
    places it jumps over hold no form, written strictly or loosely."""
    assert len(TermFinder(forms, loosely=loosely).find(text)) == found

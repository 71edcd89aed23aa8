"""The forms a reader may type, added to each search entry: what they are, per script."""

from __future__ import annotations

from resource_site.plugin.search_forms import BOOST, FIELD, other_forms, with_forgiving_forms


def test_latin_words_without_their_marks() -> None:
    assert other_forms("Trường học <b>école</b> đi Lekòl", "vi").split() == ["Lekol", "Truong", "di", "ecole", "hoc"]


def test_arabic_words_without_and_with_the_article() -> None:
    assert set(other_forms("للمدرسة والبيت", "ar").split()) == {"مدرسة", "المدرسة", "بيت", "البيت"}
    assert other_forms("للمدرسة", "ur").split() == ["مدرسة"]  # Urdu: the form without only


def test_hangul_word_ends() -> None:
    assert set(other_forms("작업치료는", "ko").split()) == {"업치료는", "치료는", "료는"}


def test_words_already_on_the_page_are_not_repeated_and_rank_below_the_text() -> None:
    index = {
        "config": {"fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}}},
        "docs": [{"location": "a/", "title": "École", "text": "ecole"}, {"location": "b/", "title": "x", "text": "y"}],
    }
    forgiving = with_forgiving_forms(index, "fr")
    assert forgiving["config"]["fields"][FIELD] == {"boost": BOOST} and BOOST < 1.0  # type: ignore[index]
    assert forgiving["docs"] == [
        {"location": "a/", "title": "École", "text": "ecole", FIELD: "Ecole"},
        index["docs"][1],
    ]  # type: ignore[index]

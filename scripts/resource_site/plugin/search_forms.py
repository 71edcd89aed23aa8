"""Search that forgives how a reader types a word: each entry of a search index gets a field of
the other forms a reader may type for its words, searched but never shown.

- Latin script: the word without accents or marks ("truong" finds "trường", "ecole" "école";
  đ as d), as readers type on a phone without the language's keyboard.
- Arabic script: the word without its article or a prefix (مدرسة finds المدرسة, والمدرسة,
  بالمدرسة), and in Arabic itself with the article too (المدرسة finds مدرسة); Urdu, which
  takes the article only in Arabic phrases, gets the form without it.
- Hangul: the ends of a word (치료 finds 작업치료는): Korean attaches particles and writes
  compounds as one word, and search matches the start of words.

Material's search worker reads an index's fields from the index itself (config.fields), so the
field needs no change to the theme. Its boost is below the page text's: an exact match ranks
first. A query typed in decomposed Unicode is made NFC by site.js before Material reads it.
"""

from __future__ import annotations

import re
import unicodedata

FIELD = "forms"
BOOST = 0.5
TAG = re.compile(r"<[^>]+>")
# Punctuation of our scripts: the search separator adds it to Material's (plugin/search_split),
# and a word here runs to the next space, hyphen or such punctuation, as lunr splits it (\w
# alone would cut Bengali at its vowel signs and Arabic at its short vowels).
PUNCTUATION = r".,;:!?()\[\]\"'«»“”‘’،؛؟۔।、。，．？！；：（）"
WORD = re.compile(rf"[^\s\-{PUNCTUATION}]+")
LATIN_LETTERS_WITHOUT_DECOMPOSITION = str.maketrans({"đ": "d", "Đ": "D", "ø": "o", "ł": "l", "ß": "ss"})
ARTICLE = "ال"
# "and the", "so the", "with the", "like the", "for the", "the": longest first
ARABIC_PREFIXES = ("وال", "فال", "بال", "كال", "لل", "ال")
MIN_LETTERS = 3


def _script(word: str) -> str:
    name = unicodedata.name(word[0], "")
    if name.startswith("LATIN"):
        return "latin"
    if name.startswith("ARABIC"):
        return "arabic"
    if name.startswith("HANGUL"):
        return "hangul"
    return "other"


def without_marks(word: str) -> str:
    """A Latin word without its accents and marks."""
    decomposed = unicodedata.normalize("NFKD", word.translate(LATIN_LETTERS_WITHOUT_DECOMPOSITION))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def arabic_forms(word: str, with_article: bool) -> set[str]:
    """The word without an article or prefix, and (`with_article`) with the article."""
    word = "".join(ch for ch in word if not unicodedata.combining(ch))  # short vowels are optional
    base = word
    for prefix in ARABIC_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= MIN_LETTERS:
            base = word[len(prefix) :]
            break
    if len(base) < MIN_LETTERS:
        return set()
    return {base, ARTICLE + base} if with_article else {base}


def word_ends(word: str) -> set[str]:
    """Every end of a Hangul word of two syllables or more (작업치료는: 업치료는, 치료는, 료는)."""
    return {word[start:] for start in range(1, len(word) - 1)}


def _words(text: str) -> set[str]:
    return set(WORD.findall(unicodedata.normalize("NFC", TAG.sub(" ", text))))


def other_forms(text: str, code: str) -> str:
    """The forms a reader may type for the words of a text in language `code`, that are not
    already its words."""
    words = _words(text)
    forms: set[str] = set()
    for word in words:
        script = _script(word)
        if script == "latin":
            forms.add(without_marks(word))
        elif script == "arabic":
            forms |= arabic_forms(word, with_article=code.split("-")[0] == "ar")
        elif script == "hangul":
            forms |= word_ends(word)
    return " ".join(sorted(form for form in forms - words if form))


def with_forgiving_forms(index: dict[str, object], code: str) -> dict[str, object]:
    """The index with the field of other forms in its config and, once per page, on the page's
    first entry: the forms of all its sections' words (a page is found; the first-load budget
    does not pay for the same form once per section)."""
    config = dict(index["config"])  # type: ignore[call-overload]
    config["fields"] = {**config["fields"], FIELD: {"boost": BOOST}}
    docs: list[dict[str, str]] = list(index["docs"])  # type: ignore[call-overload]
    pages: dict[str, list[int]] = {}
    for number, doc in enumerate(docs):
        pages.setdefault(doc["location"].split("#")[0], []).append(number)
    for numbers in pages.values():
        text = " ".join(f"{docs[n].get('title', '')} {docs[n].get('text', '')}" for n in numbers)
        forms = other_forms(text, code)
        if forms:
            docs[numbers[0]] = {**docs[numbers[0]], FIELD: forms}
    return {**index, "config": config, "docs": docs}

"""The language guesser keeps py3langid's model decompressed between runs, and guesses the same."""

from __future__ import annotations

from pathlib import Path

from resource_site.content.language_id import MODEL_PARTS, LanguageGuesser, _full_identifier

CODES = ["en", "es", "fr", "ar", "ur", "zh", "ko", "ru", "bn", "vi", "ht"]
TEXTS = [
    "Your child may get therapy at school, at a clinic, or both. Each kind has its own goal.",
    "Su hijo puede recibir terapia en la escuela, en una clínica o en ambos lugares.",
    "Votre enfant peut recevoir une thérapie à l'école, dans une clinique, ou les deux.",
    "قد يحصل طفلكم على العلاج في المدرسة أو في عيادة أو في كليهما معًا حسب حاجته.",
    "آپ کے بچے کو اسکول میں، کلینک میں، یا دونوں جگہ علاج مل سکتا ہے، یہ اس کی ضرورت پر ہے۔",
    "您的孩子可能在学校接受治疗，也可能在诊所接受治疗，或者两者都有。每种治疗都有自己的目标。",
]


def guesses(cache: Path | None) -> list[tuple[str, float] | None]:
    _full_identifier.cache_clear()  # as a new run would: read from the cache, or decompress
    guesser = LanguageGuesser(CODES, cache)
    return [guesser.guess(text) for text in TEXTS]


def test_the_kept_model_guesses_exactly_as_py3langids_own(tmp_path: Path) -> None:
    cache = tmp_path / "language-model"
    expected = guesses(None)
    assert guesses(cache) == expected  # the first run decompresses and keeps it
    [kept] = cache.iterdir()
    assert sorted(path.stem for path in kept.iterdir()) == sorted(MODEL_PARTS)
    assert guesses(cache) == expected  # a later run maps what was kept
    _full_identifier.cache_clear()


def test_a_kept_model_cut_short_is_decompressed_again(tmp_path: Path) -> None:
    cache = tmp_path / "language-model"
    expected = guesses(cache)
    [kept] = cache.iterdir()
    whole = (kept / "ptc.npy").stat().st_size
    (kept / "ptc.npy").write_bytes((kept / "ptc.npy").read_bytes()[:1000])  # as if the disk filled up
    assert guesses(cache) == expected
    assert (kept / "ptc.npy").stat().st_size == whole  # kept again, whole
    _full_identifier.cache_clear()

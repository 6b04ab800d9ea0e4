"""Hangul syllables <-> compatibility jamo (essaylint.korean.jamo). Pure, no model."""

from __future__ import annotations

import pytest

from essaylint.korean.jamo import (
    COMPOUND_FINALS,
    COMPOUND_VOWELS,
    FINALS,
    INITIALS,
    VOWELS,
    Jamo,
    compose,
    compose_word,
    decompose,
    decompose_word,
    is_hangul_word,
    is_syllable,
    join_final,
    join_vowel,
)


def test_inventory_sizes() -> None:
    assert (len(INITIALS), len(VOWELS), len(FINALS)) == (19, 21, 28)
    assert FINALS[0] == ""


@pytest.mark.parametrize(
    ("syllable", "letters"),
    [
        ("가", Jamo("ㄱ", "ㅏ", "")),
        ("각", Jamo("ㄱ", "ㅏ", "ㄱ")),
        ("힣", Jamo("ㅎ", "ㅣ", "ㅎ")),
        ("왔", Jamo("ㅇ", "ㅘ", "ㅆ")),
        ("읽", Jamo("ㅇ", "ㅣ", "ㄺ")),
        ("뛰", Jamo("ㄸ", "ㅟ", "")),
    ],
)
def test_decompose_and_compose(syllable: str, letters: Jamo) -> None:
    assert decompose(syllable) == letters
    assert compose(*letters) == syllable


def test_every_syllable_round_trips() -> None:
    for code in range(0xAC00, 0xD7A4):
        char = chr(code)
        assert compose(*decompose(char)) == char


def test_words() -> None:
    letters = decompose_word("어떠한")
    assert letters[0] == Jamo("ㅇ", "ㅓ", "")
    assert letters[1].initial == "ㄸ"
    assert compose_word(letters) == "어떠한"


@pytest.mark.parametrize("bad", ["a", "ㄱ", "가나", "", "ᄀ"])
def test_decompose_rejects_non_syllables(bad: str) -> None:
    with pytest.raises(ValueError):
        decompose(bad)


@pytest.mark.parametrize(
    ("initial", "vowel", "final"), [("ㄸ", "ㅏ", "ㄸ"), ("ㅏ", "ㅏ", ""), ("ㄱ", "ㄱ", "")]
)
def test_compose_rejects_letters_out_of_place(initial: str, vowel: str, final: str) -> None:
    with pytest.raises(ValueError):
        compose(initial, vowel, final)


def test_syllable_predicates() -> None:
    assert is_syllable("한") and not is_syllable("ㅎ") and not is_syllable("A")
    assert is_hangul_word("출퇴근")
    assert not is_hangul_word("Redis에") and not is_hangul_word("")


def test_compound_letters() -> None:
    assert join_vowel("ㅗ", "ㅏ") == "ㅘ"
    assert join_vowel("ㅏ", "ㅗ") is None
    assert join_final("ㄹ", "ㄱ") == "ㄺ"
    assert join_final("ㄱ", "ㄹ") is None
    for vowel, (first, second) in COMPOUND_VOWELS.items():
        assert join_vowel(first, second) == vowel
    for final, (first, second) in COMPOUND_FINALS.items():
        assert join_final(first, second) == final

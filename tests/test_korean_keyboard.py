"""The 두벌식 keyboard: neighbours, keystrokes and the input automaton. Pure, no model."""

from __future__ import annotations

import pytest

from essaylint.korean.keyboard import (
    JAMO_KEYS,
    KEY_JAMO,
    jamo_neighbours,
    key_neighbours,
    keystrokes,
    to_qwerty,
    type_keys,
)


def test_layout() -> None:
    assert KEY_JAMO["r"] == "ㄱ" and KEY_JAMO["e"] == "ㄷ"
    assert KEY_JAMO["k"] == "ㅏ" and KEY_JAMO["j"] == "ㅓ"
    assert KEY_JAMO["R"] == "ㄲ" and KEY_JAMO["P"] == "ㅖ"
    assert JAMO_KEYS["ㅡ"] == "m"
    assert len(KEY_JAMO) == 33


def test_key_neighbours_follow_the_staggered_rows() -> None:
    assert key_neighbours("r") == {"e", "t", "d", "f"}
    assert key_neighbours("k") == {"j", "l", "i", "o", "m"}
    assert key_neighbours("q") == {"w", "a"}
    assert key_neighbours("R") == key_neighbours("r")


def test_jamo_neighbours() -> None:
    # ㄱ and ㄷ are the r and e keys; ㅏ and ㅓ are k and j.
    assert "ㄷ" in jamo_neighbours("ㄱ") and "ㄱ" in jamo_neighbours("ㄷ")
    assert "ㅓ" in jamo_neighbours("ㅏ") and "ㅏ" in jamo_neighbours("ㅓ")
    assert "ㄲ" in jamo_neighbours("ㄱ")  # Shift
    assert "ㄱ" not in jamo_neighbours("ㄱ")
    assert "ㅗ" in jamo_neighbours("ㅎ")  # g touches h: a consonant next to a vowel
    assert jamo_neighbours("ㅘ") == frozenset()  # two keys: no neighbours of its own


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        ("한글", "ㅎㅏㄴㄱㅡㄹ"),
        ("왔다", "ㅇㅗㅏㅆㄷㅏ"),
        ("읽어", "ㅇㅣㄹㄱㅇㅓ"),
        ("값이", "ㄱㅏㅂㅅㅇㅣ"),
    ],
)
def test_keystrokes_split_compounds(text: str, keys: str) -> None:
    assert keystrokes(text) == tuple(keys)
    assert type_keys(keystrokes(text)) == text


def test_to_qwerty() -> None:
    assert to_qwerty("한글") == "gksrmf"
    assert to_qwerty("어떠한") == "djEjgks"


@pytest.mark.parametrize(
    ("keys", "typed"),
    [
        ("ㄷㅏㄹㄹㅡㄴ", "달른"),  # a final pressed twice
        ("ㅁㅓㄱㄱㅓ", "먹거"),  # the doubled key starts the next syllable
        ("ㄱㅏㅂㅅㅇㅣ", "값이"),
        ("ㄱㅏㅂㅅㅣ", "갑시"),  # a vowel takes the second half of a compound final
        ("ㅇㅗㅏ", "와"),
        ("ㅏㄱ", "ㅏㄱ"),  # no initial: lone jamo, as an IME shows them
        ("ㄱㄴㅏ", "ㄱ나"),
        ("ㄷㅏ ㄱ", "다 ㄱ"),  # other characters pass through and end the syllable
    ],
)
def test_type_keys(keys: str, typed: str) -> None:
    assert type_keys(tuple(keys)) == typed


def test_every_syllable_types_back() -> None:
    for code in range(0xAC00, 0xD7A4, 7):
        char = chr(code)
        assert type_keys(keystrokes(char)) == char

"""Hangul syllables <-> jamo, in Unicode compatibility jamo (ㄱ, ㅏ, ㄳ …).

A syllable U+AC00..U+D7A3 is `0xAC00 + (initial * 21 + vowel) * 28 + final`, with 19 initials,
21 vowels and 28 finals (the first "final" is none). Jamo are written as compatibility letters
(U+3131..U+3163) throughout, so an initial ㄱ and a final ㄱ are the same character and the
keyboard module can map both to the same key.
"""

from __future__ import annotations

from typing import NamedTuple

__all__ = [
    "COMPOUND_FINALS",
    "COMPOUND_VOWELS",
    "CONSONANTS",
    "FINALS",
    "INITIALS",
    "VOWELS",
    "Jamo",
    "compose",
    "compose_word",
    "decompose",
    "decompose_word",
    "is_hangul_word",
    "is_syllable",
    "join_final",
    "join_vowel",
]

INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
VOWELS = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
FINALS: tuple[str, ...] = (
    "",
    *"ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ",
)
CONSONANTS = frozenset(INITIALS) | frozenset(f for f in FINALS if f)
"""Every consonant letter, simple, tense or compound."""

COMPOUND_VOWELS: dict[str, tuple[str, str]] = {
    "ㅘ": ("ㅗ", "ㅏ"),
    "ㅙ": ("ㅗ", "ㅐ"),
    "ㅚ": ("ㅗ", "ㅣ"),
    "ㅝ": ("ㅜ", "ㅓ"),
    "ㅞ": ("ㅜ", "ㅔ"),
    "ㅟ": ("ㅜ", "ㅣ"),
    "ㅢ": ("ㅡ", "ㅣ"),
}
"""Vowels typed as two keys on a 두벌식 keyboard."""

COMPOUND_FINALS: dict[str, tuple[str, str]] = {
    "ㄳ": ("ㄱ", "ㅅ"),
    "ㄵ": ("ㄴ", "ㅈ"),
    "ㄶ": ("ㄴ", "ㅎ"),
    "ㄺ": ("ㄹ", "ㄱ"),
    "ㄻ": ("ㄹ", "ㅁ"),
    "ㄼ": ("ㄹ", "ㅂ"),
    "ㄽ": ("ㄹ", "ㅅ"),
    "ㄾ": ("ㄹ", "ㅌ"),
    "ㄿ": ("ㄹ", "ㅍ"),
    "ㅀ": ("ㄹ", "ㅎ"),
    "ㅄ": ("ㅂ", "ㅅ"),
}
"""Finals made of two consonant keys."""

_JOIN_VOWEL = {pair: vowel for vowel, pair in COMPOUND_VOWELS.items()}
_JOIN_FINAL = {pair: final for final, pair in COMPOUND_FINALS.items()}
_INITIAL_INDEX = {jamo: i for i, jamo in enumerate(INITIALS)}
_VOWEL_INDEX = {jamo: i for i, jamo in enumerate(VOWELS)}
_FINAL_INDEX = {jamo: i for i, jamo in enumerate(FINALS)}
_BASE = 0xAC00
_LAST = 0xD7A3


class Jamo(NamedTuple):
    """One syllable's letters; `final` is "" when there is none."""

    initial: str
    vowel: str
    final: str = ""


def is_syllable(char: str) -> bool:
    """Whether `char` is one precomposed Hangul syllable (가..힣)."""
    return len(char) == 1 and _BASE <= ord(char) <= _LAST


def is_hangul_word(text: str) -> bool:
    """Whether `text` is non-empty and made of Hangul syllables only."""
    return bool(text) and all(_BASE <= ord(char) <= _LAST for char in text)


def decompose(syllable: str) -> Jamo:
    """`'각'` -> `Jamo('ㄱ', 'ㅏ', 'ㄱ')`; raises ValueError for anything but a syllable."""
    if not is_syllable(syllable):
        raise ValueError(f"not a Hangul syllable: {syllable!r}")
    index = ord(syllable) - _BASE
    initial, rest = divmod(index, 21 * 28)
    vowel, final = divmod(rest, 28)
    return Jamo(INITIALS[initial], VOWELS[vowel], FINALS[final])


def compose(initial: str, vowel: str, final: str = "") -> str:
    """`('ㄱ', 'ㅏ', 'ㄱ')` -> `'각'`; raises ValueError when a letter cannot go in its slot."""
    try:
        i = _INITIAL_INDEX[initial]
        v = _VOWEL_INDEX[vowel]
        f = _FINAL_INDEX[final]
    except KeyError:
        raise ValueError(f"cannot compose {initial!r} + {vowel!r} + {final!r}") from None
    return chr(_BASE + (i * 21 + v) * 28 + f)


def decompose_word(word: str) -> tuple[Jamo, ...]:
    """Every syllable of a Hangul-only word, decomposed."""
    return tuple(decompose(char) for char in word)


def compose_word(letters: tuple[Jamo, ...] | list[Jamo]) -> str:
    """The inverse of `decompose_word`."""
    return "".join(compose(*jamo) for jamo in letters)


def join_vowel(first: str, second: str) -> str | None:
    """`ㅗ` + `ㅏ` -> `ㅘ`; None when the two keys do not make one vowel."""
    return _JOIN_VOWEL.get((first, second))


def join_final(first: str, second: str) -> str | None:
    """`ㄹ` + `ㄱ` -> `ㄺ`; None when the two keys do not make one final."""
    return _JOIN_FINAL.get((first, second))

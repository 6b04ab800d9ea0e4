"""The 두벌식 (KS X 5002) keyboard: which key types which jamo, which keys touch, and typing.

Keys are named by the QWERTY letter they sit on (`r` types ㄱ, `k` types ㅏ, `R` is Shift+r,
ㄲ). Two keys are neighbours when they are next to each other in a row or touch across rows on a
standard staggered layout (rows offset by ¼ and ¾ key), so `r` (ㄱ) touches `e` (ㄷ), `t` (ㅅ),
`d` (ㅇ) and `f` (ㄹ), and `k` (ㅏ) touches `j` (ㅓ), `l` (ㅣ), `i` (ㅑ), `o` (ㅐ) and `m` (ㅡ).

`keystrokes('왔다')` is the jamo sequence a typist presses (ㅇ ㅗ ㅏ ㅆ ㄷ ㅏ: compound vowels and
finals split into their keys) and `type_keys` runs the 두벌식 input automaton over such a
sequence, so a slip (a key inserted, dropped, swapped or hit next to the right one) can be
replayed into the text it produces.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from essaylint.korean.jamo import (
    COMPOUND_FINALS,
    COMPOUND_VOWELS,
    FINALS,
    INITIALS,
    VOWELS,
    compose,
    decompose,
    is_syllable,
    join_final,
    join_vowel,
)

__all__ = [
    "JAMO_KEYS",
    "KEY_JAMO",
    "KEY_NEIGHBOURS",
    "SHIFT_PAIRS",
    "is_consonant_key",
    "is_vowel_key",
    "jamo_neighbours",
    "key_neighbours",
    "keystrokes",
    "to_qwerty",
    "type_keys",
]

KEY_JAMO: dict[str, str] = {
    "q": "ㅂ",
    "w": "ㅈ",
    "e": "ㄷ",
    "r": "ㄱ",
    "t": "ㅅ",
    "y": "ㅛ",
    "u": "ㅕ",
    "i": "ㅑ",
    "o": "ㅐ",
    "p": "ㅔ",
    "a": "ㅁ",
    "s": "ㄴ",
    "d": "ㅇ",
    "f": "ㄹ",
    "g": "ㅎ",
    "h": "ㅗ",
    "j": "ㅓ",
    "k": "ㅏ",
    "l": "ㅣ",
    "z": "ㅋ",
    "x": "ㅌ",
    "c": "ㅊ",
    "v": "ㅍ",
    "b": "ㅠ",
    "n": "ㅜ",
    "m": "ㅡ",
    "Q": "ㅃ",
    "W": "ㅉ",
    "E": "ㄸ",
    "R": "ㄲ",
    "T": "ㅆ",
    "O": "ㅒ",
    "P": "ㅖ",
}
"""QWERTY key (Shift as upper case) -> the jamo it types."""

JAMO_KEYS: dict[str, str] = {jamo: key for key, jamo in KEY_JAMO.items()}
"""Jamo -> the key that types it (simple jamo only: ㅘ and ㄳ take two keys)."""

SHIFT_PAIRS: dict[str, str] = {
    "ㄱ": "ㄲ",
    "ㄷ": "ㄸ",
    "ㅂ": "ㅃ",
    "ㅅ": "ㅆ",
    "ㅈ": "ㅉ",
    "ㅐ": "ㅒ",
    "ㅔ": "ㅖ",
}
"""Jamo typed by the same key with and without Shift (a missed or stuck Shift)."""
SHIFT_PAIRS.update({tense: plain for plain, tense in list(SHIFT_PAIRS.items())})

_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_OFFSETS = (0.0, 0.25, 0.75)


def _build_neighbours() -> dict[str, frozenset[str]]:
    where: dict[str, tuple[int, float]] = {}
    for row, (keys, offset) in enumerate(zip(_ROWS, _OFFSETS, strict=True)):
        for column, key in enumerate(keys):
            where[key] = (row, column + offset)
    found: dict[str, set[str]] = {key: set() for key in where}
    for key, (row, x) in where.items():
        for other, (other_row, other_x) in where.items():
            if other == key:
                continue
            same_row = other_row == row and abs(other_x - x) == 1
            next_row = abs(other_row - row) == 1 and abs(other_x - x) < 1
            if same_row or next_row:
                found[key].add(other)
    # A shifted key sits where its plain key does.
    for key in list(found):
        if key.upper() in KEY_JAMO:
            found[key.upper()] = set(found[key])
    return {key: frozenset(keys) for key, keys in found.items()}


KEY_NEIGHBOURS: dict[str, frozenset[str]] = _build_neighbours()
"""Physical neighbours of each key (plain keys; a shifted key has its plain key's neighbours)."""


def key_neighbours(key: str) -> frozenset[str]:
    """Keys touching `key` (`'r'` -> e, t, d, f)."""
    return KEY_NEIGHBOURS.get(key, frozenset())


@cache
def jamo_neighbours(jamo: str) -> frozenset[str]:
    """Jamo on the keys touching `jamo`'s key, plus its Shift partner (`ㄱ` -> ㄷ ㅅ ㅇ ㄹ ㄲ).

    Both consonants and vowels may come back (ㅎ's key touches ㅗ's): callers that substitute
    one letter in its slot keep the ones of the right kind.
    """
    key = JAMO_KEYS.get(jamo)
    if key is None:
        return frozenset()
    found = {KEY_JAMO[other] for other in key_neighbours(key.lower())}
    if jamo in SHIFT_PAIRS:
        found.add(SHIFT_PAIRS[jamo])
    found.discard(jamo)
    return frozenset(found)


def is_vowel_key(jamo: str) -> bool:
    return jamo in _VOWEL_SET


def is_consonant_key(jamo: str) -> bool:
    return jamo in _CONSONANT_KEYS


_VOWEL_SET = frozenset(VOWELS)
_CONSONANT_KEYS = frozenset(INITIALS)
_FINAL_SET = frozenset(FINALS)


def keystrokes(text: str) -> tuple[str, ...]:
    """The jamo keys pressed to type `text` (syllables only are split; other characters pass)."""
    keys: list[str] = []
    for char in text:
        if not is_syllable(char):
            keys.append(char)
            continue
        initial, vowel, final = decompose(char)
        keys.append(initial)
        keys.extend(COMPOUND_VOWELS.get(vowel, (vowel,)))
        if final:
            keys.extend(COMPOUND_FINALS.get(final, (final,)))
    return tuple(keys)


def to_qwerty(text: str) -> str:
    """What `text` looks like typed with the IME off (`'한글'` -> `'gksrmf'`)."""
    return "".join(JAMO_KEYS.get(key, key) for key in keystrokes(text))


class _Syllable:
    """A syllable being typed: letters so far (an initial-less vowel is allowed, as IMEs do)."""

    __slots__ = ("final", "initial", "vowel")

    def __init__(self, initial: str = "", vowel: str = "", final: str = "") -> None:
        self.initial = initial
        self.vowel = vowel
        self.final = final

    def render(self) -> str:
        if self.initial and self.vowel:
            return compose(self.initial, self.vowel, self.final)
        return self.initial + self.vowel + self.final


def type_keys(keys: Iterable[str]) -> str:
    """Run the 두벌식 automaton: `('ㄷ','ㅏ','ㄹ','ㄹ','ㅡ','ㄴ')` -> `'달른'`.

    A consonant after a vowel becomes the final; when a vowel follows, the final (or the
    second half of a compound final) moves on to start the next syllable. Keys that are not
    jamo are copied through and end the syllable being typed. Letters that cannot combine come
    out as lone compatibility jamo (`ㅏ`, `ㄱ`), as an IME shows them.
    """
    out: list[str] = []
    current: _Syllable | None = None
    for key in keys:
        if key in _VOWEL_SET:
            current = _type_vowel(out, current, key)
        elif key in _CONSONANT_KEYS:
            current = _type_consonant(out, current, key)
        else:
            if current is not None:
                out.append(current.render())
                current = None
            out.append(key)
    if current is not None:
        out.append(current.render())
    return "".join(out)


def _type_vowel(out: list[str], current: _Syllable | None, key: str) -> _Syllable:
    if current is None:
        return _Syllable(vowel=key)
    if current.final:
        # The final (or its second half) starts the next syllable.
        pair = COMPOUND_FINALS.get(current.final)
        if pair is not None:
            current.final, moved = pair
        else:
            moved, current.final = current.final, ""
        out.append(current.render())
        return _Syllable(initial=moved, vowel=key)
    if current.vowel:
        joined = join_vowel(current.vowel, key)
        if joined is not None:
            current.vowel = joined
            return current
        out.append(current.render())
        return _Syllable(vowel=key)
    current.vowel = key
    return current


def _type_consonant(out: list[str], current: _Syllable | None, key: str) -> _Syllable:
    if current is None:
        return _Syllable(initial=key)
    if current.initial and current.vowel:
        if not current.final:
            if key in _FINAL_SET:
                current.final = key
                return current
        else:
            joined = join_final(current.final, key)
            if joined is not None:
                current.final = joined
                return current
    out.append(current.render())
    return _Syllable(initial=key)

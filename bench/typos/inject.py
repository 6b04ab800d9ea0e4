"""Seeded typo injection for the benchmark: one typo per sentence, recorded with its span.

Kinds (the `kind` field of a `Typo`):

- `keyboard`: an initial, vowel or final replaced by the jamo of a touching 두벌식 key;
- `shift`: Shift missed or stuck (ㄱ/ㄲ, ㅅ/ㅆ, ㅐ/ㅒ …);
- `vowel`: a commonly confused vowel (ㅓ/ㅏ, ㅜ/ㅡ, ㅐ/ㅔ, ㅗ/ㅓ …);
- `final-drop`: a final consonant left out (했습니다 -> 했스니다);
- `final-double`: a final key pressed twice (다른 -> 달른, 먹어 -> 먹거);
- `known`: a curated misspelling from the known-typo pack, put where its correct form occurs;
- `slip`: a keystroke slip beyond one jamo edit (a key inserted, dropped, or two adjacent
  keystrokes swapped, replayed through the 두벌식 automaton), kept only when the result is
  not one jamo edit away from the original word.

Only words that the rules examine are touched: Hangul-only, two syllables or more, not glued
to Latin letters or digits, not a listed tech word.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from essaylint.korean.candidates import VOWEL_CONFUSIONS, one_edit_candidates
from essaylint.korean.jamo import (
    COMPOUND_FINALS,
    FINALS,
    INITIALS,
    VOWELS,
    Jamo,
    compose_word,
    decompose_word,
)
from essaylint.korean.keyboard import KEY_JAMO, SHIFT_PAIRS, jamo_neighbours, keystrokes, type_keys
from essaylint.korean.text import hangul_words
from essaylint.korean.vocabulary import shipped_words

SINGLE_KINDS = ("keyboard", "shift", "vowel", "final-drop", "final-double")
_SIMPLE_FINALS = frozenset(f for f in FINALS if f and f not in COMPOUND_FINALS)


@dataclass(frozen=True)
class Typo:
    """A sentence with one typo: `text[start:end]` is `wrong`, which should read `right`."""

    text: str
    start: int
    end: int
    wrong: str
    right: str
    kind: str


def eligible_words(text: str) -> list[tuple[int, int, str]]:
    shipped = shipped_words()
    return [w for w in hangul_words(text) if len(w[2]) >= 2 and w[2] not in shipped]


def _single_edit(word: str, kind: str, rng: random.Random) -> str | None:
    letters = list(decompose_word(word))
    index = rng.randrange(len(letters))
    initial, vowel, final = letters[index]
    options: list[Jamo] = []
    if kind == "keyboard":
        options += [
            Jamo(o, vowel, final) for o in sorted(jamo_neighbours(initial)) if o in INITIALS
        ]
        options += [Jamo(initial, o, final) for o in sorted(jamo_neighbours(vowel)) if o in VOWELS]
        if final in _SIMPLE_FINALS:
            options += [
                Jamo(initial, vowel, o)
                for o in sorted(jamo_neighbours(final))
                if o in _SIMPLE_FINALS
            ]
        options = [o for o in options if SHIFT_PAIRS.get(letters[index][0]) != o.initial]
    elif kind == "shift":
        if initial in SHIFT_PAIRS:
            options.append(Jamo(SHIFT_PAIRS[initial], vowel, final))
        if vowel in SHIFT_PAIRS:
            options.append(Jamo(initial, SHIFT_PAIRS[vowel], final))
        if final in SHIFT_PAIRS and SHIFT_PAIRS[final] in _SIMPLE_FINALS:
            options.append(Jamo(initial, vowel, SHIFT_PAIRS[final]))
    elif kind == "vowel":
        options += [Jamo(initial, o, final) for o in sorted(VOWEL_CONFUSIONS.get(vowel, ()))]
    elif kind == "final-drop":
        if final:
            options.append(Jamo(initial, vowel, ""))
    elif kind == "final-double" and index + 1 < len(letters):
        after = letters[index + 1]
        if final and final in _SIMPLE_FINALS and after.initial == "ㅇ":
            changed = letters[:]
            changed[index + 1] = Jamo(final, after.vowel, after.final)
            return compose_word(changed)
        if not final and after.initial in _SIMPLE_FINALS and after.initial != "ㅇ":
            options.append(Jamo(initial, vowel, after.initial))
    if not options:
        return None
    letters[index] = rng.choice(options)
    return compose_word(letters)


def _slip(word: str, rng: random.Random) -> str | None:
    keys = list(keystrokes(word))
    operation = rng.choice(("insert", "drop", "swap"))
    index = rng.randrange(len(keys))
    if operation == "insert":
        near = keys[index]
        pool = [*sorted(jamo_neighbours(near)), near]
        keys.insert(index + rng.choice((0, 1)), rng.choice(pool))
    elif operation == "drop":
        del keys[index]
    else:
        if index + 1 >= len(keys):
            return None
        keys[index], keys[index + 1] = keys[index + 1], keys[index]
    typed = type_keys(keys)
    if not typed or not all("가" <= c <= "힣" for c in typed):
        return None
    if typed == word or word in one_edit_candidates(typed):
        return None  # not beyond one edit
    return typed


def inject(text: str, kind: str, rng: random.Random, pairs: list[tuple[str, str]]) -> Typo | None:
    """One typo of `kind` in `text`, or None when this sentence offers no place for it."""
    if kind == "known":
        rng.shuffle(pairs)
        for wrong, right in pairs:
            for found in re.finditer(re.escape(right), text):
                start = found.start()
                if start and text[start - 1].isalnum():
                    continue
                changed = text[:start] + wrong + text[found.end() :]
                return Typo(changed, start, start + len(wrong), wrong, right, kind)
        return None
    words = eligible_words(text)
    rng.shuffle(words)
    for start, end, word in words:
        for _ in range(4):
            wrong = _slip(word, rng) if kind == "slip" else _single_edit(word, kind, rng)
            if wrong and wrong != word:
                changed = text[:start] + wrong + text[end:]
                return Typo(changed, start, start + len(wrong), wrong, word, kind)
    return None


__all__ = ["KEY_JAMO", "SINGLE_KINDS", "Typo", "eligible_words", "inject"]

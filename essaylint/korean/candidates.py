"""Correction candidates for a possibly mistyped Hangul word. Pure Python; no model here.

Two families, each candidate labelled with how it was made (`Candidate.kind`):

*One jamo edit* (`one_edit_candidates`), in one syllable of the word:

- `keyboard`: an initial, vowel or final replaced by the jamo of a touching 두벌식 key
  (`ㄱ`/`ㄷ` are r/e, `ㅏ`/`ㅓ` are k/j), or one half of a compound vowel or final so replaced;
- `shift`: a missed or stuck Shift (`ㄱ`/`ㄲ`, `ㅅ`/`ㅆ`, `ㅐ`/`ㅒ` …);
- `vowel`: a commonly confused vowel (`ㅓ`/`ㅏ`, `ㅜ`/`ㅡ`, `ㅐ`/`ㅔ`, `ㅗ`/`ㅓ`, `ㅚ`/`ㅙ` …),
  or a compound vowel losing or gaining a half (`ㅘ`/`ㅗ`);
- `final`: a final consonant dropped or added, a compound final losing or gaining a half, or a
  final typed twice so that it also starts the next syllable (`먹거` for `먹어`, `달른` for
  `다른`), and the reverse.

*Keystroke slips* (`keystroke_candidates`): the word is turned into the keys a 두벌식 typist
presses (`keyboard.keystrokes`), one key is inserted, dropped, swapped with its neighbour in the
sequence or replaced by a touching key, and the sequence is typed again (`keyboard.type_keys`).
Because the automaton moves consonants between syllables, these reach slips that are more than
one jamo edit apart (`해보앗다` → `해보았다` needs a key inserted mid-word, `했습니다` typed
as `했슨비다` needs two keys swapped).

Candidates with a syllable that no Kiwi morpheme contains (`KNOWN_SYLLABLES`) are dropped.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

from essaylint.korean.jamo import (
    COMPOUND_FINALS,
    COMPOUND_VOWELS,
    FINALS,
    INITIALS,
    VOWELS,
    Jamo,
    compose,
    decompose_word,
    is_hangul_word,
    join_final,
    join_vowel,
)
from essaylint.korean.keyboard import KEY_JAMO, SHIFT_PAIRS, jamo_neighbours, keystrokes, type_keys
from essaylint.korean.syllables import KNOWN_SYLLABLES

__all__ = [
    "VOWEL_CONFUSIONS",
    "Candidate",
    "CandidateKind",
    "candidates",
    "keystroke_candidates",
    "one_edit_candidates",
    "pair_candidates",
    "plausible",
]

CandidateKind = Literal["keyboard", "shift", "vowel", "final", "keystroke", "pair"]

_CONFUSED = (
    ("ㅓ", "ㅏ"),
    ("ㅜ", "ㅡ"),
    ("ㅐ", "ㅔ"),
    ("ㅗ", "ㅓ"),
    ("ㅗ", "ㅜ"),
    ("ㅕ", "ㅑ"),
    ("ㅛ", "ㅠ"),
    ("ㅒ", "ㅖ"),
    ("ㅐ", "ㅒ"),
    ("ㅔ", "ㅖ"),
    ("ㅚ", "ㅙ"),
    ("ㅚ", "ㅞ"),
    ("ㅙ", "ㅞ"),
    ("ㅢ", "ㅣ"),
    ("ㅢ", "ㅡ"),
    ("ㅘ", "ㅝ"),
    ("ㅕ", "ㅓ"),
    ("ㅑ", "ㅏ"),
)
VOWEL_CONFUSIONS: dict[str, frozenset[str]] = {}
"""Vowel -> vowels it is commonly confused with, by sound or by shape (symmetric)."""
for _a, _b in _CONFUSED:
    VOWEL_CONFUSIONS[_a] = VOWEL_CONFUSIONS.get(_a, frozenset()) | {_b}
    VOWEL_CONFUSIONS[_b] = VOWEL_CONFUSIONS.get(_b, frozenset()) | {_a}

_INITIAL_SET = frozenset(INITIALS)
_VOWEL_SET = frozenset(VOWELS)
_SIMPLE_FINALS = frozenset(f for f in FINALS if f and f not in COMPOUND_FINALS)
_VOWEL_KEYS = tuple(jamo for jamo in KEY_JAMO.values() if jamo in VOWELS)
# Kinds in order of preference: when two edits give the same word, the earlier kind names it.
_RANK: dict[str, int] = {
    "pair": 0,
    "keyboard": 1,
    "shift": 2,
    "vowel": 3,
    "final": 4,
    "keystroke": 5,
}


@dataclass(frozen=True, slots=True)
class Candidate:
    """A possible correction of a word and the kind of slip that would explain it."""

    text: str
    kind: CandidateKind


def plausible(word: str) -> bool:
    """Whether every character of `word` is a syllable some Korean morpheme uses."""
    return bool(word.strip()) and all(char in KNOWN_SYLLABLES or char == " " for char in word)


def _add(found: dict[str, CandidateKind], text: str, kind: CandidateKind) -> None:
    known = found.get(text)
    if known is None or _RANK[kind] < _RANK[known]:
        found[text] = kind


def _vowel_edits(vowel: str) -> Iterable[tuple[str, CandidateKind]]:
    pair = COMPOUND_VOWELS.get(vowel)
    if pair is None:
        for other in jamo_neighbours(vowel):
            if other in _VOWEL_SET:
                yield other, ("shift" if SHIFT_PAIRS.get(vowel) == other else "keyboard")
        # A compound vowel whose second key was dropped: ㅗ -> ㅘ ㅙ ㅚ.
        for compound, (first, second) in COMPOUND_VOWELS.items():
            if vowel in (first, second):
                yield compound, "vowel"
    else:
        first, second = pair
        yield first, "vowel"
        yield second, "vowel"
        for other in jamo_neighbours(first):
            joined = join_vowel(other, second)
            if joined is not None:
                yield joined, "keyboard"
        for other in jamo_neighbours(second):
            joined = join_vowel(first, other)
            if joined is not None:
                yield joined, "keyboard"
    for other in VOWEL_CONFUSIONS.get(vowel, ()):
        yield other, "vowel"


def _final_edits(final: str) -> Iterable[tuple[str, CandidateKind]]:
    if not final:
        for other in _SIMPLE_FINALS:
            yield other, "final"
        return
    yield "", "final"
    pair = COMPOUND_FINALS.get(final)
    if pair is None:
        for other in jamo_neighbours(final):
            if other in _SIMPLE_FINALS:
                yield other, ("shift" if SHIFT_PAIRS.get(final) == other else "keyboard")
        for compound, (first, _second) in COMPOUND_FINALS.items():
            if first == final:
                yield compound, "final"
    else:
        first, second = pair
        yield first, "final"
        yield second, "final"
        for other in jamo_neighbours(second):
            joined = join_final(first, other)
            if joined is not None:
                yield joined, "keyboard"


def one_edit_candidates(word: str) -> dict[str, CandidateKind]:
    """Words one jamo edit away from `word` (see the module docstring), with their kind.

    Not filtered: includes words with rare syllables; `candidates` drops those.
    """
    if not is_hangul_word(word):
        return {}
    letters = decompose_word(word)
    found: dict[str, CandidateKind] = {}

    def put(index: int, jamo: Jamo, kind: CandidateKind) -> None:
        changed = (*letters[:index], jamo, *letters[index + 1 :])
        _add(found, "".join(compose(*item) for item in changed), kind)

    for index, (initial, vowel, final) in enumerate(letters):
        for other in jamo_neighbours(initial):
            if other in _INITIAL_SET:
                kind: CandidateKind = "shift" if SHIFT_PAIRS.get(initial) == other else "keyboard"
                put(index, Jamo(other, vowel, final), kind)
        for other, kind in _vowel_edits(vowel):
            put(index, Jamo(initial, other, final), kind)
        for other, kind in _final_edits(final):
            put(index, Jamo(initial, vowel, other), kind)
        if index + 1 < len(letters):
            _double_final_edits(letters, index, found)
    found.pop(word, None)
    return found


def _double_final_edits(
    letters: tuple[Jamo, ...], index: int, found: dict[str, CandidateKind]
) -> None:
    """A final typed twice or not at all, seen from the syllable after it."""
    here, after = letters[index], letters[index + 1]
    last = COMPOUND_FINALS.get(here.final, (here.final, here.final))[1] if here.final else ""

    def put(first: Jamo, second: Jamo) -> None:
        changed = (*letters[:index], first, second, *letters[index + 2 :])
        _add(found, "".join(compose(*item) for item in changed), "final")

    if last and last == after.initial:
        # 달른 -> 다른 (the key was pressed twice) and 먹거 -> 먹어 (it carried over).
        rest = COMPOUND_FINALS[here.final][0] if here.final in COMPOUND_FINALS else ""
        put(Jamo(here.initial, here.vowel, rest), after)
        put(here, Jamo("ㅇ", after.vowel, after.final))
    if not here.final and after.initial in _SIMPLE_FINALS and after.initial != "ㅇ":
        # 다라 -> 달라: the doubled key was dropped.
        put(Jamo(here.initial, here.vowel, after.initial), after)


def keystroke_candidates(word: str) -> dict[str, CandidateKind]:
    """Words one keystroke slip away: a key inserted, dropped, swapped or hit beside the right one.

    Every result is labelled `keystroke`; many coincide with one-jamo edits, which `candidates`
    labels by their jamo kind instead.
    """
    if not is_hangul_word(word):
        return {}
    keys = keystrokes(word)
    size = len(keys)
    found: dict[str, CandidateKind] = {}
    seen: set[tuple[str, ...]] = {keys}

    def put(sequence: tuple[str, ...]) -> None:
        if sequence in seen:
            return
        seen.add(sequence)
        typed = type_keys(sequence)
        if typed != word and is_hangul_word(typed) and abs(len(typed) - len(word)) <= 1:
            found[typed] = "keystroke"

    for index in range(size):
        # The typist pressed an extra key: drop it.
        put(keys[:index] + keys[index + 1 :])
        if index + 1 < size:
            put((*keys[:index], keys[index + 1], keys[index], *keys[index + 2 :]))
        for other in jamo_neighbours(keys[index]):
            put((*keys[:index], other, *keys[index + 1 :]))
    for index in range(size + 1):
        # The typist missed a key: put one back. A dropped consonant that leaves a word is
        # nearly always a final (one-jamo edits cover it) or a doubled key, so consonants are
        # tried only as copies or neighbours of the keys around the gap; vowels anywhere.
        near: set[str] = set(_VOWEL_KEYS)
        for side in keys[max(0, index - 1) : index + 1]:
            near.add(side)
            near.update(jamo_neighbours(side))
        for key in sorted(near):
            put((*keys[:index], key, *keys[index:]))
    return found


def repeat_candidates(word: str) -> dict[str, CandidateKind]:
    """A syllable typed twice (`지내낼`, `사사업`), or a false start typed over (`바드받을`,
    `안흥않으면서`): the word without the first try (or, for a plain double, without the
    second copy). A false start is two syllables whose first has the initial and vowel of
    the syllable after them and whose second starts with that syllable's last final: the
    keys of the same syllable, its final carried onto the next vowel (바+ㄷ+ㅡ for 받). Not
    `영통역`, which merely shares 영/역's initial and vowel. Labelled `keystroke`."""
    if not is_hangul_word(word):
        return {}
    found: dict[str, CandidateKind] = {}
    letters = decompose_word(word)
    for index in range(len(letters) - 1):
        here = letters[index]
        after = letters[index + 1]
        # Not at the word's end: `재의의` is 재의 + the particle 의.
        if (here.initial, here.vowel) == (after.initial, after.vowel) and index + 2 < len(word):
            found[word[:index] + word[index + 1 :]] = "keystroke"
            found[word[: index + 1] + word[index + 2 :]] = "keystroke"
        if index + 2 >= len(letters):
            continue
        target = letters[index + 2]
        if (here.initial, here.vowel) != (target.initial, target.vowel) or not target.final:
            continue
        first, last = COMPOUND_FINALS.get(target.final, ("", target.final))
        if after.initial == last and here.final in ("", first, target.final):
            found[word[:index] + word[index + 2 :]] = "keystroke"
    found.pop(word, None)
    found.pop("", None)
    return found


def pair_candidates(word: str, pairs: Mapping[str, str]) -> dict[str, CandidateKind]:
    """`word` with a known misspelling (`pairs`: wrong -> right) corrected where it occurs."""
    found: dict[str, CandidateKind] = {}
    for wrong, right in pairs.items():
        if " " in wrong or wrong not in word:
            continue
        found[word.replace(wrong, right, 1)] = "pair"
    found.pop(word, None)
    return found


def candidates(
    word: str,
    *,
    pairs: Mapping[str, str] | None = None,
    keystroke: bool = True,
) -> list[Candidate]:
    """All plausible corrections of `word`, best-explained kind first, then by text.

    One-jamo edits and known pairs always; keystroke slips too unless `keystroke` is False.
    """
    found: dict[str, CandidateKind] = {}
    if keystroke:
        for text, kind in keystroke_candidates(word).items():
            _add(found, text, kind)
        for text, kind in repeat_candidates(word).items():
            _add(found, text, kind)
    for text, kind in one_edit_candidates(word).items():
        _add(found, text, kind)
    if pairs:
        for text, kind in pair_candidates(word, pairs).items():
            _add(found, text, kind)
    result = [Candidate(text, kind) for text, kind in found.items() if plausible(text)]
    result.sort(key=lambda item: (_RANK[item.kind], item.text))
    return result

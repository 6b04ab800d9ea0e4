"""Words with a stray jamo glued to them: `ㅂ받아들일`, `진행했습ㄴ디ㅏ`, `ㅜ수`.

An IME shows a lone letter (`ㅂ`, `ㅏ`) when a key could not join a syllable: a key pressed
twice, two keys swapped, a letter left behind by a backspace. In prose such a letter glued to a
word is always a slip; the word rules never read it as a word (a Hangul run glued to anything
else is skipped), so it is found here. Laughter and crying at the end of a word (`좋아요ㅋㅋ`,
`힘들다ㅠㅠ`) are writing, not slips, and letters standing alone (`ㅇㅇ`) are never looked at.

Candidates: the word's keystrokes replayed through the 두벌식 automaton with one key dropped or
two neighbouring keys swapped (`ㅂ ㅂ ㅏ ㄷ …` → `받아들일`); the caller keeps one only when it is
a real word.
"""

from __future__ import annotations

from dataclasses import dataclass

from essaylint.base.patterns import compile_pattern
from essaylint.korean.keyboard import keystrokes, type_keys

__all__ = ["StrayWord", "repairs", "stray_words"]

_TOKEN = compile_pattern(r"[가-힣ㄱ-ㅣ]+")
_JAMO = compile_pattern(r"[ㄱ-ㅣ]")
_EMOTION = compile_pattern(r"[ㅋㅎㅠㅜㅡ]+$")  # ㅋㅋ, ㅎㅎ, ㅠㅠ, ㅜㅜ at the end of a word
_MOST_KEYS = 40  # a token this long is not a word (no repair is tried: cost grows with keys)


@dataclass(frozen=True, slots=True)
class StrayWord:
    """`text[start:end]` is `word`: Hangul syllables with a lone jamo glued to them."""

    start: int
    end: int
    word: str


def stray_words(text: str) -> list[StrayWord]:
    """Every run of syllables and jamo in `text` that mixes the two (emotion marks aside)."""
    found: list[StrayWord] = []
    for run in _TOKEN.finditer(text):
        word = run.group()
        core = _EMOTION.sub("", word)
        if _JAMO.search(core) is None or _JAMO.sub("", core) == "":
            continue  # no stray letter, or letters alone (ㅇㅇ, ㄱㄱ): chat shorthand
        start = run.start()
        found.append(StrayWord(start, start + len(core), core))
    return found


def repairs(word: str) -> list[str]:
    """Words of syllables only that one dropped or one swapped keystroke turns `word` into."""
    keys = keystrokes(word)
    if len(keys) > _MOST_KEYS:
        return []
    found: dict[str, None] = {}
    for index in range(len(keys)):
        found[type_keys(keys[:index] + keys[index + 1 :])] = None
        if index + 1 < len(keys):
            swapped = (*keys[:index], keys[index + 1], keys[index], *keys[index + 2 :])
            found[type_keys(swapped)] = None
    return [text for text in found if text and _JAMO.search(text) is None]

"""Which stretches of a text the spelling rules look at, and the sentence around each.

A *word* here is a maximal run of Hangul syllables that is not glued to a Latin letter or a
digit (`Redis에`, `3년`, `k6로` are skipped: the Hangul there is a particle or a counter) and
not inside a URL, an e-mail address or a file path. Punctuation around it is fine
(`'어떠한'`, `정의·인도와` gives 정의 and 인도와).
"""

from __future__ import annotations

import bisect

from essaylint.patterns import compile_pattern

__all__ = ["hangul_words", "has_hangul", "sentence_bounds", "sentence_starts"]

_HANGUL_RUN = compile_pattern(r"[가-힣]+")
_HANGUL_ANY = compile_pattern(r"[가-힣ᄀ-ᇿㄱ-ㆎ]")
_SKIP = compile_pattern(
    r"(?:[a-zA-Z][a-zA-Z0-9+.-]*://|www\.)\S+"  # URLs
    r"|\S+@\S+\.\S+"  # e-mail addresses
    r"|(?:\.{0,2}/)?(?:[\w.-]+/)+[\w.-]+"  # paths: src/main, ./a/b.txt
)
_SENTENCE_END = compile_pattern(r"(?<=[.!?。])\s+|\n")


def has_hangul(text: str) -> bool:
    """Whether `text` has any Hangul (syllables or jamo)."""
    return _HANGUL_ANY.search(text) is not None


def _glued(char: str) -> bool:
    return char.isalnum() and not ("가" <= char <= "힣")


def hangul_words(text: str) -> list[tuple[int, int, str]]:
    """`(start, end, word)` for every examinable Hangul word of `text`."""
    skipped = [(m.start(), m.end()) for m in _SKIP.finditer(text) if has_hangul(m.group())]
    words: list[tuple[int, int, str]] = []
    for found in _HANGUL_RUN.finditer(text):
        start, end = found.span()
        if start > 0 and _glued(text[start - 1]):
            continue
        if end < len(text) and _glued(text[end]):
            continue
        if any(a < end and start < b for a, b in skipped):
            continue
        words.append((start, end, found.group()))
    return words


def sentence_starts(text: str) -> list[int]:
    """Offsets where the sentences of `text` start: after line breaks and `.`, `!`, `?` + space."""
    return [0, *(found.end() for found in _SENTENCE_END.finditer(text))]


def sentence_bounds(text: str, offset: int, starts: list[int] | None = None) -> tuple[int, int]:
    """The sentence of `text` around `offset` (pass `sentence_starts(text)` when asking often)."""
    if starts is None:
        starts = sentence_starts(text)
    index = bisect.bisect_right(starts, offset) - 1
    start = starts[index]
    if index + 1 < len(starts):
        end = starts[index + 1]
        while end > start and text[end - 1].isspace():
            end -= 1
        return start, end
    return start, len(text)

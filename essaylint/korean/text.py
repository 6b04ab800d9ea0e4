"""Which stretches of a text the spelling rules look at, and the sentence around each.

A *word* here is a maximal run of Hangul syllables that is not glued to a Latin letter or a
digit (`Redis에`, `3년`, `k6로` are skipped: the Hangul there is a particle or a counter) and
not inside a URL, an e-mail address or a file path. Punctuation around it is fine
(`'어떠한'`, `정의·인도와` gives 정의 and 인도와).

Linear in the text: the URL, e-mail and path patterns are only tried inside runs of
non-space characters that hold `/`, `@` or `www.` (no match crosses a space), and a run longer
than `LONGEST_RUN` that holds one is skipped whole rather than searched (a backtracking search
is quadratic in the run, and such a run is a link or data, not prose).
"""

from __future__ import annotations

import bisect

from essaylint.base.patterns import compile_pattern

__all__ = ["LONGEST_RUN", "hangul_words", "has_hangul", "sentence_bounds", "sentence_starts"]

LONGEST_RUN = 256
"""Longest run of non-space characters searched for URLs, e-mail addresses and paths."""

_HANGUL_RUN = compile_pattern(r"[가-힣]+")
_HANGUL_ANY = compile_pattern(r"[가-힣ᄀ-ᇿㄱ-ㆎ]")
_RUN = compile_pattern(r"\S+")
_SKIP_HINT = compile_pattern(r"[/@]|www\.")  # every _SKIP match holds one of these
_SKIP = compile_pattern(
    r"(?:[a-zA-Z][a-zA-Z0-9+.-]*://|www\.)\S+"  # URLs
    # E-mail addresses: \S+@\S+\.\S+ (always to the end of the run), written to reach the
    # first "@" and the first "." after it without backtracking (the plain form is cubic).
    r"|\S[^\s@]*+@\S[^\s.]*+\.\S+"
    r"|(?:\.{0,2}/)?(?:[\w.-]+/)+[\w.-]+"  # paths: src/main, ./a/b.txt
)
_SENTENCE_END = compile_pattern(r"(?<=[.!?。])\s+|\n")


def has_hangul(text: str) -> bool:
    """Whether `text` has any Hangul (syllables or jamo)."""
    return _HANGUL_ANY.search(text) is not None


def _glued(char: str) -> bool:
    return char.isalnum() and not ("가" <= char <= "힣")


def _skipped(text: str) -> list[tuple[int, int]]:
    """`(start, end)` of the URLs, e-mail addresses and paths with Hangul, in order."""
    if _SKIP_HINT.search(text) is None:
        return []
    found: list[tuple[int, int]] = []
    for run in _RUN.finditer(text):
        token = run.group()
        if _SKIP_HINT.search(token) is None or not has_hangul(token):
            continue
        offset = run.start()
        if len(token) > LONGEST_RUN:
            found.append((offset, run.end()))
            continue
        for match in _SKIP.finditer(token):
            if has_hangul(match.group()):
                found.append((offset + match.start(), offset + match.end()))
    return found


def hangul_words(text: str) -> list[tuple[int, int, str]]:
    """`(start, end, word)` for every examinable Hangul word of `text`."""
    skipped = _skipped(text)
    next_skip = 0  # both lists run left to right without overlaps: one sweep
    words: list[tuple[int, int, str]] = []
    for found in _HANGUL_RUN.finditer(text):
        start, end = found.span()
        if start > 0 and _glued(text[start - 1]):
            continue
        if end < len(text) and _glued(text[end]):
            continue
        while next_skip < len(skipped) and skipped[next_skip][1] <= start:
            next_skip += 1
        if next_skip < len(skipped) and skipped[next_skip][0] < end:
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

"""띄어쓰기 suggestions a reviewer would agree with, from Kiwi's `space()` and its analysis.

Kiwi proposes where spaces go (`Kiwi.space`, existing spaces kept); a proposed space is kept
only when the morphemes on both sides make it one of these textbook cases:

- a dependent noun after a modifier ending: 것, 수, 데, 줄, 만큼, 뿐, 지, 바, 때문 (and the
  noun 때): `되는것이` → `되는 것이`, `할수` → `할 수`, `만난지` → `만난 지`;
- the predicate after such a noun: `수있다` → `수 있다`, `것같다` → `것 같다`;
- 때문 after any word: `그것때문에` → `그것 때문에`;
- the negative adverb 안 before a verb or adjective: `안맞는` → `안 맞는`.

Everything else Kiwi might suggest (compound nouns, 보조 용언, numbers with units) is left
alone: the rules allow both ways or reviewers disagree. Kiwi must agree too, so a connective
ending such as `-는데` (`비가 오는데`) or `-ㄹ지` (`할지`) is normally not split; `데` with
a particle other than `에` (`오는데도`) is never split, since both readings are correct.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

__all__ = ["DEPENDENT_NOUNS", "Spacing", "suggest_spacing"]

DEPENDENT_NOUNS = frozenset({"것", "수", "데", "줄", "만큼", "뿐", "지", "바", "때문", "때"})
"""Nouns written apart from the modifier before them (의존명사, plus 때)."""

_PREDICATES = ("VV", "VA", "VX")


@dataclass(frozen=True, slots=True)
class Spacing:
    """`text[start:end]` (one word) should read `suggestion` (the same word with spaces)."""

    unit: int
    start: int
    end: int
    word: str
    suggestion: str


def _inserted(original: str, spaced: str) -> list[int] | None:
    """Offsets of `original` before which `spaced` has an extra space; None if they differ
    otherwise than by added spaces (Kiwi also removes some; those texts are skipped)."""
    points: list[int] = []
    i = j = 0
    while i < len(original) and j < len(spaced):
        if original[i] == spaced[j]:
            i += 1
            j += 1
        elif spaced[j] == " ":
            points.append(i)
            j += 1
        elif original[i].isspace():
            i += 1  # a space Kiwi removed: ignore, nothing is inserted here
        else:
            return None
    if i != len(original) or spaced[j:].strip():
        return None
    return points


def _agreed(left: Any, right: Any) -> bool:
    """Whether a space between these two morphemes is one of the textbook cases."""
    left_tag = left.tag.split("-")[0]
    right_tag = right.tag.split("-")[0]
    if right.form in DEPENDENT_NOUNS and right_tag in ("NNB", "NNG") and left_tag == "ETM":
        return True
    if right.form == "때문" and right_tag in ("NNB", "NNG"):
        return True
    if left.form in DEPENDENT_NOUNS and left_tag in ("NNB", "NNG") and right_tag in _PREDICATES:
        return left.form not in ("때", "때문")
    return left.form == "안" and left_tag == "MAG" and right_tag in ("VV", "VA")


def _clear(text: str, right: Any, starts: dict[int, Any]) -> bool:
    """`데` is also the connective ending `-는데`; `오는데도` and `하는 데도` are both right, so
    `데` is split off only when it ends the word or takes `에` (`하는 데에`)."""
    if right.form != "데":
        return True
    after = right.start + right.len
    if after >= len(text) or not text[after].isalnum():
        return True
    following = starts.get(after)
    return following is not None and following.form == "에"


def suggest_spacing(kiwi: Any, texts: Sequence[str]) -> list[Spacing]:
    """Spacing suggestions for each text (a sentence), in order."""
    todo = [i for i, text in enumerate(texts) if text.strip()]
    if not todo:
        return []
    spaced = list(kiwi.space([texts[i] for i in todo], reset_whitespace=False))
    analyses = [r[0][0] for r in kiwi.analyze([texts[i] for i in todo], top_n=1)]
    found: list[Spacing] = []
    for index, after, tokens in zip(todo, spaced, analyses, strict=True):
        text = texts[index]
        points = _inserted(text, after)
        if not points:
            continue
        ends = {token.start + token.len: token for token in tokens}
        starts = {token.start: token for token in tokens}
        kept = [
            point
            for point in points
            if point in ends
            and point in starts
            and _agreed(ends[point], starts[point])
            and _clear(text, starts[point], starts)
        ]
        for start, end in _words_with(text, kept):
            word = text[start:end]
            inside = {p - start for p in kept[bisect_right(kept, start) : bisect_left(kept, end)]}
            suggestion = "".join((" " if k in inside else "") + char for k, char in enumerate(word))
            found.append(Spacing(index, start, end, word, suggestion))
    return found


def _words_with(text: str, points: list[int]) -> list[tuple[int, int]]:
    """The whitespace-separated words of `text` that contain some of `points` (ascending),
    trimmed of punctuation at both ends. One sweep: a long sentence with a suggestion in every
    word would otherwise test every point against every word."""
    result: list[tuple[int, int]] = []
    start = 0
    length = len(text)
    passed = 0  # points at or before the current word's start
    while start < length:
        while start < length and text[start].isspace():
            start += 1
        end = start
        while end < length and not text[end].isspace():
            end += 1
        while passed < len(points) and points[passed] <= start:
            passed += 1
        if passed < len(points) and points[passed] < end:
            while start < end and not text[start].isalnum():
                start += 1
            while end > start and not text[end - 1].isalnum():
                end -= 1
            result.append((start, end))
        start = end + 1
    return result

"""Seeded spacing-error injection for the EL303 benchmark: one removed space per sentence.

Kiwi reads the clean sentence (correctly spaced, so its analysis is reliable there) and a
space is a place for an error when the words on both sides are one of the kinds the issue
names (한글 맞춤법 제42-43항):

- `bound-noun`: a dependent noun after a modifier ending or a determiner (`할 때`, `할 수`,
  `하는 것`, `이런 식으로`, `하는 데`, `할 줄`, `할 만큼`, `할 뿐`, `한 지`, `한 적`), the
  predicate after 수/것 (`수 있다`, `것 같다`), and 때/동안/때문 after a noun
  (`면접 때`, `방학 동안`, `그것 때문에`);
- `counter`: a unit noun after a numeral word (`두 가지`, `수천 명`, `세 번`);
- `negation`: a verb or adjective after 안 or 못 (`안 됩니다`, `못 가다`; not 못 하다).

The lists here are the issue's, written apart from the rule's own (`essaylint.korean.spacing`)
so that the benchmark does not just replay the rule: some injected kinds (데 before any word,
한 before any unit) are ones the rule deliberately leaves alone and count as misses.
Removing the space records the glued word's span, the wrong form and the right form.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

BOUND_AFTER_MODIFIER = frozenset(
    {"것", "거", "수", "데", "줄", "만큼", "뿐", "지", "적", "바", "채", "때", "동안"}
)
BOUND_AFTER_DETERMINER = frozenset({"것", "식", "때"})
NUMERAL_DETERMINERS = frozenset(
    {"한", "두", "세", "네", "다섯", "여섯", "일곱", "여덟", "아홉", "열", "스무", "몇", "여러"}
)
KINDS = ("bound-noun", "counter", "negation")


@dataclass(frozen=True)
class SpacingError:
    """A sentence with one space removed: `text[start:end]` is `wrong`, which should read
    `right` (the same words with the space)."""

    text: str
    start: int
    end: int
    wrong: str
    right: str
    kind: str
    detail: str  # the two morphemes around the removed space, for the verbose listing


def _tag(token: Any) -> str:
    return str(token.tag).split("-")[0]


def _kind(left: Any, right: Any) -> str | None:
    """The kind of spacing error that removing the space between these would make."""
    lt, rt = _tag(left), _tag(right)
    if rt in ("NNB", "NNG") and right.form in BOUND_AFTER_MODIFIER and lt == "ETM":
        return "bound-noun"
    determiner = lt == "MM" and left.form not in NUMERAL_DETERMINERS and len(left.form) >= 2
    if rt == "NNB" and right.form in BOUND_AFTER_DETERMINER and determiner:
        return "bound-noun"
    if right.form in ("때", "동안", "때문") and lt in ("NNG", "NNP", "NP", "NNB"):
        return "bound-noun"
    if lt == "NNB" and left.form in ("수", "것") and right.form in ("있", "없", "같"):
        return "bound-noun"
    numeral = (lt == "MM" and left.form in NUMERAL_DETERMINERS) or (
        lt == "NR" and len(left.form) >= 2 and "가" <= left.form[0] <= "힣"
    )
    if rt == "NNB" and numeral:
        return "counter"
    if lt == "MAG" and left.form in ("안", "못") and rt in ("VV", "VA"):
        if left.form == "못" and right.form == "하":
            return None
        return "negation"
    return None


def places(kiwi: Any, text: str) -> list[tuple[int, str, str]]:
    """`(offset of the space, kind, detail)` for each space whose removal is an error."""
    tokens = kiwi.tokenize(text)
    found = []
    for left, right in pairwise(tokens):
        space = left.start + left.len
        if right.start != space + 1 or text[space] != " ":
            continue
        kind = _kind(left, right)
        if kind is not None:
            found.append((space, kind, f"{left.form}/{_tag(left)} {right.form}/{_tag(right)}"))
    return found


def inject(kiwi: Any, text: str, rng: random.Random) -> SpacingError | None:
    """`text` with one such space removed, or None when it has no place for one."""
    options = places(kiwi, text)
    if not options:
        return None
    # A kind first, then a place of that kind: bound nouns are far more common than the
    # other kinds and would otherwise leave them a handful of cases.
    kind = rng.choice(sorted({kind for _, kind, _ in options}))
    space, kind, detail = rng.choice([o for o in options if o[1] == kind])
    start = text.rfind(" ", 0, space) + 1
    end = text.find(" ", space + 1)
    end = len(text) if end < 0 else end
    while end > space + 1 and not text[end - 1].isalnum():
        end -= 1
    while start < space and not text[start].isalnum():
        start += 1
    glued = text[:space] + text[space + 1 :]
    wrong = glued[start : end - 1]
    return SpacingError(glued, start, end - 1, wrong, text[start:end], kind, detail)


__all__ = ["KINDS", "SpacingError", "inject", "places"]

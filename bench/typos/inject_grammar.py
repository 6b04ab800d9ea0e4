"""Seeded injection of grammar confusions (EL304's kinds) where the right form occurs.

Each pattern finds a right form in a sentence and writes the confusion writers make in its
place; one confusion per sentence, the kind drawn at random among those the sentence offers.
`Typo.right` is the whole word as it was, `Typo.wrong` the word as injected.

Kinds: `되/돼`, `안/않`, `웬/왠`, `-ㄹ게`, `로서/로써`, `든지/던지`, `데/대` (the same names as
`essaylint.korean.grammar`).
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass

from inject import Typo

from essaylint.korean.grammar import ROLE_NOUNS, word_at
from essaylint.korean.jamo import decompose_word

__all__ = ["GRAMMAR_KINDS", "PATTERNS", "inject_grammar"]


def _final(syllable: str) -> str:
    letters = decompose_word(syllable)
    return letters[0].final if letters else ""


def _after_final(final: str) -> Callable[[str, int], bool]:
    """The syllable before position `at` ends in `final`."""
    return lambda text, at: (
        at > 0 and "가" <= text[at - 1] <= "힣" and _final(text[at - 1]) == final
    )


def _after_role(text: str, at: int) -> bool:
    start = at
    while start > 0 and "가" <= text[start - 1] <= "힣":
        start -= 1
    word = text[start:at]
    return any(word.endswith(noun) for noun in ROLE_NOUNS if len(noun) >= 2)


def _always(text: str, at: int) -> bool:
    return True


@dataclass(frozen=True)
class Pattern:
    kind: str
    right: re.Pattern[str]
    wrong: str
    where: Callable[[str, int], bool] = _always


PATTERNS: tuple[Pattern, ...] = (
    # 되/돼
    Pattern("되/돼", re.compile(r"돼(?=[요서야도])"), "되"),
    Pattern("되/돼", re.compile(r"되어(?=[요서야도])"), "되"),
    Pattern("되/돼", re.compile(r"(?<=[이가 ])되(?=[는면고][ ,.])"), "돼"),
    Pattern("되/돼", re.compile(r"(?<=안 )돼(?=[요.,])"), "되"),
    # 안/않
    Pattern("안/않", re.compile(r"(?<=지 )않(?=[았는고아으습])"), "안"),
    Pattern("안/않", re.compile(r"(?<= )안(?= [가-힣])"), "않"),
    # 웬/왠
    Pattern("웬/왠", re.compile(r"웬(?=일|만)"), "왠"),
    Pattern("웬/왠", re.compile(r"(?<![가-힣])왠(?=지)"), "웬"),
    Pattern("웬/왠", re.compile(r"(?<![가-힣])웬(?= )"), "왠"),
    # -ㄹ게
    Pattern("-ㄹ게", re.compile(r"게(?=요)"), "께", _after_final("ㄹ")),
    # 로서/로써
    Pattern("로서/로써", re.compile(r"(?<=으로)써"), "서", _after_final("ㅁ")),
    Pattern("로서/로써", re.compile(r"(?<=[가-힣])(?:으)?로서(?![가-힣]{2})"), "", _after_role),
    # 든지/던지
    Pattern("든지/던지", re.compile(r"든지"), "던지"),
    Pattern("든지/던지", re.compile(r"(?<=어찌나 )([가-힣]+)던지"), "", _always),
    # 데/대
    Pattern("데/대", re.compile(r"(?<![가-힣])그런데(?=[ ,])"), "그런대"),
    Pattern("데/대", re.compile(r"(?<=는)데(?=,)"), "대"),
    Pattern("데/대", re.compile(r"(?<=던)데(?=[요 ,.])"), "대"),
)
GRAMMAR_KINDS = tuple(dict.fromkeys(p.kind for p in PATTERNS))


def _wrong(pattern: Pattern, found: re.Match[str]) -> str:
    """The injected text for a match (the two patterns with an empty `wrong` swap a letter)."""
    if pattern.wrong:
        return pattern.wrong
    text = found.group()
    if "로서" in text:
        return text.replace("로서", "로써")
    return text.replace("던지", "든지")


def inject_grammar(text: str, rng: random.Random) -> Typo | None:
    """One grammar confusion in `text`, or None when it offers no place for one."""
    places: list[tuple[Pattern, re.Match[str]]] = []
    for pattern in PATTERNS:
        for found in pattern.right.finditer(text):
            if pattern.where(text, found.start()):
                places.append((pattern, found))
    if not places:
        return None
    kinds = sorted({p.kind for p, _ in places})
    kind = rng.choice(kinds)
    pattern, found = rng.choice([(p, f) for p, f in places if p.kind == kind])
    new = _wrong(pattern, found)
    changed = text[: found.start()] + new + text[found.end() :]
    start, end = word_at(text, found.start(), found.end())
    shift = len(new) - (found.end() - found.start())
    return Typo(changed, start, end + shift, changed[start : end + shift], text[start:end], kind)

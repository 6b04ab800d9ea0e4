"""띄어쓰기 suggestions a reviewer would agree with, read from Kiwi's morphological analysis.

A space is proposed inside a written word only where the morphemes on both sides make it one
of the textbook cases of 한글 맞춤법 (제42-43항, 제47항's exceptions left out):

- `bound-noun`: a dependent noun after a modifier ending (ETM) or a determiner (MM): 것, 수,
  데, 줄, 만큼, 뿐, 지, 바, 적, 채, 식, and the nouns 때 and 동안: `되는것이` → `되는 것이`,
  `할때` → `할 때`, `이런식으로` → `이런 식으로`; the predicate after such a noun
  (`수있다` → `수 있다`, `것같다` → `것 같다`); 때문 after any word (`그것때문에`);
- `counter`: a unit noun after a numeral word (`두가지` → `두 가지`, `수천명` → `수천 명`).
  Arabic numerals stay attached (`1년`, `3명`: allowed), and so do units of order (`두시`,
  `삼층`, `이학년`) and `한번`, `한가지` (words of their own);
- `negation`: the adverb 안 or 못 before a verb or adjective (`안됩니다` → `안 됩니다`,
  `못가다` → `못 가다`); 못하다 is one word and never split.

Everything else (compound nouns, 보조 용언 such as `할만하다`, `할듯하다`, which may be
written either way) is left alone. Words Kiwi reads as one lexeme (`이때`, `그때`, `안녕`,
`못생긴`, `수없이`, `지난번`) never split. Each suggestion says whether it is `certain` (a
safe fix): not for 데, 지 and 바, which are also endings (`-는데`, `-ㄴ지`, `-ㄴ바`), nor for
`안됐다` (also the adjective 안되다, "pitiable").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

__all__ = ["DEPENDENT_NOUNS", "Spacing", "suggest_spacing"]

DEPENDENT_NOUNS = frozenset(
    {
        "것", "거", "수", "데", "줄", "만큼", "뿐", "지", "바", "적", "채", "식", "때문", "때",
        "동안", "듯", "터", "대로", "중",
    }
)  # fmt: skip
"""Nouns written apart from the modifier before them (의존명사, plus 때 and 동안)."""
# 중 after a noun is written apart (`진행 중`, `회의 중`) except in these words: 은연중, 무의식중
# (read as 무 + 의식 + 중), 부지불식중, 밤중.
_JOINED_WITH_JUNG = frozenset({"은연", "의식", "부지불식", "밤", "야밤", "한밤"})

# After a determiner (이런, 모든, 어떤 …) only these: `이런데` is also 이렇- + -ㄴ데.
_AFTER_DETERMINER = frozenset({"것", "거", "식", "때"})
_DEMONSTRATIVES = frozenset({"이", "그", "저", "요", "고", "조"})
# A predicate after these is written apart (`수 있다`, `것 같다`, `줄 알았다`, `적 없다`).
_BEFORE_PREDICATE = frozenset({"것", "거", "수", "줄", "적", "데", "바", "만큼", "뿐"})
# A word-final 데 is the noun (`해결하는 데 걸린`) only before these: elsewhere it is as
# likely the ending -는데 (`하고 있는데 연락이`), which Kiwi cannot tell apart.
_DE_CONTEXT = frozenset(
    {
        "도움", "유용", "한계", "기여", "필요", "중요", "효과", "효과적", "어려움", "어렵",
        "쓰", "쓰이", "사용", "걸리", "집중", "노력", "익숙", "적합", "활용", "이바지", "목적",
        "초점", "힘쓰", "유리", "충분", "큰", "크",
    }
)  # fmt: skip
# These are also endings (-는데, -ㄴ지, -ㄴ바): their fix is never safe.
_ALSO_ENDINGS = frozenset({"데", "지", "바"})

# Native numeral determiners; 한 and 첫 are handled apart (한번, 한때, 첫날 are words).
_NUMERAL_DETERMINERS = frozenset(
    {
        "두", "세", "석", "서", "네", "넉", "너", "다섯", "여섯", "일곱", "여덟", "아홉", "열",
        "스무", "몇", "여러", "두세", "서너", "너덧", "대여섯", "두어", "한두",
    }
)  # fmt: skip
_AFTER_HAN = frozenset({"명", "개", "달", "살", "권", "마리", "시간", "사람", "주일"})
_AFTER_FIRST = frozenset({"번"})
# Units of order may stay attached (제43항 다만: `두시`, `삼층`, `이학년`); 년 after a
# Sino-Korean numeral may be a year; 째 is a suffix.
_ORDINAL_UNITS = frozenset(
    {"시", "분", "초", "층", "학년", "호", "과", "등", "월", "일", "년", "번지", "동", "기", "회",
     "차", "위", "째", "세", "원"}
)  # fmt: skip
_COUNTING_NOUNS = frozenset({"사람", "시간", "주일", "달"})  # NNG used as counters
# Nouns that make one word with 때 (점심때, 저녁때: 표준국어대사전) or with 때 "grime"
# (기름때); one-syllable nouns (밥때, 물때, 손때) are never split off either.
_TIME_WORDS = frozenset(
    {"점심", "저녁", "아침", "끼니", "새벽", "한낮", "대낮", "한밤", "이맘", "요맘", "그맘",
     "저맘", "한창", "썰물", "밀물", "기름", "찌든", "묵은"}
)  # fmt: skip
_NOUNS = ("NNG", "NNP", "NNB", "XSN")

_PREDICATES = ("VV", "VA")
# Determiners a dependent noun is not split from: 이때, 그때, 이것, 이식 are words, and
# numeral words take units (`_counter`), not these nouns.
_NOT_DETERMINERS = _NUMERAL_DETERMINERS | _DEMONSTRATIVES | {"한", "첫"}


@dataclass(frozen=True, slots=True)
class Spacing:
    """`text[start:end]` (one word) should read `suggestion` (the same word with spaces)."""

    unit: int
    start: int
    end: int
    word: str
    suggestion: str
    kind: str  # bound-noun, counter or negation (the first one when a word has several)
    certain: bool  # every inserted space is beyond doubt: a safe fix


def _tag(token: Any) -> str:
    return str(token.tag).split("-")[0]


def _kind(left: Any, right: Any, after: Any | None) -> tuple[str, bool] | None:
    """The case a space between these two glued morphemes is, and whether it is certain."""
    if right.form == "듯" and after is not None and str(after.form) in ("하", "싶"):
        # 듯하다, 듯싶다 are auxiliaries: `올 듯하다` and `올듯하다` are both allowed (제47항),
        # and `올듯 싶다` needs more than one space moved.
        return None
    return _bound_noun(left, right) or _counter(left, right) or _negation(left, right, after)


def _bound_noun(left: Any, right: Any) -> tuple[str, bool] | None:
    left_tag, right_tag = _tag(left), _tag(right)
    if left_tag == "NNB" and left.form in _BEFORE_PREDICATE and right_tag in _PREDICATES:
        # `수있다`, `것같다`; 하다 after a noun is a suffix (`척하다`, `만하다`)
        return None if right.form == "하" else ("bound-noun", left.form not in _ALSO_ENDINGS)
    if right_tag not in ("NNB", "NNG") or right.form not in DEPENDENT_NOUNS:
        return None
    if right.form == "때문":
        return ("bound-noun", True)
    if left_tag == "ETM" and (right_tag == "NNB" or right.form in ("때", "동안")):
        return ("bound-noun", right.form not in _ALSO_ENDINGS)
    if right.form == "중" and right_tag == "NNB" and left_tag == "NNG":
        if len(left.form) >= 2 and left.form not in _JOINED_WITH_JUNG:
            return ("bound-noun", True)  # `진행중인` → `진행 중인`
        return None
    if right.form == "동안" and left_tag in _NOUNS:
        return ("bound-noun", True)  # `방학동안`, `1년동안` → `방학 동안`, `1년 동안`
    timely = left_tag == "XSN" or (len(left.form) >= 2 and left.form not in _TIME_WORDS)
    if right.form == "때" and left_tag in ("NNG", "NNP", "XSN") and timely:
        return ("bound-noun", True)  # `면접때` → `면접 때`
    determiner = left_tag == "MM" and left.form not in _NOT_DETERMINERS
    if determiner and right.form in _AFTER_DETERMINER:
        return ("bound-noun", True)  # `이런식으로`, `모든것이`
    return None


def _counter(left: Any, right: Any) -> tuple[str, bool] | None:
    left_tag, right_tag = _tag(left), _tag(right)
    if right_tag != "NNB" and not (right_tag == "NNG" and right.form in _COUNTING_NOUNS):
        return None
    unit = right.form
    if left_tag == "MM" and (
        (left.form in _NUMERAL_DETERMINERS and unit not in ("시", "째"))
        or (left.form == "한" and unit in _AFTER_HAN)
        or (left.form == "첫" and unit in _AFTER_FIRST)
    ):
        return ("counter", True)
    sino = left_tag == "NR" and len(left.form) >= 2 and _hangul(left.form)
    if sino and unit not in _ORDINAL_UNITS:
        return ("counter", True)  # `수천명`, `삼십개`; one-syllable 일, 이, 삼 … are too rare
    return None


def _negation(left: Any, right: Any, after: Any | None) -> tuple[str, bool] | None:
    if _tag(left) != "MAG" or left.form not in ("안", "못") or _tag(right) not in _PREDICATES:
        return None
    if left.form == "못" and right.form == "하":
        return None  # 못하다 is one word
    past = after is not None and after.form == "었"
    return ("negation", not (right.form == "되" and past))  # 안됐다: also "pitiable"


def _hangul(text: str) -> bool:
    return all("가" <= char <= "힣" for char in text)


def _clear(text: str, before: Any | None, right: Any, following: Any | None) -> bool:
    """`데` and `바` are also endings (`-는데`, `-ㄴ바`); `오는데도` and `하는 데도` are both
    right, so they are split off only when they take `에` (`하는 데에`) or a predicate, end
    the word before a word that goes with the noun 데 (`하는데 도움이`), or, for 바, take any
    particle (`말한 바를`). After a tense ending (`있었는데`) 데 is always the ending."""
    if right.form not in ("데", "바"):
        return True
    if before is not None and _tag(before) == "EP":
        return False
    after = right.start + right.len
    if after >= len(text) or not text[after].isalnum():
        return (
            right.form == "데"
            and following is not None
            and following.start > after
            and following.form in _DE_CONTEXT
        )
    if following is None or following.start != after:
        return False
    if right.form == "데":
        return bool(following.form == "에" or _tag(following) in _PREDICATES)
    return _tag(following).startswith("J")


def _points(text: str, tokens: Sequence[Any]) -> list[tuple[int, str, bool]]:
    """Offsets in `text` where a space belongs, with the case and its certainty."""
    found: dict[int, tuple[str, bool]] = {}
    for index in range(len(tokens) - 1):
        left, right = tokens[index], tokens[index + 1]
        point = right.start
        if point <= 0 or point >= len(text) or left.start + left.len != point:
            continue
        if left.start >= point or text[point - 1].isspace() or not text[point].isalnum():
            continue
        after = tokens[index + 2] if index + 2 < len(tokens) else None
        before = tokens[index - 1] if index else None
        case = _kind(left, right, after)
        if case is None or not _clear(text, before, right, after):
            continue
        if point not in found:
            found[point] = case
    return [(point, *found[point]) for point in sorted(found)]


def suggest_spacing(kiwi: Any, texts: Sequence[str]) -> list[Spacing]:
    """Spacing suggestions for each text (a sentence), in order."""
    todo = [i for i, text in enumerate(texts) if text.strip()]
    if not todo:
        return []
    from essaylint.korean.model import analyse

    analyses = analyse(kiwi, [texts[i] for i in todo])
    found: list[Spacing] = []
    for index, tokens in zip(todo, analyses, strict=True):
        text = texts[index]
        points = _points(text, tokens)
        for start, end, inside in _words_with(text, points):
            word = text[start:end]
            offsets = {point - start for point, _, _ in inside}
            suggestion = "".join((" " if k in offsets else "") + c for k, c in enumerate(word))
            certain = all(sure for _, _, sure in inside)
            found.append(Spacing(index, start, end, word, suggestion, inside[0][1], certain))
    return found


def _words_with(
    text: str, points: list[tuple[int, str, bool]]
) -> list[tuple[int, int, list[tuple[int, str, bool]]]]:
    """The whitespace-separated words of `text` that contain some of `points` (ascending),
    trimmed of punctuation at both ends, each with its points. One sweep: a long sentence
    with a suggestion in every word would otherwise test every point against every word."""
    result: list[tuple[int, int, list[tuple[int, str, bool]]]] = []
    start = 0
    length = len(text)
    passed = 0  # points at or before the current word's start
    while start < length and passed < len(points):
        while start < length and text[start].isspace():
            start += 1
        end = start
        while end < length and not text[end].isspace():
            end += 1
        while passed < len(points) and points[passed][0] <= start:
            passed += 1
        inside: list[tuple[int, str, bool]] = []
        while passed < len(points) and points[passed][0] < end:
            inside.append(points[passed])
            passed += 1
        if inside:
            while start < end and not text[start].isalnum():
                start += 1
            while end > start and not text[end - 1].isalnum():
                end -= 1
            inside = [p for p in inside if start < p[0] < end]
            if inside:
                result.append((start, end, inside))
        start = end + 1
    return result

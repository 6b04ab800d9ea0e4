"""A value's statement as related wording: which of its words count, and how many are enough.

A value read from the document keeps the statement it came from (`extract.py`): `스스로 몰입하고
주도적으로 일하는 사람` for `리더십` and `목표 달성`. Its *distinctive words* are the statement's
attitude words, at lemma level: nouns and roots the statement uses as an attitude (`몰입하고`,
`주도적으로`, `투명하게`, `책임지고` give `몰입`, `주도`, `투명`, `책임`) and nouns that name one
wherever they stand (`책임을`, `약속을`: `VALUE_WORDS`). Left out:

- plain nouns (`동료를`, `정보를`, `과제에`): a statement's topic, which any answer may share;
- generic words (`GENERIC` in `lemmas.py`, and `세상`, `일하다`, `자신`, `조직` … here);
- words so common in applications that any answer holds them (`경험`, `문제`, `해결`, `개발`,
  `목표`, `성장` …: `COMMON`, nouns found in more than a third of 30 real application files);
- verbs and adjectives (`맡다`, `지키다`, `정하다`): they say how, not what;
- one-syllable nouns (`끝`, `일`), except a root with its 하 (`선하다` gives `선하`);
- the value's own key words (they already count), and words two statements share (they tell
  neither value apart).

An answer references the value through its statement when it holds **one** distinctive word of
a short statement (three distinctive words or fewer: `몰입`, `주도`) or **two** of a longer one.
Measured on 13 well-known public 인재상 statements: 12 have one to three such words (`열정`,
`도전` in `꿈과 열정을 가지고 세계 최고에 도전하는 사람`), each naming the value by itself; a
longer statement lists several ideas, and one shared word is then too weak.

Where a value has a statement with distinctive words, one part of a multi-word value alone is
no longer enough: `목표` (in `목표 응답 시간을 정하고`) does not reference `목표 달성` stated as
`스스로 몰입하고 주도적으로 일하는 사람`; `목표를 달성` (every part) or `목표` with one statement
word does.
Without a statement the old rule stands: the head noun alone counts. `선배` never references
`선함`: keys are whole lemmas (`선배`, `선하`). Without kiwipiepy, statements are not used.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from essaylint.values.lemmas import GENERIC, _joins_noun

SHORT_STATEMENT = 3  # distinctive words; up to this many, one in the answer is enough

# Words of statements that say nothing about which value is meant.
STATEMENT_GENERIC: frozenset[str] = frozenset(
    {
        "일하",
        "세상",
        "자신",
        "자기",
        "서로",
        "모두",
        "누구",
        "무엇",
        "바탕",
        "끊임",
        "언제",
        "가장",
        "먼저",
        "구성원",
        "조직",
        "인간",
        "사원",
        "직원",
        "회사",
        "기업",
    }
)
# Nouns found in a third or more of 30 real application files (the bench development set), less
# the ones that name an attitude (`학습`), plus a few of their kind (`과제`, `미래`, `사회`):
# an answer holding one says nothing about a value.
COMMON: frozenset[str] = frozenset(
    {
        "경험",
        "개발",
        "개발자",
        "지원",
        "해결",
        "문제",
        "사용",
        "기술",
        "시간",
        "관련",
        "중요",
        "성장",
        "동기",
        "업무",
        "프로젝트",
        "이유",
        "과정",
        "필요",
        "환경",
        "내용",
        "진행",
        "가능",
        "준비",
        "입사",
        "결과",
        "서비스",
        "관심",
        "다양",
        "활용",
        "경우",
        "작성",
        "이상",
        "수행",
        "설명",
        "처리",
        "해당",
        "직무",
        "개선",
        "역할",
        "관리",
        "선택",
        "기능",
        "구조",
        "방법",
        "개인",
        "발생",
        "처음",
        "목표",
        "지식",
        "이해",
        "분야",
        "과제",
        "업계",
        "미래",
        "사회",
        "기여",
        "참여",
        "분석",
        "제공",
        "결정",
        "추가",
        "시스템",
        "정리",
        "포부",
        "활동",
        "적용",
        "운영",
        "테스트",
        "구현",
        "설계",
        "데이터",
        "상황",
        "기간",
        "파악",
        "자기소개",
        "장점",
        "단점",
        "성격",
    }
)


# Nouns that name an attitude wherever they stand (`책임을 진다`, `약속을 지키는`): other nouns
# count only where the statement uses them as one (`몰입하고`, `주도적으로`, `투명하게`).
VALUE_WORDS: frozenset[str] = frozenset(
    {
        "책임",
        "책임감",
        "약속",
        "신뢰",
        "믿음",
        "열정",
        "열의",
        "도전",
        "실패",
        "창의",
        "창의성",
        "혁신",
        "정직",
        "성실",
        "배려",
        "존중",
        "소통",
        "협업",
        "협력",
        "팀워크",
        "팀웍",
        "주인",
        "주인의식",
        "주인정신",
        "전문성",
        "끈기",
        "근성",
        "패기",
        "자율",
        "공정",
        "윤리",
        "도덕",
        "도덕성",
        "원칙",
        "상생",
        "공유",
        "투명",
        "개방",
        "다양성",
        "겸손",
        "용기",
        "호기심",
        "몰입",
        "주도",
        "주도성",
        "변화",
        "학습",
        "탐구",
        "자부심",
        "사명감",
        "리더십",
        "헌신",
        "희생",
        "봉사",
        "인내",
        "집념",
        "몰두",
        "진정성",
    }
)
_PREDICATIVE_SUFFIXES = frozenset({"XSV", "XSA"})
_ATTITUDE_XSN = frozenset({"적", "성", "감", "스럽"})


def _tag(token: Any) -> str:
    return str(token.tag).split("-")[0]


def _adjacent(first: Any, second: Any) -> bool:
    return int(first.start) + int(first.len) == int(second.start)


def _attitude_words(tokens: list[Any]) -> Iterator[str]:
    """The nouns and roots of a statement used as an attitude, and its `VALUE_WORDS`."""
    for i, token in enumerate(tokens):
        tag, form = _tag(token), str(token.form)
        following = tokens[i + 1] if i + 1 < len(tokens) else None
        after = _tag(following) if following is not None else ""
        if tag in ("NNG", "NNP", "XR"):
            if i and _tag(tokens[i - 1]) in ("NNG", "NNP") and _adjacent(tokens[i - 1], token):
                # The tail of a compound (`동기부여` gives `부여`) is not the word the writer chose.
                if form in VALUE_WORDS:
                    yield form
                continue
            derived = after in _PREDICATIVE_SUFFIXES
            if derived and len(form) == 1 and following is not None and following.form == "하":
                yield form + "하"  # `선하게`: the root with its 하, as the answer's keys have it
                continue
            attitude = (
                tag == "XR"
                or derived
                or (after == "XSN" and following is not None and following.form in _ATTITUDE_XSN)
            )
            if attitude or form in VALUE_WORDS:
                yield form
        elif tag == "VV":
            lemma = str(getattr(token, "lemma", "") or form + "다")
            stem = lemma[:-1] if lemma.endswith("다") else form
            if _joins_noun(stem):  # `책임지고` holds `책임`
                yield stem[:-1]


def _distinctive(key: str) -> bool:
    if key in GENERIC or key in STATEMENT_GENERIC or key in COMMON:
        return False
    return len(key) >= 2 and not key.isascii()


def statement_keys(statement: str) -> tuple[str, ...]:
    """The statement's candidate words, in order (before sharing and own keys are removed)."""
    if not statement.strip():
        return ()
    from essaylint.korean.model import get_kiwi

    tokens = list(get_kiwi().tokenize(statement))
    return tuple(dict.fromkeys(k for k in _attitude_words(tokens) if _distinctive(k)))


def distinctive_words(
    statements: Sequence[str], own_keys: Sequence[Iterable[str]]
) -> list[frozenset[str]]:
    """For each value (its statement and own key words), the statement words that count.

    Values sharing one statement share its words; a word in two different statements is
    dropped from both.
    """
    by_text = {text: statement_keys(text) for text in dict.fromkeys(statements) if text}
    seen: dict[str, int] = {}
    for keys in by_text.values():
        for key in keys:
            seen[key] = seen.get(key, 0) + 1
    result: list[frozenset[str]] = []
    for text, own in zip(statements, own_keys, strict=True):
        keys = by_text.get(text, ())
        mine = set(own)
        result.append(frozenset(k for k in keys if seen[k] == 1 and k not in mine))
    return result


def needed(words: frozenset[str]) -> int:
    """How many distinctive words an answer must hold: one of a short statement, else two."""
    return 1 if len(words) <= SHORT_STATEMENT else 2

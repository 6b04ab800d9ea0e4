"""Is an answer empty, a stub, or left with template text? Shared by the rules and the score.

The score must not change when a finding is suppressed or a rule is switched off, so these
judgements live here, and both the rules and `score.py` call them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from essaylint.base.patterns import compile_pattern
from essaylint.reading.model import Section

DEFAULT_PLACEHOLDER_TERMS: tuple[str, ...] = (
    "회사명",
    "회사 이름",
    "기업명",
    "지원 회사",
    "지원회사",
    "직무명",
    "지원 직무",
    "지원직무",
    "부서명",
    "이름",
    "성명",
    "학교명",
    "프로젝트명",
    "팀명",
    "날짜",
    "내용",
    "키워드",
    "제목",
    "소제목",
    "company",
    "company name",
    "position",
    "role",
)
# Writers anonymise with "OO대학교" on purpose (blind hiring), so two marks are not a placeholder.
_MARKS = r"(?<![A-Za-z0-9])(?:O{3,}|X{3,}|○{3,}|◯{3,}|△{3,}|□{3,}|ㅇㅇㅇ+)(?![A-Za-z0-9])"
_TEMPLATE_VARIABLE = r"\{\{[^{}\n]{1,40}\}\}"

_PLACEHOLDER_END = compile_pattern(
    r"(?:\bTODO\b|\bTBD\b|\bFIXME\b|작성\s*중|추후\s*작성|나중에\s*작성|\(작성\)|"
    r"\[작성\]|(?:^|\s)ㅇ|\.{3,}|…+)\s*[.!]?\s*$",
    re.IGNORECASE,
)
_LABEL_ONLY = compile_pattern(r"^\s*[^:：\n]{1,30}[:：]\s*$")
# Every character `_PLACEHOLDER_END` can match (its letters in both cases, the dotless and dotted
# i that IGNORECASE also takes for "i", and all of `\s`, which is what str.isspace() accepts).
_WHITESPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
_ENDING_CHARS = _WHITESPACE + "TODBFIXMEtodbfixme\u0130\u0131작성중추후나에()[]ㅇ.!…"


@dataclass(frozen=True, slots=True)
class Placeholder:
    start: int
    end: int
    text: str


def placeholder_pattern(terms: tuple[str, ...] = DEFAULT_PLACEHOLDER_TERMS) -> re.Pattern[str]:
    """One regex for template marks, `{{var}}` and bracketed template words (`[회사명]`)."""
    words = "|".join(
        re.escape(t).replace(r"\ ", r"\s*") for t in sorted(terms, key=len, reverse=True)
    )
    bracketed = rf"\[\s*(?:{words})\s*\]|\{{\s*(?:{words})\s*\}}|<\s*(?:{words})\s*>"
    return compile_pattern(f"{_MARKS}|{_TEMPLATE_VARIABLE}|{bracketed}", re.IGNORECASE)


@cache
def _default_pattern() -> re.Pattern[str]:
    """The default terms' pattern, compiled on first use rather than at import."""
    return placeholder_pattern()


_OPENERS = ("{", "[", "<", "ㅇㅇㅇ", "○○○", "◯◯◯", "△△△", "□□□")


def _may_hold_placeholder(text: str) -> bool:
    """False when no pattern from `placeholder_pattern` can match: each needs a bracket or a
    run of three marks. A few substring tests are far cheaper than the regex scan."""
    if any(opener in text for opener in _OPENERS):
        return True
    folded = text.lower()  # IGNORECASE: "OOO" and "xxx" alike
    return "ooo" in folded or "xxx" in folded


def find_placeholders(text: str, pattern: re.Pattern[str] | None = None) -> Iterator[Placeholder]:
    if not _may_hold_placeholder(text):
        return
    for match in (pattern or _default_pattern()).finditer(text):
        yield Placeholder(match.start(), match.end(), match.group(0))


def is_empty(section: Section) -> bool:
    """No answer text at all, and no structure a writer began (empty list items, fences)."""
    return not section.text.strip() and section.blocks == 0


def stub_threshold(min_chars: int, limit_max: int | None) -> int:
    """`min_chars`, but never more than half of the question's own limit: a `(20자)` question
    answered in 20 characters is finished, not a stub."""
    if limit_max is None:
        return min_chars
    return min(min_chars, max(1, limit_max // 2))


def stub_reason(section: Section, counted: int, min_chars: int) -> str | None:
    """Why an answered question is only a stub, as a short Korean phrase, or None."""
    text = section.text.strip()
    if not text:
        return "빈 목록이나 빈 코드 블록만 있음" if section.blocks else None
    lines = (line for line in text.split("\n") if line.strip())
    if all(_LABEL_ONLY.match(line) for line in lines):
        return "내용 없는 항목 이름만 있음"
    ending = _placeholder_ending(text)
    if ending is not None:
        return f"자리 표시 '{ending.group(0).strip()}'(으)로 끝남"
    if counted < min_chars:
        return f"{counted}자: 최소 {min_chars}자보다 짧음"
    return None


def _placeholder_ending(text: str) -> re.Match[str] | None:
    """`_PLACEHOLDER_END.search(text)` in time bounded by the text's tail, not its length.

    Every match runs to the end of the text and holds only `_ENDING_CHARS`, so it lies in the
    text's trailing run of those; searching from the run's start (the search still sees the
    characters before it for `\\b`) finds the same leftmost match.
    """
    return _PLACEHOLDER_END.search(text, len(text.rstrip(_ENDING_CHARS)))

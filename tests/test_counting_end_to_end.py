"""Counts through the whole pipeline: bytes -> decode -> Markdown -> answer text -> count.

Every expected number below was counted by hand from the answer text a reader sees (markup
removed), not computed by essaylint; the comments show the arithmetic.
"""

from __future__ import annotations

import dataclasses
import unicodedata

import pytest

from essaylint.linting.results import FileResult, SectionReport
from essaylint.reading.source import decode
from essaylint.running.config import Settings, validate_settings
from essaylint.running.runner import lint_source

ESSAY = """\
# 카카오 자기소개서

## 1. 지원 동기
저는 **꼼꼼한** 개발자입니다.
[카카오](https://kakao.com)에서 일하고 싶어요!

## 2. 협업 경험
<!-- 초안: 세지 않음 -->
- 일정 관리
- 회의 진행

| 기간 | 역할 |
|---|---|
| 3주 | 팀장 |

## 3. 문제 해결 (공백 제외 100자)
### 상황
팀원이 휴학했습니다.
### 결과
제때 끝냈습니다.
"""

# Question 1, answer text "저는 꼼꼼한 개발자입니다.\n카카오에서 일하고 싶어요!":
#   line 1: 저는(2) 꼼꼼한(3) 개발자입니다(6) = 11 Hangul + 2 spaces + "." = 14 characters
#   line 2: 카카오에서(5) 일하고(3) 싶어요(3) = 11 Hangul + 2 spaces + "!" = 14 characters
#   chars            14 + 14 + newline
#   chars-no-spaces  (11 + 1) + (11 + 1) = 24, line breaks are white space
#   bytes            (11*2 + 3) * 2 = 50 + newline
#   bytes-utf8       (11*3 + 3) * 2 = 72 + newline
#   neis             72 + 2 (a line break is always 2) = 74
#   words            저는 꼼꼼한 개발자입니다. / 카카오에서 일하고 싶어요! = 6
# Question 2, answer text "일정 관리\n회의 진행\n기간 역할\n3주 팀장" (4 lines, 3 breaks):
#   15 Hangul (4 + 4 + 4 + 3), 4 spaces, the digit 3
#   chars            5 * 4 = 20 + 3 newlines
#   chars-no-spaces  15 + 1 = 16
#   bytes            15*2 + 5 = 35 + 3 newlines
#   bytes-utf8       15*3 + 5 = 50 + 3 newlines
#   neis             50 + 3*2 = 56
#   words            일정 관리 회의 진행 기간 역할 3주 팀장 = 8
# Question 3 counts 공백 제외 whatever the config says (its title names the mode), and its
# parts' headings are part of the answer: "상황\n팀원이 휴학했습니다.\n결과\n제때 끝냈습니다."
#   상황(2) + 팀원이휴학했습니다.(9 + 1) + 결과(2) + 제때끝냈습니다.(7 + 1) = 22
Q3 = 22


def _expected(mode: str, newline: int) -> tuple[int, int]:
    return {
        "chars": (28 + newline, 20 + 3 * newline),
        "chars-no-spaces": (24, 16),
        "bytes": (50 + newline, 35 + 3 * newline),
        "bytes-utf8": (72 + newline, 50 + 3 * newline),
        "neis": (74, 56),
        "words": (6, 8),
    }[mode]


MODES = ("chars", "chars-no-spaces", "bytes", "bytes-utf8", "neis", "words")


def _lint(data: bytes, settings: Settings, path: str = "essay.md") -> FileResult:
    result = lint_source(decode(data), path, dataclasses.replace(settings, select=("EL201",)))
    assert result.error is None, result.error
    return result


def _questions(result: FileResult) -> list[SectionReport]:
    return [s for s in result.sections if s.kind == "question"]


def _counts(result: FileResult) -> list[int | None]:
    return [s.count for s in _questions(result)]


def _variants() -> list[object]:
    nfd = unicodedata.normalize("NFD", ESSAY)
    assert nfd != ESSAY
    return [
        pytest.param(ESSAY.encode("utf-8"), id="utf8-lf"),
        pytest.param(ESSAY.replace("\n", "\r\n").encode("utf-8"), id="utf8-crlf"),
        pytest.param(ESSAY.replace("\n", "\r").encode("utf-8"), id="utf8-cr"),
        pytest.param(b"\xef\xbb\xbf" + ESSAY.encode("utf-8"), id="utf8-bom"),
        pytest.param(nfd.encode("utf-8"), id="utf8-nfd"),
        pytest.param(ESSAY.encode("cp949"), id="cp949"),
        pytest.param(ESSAY.replace("\n", "\r\n").encode("cp949"), id="cp949-crlf"),
        pytest.param(b"\xff\xfe" + ESSAY.encode("utf-16-le"), id="utf16"),
    ]


@pytest.mark.parametrize("data", _variants())
@pytest.mark.parametrize("newline", [0, 1, 2])
@pytest.mark.parametrize("mode", MODES)
def test_counts_in_every_mode(data: bytes, mode: str, newline: int) -> None:
    settings = validate_settings({"count": mode, "newline": newline}, "test")
    result = _lint(data, settings)
    q1, q2 = _expected(mode, newline)
    assert _counts(result) == [q1, q2, Q3]
    assert [s.mode for s in _questions(result)] == [mode, mode, "chars-no-spaces"]


def test_section_reports_for_every_section() -> None:
    result = _lint(ESSAY.encode(), Settings())
    rows = [
        (s.kind, s.line, s.title, s.count, s.limit, s.mode, s.limit_source) for s in result.sections
    ]
    assert rows == [
        ("group", 1, "카카오 자기소개서", None, None, None, None),
        ("question", 3, "1. 지원 동기", 29, None, "chars", None),
        ("question", 7, "2. 협업 경험", 23, None, "chars", None),
        ("question", 16, "3. 문제 해결 (공백 제외 100자)", Q3, 100, "chars-no-spaces", "heading"),
        ("part", 17, "상황", None, None, None, None),
        ("part", 19, "결과", None, None, None, None),
    ]


def test_cp949_file_is_read_as_cp949_and_counted_like_utf8() -> None:
    result = _lint(ESSAY.encode("cp949"), Settings())
    assert result.encoding == "cp949"
    assert _counts(result) == [29, 23, Q3]


def test_front_matter_count_overrides_the_config() -> None:
    text = "---\ncount: chars-no-spaces\n---\n" + ESSAY
    result = _lint(text.encode(), Settings())
    assert _counts(result) == [24, 16, Q3]
    assert [s.line for s in _questions(result)] == [6, 10, 19]


def test_front_matter_essaylint_table_sets_newline() -> None:
    text = "---\nessaylint:\n  count: bytes\n  newline: 2\n---\n" + ESSAY
    result = _lint(text.encode(), Settings())
    assert _counts(result) == [52, 41, Q3]


def test_limit_notation_mode_in_title_wins_over_config() -> None:
    # "(120 bytes)": counted in bytes whatever `count` says. 11 Hangul * 2 + 3 = 25 per line,
    # two lines and one break = 51 bytes; "(10 words)": 6 words.
    text = (
        "## 1. 지원 동기 (120 bytes)\n"
        "저는 **꼼꼼한** 개발자입니다.\n"
        "[카카오](https://kakao.com)에서 일하고 싶어요!\n"
        "\n"
        "## 2. 한 줄 소개 (10 words)\n"
        "저는 **꼼꼼한** 개발자입니다.\n"
        "[카카오](https://kakao.com)에서 일하고 싶어요!\n"
    )
    result = _lint(text.encode(), validate_settings({"count": "chars"}, "test"))
    assert [(s.count, s.mode, s.limit) for s in _questions(result)] == [
        (51, "bytes", 120),
        (6, "words", 10),
    ]


def test_over_limit_message_uses_the_same_count() -> None:
    # 29 characters (see ESSAY's question 1) against a limit of 20: 9 over.
    text = ESSAY.replace("## 1. 지원 동기", "## 1. 지원 동기 (20자)")
    result = _lint(text.encode(), Settings())
    assert [f"{f.line}:{f.col} {f.message}" for f in result.findings] == [
        "3:1 29/20자 (공백 포함, chars), 9자 초과"
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # "가 나": 2 Hangul + 1 space; a tab is white space too.
        pytest.param("가 나\n", {"chars": 3, "chars-no-spaces": 2, "bytes": 5}, id="space"),
        # "👩‍💻 코딩": one grapheme (4 code points) + space + 2 Hangul.
        pytest.param("👩\u200d💻 코딩\n", {"chars": 4, "chars-no-spaces": 3}, id="emoji-zwj"),
        # Hangul and ASCII in NEIS: 학(3) 생(3) 부(3) A(1) = 10.
        pytest.param("학생부A\n", {"neis": 10, "bytes": 7, "words": 1}, id="neis"),
    ],
)
def test_small_answers(body: str, expected: dict[str, int]) -> None:
    for mode, value in expected.items():
        settings = Settings(count=mode)  # type: ignore[arg-type]
        result = _lint(f"## 질문\n{body}".encode(), settings)
        assert _counts(result) == [value], mode

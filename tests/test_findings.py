"""Findings as the engine stamps them: ranges in the original file, section labels, order.

The fixtures compare `line:col CODE message`; this file checks what they do not: end columns,
the question path a finding names, severities and sorting.
"""

from __future__ import annotations

import dataclasses
import unicodedata

import pytest

from essaylint.linting.results import Finding
from essaylint.reading.source import decode
from essaylint.running.config import Settings
from essaylint.running.runner import lint_source

CORE = ("EL1", "EL2")  # the structure and length rules; spelling rules have their own tests


def _findings(text: str, *codes: str) -> list[Finding]:
    settings = dataclasses.replace(Settings(), select=codes or CORE)
    result = lint_source(decode(text.encode("utf-8")), "essay.md", settings)
    assert result.error is None, result.error
    return result.findings


def _ranges(text: str, *codes: str) -> list[tuple[int, int, int, int]]:
    return [(f.line, f.col, f.end_line, f.end_col) for f in _findings(text, *codes)]


def _span(line: str, needle: str) -> tuple[int, int]:
    """1-based start and exclusive end column of `needle` in `line`."""
    start = line.index(needle) + 1
    return start, start + len(needle)


def test_placeholder_range_in_plain_text() -> None:
    line = "제가 [회사명]에 지원한 이유는 OOO 서비스 때문입니다."
    start, end = _span(line, "[회사명]")
    start2, end2 = _span(line, "OOO")
    assert _ranges(f"## 지원 동기\n{line}\n", "EL103") == [(2, start, 2, end), (2, start2, 2, end2)]


def test_placeholder_range_in_nfd_text_covers_its_code_points() -> None:
    line = unicodedata.normalize("NFD", "저는 [회사명] 팀에서 {{직무}}")
    text = f"## 지원 동기\n{line}\n"
    start, end = _span(line, unicodedata.normalize("NFD", "[회사명]"))
    start2, end2 = _span(line, unicodedata.normalize("NFD", "{{직무}}"))
    # 저(2 code points) 는(3) and a space: "[" is column 7; 회(2) 사(2) 명(3): "]" is 15.
    assert (start, end) == (7, 16)
    assert end2 == len(line) + 1
    assert _ranges(text, "EL103") == [(2, start, 2, end), (2, start2, 2, end2)]


@pytest.mark.parametrize(
    ("line", "needle"),
    [
        pytest.param("저는 **[회사명]** 팀에서 일하고 싶습니다.", "[회사명]", id="strong"),
        pytest.param("저는 *OOO* 님과 일하고 싶습니다.", "OOO", id="emphasis"),
        pytest.param("저는 [XXX](https://example.com) 팀에서 일합니다.", "XXX", id="link"),
    ],
)
def test_placeholder_range_ends_at_the_placeholder(line: str, needle: str) -> None:
    start, end = _span(line, needle)
    assert _ranges(f"## 지원 동기\n{line}\n", "EL103") == [(2, start, 2, end)]


def test_question_level_findings_point_at_the_heading() -> None:
    text = (
        "# 카카오 자기소개서\n\n"
        "## 1. 지원 동기 (10자)\n카카오톡 선물하기의 주문 구조를 직접 설계하고 싶습니다.\n\n"
        "## 2. 입사 후 포부\n"
    )
    findings = _findings(text)
    assert [(f.line, f.col, f.end_line, f.end_col, f.code) for f in findings] == [
        (3, 1, 3, 1, "EL201"),  # a (10자) question needs only 5 characters not to be a stub
        (6, 1, 6, 1, "EL101"),
    ]


def test_findings_name_their_question_path_and_severity() -> None:
    text = (
        "# 1차 면접 복기\n\n## 자기소개 해 주세요\n저는 [이름]입니다.\n\n"
        "# 2차 면접 복기\n\n## 자기소개 해 주세요\n"
    )
    rows = [(f.line, f.code, f.name, f.severity, f.section) for f in _findings(text)]
    assert rows == [
        (3, "EL102", "stub-answer", "warning", "1차 면접 복기 > 자기소개 해 주세요"),
        (4, "EL103", "placeholder", "error", "1차 면접 복기 > 자기소개 해 주세요"),
        (8, "EL101", "empty-answer", "error", "2차 면접 복기 > 자기소개 해 주세요"),
    ]


def test_findings_are_sorted_by_line_then_column_then_code() -> None:
    text = (
        "## 1. 지원 동기 (10자)\nOOO 그리고 [회사명] 그리고 XXX 때문에 지원했습니다. 더 쓸 말이 있습니다.\n\n"
        "## 1. 지원 동기\n"
    )
    findings = _findings(text)
    keys = [(f.line, f.col, f.code) for f in findings]
    assert keys == sorted(keys)
    assert [f.code for f in findings] == [
        "EL201",
        "EL103",
        "EL103",
        "EL103",
        "EL101",
        "EL104",
    ]


def test_score_ignores_rule_selection() -> None:
    """The completeness score reads the answers, not the findings of the selected rules."""
    text = "## 1. 지원 동기\n저는 [회사명]에 지원합니다.\n\n## 2. 입사 후 포부\n"
    everything = lint_source(decode(text.encode()), "a.md", Settings())
    nothing = lint_source(
        decode(text.encode()), "a.md", dataclasses.replace(Settings(), select=("EL104",))
    )
    assert nothing.findings == []
    assert (nothing.questions, nothing.answered, nothing.complete, nothing.score) == (
        everything.questions,
        everything.answered,
        everything.complete,
        everything.score,
    )
    assert (everything.questions, everything.answered, everything.complete) == (2, 1, 0)

"""Any text through the EL4xx rules and the coverage matrix: no exception, findings in the file."""

from __future__ import annotations

import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_values_fixtures import lint

from essaylint.reading.document import build_document
from essaylint.reading.source import decode
from essaylint.running.config import Settings
from essaylint.values import render_coverage, value_coverage

PIECES = st.sampled_from(
    [
        "## 인재상\n",
        "## 1. 지원 동기 (500자)\n",
        "# 카카오 자기소개서\n",
        "# 면접 예상 질문\n",
        "### 신뢰\n",
        "- **도전 의식**: 새로운 일\n",
        "| 가치 | 설명 |\n|---|---|\n| 신뢰 | 믿음 |\n",
        "(분석력, 차분함)\n",
        "네이버에 지원하게 되었습니다. ",
        "귀사 네이버의 일원이 되어 ",
        "서울대학교 ",
        "부산 출신으로 ",
        "아버지께서 공무원으로 일하시는 ",
        "1998년생 ",
        "![사진](a.png) ",
        "`코드` ",
        "**굵게** ",
        "도전하는 사람입니다. ",
        "선배에게 배웠습니다. ",
        "\n",
        "\r\n",
        "---\ncompany: kakao\nblind: true\n---\n",
    ]
)
SAFE_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=20
)
TEXT = st.lists(st.one_of(PIECES, SAFE_TEXT), max_size=25).map("".join)
EVERYTHING = Settings(select=("EL401", "EL402", "EL403", "EL404"), blind=True, company="kakao")


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT, st.booleans())
def test_rules_never_crash(text: str, nfd: bool) -> None:
    if nfd:
        text = unicodedata.normalize("NFD", text)
    result = lint(text, EVERYTHING)
    if result.error is not None:
        # Only the document itself may be refused (bad front matter), never a rule crash.
        assert "crashed" not in result.error and "internal error" not in result.error
        return
    lines = max(len(decode(text.encode("utf-8")).lines), 1)
    for finding in result.findings:
        assert 1 <= finding.line <= lines
        assert finding.col >= 1


@settings(max_examples=60, deadline=None)
@given(TEXT, st.integers(min_value=10, max_value=120))
def test_coverage_never_crashes(text: str, width: int) -> None:
    try:
        document = build_document(text)
    except ValueError:
        return
    coverage = value_coverage(document, Settings(values=("신뢰", "도전 의식")))
    render_coverage(coverage, width)

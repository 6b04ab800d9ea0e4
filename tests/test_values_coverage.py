"""Merged values with origins, the per-question coverage, and the text matrix."""

from __future__ import annotations

import json

import pytest

from essaylint.reading.document import build_document
from essaylint.running.config import Settings
from essaylint.values import known_values, render_coverage, value_coverage
from essaylint.values.matrix import display_width, truncate

ESSAY = """---
company: kakao
values: [성장]
---
# 카카오 자기소개서

## 인재상
- **도전 의식**: 새로운 일에 먼저 뛰어드는 자세
- 신뢰

## 1. 지원 동기 (500자)
새로운 일에 도전하는 것을 좋아해 고등학생 때부터 앱을 만들어 배포했습니다. 동료들에게 믿음을 주는 개발자로 성장하고 싶습니다.

## 2. 입사 후 포부 (500자)
입사 후에는 결제 서비스의 장애 대응 체계를 정리하겠습니다.

## 3. 빈 질문
"""


def settings() -> Settings:
    # What the runner passes after merging the front matter above.
    return Settings(company="kakao", values=("성장",), synonyms={"헌신": ("정성",)})


def test_values_merge_in_order_with_origins() -> None:
    found = known_values(build_document(ESSAY), settings())
    assert [(v.name, v.label) for v in found.values] == [
        ("도전 의식", "document:8"),
        ("신뢰", "document:9"),
        ("성장", "front-matter"),
        ("충돌", "preset:kakao"),
        ("헌신", "preset:kakao"),
    ]
    by_name = {v.name: v for v in found.values}
    assert "믿음" in by_name["신뢰"].related  # the preset's related terms join the document's value
    assert "정성" in by_name["헌신"].related  # config synonyms
    assert found.company is not None and found.company.name == "카카오"


def test_config_values_have_the_config_origin() -> None:
    doc = build_document("## 지원 동기\n결제 시스템을 만드는 일이 좋아 지원했습니다.\n")
    found = known_values(doc, Settings(values=("도전",)))
    assert [(v.name, v.label) for v in found.values] == [("도전", "config")]


def test_company_from_the_document_title() -> None:
    doc = build_document(
        "# 토스 자기소개서\n\n## 지원 동기\n송금이 쉬워지는 경험을 만들고 싶습니다.\n"
    )
    found = known_values(doc, Settings())
    assert found.company is not None and found.company.key == "toss"
    assert found.values[0].name == "Mission over Individual"


def test_coverage_rows_are_answered_questions() -> None:
    coverage = value_coverage(build_document(ESSAY), settings())
    assert coverage.values == ["도전 의식", "신뢰", "성장", "충돌", "헌신"]
    assert coverage.coverage == {
        "1. 지원 동기": ["도전 의식", "신뢰", "성장"],
        "2. 입사 후 포부": [],
    }
    assert coverage.counts() == {"도전 의식": 1, "신뢰": 1, "성장": 1, "충돌": 0, "헌신": 0}
    assert coverage.company == "카카오"
    data = coverage.to_json()
    json.dumps(data, ensure_ascii=False)
    # Fields are only ever added: name and origin as before, the statement since issue 19.
    assert data["values"][0] == {
        "name": "도전 의식",
        "origin": "document:8",
        "statement": "새로운 일에 먼저 뛰어드는 자세",
    }


def test_no_values_means_empty_coverage() -> None:
    doc = build_document("## 지원 동기\n결제 시스템을 만드는 일이 좋아 지원했습니다.\n")
    coverage = value_coverage(doc, Settings())
    assert coverage.values == [] and coverage.coverage == {}
    assert render_coverage(coverage, 80) == []


def test_matrix_columns_line_up_in_display_width() -> None:
    lines = render_coverage(value_coverage(build_document(ESSAY), settings()), 80)
    assert lines[0].split() == ["질문", "도전", "의식", "신뢰", "성장", "충돌", "헌신"]
    assert lines[-1].split() == ["합계", "1", "1", "1", "0", "0"]
    assert all(display_width(line) <= 80 for line in lines)
    # Every mark sits at the same display column as its header's centre.
    header, first = lines[0], lines[1]
    col = display_width(header[: header.index("신뢰")]) + 1
    assert display_width(first[: first.index("✓", len("1. 지원 동기"))]) <= col + 1


def test_narrow_matrix_numbers_its_columns_with_a_legend() -> None:
    lines = render_coverage(value_coverage(build_document(ESSAY), settings()), 30)
    assert lines[0].split()[1:] == ["1", "2", "3", "4", "5"]
    assert "1 도전 의식" in "\n".join(lines)
    assert all(display_width(line) <= 30 for line in lines)


def test_display_width_and_truncate() -> None:
    assert display_width("신뢰") == 4
    assert display_width("abc") == 3
    assert truncate("입사 후 포부와 목표", 10) == "입사 후.."
    assert display_width(truncate("입사 후 포부와 목표", 10)) <= 10
    assert truncate("짧음", 10) == "짧음"


def test_target_precedence_front_matter_title_config() -> None:
    titled = "# 네이버 자기소개서\n\n## 지원 동기\n검색 품질을 높이는 일을 하고 싶습니다.\n"
    # A folder-wide config yields to the file's own title ...
    found = known_values(build_document(titled), Settings(company="kakao"))
    assert found.company is not None and found.company.key == "naver"
    # ... but front matter pins the company.
    pinned = "---\ncompany: kakao\n---\n" + titled
    found = known_values(build_document(pinned), Settings(company="kakao"))
    assert found.company is not None and found.company.key == "kakao"
    # A title naming two companies names none.
    both = "# 네이버 vs 카카오 비교\n\n## 지원 동기\n검색 품질을 높이는 일을 하고 싶습니다.\n"
    assert known_values(build_document(both), Settings()).company is None


def test_fallback_note_without_kiwi(monkeypatch: pytest.MonkeyPatch) -> None:
    from essaylint.values import lemmas

    monkeypatch.setattr(lemmas, "kiwi_available", lambda: False)
    lemmas.compile_term.cache_clear()
    try:
        doc = build_document("## 지원 동기\n새로운 일에 도전하는 것을 좋아합니다.\n")
        coverage = value_coverage(doc, Settings(values=("도전 의식",)))
        assert coverage.coverage == {"지원 동기": ["도전 의식"]}
        assert coverage.notes == [lemmas.FALLBACK_NOTE]
    finally:
        lemmas.compile_term.cache_clear()


def test_front_matter_is_read_even_when_settings_are_not_merged() -> None:
    found = known_values(build_document(ESSAY), Settings())
    assert [(v.name, v.label) for v in found.values][2] == ("성장", "front-matter")
    assert found.company is not None and found.company.key == "kakao"

"""Values read from the document's own 인재상 / 핵심가치 sections, in the shapes writers use."""

from __future__ import annotations

import unicodedata

import pytest

from essaylint.reading.document import build_document
from essaylint.values.extract import bold_ranges, extract_values, split_terms


def values_of(markdown: str, *, with_lines: bool = False) -> list[str]:
    document = build_document(markdown)
    lines = markdown.split("\n") if with_lines else None
    return [v.name for v in extract_values(document, lines)]


@pytest.mark.parametrize("with_lines", [False, True])
def test_bold_spans_in_a_sentence(with_lines: bool) -> None:
    text = "## 인재상\n카카오는 **신뢰**와 **충돌**, **헌신**을 중요하게 생각합니다.\n"
    assert values_of(text, with_lines=with_lines) == ["신뢰", "충돌", "헌신"]


@pytest.mark.parametrize("with_lines", [False, True])
def test_bold_list_on_one_line(with_lines: bool) -> None:
    text = "## 인재상\n**신뢰**, **충돌**, **헌신**\n"
    assert values_of(text, with_lines=with_lines) == ["신뢰", "충돌", "헌신"]


def test_bold_parenthesised_value() -> None:
    assert values_of("## 인재상\n- **(도전 의식)**\n- **(협업)**: 함께 일하는 힘\n") == [
        "도전 의식",
        "협업",
    ]


def test_parenthesised_terms_give_one_value_each() -> None:
    assert values_of("## 인재상\n(분석력, 차분함)\n") == ["분석력", "차분함"]


def test_list_items_with_separators() -> None:
    text = (
        "## 핵심 가치\n"
        "1. 도전 의식: 새로운 일에 먼저 뛰어드는 자세\n"
        "2. 열정 - 끝까지 해내는 힘\n"
        "3. 정직 — 사실대로 말하는 용기\n"
        "- 고객 중심\n"
    )
    assert values_of(text) == ["도전 의식", "열정", "정직", "고객 중심"]


def test_gloss_in_parentheses_is_a_related_term() -> None:
    document = build_document("## 인재상\n- 열정(Passion)\n- 창의혁신 (Creativity)\n")
    found = extract_values(document)
    assert [(v.name, v.related) for v in found] == [
        ("열정", ("Passion",)),
        ("창의혁신", ("Creativity",)),
    ]


def test_two_column_table_takes_the_value_column_and_skips_the_header() -> None:
    text = (
        "## 핵심가치\n\n"
        "| 가치 | 설명 |\n|---|---|\n"
        "| 신뢰 | 동료를 믿고 맡기는 것 |\n"
        "| **충돌** | 더 나은 결론을 위한 토론 |\n"
        "| `목표 달성` | 끝까지 해내기 |\n"
    )
    assert values_of(text) == ["신뢰", "충돌", "목표 달성"]


def test_one_column_table() -> None:
    text = "## 인재상\n\n| 인재상 |\n|---|\n| 주인의식 |\n| 소통과 협력 |\n"
    assert values_of(text) == ["주인의식", "소통과 협력"]


def test_table_without_header_words_keeps_its_first_row() -> None:
    text = (
        "## Core values\n\n| Ownership | 주인처럼 일하기 |\n|---|---|\n| Customer first | 고객 |\n"
    )
    assert values_of(text) == ["Ownership", "Customer first"]


def test_child_headings_are_values_and_their_text_describes_them() -> None:
    text = (
        "## 인재상\n"
        "### 신뢰\n서로를 믿고 맡기는 문화\n- 약속을 지키는 사람\n"
        "### 헌신\n결정된 일에 끝까지 몰입합니다.\n"
    )
    assert values_of(text) == ["신뢰", "헌신"]


def test_plain_comma_list_paragraph() -> None:
    assert values_of("## 인재상\n신뢰, 충돌, 헌신\n") == ["신뢰", "충돌", "헌신"]


def test_prose_without_markup_gives_nothing() -> None:
    text = "## 인재상\n카카오의 인재상은 스스로 일하는 사람입니다.\n서로 믿고 맡기는 문화\n"
    assert values_of(text) == []


def test_notes_sections_are_not_values() -> None:
    text = "## 메모\n- 신뢰\n- **마감 3일 전 제출**\n\n## 기업 분석\n- 매출 성장\n"
    assert values_of(text) == []


def test_values_are_not_repeated() -> None:
    text = (
        "## 인재상\n- 신뢰\n- 신 뢰\n\n## 핵심 가치\n| 가치 | 설명 |\n|---|---|\n| 신뢰 | 믿음 |\n"
    )
    assert values_of(text) == ["신뢰"]


def test_decomposed_hangul_does_not_invent_bold() -> None:
    text = unicodedata.normalize("NFD", "## 인재상\n신뢰, 충돌, 헌신\n")
    assert values_of(text) == ["신뢰", "충돌", "헌신"]


def test_value_line_numbers_and_section() -> None:
    document = build_document("# 카카오\n\n## 인재상\n- 신뢰\n- 헌신\n")
    found = extract_values(document)
    assert [(v.name, v.line, v.section.heading_line) for v in found] == [
        ("신뢰", 4, 3),
        ("헌신", 5, 3),
    ]


def test_split_terms() -> None:
    assert split_terms("(분석력, 차분함)") == [("분석력", ()), ("차분함", ())]
    assert split_terms("① 인간미·도덕성") == [("인간미·도덕성", ())]
    assert split_terms("가치") == []  # a header word
    assert split_terms("이 문장은 설명입니다.") == []


def test_bold_ranges_from_columns_and_from_lines() -> None:
    line = "저는 **신뢰**와 **헌신**을 배웠습니다"
    document = build_document(f"## 인재상\n{line}\n")
    (span,) = document.sections[0].spans
    pieces = [span.text[a:b] for a, b in bold_ranges(span)]
    assert pieces == ["신뢰", "헌신"]
    assert [span.text[a:b] for a, b in bold_ranges(span, line)] == ["신뢰", "헌신"]


@pytest.mark.parametrize("form", ["NFC", "NFD"])
@pytest.mark.parametrize("with_lines", [False, True])
def test_bold_is_read_the_same_from_decomposed_text(form: str, with_lines: bool) -> None:
    text = unicodedata.normalize(
        form, "## 인재상\n저는 **신뢰**와 **헌신**을 배웠습니다\n동기 **지원**\n"
    )
    assert values_of(text, with_lines=with_lines) == ["신뢰", "헌신", "지원"]

"""Section classification: which headings are questions, groups, references and parts.

Each test states the tree as (kind, title, heading_line) rows in document order (`walk()`), then
the exact answer text of the questions, as the rules and the limits will read it.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from essaylint.reading.document import build_document
from essaylint.reading.model import Document, Section
from essaylint.reading.source import decode
from essaylint.running.config import Settings
from essaylint.running.runner import lint_source


def _tree(document: Document) -> list[tuple[str, str, int]]:
    return [(s.kind, s.title, s.heading_line) for s in document.walk()]


def _by_title(document: Document, title: str) -> Section:
    (found,) = [s for s in document.walk() if s.title == title]
    return found


def _questions(document: Document) -> list[str]:
    return [s.title for s in document.questions()]


# --- stacked headings -------------------------------------------------------------------------

STACKED = """\
## 1. 지원 동기 (1,000자)
## 1. Why do you want to join us?
사용자의 하루를 바꾸는 서비스를 만들고 싶어 지원했습니다.

## 2. 입사 후 포부 (500자)
결제 장애를 먼저 찾아내는 개발자가 되겠습니다.
"""


def test_consecutive_headings_are_one_question_with_alt_titles() -> None:
    document = build_document(STACKED)
    assert _tree(document) == [
        ("question", "1. 지원 동기 (1,000자)", 1),
        ("question", "2. 입사 후 포부 (500자)", 5),
    ]
    first = document.sections[0]
    assert first.alt_titles == ("1. Why do you want to join us?",)
    assert first.titles == ("1. 지원 동기 (1,000자)", "1. Why do you want to join us?")
    assert first.heading_lines == (1, 2)
    assert first.text == "사용자의 하루를 바꾸는 서비스를 만들고 싶어 지원했습니다."
    assert first.limit is not None and first.limit.max == 1000


def test_a_blank_line_between_headings_makes_two_questions() -> None:
    document = build_document(STACKED.replace("\n## 1. Why", "\n\n## 1. Why"))
    assert _tree(document) == [
        ("question", "1. 지원 동기 (1,000자)", 1),
        ("question", "1. Why do you want to join us?", 3),
        ("question", "2. 입사 후 포부 (500자)", 6),
    ]
    assert document.sections[0].text == ""
    assert document.sections[0].alt_titles == ()
    assert document.sections[1].text == "사용자의 하루를 바꾸는 서비스를 만들고 싶어 지원했습니다."


def test_stacked_headings_separate_keeps_every_heading() -> None:
    document = build_document(STACKED, stacked="separate")
    assert _tree(document) == [
        ("question", "1. 지원 동기 (1,000자)", 1),
        ("question", "1. Why do you want to join us?", 2),
        ("question", "2. 입사 후 포부 (500자)", 5),
    ]
    assert document.sections[0].text == ""
    assert document.sections[1].text == "사용자의 하루를 바꾸는 서비스를 만들고 싶어 지원했습니다."


def test_stacked_headings_setting_reaches_the_outline_through_lint_source() -> None:
    settings = replace(Settings(), stacked_headings="separate", select=("EL101",))
    result = lint_source(decode(STACKED.encode()), "stacked.md", settings)
    assert [(s.kind, s.line) for s in result.sections] == [
        ("question", 1),
        ("question", 2),
        ("question", 5),
    ]
    assert [(f.line, f.code) for f in result.findings] == [(1, "EL101")]


def test_headings_of_different_levels_do_not_stack() -> None:
    document = build_document(
        "## 1. 협업 경험 (700자)\n### 상황\n팀 프로젝트의 일정이 밀렸습니다.\n"
    )
    assert _tree(document) == [("question", "1. 협업 경험 (700자)", 1), ("part", "상황", 2)]
    assert document.sections[0].alt_titles == ()


# --- groups --------------------------------------------------------------------------------


def test_interview_review_is_a_group_of_questions() -> None:
    text = """\
# 1차 면접 복기

## 자기소개 해 주세요
데이터로 낭비를 줄여 온 지원자라고 소개했습니다.

## 우리 회사에 왜 지원했나요?
새벽 배송의 정확도를 높이고 싶다고 답했습니다.
"""
    document = build_document(text)
    assert _tree(document) == [
        ("group", "1차 면접 복기", 1),
        ("question", "자기소개 해 주세요", 3),
        ("question", "우리 회사에 왜 지원했나요?", 6),
    ]
    assert document.sections[0].text == ""
    assert _by_title(document, "자기소개 해 주세요").text == (
        "데이터로 낭비를 줄여 온 지원자라고 소개했습니다."
    )
    assert _by_title(document, "자기소개 해 주세요").path == ("1차 면접 복기", "자기소개 해 주세요")


def test_group_preface_is_the_groups_own_text() -> None:
    text = (
        "# 2025 하반기 공채\n지원 마감은 10월 2일입니다.\n\n## 1. 지원 동기 (500자)\n답변입니다.\n"
    )
    document = build_document(text)
    assert _tree(document) == [
        ("group", "2025 하반기 공채", 1),
        ("question", "1. 지원 동기 (500자)", 4),
    ]
    assert document.sections[0].text == "지원 마감은 10월 2일입니다."
    assert document.sections[0].children[0].text == "답변입니다."


def test_document_title_followed_by_level_one_questions() -> None:
    text = """\
# 카카오 자기소개서

# 1. 지원 동기 (500자)
선물하기의 주문 구조를 직접 만들고 싶어 지원했습니다.

# 2. 입사 후 포부 (500자)
결제 장애를 먼저 찾는 개발자가 되겠습니다.
"""
    document = build_document(text)
    assert _tree(document) == [
        ("group", "카카오 자기소개서", 1),
        ("question", "1. 지원 동기 (500자)", 3),
        ("question", "2. 입사 후 포부 (500자)", 6),
    ]
    assert _questions(document) == ["1. 지원 동기 (500자)", "2. 입사 후 포부 (500자)"]
    assert document.sections[1].text == "선물하기의 주문 구조를 직접 만들고 싶어 지원했습니다."


def test_document_title_directly_above_a_level_one_question_is_not_stacked() -> None:
    text = "# 카카오 자기소개서\n# 1. 지원 동기 (500자)\n선물하기의 주문 구조를 만들고 싶습니다.\n"
    document = build_document(text)
    assert _tree(document) == [
        ("group", "카카오 자기소개서", 1),
        ("question", "1. 지원 동기 (500자)", 2),
    ]


def test_document_title_above_level_two_questions() -> None:
    text = "# 카카오 자기소개서\n\n## 1. 지원 동기 (500자)\n답변입니다.\n"
    document = build_document(text)
    assert _tree(document) == [
        ("group", "카카오 자기소개서", 1),
        ("question", "1. 지원 동기 (500자)", 3),
    ]


# --- parts of one answer ----------------------------------------------------------------------


def test_star_labels_are_parts_of_one_question() -> None:
    text = """\
## 2. 협업 경험 (700자)
졸업 프로젝트 이야기입니다.
### 상황
팀원 한 명이 휴학해 일정이 밀렸습니다.
### 행동
작업표를 다시 짰습니다.
### 결과
발표 이틀 전에 완성했습니다.
"""
    document = build_document(text)
    assert _tree(document) == [
        ("question", "2. 협업 경험 (700자)", 1),
        ("part", "상황", 3),
        ("part", "행동", 5),
        ("part", "결과", 7),
    ]
    question = document.sections[0]
    assert question.text == (
        "졸업 프로젝트 이야기입니다.\n"
        "상황\n팀원 한 명이 휴학해 일정이 밀렸습니다.\n"
        "행동\n작업표를 다시 짰습니다.\n"
        "결과\n발표 이틀 전에 완성했습니다."
    )
    assert question.children[0].text == "팀원 한 명이 휴학해 일정이 밀렸습니다."
    assert _questions(document) == ["2. 협업 경험 (700자)"]


def test_common_question_with_subtitled_sub_answers_is_one_question() -> None:
    text = """\
# 지원동기 : 사용자의 하루를 바꾸는 서비스
## 매일 쓰는 앱
출근길마다 지도 앱을 켭니다.
## 결제의 경험
한 번의 터치로 끝나는 송금에 놀랐습니다.
"""
    document = build_document(text)
    assert _tree(document) == [
        ("question", "지원동기 : 사용자의 하루를 바꾸는 서비스", 1),
        ("part", "매일 쓰는 앱", 2),
        ("part", "결제의 경험", 4),
    ]
    assert document.sections[0].text == (
        "매일 쓰는 앱\n출근길마다 지도 앱을 켭니다.\n결제의 경험\n한 번의 터치로 끝나는 송금에 놀랐습니다."
    )


def test_technical_topic_with_notes_under_a_technical_interview_group() -> None:
    text = """\
# 기술 면접

## Redis
### 자료구조
정렬 집합은 스킵 리스트로 구현됩니다.
### 영속성
RDB 스냅숏과 AOF 로그가 있습니다.

## Kafka
파티션 단위로 순서가 보장됩니다.
"""
    document = build_document(text)
    assert _tree(document) == [
        ("group", "기술 면접", 1),
        ("question", "Redis", 3),
        ("part", "자료구조", 4),
        ("part", "영속성", 6),
        ("question", "Kafka", 9),
    ]
    redis = _by_title(document, "Redis")
    assert redis.text == (
        "자료구조\n정렬 집합은 스킵 리스트로 구현됩니다.\n영속성\nRDB 스냅숏과 AOF 로그가 있습니다."
    )
    assert redis.path == ("기술 면접", "Redis")
    assert _by_title(document, "Kafka").text == "파티션 단위로 순서가 보장됩니다."


# --- reference sections -----------------------------------------------------------------------

REFERENCE = """\
# 카카오 지원서

## 인재상
### 1. 능동적인 사람
스스로 일을 찾아 나서는 사람입니다.

## 핵심 가치
신뢰, 충돌, 헌신

## Core values
Trust and commitment.

## 메모
면접은 10시, 포트폴리오 출력해 갈 것.

## 1. 지원 동기 (500자)
선물하기의 주문 구조를 만들고 싶습니다.
"""


def test_reference_sections_and_their_children_are_never_questions() -> None:
    document = build_document(REFERENCE)
    assert _tree(document) == [
        ("group", "카카오 지원서", 1),
        ("reference", "인재상", 3),
        ("reference", "1. 능동적인 사람", 4),
        ("reference", "핵심 가치", 7),
        ("reference", "Core values", 10),
        ("reference", "메모", 13),
        ("question", "1. 지원 동기 (500자)", 16),
    ]
    assert _questions(document) == ["1. 지원 동기 (500자)"]
    assert _by_title(document, "핵심 가치").text == "신뢰, 충돌, 헌신"
    assert _by_title(document, "1. 능동적인 사람").text == "스스로 일을 찾아 나서는 사람입니다."


def test_reference_section_with_a_common_question_title_below_it() -> None:
    document = build_document("## 인재상\n### 지원 동기\n회사가 말하는 지원 동기의 예시.\n")
    assert _tree(document) == [("reference", "인재상", 1), ("reference", "지원 동기", 2)]
    assert list(document.questions()) == []


def test_empty_memo_at_top_level_is_reference() -> None:
    document = build_document("## 메모\n\n## 1. 지원 동기 (500자)\n답변입니다.\n")
    assert _tree(document) == [("reference", "메모", 1), ("question", "1. 지원 동기 (500자)", 3)]


def test_question_mentioning_values_is_a_question() -> None:
    text = "## 카카오의 인재상에 부합하는 경험 (500자)\n스스로 일을 찾아 나섰던 경험을 씁니다.\n"
    document = build_document(text)
    assert _tree(document) == [("question", "카카오의 인재상에 부합하는 경험 (500자)", 1)]
    assert document.sections[0].text == "스스로 일을 찾아 나섰던 경험을 씁니다."


def test_question_asking_about_core_values_without_limit_is_a_question() -> None:
    text = "## 핵심 가치 중 가장 공감하는 것은 무엇인가요?\n신뢰입니다.\n"
    assert _tree(build_document(text)) == [
        ("question", "핵심 가치 중 가장 공감하는 것은 무엇인가요?", 1)
    ]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "## 메모리 누수를 해결한 경험\n힙 덤프로 누수를 추적했습니다.\n",
            "메모리 누수를 해결한 경험",
        ),
        ("# 기술 면접\n## 메모리 관리\nGC와 참조 카운팅.\n## Redis\n캐시.\n", "메모리 관리"),
    ],
    ids=["question", "interview-topic"],
)
def test_a_word_that_only_contains_a_reference_word_is_not_reference(text: str, title: str) -> None:
    assert _by_title(build_document(text), title).kind == "question"


def test_custom_reference_titles_replace_the_defaults() -> None:
    text = "## 회사 소개\n1998년 설립.\n\n## 메모\n면접 준비.\n"
    document = build_document(text, reference_titles=("회사 소개",))
    assert _tree(document) == [("reference", "회사 소개", 1), ("question", "메모", 4)]


# --- what is not a section -------------------------------------------------------------------


def test_headings_in_code_quotes_lists_and_html_blocks_are_not_sections() -> None:
    text = """\
## 1. 기술 역량 (500자)
설정 파일 예시입니다.

```markdown
# 코드 안의 제목
```

> ## 인용 안의 제목
> 인용한 문장입니다.

- ### 목록 안의 제목

<div>
# HTML 안의 제목
</div>

<details>
<summary>펼치기</summary>
## 접힌 제목
</details>

마지막 문장입니다.
"""
    document = build_document(text)
    assert _tree(document) == [("question", "1. 기술 역량 (500자)", 1)]
    assert document.sections[0].text == (
        "설정 파일 예시입니다.\n"
        "# 코드 안의 제목\n"
        "인용 안의 제목\n인용한 문장입니다.\n"
        "목록 안의 제목\n"
        "# HTML 안의 제목\n"  # raw HTML: a reader sees the hashes
        "## 접힌 제목\n"
        "마지막 문장입니다."
    )
    code = [s for s in document.sections[0].spans if s.kind == "code"]
    assert [(s.line, s.text) for s in code] == [(5, "# 코드 안의 제목")]


def test_setext_headings_are_sections() -> None:
    text = """\
지원 동기
---------
사용자의 하루를 바꾸고 싶습니다.

입사 후 포부
------------
결제 장애를 먼저 찾겠습니다.
"""
    document = build_document(text)
    assert _tree(document) == [
        ("question", "지원 동기", 1),
        ("question", "입사 후 포부", 5),
    ]
    assert [s.level for s in document.sections] == [2, 2]
    assert document.sections[1].text == "결제 장애를 먼저 찾겠습니다."


def test_setext_title_over_atx_questions() -> None:
    text = "네이버 자기소개서\n=================\n\n## 1. 지원 동기 (500자)\n답변입니다.\n"
    document = build_document(text)
    assert _tree(document) == [
        ("group", "네이버 자기소개서", 1),
        ("question", "1. 지원 동기 (500자)", 4),
    ]


@pytest.mark.parametrize("ending", ["", "\n", "\n\n"], ids=["eof", "newline", "blank-line"])
def test_last_heading_with_no_body_is_an_empty_question(ending: str) -> None:
    text = "## 1. 지원 동기 (500자)\n답변입니다.\n\n## 2. 입사 후 포부 (500자)" + ending
    document = build_document(text)
    assert _tree(document) == [
        ("question", "1. 지원 동기 (500자)", 1),
        ("question", "2. 입사 후 포부 (500자)", 4),
    ]
    last = document.sections[-1]
    assert last.text == ""
    assert last.spans == ()
    assert last.locate(0) == (4, 1)


@pytest.mark.parametrize(
    "ending",
    [
        pytest.param("", id="no-newline"),
        pytest.param("\n", id="newline"),
        pytest.param("\n\n", id="blank-line"),
    ],
)
def test_last_section_ends_on_the_files_last_line(ending: str) -> None:
    text = "## 1. 지원 동기 (500자)\n답변입니다." + ending
    document = build_document(text)
    assert document.sections[-1].end_line == document.line_count


def test_section_end_lines_in_the_middle() -> None:
    document = build_document("## 질문 하나\n답 하나.\n\n## 질문 둘\n답 둘.\n")
    assert document.sections[0].end_line == 3


def test_preamble_before_the_first_heading_is_not_a_section() -> None:
    text = "이 파일은 2025년 상반기 지원용입니다.\n\n## 1. 지원 동기 (500자)\n답변입니다.\n"
    document = build_document(text)
    assert _tree(document) == [("question", "1. 지원 동기 (500자)", 3)]
    assert [s.text for s in document.preamble] == ["이 파일은 2025년 상반기 지원용입니다."]

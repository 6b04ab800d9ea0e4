"""Issue 19: a value's statement references it, and the target company is read from the answers.

The applications in `tests/values_statements/` are written for these tests, in the shapes writers
use: a 인재상 table of statements with bold keywords in parentheses and no company outside the
answers (`application.md`), `keyword: statement` lines with a company no preset knows
(`keyword_lines.md`), a two-column table (`two_columns.md`), no company anywhere
(`no_company.md`) and two applications in one file (`several_companies.md`).
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_values_fixtures import lint

from essaylint.linting.results import FileResult
from essaylint.reading.document import build_document
from essaylint.reporters import json as json_reporter
from essaylint.reporters import score as score_reporter
from essaylint.running.config import Settings
from essaylint.values import known_values, value_coverage
from essaylint.values.companies import catalogue, text_company
from essaylint.values.extract import extract_values
from essaylint.values.presets import builtin_presets
from essaylint.values.statements import distinctive_words, needed, statement_keys

HERE = Path(__file__).parent / "values_statements"
VALUES = ("EL401", "EL402", "EL403")


def read(name: str) -> str:
    return (HERE / name).read_text(encoding="utf-8")


def check(text: str, **options: object) -> FileResult:
    return lint(text, Settings(select=VALUES, **options))  # type: ignore[arg-type]


def findings(result: FileResult, code: str) -> list[str]:
    return [f"{f.line}:{f.col} {f.message}" for f in result.findings if f.code == code]


def lines(result: FileResult, code: str) -> list[int]:
    return [f.line for f in result.findings if f.code == code]


# --- the application this project was made from, in its shape ---------------------------------


def test_statement_only_references_are_no_longer_flagged() -> None:
    result = check(read("application.md"))
    # Before issue 19: 12 (지원 동기) and 16 (함께 일한 경험) were flagged, 20 (기술 역량) was not
    # (`목표` alone counted for `목표 달성`). Now: only the answers that reference nothing.
    assert lines(result, "EL401") == [20, 28]
    assert findings(result, "EL402") == ["3:1 인재상 키워드 '창의'를 언급한 답변이 없음"]
    assert findings(result, "EL403") == []


def test_the_company_is_read_from_the_answers() -> None:
    result = check(read("application.md"))
    assert result.coverage is not None
    assert result.coverage.company == "카카오"
    assert result.coverage.company_source == "text"
    # The preset is consulted: its values follow the document's own.
    assert result.coverage.origins["헌신"] == "preset:kakao"


def test_matched_words_say_why() -> None:
    coverage = check(read("application.md")).coverage
    assert coverage is not None
    rows = {row.title: row.matched for row in coverage.rows}
    assert rows["1. 지원 동기"]["리더십"] == ("주도적",)
    assert rows["1. 지원 동기"]["신뢰"] == ("책임",)
    assert rows["2. 함께 일한 경험"]["협업"] == ("수평적",)
    assert rows["4. 입사 후 포부"]["도전"] == ("도전",)
    assert rows["3. 기술 역량"] == {}


def test_wrong_company_works_on_the_company_read_from_the_text() -> None:
    text = read("application.md").replace("카카오에 입사하여", "네이버에 입사하여")
    result = check(text)
    assert findings(result, "EL403") == ["26:1 지원 회사는 카카오인데 '네이버'를 지원 대상으로 씀"]
    assert result.coverage is not None and result.coverage.company_source == "text"


def test_a_past_application_elsewhere_changes_nothing() -> None:
    text = read("application.md").replace(
        "저는 계획을 세우면", "작년에 네이버 공채에 지원했다가 떨어진 뒤로 저는 계획을 세우면"
    )
    result = check(text)
    assert findings(result, "EL403") == []
    assert result.coverage is not None and result.coverage.company == "카카오"


def test_json_reports_source_statement_and_matches() -> None:
    result = check(read("application.md"))
    out = io.StringIO()
    json_reporter.render([result], out)
    data = json.loads(out.getvalue())["files"][0]
    assert data["company"] == "카카오"
    assert data["company_source"] == "text"
    assert data["values"][0] == {
        "name": "리더십",
        "origin": "document:7",
        "statement": "맡은 과제에 깊이 몰입하고 주도적으로 해결하는 사람",
    }
    assert data["values"][-1] == {"name": "헌신", "origin": "preset:kakao", "statement": None}
    assert data["matched"]["2. 함께 일한 경험"]["커뮤니케이션"] == ["수평적"]
    assert data["matched"]["5. 성격의 장단점"] == {}
    assert data["coverage"]["3. 기술 역량"] == []


def test_score_details_show_source_and_reasons() -> None:
    out = io.StringIO()
    score_reporter.render([check(read("application.md"))], out, details=True, color=False)
    text = out.getvalue()
    assert "  인재상 반영 (카카오, text):\n" in text
    assert "      1. 지원 동기: 리더십 ← 주도적 · 목표 달성 ← 주도적 · 신뢰 ← 책임" in text


def test_html_report_shows_source_and_reasons() -> None:
    from essaylint.reporters.html import build_html

    page = build_html([check(read("application.md"))])
    assert "인재상 반영 (카카오 · 본문에서 찾음)" in page
    assert 'title="리더십 ← 주도적"' in page
    assert '<ul class="why">' in page


# --- other shapes ------------------------------------------------------------------------------


def test_keyword_lines_and_a_company_no_preset_knows() -> None:
    result = check(read("keyword_lines.md"))
    assert result.coverage is not None
    assert (result.coverage.company, result.coverage.company_source) == ("가온소프트", "text")
    assert lines(result, "EL401") == [17]
    rows = {row.title: row.matched for row in result.coverage.rows}
    assert rows["1. 지원 동기"] == {"고객": ("집요",)}
    assert rows["2. 실패 경험"] == {"정직": ("공유",)}


def test_two_column_table_and_look_alikes() -> None:
    result = check(read("two_columns.md"))
    assert result.coverage is not None
    rows = {row.title: row.matched for row in result.coverage.rows}
    assert rows["1. 협업 경험"] == {"배려": ("겸손",)}
    assert rows["2. 성장 과정"] == {}  # 선배 is not 선함 (statement: 선한 영향)
    assert lines(result, "EL401") == [15]
    assert result.coverage.company is None


def test_no_company_anywhere() -> None:
    result = check(read("no_company.md"))
    assert result.coverage is not None
    assert (result.coverage.company, result.coverage.company_source) == (None, None)
    assert lines(result, "EL401") == [12]


def test_several_applications_infer_no_target() -> None:
    result = check(read("several_companies.md"))
    assert result.coverage is not None and result.coverage.company is None
    assert findings(result, "EL403") == []


def test_config_and_title_win_over_the_text() -> None:
    text = read("application.md")
    found = known_values(build_document(text), Settings(company="naver"))
    assert found.company is not None and found.company.key == "naver"
    assert found.company_source == "config"
    titled = text.replace("# 2026 상반기 신입 개발자 자기소개서", "# 토스 자기소개서")
    found = known_values(build_document(titled), Settings())
    assert found.company is not None and found.company.key == "toss"
    assert found.company_source == "title"


# --- the target from the text: unit cases ------------------------------------------------------

COMPANIES = catalogue(builtin_presets())


def target(*answers: str) -> str | None:
    body = "".join(f"## {i}. 질문\n{a}\n\n" for i, a in enumerate(answers, 1))
    found = text_company(build_document(body), COMPANIES)
    return found.name if found is not None else None


def test_one_application_phrase_and_two_mentions_name_a_known_company() -> None:
    assert (
        target("엘지전자에 지원하게 된 동기는 가전입니다.", "LG전자 제품을 오래 썼습니다.")
        == "LG전자"
    )
    assert target("네이버에 지원하게 된 동기는 검색입니다.") is None  # named once


@pytest.mark.parametrize(
    "answers",
    [
        # plain mentions, no application phrase
        ("네이버에서 인턴을 했습니다. 네이버 지도를 자주 씁니다.", "네이버와 비교하면 빠릅니다."),
        # two companies applied to as often
        ("카카오에 지원했습니다. 카카오가 좋습니다.", "토스에 지원했습니다. 토스가 좋습니다."),
        # words that name no company
        ("이 회사에 지원했습니다.", "이번 공채에 지원했습니다.", "해당 직무에 지원합니다."),
        ("수평적인 환경에서 일하고 싶습니다.", "자율적인 환경에서 일하고 싶습니다."),
    ],
)
def test_no_target_without_a_clear_application(answers: tuple[str, ...]) -> None:
    assert target(*answers) is None


def test_a_name_that_is_also_a_word_before_a_hiring_noun() -> None:
    assert (
        target("이번 토스 신입 공채에 지원했습니다.", "토스에서 송금을 다루고 싶습니다.") == "토스"
    )
    assert target("생산 라인에 지원 인력을 배치했습니다.", "라인 공정을 바꿨습니다.") is None


def test_an_unknown_name_needs_two_application_phrases() -> None:
    assert target("누리랩스에 지원합니다.", "누리랩스 제품이 좋습니다.") is None
    assert target("누리랩스 신입 공채에 지원합니다.", "누리랩스에 입사하여 일하겠습니다.") == (
        "누리랩스"
    )
    # A phrase dated as the past does not count.
    assert target("작년 누리랩스 공채에 지원했습니다.", "누리랩스에 지원합니다.") is None


# --- statements: which words count ------------------------------------------------------------


def test_statement_words_are_attitude_words() -> None:
    assert statement_keys("맡은 과제에 깊이 몰입하고 주도적으로 해결하는 사람") == ("몰입", "주도")
    assert statement_keys("맡은 일은 끝까지 책임지고 약속을 지키는 사람") == ("책임", "약속")
    # A statement's topic nouns (동료, 정보) and common words (목표, 성장) do not count.
    assert statement_keys("동료를 믿고 정보를 투명하게 나눈다") == ("투명",)
    assert statement_keys("높은 목표를 세우고 함께 성장하는 사람") == ()
    assert statement_keys("세상을 선하게 바꾸는 사람") == ("선하",)


def test_shared_words_and_own_keys_are_dropped() -> None:
    words = distinctive_words(
        ["몰입하고 주도적으로 일하는 사람", "주도적으로 소통하는 사람", ""],
        [{"리더십"}, {"소통"}, set()],
    )
    assert words == [frozenset({"몰입"}), frozenset(), frozenset()]
    assert needed(frozenset({"몰입", "주도"})) == 1
    assert needed(frozenset({"몰입", "주도", "존중", "소통"})) == 2


def test_a_long_statement_needs_two_words() -> None:
    text = (
        "## 인재상\n"
        "- 주도적으로 몰입하며 동료를 존중하고 열린 자세로 소통하는 사람 **(팀플레이)**\n\n"
        "## 1. 질문 (500자)\n과제를 주도적으로 끝냈습니다.\n\n"
        "## 2. 질문 (500자)\n과제를 주도적으로 끝내며 팀원을 존중했습니다.\n"
    )
    coverage = value_coverage(build_document(text), Settings(), lines=text.split("\n"))
    assert coverage.coverage == {"1. 질문": [], "2. 질문": ["팀플레이"]}


def test_part_of_a_value_needs_the_statement_when_there_is_one() -> None:
    said = "## 인재상\n- 스스로 몰입하고 주도적으로 일하는 사람 **(목표 달성)**\n\n"
    bare = "## 인재상\n- **목표 달성**\n\n"
    answer = "## 1. 질문 (500자)\n목표 응답 시간을 정하고 측정했습니다.\n"
    with_statement = value_coverage(build_document(said + answer), Settings())
    without = value_coverage(build_document(bare + answer), Settings())
    assert with_statement.coverage == {"1. 질문": []}
    assert without.coverage == {"1. 질문": ["목표 달성"]}  # the head noun alone, as before
    both = "## 1. 질문 (500자)\n목표를 세우고 끝까지 달성했습니다.\n"
    assert value_coverage(build_document(said + both), Settings()).coverage == {
        "1. 질문": ["목표 달성"]
    }


def test_statements_in_the_three_shapes() -> None:
    text = (
        "## 인재상\n"
        "- 끝까지 파고드는 사람 **(끈기, 집념)**\n"
        "- 정직: 실수를 숨기지 않고 투명하게 알린다\n\n"
        "| 가치 | 설명 |\n| --- | --- |\n| 배려 | 동료의 입장을 먼저 헤아린다 |\n"
    )
    found = {v.name: v.statement for v in extract_values(build_document(text), text.split("\n"))}
    assert found == {
        "끈기": "끝까지 파고드는 사람",
        "집념": "끝까지 파고드는 사람",
        "정직": "실수를 숨기지 않고 투명하게 알린다",
        "배려": "동료의 입장을 먼저 헤아린다",
    }


ROWS = (
    ("스스로 몰입하고 주도적으로 일하는 사람", "리더십, 목표 달성"),
    ("서로 존중하는 사람", "협업"),
)


@pytest.mark.parametrize(
    "body",
    [
        "| 인재상 |\n|---|\n" + "".join(f"| {s} **({k})** |\n" for s, k in ROWS),
        "| 번호 | 인재상 |\n|---|---|\n"
        + "".join(f"| {i} | {s} **({k})** |\n" for i, (s, k) in enumerate(ROWS, 1)),
        "| 인재상 | 키워드 |\n|---|---|\n" + "".join(f"| {s} | **({k})** |\n" for s, k in ROWS),
        "".join(f"{i}. {s} **({k})**\n" for i, (s, k) in enumerate(ROWS, 1)),
        "".join(f"{s} **({k})**\n\n" for s, k in ROWS),
        "".join(f"- **{k}**: {s}\n" for s, k in ROWS),
        "".join(f"### {k}\n{s}\n\n" for s, k in ROWS),
    ],
    ids=[
        "one-column",
        "numbered",
        "statement-then-keywords",
        "numbered-list",
        "lines",
        "bold-first",
        "headings",
    ],
)
def test_statement_table_shapes(body: str) -> None:
    text = "# 자기소개서\n\n## 인재상\n\n" + body + "\n## 1. 지원 동기\n답변입니다.\n"
    found = [(v.name, v.statement) for v in extract_values(build_document(text), text.split("\n"))]
    assert found == [
        ("리더십", ROWS[0][0]),
        ("목표 달성", ROWS[0][0]),
        ("협업", ROWS[1][0]),
    ]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.text(alphabet=st.sampled_from("카오네버가온에서지원공채입사 싶겠다.\n#*()|:"), max_size=120)
)
def test_reading_statements_and_the_target_never_fails(body: str) -> None:
    text = "## 인재상\n" + body + "\n## 1. 질문\n" + body
    document = build_document(text)
    text_company(document, COMPANIES)
    for value in extract_values(document, text.split("\n")):
        statement_keys(value.statement)
    value_coverage(document, Settings(), lines=text.split("\n"))


def test_the_quick_mode_reads_the_target_without_loading_the_model() -> None:
    """`--ignore model` selects no rule that needs Kiwi: reading the target company from the
    answers (wrong-company runs in the quick mode) must not load it for a name no preset
    knows, and so reads only preset names there."""
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from essaylint.api import lint_text\n"
        "from essaylint.running.config import Settings\n"
        "text = Path(sys.argv[1]).read_text(encoding='utf-8')\n"
        "result = lint_text(text, 'keyword_lines.md', Settings(ignore=['model']))\n"
        "print(result.error is None, 'kiwipiepy' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(HERE / "keyword_lines.md")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.stdout.split() == ["True", "False"], done.stderr

"""EL302 likely-typo with the real Kiwi model (loaded once for the module)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from essaylint.korean import model
from essaylint.linting.plugin import Hit, RuleContext
from essaylint.plugins.el302_likely_typo import RULE, Options, check
from essaylint.reading.document import build_document

pytest.importorskip("kiwipiepy")


@pytest.fixture(scope="module", autouse=True)
def kiwi() -> Any:
    """Load Kiwi once for every test here (about 2-3 s)."""
    return model.get_kiwi()


def _ctx(*, words: tuple[str, ...] = (), base_dir: Path | None = None) -> RuleContext:
    return RuleContext(
        "essay.md",
        count_text=lambda text, mode: len(text),
        default_mode="chars",
        limit_for=lambda section: None,
        settings=SimpleNamespace(words=words),
        base_dir=base_dir,
    )


def _hits(text: str, opts: Options | None = None, **ctx: Any) -> list[Hit]:
    return list(check(build_document(text), opts or Options(), _ctx(**ctx)))


EXAMPLES = """\
# 카카오 자기소개서

## 1. 지원 동기 (1000자)

입사 후에는 Spring과 Kafka로 만든 메시징 시스템에서 일하며, 아떠한 상황에서도 장애를 느끼지 않는 서버를 만들겠습니다.

## 2. 기술 역량 (700자)

예를 글면 식당 혼잡도 서비스에서는 메뉴 조회 API의 응답 시간이 800ms까지 늘어난 적이 있었습니다.

## 3. 협업 경험 (800자)

팀원 모두가 동의한 기준은 교직원의 츨퇴근 시간과 등교 시간이 겹치는 아침의 요청을 버티는 것이었습니다.
"""


def test_the_three_example_typos_are_found_where_they_are() -> None:
    hits = _hits(EXAMPLES, Options(defer_to_known_typo=False))
    found = [(h.line, h.col, h.end_col, h.suggestion, h.message) for h in hits]
    assert found == [
        (5, 41, 44, "어떠한", "'아떠한' → '어떠한'?"),
        (9, 4, 6, "들면", "'글면' → '들면'?"),
        (13, 21, 24, "출퇴근", "'츨퇴근' → '출퇴근'?"),
    ]
    assert [h.section.title if h.section else None for h in hits] == [
        "1. 지원 동기 (1000자)",
        "2. 기술 역량 (700자)",
        "3. 협업 경험 (800자)",
    ]
    assert all(h.fix is None for h in hits)  # a guess is never auto-applied


def test_words_known_typo_flags_are_left_to_it_by_default() -> None:
    assert _hits(EXAMPLES) == []


CLEAN = """\
## 가장 어려웠던 기술적 문제를 해결한 경험 (1,000자)

축제 기간에 학생들이 사용할 주문 서비스를 네 명이 함께 개발했습니다. 주문이 들어오면 Kafka로 이벤트를 발행하고, 알림 서버가 이를 받아 음식이 준비되었다는 메시지를 보내는 구조였습니다. 그런데 첫날 저녁 주문이 몰리자 같은 알림이 두세 번씩 가는 문제가 생겼습니다. 로그를 추적해 보니 외부 API의 응답이 느려지면서 컨슈머가 그룹에서 빠졌다가 다시 들어오는 리밸런싱이 반복되고 있었습니다. 저는 주문 번호를 멱등성 키로 삼아 Redis에 처리 기록을 남기고, 이미 보낸 알림은 건너뛰도록 고쳤습니다. 또한 알림 호출을 비동기로 분리하고 배포 전에 롤백 절차를 문서로 정리해 두었습니다. 둘째 날에는 삼천 건이 넘는 주문을 처리하는 동안 중복 알림이 한 건도 발생하지 않았습니다. 이 경험으로 분산 환경에서는 메시지가 정확히 한 번 처리된다고 가정하지 말고, 중복을 견디는 설계를 먼저 해야 한다는 것을 배웠습니다.

## 입사 후 포부 (500자)

입사 후에는 레거시 코드를 조금씩 리팩터링하며 서비스의 구조를 빠르게 익히겠습니다. 신입 팀원을 위한 온보딩 문서와 트러블슈팅 기록을 꾸준히 남겨, 팀의 지식이 한곳에 쌓이도록 돕고 싶습니다. 쿠버네티스 위에서 캐싱 전략을 다듬어 사용자가 느끼는 지연을 줄이는 것이 저의 첫 목표입니다.
"""


def test_a_clean_essay_has_no_findings() -> None:
    assert len(CLEAN) > 600
    assert _hits(CLEAN, Options(defer_to_known_typo=False)) == []


def test_user_dictionary_words_are_skipped(tmp_path: Path) -> None:
    text = "## 지원 동기\n\n저는 먼들겠습니다라는 이름의 동아리에서 활동했습니다.\n"
    assert [h.suggestion for h in _hits(text)] == ["만들겠습니다라는"]
    assert _hits(text, words=("먼들겠습니다",)) == []
    (tmp_path / ".essaylint-words.txt").write_text("# 동아리 이름\n먼들겠습니다\n", "utf-8")
    assert _hits(text, base_dir=tmp_path) == []
    commented = "<!-- essaylint-words: 먼들겠습니다 ArgoCD -->\n" + text
    assert _hits(commented) == []


def test_code_urls_and_english_are_skipped() -> None:
    text = (
        "## 기술 역량\n\n"
        "설정 파일에는 `먼들겠습니다` 같은 값을 넣었고 https://example.com/먼들겠습니다 에 올렸습니다.\n\n"
        "```\n서버를 먼들겠습니다\n```\n\n"
        "Spring Boot와 JPA로 REST API를 만들었습니다.\n"
    )
    assert _hits(text) == []


def test_headings_are_checked_and_reference_sections_are_not() -> None:
    text = (
        "## 서버를 먼들겠습니다 (500자)\n\n답변입니다.\n\n# 카카오 인재상\n\n서버를 먼들겠습니다.\n"
    )
    hits = _hits(text)
    assert [(h.line, h.col, h.suggestion) for h in hits] == [(1, 8, "만들겠습니다")]


def test_a_higher_threshold_reports_less() -> None:
    text = "## 지원 동기\n\n입사 후에는 서버를 먼들겠습니다.\n"
    assert len(_hits(text)) == 1
    assert _hits(text, Options(threshold=100.0, threshold_unknown=100.0)) == []
    with pytest.raises(ValueError, match="threshold"):
        Options(threshold=0).validate()


def test_model_is_not_loaded_without_hangul(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(model, "_kiwi", None)
    text = "# Cover letter\n\nI built a Kafka consumer in `Go` and deployed it with Helm.\n"
    assert _hits(text) == []
    assert not model.is_loaded()


def test_rule_metadata() -> None:
    assert (RULE.code, RULE.name, RULE.severity) == ("EL302", "likely-typo", "warning")
    assert RULE.tags == ("spelling", "model") and not RULE.fixable
    for heading in ("What it flags", "Why it matters", "Example", "Instead", "Fix"):
        assert f"## {heading}\n" in RULE.doc
    assert "## False positives\n" in RULE.doc


def test_the_time_budget_grows_with_the_text() -> None:
    """Text that does not read as Korean (a suspect in every other word) is not guessed at,
    but a long document of essays may ask for more work than a short one: it is checked whole."""
    from essaylint.plugins.el302_likely_typo import MOST_WORK, within_budget, work

    words = [f"가{chr(0xAC00 + i)}나" for i in range(600)]  # 600 different 3-syllable words
    assert sum(work(w) for w in words) == 600 * (1 + 9 / 8) > MOST_WORK
    assert not within_budget(words, 2_000)  # as dense as random syllables: skipped
    assert within_budget(words, 40_000)  # as sparse as in essays: checked
    assert within_budget(words[:400], 0)  # few enough for any file


def test_a_name_written_three_times_is_the_writers_term() -> None:
    """A coined name one key from a word is flagged once, but not when the writer uses it
    all through the answer (the fixture pass_project_name_repeated.md has it three times)."""
    once = "## 프로젝트 (700자)\n대학 3학년 때 친구 둘과 가계뷰라는 가계부 앱을 만들었습니다.\n"
    assert [h.suggestion for h in _hits(once)] == ["가계부라는"]
    thrice = once + "가계뷰는 지출을 달력 위에 보여 줍니다. 가계뷰의 사용자는 천 명을 넘었습니다.\n"
    assert _hits(thrice) == []


def test_hiring_words_are_accepted() -> None:
    """입행 (joining a bank) is one key from 이행, and questions for banks use it."""
    text = (
        "## 1. 은행에 지원한 이유와 입행 후 이루고 싶은 목표 (800자)\n창구 업무를 배우겠습니다.\n"
    )
    assert _hits(text, Options(threshold=4, threshold_unknown=4)) == []


def test_document_words_count_words_by_their_start() -> None:
    from essaylint.korean.detect import DocumentWords

    words = DocumentWords()
    words.add("가계뷰는 지출을 보여 주고, 가계뷰의 사용자는 늘었다.")
    assert words.starting("가계뷰") == 2
    assert words.starting("지출") == 1
    assert words.starting("없는말") == 0

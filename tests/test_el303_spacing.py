"""EL303 spacing with the real Kiwi model (loaded once for the module)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from essaylint.document import build_document
from essaylint.korean import model
from essaylint.korean.spacing import DEPENDENT_NOUNS, suggest_spacing
from essaylint.plugin import Hit, RuleContext
from essaylint.plugins.el303_spacing import RULE, Options, check

pytest.importorskip("kiwipiepy")


@pytest.fixture(scope="module")
def kiwi() -> Any:
    """Load Kiwi once for every test here (about 2-3 s)."""
    return model.get_kiwi()


def _hits(text: str) -> list[Hit]:
    ctx = RuleContext(
        "essay.md",
        count_text=lambda text, mode: len(text),
        default_mode="chars",
        limit_for=lambda section: None,
        settings=SimpleNamespace(words=()),
    )
    return list(check(build_document(text), Options(), ctx))


@pytest.mark.parametrize(
    ("sentence", "word", "suggestion"),
    [
        ("이것이 되는것이 중요합니다.", "되는것이", "되는 것이"),
        ("누구나 배포할수있다고 믿었습니다.", "배포할수있다고", "배포할 수 있다고"),
        ("서로 의견이 안맞는 경우가 많았습니다.", "안맞는", "안 맞는"),
        ("그것때문에 일정이 늦어졌습니다.", "그것때문에", "그것 때문에"),
        ("처음에는 코드를 읽을줄 몰랐습니다.", "읽을줄", "읽을 줄"),
        ("노력한만큼 성과가 났습니다.", "노력한만큼", "노력한 만큼"),
        ("동아리를 만든지 3년이 되었습니다.", "만든지", "만든 지"),
        ("문제를 해결하는데 일주일이 걸렸습니다.", "해결하는데", "해결하는 데"),
    ],
)
def test_textbook_cases(kiwi: Any, sentence: str, word: str, suggestion: str) -> None:
    found = suggest_spacing(kiwi, [sentence])
    assert [(f.word, f.suggestion) for f in found] == [(word, suggestion)]
    assert sentence[found[0].start : found[0].end] == word


@pytest.mark.parametrize(
    "sentence",
    [
        "비가 오는데 우산이 없었습니다.",  # -는데, a connective ending
        "비가 오는데도 모두 모였습니다.",  # 데 + 도: both readings are correct
        "어떻게 할지 몰랐습니다.",  # -ㄹ지
        "팀원들과 함께 성장할 수 있었습니다.",
        "수백만 건의 거래를 안정적으로 처리했습니다.",
        "그 때문에 일정이 늦어졌습니다.",
    ],
)
def test_correct_spacing_is_left_alone(kiwi: Any, sentence: str) -> None:
    assert suggest_spacing(kiwi, [sentence]) == []


def test_rule_points_at_the_word(kiwi: Any) -> None:
    text = (
        "## 지원 동기 (500자)\n"
        "팀원 모두가 같은 기준으로 판단할수있도록 **그것때문에** 규칙을 `할수있다` 만들었습니다.\n"
    )
    hits = _hits(text)
    assert [(h.line, h.col, h.end_col, h.message, h.suggestion) for h in hits] == [
        (2, 16, 23, "'판단할수있도록' → '판단할 수 있도록'", "판단할 수 있도록"),
        (2, 26, 31, "'그것때문에' → '그것 때문에'", "그것 때문에"),
    ]
    assert hits[0].section is not None and hits[0].fix is None


def test_clean_essay_paragraph(kiwi: Any) -> None:
    text = (
        "## 협업 경험 (800자)\n\n"
        "설계 방향을 두고 팀원과 의견이 크게 엇갈린 적이 있습니다. 우리는 두 구조로 각각 간단한 "
        "시제품을 만들어 배포에 걸리는 시간과 장애를 찾는 데 걸리는 시간을 비교했습니다. 결과를 "
        "함께 확인한 뒤에는 자연스럽게 절충안이 나왔고, 이 경험으로 설득보다 함께 판단할 근거를 "
        "만드는 것이 더 빠른 길이라는 것을 배웠습니다. 제가 할 수 있는 일은 기준을 먼저 세우는 "
        "것이었습니다.\n"
    )
    assert _hits(text) == []


def test_model_is_not_loaded_without_hangul(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(model, "_kiwi", None)
    assert _hits("# Notes\n\nNothing in Korean here, only `code`.\n") == []
    assert not model.is_loaded()


def test_rule_metadata() -> None:
    assert (RULE.code, RULE.name, RULE.severity) == ("EL303", "spacing", "info")
    assert RULE.default_enabled is False and not RULE.fixable
    assert RULE.tags == ("spelling", "model")
    assert {"것", "수", "데", "줄", "만큼", "뿐", "지", "때문"} <= DEPENDENT_NOUNS

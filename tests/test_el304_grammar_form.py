"""EL304 grammar-form with the real Kiwi model (loaded once for the module).

Every sentence here was written for these tests: a wrong and a right use of each confusion.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from essaylint import lint_text
from essaylint.korean import model
from essaylint.korean.grammar import ROLE_NOUNS, find_confusions
from essaylint.linting.plugin import Hit, RuleContext
from essaylint.plugins.el304_grammar_form import RULE, Options, check
from essaylint.reading.document import build_document
from essaylint.running.config import Settings

pytest.importorskip("kiwipiepy")


@pytest.fixture(scope="module")
def kiwi() -> Any:
    """Load Kiwi once for every test here (about 2-3 s)."""
    return model.get_kiwi()


def _hits(text: str, opts: Options | None = None) -> list[Hit]:
    ctx = RuleContext(
        "essay.md",
        count_text=lambda text, mode: len(text),
        default_mode="chars",
        limit_for=lambda section: None,
        settings=SimpleNamespace(words=()),
    )
    return list(check(build_document(text), opts or Options(), ctx))


WRONG = [
    # 되/돼: the ending needs 어, so 되 is 돼
    ("되/돼", "작업이 끝나면 확인만 하면 되요.", "되요", "돼요", True),
    ("이었", "그 경험이 제 원동력이였다고 생각합니다.", "원동력이였다고", "원동력이었다고", True),
    ("이었", "첫 면접은 긴장의 연속이였다.", "연속이였다", "연속이었다", True),
    ("이었", "지원자는 모두 80명이였다.", "80명이였다", "80명이었다", True),
    ("이었", "동료에게 믿음을 주는 사람이여야 합니다.", "사람이여야", "사람이어야", True),
    ("-려고", "버그를 고칠려고 로그를 읽었습니다.", "고칠려고", "고치려고", True),
    ("-려고", "배포를 할려면 승인이 필요합니다.", "할려면", "하려면", True),
    ("-ㄹ 거", "끝까지 해낼꺼라고 다짐했습니다.", "해낼꺼라고", "해낼 거라고", True),
    ("-ㄹ 거", "잘 될꺼같아서 시작했습니다.", "될꺼같아서", "될 거같아서", True),
    ("되/돼", "신입으로 입사하게 되서 설렜습니다.", "되서", "돼서", True),
    ("되/돼", "서버는 매일 새벽에 실행되야 합니다.", "실행되야", "실행돼야", True),
    ("되/돼", "조금 늦어도 되도 괜찮다고 하셨습니다.", "되도", "돼도", True),
    ("되/돼", "그 일은 절대로 하면 안 되.", "되", "돼", True),
    ("되/돼", "이 기능은 꼭 필요하게 안 되요.", "되요", "돼요", True),
    # 되/돼: 돼 (= 되어) before an ending taking the bare stem
    ("되/돼", "합격하게 돼면 가장 먼저 인사하겠습니다.", "돼면", "되면", True),
    ("되/돼", "도움이 돼는 사람이 되고 싶습니다.", "돼는", "되는", True),
    ("되/돼", "결국 팀장이 돼고 말았습니다.", "돼고", "되고", True),
    ("되/돼", "곧 익숙해지게 돼겠지요.", "돼겠지요", "되겠지요", True),
    # 안/않
    ("안/않", "그런 방식은 앞으로 않 된다고 말했습니다.", "않", "안", True),
    ("안/않", "않좋은 습관을 고치려고 노력했습니다.", "않좋은", "안 좋은", True),
    ("안/않", "처음에는 아무도 믿지 안았습니다.", "안았습니다", "않았습니다", True),
    ("안/않", "무리하지 안으면 끝까지 갈 수 있습니다.", "안으면", "않으면", True),
    ("안/않", "그 방법은 쓰지 안는 편이 낫습니다.", "안는", "않는", True),
    # 웬/왠
    ("웬/왠", "왠일인지 그날은 모두 일찍 왔습니다.", "왠일인지", "웬일인지", True),
    ("웬/왠", "왠 낯선 사람이 사무실 앞에 서 있었습니다.", "왠", "웬", True),
    ("웬/왠", "왠만한 문제는 혼자 해결했습니다.", "왠만한", "웬만한", True),
    ("웬/왠", "웬지 모르게 그 일이 끌렸습니다.", "웬지", "왠지", True),
    # -ㄹ게
    ("-ㄹ게", "결과는 제가 정리해 둘께요.", "둘께요", "둘게요", True),
    ("-ㄹ게", "끝까지 곁에 있을께.", "있을께", "있을게", True),
    ("-ㄹ게", "다음 회의 전에 꼭 읽어 올께요.", "올께요", "올게요", True),
    # 로서/로써
    (
        "로서/로써",
        "서로의 입장을 먼저 들음으로서 갈등을 줄였습니다.",
        "들음으로서",
        "들음으로써",
        False,
    ),
    (
        "로서/로써",
        "로그를 공유함으로서 원인을 빨리 찾았습니다.",
        "공유함으로서",
        "공유함으로써",
        False,
    ),
    ("로서/로써", "동아리 막내로써 궂은일을 맡았습니다.", "막내로써", "막내로서", False),
    ("로서/로써", "백엔드 엔지니어로써 배운 점이 많습니다.", "엔지니어로써", "엔지니어로서", False),
    (
        "로서/로써",
        "교수님으로써 조언해 주신 말씀이었습니다.",
        "교수님으로써",
        "교수님으로서",
        False,
    ),
    # 든지/던지
    ("든지/던지", "무엇이던지 맡겨 주시면 해내겠습니다.", "무엇이던지", "무엇이든지", False),
    ("든지/던지", "어디서던지 일할 준비가 되어 있습니다.", "어디서던지", "어디서든지", False),
    ("든지/던지", "어떤 일이던지 기록으로 남겼습니다.", "일이던지", "일이든지", False),
    ("든지/던지", "하던지 간에 끝까지 해야 했습니다.", "하던지", "하든지", False),
    (
        "든지/던지",
        "그 선배는 어찌나 꼼꼼하든지 실수가 없었습니다.",
        "꼼꼼하든지",
        "꼼꼼하던지",
        False,
    ),
    # 데/대
    ("데/대", "그런대 결과는 예상과 달랐습니다.", "그런대", "그런데", True),
    ("데/대", "준비는 충분했는대, 발표에서 긴장했습니다.", "충분했는대", "충분했는데", False),
    ("데/대", "그 식당은 음식이 꽤 좋던대요.", "좋던대요", "좋던데요", False),
    ("데/대", "원인은 찾았는대, 고치기는 어려웠습니다.", "찾았는대", "찾았는데", False),
]


@pytest.mark.parametrize(("kind", "sentence", "word", "suggestion", "certain"), WRONG)
def test_wrong_forms(
    kiwi: Any, kind: str, sentence: str, word: str, suggestion: str, certain: bool
) -> None:
    found = find_confusions(kiwi, [sentence])
    assert [(f.kind, f.word, f.suggestion, f.certain) for f in found] == [
        (kind, word, suggestion, certain)
    ]
    assert sentence[found[0].start : found[0].end] == word


def test_paired_choice_flags_each_word(kiwi: Any) -> None:
    found = find_confusions(kiwi, ["가던지 말던지 네가 정해라."])
    assert [(f.word, f.suggestion) for f in found] == [("가던지", "가든지"), ("말던지", "말든지")]


RIGHT = [
    "그렇게 하면 돼요.",
    "그 경험이 제 원동력이었다고 생각합니다.",
    "오랜 친구 사이였던 동료와 일했습니다.",
    "저는 신입 개발자였습니다.",
    "문제는 속도였다.",
    "좋은 동료여야 합니다.",
    "끝까지 만들려고 노력했습니다.",
    "원인을 알려고 로그를 읽었습니다.",
    "잘 될 거라고 믿었습니다.",
    "불을 꺼 주세요.",
    "팀에 도움이 되어요.",
    "팀장이 되도록 노력했습니다.",
    "되도록 빨리 답장했습니다.",
    "일이 잘 되고 있습니다.",
    "결국 합격하게 되었습니다.",
    "모든 일이 계획대로 됩니다.",
    "그러면 안 되지.",
    "훌륭한 사람이 되라고 하셨습니다.",
    "원칙을 지키되 서두르지 않았습니다.",
    "그 친구는 참 안되었다.",
    "돼지고기 볶음을 좋아합니다.",
    "안 돼서 다시 시도했습니다.",
    "하지 않았다면 후회했을 것입니다.",
    "좋지 않도록 조심했습니다.",
    "그가 누구인지 안다.",
    "아이를 안고 걸었습니다.",
    "웬일인지 그날은 조용했습니다.",
    "왠지 모르게 설렜습니다.",
    "웬만하면 직접 해결했습니다.",
    "웬 사람이 찾아왔습니다.",
    "제가 정리할게요.",
    "교수님께 결과를 드렸습니다.",
    "할아버지께서 기뻐하셨습니다.",
    "팀원으로서 최선을 다했습니다.",
    "회의록을 공유함으로써 오해를 줄였습니다.",
    "숫자로써 성과를 보여 주었습니다.",
    "올해로써 3년째입니다.",
    "소통 수단으로서의 언어를 배웠습니다.",
    "얼마나 춥던지 손이 얼었습니다.",
    "얼마나 많든지 상관없습니다.",
    "누가 하든지 같은 결과가 나와야 합니다.",
    "어제 먹던 밥이 맛있었습니다.",
    "비가 오는데 우산이 없었습니다.",
    "그런데도 모두 모였습니다.",
    "일은 그런대로 괜찮았습니다.",
    "선배가 하던 대로 하면 된대요.",
    "그 사람이 내일 온대요.",
    "하는데, 결과는 달랐습니다.",
    "좋던데요.",
]


@pytest.mark.parametrize("sentence", RIGHT)
def test_right_forms_are_left_alone(kiwi: Any, sentence: str) -> None:
    assert find_confusions(kiwi, [sentence]) == []


def test_role_nouns_are_people() -> None:
    assert {"개발자", "팀원", "막내", "학생", "엔지니어"} <= ROLE_NOUNS
    assert not {"숫자", "수단", "도구", "방법", "올해"} & ROLE_NOUNS


def test_rule_points_at_the_word_with_fix_and_severity(kiwi: Any) -> None:
    text = (
        "## 지원 동기 (500자)\n"
        "배포는 밤마다 실행되야 하고, 로그를 공유함으로서 원인을 찾았습니다.\n"
        "왠 낯선 사람이 찾아왔고 `되요`는 코드이며 실**행되야** 했습니다.\n"
    )
    hits = _hits(text)
    got = [(h.line, h.col, h.end_col, h.message, h.suggestion, h.severity) for h in hits]
    assert got == [
        (2, 9, 13, "'실행되야' → '실행돼야'", "실행돼야", "error"),
        (2, 22, 28, "'공유함으로서' → '공유함으로써'", "공유함으로써", "warning"),
        (3, 1, 2, "'왠' → '웬'", "웬", "error"),
        (3, 26, 32, "'실행되야' → '실행돼야'", "실행돼야", "error"),
    ]
    first, second, third, fourth = (h.fix for h in hits)
    assert first is not None and first.safe and first.text == "실행돼야"
    assert (first.line, first.col, first.end_col) == (2, 9, 13)
    assert second is not None and not second.safe
    assert third is not None and (third.line, third.col, third.end_col, third.text) == (
        3,
        1,
        2,
        "웬",
    )
    assert fourth is None  # markup inside the word: no byte-exact replacement


def test_known_typo_forms_are_left_to_known_typo(kiwi: Any) -> None:
    text = "## 장점\n제가 할께요 라고 말했고 안되요 라고 답했습니다.\n"
    assert _hits(text) == []
    words = [h.message for h in _hits(text, Options(defer_to_known_typo=False))]
    assert words == ["'할께요' → '할게요'", "'안되요' → '안돼요'"]


def test_end_to_end_severity_fix_and_no_double_report(kiwi: Any) -> None:
    text = "## 지원 동기\n그런대 이제 되요. 서로 들음으로서 배웠습니다.\n"
    result = lint_text(text, settings=Settings(select=("EL301", "EL304")))
    got = [(f.line, f.col, f.code, f.severity, f.message) for f in result.findings]
    assert got == [
        (2, 1, "EL304", "error", "'그런대' → '그런데'"),
        (2, 8, "EL301", "error", "'되요' → '돼요'"),
        (2, 15, "EL304", "warning", "'들음으로서' → '들음으로써'"),
    ]
    configured = Settings(select=("EL304",), rules={"grammar-form": {"severity": "info"}})
    assert {f.severity for f in lint_text(text, settings=configured).findings} == {"info"}


def test_model_is_not_loaded_without_hangul(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(model, "_kiwi", None)
    assert _hits("# Notes\n\nNothing in Korean here, only `code`.\n") == []
    assert not model.is_loaded()


def test_rule_metadata() -> None:
    assert (RULE.code, RULE.name, RULE.severity) == ("EL304", "grammar-form", "error")
    assert RULE.default_enabled and RULE.fixable
    assert RULE.tags == ("spelling", "model")


_SYLLABLES = "되돼요서야도안않왠웬지께게할을로서써함음던든대데런그는은하다 .,?!\n"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=_SYLLABLES + "가나abc*`#-", max_size=80))
def test_any_text_never_crashes_and_findings_lie_inside(text: str) -> None:
    model.get_kiwi()
    source = "## 문항\n" + text
    hits = _hits(source)
    lines = source.splitlines()
    places = [(h.line, h.col) for h in hits]
    assert len(places) == len(set(places))
    for hit in hits:
        assert 1 <= hit.line <= len(lines)
        line = lines[hit.line - 1]
        assert hit.end_col is not None and 1 <= hit.col < hit.end_col <= len(line) + 1
        if hit.fix is not None:
            assert line[hit.fix.col - 1 : hit.fix.end_col - 1] == hit.message.split("'")[1]


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.text(alphabet=_SYLLABLES, max_size=30), max_size=6))
def test_confusions_lie_inside_their_sentence(texts: list[str]) -> None:
    for found in find_confusions(model.get_kiwi(), texts):
        text = texts[found.unit]
        assert 0 <= found.start < found.end <= len(text)
        assert text[found.start : found.end] == found.word
        assert found.suggestion != found.word

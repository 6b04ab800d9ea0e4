"""EL303 spacing with the real Kiwi model (loaded once for the module)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from helpers import essaylint
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from essaylint.document import build_document
from essaylint.korean import model
from essaylint.korean.spacing import DEPENDENT_NOUNS, suggest_spacing
from essaylint.plugin import Edit, Hit, RuleContext
from essaylint.plugins.el303_spacing import RULE, Options, check

pytest.importorskip("kiwipiepy")

FIXTURES = Path(__file__).parent / "fixtures" / "EL303-spacing"


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


def _found(kiwi: Any, sentence: str) -> list[tuple[str, str, str, bool]]:
    return [(f.word, f.suggestion, f.kind, f.certain) for f in suggest_spacing(kiwi, [sentence])]


@pytest.mark.parametrize(
    ("sentence", "word", "suggestion"),
    [
        ("이것이 되는것이 중요합니다.", "되는것이", "되는 것이"),
        ("누구나 배포할수있다고 믿었습니다.", "배포할수있다고", "배포할 수 있다고"),
        ("그것때문에 일정이 늦어졌습니다.", "그것때문에", "그것 때문에"),
        ("처음에는 코드를 읽을줄 몰랐습니다.", "읽을줄", "읽을 줄"),
        ("노력한만큼 성과가 났습니다.", "노력한만큼", "노력한 만큼"),
        ("결과가 나오길 기다릴뿐이었습니다.", "기다릴뿐이었습니다", "기다릴 뿐이었습니다"),
        ("로그인 버튼을 눌렀을때 오류가 났습니다.", "눌렀을때", "눌렀을 때"),
        ("저는 이런식으로 일정을 나눴습니다.", "이런식으로", "이런 식으로"),
        ("모든것이 처음이라 낯설었습니다.", "모든것이", "모든 것이"),
        ("대회에 나가본적이 없었습니다.", "나가본적이", "나가본 적이"),
        ("회의를 기다리는동안 자료를 읽었습니다.", "기다리는동안", "기다리는 동안"),
        ("방학동안 알고리즘을 공부했습니다.", "방학동안", "방학 동안"),
        ("대학교때 처음 서버를 만들었습니다.", "대학교때", "대학교 때"),
        ("결과를 정리하면 다음과 같은거 같습니다.", "같은거", "같은 거"),
        ("이 도구는 배포 시간을 줄이는데 도움이 되었습니다.", "줄이는데", "줄이는 데"),
    ],
)
def test_bound_nouns(kiwi: Any, sentence: str, word: str, suggestion: str) -> None:
    found = suggest_spacing(kiwi, [sentence])
    assert [(f.word, f.suggestion, f.kind) for f in found] == [(word, suggestion, "bound-noun")]
    assert sentence[found[0].start : found[0].end] == word


@pytest.mark.parametrize(
    ("sentence", "word", "suggestion"),
    [
        ("이 문제에는 두가지 원인이 있었습니다.", "두가지", "두 가지"),
        ("수천명의 사용자가 접속했습니다.", "수천명의", "수천 명의"),
        ("같은 실수를 세번 반복했습니다.", "세번", "세 번"),
        ("몇명이 남아 회의를 마쳤습니다.", "몇명이", "몇 명이"),
        ("여러개의 서버를 관리했습니다.", "여러개의", "여러 개의"),
        ("첫번째 목표는 안정성이었습니다.", "첫번째", "첫 번째"),
        ("처음 한달 동안은 문서만 읽었습니다.", "한달", "한 달"),
        ("회원이 다섯명으로 늘었습니다.", "다섯명으로", "다섯 명으로"),
    ],
)
def test_counters_after_numeral_words(kiwi: Any, sentence: str, word: str, suggestion: str) -> None:
    assert _found(kiwi, sentence) == [(word, suggestion, "counter", True)]


@pytest.mark.parametrize(
    ("sentence", "word", "suggestion"),
    [
        ("그렇게 하면 안됩니다.", "안됩니다", "안 됩니다"),
        ("서로 의견이 안맞는 경우가 많았습니다.", "안맞는", "안 맞는"),
        ("일이 많아 모임에 못가는 날이 있었습니다.", "못가는", "못 가는"),
        ("그 주에는 운동을 안하고 공부만 했습니다.", "안하고", "안 하고"),
    ],
)
def test_verbs_after_an_and_mot(kiwi: Any, sentence: str, word: str, suggestion: str) -> None:
    assert _found(kiwi, sentence) == [(word, suggestion, "negation", True)]


@pytest.mark.parametrize(
    ("sentence", "word", "suggestion"),
    [
        ("동아리를 만든지 3년이 되었습니다.", "만든지", "만든 지"),  # -ㄴ지 is an ending too
        ("평소 말한바를 지켰습니다.", "말한바를", "말한 바를"),  # -ㄴ바 too
        ("이 도구는 배포하는데 유용합니다.", "배포하는데", "배포하는 데"),  # -는데 too
        ("그 일은 결국 안됐다.", "안됐다", "안 됐다"),  # 안되다, "pitiable"
    ],
)
def test_doubtful_cases_are_suggestions_without_a_safe_fix(
    kiwi: Any, sentence: str, word: str, suggestion: str
) -> None:
    ((found_word, found_suggestion, _, certain),) = _found(kiwi, sentence)
    assert (found_word, found_suggestion, certain) == (word, suggestion, False)


@pytest.mark.parametrize(
    "sentence",
    [
        "비가 오는데 우산이 없었습니다.",  # -는데, a connective ending
        "비가 오는데도 모두 모였습니다.",  # 데 + 도: both readings are correct
        "하고 있었는데 연락이 왔습니다.",  # 데 after a tense ending is always the ending
        "어떻게 할지 몰랐습니다.",  # -ㄹ지
        "얼마나 좋은지 알게 되었습니다.",  # -ㄴ지
        "팀원들과 함께 성장할 수 있었습니다.",
        "수백만 건의 거래를 안정적으로 처리했습니다.",
        "그 때문에 일정이 늦어졌습니다.",
        "1년 동안 3명의 후배와 2가지 주제를 공부했습니다.",  # Arabic numerals + units
        "오후 두시에 만났습니다.",  # a unit of order
        "이때부터 기록을 시작했고 그때 배운 것을 씁니다.",
        "한번 맡은 일은 끝까지 합니다.",  # 한번 "once"
        "한가지 아쉬운 점이 있었습니다.",  # 한가지 is also a word
        "저는 발표를 잘 못합니다.",  # 못하다 is one word
        "준비를 못했지만 최선을 다했습니다.",
        "못생긴 코드라도 먼저 돌아가게 했습니다.",
        "안전한 결제를 위해 서명을 붙였습니다.",
        "안녕하세요라는 인사로 시작했습니다.",
        "점심때 짧게 회고를 했습니다.",
        "그동안 수없이 많은 로그를 읽었습니다.",
        "이 책은 읽을만합니다.",  # 보조 용언: both spellings allowed
        "모르는 척했지만 사실은 알고 있었습니다.",
        "할수록 실력이 늘었습니다.",
        "지난번 회의에서 결정했습니다.",
    ],
)
def test_correct_spacing_and_lookalikes_are_left_alone(kiwi: Any, sentence: str) -> None:
    assert suggest_spacing(kiwi, [sentence]) == []


def test_one_finding_per_word_with_every_space(kiwi: Any) -> None:
    (found,) = suggest_spacing(kiwi, ["누구나 할수있는 일이었습니다."])
    assert (found.word, found.suggestion, found.certain) == ("할수있는", "할 수 있는", True)


def test_rule_points_at_the_word_and_fixes_it(kiwi: Any) -> None:
    text = (
        "## 지원 동기 (500자)\n"
        "팀원 모두가 같은 기준으로 판단할수있도록 **그것때문에** 규칙을 `할수있다` 만들었습니다.\n"
    )
    hits = _hits(text)
    assert [(h.line, h.col, h.end_col, h.message, h.suggestion, h.fix) for h in hits] == [
        (
            2,
            16,
            23,
            "'판단할수있도록' → '판단할 수 있도록'",
            "판단할 수 있도록",
            Edit(2, 16, 2, 23, "판단할 수 있도록"),
        ),
        (
            2,
            26,
            31,
            "'그것때문에' → '그것 때문에'",
            "그것 때문에",
            Edit(2, 26, 2, 31, "그것 때문에"),
        ),
    ]
    assert hits[0].section is not None


def test_no_safe_fix_across_markup_or_for_doubtful_cases(kiwi: Any) -> None:
    text = "## 지원 동기 (500자)\n판단할*수*있도록 정했고, 동아리를 만든지 3년이 되었습니다.\n"
    hits = _hits(text)
    assert [(h.line, h.col, h.message, h.fix) for h in hits] == [
        (2, 1, "'판단할수있도록' → '판단할 수 있도록'", None),
        (2, 21, "'만든지' → '만든 지'", None),
    ]


def test_a_part_repeated_in_its_parent_is_reported_once(kiwi: Any) -> None:
    text = "## 1. 경험 (500자)\n### 배운 점\n두가지를 배웠습니다.\n"
    hits = _hits(text)
    assert [(h.line, h.col, h.message) for h in hits] == [(3, 1, "'두가지를' → '두 가지를'")]


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
    assert (RULE.code, RULE.name, RULE.severity) == ("EL303", "spacing", "warning")
    assert RULE.default_enabled is True and RULE.fixable
    assert RULE.tags == ("spelling", "model")
    assert {"것", "수", "데", "줄", "만큼", "뿐", "지", "때문", "식"} <= DEPENDENT_NOUNS


# --- through the command line, default settings ------------------------------------------------

ISSUE_WORDS = ["두가지", "수천명의", "안됩니다라는", "이런식으로는", "검색됐을때", "되는것이"]


def test_issue_essay_with_default_settings(tmp_path: Path) -> None:
    """The six spacing errors of the issue's essay, found by default, each once."""
    essay = tmp_path / "essay.md"
    shutil.copy(FIXTURES / "fail_issue_essay.md", essay)
    done = essaylint("check", "--no-cache", "--format", "json", "essay.md", cwd=tmp_path)
    assert done.returncode == 0, done.stderr  # warnings only
    (report,) = json.loads(done.stdout)["files"]
    spacing = [f for f in report["findings"] if f["code"] == "EL303"]
    assert [f["message"].split("'")[1] for f in spacing] == ISSUE_WORDS
    assert {f["severity"] for f in spacing} == {"warning"}
    places = [(f["line"], f["column"]) for f in report["findings"]]
    assert len(places) == len(set(places))  # no word reported twice, by any rule
    assert all(f["fix"] is not None and f["fix"]["safe"] for f in spacing)


def test_fix_inserts_the_spaces_and_nothing_else(tmp_path: Path) -> None:
    essay = tmp_path / "essay.md"
    original = "## 1. 지원 동기 (500자)\r\n수천명의 학생이 쓰는 서비스라 멈추면 안됩니다.\r\n"
    essay.write_bytes(original.encode("utf-8"))
    done = essaylint("check", "--no-cache", "--fix", "--select", "EL303", "essay.md", cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    expected = original.replace("수천명의", "수천 명의").replace("안됩니다", "안 됩니다")
    assert essay.read_bytes() == expected.encode("utf-8")


# --- any text ----------------------------------------------------------------------------------

_PIECES = [
    "할수", "있다", "되는것이", "두가지", "안됩니다", "이런식으로", "하는데", "한번", "이때", "못한다",
    "1년", "동안", "것", "수", "때", "안", "못", "가지", "명", "지", "데", "했을때", " ", "  ", ".",
    "\n", "가", "나", "힣", "A", "**", "`",
]  # fmt: skip


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.sampled_from(_PIECES), max_size=30))
def test_any_text_gives_words_that_differ_only_by_added_spaces(
    kiwi: Any, pieces: list[str]
) -> None:
    text = "".join(pieces)
    seen: set[int] = set()
    for found in suggest_spacing(kiwi, [text]):
        assert text[found.start : found.end] == found.word
        assert found.word.strip() == found.word and " " not in found.word
        assert found.suggestion.replace(" ", "") == found.word
        assert found.suggestion != found.word
        assert found.start not in seen
        seen.add(found.start)
    document = f"## 1. 답변 (500자)\n{text}\n"
    for hit in _hits(document):
        assert hit.suggestion is not None and hit.end_col is not None
        if hit.fix is not None:  # a safe fix rewrites exactly the flagged word
            line = document.splitlines()[hit.line - 1]
            assert line[hit.col - 1 : hit.end_col - 1].replace(" ", "") == hit.suggestion.replace(
                " ", ""
            )

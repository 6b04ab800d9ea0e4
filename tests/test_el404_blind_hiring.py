"""EL404 blind-hiring: every flagged span is one a reviewer would agree with."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_values_fixtures import lint

from essaylint.plugins.el404_blind_hiring import RULE, find_all, patterns
from essaylint.running.config import Settings

CHECKS = ("school", "region", "family", "age", "name")


def spans(sentence: str) -> list[tuple[str, str]]:
    return [(f.kind, sentence[f.start : f.end]) for f in find_all(sentence, CHECKS, patterns())]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("서울대학교에서 컴퓨터공학을 전공했습니다.", ("school", "서울대학교")),
        ("연세대 경영학과를 졸업했습니다.", ("school", "연세대")),
        ("KAIST에서 석사를 마쳤습니다.", ("school", "KAIST")),
        ("한빛대학교 총학생회에서 일했습니다.", ("school", "한빛대학교")),
        ("서울과학고등학교를 졸업했습니다.", ("school", "서울과학고등학교")),
        ("대원외고를 졸업했습니다.", ("school", "대원외고")),
        ("연대를 졸업하고 바로 취업했습니다.", ("school", "연대")),
        ("부산 출신으로 바다를 보며 자랐습니다.", ("region", "부산 출신")),
        ("대구광역시 출신입니다.", ("region", "대구광역시 출신")),
        ("고향이 광주라서 사투리를 씁니다.", ("region", "고향이 광주")),
        ("전주에서 태어나 자랐습니다.", ("region", "전주에서 태어나")),
        ("아버지께서 공무원으로 일하시는 모습을 보았습니다.", ("family", "아버지께서 공무원으로")),
        ("어머니는 초등학교 교사이십니다.", ("family", "어머니는 초등학교 교사이십니다")),
        ("교수이신 아버지의 영향을 받았습니다.", ("family", "교수이신 아버지")),
        (
            "어머니께서 작은 식당을 운영하시는 모습을 보며 자랐습니다.",
            ("family", "어머니께서 작은 식당을 운영하시"),
        ),
        ("은행에서 근무하시는 아버지께 배웠습니다.", ("family", "은행에서 근무하시는 아버지")),
        ("저는 1998년생입니다.", ("age", "1998년생")),
        ("98년생 개발자입니다.", ("age", "98년생")),
        ("1998년 3월에 태어났습니다.", ("age", "1998년 3월에 태어")),
        ("올해 27살이 되었습니다.", ("age", "올해 27살")),
        ("제 나이는 스물일곱 살입니다.", ("age", "제 나이는 스물일곱 살")),
        ("27세입니다.", ("age", "27세")),
        ("제 이름은 김하늘입니다.", ("name", "제 이름은 김하늘")),
        ("이름: 김하늘", ("name", "이름: 김하늘")),
    ],
)
def test_revealing_spans_are_flagged(sentence: str, expected: tuple[str, str]) -> None:
    assert expected in spans(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "OO대학교에서 컴퓨터공학을 전공했습니다.",
        "○○고등학교 시절 코딩 동아리를 만들었습니다.",
        "ㅇㅇ대 연합 동아리에서 활동했습니다.",
        "A대학교 학생들과 협업했습니다.",
        "모 대학교 연합 해커톤에 참가했습니다.",
        "지방 대학교에서 공부했습니다.",
        "과학고등학교 출신 친구와 팀을 이루었습니다.",
        "다니던 대학교에서 배운 점이 많습니다.",
        "연대 책임을 지는 팀 과제였습니다.",
        "고대 문명에 관심이 많습니다.",
        "서울대입구역 근처에서 자취했습니다.",
        "경기대회에서 우승했습니다.",
        "비전공자 출신으로 개발을 시작했습니다.",
        "서울 출신 친구들과 여행을 다녔습니다.",
        "고향의 바다가 그립습니다.",
        "아버지께서 늘 말씀하시던 대로 약속을 지켰습니다.",
        "어머니는 선생님으로부터 칭찬을 들었다고 하셨습니다.",
        "아버지는 제가 의사가 되기를 바라셨습니다.",
        "형식은 자유롭게 정했습니다.",
        "3살 때부터 피아노를 배웠습니다.",
        "2024년 생산량이 크게 늘었습니다.",
        "현재 3세 아이를 위한 앱을 만들고 있습니다.",
        "20세기 산업의 역사를 공부했습니다.",
        "제 이름은 OOO입니다.",
        "이름이 비슷한 변수를 정리했습니다.",
    ],
)
def test_neutral_sentences_are_not_flagged(sentence: str) -> None:
    assert spans(sentence) == []


BLIND_ESSAY = """---
blind: true
---
## 1. 성장 과정 (500자)
부산 출신으로 자랐습니다. 코드 예시는 `서울대학교` 처럼 따옴표로 적었습니다.

![증명사진](me.jpg)

```text
![코드 속 이미지](x.png)
```
"""


def test_blind_alone_turns_the_rule_on_and_nothing_else_does() -> None:
    """On by default but silent until the application says it is blind: `blind = true` is all
    a writer should have to set."""
    assert RULE.default_enabled is True
    not_blind = BLIND_ESSAY.replace("blind: true", "title: 지원서")
    assert lint(not_blind, Settings(select=("EL404",))).findings == []
    assert [f for f in lint(not_blind, Settings()).findings if f.code == "EL404"] == []
    defaults = lint(BLIND_ESSAY, Settings()).findings  # the default rules, blind front matter
    assert [f.line for f in defaults if f.code == "EL404"] == [5, 7]


def test_blind_from_front_matter_or_config(tmp_path: Path) -> None:
    path = tmp_path / "essay.md"
    path.write_text(BLIND_ESSAY, encoding="utf-8")
    found = lint(BLIND_ESSAY, Settings(select=("EL404",)), str(path))
    assert [(f.line, f.col, f.end_col, f.message) for f in found.findings] == [
        (5, 1, 6, "블라인드 채용: 출신 지역 노출 '부산 출신'"),
        (7, 1, 16, "블라인드 채용: 사진 노출"),
    ]
    plain = BLIND_ESSAY.replace("blind: true", "title: 지원서")
    by_config = lint(plain, Settings(select=("EL404",), blind=True), str(path))
    assert [f.line for f in by_config.findings] == [5, 7]


def test_photos_are_found_on_stdin_too() -> None:
    # The engine hands rules the original lines, so text read from stdin is checked fully.
    found = lint(BLIND_ESSAY, Settings(select=("EL404",)), "-")
    assert [f.message for f in found.findings] == [
        "블라인드 채용: 출신 지역 노출 '부산 출신'",
        "블라인드 채용: 사진 노출",
    ]


def test_checks_and_allow_options() -> None:
    text = "---\nblind: true\n---\n## 성장 과정\n부산 출신으로 서울대학교를 졸업했습니다.\n"
    only_school = Settings(select=("EL404",), rules={"blind-hiring": {"checks": ["school"]}})
    assert [f.message for f in lint(text, only_school).findings] == [
        "블라인드 채용: 학교명 노출 '서울대학교'"
    ]
    allowed = Settings(select=("EL404",), rules={"blind-hiring": {"allow": ["서울대학교", "부산"]}})
    assert lint(text, allowed).findings == []

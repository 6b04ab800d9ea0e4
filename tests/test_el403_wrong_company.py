"""EL403 wrong-company: another company addressed as the one applied to; plain mentions pass."""

from __future__ import annotations

import pytest
from test_values_fixtures import lint

from essaylint.running.config import Settings
from essaylint.values.companies import addresses_as_target, catalogue, mentions
from essaylint.values.presets import builtin_presets

COMPANIES = tuple(catalogue(builtin_presets()))


def flagged(sentence: str) -> list[str]:
    found = mentions(sentence, COMPANIES)
    return [m.text for m in found if not m.product and addresses_as_target(sentence, m)]


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("그래서 네이버에 입사하여 검색 품질을 높이겠습니다.", "네이버"),
        ("이러한 이유로 네이버에 지원하게 되었습니다.", "네이버"),
        ("네이버에 지원합니다.", "네이버"),
        ("네이버의 일원이 되어 함께 성장하고 싶습니다.", "네이버"),
        ("오래전부터 네이버에서 일하고 싶었습니다.", "네이버"),
        ("귀사 네이버는 제 오랜 꿈입니다.", "네이버"),
        ("네이버 입사 후에는 검색 품질을 책임지겠습니다.", "네이버"),
        ("NAVER에 지원하게 된 동기는 다음과 같습니다.", "NAVER"),
        ("(주)네이버의 구성원으로서 책임을 다하겠습니다.", "(주)네이버"),
        ("쿠팡에 합류하여 물류 혁신을 이끌고 싶습니다.", "쿠팡"),
        ("저는 라인에 입사하여 메신저를 만들겠습니다.", "라인"),
        ("배민의 성장에 기여하겠습니다.", "배민"),
        ("삼성에 입사한다면 반도체 공정을 맡고 싶습니다.", "삼성"),
    ],
)
def test_addressing_another_company_is_flagged(sentence: str, name: str) -> None:
    assert name in flagged(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "네이버에서 인턴을 하며 검색 로그를 분석했습니다.",
        "네이버와 비교하면 카카오톡은 대화 맥락이 풍부합니다.",
        "2022년 네이버에 지원했지만 떨어졌습니다.",
        "네이버에 입사하여 3년간 근무하며 많이 배웠습니다.",
        "네이버의 지원을 받아 창업했습니다.",
        "네이버 지도에서 일하고 싶습니다.",
        "반도체 생산 라인에 합류하고 싶습니다.",
        "가이드라인에 입사 절차가 나와 있습니다.",
        "세터의 토스에 맞춰 공격했습니다.",
        "당근을 씻어 두었습니다.",
        "SK텔레콤에 입사하여 통신망을 책임지겠습니다.",
        "네이버웹툰에 지원하게 되었습니다.",
    ],
)
def test_plain_mentions_are_not_flagged(sentence: str) -> None:
    assert flagged(sentence) == []


def test_rule_reports_name_position_and_end() -> None:
    text = "---\ncompany: kakao\n---\n## 지원 동기 (500자)\n사용자를 위한 서비스를 만들고 싶어 네이버에 지원하게 되었습니다. 카카오톡처럼 매일 쓰는 서비스를 만들고 싶습니다.\n"
    result = lint(text, Settings(select=("EL403",)))
    assert [(f.line, f.col, f.end_col, f.message) for f in result.findings] == [
        (5, 21, 24, "지원 회사는 카카오인데 '네이버'를 지원 대상으로 씀")
    ]
    assert result.findings[0].suggestion is not None


def test_code_spans_are_ignored() -> None:
    text = "---\ncompany: kakao\n---\n## 지원 동기\n예시 문장 `네이버에 지원하게 되었습니다.` 를 고쳤습니다.\n"
    assert lint(text, Settings(select=("EL403",))).findings == []


def test_allow_list_and_config_companies() -> None:
    text = "# 카카오 자기소개서\n## 지원 동기\n네오위즈에 지원하게 되었습니다. 네이버의 일원이 되어 성장하고 싶습니다.\n"
    found = lint(text, Settings(select=("EL403",), companies=("네오위즈|Neowiz",)))
    assert [f.message.split("'")[1] for f in found.findings] == ["네오위즈", "네이버"]
    allowed = Settings(
        select=("EL403",),
        companies=("네오위즈|Neowiz",),
        rules={"wrong-company": {"allow": ["네이버의 일원"]}},
    )
    assert [f.message.split("'")[1] for f in lint(text, allowed).findings] == ["네오위즈"]


def test_target_unknown_means_nothing_flagged() -> None:
    text = "## 지원 동기\n네이버에 지원하게 되었습니다. 네이버의 일원이 되고 싶습니다.\n"
    assert lint(text, Settings(select=("EL403",))).findings == []


def test_custom_target_company_not_in_presets() -> None:
    text = "## 지원 동기\n토스에 지원하게 되었습니다. 저는 리디의 일원이 되어 성장하고 싶습니다.\n"
    found = lint(text, Settings(select=("EL403",), company="리디"))
    assert [f.message for f in found.findings] == ["지원 회사는 리디인데 '토스'를 지원 대상으로 씀"]

"""Does an answer reference a value? Lemmas, not substrings; synonyms; the fallback without Kiwi."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from essaylint.values import lemmas
from essaylint.values.lemmas import compile_term, index_text, term_matches


def references(value: str, text: str, *, lemma_mode: bool = True, related: bool = False) -> bool:
    return term_matches(compile_term(value, lemma_mode, related), index_text(text, lemma_mode))


@pytest.mark.parametrize(
    "text",
    [
        "새로운 일에 도전하는 것을 좋아합니다.",
        "도전적인 목표를 세웠습니다.",
        "대회에 세 번 도전했습니다.",
        "도전 정신으로 버텼습니다.",
    ],
)
def test_inflected_forms_reference_the_value(text: str) -> None:
    assert references("도전 의식", text)


def test_passive_and_derived_forms() -> None:
    assert references("신뢰", "팀원들에게 신뢰받는 개발자가 되었습니다.")
    assert references("신뢰", "서로 신뢰할 수 있는 관계")
    assert references("차분함", "위기에도 차분하게 대응했습니다.")
    assert references("집요함", "문제를 집요하게 파고들었습니다.")


def test_synonym_is_a_related_term() -> None:
    assert references("믿음", "동료들에게 믿음을 주는 사람이 되겠습니다.", related=True)
    assert not references("신뢰", "동료들에게 믿음을 주는 사람이 되겠습니다.")


def test_seonbae_is_not_seonham() -> None:
    assert not references("선함", "동아리 선배에게 코드 리뷰를 받았습니다.")
    assert not references("선함", "넘지 말아야 할 선을 지켰습니다.")
    assert references("선함", "이웃에게 선한 영향을 주고 싶습니다.")
    assert references("선함", "세상을 선하게 바꾸겠습니다.")


def test_head_noun_alone_counts_for_a_multi_word_value() -> None:
    # Decision (documented in lemmas.py): any key lemma of the value counts.
    assert references("목표 달성", "매년 목표를 세 가지씩 적었습니다.")
    assert references("목표 달성", "끝까지 달성했습니다.")
    assert not references("목표 달성", "매년 계획을 세 가지씩 적었습니다.")


def test_generic_words_never_count_alone() -> None:
    assert not references("도전 의식", "문제의식을 가지고 접근했습니다.")
    assert not references("주인 의식", "안전 의식을 높였습니다.")
    assert references("주인의식", "주인처럼 일했습니다.")


def test_value_of_generic_words_matches_only_as_a_phrase() -> None:
    assert not references("정도경영", "어느 정도 경영 지식을 쌓았습니다.")
    assert references("정도경영", "정도경영을 실천하는 회사")


def test_related_term_needs_all_its_words() -> None:
    assert not references("반대 의견", "다양한 의견을 모았습니다.", related=True)
    assert references("반대 의견", "반대 의견도 끝까지 들었습니다.", related=True)


def test_english_values_match_case_insensitively_on_stems() -> None:
    assert references("Ownership", "I took OWNERSHIP of the release.")
    assert references("Customer obsession", "We were obsessed with customers.")
    assert not references("Think Big", "I think carefully before coding.")
    assert references("Think Big", "Thinking big changed our roadmap.")
    assert references("SUPEX", "SUPEX 수준의 목표를 세웠습니다.")


def test_text_keys_are_cached_per_text() -> None:
    text = "캐시를 확인하기 위한 특별한 문장입니다."
    first = lemmas.text_keys(text)
    assert lemmas.text_keys(text) is first


def test_fallback_without_kiwi(monkeypatch: pytest.MonkeyPatch) -> None:
    compile_term.cache_clear()
    try:
        assert references("도전 의식", "새로운 일에 도전하는 것을 좋아합니다.", lemma_mode=False)
        assert not references("도전 의식", "재도전 끝에 합격했습니다.", lemma_mode=False)
        assert references("선함", "이웃에게 선한 영향을 주고 싶습니다.", lemma_mode=False)
        assert not references("선함", "동아리 선배에게 배웠습니다.", lemma_mode=False)
        monkeypatch.setattr(lemmas, "kiwi_available", lambda: False)
        monkeypatch.setattr(lemmas, "_FALLBACK_USED", False)
        assert lemmas.lemma_mode_for(["한국어 문장"]) is False
        assert lemmas.fallback_used()
    finally:
        compile_term.cache_clear()


def test_no_korean_text_means_no_kiwi() -> None:
    """An all-English essay with values configured never imports kiwipiepy."""
    code = textwrap.dedent(
        """
        import sys
        from essaylint.running.config import Settings
        from essaylint.reading.document import build_document
        from essaylint.values import value_coverage
        doc = build_document("## Why us? (500)\\nI love building reliable payment systems for people.\\n")
        coverage = value_coverage(doc, Settings(values=("Ownership", "Customer obsession")))
        assert coverage.values == ["Ownership", "Customer obsession"], coverage
        print("kiwipiepy" in sys.modules)
        """
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_korean_text_without_values_means_no_kiwi() -> None:
    code = textwrap.dedent(
        """
        import sys
        from essaylint.running.config import Settings
        from essaylint.reading.document import build_document
        from essaylint.values import value_coverage
        doc = build_document("## 지원 동기\\n결제 시스템을 만드는 일이 좋아 지원했습니다.\\n")
        assert value_coverage(doc, Settings()).values == []
        print("kiwipiepy" in sys.modules)
        """
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_phrase_match_starts_at_a_word() -> None:
    assert not references("도전", "재도전 끝에 합격했습니다.", lemma_mode=False)
    assert references("주인 의식", "주인의식을 가지고 일했습니다.")
    assert references("주인의식", "주인 의식을 가지고 일했습니다.")

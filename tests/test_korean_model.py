"""The shared sentence analyses: what Kiwi says, asked once per sentence."""

from __future__ import annotations

from typing import Any

import pytest

pytest.importorskip("kiwipiepy")

from essaylint.korean.model import analyse, get_kiwi


class CountingKiwi:
    """The real Kiwi, counting the texts it is asked to analyse."""

    def __init__(self, kiwi: Any) -> None:
        self.kiwi = kiwi
        self.asked: list[str] = []

    def analyze(self, texts: list[str], top_n: int = 1) -> Any:
        self.asked.extend(texts)
        return self.kiwi.analyze(texts, top_n=top_n)


def _forms(tokens: list[Any]) -> list[tuple[str, str, int, int]]:
    return [(t.form, t.tag, t.start, t.len) for t in tokens]


def test_analyse_gives_kiwis_best_analysis_and_asks_once_per_sentence() -> None:
    kiwi = CountingKiwi(get_kiwi())
    texts = [
        "지원 동기를 말씀드리겠습니다.",
        "배포는 자동으로 실행돼야 합니다.",
        "지원 동기를 말씀드리겠습니다.",
    ]
    first = analyse(kiwi, texts)
    expected = [r[0][0] for r in get_kiwi().analyze(texts, top_n=1)]
    assert [_forms(t) for t in first] == [_forms(t) for t in expected]
    assert kiwi.asked == texts[:2]  # the repeated sentence was analysed once
    again = analyse(kiwi, [texts[1], "새 문장입니다."])
    assert again[0] is first[1]
    assert kiwi.asked == [*texts[:2], "새 문장입니다."]


def test_another_kiwi_starts_a_fresh_cache() -> None:
    shared = get_kiwi()
    analyse(CountingKiwi(shared), ["같은 문장입니다."])
    other = CountingKiwi(shared)
    analyse(other, ["같은 문장입니다."])
    assert other.asked == ["같은 문장입니다."]

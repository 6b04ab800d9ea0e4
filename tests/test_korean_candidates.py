"""Correction candidates (essaylint.korean.candidates). Pure, no model."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from essaylint.korean.candidates import (
    VOWEL_CONFUSIONS,
    candidates,
    keystroke_candidates,
    one_edit_candidates,
    pair_candidates,
    plausible,
)


@pytest.mark.parametrize(
    ("typo", "right", "kind"),
    [
        ("아떠한", "어떠한", "keyboard"),  # ㅏ/ㅓ are k/j
        ("글면", "들면", "keyboard"),  # ㄱ/ㄷ are r/e
        ("츨퇴근", "출퇴근", "keyboard"),  # ㅡ/ㅜ are m/n
        ("해보앗다", "해보았다", "shift"),
        ("장에를", "장애를", "keyboard"),
        ("사용쟈가", "사용자가", "keyboard"),
        ("했스니다", "했습니다", "final"),  # a final dropped
        ("달른", "다른", "final"),  # a final pressed twice
        ("먹거", "먹어", "keyboard"),  # r/d touch; also a final carried into the next syllable
        ("다라", "달라", "final"),  # the doubled key dropped
        ("돼었다", "되었다", "keyboard"),  # ㅐ/ㅣ are o/l; also a 되/돼 confusion
        ("규육", "교육", "vowel"),  # ㅛ/ㅠ: confused, not neighbours
        ("읽어", "일어", "final"),  # a compound final losing a half
    ],
)
def test_one_edit_candidates(typo: str, right: str, kind: str) -> None:
    found = one_edit_candidates(typo)
    assert found.get(right) == kind
    assert typo not in found


def test_vowel_confusions_are_symmetric() -> None:
    for vowel, others in VOWEL_CONFUSIONS.items():
        for other in others:
            assert vowel in VOWEL_CONFUSIONS[other]
    assert {"ㅏ", "ㅗ"} <= VOWEL_CONFUSIONS["ㅓ"]
    assert "ㅡ" in VOWEL_CONFUSIONS["ㅜ"] and "ㅔ" in VOWEL_CONFUSIONS["ㅐ"]


@pytest.mark.parametrize(
    ("typo", "right"),
    [
        ("했습닏", "했습니다"),  # a vowel key dropped: the automaton glues ㄷ on as a final
        ("했슨비다", "했습니다"),  # two adjacent keys swapped (ㄴ ㅂ)
        ("배웠습니다다", "배웠습니다"),  # a syllable typed twice is two keys: not one slip
    ],
)
def test_keystroke_candidates(typo: str, right: str) -> None:
    found = keystroke_candidates(typo)
    if typo == "배웠습니다다":
        assert right not in found
    else:
        assert right in found
        assert right not in one_edit_candidates(typo)  # beyond one jamo edit


def test_candidates_merge_and_filter() -> None:
    found = candidates("아떠한")
    texts = [c.text for c in found]
    assert "어떠한" in texts
    assert len(texts) == len(set(texts))
    assert all(plausible(text) for text in texts)
    # Best-explained kind first: one-jamo edits before keystroke-only ones.
    kinds = [c.kind for c in found]
    assert kinds.index("keystroke") > kinds.index("keyboard")
    assert not candidates("Redis")
    assert len(candidates("아떠한", keystroke=False)) < len(found)


def test_pairs() -> None:
    pairs = {"역활": "역할", "예를 글면": "예를 들면", "할께": "할게"}
    assert pair_candidates("역활을", pairs) == {"역할을": "pair"}
    assert pair_candidates("연락할께요", pairs) == {"연락할게요": "pair"}
    assert pair_candidates("글면", pairs) == {}  # multi-word forms are known-typo's
    found = {c.text: c.kind for c in candidates("역활을", pairs=pairs)}
    assert found["역할을"] == "pair"


def test_plausible() -> None:
    assert plausible("출퇴근")
    assert plausible("안 돼")
    assert not plausible("뷁")
    assert not plausible("")


def test_repeat_candidates_drop_a_doubled_syllable_or_a_false_start() -> None:
    from essaylint.korean.candidates import repeat_candidates

    assert repeat_candidates("무선사사업부") == {"무선사업부": "keystroke"}
    assert repeat_candidates("지내낼을") == {"지낼을": "keystroke", "지내을": "keystroke"}
    assert repeat_candidates("재의의") == {}  # 재의 + the particle 의
    # 바 + ㄷ carried onto ㅡ, then 받 typed again; 안 + ㅎ onto ㅡ, then 않.
    assert repeat_candidates("외면바드받을") == {"외면받을": "keystroke"}
    assert repeat_candidates("안흥않으면서") == {"않으면서": "keystroke"}
    # 영 and 역 share an initial and a vowel, but 통 is not 역's final carried over.
    assert repeat_candidates("영통역에가서") == {}
    assert repeat_candidates("사과") == {}
    assert repeat_candidates("abc") == {}


@given(st.text(alphabet="가각간갇바받드흥안않영역통사", max_size=8))
def test_repeat_candidates_are_the_word_with_one_or_two_syllables_out(word: str) -> None:
    from essaylint.korean.candidates import repeat_candidates

    for shorter, kind in repeat_candidates(word).items():
        assert kind == "keystroke"
        assert len(word) - len(shorter) in (1, 2)
        assert shorter and shorter != word
        assert any(word[:i] + word[i + n :] == shorter for n in (1, 2) for i in range(len(word)))

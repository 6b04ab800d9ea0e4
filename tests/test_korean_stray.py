"""Stray jamo glued to a word (`ㅂ받아들일`): where they are and what one key would fix."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from essaylint.korean.stray import repairs, stray_words


def _words(text: str) -> list[str]:
    return [found.word for found in stray_words(text)]


def test_a_letter_glued_to_a_word_is_found() -> None:
    assert _words("의견을 ㄷ들어 보았습니다") == ["ㄷ들어"]
    assert _words("정리했습ㄴ디ㅏ. 다음") == ["정리했습ㄴ디ㅏ"]
    assert _words("할 ㅅ ㅜ수 있다") == ["ㅜ수"]


def test_emotion_marks_and_lone_letters_are_not_slips() -> None:
    assert _words("정말 좋았어요ㅋㅋ 다음에 또 가요ㅠㅠ") == []
    assert _words("ㅇㅇ 맞아요 ㄱㄱ") == []
    assert _words("평범한 문장입니다.") == []


def test_one_dropped_or_swapped_key_repairs_the_word() -> None:
    assert "들어" in repairs("ㄷ들어")
    assert "정리했습니다" in repairs("정리했습ㄴ디ㅏ")
    assert "수" in repairs("ㅜ수")


@given(st.text(alphabet="가나다받ㄱㄴㄷㅏㅣㅋㅠ .", max_size=40))
def test_stray_words_are_slices_with_a_letter_and_a_syllable(text: str) -> None:
    for found in stray_words(text):
        assert text[found.start : found.end] == found.word
        assert any("ㄱ" <= char <= "ㅣ" for char in found.word)
        assert any("가" <= char <= "힣" for char in found.word)
        for fixed in repairs(found.word):
            assert fixed and not any("ㄱ" <= char <= "ㅣ" for char in fixed)

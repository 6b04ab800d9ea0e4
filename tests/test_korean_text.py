"""Which words the model rules read, sentences, and the user dictionary. Pure, no model."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from essaylint.korean.text import hangul_words, has_hangul, sentence_bounds, sentence_starts
from essaylint.korean.vocabulary import (
    Vocabulary,
    parse_word_list,
    shipped_words,
    user_words,
)
from essaylint.reading.model import Comment


def _words(text: str) -> list[str]:
    return [word for _, _, word in hangul_words(text)]


def test_hangul_words_skip_glued_latin_digits_and_urls() -> None:
    text = "저는 Redis에 캐시를 두고, 3년 동안 'k6로' 부하를 https://a.com/한글 src/모듈/파일 봤습니다."
    assert _words(text) == ["저는", "캐시를", "두고", "동안", "부하를", "봤습니다"]
    text = "정의·인도와 (어떠한) 「상황」"
    assert _words(text) == ["정의", "인도와", "어떠한", "상황"]
    for start, end, word in hangul_words(text):
        assert text[start:end] == word


def test_has_hangul() -> None:
    assert has_hangul("abc 한") and has_hangul("ㅋㅋ")
    assert not has_hangul("plain English, 123")


def test_sentences() -> None:
    text = "첫 문장입니다. 둘째 문장!\n셋째 줄"
    starts = sentence_starts(text)
    assert [text[slice(*sentence_bounds(text, s, starts))] for s in starts] == [
        "첫 문장입니다.",
        "둘째 문장!",
        "셋째 줄",
    ]
    assert sentence_bounds(text, text.index("문장!")) == (9, 15)


def test_parse_word_list() -> None:
    text = "# comment\n카카오톡  ArgoCD # trailing\n\n  멱등성\n"
    assert parse_word_list(text) == ["카카오톡", "ArgoCD", "멱등성"]


def test_shipped_list_is_large_and_has_the_named_words() -> None:
    words = shipped_words()
    assert len(words) >= 200
    for word in ("커널", "호버", "탭", "캐싱", "레거시", "배포", "롤백", "리팩터링", "쿠버네티스"):
        assert word in words
    for word in ("레디스", "카프카", "온보딩", "트러블슈팅"):
        assert word in words


def test_user_words_from_config_file_and_comments(tmp_path: Path) -> None:
    (tmp_path / ".essaylint-words.txt").write_text("# mine\n셔틀콕\n", encoding="utf-8")
    settings = SimpleNamespace(words=("카카오페이",))
    comments = [
        Comment(1, 1, 1, " essaylint-words: 카카오톡 ArgoCD "),
        Comment(2, 2, 1, " essaylint-disable EL302 "),
    ]
    words = user_words(settings, tmp_path, comments)
    assert words == {"카카오페이", "셔틀콕", "카카오톡", "ArgoCD"}
    assert user_words(None, None, []) == frozenset()
    assert user_words(settings, tmp_path / "missing", []) == {"카카오페이"}


def test_vocabulary_accepts_words_with_particles() -> None:
    vocabulary = Vocabulary({"카카오톡", "큐"})
    assert vocabulary.accepts("카카오톡")
    assert vocabulary.accepts("카카오톡으로") and vocabulary.accepts("카카오톡입니다")
    assert vocabulary.accepts("큐를")
    assert not vocabulary.accepts("카카오톡스") and not vocabulary.accepts("큐브")
    assert "카카오톡을" in vocabulary


def test_vocabulary_accepts_a_listed_noun_used_as_a_verb() -> None:
    vocabulary = Vocabulary({"배포", "복붙"})
    assert vocabulary.accepts("배포했습니다") and vocabulary.accepts("복붙해서")
    assert vocabulary.accepts("배포되는")
    assert not vocabulary.accepts("배포핬습니다")  # a slip after the listed noun is still read


def test_vocabulary_protects_a_listed_word_that_starts_a_compound() -> None:
    vocabulary = Vocabulary({"인싸", "사수"})
    assert vocabulary.protects("인싸담당자", "인사담당자")  # the change is inside 인싸
    assert not vocabulary.protects("사수님이", "사수님의")  # the change is after it
    assert not vocabulary.protects("인사팀", "인싸팀")  # the word does not start with a listed one

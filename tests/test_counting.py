"""Counting modes: hand-counted expectations plus properties every mode must keep."""

import unicodedata

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from essaylint.reading.counting import (
    COUNT_MODES,
    MODE_LABELS,
    MODE_UNITS,
    CountMode,
    count,
    count_graphemes,
)

# (text, chars, chars-no-spaces, bytes, bytes-utf8, neis, words) with newline=1, by hand.
HAND_COUNTED = [
    ("", 0, 0, 0, 0, 0, 0),
    ("안녕하세요", 5, 5, 10, 15, 15, 1),
    ("hello world", 11, 10, 11, 11, 11, 2),
    ("저는 AI 개발자입니다.", 13, 11, 21, 29, 29, 3),
    ("I love 한국!", 10, 8, 12, 14, 14, 3),
    ("가\n나", 3, 2, 5, 7, 8, 2),
    ("a\tb", 3, 2, 3, 3, 3, 2),
    ("👩\u200d💻", 1, 1, 4, 8, 11, 0),  # woman technologist: one ZWJ sequence
    ("🇰🇷", 1, 1, 4, 8, 8, 0),  # a flag is two regional indicators
    ("❤\ufe0f", 1, 1, 4, 6, 6, 0),  # emoji presentation selector
    ("👍🏽", 1, 1, 4, 8, 8, 0),  # skin-tone modifier
    ("1\ufe0f\u20e3", 1, 1, 5, 7, 7, 1),  # keycap one
    ("e\u0301", 1, 1, 2, 2, 2, 1),  # NFC makes it é
    ("\u1100\u1161", 1, 1, 2, 3, 3, 1),  # NFD 가
    ("\u1112\u1161\u11ab\u1100\u116e\u11a8", 2, 2, 4, 6, 6, 1),  # NFD 한국
    ("a\u00a0b", 3, 2, 4, 4, 4, 2),  # NBSP is a space
    ("가\u3000나", 3, 2, 6, 9, 9, 2),  # ideographic space is a space
    ("a\u200bb", 2, 2, 2, 2, 5, 1),  # ZWSP is invisible, except to NEIS
    ("a\u2060b\ufeff\u00ad", 2, 2, 2, 2, 10, 1),
    ("\u200d", 0, 0, 0, 0, 3, 0),  # a ZWJ joining nothing
    ("a\u200db", 2, 2, 2, 2, 5, 1),  # a ZWJ between letters rides on "a"
    ("- , .", 5, 3, 5, 5, 5, 0),  # punctuation is not a word
    ("e-mail 3 times", 14, 12, 14, 14, 14, 3),
]


@pytest.mark.parametrize(("text", "expected"), [(row[0], row[1:]) for row in HAND_COUNTED])
def test_hand_counted(text: str, expected: tuple[int, ...]) -> None:
    assert tuple(count(text, mode) for mode in COUNT_MODES) == expected


@pytest.mark.parametrize(
    ("mode", "by_weight"),
    [
        ("chars", {0: 2, 1: 3, 2: 4}),
        ("chars-no-spaces", {0: 2, 1: 2, 2: 2}),
        ("bytes", {0: 4, 1: 5, 2: 6}),
        ("bytes-utf8", {0: 6, 1: 7, 2: 8}),
        ("neis", {0: 8, 1: 8, 2: 8}),  # NEIS always counts a line break as 2
        ("words", {0: 2, 1: 2, 2: 2}),
    ],
)
def test_newline_weight(mode: CountMode, by_weight: dict[int, int]) -> None:
    for newline, expected in by_weight.items():
        for text in ("가\n나", "가\r\n나", "가\r나"):
            assert count(text, mode, newline=newline) == expected


def test_defaults_to_chars_with_newline_one() -> None:
    assert count("공백 포함\n두 줄") == 9


def test_emoji_sequences_in_korean_text() -> None:
    text = "한국 🇰🇷 최고 👩\u200d💻\n🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f"
    assert count(text) == 11
    assert count(text, "chars-no-spaces") == 7


def test_nfd_text_counts_like_nfc() -> None:
    nfc = "저는 성장하는 개발자입니다."
    nfd = unicodedata.normalize("NFD", nfc)
    assert len(nfd) > len(nfc)
    for mode in COUNT_MODES:
        assert count(nfd, mode) == count(nfc, mode)


def test_count_graphemes() -> None:
    assert count_graphemes("") == 0
    assert count_graphemes("안녕 👩\u200d💻🇰🇷") == 5
    assert count_graphemes("a\r\nb") == 3  # CRLF is one cluster
    assert count_graphemes("\u200b\n") == 2  # nothing is weighted
    assert count_graphemes("\u1100\u1161\u11a8") == 1


@pytest.mark.parametrize("mode", ["", "char", "CHARS", "bytes-euckr"])
def test_unknown_mode(mode: str) -> None:
    with pytest.raises(ValueError, match="unknown count mode"):
        count("가", mode)  # type: ignore[arg-type]


@pytest.mark.parametrize("newline", [-1, 3, 10])
def test_newline_weight_out_of_range(newline: int) -> None:
    with pytest.raises(ValueError, match="newline weight"):
        count("가", newline=newline)


def test_tables_cover_every_mode() -> None:
    assert COUNT_MODES == ("chars", "chars-no-spaces", "bytes", "bytes-utf8", "neis", "words")
    assert set(MODE_LABELS) == set(MODE_UNITS) == set(COUNT_MODES)
    assert MODE_LABELS["chars"] == ("공백 포함", "with spaces")
    assert MODE_LABELS["chars-no-spaces"] == ("공백 제외", "without spaces")
    assert {MODE_UNITS[m] for m in ("chars", "chars-no-spaces")} == {"자"}
    assert {MODE_UNITS[m] for m in ("bytes", "bytes-utf8", "neis")} == {"바이트"}
    assert MODE_UNITS["words"] == "단어"


# Characters that stress clusters, spaces and normalisation, mixed with arbitrary ones.
_TRICKY = list(
    "가힣각ㄱ a.\n\t \u00a0\u3000\u200b\u200c\u200d\u2060\ufeff\u00ad"
    "\u0301\u0308\u1100\u1161\u11a8\ua960\ud7b0\ufe0f\U0001f1f0\U0001f1f7"
    "\U0001f3fd\U0001f469\U0001f4bb\U000e0067\U000e007f\u0e33\u0600\uff9e\u0915\u094d"
)
texts = st.text(st.one_of(st.sampled_from(_TRICKY), st.characters()), max_size=40)
modes = st.sampled_from(COUNT_MODES)
weights = st.sampled_from((0, 1, 2))


@given(texts, modes, weights)
def test_nfd_and_nfc_count_alike(text: str, mode: CountMode, newline: int) -> None:
    nfd = unicodedata.normalize("NFD", text)
    nfc = unicodedata.normalize("NFC", text)
    assert count(nfd, mode, newline=newline) == count(nfc, mode, newline=newline)


@given(texts.map(lambda s: s.replace("\r", "")), modes, weights)
def test_crlf_counts_like_lf(text: str, mode: CountMode, newline: int) -> None:
    crlf = text.replace("\n", "\r\n")
    assert count(crlf, mode, newline=newline) == count(text, mode, newline=newline)


@given(texts, weights)
def test_no_spaces_never_exceeds_chars(text: str, newline: int) -> None:
    assert count(text, "chars-no-spaces", newline=newline) <= count(text, newline=newline)


@given(texts, weights)
def test_bytes_never_below_chars(text: str, newline: int) -> None:
    assert count(text, "bytes", newline=newline) >= count(text, newline=newline)


@given(texts, modes, weights)
def test_never_negative(text: str, mode: CountMode, newline: int) -> None:
    assert count(text, mode, newline=newline) >= 0


@given(texts)
def test_graphemes_match_regex(text: str) -> None:
    """The code-point fast path must agree with full segmentation."""
    assert count_graphemes(text) == len(regex.findall(r"\X", unicodedata.normalize("NFC", text)))


def _reference_chars(text: str, newline: int, *, spaces: bool) -> int:
    """`chars` by segmenting every text, for checking the fast path."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    invisible = set("\u200b\u200c\u200d\u2060\ufeff\u00ad")
    total = 0
    for cluster in regex.findall(r"\X", text):
        if cluster == "\n":
            total += newline if spaces else 0
        elif any(c not in invisible and (spaces or not c.isspace()) for c in cluster):
            total += 1
    return total


@given(texts, weights)
def test_chars_match_reference(text: str, newline: int) -> None:
    assert count(text, newline=newline) == _reference_chars(text, newline, spaces=True)
    assert count(text, "chars-no-spaces", newline=newline) == _reference_chars(
        text, newline, spaces=False
    )

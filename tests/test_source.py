"""essaylint.reading.source: decoding, newline bookkeeping, byte-exact write-back and one-line errors."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from essaylint.reading import source
from essaylint.reading.source import (
    SourceError,
    SourceText,
    decode,
    encode,
    read_source,
    read_stdin,
)

ESSAY = "## 지원 동기\n어릴 때부터 전자제품을 분해하며 구조를 궁금해했습니다.\n"
NOT_TEXT = "not UTF-8 or CP949 text (save it as UTF-8)"
BINARY = "binary file (contains NUL bytes)"


def _error(data: bytes) -> str:
    with pytest.raises(SourceError) as info:
        decode(data)
    return str(info.value)


# --- encodings -------------------------------------------------------------------------------


def test_utf8_without_bom() -> None:
    src = decode(ESSAY.encode("utf-8"))
    assert src == SourceText(ESSAY, "utf-8", False, "\n", False)


def test_utf8_bom_is_stripped_and_remembered() -> None:
    src = decode(b"\xef\xbb\xbf" + ESSAY.encode("utf-8"))
    assert src.text == ESSAY
    assert (src.encoding, src.bom, src.fallback) == ("utf-8", True, False)
    assert src.lines[0] == "## 지원 동기"


def test_only_one_bom_is_stripped() -> None:
    src = decode(b"\xef\xbb\xbf\xef\xbb\xbfabc")
    assert src.text == "\ufeffabc"


def test_plain_ascii_is_utf8() -> None:
    src = decode(b"# Motivation\n")
    assert (src.encoding, src.fallback) == ("utf-8", False)


def test_empty_file() -> None:
    src = decode(b"")
    assert src == SourceText("", "utf-8", False, "\n", False)
    assert src.lines == []


@pytest.mark.parametrize("codec", ["cp949", "euc-kr"])
def test_korean_legacy_encodings_fall_back_to_cp949(codec: str) -> None:
    data = "지원 동기".encode(codec)
    src = decode(data)
    assert src == SourceText("지원 동기", "cp949", False, "\n", True)
    assert encode(src, src.text) == data


def test_utf8_is_tried_first() -> None:
    """A lone CP949 syllable can also be valid UTF-8; the UTF-8 reading wins."""
    assert decode("티".encode("cp949")) == SourceText("Ƽ", "utf-8", False, "\n", False)


def test_cp949_only_syllable() -> None:
    """똠 is outside KS X 1001's 2,350 syllables; CP949's extension gives it two bytes."""
    data = "똠양꿍 먹고 싶다".encode("cp949")
    assert "똠".encode("cp949") == b"\x8c\x63"
    assert decode(data).text == "똠양꿍 먹고 싶다"


@pytest.mark.parametrize(
    ("bom", "codec", "byteorder"),
    [(b"\xff\xfe", "utf-16-le", "little"), (b"\xfe\xff", "utf-16-be", "big")],
)
def test_utf16_with_bom(bom: bytes, codec: str, byteorder: str) -> None:
    text = "## 지원 동기\r\n열심히 하겠습니다.\r\n"
    data = bom + text.encode(codec)
    src = decode(data)
    assert src.text == text
    assert (src.encoding, src.bom, src.fallback, src.newline) == ("utf-16", True, False, "\r\n")
    assert src.byteorder == byteorder
    assert encode(src, src.text) == data


@pytest.mark.parametrize(
    "data",
    [
        b"\xff\xfeA",  # odd length
        b"\xff\xfe\x00\xd8",  # lone high surrogate
        b"\xfe\xff\xdc\x00",  # lone low surrogate
    ],
)
def test_broken_utf16(data: bytes) -> None:
    assert _error(data) == "invalid UTF-16 text (save it as UTF-8)"


def test_utf16_with_nul_characters_is_binary() -> None:
    assert _error("가\x00나다".encode("utf-16")) == BINARY


@pytest.mark.parametrize("codec", ["utf-32", "utf-32-be"])
def test_utf32_is_named(codec: str) -> None:
    """UTF-32 LE starts with the UTF-16 LE BOM (its padding once read as NUL: "binary")."""
    data = ("\ufeff" if codec.endswith("be") else "") + "가나다"
    assert _error(data.encode(codec)) == "UTF-32 text is not supported (save it as UTF-8)"


@pytest.mark.parametrize(
    "data",
    [
        b"\x80\x80\x80",  # 0x80 is neither a UTF-8 start byte nor a CP949 lead byte
        b"\xc7\xd1\xff",  # a Hangul pair, then a byte CP949 never uses
        "漢字 only".encode("cp949"),  # decodes, but has no Hangul syllable
        b"\x01\x02\x03\x04\x05" + "가".encode("cp949"),  # mostly control characters
        b"\xef\xbb\xbf" + "지원 동기".encode("cp949"),  # a UTF-8 BOM rules out the CP949 guess
    ],
)
def test_neither_utf8_nor_cp949(data: bytes) -> None:
    assert _error(data) == NOT_TEXT


def test_control_characters_below_ten_percent_are_accepted() -> None:
    data = ("가" * 19 + "\x0c").encode("cp949")  # 5% form feeds
    assert decode(data).fallback


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        b"# ok\n\x00",
        b"\xef\xbb\xbf\x00",
        "가".encode("cp949") + b"\x00",
        bytes(range(256)),
    ],
)
def test_nul_bytes_mean_binary(data: bytes) -> None:
    assert _error(data) == BINARY


# --- newlines and lines ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "newline", "lines"),
    [
        ("a\nb\n", "\n", ["a", "b"]),
        ("a\r\nb\r\n", "\r\n", ["a", "b"]),
        ("a\rb\r", "\r", ["a", "b"]),
        ("a\r\nb\r\nc\nd", "\r\n", ["a", "b", "c", "d"]),
        ("a\nb\rc\r\n", "\n", ["a", "b", "c"]),  # a three-way tie goes to the first one seen
        ("a\r\n\r\nb", "\r\n", ["a", "", "b"]),
        ("a\n\n", "\n", ["a", ""]),
        ("no ending", "\n", ["no ending"]),
        ("\n", "\n", [""]),
        ("\r\r\n", "\r", ["", ""]),
    ],
)
def test_newline_and_lines(text: str, newline: str, lines: list[str]) -> None:
    src = decode(text.encode("utf-8"))
    assert src.text == text  # endings are left exactly as in the file
    assert src.newline == newline
    assert src.lines == lines


@pytest.mark.parametrize(
    "char", ["\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"]
)
def test_lines_split_only_on_cr_and_lf(char: str) -> None:
    src = decode(f"앞{char}뒤\n다음".encode())
    assert src.lines == [f"앞{char}뒤", "다음"]
    assert len(f"앞{char}뒤\n다음".splitlines()) == 3  # what str.splitlines would have done


def test_normalized_keeps_line_count() -> None:
    src = decode("a\r\nb\rc\nd\u2028".encode())
    assert src.normalized() == "a\nb\nc\nd\u2028"
    assert src.normalized().split("\n") == src.lines


# --- writing back ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        ESSAY.encode("utf-8"),
        b"\xef\xbb\xbf" + ESSAY.encode("utf-8"),
        ESSAY.replace("\n", "\r\n").encode("utf-8"),
        b"\xef\xbb\xbf" + ESSAY.replace("\n", "\r\n").encode("utf-8"),
        ESSAY.replace("\n", "\r").encode("cp949"),
        ESSAY.replace("\n", "\r\n").encode("cp949"),
        b"\xff\xfe" + ESSAY.encode("utf-16-le"),
        b"\xfe\xff" + ESSAY.encode("utf-16-be"),
        b"\xff\xfe" + ESSAY.replace("\n", "\r\n").encode("utf-16-le"),
        b"mixed\r\nendings\nkept\r",
    ],
)
def test_encode_inverts_decode(data: bytes) -> None:
    assert encode(decode(data), decode(data).text) == data


def test_encode_writes_given_newlines() -> None:
    src = decode(b"a\r\nb\r\n")
    assert encode(src, "a\nb\n") == b"a\nb\n"  # newline conversion is the caller's choice


def test_encode_reports_unencodable_characters() -> None:
    src = decode("지원 동기".encode("cp949"))
    with pytest.raises(SourceError, match=r"^cannot write U\+1F600 in CP949 \(save it as UTF-8\)$"):
        encode(src, "지원 동기 😀")


def test_encode_reports_lone_surrogates() -> None:
    with pytest.raises(SourceError, match=r"U\+D800"):
        encode(decode(b"a"), "\ud800")


def test_encode_reports_unknown_encoding() -> None:
    with pytest.raises(SourceError, match="unknown encoding"):
        encode(SourceText("a", "no-such-codec", False, "\n", False), "a")


# --- reading files ---------------------------------------------------------------------------


def _read_error(path: str | os.PathLike[str]) -> str:
    with pytest.raises(SourceError) as info:
        read_source(path)
    return str(info.value)


def test_read_source(tmp_path: Path) -> None:
    path = tmp_path / "essay.md"
    path.write_bytes(b"\xef\xbb\xbf" + ESSAY.replace("\n", "\r\n").encode("utf-8"))
    src = read_source(path)
    assert (src.text, src.bom, src.newline) == (ESSAY.replace("\n", "\r\n"), True, "\r\n")
    assert read_source(str(path)) == src


def test_read_source_cp949(tmp_path: Path) -> None:
    path = tmp_path / "옛날.md"
    path.write_bytes(ESSAY.encode("cp949"))
    assert read_source(path).fallback


def test_missing_file(tmp_path: Path) -> None:
    assert _read_error(tmp_path / "gone.md") == "file not found"


def test_directory(tmp_path: Path) -> None:
    assert _read_error(tmp_path) == "is a directory"


def test_not_a_directory(tmp_path: Path) -> None:
    path = tmp_path / "essay.md"
    path.write_bytes(b"x")
    assert _read_error(path / "child.md") == "not a directory"


def test_nul_in_path(tmp_path: Path) -> None:
    assert _read_error(f"{tmp_path}/a\x00b.md") == "invalid file name"


def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "locked.md"
    path.write_bytes(b"x")
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running with privileges that ignore file modes")
        assert _read_error(path) == "permission denied"
    finally:
        path.chmod(0o644)


@pytest.mark.parametrize(
    ("exc", "reason"),
    [
        (FileNotFoundError(2, "No such file or directory"), "file not found"),  # deleted after stat
        (PermissionError(13, "Permission denied"), "permission denied"),
        (IsADirectoryError(21, "Is a directory"), "is a directory"),
        (OSError(5, "Input/output error"), "input/output error"),
        (OSError("no errno"), "no errno"),
    ],
)
def test_os_errors_while_opening(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, exc: OSError, reason: str
) -> None:
    path = tmp_path / "essay.md"
    path.write_bytes(b"x")

    def fail(*args: Any, **kwargs: Any) -> Any:
        raise exc

    monkeypatch.setattr(source, "open", fail, raising=False)
    assert _read_error(path) == reason


def test_too_large_is_checked_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.md"
    with path.open("wb") as stream:
        stream.truncate(51 * 1024 * 1024)  # sparse: no 51 MB written, and NULs never read
    assert _read_error(path) == "file too large (51 MB; the limit is 50 MB)"


def test_just_over_the_limit_rounds_up(tmp_path: Path) -> None:
    path = tmp_path / "huge.md"
    with path.open("wb") as stream:
        stream.truncate(source.MAX_BYTES + 1)
    assert _read_error(path) == "file too large (51 MB; the limit is 50 MB)"


def test_ten_megabytes_is_fine(tmp_path: Path) -> None:
    path = tmp_path / "long.md"
    line = "가나다라마바사아자차카타파하 지원 동기\n"
    path.write_bytes((line * (10 * 1024 * 1024 // len(line.encode()) + 1)).encode())
    assert path.stat().st_size > 10 * 1024 * 1024
    assert read_source(path).lines[-1] == line.rstrip("\n")


def test_file_growing_after_stat(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "essay.md"
    path.write_bytes(b"x" * 4 * 1024 * 1024)
    real_stat = os.stat
    monkeypatch.setattr(os, "stat", lambda p: os.stat_result((*real_stat(p)[:6], 0, 0, 0, 0)))
    monkeypatch.setattr(source, "MAX_BYTES", 3 * 1024 * 1024)
    assert _read_error(path) == "file too large (over 3 MB; the limit is 3 MB)"


# --- standard input --------------------------------------------------------------------------


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


def test_read_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, ESSAY.encode("cp949"))
    src = read_stdin()
    assert (src.text, src.fallback) == (ESSAY, True)


def test_read_stdin_binary(monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, b"\x00\x01")
    with pytest.raises(SourceError, match=r"^binary file"):
        read_stdin()


def test_read_stdin_too_large(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(source, "MAX_BYTES", 3 * 1024 * 1024)
    _stdin(monkeypatch, b"a" * (4 * 1024 * 1024))
    with pytest.raises(SourceError, match=r"^file too large \(over 3 MB; the limit is 3 MB\)$"):
        read_stdin()


def test_read_stdin_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", None)
    with pytest.raises(SourceError, match=r"^no standard input$"):
        read_stdin()


def test_read_stdin_closed(monkeypatch: pytest.MonkeyPatch) -> None:
    stream = io.TextIOWrapper(io.BytesIO(b"x"))
    buffer = stream.buffer
    buffer.close()
    monkeypatch.setattr(sys, "stdin", stream)
    with pytest.raises(SourceError, match=r"^standard input is closed$"):
        read_stdin()


# --- properties ------------------------------------------------------------------------------


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


_no_nul = st.text(st.characters(codec="utf-8", exclude_characters="\x00"))
_line = st.text(st.characters(codec="utf-8", exclude_characters="\r\n\x00"))


@given(_no_nul)
def test_any_utf8_text_decodes_unchanged(text: str) -> None:
    src = decode(text.encode("utf-8"))
    has_bom = text.startswith("\ufeff")
    assert src.text == (text[1:] if has_bom else text)
    assert (src.encoding, src.bom, src.fallback) == ("utf-8", has_bom, False)
    assert encode(src, src.text) == text.encode("utf-8")


@given(
    st.one_of(
        st.binary(),
        st.builds(
            bytes.__add__,
            st.sampled_from([b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"]),
            st.binary(),
        ),
        st.lists(st.integers(0x81, 0xFE), max_size=40).map(bytes),
    )
)
def test_any_bytes_decode_or_raise_source_error(data: bytes) -> None:
    try:
        src = decode(data)
    except SourceError as exc:
        assert str(exc) and "\n" not in str(exc)
    else:
        assert encode(src, src.text) == data


@given(
    st.text(
        st.one_of(
            st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3),
            st.sampled_from(" \t\r\n.,?!#-*0123456789abcXYZ"),
        ),
        min_size=1,
    )
)
def test_cp949_hangul_round_trips(text: str) -> None:
    assume(any("\uac00" <= char <= "\ud7a3" for char in text))
    data = text.encode("cp949")
    # 345 syllables (e.g. 티 = C6 BC = "Ƽ") are also valid UTF-8 pairs, and UTF-8 goes first;
    # real essays never consist of only those.
    assume(not _is_utf8(data))
    src = decode(data)
    assert (src.text, src.encoding, src.fallback) == (text, "cp949", True)
    assert encode(src, src.text) == data


@given(_no_nul, st.sampled_from(["\ufeff", ""]), st.sampled_from(["utf-16-le", "utf-16-be"]))
def test_utf16_round_trips(text: str, extra_bom: str, codec: str) -> None:
    data = ("\ufeff" + extra_bom + text).encode(codec)
    src = decode(data)
    assert src.text == extra_bom + text
    assert encode(src, src.text) == data


@given(st.lists(_line, min_size=1), st.sampled_from(["\n", "\r\n", "\r"]), st.booleans())
def test_lines_recover_what_was_joined(lines: list[str], newline: str, trailing: bool) -> None:
    text = newline.join(lines) + (newline if trailing else "")
    src = decode(text.encode("utf-8"))
    # A last empty line with no terminator after it is just the previous line's terminator.
    assert src.lines == (lines[:-1] if lines[-1] == "" and not trailing else lines)
    assert src.normalized() == text.replace(newline, "\n")
    assert src.newline == (newline if newline in text else "\n")

"""Bytes -> text, remembering the encoding, BOM and line endings so fixes can be written back.

Korean essays arrive as UTF-8 (with or without a BOM), as UTF-16 from Windows editors, or as
CP949/EUC-KR from older Hangul tools, so decoding tries those in that order. A CP949 decode is a
guess, so it is accepted only when the result looks like Korean text and the bytes are not mostly
UTF-8 Hangul with a few broken bytes (that file is damaged UTF-8, reported with the first bad
byte's line and column, not misread as CP949 mojibake). Every failure, including OS errors, is a
`SourceError` whose message is one line without the path: the CLI adds the path.
"""

from __future__ import annotations

import math
import os
import re
import stat
import sys
from dataclasses import dataclass, field
from typing import BinaryIO, Literal

from essaylint.base.patterns import compile_pattern

__all__ = [
    "MAX_BYTES",
    "SourceError",
    "SourceText",
    "decode",
    "encode",
    "read_source",
    "read_stdin",
]

MAX_BYTES = 50 * 1024 * 1024
"""Larger inputs are refused before reading: no essay is this big, and a stray log file might be."""

_MB = 1024 * 1024
_UTF8_BOM = b"\xef\xbb\xbf"
_UTF32_BOMS = (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")
_UTF16_BOMS: dict[bytes, Literal["little", "big"]] = {b"\xff\xfe": "little", b"\xfe\xff": "big"}
_NOT_TEXT = "not UTF-8 or CP949 text (save it as UTF-8)"
_BINARY = "binary file (contains NUL bytes)"
_BAD_UTF16 = "invalid UTF-16 text (save it as UTF-8)"

# Only these three end a line: str.splitlines() also splits on \x0b, \x0c, \x1c-\x1e, \x85,
# \u2028 and \u2029, which would shift line numbers away from what editors show.
_NEWLINE = compile_pattern(r"\r\n|\r|\n")
_HANGUL = compile_pattern(r"[\uac00-\ud7a3]")
# A Hangul syllable in UTF-8 (EA-ED, then two continuation bytes), for telling damaged UTF-8 from
# CP949: a CP949 Hangul pair's lead byte can never start one, so in CP949 text such coincidences
# are always outnumbered by invalid sequences.
_UTF8_HANGUL = re.compile(rb"[\xea-\xed][\x80-\xbf][\x80-\xbf]")
_CONTROL = compile_pattern(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_MAX_CONTROL_RATIO = 0.10


class SourceError(Exception):
    """One-line, user-facing reason a file cannot be read; no path in it, the caller adds that."""


@dataclass(frozen=True, slots=True)
class SourceText:
    """Decoded text plus what `encode` needs to write a fixed version byte-compatibly."""

    text: str
    encoding: str
    bom: bool
    newline: str
    fallback: bool
    # Only meaningful for "utf-16": which BOM to write back. Defaulted so the five documented
    # fields remain the whole constructor for every other encoding.
    byteorder: Literal["little", "big"] = field(default="little", kw_only=True)

    @property
    def lines(self) -> list[str]:
        """Lines without terminators, split on \\r\\n, \\r and \\n only, as editors number them."""
        text = self.text
        if not text:
            return []
        # Most files end lines with \n alone: str.split is ~7x faster than the pattern.
        lines = text.split("\n") if "\r" not in text else _NEWLINE.split(text)
        if lines[-1] == "":
            lines.pop()
        return lines

    def normalized(self) -> str:
        """Every line ending as \\n, for the Markdown parser; line numbers stay the file's."""
        return self.text.replace("\r\n", "\n").replace("\r", "\n")


def decode(data: bytes) -> SourceText:
    """Decode file bytes; raises only `SourceError`."""
    if data.startswith(_UTF32_BOMS):  # before UTF-16: FF FE 00 00 starts with its BOM
        raise SourceError("UTF-32 text is not supported (save it as UTF-8)")
    for mark, byteorder in _UTF16_BOMS.items():
        if data.startswith(mark):
            return _decode_utf16(data[len(mark) :], byteorder)
    if b"\x00" in data:
        raise SourceError(_BINARY)
    bom = data.startswith(_UTF8_BOM)
    body = data[len(_UTF8_BOM) :] if bom else data
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as error:
        if _mostly_utf8_hangul(body):
            raise SourceError(_bad_utf8(body, error.start)) from None
        if bom:  # a UTF-8 BOM says what the file is meant to be; guessing CP949 would be wrong
            raise SourceError(_NOT_TEXT) from None
    else:
        return SourceText(text, "utf-8", bom, _detect_newline(text), fallback=False)
    try:
        text = data.decode("cp949")
    except UnicodeDecodeError:
        raise SourceError(_NOT_TEXT) from None
    if not _looks_korean(text):
        raise SourceError(_NOT_TEXT)
    return SourceText(text, "cp949", False, _detect_newline(text), fallback=True)


def encode(source: SourceText, text: str) -> bytes:
    """Encode `text` the way `source` was stored: same codec, BOM re-added, newlines as given.

    Raises `SourceError` when `text` has a character the original codec cannot store (e.g. an
    emoji in a CP949 file), so the caller can skip the write instead of corrupting the file.
    """
    try:
        if source.encoding == "utf-16":
            if source.byteorder == "big":
                return b"\xfe\xff" + text.encode("utf-16-be")
            return b"\xff\xfe" + text.encode("utf-16-le")
        body = text.encode(source.encoding)
    except UnicodeEncodeError as exc:
        bad = exc.object[exc.start]
        raise SourceError(
            f"cannot write U+{ord(bad):04X} in {source.encoding.upper()} (save it as UTF-8)"
        ) from None
    except LookupError:
        raise SourceError(f"unknown encoding {source.encoding!r}") from None
    if source.bom and source.encoding == "utf-8":
        return _UTF8_BOM + body
    return body


def read_source(path: str | os.PathLike[str]) -> SourceText:
    """Read and decode a file; every failure, OS errors included, is a `SourceError`."""
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise SourceError("is a directory")
        if stat.S_ISSOCK(info.st_mode):
            raise SourceError("is a socket, not a file")
        if info.st_size > MAX_BYTES:
            raise SourceError(_too_large(info.st_size))
        if stat.S_ISFIFO(info.st_mode):
            data = _read_fifo(path)
        else:
            with open(path, "rb") as stream:
                data = _read_bounded(stream)
    except FileNotFoundError:
        raise SourceError(_missing_reason(path)) from None
    except OSError as exc:
        raise SourceError(_os_reason(exc)) from None
    except ValueError:  # e.g. a NUL character inside the path
        raise SourceError("invalid file name") from None
    return decode(data)


def read_stdin() -> SourceText:
    """Read and decode standard input as bytes, so its encoding is detected like a file's."""
    stream: BinaryIO | None = getattr(sys.stdin, "buffer", None)
    if stream is None:  # no console (pythonw) or a text-only replacement
        raise SourceError("no standard input")
    try:
        data = _read_bounded(stream)
    except OSError as exc:
        raise SourceError(_os_reason(exc)) from None
    except ValueError:  # stdin already closed
        raise SourceError("standard input is closed") from None
    return decode(data)


def _decode_utf16(body: bytes, byteorder: Literal["little", "big"]) -> SourceText:
    """UTF-16 is only trusted with a BOM; NUL characters still mean binary, as for UTF-8."""
    try:
        text = body.decode("utf-16-le" if byteorder == "little" else "utf-16-be")
    except UnicodeDecodeError:
        raise SourceError(_BAD_UTF16) from None
    if "\x00" in text:
        raise SourceError(_BINARY)
    return SourceText(
        text, "utf-16", True, _detect_newline(text), fallback=False, byteorder=byteorder
    )


def _looks_korean(text: str) -> bool:
    """CP949 decodes many non-Korean byte strings; demand Hangul and few control characters."""
    if _HANGUL.search(text) is None:
        return False
    return len(_CONTROL.findall(text)) < _MAX_CONTROL_RATIO * len(text)


def _detect_newline(text: str) -> str:
    """The most common line ending; a tie goes to the one seen first, none means \\n."""
    crlf = text.count("\r\n")
    plain = {"\r\n": crlf, "\r": text.count("\r") - crlf, "\n": text.count("\n") - crlf}
    most = max(plain.values())
    if most == 0:
        return "\n"
    leaders = [ending for ending, n in plain.items() if n == most]
    if len(leaders) == 1:  # the common case, without walking the text in Python
        return leaders[0]
    counts: dict[str, int] = {}
    for match in _NEWLINE.finditer(text):
        ending = match.group()
        counts[ending] = counts.get(ending, 0) + 1
    if not counts:
        return "\n"
    return max(counts, key=lambda ending: counts[ending])  # max keeps the first of equals


def _read_bounded(stream: BinaryIO) -> bytes:
    """Read at most one byte past the limit: a file can grow after `os.stat`, a pipe has no size."""
    return _bounded(stream.read(MAX_BYTES + 1))


def _bounded(data: bytes) -> bytes:
    if len(data) > MAX_BYTES:
        raise SourceError(
            f"file too large (over {MAX_BYTES // _MB} MB; the limit is {MAX_BYTES // _MB} MB)"
        )
    return data


def _read_fifo(path: str | os.PathLike[str]) -> bytes:
    """A named pipe or `<(...)`: never block forever on a pipe that nobody writes to.

    Opened without blocking, a pipe with no writer reads as end-of-file at once (an error here,
    not an empty essay), while one with a writer but no data yet reports "would block"; only
    then does reading wait for the writer.
    """
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    with open(fd, "rb", buffering=0) as stream:
        first = stream.read(_MB)  # None: a writer is there but has written nothing yet
        if first == b"":
            raise SourceError("named pipe with no writer")
        os.set_blocking(fd, True)
        chunks = [first or b""]
        size = len(chunks[0])
        while size <= MAX_BYTES:
            chunk = stream.read(min(_MB, MAX_BYTES + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    return _bounded(b"".join(chunks))


def _mostly_utf8_hangul(data: bytes) -> bool:
    """Whether undecodable bytes are damaged UTF-8 rather than CP949 (see `_UTF8_HANGUL`)."""
    hangul = len(_UTF8_HANGUL.findall(data))
    if hangul == 0:
        return False
    lenient = data.decode("utf-8", "replace")
    broken = lenient.count("\ufffd") - data.count("\ufffd".encode())
    return hangul > broken


def _bad_utf8(data: bytes, start: int) -> str:
    """Where the first undecodable byte is, as an editor would show it (1-based line, column)."""
    before = data[:start].decode("utf-8")
    lines = _NEWLINE.split(before)
    return (
        f"invalid UTF-8 byte 0x{data[start]:02X} at line {len(lines)}, column {len(lines[-1]) + 1}"
    )


def _too_large(size: int) -> str:
    # Rounded up so an oversize file never reads as "50 MB; the limit is 50 MB".
    return f"file too large ({math.ceil(size / _MB)} MB; the limit is {MAX_BYTES // _MB} MB)"


def _missing_reason(path: str | os.PathLike[str]) -> str:
    """A dangling symbolic link says so: "file not found" would send the user looking for it."""
    try:
        dangling = stat.S_ISLNK(os.lstat(path).st_mode)
    except (OSError, ValueError):
        dangling = False
    return "broken symbolic link" if dangling else "file not found"


def _os_reason(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "file not found"
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, IsADirectoryError):
        return "is a directory"
    return (exc.strerror or str(exc) or type(exc).__name__).lower()

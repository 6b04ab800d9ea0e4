"""Text from a file or a file name, made safe to print on one terminal line.

A heading may hold an ESC sequence, a file name may hold a line break or bytes that are not
UTF-8; printed as they are, they would repaint the terminal or split one finding over two lines
(and break every tool that reads the output line by line).
"""

from __future__ import annotations

import re

from essaylint.base.patterns import compile_pattern

# C0 and C1 controls (tab and nothing else is harmless), and the Unicode line separators
# str.splitlines() breaks on.
_UNSAFE = compile_pattern(r"[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029]")


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    if code < 0x20:
        return chr(0x2400 + code)  # ␛, ␊ …: the control pictures block
    if code == 0x7F:
        return "\u2421"
    return f"\\u{code:04x}"


def printable(text: str) -> str:
    """`text` with control characters and line separators shown as visible symbols."""
    return _UNSAFE.sub(_picture, text) if _UNSAFE.search(text) else text


# What JSON serialisers leave raw (they escape only C0 controls): DEL, C1 and line separators.
_RAW_IN_JSON = compile_pattern(r"[\x7f-\x9f\u2028\u2029]")


def json_text(serialized: str) -> str:
    """JSON text with the control characters its serialiser left raw written as `\\uXXXX`
    escapes: the same data for every reader, nothing a terminal runs (structure is ASCII, so
    any such character is inside a string)."""
    if not _RAW_IN_JSON.search(serialized):
        return serialized
    return _RAW_IN_JSON.sub(lambda m: f"\\u{ord(m.group(0)):04x}", serialized)


def decodable_path(path: str) -> str:
    """A path for output: undecodable bytes (kept by the OS as lone surrogates) become U+FFFD."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        path = path.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
        path = path.encode("utf-8", "surrogatepass").decode("utf-8", "replace")
    return path


def printable_path(path: str) -> str:
    """A path for a line of text output."""
    return printable(decodable_path(path))

"""Count answer length the way Korean hiring portals count it.

Every length rule and the score share these definitions, so 공백 포함/제외 and byte counts can
never disagree between rules. Input is what a reader sees (markup removed), lines joined by "\\n".

All modes first normalise to NFC, so an NFD (macOS) string counts exactly like its NFC twin, and
treat "\\r\\n" and "\\r" as one line break. Invisible format characters (U+200B, U+200C, U+2060,
U+FEFF, U+00AD and a U+200D that joins nothing) count 0 except in ``neis``.

- ``chars`` (공백 포함): user-perceived characters, i.e. grapheme clusters, so "👩‍💻", "🇰🇷" and
  "e\\u0301" are one each. Spaces, tabs, NBSP and U+3000 count 1; a line break counts ``newline``.
- ``chars-no-spaces`` (공백 제외): as ``chars``, but all whitespace (``str.isspace()``, line
  breaks included) counts 0.
- ``bytes``: the EUC-KR/CP949 portal convention, per code point: ASCII 1, anything else 2; a line
  break counts ``newline``.
- ``bytes-utf8``: UTF-8 length; a line break counts ``newline``.
- ``neis`` (학교생활기록부): Hangul 3, ASCII 1, anything else its UTF-8 length (which is also 3
  for Hangul); a line break always counts 2, whatever ``newline`` says.
- ``words``: whitespace-separated tokens with at least one letter or digit.

``newline`` is 0, 1 or 2: 2 because a browser form submits each line break as CRLF.
"""

import unicodedata
from collections.abc import Callable
from functools import cache, lru_cache
from typing import Any, Literal

from essaylint.base.patterns import compile_pattern

CountMode = Literal["chars", "chars-no-spaces", "bytes", "bytes-utf8", "neis", "words"]
COUNT_MODES: tuple[CountMode, ...] = (
    "chars",
    "chars-no-spaces",
    "bytes",
    "bytes-utf8",
    "neis",
    "words",
)
MODE_LABELS: dict[CountMode, tuple[str, str]] = {
    "chars": ("공백 포함", "with spaces"),
    "chars-no-spaces": ("공백 제외", "without spaces"),
    "bytes": ("바이트", "bytes"),
    "bytes-utf8": ("UTF-8 바이트", "UTF-8 bytes"),
    "neis": ("NEIS 바이트", "NEIS bytes"),
    "words": ("단어", "words"),
}
MODE_UNITS: dict[CountMode, str] = {
    "chars": "자",
    "chars-no-spaces": "자",
    "bytes": "바이트",
    "bytes-utf8": "바이트",
    "neis": "바이트",
    "words": "단어",
}

# Invisible format characters: ZWSP, ZWNJ, ZWJ, WORD JOINER, BOM/ZWNBSP, SOFT HYPHEN.
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_INVISIBLE_RE = compile_pattern(f"[{_INVISIBLE}]")
_INVISIBLE_UTF8 = {c: len(c.encode()) for c in _INVISIBLE}

# Code points that may join a neighbour into one grapheme cluster although their category is
# not M* (UAX #29 Prepend, SpacingMark, Extend, ZWJ, Regional_Indicator and Hangul L/V/T).
# Checked exhaustively against `regex` \X: with categories Mn/Mc/Me/Cn this is the full set.
_JOINING_RANGES = (
    (0x0600, 0x0605),  # Arabic number signs (Prepend)
    (0x06DD, 0x06DD),
    (0x070F, 0x070F),
    (0x0890, 0x0891),
    (0x08E2, 0x08E2),
    (0x0D4E, 0x0D4E),
    (0x0E33, 0x0E33),  # Thai SARA AM (SpacingMark, category Lo)
    (0x0EB3, 0x0EB3),  # Lao AM
    (0x1100, 0x11FF),  # conjoining Hangul jamo
    (0x200C, 0x200D),  # ZWNJ, ZWJ
    (0xA960, 0xA97F),
    (0xD7B0, 0xD7FF),
    (0xFE00, 0xFE0F),  # variation selectors
    (0xFF9E, 0xFF9F),  # halfwidth katakana voiced sound marks
    (0x110BD, 0x110BD),
    (0x110CD, 0x110CD),
    (0x111C2, 0x111C3),
    (0x1193F, 0x1193F),
    (0x11941, 0x11941),
    (0x11A3A, 0x11A3A),
    (0x11A84, 0x11A89),
    (0x11D46, 0x11D46),
    (0x11F02, 0x11F02),
    (0x1F1E6, 0x1F1FF),  # regional indicators (flags)
    (0x1F3FB, 0x1F3FF),  # emoji skin-tone modifiers
    (0xE0020, 0xE007F),  # tag characters (subdivision flags)
    (0xE0100, 0xE01EF),  # variation selectors supplement
)
_JOINING_RE = compile_pattern(
    "[" + "".join(f"\\U{lo:08x}-\\U{hi:08x}" for lo, hi in _JOINING_RANGES) + "]"
)
# Marks join their base; Cn is a code point newer than this Python's Unicode data, so let
# `regex` (usually on a newer Unicode version) decide.
_JOINING_CATEGORIES = frozenset({"Mn", "Mc", "Me", "Cn"})
# Only code points outside Latin-1, Latin Extended and Hangul syllables can join (all above).
_UNCOMMON_RE = compile_pattern(r"[^\x00-\u02ff\uac00-\ud7a3]")
# Three or more regional indicators in a row: `regex` pairs them by counting back to the run's
# start at every position, quadratic in the run's length.
_INDICATOR_RUN_RE = compile_pattern("[\U0001f1e6-\U0001f1ff]{3,}")


@lru_cache(maxsize=4096)
def _may_join(char: str) -> bool:
    """Whether `char` can share a grapheme cluster with a neighbour."""
    return bool(
        _JOINING_RE.match(char)
        or unicodedata.category(char) in _JOINING_CATEGORIES
        or unicodedata.combining(char)
    )


def _needs_segmentation(text: str) -> bool:
    """Whether `text` may hold a multi-code-point cluster; False keeps plain text off `regex`."""
    if text.isascii():
        return False
    return any(_may_join(c) for c in set(_UNCOMMON_RE.findall(text)))


@cache
def _grapheme_pattern() -> Any:
    """Compile `regex`'s \\X once, importing it only when some text needs it."""
    import regex

    return regex.compile(r"\X")


def _clusters(text: str) -> list[str]:
    """Split into extended grapheme clusters (UAX #29).

    A run of regional indicators pairs from its start (UAX #29 GB12, GB13), so a cluster
    always ends before the run's third, fifth ... indicator; the text is cut there and each
    piece split on its own, which keeps a long run of flags linear.
    """
    pattern = _grapheme_pattern()
    if _INDICATOR_RUN_RE.search(text) is None:
        found: list[str] = pattern.findall(text)
        return found
    clusters: list[str] = []
    piece = 0
    for run in _INDICATOR_RUN_RE.finditer(text):
        for cut in range(run.start() + 2, run.end(), 2):
            clusters.extend(pattern.findall(text[piece:cut]))
            piece = cut
    clusters.extend(pattern.findall(text[piece:]))
    return clusters


def _nfc(text: str) -> str:
    if unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", text)


def _prepare(text: str) -> str:
    """NFC with every line break as "\\n"."""
    text = _nfc(text)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def _count_invisible(text: str) -> int:
    return len(_INVISIBLE_RE.findall(text))


def _is_blank(cluster: str, *, spaces: bool) -> bool:
    """Whether a cluster weighs nothing: invisible, or whitespace when spaces do not count."""
    if spaces:
        return all(c in _INVISIBLE for c in cluster)
    return all(c in _INVISIBLE or c.isspace() for c in cluster)


def _count_clusters(text: str, newline: int, *, spaces: bool) -> int:
    if not _needs_segmentation(text):
        # One code point is one cluster here, so per-code-point arithmetic is exact.
        if spaces:
            return len(text) - _count_invisible(text) + (newline - 1) * text.count("\n")
        return len("".join(text.split())) - _count_invisible(text)
    total = 0
    for cluster in _clusters(text):
        if cluster == "\n":  # a line feed is always a cluster of its own
            total += newline if spaces else 0
        elif not _is_blank(cluster, spaces=spaces):
            total += 1
    return total


def _count_chars(text: str, newline: int) -> int:
    return _count_clusters(text, newline, spaces=True)


def _count_chars_no_spaces(text: str, newline: int) -> int:
    return _count_clusters(text, newline, spaces=False)


def _count_bytes(text: str, newline: int) -> int:
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    total = len(text) + non_ascii + (newline - 1) * text.count("\n")
    return total - 2 * _count_invisible(text)  # every invisible character is non-ASCII


def _count_bytes_utf8(text: str, newline: int) -> int:
    total = len(text.encode("utf-8", "surrogatepass")) + (newline - 1) * text.count("\n")
    return total - sum(_INVISIBLE_UTF8[c] for c in _INVISIBLE_RE.findall(text))


def _count_neis(text: str, newline: int) -> int:
    del newline  # NEIS always stores a line break as CRLF
    return len(text.encode("utf-8", "surrogatepass")) + text.count("\n")


def _count_words(text: str, newline: int) -> int:
    del newline
    return sum(1 for token in text.split() if any(c.isalnum() for c in token))


_COUNTERS: dict[CountMode, Callable[[str, int], int]] = {
    "chars": _count_chars,
    "chars-no-spaces": _count_chars_no_spaces,
    "bytes": _count_bytes,
    "bytes-utf8": _count_bytes_utf8,
    "neis": _count_neis,
    "words": _count_words,
}


def count(text: str, mode: CountMode = "chars", *, newline: int = 1) -> int:
    """Length of `text` in `mode`, a line break weighing `newline` (see the module docstring)."""
    counter = _COUNTERS.get(mode)
    if counter is None:
        raise ValueError(f"unknown count mode {mode!r}; expected one of {', '.join(COUNT_MODES)}")
    if newline not in (0, 1, 2):
        raise ValueError(f"newline weight must be 0, 1 or 2, not {newline!r}")
    return _counted(text, mode, newline)


@lru_cache(maxsize=1024)
def _counted(text: str, mode: CountMode, newline: int) -> int:
    """`count` after its checks. Cached: the score, stub-answer, over-limit and under-filled
    each count the same answer, and a string keeps its hash, so a repeat costs a lookup."""
    return _COUNTERS[mode](_prepare(text), newline)


def count_graphemes(text: str) -> int:
    """Extended grapheme clusters (UAX #29) in the NFC form of `text`; "\\r\\n" is one.

    Unlike ``count(text)`` nothing is weighted: spaces, line breaks and invisible characters
    are one cluster each.
    """
    text = _nfc(text)
    if _needs_segmentation(text):
        return len(_clusters(text))
    return len(text) - text.count("\r\n")

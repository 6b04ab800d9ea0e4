"""The default output: each finding's concise line, then its source line with carets under it.

```
essay.md:16:55: EL301 known-typo '아떠한' → '어떠한' [지원 동기]
   |
16 | … 아떠한 …
   |   ^^^^^^
```

Carets are placed by terminal display width, not by code points: Hangul and other East Asian
wide or fullwidth characters take 2 columns, combining marks, format characters and the vowel
and final jamo of a decomposed (NFD) syllable take 0, tabs are expanded to the next multiple of
`TAB_SIZE`, and control characters are shown as one-column control pictures (so a file cannot
drive the terminal). Ambiguous-width characters (`…`, `·`) count 1, as in most terminals.
A finding without a span of its own (a whole question: end equal to start) gets one caret at
its column; a span running past its line is underlined to the end of the line. Lines wider than
`MAX_WIDTH` are cut around the span and marked with `…`.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import lru_cache
from itertools import accumulate
from typing import TextIO

from essaylint.base.patterns import compile_pattern
from essaylint.linting.results import FileResult, Finding
from essaylint.reporters import concise
from essaylint.reporters.concise import BOLD, COLORS, paint

TAB_SIZE = 4
MAX_WIDTH = 120  # display columns of source shown, ellipses included
CONTEXT = 40  # display columns kept left of the span when a long line is cut
ELLIPSIS = "…"
_ZERO_WIDTH_CATEGORIES = frozenset({"Mn", "Me", "Cf"})
_GUTTER = "\033[34m"
# Lines of only printable ASCII (1 column each) and precomposed Hangul syllables (2 each): no
# tabs, controls or zero-width marks, so every character is its own cluster.
_SIMPLE_LINE = compile_pattern("[\x20-\x7e\uac00-\ud7a3]*")
_SYLLABLE = compile_pattern("[\uac00-\ud7a3]")
_SIMPLE_WIDTHS = bytes.maketrans(bytes(range(0x20, 0x7F)) + b"\x02", b"\x01" * 0x5F + b"\x02")


@lru_cache(maxsize=4096)
def char_width(char: str) -> int:
    """Terminal columns of one code point (tabs and control characters are handled apart)."""
    if unicodedata.combining(char) or unicodedata.category(char) in _ZERO_WIDTH_CATEGORIES:
        return 0
    if "\u1160" <= char <= "\u11ff" or "\ud7b0" <= char <= "\ud7ff":
        return 0  # conjoining vowel or final jamo: drawn inside the syllable its initial starts
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def _shown(char: str, column: int) -> tuple[str, int]:
    """What is printed for `char` at display `column`, and its width."""
    if char == "\t":
        width = TAB_SIZE - column % TAB_SIZE
        return " " * width, width
    return _shown_fixed(char)


@lru_cache(maxsize=4096)
def _shown_fixed(char: str) -> tuple[str, int]:
    """`_shown` for any character but a tab, whose output does not depend on the column."""
    if unicodedata.category(char) in ("Cc", "Zl", "Zp"):
        code = ord(char)
        picture = chr(0x2400 + code) if code < 0x20 else "\u2421" if code == 0x7F else "\ufffd"
        return picture, 1
    return char, char_width(char)


def _clusters(line: str) -> tuple[list[tuple[str, int, int]], list[int]]:
    """(shown text, width, display column) per cluster, and each code point's cluster index.

    A zero-width code point joins the cluster before it, so a cut never separates a syllable
    from its decomposed jamo or a letter from its combining mark. A cluster's text is joined
    once it is complete: adding to it mark by mark would copy it again for every mark.
    """
    clusters: list[tuple[str, int, int]] = []
    owner: list[int] = []
    pieces: list[str] = []  # shown text of the cluster being built (index len(clusters))
    cluster_width = cluster_column = column = 0
    for char in line:
        shown, width = _shown(char, column) if char == "\t" else _shown_fixed(char)
        if width == 0 and pieces:
            pieces.append(shown)
        else:
            if pieces:
                clusters.append(("".join(pieces), cluster_width, cluster_column))
            pieces = [shown]
            cluster_width, cluster_column = width, column
        owner.append(len(clusters))
        column += width
    if pieces:
        clusters.append(("".join(pieces), cluster_width, cluster_column))
    return clusters, owner


class _ClusterLayout:
    """A line's clusters with their start and end columns, made once per line."""

    __slots__ = ("clusters", "ends", "owner", "starts", "total")

    def __init__(self, line: str) -> None:
        self.clusters, self.owner = _clusters(line)
        self.starts = [at for _, _, at in self.clusters]
        self.ends = [at + width for _, width, at in self.clusters]
        self.total = self.ends[-1] if self.ends else 0


def _columns(line: str) -> list[int]:
    """Where each character of a `_SIMPLE_LINE` starts, and its total width last."""
    # Widths in C: syllables to 2, printable ASCII to 1.
    widths = _SYLLABLE.sub("\x02", line).encode("ascii").translate(_SIMPLE_WIDTHS)
    return list(accumulate(widths, initial=0))


@lru_cache(maxsize=8)
def _layout(line: str) -> _ClusterLayout | list[int]:
    """What an excerpt of `line` needs, made once however many findings the line has: its
    `_columns` for a `_SIMPLE_LINE`, else its clusters. Remade for every finding, 10,000
    findings on a 100,000-character line would each walk the whole line."""
    if _SIMPLE_LINE.fullmatch(line):
        return _columns(line)
    return _ClusterLayout(line)


def excerpt(line: str, start: int, end: int | None) -> tuple[str, int, int]:
    """The source line as shown, the caret row's indent and its caret count.

    `start` and `end` are 0-based code-point offsets, `end` exclusive; None means no span (one
    caret at `start`).
    """
    if isinstance(_layout(line), list):
        return _simple_excerpt(line, start, end)
    return _cluster_excerpt(line, start, end)


def _cluster_excerpt(line: str, start: int, end: int | None) -> tuple[str, int, int]:
    """`excerpt` for any line, cluster by cluster."""
    layout = _layout(line)
    if not isinstance(layout, _ClusterLayout):
        layout = _ClusterLayout(line)
    clusters, owner, total = layout.clusters, layout.owner, layout.total

    def column_of(offset: int) -> int:
        if offset >= len(line):
            return total
        return clusters[owner[offset]][2]

    first = column_of(max(start, 0))
    if end is None or end <= start:
        carets = 1
    else:
        last = min(end, len(line)) - 1
        _, width, at = clusters[owner[last]] if last >= 0 else ("", 0, 0)
        carets = max(1, at + width - first)
    if total <= MAX_WIDTH:
        return "".join(text for text, _, _ in clusters), first, carets

    budget = MAX_WIDTH - 2 * len(ELLIPSIS)
    low = 0 if first + min(carets, budget) <= budget else first - CONTEXT
    low = max(0, min(low, total - budget))
    high = low + budget
    # Kept: the clusters starting at or after `low` and ending at or before `high` (both
    # columns only grow along the line, so that is one slice).
    kept = clusters[bisect_left(layout.starts, low) : bisect_right(layout.ends, high)]
    left = kept[0][2] if kept else low
    right = kept[-1][2] + kept[-1][1] if kept else low
    cut_left = left > 0
    cut_right = right < total
    shown = (ELLIPSIS if cut_left else "") + "".join(t for t, _, _ in kept)
    shown += ELLIPSIS if cut_right else ""
    indent = first - left + (1 if cut_left else 0)
    carets = max(1, min(first + carets, right) - first)
    return shown, indent, carets


def _simple_excerpt(line: str, start: int, end: int | None) -> tuple[str, int, int]:
    """`excerpt` for a `_SIMPLE_LINE`, where every character is its own cluster: the same
    arithmetic on a list of columns, without a tuple per character (the hot path on warm runs)."""
    layout = _layout(line)
    columns = layout if isinstance(layout, list) else _columns(line)
    size = len(line)
    total = columns[size]
    first = columns[min(max(start, 0), size)]
    if end is None or end <= start:
        carets = 1
    else:
        last = min(end, size) - 1
        carets = max(1, (columns[last + 1] if last >= 0 else 0) - first)
    if total <= MAX_WIDTH:
        return line, first, carets

    budget = MAX_WIDTH - 2 * len(ELLIPSIS)
    low = 0 if first + min(carets, budget) <= budget else first - CONTEXT
    low = max(0, min(low, total - budget))
    high = low + budget
    # Kept: the characters starting at or after `low` and ending at or before `high`.
    begin = bisect_left(columns, low, 0, size)
    stop = bisect_right(columns, high) - 1
    if stop > begin:
        left, right = columns[begin], columns[stop]
    else:
        left = right = low
        begin = stop = 0
    cut_left = left > 0
    cut_right = right < total
    shown = (ELLIPSIS if cut_left else "") + line[begin:stop] + (ELLIPSIS if cut_right else "")
    indent = first - left + (1 if cut_left else 0)
    carets = max(1, min(first + carets, right) - first)
    return shown, indent, carets


def _span(finding: Finding, line: str) -> tuple[int, int | None]:
    start = finding.col - 1
    if finding.end_line == finding.line and finding.end_col > finding.col:
        return start, finding.end_col - 1
    if finding.end_line > finding.line and finding.end_col > 0:
        return start, len(line)  # runs on past this line: underline to its end
    return start, None


def snippet(finding: Finding, lines: Sequence[str], *, color: bool = False) -> list[str]:
    """The gutter, source and caret rows for one finding; none when its line is unknown."""
    if not 1 <= finding.line <= len(lines):
        return []
    line = lines[finding.line - 1]
    start, end = _span(finding, line)
    shown, indent, carets = excerpt(line, start, end)
    number = str(finding.line)
    gutter = paint(" " * len(number) + " |", BOLD + _GUTTER, color)
    source = paint(f"{number} |", BOLD + _GUTTER, color) + (f" {shown}" if shown else "")
    marks = paint("^" * carets, BOLD + COLORS[finding.severity], color)
    return [gutter, source, f"{gutter} {' ' * indent}{marks}"]


def render(
    results: Sequence[FileResult],
    out: TextIO,
    *,
    color: bool = False,
    strict: bool = False,
    unsafe_fixes: bool = False,
) -> None:
    concise.render(
        results,
        out,
        color=color,
        unsafe_fixes=unsafe_fixes,
        below=lambda finding, result: snippet(finding, result.lines, color=color),
    )

"""The coverage matrix as text: rows are answered questions, columns values, `✓` where the
answer references the value, and a last row counting the answers per value.

Widths are display columns (East Asian Wide and Fullwidth characters, i.e. Hangul and CJK, take
two), so the columns line up in a terminal. Value names become the column headers when they fit
in `width`; otherwise the columns are numbered and a legend (`1 신뢰  2 충돌 …`) follows. Long
question titles are cut with `..`. Pure function: no colour, no printing.
"""

from __future__ import annotations

import unicodedata

from essaylint.values.coverage import Coverage

MARK = "✓"
EMPTY = "-"
TOTAL = "합계"
QUESTION = "질문"
_MIN_TITLE = 8
_MAX_TITLE = 30
_MAX_HEADER = 14


def display_width(text: str) -> int:
    """Terminal columns: 2 for East Asian Wide/Fullwidth, 0 for combining marks, else 1."""
    width = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in "WF" else 1
    return width


def truncate(text: str, width: int) -> str:
    """`text` cut to at most `width` columns, ending in `..` when cut."""
    if display_width(text) <= width:
        return text
    if width <= 2:
        return "." * max(width, 0)
    out: list[str] = []
    used = 0
    for ch in text:
        w = display_width(ch)
        if used + w > width - 2:
            break
        out.append(ch)
        used += w
    return "".join(out).rstrip() + ".."


def pad(text: str, width: int, align: str = "<") -> str:
    gap = max(width - display_width(text), 0)
    if align == ">":
        return " " * gap + text
    if align == "^":
        left = gap // 2
        return " " * left + text + " " * (gap - left)
    return text + " " * gap


def _table(
    titles: list[str],
    headers: list[str],
    marks: list[list[bool]],
    counts: list[int],
    title_width: int,
) -> list[str]:
    widths = [max(display_width(h), len(str(c)), 1) for h, c in zip(headers, counts, strict=True)]
    head = [pad(h, w, "^") for h, w in zip(headers, widths, strict=True)]
    lines = ["  ".join([pad(QUESTION, title_width), *head]).rstrip()]
    for title, row in zip(titles, marks, strict=True):
        cells = [pad(MARK if m else EMPTY, w, "^") for m, w in zip(row, widths, strict=True)]
        lines.append("  ".join([pad(truncate(title, title_width), title_width), *cells]).rstrip())
    total = [pad(str(c), w, "^") for c, w in zip(counts, widths, strict=True)]
    lines.append("  ".join([pad(TOTAL, title_width), *total]).rstrip())
    return lines


def render_coverage(coverage: Coverage, width: int = 80) -> list[str]:
    """The matrix as lines no wider than `width` columns (when at all possible)."""
    values = list(coverage.values)
    if not values:
        return []
    titles = list(coverage.coverage)
    counts_by_value = {v: sum(1 for t in titles if v in coverage.coverage[t]) for v in values}
    longest = max((display_width(t) for t in titles), default=0)
    title_width = max(min(longest, _MAX_TITLE), display_width(QUESTION), display_width(TOTAL))

    def marks_for(chosen: list[str]) -> list[list[bool]]:
        return [[v in coverage.coverage[t] for v in chosen] for t in titles]

    def columns_width(headers: list[str], tw: int) -> int:
        widths = [max(display_width(h), 1) for h in headers]
        return tw + sum(w + 2 for w in widths)

    named = [truncate(v, _MAX_HEADER) for v in values]
    for tw in (title_width, max(_MIN_TITLE, min(title_width, 16))):
        if columns_width(named, tw) <= width:
            counts = [counts_by_value[v] for v in values]
            return _table(titles, named, marks_for(values), counts, tw)

    # Numbered columns, in as many blocks as the width needs, then a legend.
    tw = max(_MIN_TITLE, min(title_width, width // 3))
    per_block = max(1, (width - tw) // (len(str(len(values))) + 2))
    lines: list[str] = []
    for start in range(0, len(values), per_block):
        chosen = values[start : start + per_block]
        headers = [str(start + i + 1) for i in range(len(chosen))]
        if lines:
            lines.append("")
        lines.extend(
            _table(titles, headers, marks_for(chosen), [counts_by_value[v] for v in chosen], tw)
        )
    lines.append("")
    legend: list[str] = []
    current = ""
    for number, value in enumerate(values, 1):
        item = f"{number} {value}"
        candidate = f"{current}  {item}" if current else item
        if current and display_width(candidate) > width:
            legend.append(current)
            current = item
        else:
            current = candidate
    if current:
        legend.append(current)
    lines.extend(legend)
    return lines

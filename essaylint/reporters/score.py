"""`essaylint score`: one line per document, and with --details every question's state.

The details show a fill bar per question, `████████░░  82%` against its limit, `██████████▶ 132%`
past it (red with colour); without colour the characters alone say the same. Columns are
aligned in display width (Hangul takes two columns), so the rows line up in a terminal.

After the questions comes the 인재상 matrix, headed by the target company and where it was read
(`인재상 반영 (카카오, text):` front-matter, title, config or text), then `근거:` with, per
question, the answer's words that referenced each value (`리더십 ← 주도적`).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TextIO

from essaylint.linting.results import FileResult, SectionReport
from essaylint.reading.counting import MODE_UNITS
from essaylint.reporters.printable import printable
from essaylint.values.matrix import display_width, pad

STATE_LABELS = {
    "complete": "완료",
    "under-filled": "부족",
    "empty": "비어 있음",
    "stub": "미완성",
    "placeholder": "템플릿 문구",
    "over-limit": "초과",
}
_GREEN, _YELLOW, _RED = "\033[32m", "\033[33m", "\033[31m"
_STATE_COLORS = {
    "complete": _GREEN,
    "under-filled": _YELLOW,
    "empty": _RED,
    "stub": _YELLOW,
    "placeholder": _RED,
    "over-limit": _RED,
}
_DIM = "\033[2m"
_RESET = "\033[0m"
BAR_WIDTH = 10
FULL, EMPTY, OVER = "█", "░", "▶"
_BAR_COLUMNS = BAR_WIDTH + 6  # bar, the over mark, a space, "100%"


def percent(count: int, limit: int) -> int:
    """Whole percent of the limit, never rounding across 100: 999/1000 is 99%, 1001/1000 101%."""
    ratio = 100 * count / limit
    return math.ceil(ratio) if ratio > 100 else math.floor(ratio)


def fill_bar(
    count: int, limit: int | None, width: int = BAR_WIDTH, *, color: str | None = None
) -> str:
    """`████████░░  82%`; over the limit the bar is full and followed by `▶` (`██████████▶ 132%`).

    `color` is the ANSI colour of the filled part; over the limit the whole bar is red.
    Empty when there is no limit.
    """
    if not limit:
        return ""
    cells = min(width, count * width // limit)
    over = count > limit
    filled, rest = FULL * cells, EMPTY * (width - cells)
    mark = OVER if over else " "
    if color is not None:
        paint = _RED if over else color
        filled = f"{paint}{filled}{_RESET}" if filled else ""
        rest = f"{_DIM}{rest}{_RESET}" if rest else ""
        mark = f"{_RED}{mark}{_RESET}" if over else mark
    return f"{filled}{rest}{mark}{percent(count, limit):>4}%"


def _count_text(report: SectionReport) -> str:
    unit = MODE_UNITS.get(report.mode, "자")  # type: ignore[call-overload]
    count = report.count or 0
    if report.limit is None:
        return f"{count:,}{unit}"
    source = f", {report.limit_source}" if report.limit_source else ""
    return f"{count:,}/{report.limit:,}{unit} ({report.mode or 'chars'}{source})"


def render(results: Sequence[FileResult], out: TextIO, *, details: bool, color: bool) -> None:
    for result in results:
        if result.error is not None:
            continue
        if not result.questions:
            out.write(f"{printable(result.path)}: 질문 없음 (no questions found)\n")
        else:
            out.write(
                f"{printable(result.path)}: {result.score:.0f}% 완성 "
                f"({result.complete}/{result.questions} complete, {result.answered} answered)\n"
            )
        if not details:
            continue
        questions = [r for r in result.sections if r.kind == "question" and r.state is not None]
        counts = [_count_text(r) for r in questions]
        count_width = max((display_width(c) for c in counts), default=0)
        labels = [STATE_LABELS.get(r.state or "", r.state or "") for r in questions]
        state_width = max((display_width(label) for label in labels), default=0)
        # A document with questions outside headings names each question's style.
        styled = any(r.style != "heading" for r in questions)
        style_width = max((len(r.style) for r in questions), default=0) if styled else 0
        for report, count_text, state_label in zip(questions, counts, labels, strict=True):
            state = report.state or ""
            tint = _STATE_COLORS.get(state, "") if color else None
            label = pad(state_label, state_width)
            if tint:
                label = f"{tint}{label}{_RESET}"
            bar = fill_bar(report.count or 0, report.limit, color=tint)
            bar += " " * (_BAR_COLUMNS - display_width(fill_bar(report.count or 0, report.limit)))
            style = f"{report.style:<{style_width}}  " if styled else ""
            out.write(
                f"  {report.line:>5}  {label}  {bar}  {pad(count_text, count_width)}  "
                f"{style}{printable(report.title)}\n"
            )
        _render_coverage(result, out)


def _render_coverage(result: FileResult, out: TextIO) -> None:
    """The values matrix: answered questions by company values, a mark where one is referenced."""
    coverage = result.coverage
    if coverage is None or not coverage.values:
        return
    from essaylint.values import render_coverage

    company = ""
    if coverage.company:
        source = f", {coverage.company_source}" if coverage.company_source else ""
        company = f" ({coverage.company}{source})"
    out.write(f"  인재상 반영{printable(company)}:\n")
    for line in render_coverage(coverage, 100):
        out.write(f"    {printable(line)}\n")  # question titles and values from the file
    # Why each mark is there: the answer's words that matched, so the writer can judge them.
    matched = [row for row in coverage.rows if row.matched]
    if matched:
        out.write("    근거:\n")
    for row in matched:
        why = " · ".join(f"{v} ← {', '.join(words)}" for v, words in row.matched.items())
        out.write(f"      {printable(row.title)}: {printable(why)}\n")

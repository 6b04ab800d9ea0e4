"""`essaylint score`: one line per document, and with --details every question's state."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import TextIO

from essaylint.counting import MODE_UNITS
from essaylint.results import FileResult, SectionReport

_STATE_LABELS = {
    "complete": "완료",
    "under-filled": "부족",
    "empty": "비어 있음",
    "stub": "미완성",
    "placeholder": "템플릿 문구",
    "over-limit": "초과",
}
_STATE_COLORS = {
    "complete": "\033[32m",
    "under-filled": "\033[33m",
    "empty": "\033[31m",
    "stub": "\033[33m",
    "placeholder": "\033[31m",
    "over-limit": "\033[31m",
}
_RESET = "\033[0m"
BAR_WIDTH = 20


def fill_bar(count: int, limit: int | None, width: int = BAR_WIDTH) -> str:
    """`[########----]` for count against limit; past 100% the overflow shows as `!`."""
    if not limit:
        return ""
    ratio = count / limit
    filled = min(width, round(ratio * width))
    bar = "#" * filled + "-" * (width - filled)
    if ratio > 1:
        bar = bar[:-1] + "!"
    return f"[{bar}] {ratio:4.0%}"


def display_width(text: str) -> int:
    """Terminal columns: Hangul and other wide characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def pad(text: str, width: int) -> str:
    return text + " " * max(0, width - display_width(text))


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
        out.write(
            f"{result.path}: {result.score:.0f}% 완성 "
            f"({result.complete}/{result.questions} complete, {result.answered} answered)\n"
        )
        if not details:
            continue
        for report in result.sections:
            if report.kind != "question" or report.state is None:
                continue
            state = pad(_STATE_LABELS.get(report.state, report.state), 11)
            if color:
                state = f"{_STATE_COLORS.get(report.state, '')}{state}{_RESET}"
            bar = fill_bar(report.count or 0, report.limit)
            out.write(
                f"  {report.line:>5}  {state} {bar:<29} {_count_text(report)}  {report.title}\n"
            )
        _render_coverage(result, out)


def _render_coverage(result: FileResult, out: TextIO) -> None:
    """The values matrix: answered questions by company values, a mark where one is referenced."""
    coverage = result.coverage
    if coverage is None or not coverage.values:
        return
    from essaylint.values import render_coverage

    company = f" ({coverage.company})" if coverage.company else ""
    out.write(f"  인재상 반영{company}:\n")
    for line in render_coverage(coverage, 100):
        out.write(f"    {line}\n")

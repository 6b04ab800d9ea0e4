"""Human-readable output: `path:line:col: CODE name message [question]`, then a summary."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from essaylint.results import FileResult
from essaylint.score import completeness

_COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_BOLD = "\033[1m"
_DIM = "\033[2m"
_RESET = "\033[0m"


def _paint(text: str, style: str, color: bool) -> str:
    return f"{style}{text}{_RESET}" if color else text


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def summary_line(results: Sequence[FileResult]) -> str:
    checked = [r for r in results if r.error is None]
    findings = [f for r in checked for f in r.findings]
    errors = sum(1 for f in findings if f.severity == "error")
    warnings = sum(1 for f in findings if f.severity == "warning")
    infos = sum(1 for f in findings if f.severity == "info")
    questions = sum(r.questions for r in checked)
    complete = sum(r.complete for r in checked)
    parts = [_plural(errors, "error"), _plural(warnings, "warning")]
    if infos:
        parts.append(_plural(infos, "info"))
    failed = len(results) - len(checked)
    where = _plural(len(checked), "file")
    if failed:
        where += f" ({failed} not readable)"
    score = f"{completeness(complete, questions):.0f}%"
    tally = f"{complete}/{questions} questions complete"
    return f"{', '.join(parts)} in {where} · 완성도 {score} ({tally})"


def render(results: Sequence[FileResult], out: TextIO, *, color: bool) -> None:
    for result in results:
        if result.error is not None:
            continue
        for note in result.notes:
            out.write(f"{result.path}: note: {note}\n")
        for finding in result.findings:
            code = _paint(finding.code, _BOLD + _COLORS[finding.severity], color)
            where = _paint(f"{finding.path}:{finding.line}:{finding.col}:", _BOLD, color)
            section = (
                f" {_paint('[' + finding.section + ']', _DIM, color)}" if finding.section else ""
            )
            out.write(f"{where} {code} {finding.name} {finding.message}{section}\n")
    out.write(summary_line(results) + "\n")

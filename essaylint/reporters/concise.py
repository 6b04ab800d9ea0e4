"""One line per finding, `path:line:col: CODE name message [question]`, then a summary.

The format of `--format text` before source excerpts were added: kept for scripts and CI logs
that grep it, and the header line of every finding in `text`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TextIO

from essaylint.printable import printable
from essaylint.results import FileResult, Finding
from essaylint.score import completeness

COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
BOLD = "\033[1m"
DIM = "\033[2m"
RESET = "\033[0m"


def paint(text: str, style: str, color: bool) -> str:
    return f"{style}{text}{RESET}" if color else text


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def is_fixable(finding: Finding, unsafe_fixes: bool = False) -> bool:
    """Whether `--fix` (with `--unsafe-fixes` if given) would apply this finding's fix."""
    return finding.fix is not None and (finding.fix.safe or unsafe_fixes)


def _fixable_note(findings: Sequence[Finding], unsafe_fixes: bool) -> str:
    offered = [f for f in findings if f.fix is not None]
    shown = sum(1 for f in offered if is_fixable(f, unsafe_fixes))
    hidden = len(offered) - shown
    if shown and hidden:
        return f" · {shown} fixable with --fix ({hidden} more with --unsafe-fixes)"
    if shown:
        return f" · {shown} fixable with --fix"
    if hidden:
        return f" · {hidden} fixable with --fix --unsafe-fixes"
    return ""


def summary_line(results: Sequence[FileResult], *, unsafe_fixes: bool = False) -> str:
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
    fixable = _fixable_note(findings, unsafe_fixes)
    if not questions and checked:
        # Notes, tips or a finished free-form essay: nothing to score, not a perfect score.
        return f"{', '.join(parts)} in {where} · 질문 없음 (no questions found){fixable}"
    score = f"{completeness(complete, questions):.0f}%"
    tally = f"{complete}/{questions} questions complete"
    return f"{', '.join(parts)} in {where} · 완성도 {score} ({tally}){fixable}"


def finding_line(finding: Finding, *, color: bool = False, fixable: bool = False) -> str:
    """`fixable` adds ruff's `[*]` after the code: `--fix` would fix this one."""
    code = paint(finding.code, BOLD + COLORS[finding.severity], color)
    code += " [*]" if fixable else ""
    where = paint(f"{printable(finding.path)}:{finding.line}:{finding.col}:", BOLD, color)
    label = printable(finding.section)
    section = f" {paint('[' + label + ']', DIM, color)}" if finding.section else ""
    return f"{where} {code} {finding.name} {printable(finding.message)}{section}"


def render(
    results: Sequence[FileResult],
    out: TextIO,
    *,
    color: bool = False,
    strict: bool = False,
    unsafe_fixes: bool = False,
    below: Callable[[Finding, FileResult], list[str]] | None = None,
) -> None:
    """`below` gives rows to print under each finding's line (`text` adds the source excerpt)."""
    for result in results:
        if result.error is not None:
            continue
        for note in result.notes:
            out.write(f"{printable(result.path)}: note: {printable(note)}\n")
        for finding in result.findings:
            fixable = is_fixable(finding, unsafe_fixes)
            out.write(finding_line(finding, color=color, fixable=fixable) + "\n")
            rows = below(finding, result) if below is not None else []
            if rows:
                out.write("\n".join(rows) + "\n\n")
    out.write(summary_line(results, unsafe_fixes=unsafe_fixes) + "\n")

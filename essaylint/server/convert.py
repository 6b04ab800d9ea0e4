"""Results in essaylint's terms (1-based lines, code-point columns) to LSP objects.

LSP positions are 0-based lines and, unless the client chose otherwise at `initialize`,
UTF-16 columns: a code point outside the BMP (an emoji) is two units there and one in a
finding. `Lines` converts with the text the result was computed from.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from lsprotocol import types as lsp

from essaylint.api import FileResult, Finding, SectionReport
from essaylint.reading.counting import MODE_LABELS, MODE_UNITS
from essaylint.reporters.score import STATE_LABELS, percent

SOURCE = "essaylint"
REPOSITORY = "https://github.com/essaylint/essaylint"
SEVERITIES = {
    "error": lsp.DiagnosticSeverity.Error,
    "warning": lsp.DiagnosticSeverity.Warning,
    "info": lsp.DiagnosticSeverity.Information,
}
LIMIT_SOURCES = {
    "comment": "a comment in the answer",
    "heading": "the question's title",
    "title": "the question's title",
    "front-matter": "the front matter",
    "config": "the config's limits",
    "default": "default_limit in the config",
}


class Lines:
    """The lines of one text, for converting columns. `units` counts a string in the client's
    position encoding (pygls' codec: UTF-16 unless negotiated); None counts code points."""

    def __init__(self, lines: Sequence[str], units: Callable[[str], int] | None = None) -> None:
        self.lines = lines
        self.units = units

    def column(self, line: int, col: int) -> int:
        """0-based client column of 1-based code-point `col` on 1-based `line`."""
        if line < 1 or line > len(self.lines):
            return max(col - 1, 0)
        text = self.lines[line - 1][: max(col - 1, 0)]
        if self.units is None or text.isascii():
            return len(text)
        return self.units(text)

    def position(self, line: int, col: int) -> lsp.Position:
        return lsp.Position(line=max(line - 1, 0), character=self.column(line, col))

    def end_of(self, line: int) -> lsp.Position:
        """The end of 1-based `line` (its length in client units)."""
        size = len(self.lines[line - 1]) + 1 if 1 <= line <= len(self.lines) else 1
        return self.position(line, size)

    def code_point(self, line: int, character: int) -> int:
        """1-based code-point column of a 0-based client column on 1-based `line`."""
        if not 1 <= line <= len(self.lines):
            return character + 1
        text = self.lines[line - 1]
        if self.units is None or text.isascii():
            return min(character, len(text)) + 1
        used = 0
        for index, char in enumerate(text):
            if used >= character:
                return index + 1
            used += self.units(char)
        return len(text) + 1


def finding_range(finding: Finding, lines: Lines) -> lsp.Range:
    """The finding's own span; a finding without one covers the rest of its line."""
    start = lines.position(finding.line, finding.col)
    if finding.end_line and (finding.end_line, finding.end_col) > (finding.line, finding.col):
        end = lines.position(finding.end_line, finding.end_col)
    else:
        end = lines.end_of(finding.line)
        if (end.line, end.character) <= (start.line, start.character):
            end = lsp.Position(line=start.line, character=start.character + 1)
    return lsp.Range(start=start, end=end)


def rule_link(code: str, modules: dict[str, str]) -> lsp.CodeDescription | None:
    """The rule's documentation (its module's docstring) for built-in rules."""
    module = modules.get(code)
    if module is None:
        return None
    return lsp.CodeDescription(href=f"{REPOSITORY}/blob/main/essaylint/plugins/{module}.py")


def diagnostic(
    finding: Finding,
    lines: Lines,
    uri: str,
    sections: dict[str, SectionReport],
    modules: dict[str, str],
) -> lsp.Diagnostic:
    """One finding: its code with a link to the rule's docs, the question path, and as
    related information the question's heading (where the answer it judges starts)."""
    message = finding.message
    if finding.suggestion:
        message += f"\n{finding.suggestion}"
    if finding.section:
        message += f"\n[{finding.section}]"
    related: list[lsp.DiagnosticRelatedInformation] = []
    heading = sections.get(finding.section)
    if heading is not None and heading.line != finding.line:
        related.append(
            lsp.DiagnosticRelatedInformation(
                location=lsp.Location(
                    uri=uri,
                    range=lsp.Range(
                        start=lines.position(heading.line, 1), end=lines.end_of(heading.line)
                    ),
                ),
                message=f"질문: {heading.title}",
            )
        )
    return lsp.Diagnostic(
        range=finding_range(finding, lines),
        message=message,
        severity=SEVERITIES.get(finding.severity, lsp.DiagnosticSeverity.Warning),
        code=finding.code,
        code_description=rule_link(finding.code, modules),
        source=SOURCE,
        related_information=related or None,
        data={"name": finding.name, "section": finding.section},
    )


def diagnostics(
    result: FileResult, findings: Sequence[Finding], lines: Lines, uri: str, modules: dict[str, str]
) -> list[lsp.Diagnostic]:
    sections = {s.path: s for s in result.sections}
    found = [diagnostic(f, lines, uri, sections, modules) for f in findings]
    if result.error is not None:
        found.insert(0, error_diagnostic(result.error))
    return found


def error_diagnostic(message: str, code: str = "error") -> lsp.Diagnostic:
    """A problem with the whole document (a broken config, a crashing rule): line 1."""
    return lsp.Diagnostic(
        range=lsp.Range(
            start=lsp.Position(line=0, character=0), end=lsp.Position(line=0, character=1)
        ),
        message=f"essaylint: {message}",
        severity=lsp.DiagnosticSeverity.Error,
        code=code,
        source=SOURCE,
    )


def questions(result: FileResult) -> list[SectionReport]:
    return [s for s in result.sections if s.kind == "question" and s.state is not None]


def count_label(report: SectionReport) -> str:
    """`523/1,000자 · 52%` in the question's mode; `312자` without a limit."""
    unit = MODE_UNITS.get(report.mode or "chars", "자")  # type: ignore[call-overload]
    count = report.count or 0
    if report.limit is None:
        return f"{count:,}{unit}"
    return f"{count:,}/{report.limit:,}{unit} · {percent(count, report.limit)}%"


def completeness_label(result: FileResult) -> str:
    """`완성도 64% · 7/11`."""
    return f"완성도 {result.score:.0f}% · {result.complete}/{result.questions}"


def inlay_hints(result: FileResult, lines: Lines) -> list[lsp.InlayHint]:
    """A count at the end of each question's line; completeness after the first one's."""
    hints: list[lsp.InlayHint] = []
    for index, report in enumerate(questions(result)):
        label = count_label(report)
        if index == 0:
            label += f" · {completeness_label(result)}"
        hints.append(
            lsp.InlayHint(
                position=lines.end_of(report.line),
                label=label,
                padding_left=True,
                tooltip=state_line(report),
            )
        )
    return hints


def code_lenses(result: FileResult, lines: Lines) -> list[lsp.CodeLens]:
    """The same counts above each question, for clients without inlay hints."""
    lenses: list[lsp.CodeLens] = []
    for index, report in enumerate(questions(result)):
        title = count_label(report)
        if index == 0:
            title = f"{completeness_label(result)} · {title}"
        title += f" · {STATE_LABELS.get(report.state or '', report.state or '')}"
        place = lines.position(report.line, 1)
        lenses.append(
            lsp.CodeLens(
                range=lsp.Range(start=place, end=place),
                command=lsp.Command(title=title, command=""),
            )
        )
    return lenses


def state_line(report: SectionReport) -> str:
    state = report.state or ""
    return f"{STATE_LABELS.get(state, state)} ({state})"


def heading_hover(report: SectionReport, counts: dict[str, int]) -> str:
    """Markdown for a question: every count, the limit and where it comes from, the state."""
    mode = report.mode or "chars"
    rows = ["| | |", "| --- | ---: |"]
    for name, value in counts.items():
        korean, english = MODE_LABELS.get(name, (name, name))  # type: ignore[call-overload]
        unit = MODE_UNITS.get(name, "")  # type: ignore[call-overload]
        mark = " ◀" if name == mode else ""
        rows.append(f"| {korean} ({english}, `{name}`){mark} | {value:,}{unit} |")
    parts = [f"**{report.title}**", "", *rows, ""]
    if report.limit is not None:
        unit = MODE_UNITS.get(mode, "자")  # type: ignore[call-overload]
        bounds = f"{report.min:,}–{report.limit:,}" if report.min else f"{report.limit:,}"
        source = LIMIT_SOURCES.get(report.limit_source or "", report.limit_source or "unknown")
        parts.append(
            f"제한 {bounds}{unit} (`{mode}`), from {source}: "
            f"{report.count or 0:,}/{report.limit:,} · {percent(report.count or 0, report.limit)}%"
        )
    else:
        parts.append("제한 없음 (no limit found for this question)")
    parts += ["", f"상태: {state_line(report)}"]
    if report.path and report.path != report.title:
        parts += ["", f"`{report.path}`"]
    return "\n".join(parts)


def symbols(result: FileResult, lines: Lines) -> list[lsp.DocumentSymbol]:
    """Groups and questions as a tree, by heading level; a question's state in its detail."""
    roots: list[lsp.DocumentSymbol] = []
    stack: list[tuple[int, lsp.DocumentSymbol]] = []
    reports = [s for s in result.sections if s.kind in ("question", "group")]
    last = max(len(lines.lines), 1)
    for index, report in enumerate(reports):
        following = reports[index + 1 :]
        end_line = next((r.line - 1 for r in following if r.level <= report.level), last)
        end_line = max(end_line, report.line)
        head = lsp.Range(start=lines.position(report.line, 1), end=lines.end_of(report.line))
        whole = lsp.Range(start=head.start, end=lines.end_of(end_line))
        detail = None
        if report.kind == "question":
            detail = f"{count_label(report)} · {STATE_LABELS.get(report.state or '', '')}"
        symbol = lsp.DocumentSymbol(
            name=report.title or "(제목 없음)",
            detail=detail,
            kind=lsp.SymbolKind.Namespace if report.kind == "group" else lsp.SymbolKind.String,
            range=whole,
            selection_range=head,
            children=[],
        )
        while stack and stack[-1][0] >= report.level:
            stack.pop()
        if stack:
            parent = stack[-1][1]
            if parent.children is not None:
                parent.children.append(symbol)
        else:
            roots.append(symbol)
        stack.append((report.level, symbol))
    return roots

"""JSON output: a documented, versioned API (additive changes only; `version` bumps otherwise).

```json
{"version": 1,
 "files": [{"path", "score", "questions", "answered", "complete", "encoding", "error", "notes",
            "findings": [{"code", "rule", "severity", "line", "column", "end_line",
                          "end_column", "message", "section", "suggestion", "fix"}],
            (fix: null or {"line", "column", "end_line", "end_column", "text", "safe"}, plus
             "also": [further edits of the same fix, the same six keys] when it has any)
            "sections": [{"title", "line", "level", "kind", "state", "count", "limit", "min",
                          "mode", "limit_source", "path", "style", "alt_titles"}],
            "company", "company_source", "values": [{"name", "origin", "statement"}],
            "coverage": {question: [value]}, "matched": {question: {value: [word]}}}],
 "summary": {"files", "errors", "warnings", "infos", "questions", "complete", "score"}}
```

`company_source` says where the target company was read: `front-matter`, `title`, `config` or
`text` (the answers' application phrases); null without a company. A value's `statement` is the
line of the document's values section it came from (null for other origins). `matched` gives,
per question and per value it references, the answer's words that matched (`{"리더십":
["주도적"]}`), so a reader can judge each match.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TextIO

from pydantic import BaseModel, SerializerFunctionWrapHandler, model_serializer

from essaylint.plugin import Edit
from essaylint.printable import json_text
from essaylint.results import FileResult, Finding, SectionReport
from essaylint.score import completeness

VERSION = 1


class EditModel(BaseModel):
    line: int
    column: int
    end_line: int
    end_column: int
    text: str
    safe: bool


class FixModel(EditModel):
    # More edits of the same fix (the same word elsewhere in the file), applied with this one;
    # left out of the output when there are none.
    also: list[EditModel] = []

    @model_serializer(mode="wrap")
    def _leave_out_empty_also(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        data: dict[str, Any] = handler(self)
        if not data.get("also"):
            data.pop("also", None)
        return data


class FindingModel(BaseModel):
    code: str
    rule: str
    severity: str
    line: int
    column: int
    end_line: int
    end_column: int
    message: str
    section: str
    suggestion: str | None = None
    fix: FixModel | None = None


class SectionModel(BaseModel):
    title: str
    line: int
    level: int
    kind: str
    state: str | None
    count: int | None
    limit: int | None
    min: int | None
    mode: str | None
    limit_source: str | None
    path: str
    style: str
    alt_titles: list[str]


class ValueModel(BaseModel):
    name: str
    origin: str
    statement: str | None = None


class FileModel(BaseModel):
    path: str
    score: float | None
    questions: int
    answered: int
    complete: int
    encoding: str
    error: str | None
    notes: list[str]
    findings: list[FindingModel]
    sections: list[SectionModel]
    company: str | None = None
    company_source: str | None = None
    values: list[ValueModel] = []
    coverage: dict[str, list[str]] = {}
    matched: dict[str, dict[str, list[str]]] = {}


class SummaryModel(BaseModel):
    files: int
    errors: int
    warnings: int
    infos: int
    questions: int
    complete: int
    score: float


class ReportModel(BaseModel):
    version: int = VERSION
    files: list[FileModel]
    summary: SummaryModel


def _finding(f: Finding) -> FindingModel:
    fix = None
    if f.fix is not None:
        fix = FixModel(**_edit(f.fix).model_dump(), also=[_edit(e) for e in f.fix_also])
    return FindingModel(
        code=f.code,
        rule=f.name,
        severity=f.severity,
        line=f.line,
        column=f.col,
        end_line=f.end_line,
        end_column=f.end_col,
        message=f.message,
        section=f.section,
        suggestion=f.suggestion,
        fix=fix,
    )


def _edit(edit: Edit) -> EditModel:
    return EditModel(
        line=edit.line,
        column=edit.col,
        end_line=edit.end_line,
        end_column=edit.end_col,
        text=edit.text,
        safe=edit.safe,
    )


def _section(s: SectionReport) -> SectionModel:
    return SectionModel(
        title=s.title,
        line=s.line,
        level=s.level,
        kind=s.kind,
        state=s.state,
        count=s.count,
        limit=s.limit,
        min=s.min,
        mode=s.mode,
        limit_source=s.limit_source,
        path=s.path,
        style=s.style,
        alt_titles=list(s.alt_titles),
    )


def build_report(results: Sequence[FileResult]) -> ReportModel:
    files = [
        FileModel(
            path=r.path,
            score=r.score if r.error is None else None,
            questions=r.questions,
            answered=r.answered,
            complete=r.complete,
            encoding=r.encoding,
            error=r.error,
            notes=list(r.notes),
            findings=[_finding(f) for f in r.findings],
            sections=[_section(s) for s in r.sections],
            **(r.coverage.to_json() if r.coverage is not None else {}),
        )
        for r in results
    ]
    findings = [f for r in results for f in r.findings]
    questions = sum(r.questions for r in results)
    complete = sum(r.complete for r in results)
    summary = SummaryModel(
        files=len(results),
        errors=sum(1 for f in findings if f.severity == "error"),
        warnings=sum(1 for f in findings if f.severity == "warning"),
        infos=sum(1 for f in findings if f.severity == "info"),
        questions=questions,
        complete=complete,
        score=round(completeness(complete, questions), 1),
    )
    return ReportModel(files=files, summary=summary)


def render(
    results: Sequence[FileResult], out: TextIO, *, color: bool = False, strict: bool = False
) -> None:
    out.write(json_text(build_report(results).model_dump_json(indent=2)))
    out.write("\n")

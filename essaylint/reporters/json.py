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

import json
from collections.abc import Sequence
from typing import Any, TextIO

from essaylint.linting.plugin import Edit
from essaylint.linting.results import FileResult, Finding, SectionReport
from essaylint.linting.score import completeness
from essaylint.reporters.printable import json_text

VERSION = 1
# The values keys of a file, in the report's order, with what a file without values shows;
# a value's own keys. (The shape is `reporters.json_schema`'s models, written without pydantic,
# whose import and model building cost a one-file run ~0.1 s.)
FILE_VALUES: tuple[tuple[str, Any], ...] = (
    ("company", None),
    ("company_source", None),
    ("values", []),
    ("coverage", {}),
    ("matched", {}),
)
VALUE_KEYS = ("name", "origin", "statement")


def _edit(edit: Edit) -> dict[str, Any]:
    return {
        "line": edit.line,
        "column": edit.col,
        "end_line": edit.end_line,
        "end_column": edit.end_col,
        "text": edit.text,
        "safe": edit.safe,
    }


def _finding(f: Finding) -> dict[str, Any]:
    fix = None
    if f.fix is not None:
        fix = _edit(f.fix)
        if f.fix_also:
            fix["also"] = [_edit(e) for e in f.fix_also]
    return {
        "code": f.code,
        "rule": f.name,
        "severity": f.severity,
        "line": f.line,
        "column": f.col,
        "end_line": f.end_line,
        "end_column": f.end_col,
        "message": f.message,
        "section": f.section,
        "suggestion": f.suggestion,
        "fix": fix,
    }


def _section(s: SectionReport) -> dict[str, Any]:
    return {
        "title": s.title,
        "line": s.line,
        "level": s.level,
        "kind": s.kind,
        "state": s.state,
        "count": s.count,
        "limit": s.limit,
        "min": s.min,
        "mode": s.mode,
        "limit_source": s.limit_source,
        "path": s.path,
        "style": s.style,
        "alt_titles": list(s.alt_titles),
    }


def _values(result: FileResult) -> dict[str, Any]:
    given = result.coverage.to_json() if result.coverage is not None else {}
    out = {key: given.get(key, default) for key, default in FILE_VALUES}
    out["values"] = [{key: value[key] for key in VALUE_KEYS} for value in out["values"]]
    return out


def _file(r: FileResult) -> dict[str, Any]:
    return {
        "path": r.path,
        "score": r.score if r.error is None else None,
        "questions": r.questions,
        "answered": r.answered,
        "complete": r.complete,
        "encoding": r.encoding,
        "error": r.error,
        "notes": list(r.notes),
        "findings": [_finding(f) for f in r.findings],
        "sections": [_section(s) for s in r.sections],
        **_values(r),
    }


def report_data(results: Sequence[FileResult]) -> dict[str, Any]:
    """The whole report as plain data, in the documented key order."""
    findings = [f for r in results for f in r.findings]
    questions = sum(r.questions for r in results)
    complete = sum(r.complete for r in results)
    return {
        "version": VERSION,
        "files": [_file(r) for r in results],
        "summary": {
            "files": len(results),
            "errors": sum(1 for f in findings if f.severity == "error"),
            "warnings": sum(1 for f in findings if f.severity == "warning"),
            "infos": sum(1 for f in findings if f.severity == "info"),
            "questions": questions,
            "complete": complete,
            "score": round(completeness(complete, questions), 1),
        },
    }


def render(
    results: Sequence[FileResult], out: TextIO, *, color: bool = False, strict: bool = False
) -> None:
    out.write(json_text(json.dumps(report_data(results), ensure_ascii=False, indent=2)))
    out.write("\n")

"""JSON Lines: one object per finding per line, for `jq`, `grep` and line-by-line streaming.

Each line is `{"path", "line", "col", "end_line", "end_col", "code", "name", "severity",
"message", "section", "suggestion", "fix"}` (`fix`: null or `{"line", "col", "end_line",
"end_col", "text", "safe"}`, plus `"also"` when the fix has further edits of the same word
elsewhere: a list of objects with the same six keys, applied together with it); a file that
could not be checked is `{"path", "error"}`. There is no summary line: the line count is the
finding count (plus unreadable files).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, TextIO

from essaylint.plugin import Edit
from essaylint.printable import json_text
from essaylint.results import FileResult, Finding


def _edit(edit: Edit) -> dict[str, Any]:
    return {
        "line": edit.line,
        "col": edit.col,
        "end_line": edit.end_line,
        "end_col": edit.end_col,
        "text": edit.text,
        "safe": edit.safe,
    }


def finding_object(finding: Finding) -> dict[str, Any]:
    fix = finding.fix
    return {
        "path": finding.path,
        "line": finding.line,
        "col": finding.col,
        "end_line": finding.end_line,
        "end_col": finding.end_col,
        "code": finding.code,
        "name": finding.name,
        "severity": finding.severity,
        "message": finding.message,
        "section": finding.section,
        "suggestion": finding.suggestion,
        "fix": None if fix is None else _fix(fix, finding.fix_also),
    }


def _fix(fix: Edit, also: tuple[Edit, ...]) -> dict[str, Any]:
    if not also:
        return _edit(fix)
    return {**_edit(fix), "also": [_edit(edit) for edit in also]}


def render(
    results: Sequence[FileResult], out: TextIO, *, color: bool = False, strict: bool = False
) -> None:
    for result in results:
        if result.error is not None:
            objects: list[dict[str, Any]] = [{"path": result.path, "error": result.error}]
        else:
            objects = [finding_object(f) for f in result.findings]
        for item in objects:
            out.write(json_text(json.dumps(item, ensure_ascii=False)) + "\n")

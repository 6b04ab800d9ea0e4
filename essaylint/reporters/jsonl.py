"""JSON Lines: one object per finding per line, for `jq`, `grep` and line-by-line streaming.

Each line is `{"path", "line", "col", "end_line", "end_col", "code", "name", "severity",
"message", "section", "suggestion", "fix"}` (`fix`: null or `{"line", "col", "end_line",
"end_col", "text", "safe"}`); a file that could not be checked is `{"path", "error"}`. There is
no summary line: the line count is the finding count (plus unreadable files).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, TextIO

from essaylint.printable import json_text
from essaylint.results import FileResult, Finding


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
        "fix": None
        if fix is None
        else {
            "line": fix.line,
            "col": fix.col,
            "end_line": fix.end_line,
            "end_col": fix.end_col,
            "text": fix.text,
            "safe": fix.safe,
        },
    }


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

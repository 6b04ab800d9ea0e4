"""Output formats: one module per format, each with `render(results, out, *, color, strict)`.

Reporters only write finished results: they never filter, sort or pick exit codes. Only the
module asked for is imported, so `--format text` never loads pydantic or xml.
"""

from __future__ import annotations

from collections.abc import Sequence
from importlib import import_module
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from essaylint.linting.results import FileResult

FORMATS = ("text", "concise", "json", "jsonl", "github", "sarif", "junit")
MARKS_FIXES = ("text", "concise")  # formats that mark fixable findings (`[*]`)
# Formats that print each section's report (`FileResult.sections`); `-j` workers send the
# reports back only for these (`score` and `report` always want them).
WITH_SECTIONS = ("json", "junit")


def render(
    name: str,
    results: Sequence[FileResult],
    out: TextIO,
    *,
    color: bool = False,
    strict: bool = False,
    unsafe_fixes: bool = False,
) -> None:
    """Write `results` to `out` in format `name`; `strict` tells formats that show pass/fail
    (junit) that warnings fail too."""
    if name not in FORMATS:
        raise ValueError(f"unknown format '{name}' (one of {', '.join(FORMATS)})")
    module = import_module(f"essaylint.reporters.{name}")
    results = [decodable(r) for r in results]
    if unsafe_fixes and name in MARKS_FIXES:  # unsafe fixes count as fixable in the marks
        module.render(results, out, color=color, strict=strict, unsafe_fixes=True)
        return
    module.render(results, out, color=color, strict=strict)


def decodable(result: FileResult) -> FileResult:
    """The result with a path every format can encode: a file name that is not UTF-8 keeps its
    bytes as lone surrogates, which JSON, XML and terminals refuse."""
    from dataclasses import replace

    from essaylint.reporters.printable import decodable_path

    path = decodable_path(result.path)
    if path == result.path:
        return result
    findings = [replace(f, path=decodable_path(f.path)) for f in result.findings]
    return replace(result, path=path, findings=findings)

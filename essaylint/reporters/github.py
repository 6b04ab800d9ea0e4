"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request.

`::error file=essay.md,line=16,col=55,endLine=16,endColumn=58,title=EL301 known-typo::message`
with error → `error`, warning → `warning`, info → `notice`. Columns are 1-based code points and
`endColumn` is exclusive, as in every other format; `endLine`/`endColumn` are left out for a
finding about a whole question (its end equals its start). The question path follows the message
in brackets, as in `text`. Notes become `::notice file=…::`, unreadable files `::error file=…::`.

Escaping follows the runner's rules: in the message `%`, CR and LF become `%25`, `%0D`, `%0A`;
in property values `:` and `,` become `%3A` and `%2C` as well. Every other control character
(and U+2028/U+2029) is shown as `text` output shows it (reporters.printable: ESC as `␛`): the
runner has no escape for them, and the log viewer would run a raw ESC sequence.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TextIO

from essaylint.linting.results import FileResult, Finding
from essaylint.reporters.printable import printable

LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return printable(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _path(path: str) -> str:
    return path.replace(os.sep, "/")


def command(level: str, message: str, **properties: str | int) -> str:
    """One workflow command line; properties keep their given order."""
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    head = f"::{level} {props}" if props else f"::{level}"
    return f"{head}::{escape_data(message)}"


def finding_command(finding: Finding) -> str:
    where: dict[str, str | int] = {
        "file": _path(finding.path),
        "line": finding.line,
        "col": finding.col,
    }
    if finding.end_line > 0 and (finding.end_line, finding.end_col) > (finding.line, finding.col):
        where["endLine"] = finding.end_line
        where["endColumn"] = finding.end_col
    where["title"] = f"{finding.code} {finding.name}"
    message = f"{finding.message} [{finding.section}]" if finding.section else finding.message
    return command(LEVELS[finding.severity], message, **where)


def render(
    results: Sequence[FileResult], out: TextIO, *, color: bool = False, strict: bool = False
) -> None:
    for result in results:
        if result.error is not None:
            out.write(command("error", result.error, file=_path(result.path)) + "\n")
            continue
        for note in result.notes:
            out.write(command("notice", note, file=_path(result.path)) + "\n")
        for finding in result.findings:
            out.write(finding_command(finding) + "\n")

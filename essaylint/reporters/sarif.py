"""SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

One run. `tool.driver.rules` lists every installed rule (on by default or not), so `ruleIndex`
is stable for a given set of plugins; descriptions come from the rule's summary and docstring.
Results carry their question path in the message (and in `properties.section`), a region, and
for a safe fix a `fixes` entry with the replacement.

Columns: 1-based, counted in Unicode code points of the original line, the unit of every
essaylint column (a decomposed NFD syllable is 2-3 code points; a character outside the BMP is
1, where UTF-16 would count 2). SARIF's default and GitHub's assumption is UTF-16 code units, so
the run says `"columnKind": "unicodeCodePoints"`. `endColumn` is exclusive, as in SARIF.

Paths become relative URIs with forward slashes against `%SRCROOT%` (the directory essaylint
ran in; GitHub reads them as relative to the repository root), percent-encoded; a file outside
it gets an absolute `file:` URI. Unreadable files and notes are `toolExecutionNotifications`.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path, PurePath
from typing import Any, TextIO
from urllib.parse import quote

from essaylint import __version__
from essaylint.explain import describe
from essaylint.plugin import Rule
from essaylint.printable import json_text
from essaylint.registry import is_builtin, load_rules
from essaylint.results import FileResult, Finding

SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
INFORMATION_URI = "https://github.com/essaylint/essaylint"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
SRCROOT = "%SRCROOT%"


def artifact_location(path: str) -> dict[str, str]:
    """A relative URI against %SRCROOT% when possible, else an absolute file URI."""
    candidate = Path(path)
    if candidate.is_absolute():
        try:
            candidate = candidate.relative_to(Path.cwd())
        except ValueError:
            return {"uri": candidate.as_uri()}
    relative = PurePath(os.path.normpath(candidate)).as_posix()
    return {"uri": quote(relative, safe="/"), "uriBaseId": SRCROOT}


def _first_paragraph(rule: Rule) -> str:
    paragraph = rule.doc.split("\n\n", 1)[0].strip()
    prefix = f"{rule.code} {rule.name}:"
    paragraph = paragraph.removeprefix(prefix).strip()
    return " ".join(paragraph.split()) or rule.summary or rule.name


def rule_descriptor(rule: Rule) -> dict[str, Any]:
    help_text = describe(rule)
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary or rule.name},
        "fullDescription": {"text": _first_paragraph(rule)},
        "help": {"text": help_text, "markdown": help_text},
        "defaultConfiguration": {
            "enabled": rule.default_enabled and is_builtin(rule),
            "level": LEVELS[rule.severity],
        },
        "properties": {"tags": list(dict.fromkeys(rule.tags))},
    }


def _has_span(finding: Finding) -> bool:
    return finding.end_line > 0 and (finding.end_line, finding.end_col) > (
        finding.line,
        finding.col,
    )


def _region(finding: Finding) -> dict[str, int]:
    region = {"startLine": finding.line, "startColumn": max(1, finding.col)}
    if _has_span(finding):
        region["endLine"] = finding.end_line
        region["endColumn"] = max(1, finding.end_col)
    return region


def _result(finding: Finding, rule_index: int) -> dict[str, Any]:
    location = artifact_location(finding.path)
    text = f"{finding.message} [{finding.section}]" if finding.section else finding.message
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "ruleIndex": rule_index,
        "level": LEVELS[finding.severity],
        "message": {"text": text},
        "locations": [
            {"physicalLocation": {"artifactLocation": location, "region": _region(finding)}}
        ],
    }
    fix = finding.fix
    if fix is not None and fix.safe:
        replacements = [
            {
                "deletedRegion": {
                    "startLine": edit.line,
                    "startColumn": edit.col,
                    "endLine": edit.end_line,
                    "endColumn": edit.end_col,
                },
                "insertedContent": {"text": edit.text},
            }
            for edit in (fix, *finding.fix_also)
        ]
        change = {"artifactLocation": location, "replacements": replacements}
        description = {"text": f"→ '{fix.text}'"}
        result["fixes"] = [{"description": description, "artifactChanges": [change]}]
    properties = {"section": finding.section}
    if finding.suggestion is not None:
        properties["suggestion"] = finding.suggestion
    result["properties"] = properties
    return result


def _notification(level: str, text: str, path: str) -> dict[str, Any]:
    location = {"physicalLocation": {"artifactLocation": artifact_location(path)}}
    return {"level": level, "message": {"text": text}, "locations": [location]}


def build_log(results: Sequence[FileResult]) -> dict[str, Any]:
    installed = load_rules()
    rules = [rule_descriptor(rule) for rule in installed.values()]
    index = {rule["id"]: i for i, rule in enumerate(rules)}
    sarif_results: list[dict[str, Any]] = []
    notifications: list[dict[str, Any]] = []
    for file in results:
        if file.error is not None:
            notifications.append(_notification("error", file.error, file.path))
            continue
        notifications += [_notification("note", note, file.path) for note in file.notes]
        for finding in file.findings:
            if finding.code not in index:  # not from an installed plugin: describe it briefly
                index[finding.code] = len(rules)
                rules.append({"id": finding.code, "name": finding.name})
            sarif_results.append(_result(finding, index[finding.code]))
    invocation: dict[str, Any] = {"executionSuccessful": all(r.error is None for r in results)}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    driver = {
        "name": "essaylint",
        "version": __version__,
        "informationUri": INFORMATION_URI,
        "rules": rules,
    }
    run = {
        "tool": {"driver": driver},
        "invocations": [invocation],
        "columnKind": "unicodeCodePoints",
        "results": sarif_results,
    }
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def render(
    results: Sequence[FileResult], out: TextIO, *, color: bool = False, strict: bool = False
) -> None:
    out.write(json_text(json.dumps(build_log(results), ensure_ascii=False, indent=2)) + "\n")

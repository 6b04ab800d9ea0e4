"""JUnit XML, for CI systems that show test reports (GitLab, Jenkins, Azure, GitHub actions).

`<testsuites>` > one `<testsuite>` per file (name = path) > one `<testcase>` per question
(name = question title, classname = path), plus one `(outside questions)` testcase per file for
findings not inside any question (a reference section, the preamble, the whole document).

A finding that fails the run is a `<failure type="CODE" message="name: message">` whose text is
its concise line: errors always, warnings when strict (`--strict` or the file's config), as the
exit code decides. Every other finding is a concise line in the testcase's `<system-out>`, so a
report never hides one. A testcase may hold several failures (Jenkins and GitLab show them all).
A file that could not be checked is a suite with one `<error>` testcase. The completeness score
is a `<property>` of each suite.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence
from typing import TextIO

from essaylint.base.patterns import compile_pattern
from essaylint.linting.results import FileResult, Finding, SectionReport
from essaylint.reporters.concise import finding_line
from essaylint.reporters.printable import printable

OUTSIDE = "(outside questions)"
# Characters XML 1.0 cannot hold even escaped (a stray form feed in an essay): shown as U+FFFD.
_NOT_XML = compile_pattern("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _text(value: str) -> str:
    """A title, path or message for an attribute or text: what XML cannot hold as U+FFFD, the
    control characters it can (DEL, C1, line separators) shown as `text` shows them."""
    return printable(_NOT_XML.sub("\ufffd", value))


def _owner(finding: Finding, questions: Sequence[SectionReport]) -> int | None:
    """Index of the question a finding belongs to: its section path is the question's path or
    below it; among equal paths (a duplicate question) the last one starting at or above it."""
    best: int | None = None
    for index, question in enumerate(questions):
        path = question.path
        inside = finding.section == path or finding.section.startswith(path + " > ")
        if not inside:
            continue
        if best is None or question.line <= finding.line:
            best = index
    return best


def _testcase(
    suite: ET.Element, name: str, path: str, findings: Sequence[Finding], failing: set[str]
) -> tuple[int, int]:
    case = ET.SubElement(suite, "testcase", name=name, classname=path)
    failures = 0
    quiet: list[str] = []
    for finding in findings:
        if finding.severity in failing:
            failures += 1
            message = _text(f"{finding.name}: {finding.message}")
            failure = ET.SubElement(case, "failure", type=finding.code, message=message)
            failure.text = finding_line(finding)
        else:
            quiet.append(finding_line(finding))
    if quiet:
        ET.SubElement(case, "system-out").text = "\n".join(quiet)
    return 1, failures


def _suite(root: ET.Element, result: FileResult, strict: bool) -> tuple[int, int, int]:
    path = _text(result.path)
    suite = ET.SubElement(root, "testsuite", name=path)
    if result.error is not None:
        error = _text(result.error)
        case = ET.SubElement(suite, "testcase", name="(file)", classname=path)
        ET.SubElement(case, "error", message=error).text = error
        suite.attrib.update(tests="1", failures="0", errors="1", skipped="0")
        return 1, 0, 1
    properties = ET.SubElement(suite, "properties")
    ET.SubElement(properties, "property", name="score", value=f"{result.score:.1f}")
    failing = {"error", "warning"} if (strict or result.strict) else {"error"}
    questions = [s for s in result.sections if s.kind == "question"]
    owned: list[list[Finding]] = [[] for _ in questions]
    outside: list[Finding] = []
    for finding in result.findings:
        index = _owner(finding, questions)
        (outside if index is None else owned[index]).append(finding)
    tests = failures = 0
    for question, findings in zip(questions, owned, strict=True):
        added, failed = _testcase(suite, _text(question.title), path, findings, failing)
        tests, failures = tests + added, failures + failed
    added, failed = _testcase(suite, OUTSIDE, path, outside, failing)
    tests, failures = tests + added, failures + failed
    if result.notes:
        notes = [f"{path}: note: {_text(note)}" for note in result.notes]
        ET.SubElement(suite, "system-out").text = "\n".join(notes)
    suite.attrib.update(tests=str(tests), failures=str(failures), errors="0", skipped="0")
    return tests, failures, 0


def render(
    results: Sequence[FileResult], out: TextIO, *, color: bool = False, strict: bool = False
) -> None:
    root = ET.Element("testsuites", name="essaylint")
    tests = failures = errors = 0
    for result in results:
        added, failed, broken = _suite(root, result, strict)
        tests, failures, errors = tests + added, failures + failed, errors + broken
    root.attrib.update(tests=str(tests), failures=str(failures), errors=str(errors))
    ET.indent(root)
    xml = _NOT_XML.sub("\ufffd", ET.tostring(root, encoding="unicode"))
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(xml + "\n")

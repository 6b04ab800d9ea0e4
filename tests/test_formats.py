"""Every `--format`: exact lines where the format is a contract (github, concise, jsonl), the
official SARIF 2.1.0 schema, well-formed JUnit XML, and carets placed by display width.

The fixture essay is stored decomposed (NFD, as macOS writes it), mixes Hangul with ASCII, and
has `:`, `,` and `%` in its heading and a `,` in its file name, so escaping and columns are
exercised on real output.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import subprocess
import sys
import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from helpers import essaylint

from essaylint.config import ConfigFinder
from essaylint.registry import load_rules
from essaylint.reporters import FORMATS, render
from essaylint.reporters.text import char_width, excerpt
from essaylint.results import FileResult
from essaylint.runner import lint_paths

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = "examples/kakao-application.md"
SCHEMA = json.loads((ROOT / "tests" / "schemas" / "sarif-schema-2.1.0.json").read_text("utf-8"))

# Line 2, in NFD code points: 저(2)는(3) ␠ G i t , ␠ D o c k e r 를(3) ␠ 다(2)루(2)며(2) ␠ 팀(3)장(3) ␠
# = 35 code points before 역활, so it starts at column 36; 역(3)활(3) ends before column 42.
# On screen the same prefix is 31 columns wide (Hangul 2, ASCII 1, jamo vowels and finals 0).
ESSAY = unicodedata.normalize(
    "NFD",
    "## 1. 지원 동기: Git, 50% (200자)\n"
    "저는 Git, Docker를 다루며 팀장 역활을 맡았습니다. 50% 이상: 100% 완료\n"
    "\n"
    "## 2. 입사 후 포부\n",
)
ESSAY_PATH = "지원서/essay,v2.md"
QUIET = ("--ignore", "model")  # no kiwipiepy rules: they flag nothing here and take seconds to load

GITHUB = [
    "::warning file=지원서/essay%2Cv2.md,line=1,col=1,title=EL102 stub-answer::"
    "미완성 답변: 49자: 최소 50자보다 짧음 [1. 지원 동기: Git, 50%25 (200자)]",
    "::error file=지원서/essay%2Cv2.md,line=2,col=36,endLine=2,endColumn=42,"
    "title=EL301 known-typo::'역활' → '역할' [1. 지원 동기: Git, 50%25 (200자)]",
    "::error file=지원서/essay%2Cv2.md,line=4,col=1,title=EL101 empty-answer::"
    "답변이 비어 있음 [2. 입사 후 포부]",
]
CONCISE = [
    "지원서/essay,v2.md:1:1: EL102 stub-answer 미완성 답변: 49자: 최소 50자보다 짧음 "
    "[1. 지원 동기: Git, 50% (200자)]",
    "지원서/essay,v2.md:2:36: EL301 [*] known-typo '역활' → '역할' [1. 지원 동기: Git, 50% (200자)]",
    "지원서/essay,v2.md:4:1: EL101 empty-answer 답변이 비어 있음 [2. 입사 후 포부]",
    "2 errors, 1 warning in 1 file · 완성도 0% (0/2 questions complete) · 1 fixable with --fix",
]


def lint(paths: Sequence[str], cwd: Path, overrides: dict[str, Any] | None = None) -> list[Any]:
    with contextlib.chdir(cwd):
        return lint_paths(paths, ConfigFinder(), overrides or {})


def output(name: str, results: Sequence[FileResult], *, strict: bool = False) -> str:
    buffer = io.StringIO()
    render(name, results, buffer, strict=strict)
    return buffer.getvalue()


@pytest.fixture
def project(tmp_path: Path) -> Path:
    essay = tmp_path / ESSAY_PATH
    essay.parent.mkdir()
    essay.write_text(ESSAY, encoding="utf-8")
    return tmp_path


@pytest.fixture
def results(project: Path) -> list[FileResult]:
    return lint([ESSAY_PATH, "missing.md"], project, {"ignore": ("model",)})


@pytest.fixture(scope="module")
def example() -> list[FileResult]:
    """The bundled example with the default rules, linted once for this module."""
    return lint([EXAMPLE], ROOT)


# --- github -----------------------------------------------------------------------------------


def test_github_commands_exactly(project: Path) -> None:
    done = essaylint("--format", "github", *QUIET, "지원서", cwd=project)
    assert done.returncode == 1
    assert done.stdout.splitlines() == GITHUB


def test_github_file_error_and_escaping(results: list[FileResult]) -> None:
    lines = output("github", results).splitlines()
    assert lines[0] == "::error file=missing.md::file not found"
    assert lines[1:] == GITHUB


def test_github_escapes_data_and_properties() -> None:
    from essaylint.reporters.github import command

    line = command("notice", "50%\r\nnext: a, b", file="a:b,c%.md", line=3)
    assert line == "::notice file=a%3Ab%2Cc%25.md,line=3::50%25%0D%0Anext: a, b"


# --- concise and text -------------------------------------------------------------------------


def test_concise_is_one_line_per_finding(project: Path) -> None:
    done = essaylint("--format", "concise", *QUIET, ESSAY_PATH, cwd=project)
    assert done.returncode == 1
    assert done.stdout.splitlines() == CONCISE


def test_text_shows_the_source_line_with_carets_under_the_span(project: Path) -> None:
    done = essaylint(*QUIET, ESSAY_PATH, cwd=project)
    assert done.returncode == 1
    source = ESSAY.split("\n")
    assert done.stdout.splitlines() == [
        CONCISE[0],
        "  |",
        f"1 | {source[0]}",
        "  | ^",  # a finding about the whole question: one caret at its column
        "",
        CONCISE[1],
        "  |",
        f"2 | {source[1]}",
        "  | " + " " * 31 + "^^^^",  # 31 columns of text before 역활, which is 4 columns wide
        "",
        CONCISE[2],
        "  |",
        f"4 | {source[3]}",
        "  | ^",
        "",
        CONCISE[3],
    ]


def test_text_is_concise_plus_excerpts(example: list[FileResult]) -> None:
    text = output("text", example).splitlines()
    concise = output("concise", example).splitlines()
    headers = [line for line in text if line.startswith(EXAMPLE) or " in 1 file " in line]
    assert headers == concise
    assert len(text) == len(concise) + 4 * (len(concise) - 1)  # 3 rows and a blank per finding


def test_caret_columns_match_display_width_nfc_and_nfd() -> None:
    line = "저는 Git, Docker를 다루며 팀장 역활을 맡았습니다."
    start = line.index("역활")
    nfc = excerpt(line, start, start + 2)
    decomposed = unicodedata.normalize("NFD", line)
    nfd_start = len(unicodedata.normalize("NFD", line[:start]))
    nfd = excerpt(decomposed, nfd_start, nfd_start + 6)
    assert nfc == (line, 31, 4)
    assert nfd == (decomposed, 31, 4)


def test_char_width() -> None:
    assert [char_width(c) for c in "a가Ａ\u3000"] == [1, 2, 2, 2]  # ASCII, Hangul, fullwidth
    assert [char_width(c) for c in "\u1100\u1161\u11a8"] == [2, 0, 0]  # NFD 각: one wide cell
    assert [char_width(c) for c in "\u0301\u200b\u200d\ufe0f"] == [0, 0, 0, 0]


def test_tabs_are_expanded_and_controls_shown_as_pictures() -> None:
    shown, indent, carets = excerpt("\t가나\t다 x\x1b", 4, 5)
    assert shown == "    가나    다 x\u241b"
    assert (indent, carets) == (12, 2)


def test_long_lines_are_cut_around_the_span() -> None:
    line = "가" * 100 + " 역활을 " + "나" * 100
    start = line.index("역활")
    shown, indent, carets = excerpt(line, start, start + 2)
    assert shown.startswith("…") and shown.endswith("…")
    assert sum(char_width(c) for c in shown) <= 120
    # The carets sit under 역활: the text before them is `indent` columns wide.
    before = shown[: shown.index("역활")]
    assert sum(char_width(c) for c in before) == indent
    assert carets == 4


def test_span_past_the_end_of_the_line_gets_one_caret_after_it() -> None:
    assert excerpt("가나", 2, None) == ("가나", 4, 1)


# --- jsonl ------------------------------------------------------------------------------------


def test_jsonl_one_object_per_finding(example: list[FileResult]) -> None:
    lines = output("jsonl", example).splitlines()
    findings = [f for r in example for f in r.findings]
    assert len(lines) == len(findings) == 12
    objects = [json.loads(line) for line in lines]
    assert [o["code"] for o in objects] == [f.code for f in findings]
    assert objects[0] == {
        "path": EXAMPLE,
        "line": 16,
        "col": 55,
        "end_line": 16,
        "end_col": 58,
        "code": "EL301",
        "name": "known-typo",
        "severity": "error",
        "message": "'아떠한' → '어떠한'",
        "section": "카카오 2026 신입 백엔드 개발자 자기소개서 > 카카오에 지원한 이유 (1000자)",
        "suggestion": "어떠한",
        "fix": {
            "line": 16,
            "col": 55,
            "end_line": 16,
            "end_col": 58,
            "text": "어떠한",
            "safe": True,
        },
    }


def test_jsonl_file_error_is_an_object(results: list[FileResult]) -> None:
    lines = output("jsonl", results).splitlines()
    assert json.loads(lines[0]) == {"path": "missing.md", "error": "file not found"}
    assert [json.loads(line)["col"] for line in lines[1:]] == [1, 36, 1]


# --- sarif ------------------------------------------------------------------------------------


def _validate(log: dict[str, Any]) -> None:
    validator = jsonschema.Draft4Validator(
        SCHEMA, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER
    )
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(log)]
    assert errors == []


def test_schema_is_the_official_one() -> None:
    assert SCHEMA["id"] == (
        "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    )
    assert SCHEMA["title"] == "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema"


def test_sarif_example_validates_and_indexes_rules(example: list[FileResult]) -> None:
    log = json.loads(output("sarif", example))
    _validate(log)
    (run,) = log["runs"]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == list(load_rules())  # every installed rule, in code order
    assert len(run["results"]) == 12
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    typo = rules[[r["id"] for r in rules].index("EL301")]
    assert typo["name"] == "known-typo"
    assert typo["defaultConfiguration"] == {"enabled": True, "level": "error"}
    assert typo["properties"]["tags"] == ["spelling"]
    assert typo["help"]["text"].startswith("EL301 known-typo (default severity: error")
    spacing = rules[[r["id"] for r in rules].index("EL303")]
    assert spacing["defaultConfiguration"] == {"enabled": True, "level": "warning"}
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["invocations"] == [{"executionSuccessful": True}]


def test_sarif_with_errors_validates(results: list[FileResult]) -> None:
    log = json.loads(output("sarif", results))
    _validate(log)
    (run,) = log["runs"]
    (invocation,) = run["invocations"]
    assert invocation["executionSuccessful"] is False
    (notification,) = invocation["toolExecutionNotifications"]
    assert notification["level"] == "error"
    assert notification["message"]["text"] == "file not found"
    levels = [(r["ruleId"], r["level"]) for r in run["results"]]
    assert levels == [("EL102", "warning"), ("EL301", "error"), ("EL101", "error")]
    typo = run["results"][1]
    (location,) = typo["locations"]
    physical = location["physicalLocation"]
    # Hangul is percent-encoded as UTF-8, and so is the comma.
    assert physical["artifactLocation"] == {
        "uri": "%EC%A7%80%EC%9B%90%EC%84%9C/essay%2Cv2.md",
        "uriBaseId": "%SRCROOT%",
    }
    # Code points of the NFD line (see ESSAY), not UTF-16 units or screen columns.
    assert physical["region"] == {"startLine": 2, "startColumn": 36, "endLine": 2, "endColumn": 42}
    assert typo["message"]["text"] == "'역활' → '역할' [1. 지원 동기: Git, 50% (200자)]"
    (fix,) = typo["fixes"]
    (change,) = fix["artifactChanges"]
    (replacement,) = change["replacements"]
    assert replacement == {
        "deletedRegion": {"startLine": 2, "startColumn": 36, "endLine": 2, "endColumn": 42},
        "insertedContent": {"text": "역할"},
    }
    whole = run["results"][2]["locations"][0]["physicalLocation"]["region"]
    assert whole == {"startLine": 4, "startColumn": 1}


# --- junit ------------------------------------------------------------------------------------


def _junit(results: Sequence[FileResult], strict: bool = False) -> ET.Element:
    return ET.fromstring(output("junit", results, strict=strict).encode("utf-8"))


def test_junit_example_counts(example: list[FileResult]) -> None:
    root = _junit(example)
    (suite,) = root.findall("testsuite")
    cases = suite.findall("testcase")
    failures = suite.findall("testcase/failure")
    assert suite.get("name") == EXAMPLE
    assert len(cases) == 11 + 1  # the 11 questions and the findings outside them
    assert {c.get("classname") for c in cases} == {EXAMPLE}
    assert cases[0].get("name") == "카카오에 지원한 이유 (1000자)"
    assert cases[-1].get("name") == "(outside questions)"
    assert [f.get("type") for f in failures] == [
        "EL301",
        "EL301",
        "EL301",
        "EL201",
        "EL101",
        "EL101",
    ]
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("12", "6", "0")
    assert (suite.get("tests"), suite.get("failures")) == ("12", "6")
    quiet = "\n".join(e.text or "" for e in suite.iter("system-out"))
    assert quiet.count(": EL401 ") == 4 and quiet.count(": EL102 ") == 1
    assert quiet.count(": EL402 ") == 1
    (score,) = suite.findall("properties/property")
    assert score.attrib == {"name": "score", "value": "63.6"}


def test_junit_strict_fails_warnings_and_file_errors_are_errors(
    results: list[FileResult],
) -> None:
    lenient, strict = _junit(results), _junit(results, strict=True)
    missing, essay = lenient.findall("testsuite")
    assert missing.get("name") == "missing.md"
    (error,) = missing.findall("testcase/error")
    assert error.get("message") == "file not found"
    assert [f.get("type") for f in essay.iter("failure")] == ["EL301", "EL101"]
    strict_essay = strict.findall("testsuite")[1]
    assert [f.get("type") for f in strict_essay.iter("failure")] == ["EL102", "EL301", "EL101"]
    assert (strict.get("tests"), strict.get("failures"), strict.get("errors")) == ("4", "3", "1")


def test_junit_strips_characters_xml_cannot_hold(tmp_path: Path) -> None:
    (tmp_path / "essay.md").write_text("## 지원\x0c동기\n", encoding="utf-8")
    root = _junit(lint(["essay.md"], tmp_path, {"ignore": ("model",)}))
    assert root.find("testsuite/testcase").get("name") == "지원\ufffd동기"  # type: ignore[union-attr]


# --- every format ------------------------------------------------------------------------------


@pytest.mark.parametrize("name", FORMATS)
def test_exit_code_does_not_depend_on_the_format(project: Path, name: str) -> None:
    failing = essaylint("--format", name, *QUIET, ESSAY_PATH, cwd=project)
    assert failing.returncode == 1, failing.stderr
    broken = essaylint("--format", name, *QUIET, "missing.md", cwd=project)
    assert broken.returncode == 2
    assert broken.stderr == "essaylint: missing.md: file not found\n"


def test_unknown_format_is_a_usage_error(project: Path) -> None:
    done = essaylint("--format", "xml", ESSAY_PATH, cwd=project)
    assert done.returncode == 2
    assert "'xml' is not one of" in done.stderr


def test_readme_output_samples_are_real_output(example: list[FileResult]) -> None:
    """Each sample under README's "Output formats" starts with its command; every other line of
    it (a `…` line marks a cut) is a line of that command's real output."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Output formats\n", 1)[1].split("\n## ", 1)[0]
    samples = re.findall(
        r"```\w*\n\$ essaylint --format (\w+) " + EXAMPLE + r"\n(.*?)```", section, re.S
    )
    assert sorted(name for name, _ in samples) == sorted(FORMATS)
    for name, body in samples:
        real = output(name, example).splitlines()
        for line in body.splitlines():
            assert line == "…" or line in real, (name, line)


def test_only_the_asked_for_reporter_is_imported() -> None:
    probe = (
        "import io, sys\n"
        "from essaylint.reporters import FORMATS, render\n"
        "render('text', [], io.StringIO())\n"
        "loaded = {n for n in FORMATS if 'essaylint.reporters.' + n in sys.modules}\n"
        "print(sorted(loaded))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert done.stdout == "['concise', 'text']\n"  # text builds on concise's finding line

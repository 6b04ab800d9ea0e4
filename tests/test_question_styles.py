"""Questions written without headings: every style finds its questions, and only them.

Each file in `tests/question_styles/` ends with a `<!-- questions ... -->` block listing, one per
line, the question line, style, state, limit (`-` for none) and title that essaylint must report
(`score --details` and the JSON `sections` carry the same fields). An optional leading
`<!-- essaylint-test ... -->` block holds settings as TOML.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from essaylint.config import Settings, validate_settings
from essaylint.document import build_document
from essaylint.question_styles import Candidate, choose_questions, strength
from essaylint.runner import lint_source
from essaylint.source import decode

STYLES = Path(__file__).parent / "question_styles"
_SETTINGS = re.compile(r"\A<!--\s*essaylint-test\b(?P<body>.*?)-->[ \t]*\n?", re.DOTALL)
_EXPECT = re.compile(r"<!--\s*questions\b(?P<body>.*?)-->\s*\Z", re.DOTALL)


def _settings(text: str) -> Settings:
    match = _SETTINGS.match(text)
    if match is None:
        return Settings()
    return validate_settings(tomllib.loads(match.group("body")), "fixture")


def _expected(text: str) -> list[tuple[int, str, str, int | None, str]]:
    match = _EXPECT.search(text)
    assert match is not None, "fixture has no <!-- questions --> block"
    rows = []
    for line in match.group("body").strip().splitlines():
        number, style, state, limit, title = line.split(" ", 4)
        rows.append((int(number), style, state, None if limit == "-" else int(limit), title))
    return rows


def _reported(path: Path) -> list[tuple[int, str, str, int | None, str]]:
    raw = path.read_bytes()
    text = raw.decode("utf-8")
    result = lint_source(decode(raw), str(path), _settings(text))
    assert result.error is None, result.error
    return [
        (s.line, s.style, s.state or "", s.limit, s.title)
        for s in result.sections
        if s.kind == "question"
    ]


@pytest.mark.parametrize("path", sorted(STYLES.glob("*.md")), ids=lambda p: p.stem)
def test_questions_found_with_style_state_and_limit(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert _reported(path) == _expected(text)


def test_score_details_and_json_name_the_style_and_question_line() -> None:
    path = STYLES / "mixed.md"
    done = subprocess.run(
        [sys.executable, "-m", "essaylint", "score", "--format", "json", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    sections = json.loads(done.stdout)["files"][0]["sections"]
    questions = [(s["line"], s["style"]) for s in sections if s["kind"] == "question"]
    assert questions == [(5, "list-item"), (9, "list-item"), (13, "bold-label"), (19, "details")]
    details = subprocess.run(
        [sys.executable, "-m", "essaylint", "score", "--details", str(path)],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "NO_COLOR": "1"},
    )
    assert details.returncode == 0, details.stderr
    rows = details.stdout.splitlines()[1:]
    assert [row.split()[0] for row in rows] == ["5", "9", "13", "19"]
    assert "  list-item   카카오에 지원한 동기를 작성해 주세요. (300자)" in rows[0]
    assert "  bold-label  Q1. 동네 생활에서" in rows[2]
    assert "  details     #1 가장 자신 있는 프로젝트는?" in rows[3]
    groups = [(s["title"], s["kind"]) for s in sections if s["kind"] != "question"]
    assert groups == [
        ("2026 상반기 지원 현황", "group"),
        ("카카오", "group"),
        ("당근", "group"),
        ("1차 면접 복기", "group"),
    ]


def test_rules_work_unchanged_on_list_item_questions(tmp_path: Path) -> None:
    """Limits, typos and placeholders are checked on a list item question's answer."""
    essay = tmp_path / "essay.md"
    answer = "아떠한 어려움이 있어도 끝까지 해내겠습니다. " * 3
    essay.write_text(
        f"1. 입사 후 포부를 작성해 주세요. (50자)\n\n{answer}\n\n"
        "2. 지원한 이유를 적어 주세요. (300자)\n\n3. 존경하는 인물은? (300자)\n\n"
        "저는 [회사명]의 창업자를 존경합니다.\n",
        encoding="utf-8",
    )
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "essaylint",
            "check",
            "--format",
            "json",
            "--ignore",
            "model",
            str(essay),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    findings = json.loads(done.stdout)["files"][0]["findings"]
    seen = [(f["line"], f["column"], f["code"], f["section"]) for f in findings]
    q1 = "입사 후 포부를 작성해 주세요. (50자)"
    q2 = "지원한 이유를 적어 주세요. (300자)"
    q3 = "존경하는 인물은? (300자)"
    assert seen == [
        (1, 1, "EL201", q1),  # over-limit points at the question, as for headings
        (3, 1, "EL301", q1),
        (3, 26, "EL301", q1),
        (3, 51, "EL301", q1),
        (5, 1, "EL101", q2),
        (7, 1, "EL102", q3),
        (9, 4, "EL103", q3),
    ]


def test_heading_missing_space_is_fixable_and_points_after_the_hashes() -> None:
    path = STYLES / "missing_space.md"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "essaylint",
            "check",
            "--format",
            "json",
            "--select",
            "EL105",
            str(path),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    findings = json.loads(done.stdout)["files"][0]["findings"]
    assert [(f["line"], f["column"], f["end_column"], f["severity"]) for f in findings] == [
        (1, 1, 2, "warning"),
        (3, 1, 3, "warning"),
        (6, 1, 3, "warning"),
    ]
    assert findings[1]["message"] == "'##' 뒤에 공백이 없어 Markdown 제목이 아님: '## ' 로 쓰세요"
    assert findings[1]["section"] == "삼성전자 DS부문 자기소개서 > 성장과정 (700자)"
    fix = findings[1]["fix"]
    assert (fix["line"], fix["column"], fix["end_column"], fix["text"]) == (3, 3, 3, " ")


def test_a_document_with_headings_only_is_read_as_before() -> None:
    text = "## 지원 동기 (500자)\n답입니다.\n\n## 성장 과정\n자랐습니다.\n"
    doc = build_document(text)
    assert [(s.title, s.style, s.kind) for s in doc.walk()] == [
        ("지원 동기 (500자)", "heading", "question"),
        ("성장 과정", "heading", "question"),
    ]


@pytest.mark.parametrize(
    ("style", "title", "expected"),
    [
        ("q-line", "Q1. 지원 동기", "strong"),
        ("q-line", "Q. 지원 동기", "strong"),
        ("q-line", "[문항 2] 성장 과정", "strong"),
        ("q-line", "문항3 입사 후 포부", "strong"),
        ("q-line", "QA팀에서 일했습니다", "weak"),
        ("q-line", "Q1 매출이 늘었습니다", "weak"),
        ("q-line", "문항 3개 중 두 개를 골랐습니다", "weak"),
        ("q-line", "지원동기", "medium"),
        ("q-line", "성장 과정에서 배운 점을 적었습니다.", "weak"),
        ("q-line", "왜 그랬을까요?", "weak"),
        ("list-item", "왜 이 회사인가요?", "strong"),
        ("list-item", "지원 동기 (500자)", "strong"),
        ("list-item", "지원 동기 (1500바이트)", "strong"),  # a limit without 자 or a Latin unit
        (
            "q-line",
            "지원 동기 (글자 수 제한 없음)",
            "strong",
        ),  # a stated absence of a limit is as strong as a limit
        ("list-item", "기술 문화", "weak"),
        ("bold-label", "정말로", "weak"),
        ("bold-label", "500자 상세:", "strong"),
        ("details", "답변 보기", "weak"),
        ("details", "#12 질문", "strong"),
    ],
)
def test_strength_of_a_candidate(style: str, title: str, expected: str) -> None:
    assert strength(Candidate(style, title, 1)) == expected  # type: ignore[arg-type]


def test_question_style_list_counts_a_single_medium_label() -> None:
    label = Candidate("bold-label", "지원동기", 1)
    assert choose_questions([label], "auto") == [False]  # one label alone: not in use
    assert choose_questions([label], ["bold-label"]) == [True]
    assert choose_questions([label], ["list-item"]) == [False]
    assert choose_questions([label], "headings") == [False]


def test_unknown_question_style_is_a_config_error() -> None:
    from essaylint.config import ConfigError

    with pytest.raises(ConfigError, match="question_style"):
        validate_settings({"question_style": ["bullets"]}, "essaylint.toml")
    settings = validate_settings({"question_style": ["list-item", "q-line"]}, "essaylint.toml")
    assert dataclasses.astuple(settings)  # a valid list loads
    assert settings.question_style == ("list-item", "q-line")

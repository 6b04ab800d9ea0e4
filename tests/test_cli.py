"""The `essaylint` command as a user runs it: real subprocesses, exit codes and one-line errors.

Exit codes: 0 nothing at error severity; 1 errors (or warnings with --strict, or a score under
--fail-under); 2 usage, config or file errors. Every error is one line on stderr, no traceback.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from helpers import essaylint

# --- essays -----------------------------------------------------------------------------------

# Both answers fill 80-100% of their 150-character limit (139 and 129): no finding at all.
CLEAN = """\
# 2026 하반기 자기소개서

## 1. 지원 동기 (150자)
명절마다 부모님께 선물하기로 선물을 보내며, 받는 사람의 주소를 몰라도 마음을 전할 수 있다는 점에 놀랐습니다. 그 편리함 뒤에 있는 주문 처리 구조를 직접 설계하고, 더 많은 사람이 부담 없이 마음을 나누도록 돕는 개발자가 되고 싶어 지원했습니다.

## 2. 입사 후 포부 (150자)
입사 후 3년 안에 결제 서비스의 장애 대응을 혼자서도 이끌 수 있는 개발자가 되겠습니다. 신규 입사자 교육 자료를 직접 정리하며 팀의 온보딩 기간을 줄이고, 장애 회고 문서를 꾸준히 공유해 같은 실수가 반복되지 않도록 돕겠습니다.
"""

# Only warnings: question 2 is a stub (EL102, a warning), so the score is 50%.
WARNINGS_ONLY = """\
## 1. 지원 동기 (150자)
명절마다 부모님께 선물하기로 선물을 보내며, 받는 사람의 주소를 몰라도 마음을 전할 수 있다는 점에 놀랐습니다. 그 편리함 뒤에 있는 주문 처리 구조를 직접 설계하고, 더 많은 사람이 부담 없이 마음을 나누도록 돕는 개발자가 되고 싶어 지원했습니다.

## 2. 성격의 장단점
저는 꼼꼼한 편입니다.
"""

# An empty answer (EL101, an error) and a placeholder (EL103, an error).
ERRORS = """\
## 1. 지원 동기 (150자)
제가 [회사명]에 지원한 이유는 명절마다 선물하기로 선물을 보내며 받는 사람의 주소를 몰라도 마음을 전할 수 있다는 점에 놀랐기 때문입니다. 그 구조를 직접 만들고 싶습니다.

## 2. 입사 후 포부 (150자)
"""

# Over its limit. Answer text, counted by hand:
#   "저는 꼼꼼한 개발자입니다."            11 Hangul + 2 spaces + "." = 14
#   "카카오에서 일하고 싶어요!"            11 Hangul + 2 spaces + "!" = 14
#   "사용자의 불편을 먼저 찾는 사람이 되겠습니다." 19 Hangul + 5 spaces + "." = 25
#   chars: 14 + 14 + 25 + 2 line breaks = 55 (15 over 40)
#   chars-no-spaces: 12 + 12 + 20 = 44
OVER = """\
## 1. 지원 동기 (40자)
저는 **꼼꼼한** 개발자입니다.
[카카오](https://kakao.com)에서 일하고 싶어요!
사용자의 불편을 먼저 찾는 사람이 되겠습니다.
"""


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def one_line_error(stderr: str) -> str:
    """stderr holds exactly one `essaylint: ...` line and no traceback."""
    assert "Traceback" not in stderr
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("essaylint: ")
    return lines[0]


def as_json(*args: str, cwd: Path) -> dict[str, Any]:
    result = essaylint("check", "--format", "json", *args, cwd=cwd)
    assert result.returncode in (0, 1), result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def codes(report: dict[str, Any], file: int = 0) -> list[str]:
    return [f["code"] for f in report["files"][file]["findings"]]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A folder of essays with no config anywhere above it."""
    root = tmp_path / "essays"
    write(root / "clean.md", CLEAN)
    write(root / "warnings.md", WARNINGS_ONLY)
    write(root / "errors.md", ERRORS)
    write(root / "over.md", OVER)
    return root


# --- exit codes -------------------------------------------------------------------------------


def test_clean_file_exits_0(project: Path) -> None:
    result = essaylint("clean.md", cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stderr == ""
    assert "0 errors, 0 warnings in 1 file" in result.stdout


def test_errors_exit_1(project: Path) -> None:
    result = essaylint("errors.md", cwd=project)
    assert result.returncode == 1
    assert result.stderr == ""
    assert "errors.md:4:1: EL101 empty-answer 답변이 비어 있음" in result.stdout
    assert "errors.md:2:4: EL103 placeholder" in result.stdout


def test_only_warnings_exit_0(project: Path) -> None:
    result = essaylint("warnings.md", cwd=project)
    assert result.returncode == 0, result.stdout
    assert "EL102 stub-answer" in result.stdout
    assert "0 errors, 1 warning in 1 file" in result.stdout


def test_warnings_with_strict_exit_1(project: Path) -> None:
    assert essaylint("--strict", "warnings.md", cwd=project).returncode == 1
    assert essaylint("check", "--strict", "clean.md", cwd=project).returncode == 0


def test_fail_under(project: Path) -> None:
    # warnings.md: 1 of 2 questions complete = 50%.
    assert essaylint("--fail-under", "90", "warnings.md", cwd=project).returncode == 1
    assert essaylint("--fail-under", "50", "warnings.md", cwd=project).returncode == 0
    assert essaylint("--fail-under", "90", "clean.md", cwd=project).returncode == 0
    assert essaylint("score", "--fail-under", "90", "warnings.md", cwd=project).returncode == 1
    assert essaylint("score", "--fail-under", "90", "clean.md", cwd=project).returncode == 0


def test_missing_file_exits_2_and_other_files_are_still_reported(project: Path) -> None:
    result = essaylint("missing.md", "errors.md", cwd=project)
    assert result.returncode == 2
    assert one_line_error(result.stderr) == "essaylint: missing.md: file not found"
    assert "errors.md:4:1: EL101" in result.stdout


def test_binary_input_exits_2(project: Path) -> None:
    (project / "image.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    result = essaylint("image.md", "clean.md", cwd=project)
    assert result.returncode == 2
    assert one_line_error(result.stderr) == (
        "essaylint: image.md: binary file (contains NUL bytes)"
    )
    assert "in 1 file (1 not readable)" in result.stdout


def test_binary_stdin_exits_2(project: Path) -> None:
    result = essaylint("-", cwd=project, stdin=b"\x00\x01\x02")
    assert result.returncode == 2
    assert one_line_error(result.stderr) == "essaylint: -: binary file (contains NUL bytes)"


def test_no_markdown_in_folder_exits_2(tmp_path: Path) -> None:
    write(tmp_path / "empty" / "notes.txt", "메모")
    result = essaylint("empty", cwd=tmp_path)
    assert result.returncode == 2
    assert one_line_error(result.stderr) == "essaylint: no Markdown files found in empty"


def test_usage_error_exits_2(project: Path) -> None:
    result = essaylint("check", "--count", "letters", "clean.md", cwd=project)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


# --- configuration errors ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("config", "expected"),
    [
        pytest.param(
            "defualt_limit = 500\n",
            "defualt_limit: unknown key (did you mean 'default_limit'?)",
            id="unknown-key",
        ),
        pytest.param('default_limit = "많이"\n', "default_limit: ", id="wrong-type"),
        pytest.param("default_limit = -5\n", "default_limit: must be > 0", id="negative"),
        pytest.param('strict = "yes please"\n', "strict: ", id="wrong-type-bool"),
        pytest.param(
            "[rules.stub-answer]\nmin_chars = -1\n",
            "rules.stub-answer.min_chars: must be >= 0",
            id="rule-option-range",
        ),
        pytest.param(
            "[rules.stub-answer]\nmin_char = 30\n",
            "rules.stub-answer.min_char: unknown key (did you mean 'min_chars'?)",
            id="rule-option-unknown",
        ),
        pytest.param(
            "[rules.no-such-rule]\nx = 1\n", "rules.no-such-rule: unknown rule", id="rule"
        ),
        pytest.param('limits = {"(" = 500}\n', "limits: bad regular expression", id="regex"),
        pytest.param("default_limit = \n", "invalid TOML", id="toml"),
    ],
)
def test_bad_config_is_one_line_naming_the_file_and_key(
    project: Path, config: str, expected: str
) -> None:
    config_path = write(project / "essaylint.toml", config)
    result = essaylint("clean.md", cwd=project)
    assert result.returncode == 2
    line = one_line_error(result.stderr)
    assert line.startswith(f"essaylint: {config_path.resolve()}: "), line
    assert expected in line


def test_bad_explicit_config_exits_2(project: Path, tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.toml"
    result = essaylint("--config", str(missing), "clean.md", cwd=project)
    assert result.returncode == 2
    line = one_line_error(result.stderr)
    assert str(missing) in line


# --- selecting rules --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("option", "value", "expected"),
    [
        pytest.param("--select", "EL101", ["EL101"], id="select-code"),
        pytest.param("--select", "placeholder", ["EL103"], id="select-name"),
        pytest.param("--select", "EL1", ["EL103", "EL101"], id="select-prefix"),
        pytest.param("--ignore", "EL101", ["EL103"], id="ignore-code"),
        pytest.param("--ignore", "placeholder", ["EL101"], id="ignore-name"),
        pytest.param("--ignore", "EL101,placeholder", [], id="ignore-both"),
    ],
)
def test_select_and_ignore(project: Path, option: str, value: str, expected: list[str]) -> None:
    report = as_json(option, value, "errors.md", cwd=project)
    assert codes(report) == expected


def test_unknown_select_exits_2(project: Path) -> None:
    result = essaylint("--select", "EL999", "clean.md", cwd=project)
    assert result.returncode == 2
    assert one_line_error(result.stderr) == (
        "essaylint: --select: unknown rule, code or tag 'EL999' (see 'essaylint rules')"
    )
    result = essaylint("--ignore", "empty-answers", "clean.md", cwd=project)
    assert result.returncode == 2
    one_line_error(result.stderr)


# --- inputs -----------------------------------------------------------------------------------


def test_dash_reads_stdin(project: Path) -> None:
    result = essaylint("-", cwd=project, stdin=ERRORS.encode("utf-8"))
    assert result.returncode == 1
    assert "-:4:1: EL101 empty-answer" in result.stdout


def test_stdin_in_cp949(project: Path) -> None:
    result = essaylint("--format", "json", "-", cwd=project, stdin=OVER.encode("cp949"))
    report = json.loads(result.stdout)
    assert report["files"][0]["encoding"] == "cp949"
    assert report["files"][0]["sections"][0]["count"] == 55


def test_folder_expansion(tmp_path: Path) -> None:
    root = tmp_path / "지원서"
    write(root / "카카오.md", CLEAN)
    write(root / "2025" / "네이버.markdown", CLEAN)
    write(root / ".drafts" / "hidden.md", ERRORS)
    write(root / "node_modules" / "pkg" / "README.md", ERRORS)
    write(root / ".hidden.md", ERRORS)
    write(root / "notes.txt", ERRORS)
    report = as_json("지원서", cwd=tmp_path)
    assert [f["path"] for f in report["files"]] == [
        os.path.join("지원서", "2025", "네이버.markdown"),
        os.path.join("지원서", "카카오.md"),
    ]
    assert report["summary"]["files"] == 2


# --- other commands ---------------------------------------------------------------------------


def test_score_details(project: Path) -> None:
    result = essaylint("score", "--details", "warnings.md", cwd=project)
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "warnings.md: 50% 완성 (1/2 complete, 2 answered)"
    assert "1. 지원 동기 (150자)" in lines[1]
    assert "(chars, heading)" in lines[1]
    assert lines[2].split()[0] == "4"
    assert lines[2].endswith("성격의 장단점")


def test_score_details_fill_bars(project: Path) -> None:
    # 139/150 is 92% (9 of 10 cells); 55/40 is over: a full bar, `▶`, 138% (never rounded
    # down to 100); a question without a limit has no bar. Columns line up in display width.
    result = essaylint("score", "--details", "warnings.md", "over.md", cwd=project)
    assert result.returncode == 0
    assert result.stdout.splitlines() == [
        "over.md: 0% 완성 (0/1 complete, 1 answered)",
        "      1  초과  ██████████▶ 138%  55/40자 (chars, heading)  1. 지원 동기 (40자)",
        "warnings.md: 50% 완성 (1/2 complete, 2 answered)",
        "      1  완료    █████████░   92%  139/150자 (chars, heading)  1. 지원 동기 (150자)",
        "      4  미완성                    12자                        2. 성격의 장단점",
    ]


def test_score_details_colours_the_bar(project: Path) -> None:
    red, green, dim, reset = "\033[31m", "\033[32m", "\033[2m", "\033[0m"
    env = {"NO_COLOR": "", "FORCE_COLOR": "1"}
    result = essaylint("score", "--details", "over.md", "warnings.md", cwd=project, env=env)
    lines = result.stdout.splitlines()
    assert f"{red}{'█' * 10}{reset}{red}▶{reset} 138%" in lines[1]
    assert f"{green}{'█' * 9}{reset}{dim}░{reset}   92%" in lines[3]


def test_score_json(project: Path) -> None:
    result = essaylint("score", "--format", "json", "warnings.md", cwd=project)
    report = json.loads(result.stdout)
    assert report["files"][0]["score"] == 50.0
    assert (report["files"][0]["questions"], report["files"][0]["answered"]) == (2, 2)


def test_rules_lists_the_core_rules(tmp_path: Path) -> None:
    result = essaylint("rules", cwd=tmp_path)
    assert result.returncode == 0
    rows = {line.split()[0]: line.split()[1:3] for line in result.stdout.splitlines()[1:]}
    assert rows["EL101"] == ["empty-answer", "error"]
    assert rows["EL102"] == ["stub-answer", "warning"]
    assert rows["EL103"] == ["placeholder", "error"]
    assert rows["EL104"] == ["duplicate-question", "warning"]
    assert rows["EL201"] == ["over-limit", "error"]
    assert rows["EL202"] == ["under-filled", "warning"]
    header = result.stdout.splitlines()[0].split()
    assert header == ["code", "name", "severity", "default", "fixable", "tags", "summary"]
    tags = {line.split()[0]: line.split()[5] for line in result.stdout.splitlines()[1:]}
    assert tags["EL101"] == "structure"
    assert tags["EL302"] == "spelling,model"


@pytest.mark.parametrize("name", ["over-limit", "EL201", "el201"])
def test_explain(tmp_path: Path, name: str) -> None:
    result = essaylint("explain", name, cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout.startswith("EL201 over-limit")
    assert "## What it flags" in result.stdout
    assert "## Options" in result.stdout


def test_explain_unknown_rule(tmp_path: Path) -> None:
    result = essaylint("explain", "over-limits", cwd=tmp_path)
    assert result.returncode == 2
    assert one_line_error(result.stderr) == (
        "essaylint: unknown rule 'over-limits' (did you mean 'over-limit'?)"
    )


# --- JSON -------------------------------------------------------------------------------------

TOP_KEYS = {"version", "files", "summary"}
FILE_KEYS = {
    "path",
    "score",
    "questions",
    "answered",
    "complete",
    "encoding",
    "error",
    "notes",
    "findings",
    "sections",
    "company",
    "company_source",
    "values",
    "coverage",
    "matched",
}
FINDING_KEYS = {
    "code",
    "rule",
    "severity",
    "line",
    "column",
    "end_line",
    "end_column",
    "message",
    "section",
    "suggestion",
    "fix",
}
SECTION_KEYS = {
    "title",
    "line",
    "level",
    "kind",
    "state",
    "count",
    "limit",
    "min",
    "mode",
    "limit_source",
    "path",
    "style",
    "alt_titles",
}
SUMMARY_KEYS = {"files", "errors", "warnings", "infos", "questions", "complete", "score"}


def test_json_shape(project: Path) -> None:
    result = essaylint(
        "--format", "json", "--select", "EL1,EL2", "errors.md", "over.md", cwd=project
    )
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert set(report) == TOP_KEYS
    assert report["version"] == 1
    assert set(report["summary"]) == SUMMARY_KEYS
    assert [f["path"] for f in report["files"]] == ["errors.md", "over.md"]
    for file in report["files"]:
        assert set(file) == FILE_KEYS
        for finding in file["findings"]:
            assert set(finding) == FINDING_KEYS
        for section in file["sections"]:
            assert set(section) == SECTION_KEYS
    errors, over = report["files"]
    assert (errors["score"], errors["questions"], errors["answered"]) == (0.0, 2, 1)
    placeholder = errors["findings"][0]
    assert {k: placeholder[k] for k in ("code", "rule", "severity", "line", "column")} == {
        "code": "EL103",
        "rule": "placeholder",
        "severity": "error",
        "line": 2,
        "column": 4,
    }
    assert (placeholder["end_line"], placeholder["end_column"]) == (2, 9)
    assert placeholder["message"] == "자리 표시 문구 '[회사명]'이(가) 남아 있음"
    assert placeholder["section"] == "1. 지원 동기 (150자)"
    assert over["sections"] == [
        {
            "title": "1. 지원 동기 (40자)",
            "line": 1,
            "level": 2,
            "kind": "question",
            "state": "over-limit",
            "count": 55,
            "limit": 40,
            "min": None,
            "mode": "chars",
            "limit_source": "heading",
            "path": "1. 지원 동기 (40자)",
            "style": "heading",
            "alt_titles": [],
        }
    ]
    assert report["summary"] == {
        "files": 2,
        "errors": 3,
        "warnings": 0,
        "infos": 0,
        "questions": 3,
        "complete": 0,
        "score": 0.0,
    }


def test_json_error_file(project: Path) -> None:
    result = essaylint("--format", "json", "missing.md", cwd=project)
    assert result.returncode == 2
    (file,) = json.loads(result.stdout)["files"]
    assert file["error"] == "file not found"
    assert file["score"] is None


# --- configuration discovery ------------------------------------------------------------------


def test_config_in_a_parent_folder(tmp_path: Path) -> None:
    write(tmp_path / ".essaylint.toml", "default_limit = 30\n")
    essay = write(
        tmp_path / "2025" / "상반기" / "essay.md", "## 지원 동기\n" + OVER.split("\n", 1)[1]
    )
    report = as_json(str(essay.relative_to(tmp_path)), cwd=tmp_path)
    (section,) = report["files"][0]["sections"]
    assert (section["limit"], section["limit_source"]) == (30, "config")
    assert codes(report) == ["EL201"]


def test_pyproject_tool_table_and_nearest_config_wins(tmp_path: Path) -> None:
    write(tmp_path / ".essaylint.toml", "default_limit = 30\n")
    write(tmp_path / "sub" / "pyproject.toml", "[tool.essaylint]\ndefault_limit = 50\n")
    write(tmp_path / "sub" / "essay.md", "## 지원 동기\n" + OVER.split("\n", 1)[1])
    report = as_json("sub/essay.md", cwd=tmp_path)
    assert report["files"][0]["sections"][0]["limit"] == 50
    assert report["files"][0]["findings"][0]["message"] == "55/50자 (공백 포함, chars), 5자 초과"


def test_pyproject_without_tool_table_is_skipped(tmp_path: Path) -> None:
    write(tmp_path / ".essaylint.toml", "default_limit = 30\n")
    write(tmp_path / "sub" / "pyproject.toml", '[project]\nname = "my-essays"\n')
    write(tmp_path / "sub" / "essay.md", "## 지원 동기\n" + OVER.split("\n", 1)[1])
    report = as_json("sub/essay.md", cwd=tmp_path)
    assert report["files"][0]["sections"][0]["limit"] == 30


def test_explicit_config_wins_over_discovery(tmp_path: Path) -> None:
    write(tmp_path / ".essaylint.toml", "default_limit = 30\n")
    other = write(tmp_path / "elsewhere" / "strict.toml", "default_limit = 45\n")
    write(tmp_path / "essay.md", "## 지원 동기\n" + OVER.split("\n", 1)[1])
    report = as_json("--config", str(other), "essay.md", cwd=tmp_path)
    assert report["files"][0]["sections"][0]["limit"] == 45


def test_config_rule_options_and_severity(tmp_path: Path) -> None:
    write(
        tmp_path / "essaylint.toml",
        '[rules.stub-answer]\nmin_chars = 10\n\n[rules.empty-answer]\nseverity = "warning"\n',
    )
    write(tmp_path / "essay.md", "## 1. 생활 신조\n약속 시간을 지킵니다.\n\n## 2. 입사 후 포부\n")
    result = essaylint("essay.md", cwd=tmp_path)
    # "약속 시간을 지킵니다." is 12 characters: no longer a stub; the empty answer is a warning.
    assert result.returncode == 0, result.stdout
    assert "essay.md:4:1: EL101 empty-answer" in result.stdout
    assert "EL102" not in result.stdout


def test_front_matter_overrides_count(tmp_path: Path) -> None:
    write(tmp_path / "essaylint.toml", 'count = "bytes"\n')
    write(tmp_path / "essay.md", "---\ncount: chars-no-spaces\n---\n" + OVER)
    report = as_json("essay.md", cwd=tmp_path)
    (section,) = report["files"][0]["sections"]
    # 44 characters without spaces, see OVER.
    assert (section["line"], section["count"], section["mode"]) == (4, 44, "chars-no-spaces")
    assert report["files"][0]["findings"][0]["message"] == (
        "44/40자 (공백 제외, chars-no-spaces), 4자 초과"
    )


def test_front_matter_limits(tmp_path: Path) -> None:
    write(
        tmp_path / "essay.md",
        "---\nlimits:\n  지원: 50\n---\n## 지원 동기\n" + OVER.split("\n", 1)[1],
    )
    report = as_json("essay.md", cwd=tmp_path)
    (section,) = report["files"][0]["sections"]
    assert (section["count"], section["limit"], section["limit_source"]) == (55, 50, "front-matter")


def test_bad_limit_comment_is_one_line(tmp_path: Path) -> None:
    write(tmp_path / "essay.md", "## 지원 동기\n<!-- essaylint: limit=abc -->\n답변입니다.\n")
    result = essaylint("essay.md", cwd=tmp_path)
    assert result.returncode == 2
    line = one_line_error(result.stderr)
    assert line.startswith("essaylint: essay.md: line 2: ")
    assert "'abc'" in line


def test_bad_front_matter_is_one_line(tmp_path: Path) -> None:
    write(tmp_path / "essay.md", "---\ncount: [chars\n---\n" + OVER)
    result = essaylint("essay.md", cwd=tmp_path)
    assert result.returncode == 2
    assert one_line_error(result.stderr).startswith("essaylint: essay.md: front matter")


def test_bad_front_matter_setting_is_one_line(tmp_path: Path) -> None:
    write(tmp_path / "essay.md", "---\ncount: letters\n---\n" + OVER)
    result = essaylint("essay.md", cwd=tmp_path)
    assert result.returncode == 2
    line = one_line_error(result.stderr)
    assert line.startswith("essaylint: essay.md: front matter: count: ")


# --- suppression comments ---------------------------------------------------------------------

ANSWER = (
    "[회사명]에서 진행한 프로젝트에서 일정 관리를 맡아 매주 진행 상황을 공유했고, "
    "덕분에 마감 전에 기능을 모두 완성했습니다."
)


def _suppressed(tmp_path: Path, text: str, *args: str) -> list[tuple[int, str]]:
    write(tmp_path / "essay.md", text)
    report = as_json(*args, "essay.md", cwd=tmp_path)
    return [(f["line"], f["code"]) for f in report["files"][0]["findings"]]


def test_disable_and_enable_by_code(tmp_path: Path) -> None:
    text = (
        f"## 1. 협업 경험\n<!-- essaylint-disable EL103 -->\n{ANSWER}\n"
        f"<!-- essaylint-enable EL103 -->\n\n## 2. 갈등 해결 경험\n{ANSWER}\n"
    )
    assert _suppressed(tmp_path, text, "--select", "EL103") == [(7, "EL103")]


def test_disable_by_name_until_end_of_file(tmp_path: Path) -> None:
    text = (
        f"## 1. 협업 경험\n<!-- essaylint-disable placeholder -->\n{ANSWER}\n\n"
        f"## 2. 갈등 해결 경험\n{ANSWER}\n\n## 3. 입사 후 포부\n"
    )
    assert _suppressed(tmp_path, text, "--select", "EL1,EL2") == [(8, "EL101")]


def test_disable_next_line_above_a_heading(tmp_path: Path) -> None:
    text = (
        "<!-- essaylint-disable-next-line empty-answer -->\n"
        "## 1. 입사 후 포부 (500자)\n\n"
        "<!-- essaylint-disable-next-line EL201 -->\n\n"
        "## 2. 지원 동기 (20자)\n" + OVER.split("\n", 1)[1] + "\n## 3. 성장 과정\n"
    )
    assert _suppressed(tmp_path, text, "--select", "EL101,EL201") == [(11, "EL101")]


def test_disable_line(tmp_path: Path) -> None:
    text = (
        f"## 1. 협업 경험\n{ANSWER} <!-- essaylint-disable-line placeholder -->\n\n"
        f"## 2. 갈등 해결 경험\n{ANSWER}\n"
    )
    assert _suppressed(tmp_path, text, "--select", "EL103") == [(5, "EL103")]


@pytest.mark.parametrize(
    "selector", ["", " EL101 EL103", " empty-answer, placeholder", " structure"]
)
def test_disable_file(project: Path, selector: str) -> None:
    text = f"<!-- essaylint-disable-file{selector} -->\n" + ERRORS
    write(project / "suppressed.md", text)
    result = essaylint("suppressed.md", cwd=project)
    assert result.returncode == 0, result.stdout
    assert "0 errors, 0 warnings in 1 file" in result.stdout
    # Suppression hides findings only: the completeness score is the same.
    assert "완성도 0% (0/2 questions complete)" in result.stdout


def test_disable_file_for_one_rule_keeps_the_others(project: Path) -> None:
    write(project / "suppressed.md", "<!-- essaylint-disable-file EL103 -->\n" + ERRORS)
    report = as_json("--select", "EL1,EL2", "suppressed.md", cwd=project)
    assert codes(report) == ["EL101"]


def test_enable_by_code_ends_a_disable_by_name(tmp_path: Path) -> None:
    text = (
        f"## 1. 협업 경험\n<!-- essaylint-disable placeholder -->\n{ANSWER}\n"
        f"<!-- essaylint-enable EL103 -->\n\n## 2. 갈등 해결 경험\n{ANSWER}\n"
    )
    assert _suppressed(tmp_path, text, "--select", "EL103") == [(7, "EL103")]


def test_enable_one_rule_after_disabling_all(tmp_path: Path) -> None:
    text = (
        f"## 1. 협업 경험\n<!-- essaylint-disable -->\n{ANSWER}\n"
        f"<!-- essaylint-enable EL103 -->\n\n## 2. 갈등 해결 경험\n{ANSWER}\n"
    )
    assert _suppressed(tmp_path, text, "--select", "EL103") == [(7, "EL103")]

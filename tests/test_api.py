"""The public API (essaylint.api): the results the command line prints, without the command line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import essaylint

import essaylint as package
from essaylint import api
from essaylint.reporters.json_schema import build_report

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "examples").glob("*.md"))
FIXTURES = sorted((ROOT / "tests" / "fixtures").rglob("*.md"))
NO_MODEL = api.Settings(ignore=("model",))

ESSAY = """\
# 지원서

## 1. 지원 동기 (60자)
저는 사용자의 불편을 끝까지 해결하는 개발자입니다. 아떠한 상황에서도 포기하지 않았습니다.

## 2. 입사 후 포부 (300자)
"""


def test_lint_text_gives_findings_sections_limits_states_and_score() -> None:
    result = api.lint_text(ESSAY, path="essay.md", settings=NO_MODEL)
    assert [(f.code, f.line, f.col) for f in result.findings] == [("EL301", 4, 30), ("EL101", 6, 1)]
    assert result.findings[0].suggestion == "어떠한"
    questions = [s for s in result.sections if s.kind == "question"]
    assert [(s.line, s.state, s.count, s.limit) for s in questions] == [
        (3, "complete", 50, 60),
        (6, "empty", 0, 300),
    ]
    assert (result.questions, result.complete, result.score) == (2, 1, 50.0)


def test_the_package_root_re_exports_the_api() -> None:
    assert package.lint_text is api.lint_text
    assert package.FileResult is api.FileResult
    assert set(api.__all__) <= set(package.__all__)


def test_lint_paths_and_render_print_what_the_command_line_prints() -> None:
    results = api.lint_paths([ROOT / p for p in EXAMPLES], config=ROOT / "examples/essaylint.toml")
    done = essaylint("check", "--format", "json", "--no-cache", *EXAMPLES, cwd=ROOT)
    cli = json.loads(done.stdout)
    ours = json.loads(api.render(results, "json"))
    for file in (*cli["files"], *ours["files"]):
        file["path"] = Path(file["path"]).name
    assert ours == cli


def test_lint_file_with_settings_reads_the_file_only(tmp_path: Path) -> None:
    (tmp_path / "essaylint.toml").write_text('select = ["EL101"]\n', encoding="utf-8")
    essay = tmp_path / "essay.md"
    essay.write_text(ESSAY, encoding="utf-8")
    assert {f.code for f in api.lint_file(essay).findings} == {"EL101"}
    assert {f.code for f in api.lint_file(essay, NO_MODEL).findings} == {"EL101", "EL301"}
    assert api.load_settings(tmp_path / "essaylint.toml").select == ("EL101",)
    missing = api.lint_file(tmp_path / "gone.md", NO_MODEL)
    assert missing.error is not None and not missing.findings


@pytest.mark.parametrize("group", range(4))
def test_the_json_report_is_what_its_models_write(group: int) -> None:
    """`--format json` writes plain data (no pydantic): the same bytes as the documented models."""
    paths = [str(p) for p in FIXTURES[group::4]]
    results = api.lint_paths(paths, NO_MODEL)
    plain = json.dumps(api.report_data(results), ensure_ascii=False, indent=2)
    assert plain == build_report(results).model_dump_json(indent=2)


def test_importing_the_api_loads_no_parser_model_or_cli() -> None:
    code = (
        "import sys, essaylint.api\n"
        "heavy = ('pydantic', 'markdown_it', 'kiwipiepy', 'click', 'yaml')\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in heavy))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"

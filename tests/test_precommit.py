"""A real `pre-commit try-repo` of this checkout's hook on a scratch repository."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GOOD = """# 카카오 자기소개서

## 지원 동기 (300자)
카카오톡 선물하기로 명절 선물을 보내며 받는 사람의 주소를 몰라도 마음을 전할 수 있다는 점에 놀랐습니다.
그 편리함 뒤에 있는 주문 처리 구조를 직접 만들고 싶어 백엔드 개발자로 지원했습니다.
학부 때 만든 주문 서비스에서 Redis 캐시로 조회 지연을 줄인 경험을 살려 빠른 서비스를 만들겠습니다.
"""
BAD = """# 카카오 자기소개서

## 지원 동기 (300자)

## 입사 후 포부 (500자)
TODO
"""

TYPO = GOOD.replace("학부 때 만든", "학부 때 팀장 역활을 맡아 만든")

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is needed for pre-commit")


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


def _pre_commit_env(cache: Path) -> dict[str, str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(cache), "NO_COLOR": "1"}
    env.pop("PRE_COMMIT", None)
    return env


@pytest.fixture(scope="module")
def source_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A committed copy of this checkout: try-repo reads the hook from a git repository."""
    copy = tmp_path_factory.mktemp("src") / "essaylint-src"
    ignore = shutil.ignore_patterns(".venv*", ".git", "build", "dist", "*.egg-info", ".*cache*")
    shutil.copytree(ROOT, copy, ignore=ignore)
    _git(copy, "init", "-q")
    _git(copy, "add", "-A")
    _git(copy, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "snapshot")
    return copy


def _essay_repo(tmp_path: Path, text: str) -> Path:
    repo = tmp_path / "essays"
    repo.mkdir()
    _git(repo, "init", "-q")
    (repo / "kakao.md").write_text(text, encoding="utf-8")
    _git(repo, "add", "kakao.md")
    return repo


def _try_repo(
    source: Path, repo: Path, hook: str = "essaylint"
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(source), hook, "--all-files"],
        cwd=repo,
        env=_pre_commit_env(source.parent / "pre-commit-cache"),
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_hook_fails_on_an_unfinished_essay(source_repo: Path, tmp_path: Path) -> None:
    repo = _essay_repo(tmp_path, BAD)
    done = _try_repo(source_repo, repo)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "essaylint" in done.stdout
    assert "Failed" in done.stdout
    assert "kakao.md:3:1: EL101 empty-answer 답변이 비어 있음" in done.stdout
    assert "EL102 stub-answer" in done.stdout


def test_hook_passes_on_a_finished_essay(source_repo: Path, tmp_path: Path) -> None:
    repo = _essay_repo(tmp_path, GOOD)
    done = _try_repo(source_repo, repo)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Passed" in done.stdout


def test_fix_hook_fixes_the_file_and_reports_the_change(source_repo: Path, tmp_path: Path) -> None:
    repo = _essay_repo(tmp_path, TYPO)
    done = _try_repo(source_repo, repo, "essaylint-fix")
    assert done.returncode == 1, done.stdout + done.stderr
    assert "essaylint (fix)" in done.stdout
    assert "files were modified by this hook" in done.stdout
    assert "Fixed 1 finding (1 file)." in done.stdout
    assert (repo / "kakao.md").read_text(encoding="utf-8") == TYPO.replace("역활을", "역할을")
    again = _try_repo(source_repo, repo, "essaylint-fix")  # nothing left to fix: it passes
    assert again.returncode == 0, again.stdout + again.stderr
    assert "Passed" in again.stdout

"""Helpers shared by test modules (pytest puts this folder on sys.path)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

# Inherited settings that would change what a run prints or where it caches: a test that needs
# one passes it in `env`.
DROPPED_ENV = ("FORCE_COLOR", "CI", "ESSAYLINT_CACHE_DIR", "PYTHONPATH")


def user_environment(env: dict[str, str] | None = None) -> dict[str, str]:
    """This process's environment as a user's run sees it: colour off, none of `DROPPED_ENV`,
    then `env` on top."""
    environment = {k: v for k, v in os.environ.items() if k not in DROPPED_ENV}
    environment["NO_COLOR"] = "1"
    environment.update(env or {})
    return environment


def essaylint_bytes(
    *args: str,
    cwd: Path,
    env: dict[str, str] | None = None,
    stdin: bytes | None = None,
    stderr: Any = subprocess.PIPE,
    timeout: float = 300,
    preexec: Callable[[], object] | None = None,
) -> subprocess.CompletedProcess[bytes]:
    """`python -m essaylint ARGS` as a user runs it (colour off, none of `DROPPED_ENV`), its
    output as bytes; `preexec` runs in the child before essaylint starts (limits, umask)."""
    return subprocess.run(
        [sys.executable, "-m", "essaylint", *args],
        cwd=cwd,
        env=user_environment(env),
        input=stdin,
        stdout=subprocess.PIPE,
        stderr=stderr,
        timeout=timeout,
        preexec_fn=preexec,
        check=False,
    )


def essaylint(
    *args: str,
    cwd: Path,
    env: dict[str, str] | None = None,
    stdin: bytes | None = None,
    stderr: Any = subprocess.PIPE,
    timeout: float = 300,
    errors: str = "strict",
) -> subprocess.CompletedProcess[str]:
    """`essaylint_bytes` with the output decoded as UTF-8 (`errors="strict"` also checks that
    it is UTF-8). `stderr` may be a terminal's file descriptor; then the result's stderr is
    empty."""
    done = essaylint_bytes(*args, cwd=cwd, env=env, stdin=stdin, stderr=stderr, timeout=timeout)
    return subprocess.CompletedProcess(
        done.args,
        done.returncode,
        done.stdout.decode("utf-8", errors),
        (done.stderr or b"").decode("utf-8", errors),
    )


def essaylint_unread(*args: str, cwd: Path, timeout: float = 300) -> tuple[int, str]:
    """`python -m essaylint ARGS` with its stdout read by nobody (`essaylint … | head` once
    head has gone): its exit code and stderr."""
    process = subprocess.Popen(
        [sys.executable, "-m", "essaylint", *args],
        cwd=cwd,
        env=user_environment(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()
    errors = process.stderr.read().decode("utf-8")
    return process.wait(timeout=timeout), errors


def essay(
    number: int, *, second: str = "팀의 온보딩 문서를 꾸준히 정리하겠습니다.", extra: str = ""
) -> str:
    """A small essay; every third is over its limit, every fifth has an empty second answer.
    `extra` ends the first answer (a marker a test plugin reacts to)."""
    answer = "사용자의 불편을 먼저 찾고 끝까지 해결하는 개발자가 되겠습니다. " * (1 + number % 4)
    limit = 30 if number % 3 == 0 else 400
    answered = "" if number % 5 == 0 else f"{second}\n"
    return (
        f"# 지원서 {number}\n\n## 1. 지원 동기 ({limit}자)\n{answer.strip()}{extra}\n\n"
        f"## 2. 입사 후 포부\n{answered}"
    )


def write_essays(folder: Path, count: int, **essay_options: str) -> list[Path]:
    """`essay-00.md` … in `folder`, made by `essay(number, **essay_options)`."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(count):
        path = folder / f"essay-{number:02}.md"
        path.write_text(essay(number, **essay_options), encoding="utf-8")
        paths.append(path)
    return paths


def install_plugin(site: Path, name: str, code: str, source: str) -> dict[str, str]:
    """A real third-party rule distribution in `site`: its dist-info registers `code` in the
    `essaylint.plugins` group as `<module>:RULE`, the module holds `source`. Returns the
    environment that puts it on the path of an essaylint process."""
    module = name.replace("-", "_")
    info = site / f"{module}-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text(f"[essaylint.plugins]\n{code} = {module}:RULE\n")
    (site / f"{module}.py").write_text(source)
    return {"PYTHONPATH": str(site)}

"""Helpers shared by test modules (pytest puts this folder on sys.path)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def essaylint(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """`python -m essaylint ARGS` as a user runs it: colour off, no PYTHONPATH, UTF-8 output."""
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "PYTHONPATH")}
    env["NO_COLOR"] = "1"
    return subprocess.run(
        [sys.executable, "-m", "essaylint", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=180,
        check=False,
    )

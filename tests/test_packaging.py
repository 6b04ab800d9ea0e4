"""The wheel carries the rule packs and presets, and an installed copy reads them."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (found,) = out.glob("essaylint-*.whl")
    return found


def test_wheel_contains_rule_packs_and_presets(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "essaylint/rules/__init__.py" in names
    assert "essaylint/presets/strict.toml" in names
    assert "essaylint/py.typed" in names
    shipped_packs = {n for n in names if n.startswith("essaylint/rules/") and n.endswith(".toml")}
    source_packs = {
        "essaylint/rules/" + p.relative_to(ROOT / "rules").as_posix()
        for p in (ROOT / "rules").rglob("*.toml")
    }
    assert source_packs <= shipped_packs
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    text = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert "[essaylint.plugins]" in text
    assert "EL201 = essaylint.plugins.el201_over_limit:RULE" in text


def test_installed_wheel_reads_its_data(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "-q",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    probe = (
        "import essaylint, importlib.resources as r, tomllib;"
        "print(essaylint.__file__);"
        "rules = r.files('essaylint.rules');"
        "print(sorted(p.name for p in rules.iterdir() if p.is_dir() and p.name[0] != '_'));"
        "print(tomllib.loads((r.files('essaylint') / 'presets' / 'strict.toml').read_text())['strict'])"
    )
    env = {**os.environ, "PYTHONPATH": str(target)}
    done = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    lines = done.stdout.splitlines()
    assert lines[0].startswith(str(target))
    assert "typos" in lines[1]
    assert lines[2] == "True"

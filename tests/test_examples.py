"""The bundled example says what README and examples/README.md say it says."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from helpers import essaylint

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = "examples/kakao-application.md"


def _run() -> subprocess.CompletedProcess[str]:
    return essaylint(EXAMPLE, cwd=ROOT, env={"PATH": ""})


def test_example_findings_match_its_readme() -> None:
    done = _run()
    assert done.returncode == 1
    assert done.stderr == ""
    readme = (ROOT / "examples" / "README.md").read_text(encoding="utf-8")
    documented = re.search(r"```text\n(.*?)```", readme, re.S)
    assert documented is not None
    assert done.stdout == documented.group(1)


def test_readme_sample_lines_are_real_output() -> None:
    done = _run()
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    sample = re.search(r"```text\n(examples/.*?)```", readme, re.S)
    assert sample is not None
    for line in sample.group(1).splitlines():
        assert line in done.stdout.splitlines()


def test_example_shows_every_kind_of_finding() -> None:
    codes = {line.split()[1] for line in _run().stdout.splitlines() if line.startswith("examples/")}
    assert codes == {"EL101", "EL102", "EL201", "EL301", "EL401", "EL402"}


def test_readme_score_details_sample_is_real_output() -> None:
    command = "essaylint score --details examples/kakao-application.md"
    done = essaylint(*command.split()[1:], cwd=ROOT, env={"PATH": ""})
    assert done.returncode == 0
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    sample = re.search(rf"```text\n\$ {re.escape(command)}\n(.*?)```", readme, re.S)
    assert sample is not None
    shown = sample.group(1).splitlines()
    assert shown == done.stdout.splitlines()[: len(shown)]
    assert any("██████████▶ 132%" in line for line in shown)

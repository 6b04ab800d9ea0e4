"""The EL4xx fixtures, run with only their folder's rule on, give exactly their `expect` block.

Same format as `test_fixtures.py` (settings in a leading `<!-- essaylint-test ... -->` comment,
findings in a trailing `<!-- expect ... -->` one). The EL4xx rules are added to the installed
ones here, so these run whether or not the entry points are registered yet.
`ESSAYLINT_UPDATE_VALUES_FIXTURES=1 pytest tests/test_values_fixtures.py` rewrites the expect
blocks of the `fail_` fixtures for review.
"""

from __future__ import annotations

import dataclasses
import os
import re
import tomllib
from collections.abc import Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from unittest import mock

import pytest

from essaylint.linting.plugin import Rule
from essaylint.linting.registry import load_rules
from essaylint.linting.results import FileResult
from essaylint.plugins import (
    el401_missing_value,
    el402_unused_value,
    el403_wrong_company,
    el404_blind_hiring,
)
from essaylint.reading.source import decode
from essaylint.running.config import Settings, validate_settings
from essaylint.running.runner import lint_source

FIXTURES = Path(__file__).parent / "fixtures"
VALUE_RULES: dict[str, Rule] = {
    m.RULE.code: m.RULE
    for m in (el401_missing_value, el402_unused_value, el403_wrong_company, el404_blind_hiring)
}
FOLDERS = tuple(f"{code}-{rule.name}" for code, rule in VALUE_RULES.items())
_SETTINGS = re.compile(r"\A<!--\s*essaylint-test\b(?P<body>.*?)-->[ \t]*\n?", re.DOTALL)
_EXPECT = re.compile(r"<!--\s*expect\b(?P<body>.*?)-->\s*\Z", re.DOTALL)


@dataclasses.dataclass
class _Rules:
    rules: dict[str, Rule]

    def __call__(self) -> dict[str, Rule]:
        return self.rules


def with_value_rules() -> AbstractContextManager[object]:
    """Patch the engine's rule loader to include the EL4xx rules (a no-op once registered)."""
    return mock.patch(
        "essaylint.running.engine.load_rules", _Rules({**load_rules(), **VALUE_RULES})
    )


def lint(text: str, settings: Settings, path: str = "essay.md") -> FileResult:
    with with_value_rules():
        return lint_source(decode(text.encode("utf-8")), path, settings)


def fixture_files() -> Iterator[Path]:
    for folder in FOLDERS:
        yield from sorted((FIXTURES / folder).glob("*.md"))


def run_fixture(path: Path) -> list[str]:
    text = decode(path.read_bytes()).text
    match = _SETTINGS.match(text)
    settings = validate_settings(tomllib.loads(match["body"]), path.name) if match else Settings()
    settings = dataclasses.replace(settings, select=(path.parent.name[:5],))
    with with_value_rules():
        result = lint_source(decode(path.read_bytes()), str(path), settings)
    assert result.error is None, result.error
    return [f"{f.line}:{f.col} {f.code} {f.message}" for f in result.findings]


def expected(text: str) -> list[str]:
    match = _EXPECT.search(text)
    if match is None:
        return []
    return [line.strip() for line in match["body"].splitlines() if line.strip()]


@pytest.mark.parametrize("path", list(fixture_files()), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_value_fixture(path: Path) -> None:
    actual = run_fixture(path)
    text = decode(path.read_bytes()).text
    if path.name.startswith("pass_"):
        assert actual == []
        return
    if os.environ.get("ESSAYLINT_UPDATE_VALUES_FIXTURES"):
        block = "<!-- expect\n" + "\n".join(actual) + " -->\n"
        found = _EXPECT.search(text)
        text = (text[: found.start()] if found else text.rstrip("\n") + "\n") + block
        path.write_bytes(text.encode("utf-8"))
    assert actual, "fail_ fixtures expect at least one finding"
    assert actual == expected(text)


@pytest.mark.parametrize("folder", FOLDERS)
def test_every_value_rule_has_pass_and_fail_fixtures(folder: str) -> None:
    files = list((FIXTURES / folder).glob("*.md"))
    assert len([p for p in files if p.name.startswith("pass_")]) >= 2
    assert len([p for p in files if p.name.startswith("fail_")]) >= 2

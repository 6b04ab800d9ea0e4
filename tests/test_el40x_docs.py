"""The EL4xx rule docs: required headings, and their examples lint as they say."""

from __future__ import annotations

import dataclasses
import re

import pytest
from test_values_fixtures import VALUE_RULES, lint

from essaylint.linting.plugin import Rule
from essaylint.running.config import Settings

HEADINGS = (
    "## What it flags",
    "## Why it matters",
    "## Example",
    "## Instead",
    "## Fix",
    "## False positives",
)


def example(rule: Rule, heading: str) -> str:
    doc = rule.doc
    start = doc.index(heading)
    match = re.search(r"```markdown\n(?P<body>.*?)```", doc[start:], re.DOTALL)
    assert match is not None, f"{rule.code}: no markdown block under {heading}"
    return match["body"]


@pytest.mark.parametrize("code", sorted(VALUE_RULES))
def test_docstring_has_the_headings_in_order(code: str) -> None:
    doc = VALUE_RULES[code].doc
    positions = [doc.index(h) for h in HEADINGS]
    assert positions == sorted(positions)


@pytest.mark.parametrize("code", sorted(VALUE_RULES))
def test_example_fails_and_instead_passes(code: str) -> None:
    rule = VALUE_RULES[code]
    settings = Settings(select=(code,))
    failing = lint(example(rule, "## Example"), settings).findings
    assert [f.code for f in failing if f.code == code], f"{code}: the Example must fail"
    passing = lint(example(rule, "## Instead"), settings).findings
    assert passing == [], f"{code}: the Instead example must pass"


@pytest.mark.parametrize("code", sorted(VALUE_RULES))
def test_metadata(code: str) -> None:
    rule = VALUE_RULES[code]
    assert rule.code == code
    module = rule.check.__module__.rsplit(".", 1)[-1]
    assert module == f"{code.lower()}_{rule.name.replace('-', '_')}"
    for field in dataclasses.fields(rule.options):
        assert field.default is not dataclasses.MISSING, f"{code}: {field.name} has no default"


def test_severities_and_tags() -> None:
    assert {c: (r.name, r.severity) for c, r in VALUE_RULES.items()} == {
        "EL401": ("missing-value", "warning"),
        "EL402": ("unused-value", "info"),
        "EL403": ("wrong-company", "error"),
        "EL404": ("blind-hiring", "error"),
    }
    assert VALUE_RULES["EL401"].tags == ("values", "model")
    assert VALUE_RULES["EL403"].tags == ("values",)
    assert VALUE_RULES["EL404"].default_enabled is True  # silent unless the application is blind


def test_bad_options_are_one_line_config_errors() -> None:
    bad = Settings(select=("EL401",), rules={"missing-value": {"skip": ["("]}})
    result = lint("## 지원 동기\n답변입니다.\n", bad)
    assert result.error is not None
    assert "rules.missing-value.skip: bad regular expression" in result.error
    unknown = Settings(select=("EL402",), rules={"unused-value": {"origins": ["everywhere"]}})
    assert "origins: must be among" in str(lint("## 질문\n답\n", unknown).error)

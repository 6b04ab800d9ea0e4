"""Every registered rule keeps the plugin contract: names, docs, options, examples, fixtures."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from essaylint.linting.registry import CODE_PATTERN, NAME_PATTERN, is_builtin, load_rules
from essaylint.reading.source import decode
from essaylint.running.config import Settings
from essaylint.running.runner import lint_source

ROOT = Path(__file__).resolve().parent.parent
HEADINGS = (
    "## What it flags",
    "## Why it matters",
    "## Example",
    "## Instead",
    "## Fix",
    "## False positives",
)
RULES = [r for r in load_rules().values() if is_builtin(r)]
IDS = [r.code for r in RULES]


def _example(doc: str, heading: str) -> str:
    match = re.search(rf"^{re.escape(heading)}\n+```markdown\n(.*?)```", doc, re.S | re.M)
    assert match is not None, f"no ```markdown block under {heading}"
    return match.group(1)


def _codes(rule_code: str, text: str) -> list[str]:
    settings = dataclasses.replace(Settings(), select=(rule_code,))
    result = lint_source(decode(text.encode()), "example.md", settings)
    assert result.error is None, result.error
    return [f.code for f in result.findings]


@pytest.mark.parametrize("rule", RULES, ids=IDS)
def test_code_name_and_module_agree(rule) -> None:  # type: ignore[no-untyped-def]
    assert CODE_PATTERN.match(rule.code)
    assert NAME_PATTERN.match(rule.name)
    module = rule.check.__module__.rsplit(".", 1)[-1]
    assert module == f"{rule.code.lower()}_{rule.name.replace('-', '_')}"
    assert rule.summary
    assert rule.tags


@pytest.mark.parametrize("rule", RULES, ids=IDS)
def test_docstring_has_every_heading(rule) -> None:  # type: ignore[no-untyped-def]
    doc = rule.doc
    assert doc.startswith(f"{rule.code} {rule.name}")
    positions = [doc.find(h + "\n") for h in HEADINGS]
    assert all(p >= 0 for p in positions), [
        h for h, p in zip(HEADINGS, positions, strict=True) if p < 0
    ]
    assert positions == sorted(positions)


@pytest.mark.parametrize("rule", RULES, ids=IDS)
def test_every_option_has_a_default(rule) -> None:  # type: ignore[no-untyped-def]
    for item in dataclasses.fields(rule.options):
        has_default = item.default is not dataclasses.MISSING
        has_factory = item.default_factory is not dataclasses.MISSING
        assert has_default or has_factory, f"{rule.code}.{item.name} has no default"
    rule.options().validate()


@pytest.mark.parametrize("rule", [r for r in RULES if r.default_enabled], ids=lambda r: r.code)
def test_documented_example_fails_and_instead_passes(rule) -> None:  # type: ignore[no-untyped-def]
    assert rule.code in _codes(rule.code, _example(rule.doc, "## Example"))
    assert rule.code not in _codes(rule.code, _example(rule.doc, "## Instead"))


@pytest.mark.parametrize("rule", RULES, ids=IDS)
def test_fixtures_exist(rule) -> None:  # type: ignore[no-untyped-def]
    folder = ROOT / "tests" / "fixtures" / f"{rule.code}-{rule.name}"
    assert folder.is_dir(), f"missing {folder.relative_to(ROOT)}"
    assert list(folder.glob("pass_*.md")), "no pass_ fixture"
    assert list(folder.glob("fail_*.md")), "no fail_ fixture"

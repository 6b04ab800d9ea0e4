"""Every rule fixture, run with only its folder's rule on, gives exactly its `expect` block.

A fixture is `tests/fixtures/<CODE>-<name>/{pass_*,fail_*}.md`: optional settings (TOML shaped
like an essaylint config file) in a leading `<!-- essaylint-test ... -->` comment, expected
findings as `line:col CODE message` lines in a trailing `<!-- expect ... -->` comment. Comments
are not answer text, so neither block changes a count. `pass_` files expect nothing.

`pytest --update-fixtures` rewrites the expect block of every `fail_` fixture with what essaylint
reports now; review the diff before committing.
"""

from __future__ import annotations

import dataclasses
import re
import tomllib
from pathlib import Path

import pytest

from essaylint.linting.registry import load_rules
from essaylint.reading.document import build_document
from essaylint.reading.source import decode
from essaylint.running.config import Settings, validate_settings
from essaylint.running.runner import lint_source

FIXTURES = Path(__file__).parent / "fixtures"
CORE_RULES = ("EL101", "EL102", "EL103", "EL104", "EL201", "EL202")

_FOLDER = re.compile(r"^(?P<code>[A-Z]{2,4}[0-9]{3})-(?P<name>[a-z0-9]+(?:-[a-z0-9]+)*)$")
_SETTINGS = re.compile(r"\A<!--\s*essaylint-test\b(?P<body>.*?)-->[ \t]*\n?", re.DOTALL)
_EXPECT = re.compile(r"<!--\s*expect\b(?P<body>.*?)-->\s*\Z", re.DOTALL)

# Fixtures that currently show a bug ("relative/path.md": "bug: ..."): strict xfail, so each
# flags itself once the bug is fixed.
KNOWN_BUGS: dict[str, str] = {}


def _fixture_files() -> list[Path]:
    return sorted(
        p
        for p in FIXTURES.glob("*/*.md")
        if p.name.startswith(("pass_", "fail_")) and not p.name.endswith(".fixed.md")
    )


def _relative(path: Path) -> str:
    return path.relative_to(FIXTURES).as_posix()


def _params() -> list[object]:
    params: list[object] = []
    for path in _fixture_files():
        rel = _relative(path)
        marks = []
        if rel in KNOWN_BUGS:
            marks.append(pytest.mark.xfail(strict=True, reason=KNOWN_BUGS[rel]))
        params.append(pytest.param(path, id=rel, marks=marks))
    return params


def fixture_settings(text: str, origin: str) -> Settings:
    """The fixture's leading `essaylint-test` block as Settings (defaults when there is none)."""
    match = _SETTINGS.match(text)
    if match is None:
        return Settings()
    return validate_settings(tomllib.loads(match["body"]), origin)


def expected_findings(text: str) -> list[str]:
    match = _EXPECT.search(text)
    if match is None:
        return []
    return [line.strip() for line in match["body"].splitlines() if line.strip()]


def actual_findings(path: Path) -> list[str]:
    folder = _FOLDER.match(path.parent.name)
    assert folder is not None, f"fixture folder {path.parent.name!r} is not <CODE>-<name>"
    source = decode(path.read_bytes())
    settings = fixture_settings(source.text, _relative(path))
    settings = dataclasses.replace(settings, select=(folder["code"],))
    result = lint_source(source, str(path), settings)
    assert result.error is None, f"{_relative(path)}: {result.error}"
    return [f"{f.line}:{f.col} {f.code} {f.message}" for f in result.findings]


def rewrite_expect(text: str, findings: list[str]) -> str:
    """`text` with its trailing expect block replaced by (or extended with) `findings`."""
    block = "<!-- expect\n" + "\n".join(findings) + " -->\n" if findings else "<!-- expect -->\n"
    match = _EXPECT.search(text)
    if match is not None:
        return text[: match.start()] + block
    return text + ("" if text.endswith("\n") else "\n") + block


@pytest.mark.parametrize("path", _params())
def test_fixture(path: Path, request: pytest.FixtureRequest) -> None:
    actual = actual_findings(path)
    text = decode(path.read_bytes()).text
    if path.name.startswith("fail_") and request.config.getoption("--update-fixtures"):
        updated = rewrite_expect(text, actual)
        if updated != text:
            path.write_bytes(updated.encode("utf-8"))
            text = updated
    if path.name.startswith("pass_"):
        assert _EXPECT.search(text) is None or not expected_findings(text), (
            "pass_ fixtures expect nothing"
        )
        assert actual == []
    else:
        expected = expected_findings(text)
        assert expected, "fail_ fixtures expect at least one finding"
        assert actual == expected


# --- the fixture set itself --------------------------------------------------------------------


def test_every_folder_names_a_rule_by_code_and_name() -> None:
    rules = load_rules()
    for folder in sorted(p for p in FIXTURES.iterdir() if p.is_dir()):
        match = _FOLDER.match(folder.name)
        assert match is not None, folder.name
        assert match["code"] in rules, folder.name
        assert rules[match["code"]].name == match["name"], folder.name


@pytest.mark.parametrize("code", CORE_RULES)
def test_core_rule_has_two_pass_and_two_fail_fixtures(code: str) -> None:
    (folder,) = [p for p in FIXTURES.iterdir() if p.name.startswith(f"{code}-")]
    assert len(list(folder.glob("pass_*.md"))) >= 2
    assert len([p for p in folder.glob("fail_*.md") if not p.name.endswith(".fixed.md")]) >= 2


@pytest.mark.parametrize("path", _fixture_files(), ids=_relative)
def test_fixture_comments_are_not_answer_text(path: Path) -> None:
    """The settings and expect blocks change neither a section's text nor its lines."""
    text = decode(path.read_bytes()).text
    stripped = _SETTINGS.sub(lambda m: "\n" * m.group().count("\n"), text, count=1)
    stripped = _EXPECT.sub("", stripped)

    def shape(markdown: str) -> list[tuple[str, str, int, str]]:
        return [(s.kind, s.title, s.heading_line, s.text) for s in build_document(markdown).walk()]

    assert shape(text) == shape(stripped)


def test_rewrite_expect_replaces_only_the_trailing_block() -> None:
    text = "## 지원 동기\n답변입니다.\n<!-- expect\n2:1 EL101 old -->\n"
    assert rewrite_expect(text, ["1:1 EL101 new", "3:1 EL102 more"]) == (
        "## 지원 동기\n답변입니다.\n<!-- expect\n1:1 EL101 new\n3:1 EL102 more -->\n"
    )
    assert rewrite_expect("## 질문\n", []) == "## 질문\n<!-- expect -->\n"
    assert expected_findings("## 질문\n<!-- expect -->\n") == []

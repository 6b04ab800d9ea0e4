"""`essaylint server` end to end: the server as a real subprocess over stdio, driven by a
pytest-lsp client as an editor drives it (open, type, hover, apply fixes, change config)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lsprotocol import types as lsp
from server_client import diagnostics_for, open_doc, serve

from helpers import essaylint

pytestmark = pytest.mark.asyncio(loop_scope="function")
FAST = {"model": False, "debounceMs": 0}

ESSAY = """# 카카오 2026 신입 자기소개서

## 지원 동기 (100자)

저는 아떠한 상황에서도 사용자를 먼저 생각하는 개발자가 되고 싶어서 카카오에 지원했습니다.

## 입사 후 포부 (1000자)

###성장과정
"""


SEVERITIES = {1: "error", 2: "warning", 3: "info"}


def key(diagnostic: lsp.Diagnostic) -> tuple[object, ...]:
    """A diagnostic in the terms of a `--format json` finding (these texts are BMP-only)."""
    start, end = diagnostic.range.start, diagnostic.range.end
    return (
        start.line + 1,
        start.character + 1,
        end.line + 1,
        end.character + 1,
        str(diagnostic.code),
        SEVERITIES[diagnostic.severity or 0],
        diagnostic.message.split("\n", 1)[0],
    )


def cli_findings(folder: Path, name: str, *flags: str) -> list[tuple[object, ...]]:
    """What `essaylint check --format json` reports for a file, in `key`'s terms."""
    done = essaylint("check", *flags, "--format", "json", "--no-cache", name, cwd=folder)
    (report,) = json.loads(done.stdout)["files"]
    return [
        (
            f["line"],
            f["column"],
            f["end_line"],
            f["end_column"],
            f["code"],
            f["severity"],
            f["message"],
        )
        for f in report["findings"]
    ]


def same_findings(found: list[lsp.Diagnostic], expected: list[tuple[object, ...]]) -> None:
    """Finding by finding; a finding without a span of its own (end at its start) is shown
    to the end of its line, so only its start is compared."""
    assert len(found) == len(expected), ([key(d) for d in found], expected)
    for diagnostic, finding in zip(found, expected, strict=True):
        mine = key(diagnostic)
        if (finding[2], finding[3]) <= (finding[0], finding[1]):
            mine = (*mine[:2], finding[2], finding[3], *mine[4:])
        assert mine == finding


async def test_open_publishes_the_clis_findings(tmp_path: Path) -> None:
    essay = tmp_path / "essay.md"
    essay.write_text(ESSAY, encoding="utf-8")
    async with serve(tmp_path, FAST) as client:
        open_doc(client, essay.as_uri(), ESSAY)
        found = await diagnostics_for(client, essay.as_uri(), 1)
    same_findings(found, cli_findings(tmp_path, "essay.md", "--ignore", "model"))
    assert {"EL301", "EL202", "EL105"} <= {str(d.code) for d in found}

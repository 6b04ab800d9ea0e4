"""When documents are checked: the fast rules after a debounce, the model rules after a pause.

Per document, each change cancels the check waiting for it; a check runs on the buffer's text
of one version, and its result is kept only while that is still the document's version. The
fast rules (everything not tagged `model`) run in one thread of the server; the model rules run
with a full check in the model worker (`worker.ModelWorker`) once the writer has paused, and
their result replaces the fast one: the diagnostics then equal `essaylint check`'s. Until then
the model findings of the last full check stay on lines whose text has not changed.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from typing import Any

from essaylint.api import FileResult, Finding, Settings, lint_text
from essaylint.server.convert import Lines

log = logging.getLogger("essaylint.server")


@dataclass(slots=True)
class Checked:
    """A document's text of one version and what was found in it."""

    version: int | None
    text: str
    lines: Lines
    result: FileResult
    path: str
    settings: Settings | None  # None: not checked (a broken config, a document too large)
    full: bool = False  # the model rules ran too


@dataclass(slots=True)
class DocumentChecks:
    """One open document's checks: what is waiting, what was found last."""

    fast: asyncio.Task[None] | None = None
    model: asyncio.Task[None] | None = None
    checked: Checked | None = None
    last_full: Checked | None = None
    counts: dict[int, dict[str, int]] | None = field(default=None)  # hover, for `checked`

    def cancel(self) -> None:
        for task in (self.fast, self.model):
            if task is not None and not task.done():
                task.cancel()


def fast_settings(settings: Settings) -> Settings:
    return settings.merged(ignore=("model",))


_FAST_POOL = ThreadPoolExecutor(1, thread_name_prefix="essaylint-fast")


async def check_fast(text: str, path: str, settings: Settings) -> FileResult:
    """The rules that need no model, in the server's checking thread."""
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(_FAST_POOL, lint_text, text, path, settings)


async def in_thread(job: Callable[..., Any], *args: Any) -> Any:
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(_FAST_POOL, job, *args)


def carry_model_findings(
    fast: FileResult, lines: list[str], previous: Checked | None, model_codes: frozenset[str]
) -> FileResult:
    """The fast result with the model findings of the previous full check whose lines read
    the same now (an edit elsewhere leaves them standing until the model runs again)."""
    if previous is None or fast.error is not None:
        return fast
    old = previous.lines.lines
    kept: list[Finding] = []
    for finding in previous.result.findings:
        if finding.code not in model_codes:
            continue
        span = range(finding.line, max(finding.end_line, finding.line) + 1)
        if all(1 <= n <= len(lines) and n <= len(old) and lines[n - 1] == old[n - 1] for n in span):
            kept.append(finding)
    if not kept:
        return fast
    return replace(fast, findings=sorted([*fast.findings, *kept]))

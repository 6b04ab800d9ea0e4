"""The model rules' worker: a separate process that loads the Kiwi model once and runs full
checks (every selected rule) for the server, so the model's load and its analysis never hold
up the fast rules or the server's replies, and a model that crashes takes only the worker.

One job at a time: the server sends a document's newest version only, and drops a result
whose version is no longer the document's.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from essaylint.api import FileResult, Settings, fix_text, lint_text

log = logging.getLogger("essaylint.server")
MAX_RESTARTS = 3  # then the model rules run in a thread of the server itself


def check_full(text: str, path: str, settings: Settings) -> FileResult:
    """In the worker: every selected rule, as `essaylint check` runs them."""
    return lint_text(text, path, settings)


def fix_full(text: str, path: str, settings: Settings) -> str:
    """In the worker: the text with every safe fix applied (`check --fix`)."""
    return fix_text(text, path, settings)


def _warm() -> None:
    """Import the engine and the rules in the worker before the first job needs them."""
    from essaylint.linting.registry import load_rules

    load_rules()


class ModelWorker:
    """A one-process pool, restarted when its process dies."""

    def __init__(self) -> None:
        self._pool: Executor | None = None
        self._restarts = 0
        self.lock = asyncio.Lock()  # one job at a time: the newest version waits, not a queue

    def _executor(self) -> Executor:
        if self._pool is None:
            if self._restarts >= MAX_RESTARTS:
                log.warning("essaylint: model worker keeps failing; model rules run in-process")
                self._pool = ThreadPoolExecutor(1, thread_name_prefix="essaylint-model")
            else:
                context = multiprocessing.get_context("spawn")
                self._pool = ProcessPoolExecutor(1, mp_context=context, initializer=_warm)
        return self._pool

    async def check(self, text: str, path: str, settings: Settings) -> FileResult:
        return await self._run(check_full, text, path, settings)

    async def fix(self, text: str, path: str, settings: Settings) -> str:
        return await self._run(fix_full, text, path, settings)

    async def _run(self, job: object, *args: object) -> object:  # type: ignore[misc]
        loop = asyncio.get_running_loop()
        try:
            return await loop.run_in_executor(self._executor(), job, *args)  # type: ignore[arg-type]
        except BrokenProcessPool:
            log.warning("essaylint: the model worker process ended; starting a new one")
            self._restarts += 1
            self.close()
            raise

    def close(self) -> None:
        pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)

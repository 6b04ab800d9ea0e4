"""The model rules' worker: a child process that loads the Kiwi model once and runs full
checks (every selected rule) for the server, so the model's load and its analysis never hold
up the fast rules or the server's replies, and a model that crashes takes only the worker.

A plain child (`python -m essaylint.server.worker`) talking over its own stdin and stdout with
length-prefixed pickles, not a multiprocessing pool: the server's stdout carries the protocol
and must not be held open by a grandchild, and a worker whose server died reads the end of its
stdin and exits. One job at a time: the server sends a document's newest version only, drops a
result whose version is no longer the document's, and lets a job it no longer wants finish
(the exchange is never cut in the middle).
"""

from __future__ import annotations

import asyncio
import logging
import os
import pickle
import struct
import sys
from collections.abc import Callable
from typing import Any, BinaryIO

from essaylint.api import FileResult, Settings, fix_text, lint_text

log = logging.getLogger("essaylint.server")
_HEADER = struct.Struct(">I")
MAX_RESTARTS = 5  # then the model rules stop for this session (one line says so)


class WorkerFailed(RuntimeError):
    """The worker ended or answered nonsense; the next job starts a new one."""


JOBS: dict[str, Callable[[str, str, Settings], Any]] = {"check": lint_text, "fix": fix_text}


async def _read_message(stream: asyncio.StreamReader) -> Any:
    header = await stream.readexactly(_HEADER.size)
    (size,) = _HEADER.unpack(header)
    return pickle.loads(await stream.readexactly(size))


def _pack(message: Any) -> bytes:
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    return _HEADER.pack(len(data)) + data


class ModelWorker:
    """The server's side: starts the child on first use, again after it died."""

    def __init__(self) -> None:
        self._process: asyncio.subprocess.Process | None = None
        self._restarts = 0
        self._lock = asyncio.Lock()  # one job at a time: the newest version waits, not a queue

    async def check(
        self, text: str, path: str, settings: Settings, wanted: Callable[[], bool]
    ) -> FileResult | None:
        """A full check, or None when `wanted()` says no once the worker is free."""
        result: FileResult | None = await self._submit(wanted, "check", text, path, settings)
        return result

    async def fix(self, text: str, path: str, settings: Settings) -> str:
        fixed: str = await self._submit(lambda: True, "fix", text, path, settings)
        return fixed

    async def _submit(self, wanted: Callable[[], bool], kind: str, *args: Any) -> Any:
        """Run a job; a caller cancelled meanwhile leaves the exchange to finish on its own."""
        job = asyncio.ensure_future(self._exchange(wanted, kind, *args))
        return await asyncio.shield(job)

    async def _exchange(self, wanted: Callable[[], bool], kind: str, *args: Any) -> Any:
        async with self._lock:
            if not wanted():
                return None
            return await self._send(kind, *args)

    async def _send(self, kind: str, *args: Any) -> Any:
        process = await self._started()
        assert process.stdin is not None and process.stdout is not None
        try:
            process.stdin.write(_pack((kind, *args)))
            await process.stdin.drain()
            ok, value = await _read_message(process.stdout)
        except (OSError, EOFError, asyncio.IncompleteReadError, pickle.PickleError) as error:
            self._restarts += 1
            self.close()
            log.warning("essaylint: the model worker ended (%s); a new one starts", error)
            raise WorkerFailed(str(error)) from None
        if not ok:
            raise WorkerFailed(value)
        return value

    async def _started(self) -> asyncio.subprocess.Process:
        process = self._process
        if process is not None and process.returncode is None:
            return process
        if self._restarts >= MAX_RESTARTS:
            raise WorkerFailed("the model worker keeps failing: model rules are off")
        self._process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "essaylint.server.worker",
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            limit=2**31 - 1,
        )
        return self._process

    def close(self) -> None:
        """Let the worker go: the end of its stdin ends it."""
        process, self._process = self._process, None
        if process is not None and process.returncode is None:
            if process.stdin is not None:
                process.stdin.close()
            try:
                process.kill()
            except ProcessLookupError:
                pass


def serve(inbox: BinaryIO, outbox: BinaryIO) -> None:
    """The child's loop: a job in, `(True, result)` or `(False, one line)` out, until EOF."""
    while True:
        header = inbox.read(_HEADER.size)
        if len(header) < _HEADER.size:
            return
        (size,) = _HEADER.unpack(header)
        kind, *args = pickle.loads(inbox.read(size))
        try:
            reply: tuple[bool, Any] = (True, JOBS[kind](*args))
        except Exception as error:  # one job's failure is its answer, not the worker's end
            reply = (False, f"{type(error).__name__}: {error}")
        outbox.write(_pack(reply))
        outbox.flush()


def main() -> None:
    # Plugins may print: only the replies go to the real stdout.
    outbox = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    try:
        serve(sys.stdin.buffer, outbox)
    except (KeyboardInterrupt, BrokenPipeError):
        pass


if __name__ == "__main__":
    main()

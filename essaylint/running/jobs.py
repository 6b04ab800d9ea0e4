"""Many files: cache hits answered here, the rest linted in worker processes when that pays.

`jobs=1` checks every file in this process, one after another. Otherwise this process first
reads each file and answers what the cache knows (and finds every file's config, so a broken one
stops the run before any work); the files left go to `jobs` workers (None: one per core when more
than `AUTO_MIN_FILES` are left, else this process alone) in chunks of consecutive paths. Each
worker gets a copy of the run's `ConfigFinder` (configs already read are not read again), reads
its files itself (a file edited meanwhile is hashed as it is linted), stores its own cache
entries, and loads the Korean model at most once, on first need. Results come back in the order
given, whatever finished first.

Start method: `fork` on Linux when this process has exactly one thread (counted in
/proc/self/task, so native threads such as Kiwi's count): workers start in milliseconds and
inherit the loaded rules and configs. Forking a process with other threads can copy a lock some
thread holds and deadlock the child (why macOS and Windows default to `spawn`), so any other
case uses `spawn`: a fresh interpreter per worker that imports essaylint again.

A worker that dies (killed, out of memory, a crash in a native library) breaks the pool: the
files not finished by then get a one-line error each, those finished keep their results. A
ConfigError or PluginError from a worker stops the run as it would in one process.
"""

from __future__ import annotations

import math
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from essaylint.linting.results import FileResult
from essaylint.running.config import ConfigError
from essaylint.running.discovery import expand_paths
from essaylint.running.finder import ConfigFinder
from essaylint.running.runner import STDIN, Progress, check_file, look_up

if TYPE_CHECKING:
    from concurrent.futures import Future

    from essaylint.running.cache import ResultCache

__all__ = ["AUTO_MIN_FILES", "cpu_count", "default_jobs", "run_files", "start_method"]

AUTO_MIN_FILES = 8
MAX_CHUNK = 16
_WORKER_FAILED = "internal error (a worker process stopped: {}); please report it"


def cpu_count() -> int:
    """Cores this process may use (affinity and container limits where the OS says)."""
    getaffinity = getattr(os, "sched_getaffinity", None)
    if getaffinity is not None:
        try:
            return max(1, len(getaffinity(0)))
        except OSError:
            pass
    return max(1, os.cpu_count() or 1)


def default_jobs(files: int) -> int:
    """One process per core for more than `AUTO_MIN_FILES` files; fewer are not worth a pool."""
    return cpu_count() if files > AUTO_MIN_FILES else 1


def _single_threaded() -> bool:
    import threading  # the process pool's imports are paid only by runs that use one

    if threading.active_count() != 1:
        return False
    try:
        return len(os.listdir("/proc/self/task")) == 1
    except OSError:
        return False


def start_method() -> str:
    if sys.platform.startswith("linux") and _single_threaded():
        return "fork"
    return "spawn"


def run_files(
    files: Sequence[str],
    finder: ConfigFinder,
    overrides: dict[str, Any],
    *,
    cache: ResultCache | None = None,
    jobs: int | None = 1,
    progress: Progress | None = None,
    method: str | None = None,
    sections: bool = True,
) -> list[FileResult]:
    """A result for every file, in the order given; `sections=False`: workers may leave out
    the section reports (a format that prints none), which were half of what they sent."""
    total = len(files)
    results: dict[int, FileResult] = {}

    def advance() -> None:
        if progress is not None:
            progress(len(results), total)

    if jobs == 1:
        advance()
        for index, path in enumerate(files):
            results[index] = check_file(path, finder, overrides, cache)
            advance()
        return [results[i] for i in range(total)]

    todo: list[tuple[int, str]] = []
    for index, path in enumerate(files):
        if path == STDIN:  # a worker's stdin is /dev/null: standard input is read here
            results[index] = check_file(path, finder, overrides, cache)
            continue
        found = look_up(path, finder, overrides, cache)
        if found is None:
            todo.append((index, path))
        else:
            results[index] = found
            advance()
    advance()
    workers = min(jobs if jobs is not None else default_jobs(len(todo)), len(todo))
    if workers <= 1:
        for index, path in todo:
            results[index] = check_file(path, finder, overrides, cache, use_cached=False)
            advance()
    else:
        _run_pool(todo, workers, finder, overrides, cache, results, advance, method, sections)
    return [results[i] for i in range(total)]


def _chunks(todo: list[tuple[int, str]], workers: int) -> list[list[tuple[int, str]]]:
    """Consecutive paths together (they share folders, so configs); a few chunks per worker."""
    size = max(1, min(MAX_CHUNK, math.ceil(len(todo) / (workers * 4))))
    return [todo[i : i + size] for i in range(0, len(todo), size)]


def _run_pool(
    todo: list[tuple[int, str]],
    workers: int,
    finder: ConfigFinder,
    overrides: dict[str, Any],
    cache: ResultCache | None,
    results: dict[int, FileResult],
    advance: Callable[[], None],
    method: str | None,
    sections: bool,
) -> None:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed

    from essaylint.linting.registry import PluginError

    context = multiprocessing.get_context(method or start_method())
    cache_args = (cache.directory, cache.environment) if cache is not None else None
    pool = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=context,
        initializer=_start_worker,
        initargs=(finder, overrides, cache_args, sections),
    )
    try:
        futures: dict[Future[tuple[list[tuple[int, FileResult]], int]], list[tuple[int, str]]]
        futures = {pool.submit(_lint_chunk, chunk): chunk for chunk in _chunks(todo, workers)}
        for future in as_completed(futures):
            chunk = futures[future]
            try:
                done, stored = future.result()
            except (ConfigError, PluginError):
                raise
            except Exception as error:  # a worker died: unfinished files fail, the rest stand
                reason = _WORKER_FAILED.format(type(error).__name__)
                for index, path in chunk:
                    results[index] = FileResult(path=path, error=reason)
            else:
                results.update(done)
                if cache is not None:
                    cache.stored += stored
            advance()
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown(wait=True)


# --- in the worker -----------------------------------------------------------------------------

_STATE: dict[str, Any] = {}


def _start_worker(
    finder: ConfigFinder,
    overrides: dict[str, Any],
    cache_args: tuple[Path, str] | None,
    sections: bool,
) -> None:
    import signal

    # Ctrl-C goes to the whole process group: the parent stops the run, workers just finish.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    cache = None
    if cache_args is not None:
        from essaylint.running.cache import ResultCache

        cache = ResultCache(cache_args[0], cache_args[1])
    _STATE.update(finder=finder, overrides=overrides, cache=cache, sections=sections)


def _lint_chunk(chunk: list[tuple[int, str]]) -> tuple[list[tuple[int, FileResult]], int]:
    finder: ConfigFinder = _STATE["finder"]
    overrides: dict[str, Any] = _STATE["overrides"]
    cache: ResultCache | None = _STATE["cache"]
    before = cache.stored if cache is not None else 0
    sections: bool = _STATE["sections"]
    done = [
        (
            index,
            _for_parent(check_file(path, finder, overrides, cache, use_cached=False), sections),
        )
        for index, path in chunk
    ]
    return done, (cache.stored if cache is not None else 0) - before


def _for_parent(result: FileResult, sections: bool = True) -> FileResult:
    """The result with only the source lines a report quotes (those findings start on; the
    others empty, so numbering holds): whole files were most of what workers sent back
    (~15 MB per 1,000 essays, ~0.1 s of the parent's time to unpickle). Without `sections`,
    the section reports stay behind too."""
    if not sections:
        result.sections = []
    if not result.lines:
        return result
    quoted = {finding.line for finding in result.findings}
    result.lines = tuple(
        line if number in quoted else "" for number, line in enumerate(result.lines, 1)
    )
    return result


def lint_paths(
    paths: Iterable[str],
    finder: ConfigFinder,
    overrides: dict[str, Any] | None = None,
    *,
    cache: ResultCache | None = None,
    jobs: int | None = 1,
    progress: Progress | None = None,
    force_exclude: bool = False,
    sections: bool = True,
) -> list[FileResult]:
    """Lint every file under `paths`, sorted by path, whatever `jobs` (None: by file count);
    `sections=False` allows results without section reports (see `run_files`)."""
    files = list(expand_paths(paths, finder=finder, force_exclude=force_exclude))
    results = run_files(
        files,
        finder,
        overrides or {},
        cache=cache,
        jobs=jobs,
        progress=progress,
        sections=sections,
    )
    return sorted(results, key=lambda r: r.path)

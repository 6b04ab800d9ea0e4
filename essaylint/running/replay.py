"""Whole-run replay: the same command over the same files prints the first run's report again,
without importing the command line, the config, the parser or any rule.

Why: a warm run through the per-file cache still starts click, reads the config, rebuilds every
result and renders it again (~0.1 s for one file, ~0.7 s for a thousand), while pre-commit,
editors and CI repeat one command over mostly unchanged files all day. A replay costs about
what reading and hashing the files costs.

A record is `run-<key>.bin` in the cache folder: a marker, the header's length, the header,
then the bytes the run wrote to stdout and to stderr. The header is marshal (version 0, no
shared references): Python's own format, the one serialiser that costs no import; records are
only read back by the Python that wrote them, as the key includes its version. The key is the
sha256 of the arguments, the working folder, the interpreter (path, version, flags), the
encodings of stdout and stderr, where essaylint is installed, and the environment variables
that essaylint, git or Python's output encoding read. The header holds what the run was asked
(its plan) and the digest of the world it saw:

- each path's Markdown files before `exclude` (git's list or a walk, as discovery makes them)
  and the sha256 of each: a new, removed, renamed or edited file is another world;
- every config file name in each checked file's folder and above it, present or not, with the
  sha256 of those present, and the files reached through `--config` and `extends`;
- the words files, packs and files rule options name (size and mtime, as the per-file cache);
- essaylint's code and data (size and mtime of every file) and the names in every `sys.path`
  folder after the first, which carry each installed distribution's version.

Recorded only for `check` and `score` without --fix, --diff, --no-cache or stdin, when neither
stdout nor stderr is a terminal (a terminal gets colours and a progress line), when the run
ended with 0 or 1 with every result cacheable, and when the world was the same before and
after the run. Replayed only when the key and the world match; anything missing, unreadable or
odd is a miss, and the command simply runs.
"""

from __future__ import annotations

import contextlib
import io
import marshal
import os
import sys

from essaylint.running.fingerprints import (
    content_digest,
    stat_entry,
    tree_fingerprint,
    watched_fingerprint,
)

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing
if TYPE_CHECKING:
    from typing import Any, BinaryIO, TextIO

__all__ = [
    "FORMAT",
    "KEEP_RECORDS",
    "RECORD_PREFIX",
    "Session",
    "begin",
    "discard",
    "finish",
    "note_results",
    "note_run",
]

FORMAT = 1  # bump when the record layout or the world's make-up changes
RECORD_PREFIX = "run-"
KEEP_RECORDS = 64  # records kept in one cache folder, the most recently written
_MAGIC = b"essaylint-run\n"
_LENGTH = 8  # bytes of the header's length, big-endian
_OTHER_COMMANDS = ("report", "init", "rules", "explain", "schema", "server")  # all but check and score
# Arguments after which the output is not a pure function of the files (or nothing is linted).
_NEVER = frozenset({"-", "--", "--fix", "--diff", "--no-cache", "-h", "--help", "--version"})
_ENV_NAMES = frozenset(
    {
        "CI",
        "COLUMNS",
        "FORCE_COLOR",
        "HOME",
        "LANG",
        "LC_ALL",
        "LC_CTYPE",
        "NO_COLOR",
        "PATH",
        "PYTHONIOENCODING",
        "PYTHONUTF8",
        "TERM",
        "XDG_CONFIG_HOME",
    }
)
_ENV_PREFIXES = ("ESSAYLINT_", "GIT_")
_CACHE_ENV = "ESSAYLINT_CACHE_DIR"  # essaylint.running.cache.ENV_VAR, not imported: it is heavy
_CACHE_DEFAULT = ".essaylint_cache"

_active: Session | None = None


# --- the command line's side -------------------------------------------------------------------


def begin(argv: list[str]) -> None:
    """Replay a recorded run and exit, or start recording this one when it may be recorded.

    Raises OSError only when stdout cannot take a replayed report (its reader leaving is
    exit 1, as in a run); the stream is then pointed at the null device."""
    global _active
    if not _may_record(argv):
        return
    try:
        directory = _cache_dir(argv)
        key = _key(argv, directory)
    except Exception:  # a replay is only ever a shortcut
        return
    record = os.path.join(directory, f"{RECORD_PREFIX}{key}.bin")
    _replay(record, key)
    _active = Session(key, directory, record)


def note_run(paths: tuple[str, ...], config: str | None, cache_dir: str | None) -> None:
    """The command about to run, as click read it: fixes the plan and the world before. A
    no-op without a session (`begin` starts none under --no-cache, --fix, --diff or stdin)."""
    if _active is not None:
        _active.start(paths, config, cache_dir)


def note_results(results: list[Any]) -> None:
    """Results with a file error or one the cache cannot watch are never replayed."""
    if _active is not None and any(r.error is not None or not r.cacheable for r in results):
        _active.refuse()


def finish(code: object, *, keep: bool = True) -> None:
    """At exit: give the streams back; keep the record when `keep` and everything allowed it."""
    global _active
    session, _active = _active, None
    if session is not None:
        session.finish(code, keep=keep)


# --- when, where, under which key ---------------------------------------------------------------


def _may_record(argv: list[str]) -> bool:
    if not argv or any(arg in _NEVER for arg in argv) or argv[0] in _OTHER_COMMANDS:
        return False
    return not (_isatty(sys.stdout) or _isatty(sys.stderr))


def _isatty(stream: TextIO | None) -> bool:
    try:
        return stream is None or stream.isatty()
    except (AttributeError, ValueError, OSError):
        return True


def _cache_dir(argv: list[str]) -> str:
    """The cache folder `--cache-dir` names in the raw arguments (the last one wins, as in
    click); click's own reading is compared with it before anything is recorded."""
    chosen: str | None = None
    for index, arg in enumerate(argv):
        if arg == "--cache-dir" and index + 1 < len(argv):
            chosen = argv[index + 1]
        elif arg.startswith("--cache-dir="):
            chosen = arg.partition("=")[2]
    return _cache_location(chosen)


def _cache_location(option: str | None) -> str:
    """As running.cache.cache_dir: the option, else the variable, else the default here."""
    return os.path.abspath(option or os.environ.get(_CACHE_ENV) or _CACHE_DEFAULT)


def _key(argv: list[str], directory: str) -> str:
    streams = [(getattr(s, "encoding", None), getattr(s, "errors", None)) for s in _streams()]
    material = {
        "format": FORMAT,
        "argv": argv,
        "cwd": os.getcwd(),
        "cache": directory,
        "python": [sys.executable, sys.version, list(sys.flags)],
        "essaylint": os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
        "streams": streams,
        "env": sorted(
            (name, value)
            for name, value in os.environ.items()
            if name in _ENV_NAMES or name.startswith(_ENV_PREFIXES)
        ),
    }
    return _digest(material)


def _streams() -> tuple[TextIO, TextIO]:
    return sys.stdout, sys.stderr


def _digest(data: Any) -> str:
    """Of lists, strings, numbers and None only: their repr is exact and stable."""
    import hashlib  # not at the top: a --no-cache run never hashes (OpenSSL's import is ~3 ms)

    return hashlib.sha256(repr(data).encode("utf-8", "surrogatepass")).hexdigest()


# --- the world ---------------------------------------------------------------------------------


def world(plan: dict[str, Any]) -> str:
    """The digest of everything the plan's run reads; recomputed before every replay."""
    listing = _listing(plan["paths"])
    files = [file for _, found in listing for file in found]
    parts: list[Any] = [listing, [[file, content_digest(file)] for file in files]]
    parts.append(_config_probes(files, plan["config_names"]))
    parts.append([[path, content_digest(path)] for path in plan["hashed"]])
    parts.append(watched_fingerprint(plan["watched"]))
    parts.append([tree_fingerprint(root) for root in plan["code"]])
    parts.append(_installed())
    return _digest(parts)


def _listing(paths: list[str]) -> list[tuple[str, list[str]]]:
    """Each path with the files it stands for before `exclude`: a folder's, as discovery lists
    them (git's list or a walk), or the file itself."""
    found: list[tuple[str, list[str]]] = []
    for raw in paths:
        if os.path.isdir(raw):
            from pathlib import Path

            from essaylint.running.discovery import (
                listed,  # only for folders: one file needs no walk
            )

            found.append((raw, listed(Path(raw))))
        else:
            found.append((raw, [raw]))
    return found


def _config_probes(files: list[str], names: list[str]) -> list[Any]:
    """Each config name in every folder from each file's (real) folder up to the root."""
    folders: set[str] = set()
    for parent in {os.path.dirname(file) or "." for file in files}:
        folder = os.path.realpath(parent)
        while folder not in folders:
            folders.add(folder)
            up = os.path.dirname(folder)
            if up == folder:
                break
            folder = up
    probes: list[Any] = []
    for folder in sorted(folders):
        for name in names:
            candidate = os.path.join(folder, name)
            if os.path.isfile(candidate):
                probes.append([candidate, content_digest(candidate)])
    return probes


def _installed() -> list[Any]:
    """The names in each import folder (dist-info names carry versions; .pth files, plugins)."""
    found: list[Any] = []
    for entry in sys.path[1:]:  # the first is the script's folder or the working folder
        try:
            found.append([entry, sorted(os.listdir(entry))])
        except NotADirectoryError:
            found.append(stat_entry(entry))
        except OSError:
            found.append([entry, None])
    return found


def _plan(paths: tuple[str, ...], config: str | None) -> dict[str, Any]:
    """What to watch for this run: read once, from the settings in force for its files."""
    from pathlib import Path

    from essaylint.running.cache import code_roots, input_files
    from essaylint.running.config import CONFIG_NAMES, config_chain
    from essaylint.running.finder import ConfigFinder

    finder = ConfigFinder(Path(config) if config else None)
    one_per_folder: dict[str, str] = {}
    for _, files in _listing(list(paths)):
        for file in files:
            one_per_folder.setdefault(os.path.dirname(file), file)
    hashed: dict[str, None] = {}
    watched: dict[tuple[str, bool], None] = {}
    for file in one_per_folder.values():
        settings = finder.for_path(Path(file))  # the settings are found per folder
        if settings.source is not None:
            hashed.update(dict.fromkeys(str(p) for p in config_chain(Path(settings.source))))
        watched.update(dict.fromkeys(input_files(settings, settings.base_dir or Path(file).parent)))
    return {
        "paths": list(paths),
        "config_names": list(CONFIG_NAMES),
        "hashed": list(hashed),
        "watched": [list(item) for item in watched],
        "code": [str(root) for root in code_roots()],
    }


# --- replaying ---------------------------------------------------------------------------------


def _replay(record: str, key: str) -> None:
    """Write the recorded output and exit when the record fits this world; else return."""
    try:
        with open(record, "rb") as handle:
            data = handle.read()
        start = len(_MAGIC) + _LENGTH
        if not data.startswith(_MAGIC):
            return
        end = start + int.from_bytes(data[len(_MAGIC) : start], "big")
        header = marshal.loads(data[start:end])
        out, err, code = header["out"], header["err"], header["code"]
        if header["format"] != FORMAT or header["key"] != key or len(data) != end + out + err:
            return
        if code not in (0, 1) or world(header["plan"]) != header["world"]:
            return
        body = memoryview(data)[end:]  # no copies of a report that can be megabytes
    except Exception:  # anything odd is a miss: the command runs
        return
    for stream, chunk in zip(_streams(), (body[:out], body[out:]), strict=True):
        try:
            stream.flush()
            stream.buffer.write(chunk)
            stream.buffer.flush()
        except BrokenPipeError:  # `essaylint … | head`: the reader left; click exits 1 then
            discard(stream)
            code = 1
        except OSError:
            discard(stream)
            if stream is sys.stdout:
                raise  # the report is lost: the launcher has the command line say so (exit 2)
            # stderr cannot take the recorded messages: the exit code still tells
    raise SystemExit(code)


def discard(stream: TextIO) -> None:
    """Point a stream that cannot be written (a reader gone, a full disk) at the null device,
    so that flushing what its buffer still holds, at exit, does not fail again."""
    try:
        descriptor = stream.fileno()
    except (AttributeError, OSError, ValueError):  # not a file (tests' captured streams)
        return
    null = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(null, descriptor)
    finally:
        os.close(null)


# --- recording ---------------------------------------------------------------------------------


class _Tee(io.RawIOBase):  # under a BufferedWriter, which write_through flushes at once
    """Bytes to the real stream and to a copy."""

    def __init__(self, target: BinaryIO) -> None:
        super().__init__()
        self._target = target
        self.copy = io.BytesIO()
        self.failed = False  # a write or flush failed (a reader gone): the copy is not the output

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        chunk = bytes(data)
        try:
            self._target.write(chunk)
        except BaseException:
            self.failed = True
            raise
        self.copy.write(chunk)
        return len(chunk)

    def flush(self) -> None:
        try:
            self._target.flush()
        except BaseException:
            self.failed = True
            raise

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        return self._target.fileno()


class Session:
    """One run being recorded: its streams copied, its plan and world once click has read it."""

    def __init__(self, key: str, directory: str, record: str) -> None:
        self.key = key
        self.directory = directory
        self.record = record
        self.plan: dict[str, Any] | None = None
        self.before: str | None = None
        self.refused = False
        self._real = _streams()
        self._tees = [_Tee(stream.buffer) for stream in self._real]
        sys.stdout, sys.stderr = (
            io.TextIOWrapper(
                io.BufferedWriter(tee),
                encoding=stream.encoding,
                errors=stream.errors,
                newline=None if os.name == "nt" else "\n",
                line_buffering=bool(stream.line_buffering),
                write_through=True,
            )
            for tee, stream in zip(self._tees, self._real, strict=True)
        )

    def start(self, paths: tuple[str, ...], config: str | None, cache_dir: str | None) -> None:
        if self.plan is not None or self.refused:
            self.refuse()  # one command per process; anything else is not ours to record
            return
        if _cache_location(cache_dir) != self.directory:
            self.refuse()
            return
        try:
            self.plan = _plan(paths, config)
            self.before = world(self.plan)
        except Exception:  # a broken config is the run's to report, not ours
            self.refuse()

    def refuse(self) -> None:
        self.refused = True

    def finish(self, code: object, *, keep: bool = True) -> None:
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(Exception):
                stream.flush()
        sys.stdout, sys.stderr = self._real
        status = 0 if code is None else code
        if not keep or self.refused or self.plan is None or status not in (0, 1):
            return
        if any(tee.failed for tee in self._tees):
            return
        try:
            if world(self.plan) != self.before:
                return  # something changed while the run read it
            self._store(0 if status == 0 else 1)
        except Exception:  # never fail a finished run over its record
            return

    def _store(self, code: int) -> None:
        from pathlib import Path

        from essaylint.running.cache import ResultCache

        out, err = (tee.copy.getvalue() for tee in self._tees)
        header = {
            "format": FORMAT,
            "key": self.key,
            "code": code,
            "out": len(out),
            "err": len(err),
            "plan": self.plan,
            "world": self.before,
        }
        head = marshal.dumps(header, 0)
        record = b"".join((_MAGIC, len(head).to_bytes(_LENGTH, "big"), head, out, err))
        ResultCache(Path(self.directory)).write(os.path.basename(self.record), record)
        _prune(self.directory, keep=self.record)


def _prune(directory: str, *, keep: str, most: int = KEEP_RECORDS) -> None:
    """Past `most` records, the least recently written go: each distinct command (pre-commit
    passes a different list of files each commit) leaves one, as big as its report."""
    with os.scandir(directory) as listing:
        found = [
            (entry.stat().st_mtime_ns, entry.path)
            for entry in listing
            if entry.name.startswith(RECORD_PREFIX) and entry.name.endswith(".bin")
        ]
    found.sort(reverse=True)
    for _, path in found[most:]:
        if path != keep:
            with contextlib.suppress(OSError):
                os.unlink(path)

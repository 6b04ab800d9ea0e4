"""Which files a run checks: folder walks, `.gitignore` and the `exclude` setting.

A folder is searched for `*.md` / `*.markdown`, skipping hidden files and folders and
`node_modules`, `__pycache__`, `venv`, `site-packages`. Inside a git work tree (and with `git`
on PATH) the list comes from `git ls-files --cached --others --exclude-standard`, so files git
ignores are skipped exactly as git sees them (nested `.gitignore`s, `.git/info/exclude`, the
global excludes file); elsewhere, or when git fails, from `os.walk` (symlinked folders followed,
loops skipped). A folder named on the command line that git itself ignores is walked in full:
it was asked for by name. Git lists neither submodules' files nor symlinked folders' contents.

`exclude` (config) holds glob patterns relative to the folder of the config in force for each
file: a pattern without `/` matches any file or folder name (`drafts`, `*.bak.md`), one with `/`
matches the path from that folder (`old/*.md`, `archive/**`; a matching folder excludes all
below it). Files named on the command line are checked even when excluded, unless
`force_exclude` (for pre-commit, which always passes file names).
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path, PurePosixPath

from essaylint.base.patterns import compile_pattern

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (a replay lists folders)
if TYPE_CHECKING:
    import subprocess
    from collections.abc import Iterable, Iterator

    from essaylint.running.finder import ConfigFinder

__all__ = [
    "MARKDOWN_SUFFIXES",
    "SKIPPED_DIRS",
    "STDIN",
    "expand_paths",
    "is_excluded",
    "listed",
    "matches_exclude",
]

MARKDOWN_SUFFIXES = (".md", ".markdown")
SKIPPED_DIRS = frozenset({"node_modules", "__pycache__", "venv", "site-packages"})
STDIN = "-"
_GIT_TIMEOUT = 60
# Variables git sets for hooks would point `git -C folder` at another repository or index.
_GIT_KEEP = ("GIT_EXEC_PATH", "GIT_SSH", "GIT_SSL_", "GIT_CONFIG", "GIT_ASKPASS")


def expand_paths(
    paths: Iterable[str],
    *,
    finder: ConfigFinder | None = None,
    force_exclude: bool = False,
    respect_gitignore: bool = True,
) -> Iterator[str]:
    """Files as given; folders searched for Markdown. `finder` turns on `exclude`."""
    for raw in paths:
        if raw == STDIN:
            yield STDIN
            continue
        # os.path.isdir, not Path.is_dir: it says False for a name too long to look up too
        # (ENAMETOOLONG), and reading the file then gives that one-line error.
        if os.path.isdir(raw):
            for file in listed(Path(raw), respect_gitignore=respect_gitignore):
                if finder is None or not is_excluded(file, finder):
                    yield file
        elif not (force_exclude and finder is not None and is_excluded(raw, finder)):
            yield raw


def listed(folder: Path, *, respect_gitignore: bool = True) -> list[str]:
    """A folder's Markdown files before `exclude`, sorted: git's list, or a walk."""
    found = _git_files(folder) if respect_gitignore else None
    return found if found is not None else _walk(folder)


def _wanted(parts: tuple[str, ...]) -> bool:
    """Markdown, and no hidden or skipped part between the named folder and the file."""
    if not parts or not _wanted_name(parts[-1]):
        return False
    return not any(part.startswith(".") or part in SKIPPED_DIRS for part in parts[:-1])


def _walk(root: Path) -> list[str]:
    found: list[str] = []
    seen: set[tuple[int, int]] = set()
    for folder, dirs, files in os.walk(root, followlinks=True):
        try:
            stat = os.stat(folder)
        except OSError:
            dirs[:] = []
            continue
        key = (stat.st_dev, stat.st_ino)
        if key in seen:  # a symlink loop: this folder was already walked
            dirs[:] = []
            continue
        seen.add(key)
        dirs[:] = [d for d in dirs if not d.startswith(".") and d not in SKIPPED_DIRS]
        prefix = os.path.join(folder, "")  # os.path.join(folder, name) for every name
        found.extend(prefix + name for name in files if _wanted_name(name))
    return sorted(found)


def _wanted_name(name: str) -> bool:
    """A Markdown file name, not hidden (no skipped folder name ends in a Markdown suffix)."""
    return not name.startswith(".") and name.lower().endswith(MARKDOWN_SUFFIXES)


def _git_environment() -> dict[str, str]:
    return {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("GIT_") or key.startswith(_GIT_KEEP)
    }


def _may_be_in_work_tree(root: Path) -> bool:
    """False when no `.git` is in the folder or above it: git would fail, so it is not started.

    git finds its repository only that way once GIT_DIR and GIT_WORK_TREE are dropped (they are,
    see _git_environment); starting it costs more than the rest of a one-folder run's listing.
    """
    for start in {os.path.abspath(root), os.path.realpath(root)}:  # git works from the latter
        folder = start
        while True:
            if os.path.lexists(os.path.join(folder, ".git")):
                return True
            parent = os.path.dirname(folder)
            if parent == folder:
                break
            folder = parent
    return False


def _git(root: Path, *args: str) -> subprocess.CompletedProcess[bytes] | None:
    import shutil
    import subprocess

    git = shutil.which("git")
    if git is None:
        return None
    try:
        return subprocess.run(
            [git, "-C", str(root), *args],
            capture_output=True,
            env=_git_environment(),
            stdin=subprocess.DEVNULL,
            timeout=_GIT_TIMEOUT,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None


def _git_files(root: Path) -> list[str] | None:
    """The folder's Markdown files git does not ignore; None outside a work tree or on failure."""
    if not _may_be_in_work_tree(root):
        return None
    output = _git(root, "ls-files", "--cached", "--others", "--exclude-standard", "-z")
    if output is None or output.returncode != 0:
        return None
    found: set[str] = set()  # unmerged files are listed once per stage
    for item in output.stdout.split(b"\0"):
        if not item:
            continue
        relative = os.fsdecode(item)
        if _wanted(PurePosixPath(relative).parts):
            file = os.path.join(str(root), *PurePosixPath(relative).parts)
            if os.path.isfile(file):  # tracked but deleted files are listed too
                found.add(file)
    if not found:
        ignored = _git(root, "check-ignore", "-q", ".")
        if ignored is not None and ignored.returncode == 0:
            return None  # the folder itself is ignored: named explicitly, so walk it
    return sorted(found)


# --- exclude -----------------------------------------------------------------------------------


@lru_cache(maxsize=256)
def _glob(pattern: str) -> re.Pattern[str]:
    """A glob as a regex over `/`-separated paths: `*` and `?` stay in one name, `**` crosses."""
    out: list[str] = []
    i = 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        elif pattern[i] == "[" and "]" in pattern[i + 2 :]:
            end = pattern.index("]", i + 2)
            body = pattern[i + 1 : end]
            if body.startswith("!"):
                body = "^" + body[1:]
            out.append("[" + body.replace("\\", "\\\\") + "]")
            i = end + 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return compile_pattern("".join(out) + r"\Z", re.S)


def _relative_parts(file: str, base: Path | None) -> tuple[str, ...]:
    if base is not None:
        for candidate in (Path(os.path.abspath(file)), Path(file).resolve()):
            try:
                return candidate.relative_to(base).parts
            except ValueError:
                continue
    parts = Path(os.path.normpath(file)).parts
    return tuple(p for p in parts if p not in ("..", ".", os.sep))


def matches_exclude(parts: tuple[str, ...], patterns: Iterable[str]) -> bool:
    """Whether a path (its parts relative to the config's folder) matches any pattern."""
    for raw in patterns:
        pattern = raw.strip().removeprefix("./").rstrip("/")
        if not pattern:
            continue
        regex = _glob(pattern)
        if "/" in pattern:
            prefixes = ("/".join(parts[: i + 1]) for i in range(len(parts)))
            if any(regex.match(prefix) for prefix in prefixes):
                return True
        elif any(regex.match(part) for part in parts):
            return True
    return False


def is_excluded(file: str, finder: ConfigFinder) -> bool:
    """Whether the config in force for `file` excludes it; a broken config excludes nothing
    (the file is then checked, and gets that config's error)."""
    from essaylint.running.config import ConfigError  # loaded already: `finder` comes from it

    try:
        settings = finder.for_path(Path(file))
    except ConfigError:
        return False
    if not settings.exclude:
        return False
    return matches_exclude(_relative_parts(file, settings.base_dir), settings.exclude)

"""`check --fix` and `--diff`: rules' edits applied to the text, written back byte for byte.

Edits are spliced into the decoded text exactly as read (no re-joined lines), then encoded with
`SourceText`'s encoding and BOM, so every byte outside the edited ranges stays as it was: mixed
line endings, NFD text and trailing spaces included. A newline inside an edit's text becomes
the file's usual line ending.

One pass applies every fix that does not overlap an earlier one (by position), then the text is
checked again and the next pass fixes what is left, at most `MAX_PASSES` times and never back
into a text already seen. A pass is dropped, and fixing stops with a note, when its text cannot
be checked or its headings moved (a `#` heading appeared, vanished or changed level): fixes
repair words, never the essay's outline. What a heading, list item or bold line is read as may
change (a typo fixed in `- 아떠한 …` makes it read as a question): that is the text improving.
A fix whose text the file's encoding cannot store (an emoji in a CP949 file) is skipped with a
note.

Writing is atomic: a temporary file in the same folder, fsynced, given the original's mode and
(where allowed) owner, then `os.replace`d over the file, or over a symlink's target; a hard link
ends up with a copy of its own, as with most editors' safe save. A file is written only while it
still holds the bytes that were checked: one changed in between is left alone and reported as an
error for that file (exit 2), since its findings no longer describe it. A small window remains
between that last comparison and the rename; no lock closes it. Standard input is never written
anywhere but stdout.

Fix mode checks files one by one, without the result cache or `-j`.
"""

from __future__ import annotations

import difflib
import os
import stat
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from contextlib import suppress
from dataclasses import dataclass, replace
from itertools import pairwise
from pathlib import Path
from typing import Any

from essaylint.config import ConfigError, ConfigFinder, Settings
from essaylint.discovery import STDIN, expand_paths
from essaylint.files import replace_atomically
from essaylint.patterns import compile_pattern
from essaylint.plugin import Edit
from essaylint.results import FileResult, Finding
from essaylint.runner import lint_source
from essaylint.source import (
    MAX_BYTES,
    SourceError,
    SourceText,
    decode,
    encode,
    read_source,
    read_stdin,
)

__all__ = [
    "MAX_PASSES",
    "FixError",
    "FixedFile",
    "apply_edit_groups",
    "apply_edits",
    "apply_fixes",
    "fix_path",
    "fix_paths",
    "fix_source",
    "unified_diff",
    "write_fixed",
]

MAX_PASSES = 10
"""Check-and-fix rounds per file; overlapping fixes need one round each."""

_NEWLINE = compile_pattern(r"\r\n|\r|\n")  # the line endings source.py splits on, and only those


class FixError(Exception):
    """One-line reason fixes were not written; the file is unchanged. No path: the CLI adds it."""


@dataclass(slots=True)
class FixedFile:
    """One file after fixing: what is left to report, and the bytes to write (if any)."""

    path: str
    result: FileResult  # findings left in the fixed text, or the file's error
    source: SourceText | None = None  # as read; None when the file could not be read
    original: bytes = b""  # the bytes that were checked (empty for stdin)
    text: str = ""  # the fixed text
    data: bytes = b""  # the fixed text encoded like the original
    fixed: int = 0  # findings fixed
    written: bool = False

    @property
    def changed(self) -> bool:
        return self.source is not None and self.text != self.source.text


def _line_starts(text: str) -> list[int]:
    """Offset of each line's first character; one more entry for the line after a final break."""
    return [0, *(match.end() for match in _NEWLINE.finditer(text))]


def _offset(text: str, starts: Sequence[int], line: int, col: int) -> int | None:
    """Text offset of 1-based (line, col), or None when it lies outside that line."""
    if not 1 <= line <= len(starts) or col < 1:
        return None
    start = starts[line - 1]
    found = _NEWLINE.search(text, start)
    end = found.start() if found is not None else len(text)
    offset = start + col - 1
    return offset if offset <= end else None


def apply_edits(text: str, edits: Iterable[Edit]) -> tuple[str, list[Edit]]:
    """Splice the edits that fit into `text`; returns the new text and the edits applied.

    Coordinates are 1-based lines (as `SourceText.lines` numbers them) and code-point columns,
    end exclusive. Edits outside the text or overlapping an earlier-starting one are left out;
    of edits starting at the same place only the first given is applied (the next pass of
    `fix_source` gets another chance at the rest).
    """
    groups = [(edit,) for edit in dict.fromkeys(edits)]  # the same edit twice counts once
    fixed, applied = apply_edit_groups(text, groups)
    return fixed, [group[0] for group in applied]


def apply_edit_groups(
    text: str, groups: Iterable[Sequence[Edit]]
) -> tuple[str, list[Sequence[Edit]]]:
    """`apply_edits` for fixes of several edits (one finding's `fix` and `fix_also`): a group
    is applied whole or not at all. Groups are taken in the order of their first edit's place
    (ties: the order given); a group is left out when one of its edits lies outside the text
    or overlaps, or starts where, an edit already taken (its own included)."""
    starts = _line_starts(text)
    placed: list[tuple[int, int, list[tuple[int, int, Edit]]]] = []
    for order, group in enumerate(groups):
        spans: list[tuple[int, int, Edit]] = []
        for edit in group:
            begin = _offset(text, starts, edit.line, edit.col)
            end = _offset(text, starts, edit.end_line, edit.end_col)
            if begin is None or end is None or begin > end:
                break
            spans.append((begin, end, edit))
        else:
            if spans:
                placed.append((min(b for b, _, _ in spans), order, spans))
    placed.sort(key=lambda item: (item[0], item[1]))
    taken: list[tuple[int, int, Edit]] = []  # sorted by begin, none overlapping
    applied: list[Sequence[Edit]] = []
    for _, _, spans in placed:
        if not _fits(taken, spans):
            continue
        for span in spans:
            taken.insert(bisect_left(taken, span[0], key=lambda item: item[0]), span)
        applied.append(tuple(edit for _, _, edit in spans))
    pieces: list[str] = []
    done = 0
    for begin, end, edit in taken:
        pieces += [text[done:begin], edit.text]
        done = end
    pieces.append(text[done:])
    return "".join(pieces), applied


def _fits(taken: list[tuple[int, int, Edit]], spans: list[tuple[int, int, Edit]]) -> bool:
    """Whether none of `spans` overlaps another of them or an edit in `taken` (sorted): two
    edits clash when their ranges overlap or they start at one place (two insertions there
    have no order)."""
    ordered = sorted((b, e) for b, e, _ in spans)
    for (b1, e1), (b2, _) in pairwise(ordered):
        if b2 < e1 or b2 == b1:
            return False
    for begin, end in ordered:
        index = bisect_left(taken, begin, key=lambda item: item[0])
        if index < len(taken) and (taken[index][0] == begin or taken[index][0] < end):
            return False
        if index > 0 and taken[index - 1][1] > begin:
            return False
    return True


def apply_fixes(
    source: SourceText, text: str, findings: Iterable[Finding], *, unsafe: bool = False
) -> tuple[str, list[Finding], list[str]]:
    """One pass over `text` (findings from checking it): new text, findings fixed, notes.

    `source` gives the encoding a replacement must fit and the line ending it gets. A finding's
    fix is its `fix` edit and its `fix_also` edits, applied together or not at all.
    """
    notes: list[str] = []
    wanted: dict[tuple[Edit, ...], Finding] = {}
    for finding in findings:
        if finding.fix is None or not (finding.fix.safe or unsafe):
            continue
        group: list[Edit] = []
        for edit in (finding.fix, *finding.fix_also):
            edit = replace(edit, text=_NEWLINE.sub(source.newline, edit.text))
            try:
                encode(source, edit.text)
            except SourceError as error:
                where = f"{finding.line}:{finding.col}"
                notes.append(f"{where}: {finding.code} fix skipped: {error}")
                break
            group.append(edit)
        else:
            wanted.setdefault(tuple(group), finding)
    fixed_text, applied = apply_edit_groups(text, wanted)
    return fixed_text, [wanted[tuple(group)] for group in applied], notes


def fix_source(
    source: SourceText, path: str, settings: Settings, *, unsafe: bool = False
) -> FixedFile:
    """Check, fix and check again until nothing fixable is left (bounded); nothing is written."""
    result = lint_source(source, path, settings)
    text = source.text
    seen = {text}
    fixed = 0
    notes: dict[str, None] = {}  # ordered and without repeats: a skipped fix recurs each pass
    for _ in range(MAX_PASSES):
        if result.error is not None:
            break
        new_text, applied, skipped = apply_fixes(source, text, result.findings, unsafe=unsafe)
        notes.update(dict.fromkeys(skipped))
        if not applied or new_text in seen:
            break
        again = lint_source(replace(source, text=new_text), path, settings)
        if again.error is not None:
            notes[f"fixes stopped: the fixed text could not be checked ({again.error})"] = None
            break
        if _outline(again) != _outline(result):
            notes["fixes stopped: they would change which lines are headings"] = None
            break
        text, result = new_text, again
        seen.add(text)
        fixed += len(applied)
    data = b""
    if result.error is None:
        try:
            data = encode(source, text)
        except SourceError as error:  # apply_fixes checks each replacement; this is a backstop
            text, fixed, result = source.text, 0, lint_source(source, path, settings)
            notes[f"fixes not applied: {error}"] = None
            data = encode(source, text)
    result.notes.extend(notes)
    return FixedFile(path, result, source, text=text, data=data, fixed=fixed)


def _outline(result: FileResult) -> list[tuple[int, int]]:
    return [(s.line, s.level) for s in result.sections if s.style == "heading"]


def _read(path: str) -> tuple[bytes, SourceText]:
    """The file's bytes and their decoding; errors are `read_source`'s one-line ones."""
    data: bytes | None = None
    try:
        if not os.path.isdir(path):
            with open(path, "rb") as stream:
                data = stream.read(MAX_BYTES + 1)
    except (OSError, ValueError):
        data = None
    if data is None or len(data) > MAX_BYTES:
        read_source(path)  # raises the SourceError that explains why
        raise SourceError("changed while being read")
    return data, decode(data)


def fix_path(
    path: str, finder: ConfigFinder, overrides: dict[str, Any], *, unsafe: bool = False
) -> FixedFile:
    """Read one file (or stdin) and fix it in memory with the config in force for it."""
    try:
        if path == STDIN:
            original, source = b"", read_stdin()
        else:
            original, source = _read(path)
    except SourceError as error:
        return FixedFile(path, FileResult(path=path, error=str(error)))
    try:
        settings = finder.for_path(None if path == STDIN else Path(path))
    except ConfigError as error:  # this file's config: the others are still fixed
        return FixedFile(path, FileResult(path=path, error=str(error), config_error=True))
    if overrides:
        settings = settings.merged(**overrides)
    if original and encode(source, source.text) != original:
        # Cannot happen for the codecs source.py reads; refuse rather than rewrite other bytes.
        result = FileResult(path=path, error="cannot fix: the file does not re-encode unchanged")
        return FixedFile(path, result, source, original, source.text)
    outcome = fix_source(source, path, settings, unsafe=unsafe)
    outcome.original = original
    return outcome


def fix_paths(
    paths: Iterable[str],
    finder: ConfigFinder,
    overrides: dict[str, Any] | None = None,
    *,
    unsafe: bool = False,
    write: bool = False,
    force_exclude: bool = False,
) -> list[FixedFile]:
    """Fix every file under `paths`, sorted by path; with `write`, changed files are saved.

    Files are found as `check` finds them (`exclude`, `force_exclude`, .gitignore). A file that
    cannot be saved keeps its bytes and gets the reason as its result's error.
    """
    outcomes: list[FixedFile] = []
    files = expand_paths(paths, finder=finder, force_exclude=force_exclude)
    for path in files:
        outcome = fix_path(path, finder, overrides or {}, unsafe=unsafe)
        if write and path != STDIN and outcome.changed:
            try:
                write_fixed(path, outcome.original, outcome.data)
            except FixError as error:
                outcome.result = FileResult(path=path, error=str(error))
                outcome.fixed = 0
            else:
                outcome.written = True
        outcomes.append(outcome)
    return sorted(outcomes, key=lambda o: o.path)


def write_fixed(path: str | os.PathLike[str], original: bytes, data: bytes) -> None:
    """Replace the file's content with `data` atomically, if it still holds `original`.

    Raises `FixError` (the file untouched) when it changed since it was read, is read-only,
    has other hard links, or cannot be written. A symlink stays a symlink: its target is
    replaced.
    """
    target = os.path.realpath(path)
    try:
        info = os.stat(target)
        with open(target, "rb") as stream:
            current = stream.read(len(original) + 1)
    except OSError as error:
        raise FixError(f"cannot write fixes: {_reason(error)}") from None
    if current != original:
        raise FixError("changed on disk while being fixed; left unchanged")
    # The rename below needs only the folder to be writable: check the file itself, as an
    # editor would, so a file made read-only (chmod a-w) stays as it is, even for root.
    if not info.st_mode & 0o222 or not os.access(target, os.W_OK):
        raise FixError("cannot write fixes: the file is read-only; left unchanged")
    if info.st_nlink > 1:  # a new file in its place would leave the other names on the old text
        raise FixError(
            f"cannot write fixes: the file has {info.st_nlink} hard links; left unchanged"
        )
    try:
        replace_atomically(
            target, data, stat.S_IMODE(info.st_mode), owner=(info.st_uid, info.st_gid)
        )
    except OSError as error:
        raise FixError(f"cannot write fixes: {_reason(error)}; left unchanged") from None
    _sync_folder(os.path.dirname(target))


def _sync_folder(folder: str) -> None:
    """Make the rename itself durable where the OS allows opening a folder (POSIX)."""
    flags = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0)
    with suppress(OSError):
        handle = os.open(folder, flags)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)


def _reason(error: OSError) -> str:
    if isinstance(error, PermissionError):
        return "permission denied"
    if isinstance(error, FileNotFoundError):
        return "file not found"
    return (error.strerror or type(error).__name__).lower()


def _keep_ends(text: str) -> list[str]:
    """Lines with their own endings (only \\r\\n, \\r and \\n end a line, as in source.py)."""
    lines: list[str] = []
    start = 0
    for match in _NEWLINE.finditer(text):
        lines.append(text[start : match.end()])
        start = match.end()
    if start < len(text):
        lines.append(text[start:])
    return lines


def unified_diff(path: str, before: str, after: str) -> str:
    """`--- a/path` / `+++ b/path` unified diff; lines keep their endings, as `diff -u` does."""
    lines = difflib.unified_diff(_keep_ends(before), _keep_ends(after), f"a/{path}", f"b/{path}")
    return "".join(_terminated(lines))


def _terminated(lines: Iterator[str]) -> Iterator[str]:
    for line in lines:
        if line.endswith(("\n", "\r")):
            yield line
        else:
            yield line + "\n\\ No newline at end of file\n"

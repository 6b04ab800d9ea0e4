"""Text changes the server proposes: a finding's fix, every safe fix at once, a suppression
comment, a word added to the project's words file.

Every edit to a document is a `TextDocumentEdit` naming the version it was computed for: a
client applies it only to that version, so a fix computed before the writer's last keystroke
is refused instead of landing in the wrong place.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from lsprotocol import types as lsp

from essaylint.api import Edit, Finding
from essaylint.base.patterns import compile_pattern
from essaylint.korean.vocabulary import WORDS_FILE, parse_word_list
from essaylint.server.convert import Lines

_NEWLINE = compile_pattern(r"\r\n|\r|\n")
WORDS_HEADER = "# Words essaylint's spelling rules accept as written (one per line, # comments).\n"


def versioned(uri: str, version: int | None, edits: list[lsp.TextEdit]) -> lsp.WorkspaceEdit:
    return lsp.WorkspaceEdit(
        document_changes=[
            lsp.TextDocumentEdit(
                text_document=lsp.OptionalVersionedTextDocumentIdentifier(uri=uri, version=version),
                edits=list(edits),
            )
        ]
    )


def text_edit(edit: Edit, lines: Lines, newline: str) -> lsp.TextEdit:
    return lsp.TextEdit(
        range=lsp.Range(
            start=lines.position(edit.line, edit.col),
            end=lines.position(edit.end_line, edit.end_col),
        ),
        new_text=_NEWLINE.sub(newline, edit.text),
    )


def fix_edits(finding: Finding, lines: Lines, newline: str) -> list[lsp.TextEdit]:
    """The finding's fix with the edits that go with it (the same word elsewhere)."""
    if finding.fix is None:
        return []
    return [text_edit(e, lines, newline) for e in (finding.fix, *finding.fix_also)]


def newline_of(text: str) -> str:
    found = _NEWLINE.search(text)
    return found.group() if found is not None else "\n"


def whole_change(before: str, after: str, lines: Lines) -> list[lsp.TextEdit]:
    """One edit turning `before` into `after`: the part between their common start and end
    (so the cursor and the rest of the buffer stay where they were)."""
    if before == after:
        return []
    limit = min(len(before), len(after))
    start = 0
    while start < limit and before[start] == after[start]:
        start += 1
    end = 0
    while end < limit - start and before[-1 - end] == after[-1 - end]:
        end += 1
    # Never split a \r\n: positions count it as one line break.
    if 0 < start < len(before) and before[start - 1] == "\r" and before[start] == "\n":
        start -= 1
    stop = len(before) - end
    if 0 < stop < len(before) and before[stop - 1] == "\r" and before[stop] == "\n":
        end -= 1
        stop += 1
    return [
        lsp.TextEdit(
            range=lsp.Range(start=_position(before, start, lines), end=_position(before, stop, lines)),
            new_text=after[start : len(after) - end],
        )
    ]


def _position(text: str, offset: int, lines: Lines) -> lsp.Position:
    line, start = 1, 0
    for match in _NEWLINE.finditer(text, 0, offset):
        line, start = line + 1, match.end()
    return lines.position(line, offset - start + 1)


def suppression(
    finding: Finding, lines: Lines, headings: Iterable[int], newline: str
) -> lsp.TextEdit:
    """`<!-- essaylint-disable-line CODE -->` right after the finding's line (a comment
    is not answer text: the count stays); above a
    question's line a `disable-next-line` comment instead (a comment in a heading would
    change its title, and the finding is about the whole answer)."""
    line = finding.line
    if line in set(headings) or not 1 <= line <= len(lines.lines):
        place = lsp.Position(line=line - 1, character=0)
        text = f"<!-- essaylint-disable-next-line {finding.code} -->{newline}"
        return lsp.TextEdit(range=lsp.Range(start=place, end=place), new_text=text)
    end = lines.end_of(line)  # no space before it: a space would count in the answer
    return lsp.TextEdit(
        range=lsp.Range(start=end, end=end),
        new_text=f"<!-- essaylint-disable-line {finding.code} -->",
    )


def finding_text(finding: Finding, lines: Lines) -> str:
    """The text a finding covers on its line (the word a spelling rule flagged)."""
    if not 1 <= finding.line <= len(lines.lines):
        return ""
    text = lines.lines[finding.line - 1]
    end = finding.end_col if finding.end_line == finding.line else len(text) + 1
    return text[finding.col - 1 : end - 1].strip()


def add_word(folder: Path, word: str) -> Path:
    """Append `word` to the words file in `folder`, creating it; a word already listed is left.
    Raises OSError (the caller tells the writer in one line)."""
    word = unicodedata.normalize("NFC", word.strip())
    if not word or any(char.isspace() or char == "#" for char in word):
        raise ValueError(f"not a single word: {word!r}")
    path = folder / WORDS_FILE
    try:
        existing = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        existing = None
    if existing is not None and word in parse_word_list(existing):
        return path
    if existing is None:
        body = WORDS_HEADER + word + "\n"
    else:
        body = existing + ("" if existing.endswith("\n") or not existing else "\n") + word + "\n"
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_text(body, encoding="utf-8")
    os.replace(temporary, path)
    return path

"""The section model every rule reads: questions, their answers, and where each character came from.

Rules never see Markdown tokens, only these objects, so a question written as a heading and one
written as a list item (or a `Q1.` line) look the same to them.

Coordinates: lines and columns are 1-based and refer to the ORIGINAL file (code points of the
decoded text, BOM excluded), while `text` is NFC-normalised with markup removed. Every character
of a span's text keeps the column it came from, so a finding can point at the original file even
when one NFC syllable was three NFD code points.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from essaylint.limits import Limit

SectionKind = Literal["question", "group", "reference", "part"]
SpanKind = Literal["text", "code", "heading"]
QuestionStyle = Literal["heading", "list-item", "q-line", "bold-label", "blockquote", "details"]


@dataclass(frozen=True, slots=True)
class Span:
    """A run of analysed text on one original line."""

    line: int
    col: int
    text: str
    kind: SpanKind = "text"
    # Original start and end (exclusive) column of every character of `text`; both empty when
    # the characters stand at col, col+1, ... (the common case). An NFC syllable read from an
    # NFD file starts at its first code point and ends past its last.
    cols: tuple[int, ...] = ()
    end_cols: tuple[int, ...] = ()
    # What joins this span to the previous one in a section's text: "" (same line), "\n", " ".
    sep: str = "\n"

    def column_at(self, index: int) -> int:
        """Original column where character `index` starts (the span's end for index == len)."""
        if not self.cols:
            return self.col + index
        if index < len(self.cols):
            return self.cols[index]
        return self._end_of(len(self.cols) - 1)

    def _end_of(self, index: int) -> int:
        """Exclusive end column of character `index` (one past its start without `end_cols`)."""
        if index < len(self.end_cols):
            return self.end_cols[index]
        return self.cols[index] + 1

    def end_column_at(self, index: int) -> int:
        """Original column just past the first `index` characters (exclusive end of a range)."""
        if not self.cols:
            return self.col + index
        if index <= 0:
            return self.cols[0]
        return self._end_of(min(index, len(self.cols)) - 1)

    def is_contiguous(self, start: int, end: int) -> bool:
        """Whether text[start:end] stands unbroken in the original (no markup removed inside)."""
        if not self.cols:
            return True
        return all(self.cols[i + 1] == self._end_of(i) for i in range(start, end - 1))

    @property
    def end_col(self) -> int:
        """Column just past the span in the original line (exclusive)."""
        return self.end_column_at(len(self.text))


@dataclass(frozen=True, slots=True)
class Section:
    """A heading (or another question form) and the text under it.

    `kind` says how the engine reads it: a *question* has an answer; a *group* holds questions
    (its own text is a preface); a *reference* holds company values or notes; a *part* is a
    sub-heading inside a question's answer (STAR labels, subtitles, notes).
    """

    title: str
    level: int
    heading_line: int
    end_line: int
    kind: SectionKind
    spans: tuple[Span, ...]
    children: tuple[Section, ...] = ()
    title_spans: tuple[Span, ...] = ()
    # Stacked headings: the other titles of the same question, with their lines.
    alt_titles: tuple[str, ...] = ()
    heading_lines: tuple[int, ...] = ()
    limit: Limit | None = None
    style: QuestionStyle = "heading"
    path: tuple[str, ...] = ()
    blocks: int = 0  # content blocks in the answer, so empty list items read as a stub
    # The answer as a reader sees it (what limits count, what typo rules read), and the offset
    # in it where each span starts; computed once by `join_spans`.
    text: str = ""
    offsets: tuple[int, ...] = field(default=(), repr=False, compare=False)

    @property
    def titles(self) -> tuple[str, ...]:
        return (self.title, *self.alt_titles)

    @property
    def is_question(self) -> bool:
        return self.kind == "question"

    def span_index(self, offset: int) -> int:
        """Index in `spans` of the span holding `offset` of `text` (a separator belongs to the
        span before it)."""
        return max(0, bisect.bisect_right(self.offsets, offset) - 1)

    def in_code(self, offset: int) -> bool:
        """Whether `offset` of `text` is inside code, which text rules leave alone."""
        return bool(self.spans) and self.spans[self.span_index(offset)].kind == "code"

    def locate(self, offset: int) -> tuple[int, int]:
        """Map an offset in `text` to the original (line, col)."""
        if not self.spans:
            return self.heading_line, 1
        index = self.span_index(offset)
        span = self.spans[index]
        inner = offset - self.offsets[index]
        if inner < 0:
            inner = 0
        if inner > len(span.text):
            # Offset falls on the separator after this span: point just past the span.
            inner = len(span.text)
        return span.line, span.column_at(inner)

    def locate_end(self, offset: int) -> tuple[int, int]:
        """Map the exclusive end offset of a range in `text` to the original (line, col):
        just past its last character, not at the start of whatever follows (markup, a URL)."""
        if not self.spans or offset <= 0:
            return self.locate(offset)
        index = self.span_index(offset - 1)
        span = self.spans[index]
        inner = min(max(offset - self.offsets[index], 0), len(span.text))
        return span.line, span.end_column_at(inner)

    def walk(self) -> Iterator[Section]:
        """This section and all below it, depth first, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()


def join_spans(spans: tuple[Span, ...]) -> tuple[str, tuple[int, ...]]:
    """Join spans into answer text; return it with each span's start offset."""
    parts: list[str] = []
    offsets: list[int] = []
    pos = 0
    first = True
    for span in spans:
        if first:
            first = False
        else:
            sep = span.sep
            if sep:
                parts.append(sep)
                pos += len(sep)
        offsets.append(pos)
        text = span.text
        parts.append(text)
        pos += len(text)
    return "".join(parts), tuple(offsets)


@dataclass(frozen=True, slots=True)
class Comment:
    """An HTML comment: suppressions and `essaylint:` directives live here."""

    line: int
    end_line: int
    col: int
    body: str


@dataclass(frozen=True, slots=True)
class Document:
    """A parsed essay file: front matter, preamble, the section tree and its comments."""

    sections: tuple[Section, ...]
    preamble: tuple[Span, ...] = ()
    comments: tuple[Comment, ...] = ()
    front_matter: dict[str, object] = field(default_factory=dict)
    line_count: int = 0
    notes: tuple[str, ...] = ()  # parser remarks the user should hear (e.g. nesting cut off)
    # Lines read as headings although their hashes lack the space after them (`###성장과정`).
    malformed_headings: tuple[int, ...] = ()

    # Every section depth first, made once: each rule walks the tree, and a recursive generator
    # per level cost more than some rules' own work.
    flat: tuple[Section, ...] = field(default=(), init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        flat: list[Section] = []
        stack = list(reversed(self.sections))
        while stack:
            section = stack.pop()
            flat.append(section)
            stack.extend(reversed(section.children))
        object.__setattr__(self, "flat", tuple(flat))

    def walk(self) -> Iterator[Section]:
        """Every section, depth first, in document order."""
        return iter(self.flat)

    def text_sections(self) -> Iterator[Section]:
        """Every section whose text is read once: all but answer parts, whose title and text
        are already in their question's answer (a finding there belongs to the question)."""
        return (s for s in self.flat if s.kind != "part")

    def questions(self) -> Iterator[Section]:
        """Every question, in document order."""
        return (s for s in self.flat if s.kind == "question")

"""Walk a document's prose for the model rules: which text to read, in which sentences.

Both model rules read the same places: the text before the first heading, every heading, and
every answer except `reference` sections (company values, notes). Code spans are never read as
words but stay in the sentence as context. `blocks` gives each place as one `Block` (a run
of spans joined the way the section joins them), so a sentence that crosses emphasis or a link
stays one sentence.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass

from essaylint.korean.text import has_hangul, sentence_bounds, sentence_starts
from essaylint.linting.plugin import Hit
from essaylint.reading.model import Document, Section, Span, join_spans

__all__ = ["Block", "Place", "blocks", "document_has_hangul", "place", "sentences", "span_words"]


@dataclass(frozen=True, slots=True)
class Block:
    """Spans that read as one text, the section they belong to, and where each span starts."""

    spans: tuple[Span, ...]
    section: Section | None
    text: str
    offsets: tuple[int, ...]
    ends: tuple[int, ...]  # offset + length of each span: `place` bisects both


@dataclass(frozen=True, slots=True)
class Place:
    """Where `block.text[start:end]` is in the original file (one line: a word never wraps)."""

    line: int
    col: int
    end_col: int


def _block(spans: tuple[Span, ...], section: Section | None) -> Block:
    text, offsets = join_spans(spans)
    ends = tuple(offset + len(span.text) for span, offset in zip(spans, offsets, strict=True))
    return Block(spans, section, text, offsets, ends)


def blocks(doc: Document) -> Iterator[Block]:
    """Every place the model rules read, in document order."""
    if doc.preamble:
        yield _block(doc.preamble, None)
    for section in doc.text_sections():
        if section.title_spans:
            yield _block(section.title_spans, section)
        if section.kind != "reference" and section.spans:
            yield _block(section.spans, section)


def document_has_hangul(doc: Document) -> bool:
    """Whether any text the model rules read has Hangul (else the model is never loaded)."""
    return any(
        span.kind != "code" and has_hangul(span.text)
        for block in blocks(doc)
        for span in block.spans
    )


def place(block: Block, start: int, end: int) -> Place | None:
    """Original position of block.text[start:end]; None unless it lies in one non-code span.

    Spans follow each other without overlapping, so both their offsets and their ends only
    grow: the spans holding the range are one bisected slice (a block of 40,000 spans with a
    finding in every other one would otherwise walk them all for each finding).
    """
    first_holding = bisect_left(block.ends, end)  # the first span ending at or after `end`
    after = bisect_right(block.offsets, start)  # the first span starting after `start`
    for index in range(first_holding, after):
        span, offset = block.spans[index], block.offsets[index]
        if span.kind != "code":
            return Place(span.line, span.column_at(start - offset), _end_column(span, end - offset))
    return None


def suggestion_hit(
    block: Block, start: int, end: int, message: str, suggestion: str | None
) -> Hit | None:
    """A finding on block.text[start:end] offering `suggestion`; None when it cannot be placed."""
    where = place(block, start, end)
    if where is None:
        return None
    return Hit(
        where.line,
        where.col,
        message,
        section=block.section,
        end_line=where.line,
        end_col=where.end_col,
        suggestion=suggestion,
    )


def _end_column(span: Span, end: int) -> int:
    """Column just past `span.text[end - 1]` in the original line.

    `span.column_at(end)` is where the next character starts, which is past any markup in
    between (`**`); when the gap is wider than the character itself (1 code point, or its NFD
    length if the file was decomposed), the end is put right after the character instead.
    """
    after = span.column_at(end)
    if end == 0:
        return after
    last = span.column_at(end - 1)
    if after - last in (1, len(unicodedata.normalize("NFD", span.text[end - 1]))):
        return after
    return last + 1


def span_words(block: Block) -> Iterator[tuple[Span, int]]:
    """Each readable (non-code) span of the block with its offset in `block.text`."""
    for span, offset in zip(block.spans, block.offsets, strict=True):
        if span.kind != "code":
            yield span, offset


def sentences(block: Block) -> list[tuple[int, int]]:
    """`(start, end)` of each sentence of `block.text` that has Hangul."""
    text = block.text
    starts = sentence_starts(text)
    found = dict.fromkeys(sentence_bounds(text, start, starts) for start in starts)
    return [(a, b) for a, b in found if has_hangul(text[a:b])]


def sentence_units(doc: Document) -> tuple[list[str], list[tuple[Block, int]]]:
    """Every sentence with Hangul of the text the model rules read, and where each starts
    (its block and its offset there): what the sentence-level rules send to Kiwi at once."""
    texts: list[str] = []
    origins: list[tuple[Block, int]] = []
    for block in blocks(doc):
        for start, end in sentences(block):
            texts.append(block.text[start:end])
            origins.append((block, start))
    return texts, origins

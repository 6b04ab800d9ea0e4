"""Text -> spans that keep their original line and column: the span builder and the inline
walk (emphasis, code, links, HTML), with a fast path for text without inline markup."""

from __future__ import annotations

import bisect
import string
import unicodedata
from functools import lru_cache
from itertools import chain
from typing import TYPE_CHECKING, Any

from essaylint.base.patterns import compile_pattern
from essaylint.reading.markdown import markdown_parser
from essaylint.reading.model import Span, SpanKind

if TYPE_CHECKING:
    from markdown_it.token import Token

_WHITESPACE_RUN = compile_pattern(r"(\s+)")
# CommonMark will not close `**` after punctuation before a letter (`**'고객'**이라는`), so Korean
# text keeps the markers literally; a writer never means them as text.
_LITERAL_STRONG = compile_pattern(r"\*\*+")


# Characters that can start inline markup in CommonMark (escapes, code, strikethrough, emphasis,
# autolinks and HTML, entities; links in `_markup`). Text without any of them parses to plain
# text and line breaks, which `_text_rows` produces without the inline parser.
_INLINE_MARKUP = compile_pattern(r"[\\`~*_<&]")
_MARKUP_BUT_STARS = compile_pattern(r"[\\`~_<&]")
_PLAIN, _STARS, _OTHER = range(3)
_NO_REFERENCES: dict[str, Any] = {}  # the line-by-line reader declines documents that have any


def _markup(content: str, env: dict[str, Any]) -> int:
    """What inline markup `content` may hold: none (`_PLAIN`), `**` runs and nothing else
    (`_STARS`), or anything else. A `[` is literal text unless a `](` follows (an inline link
    or image) or the document defines link references: essays bracket their limits
    (`지원 동기 [300자]`), and the parser gave those back as the same text."""
    if "[" in content and ("](" in content or "references" in env):
        return _OTHER
    found = _INLINE_MARKUP.search(content)
    if found is None:
        return _PLAIN
    return _STARS if _MARKUP_BUT_STARS.search(content, found.start()) is None else _OTHER


_STAR_RUN = compile_pattern(r"\*+")


class SpanBuilder:
    """Turns inline tokens into spans, finding each character's place in the original text.

    Text is kept as pieces with the offset each starts at; per-character positions are made
    only for a span that needs them (markup removed inside a line, NFD text)."""

    def __init__(self, source: str, line_starts: list[int]) -> None:
        self.source = source
        self.line_starts = line_starts
        self.cursor = 0
        self.limit = len(source)
        self.spans: list[Span] = []
        self._pieces: list[str] = []
        self._starts: list[int] = []  # where each piece starts in `source`
        self._kind: SpanKind = "text"
        self._line = -1
        self._sep = "\n"
        self._pending_sep = "\n"

    def line_of(self, offset: int) -> int:
        """0-based line of an absolute offset."""
        return bisect.bisect_right(self.line_starts, offset) - 1

    def line_stop(self, line: int) -> int:
        """Offset just past the last character of a 0-based line (its "\n" or the end)."""
        following = line + 1
        if following < len(self.line_starts):
            return self.line_starts[following] - 1
        return len(self.source)

    def start_block(self, start_line: int, end_line: int, sep: str = "\n") -> None:
        """Restrict the search to a block's lines (0-based, end exclusive)."""
        self.flush()
        start = self.line_starts[min(start_line, len(self.line_starts) - 1)]
        self.cursor = max(self.cursor, start)
        self.limit = (
            self.line_starts[end_line] if end_line < len(self.line_starts) else len(self.source)
        )
        self._pending_sep = sep

    def flush(self) -> None:
        pieces = self._pieces
        if not pieces:
            return
        starts = self._starts
        text = "".join(pieces) if len(pieces) > 1 else pieces[0]
        base = self.line_starts[self._line] - 1  # column = offset - base
        contiguous = True
        for index in range(1, len(pieces)):
            if starts[index] != starts[index - 1] + len(pieces[index - 1]):
                contiguous = False
                break
        cols: tuple[int, ...] = ()
        end_cols: tuple[int, ...] = ()
        if not text.isascii() and not unicodedata.is_normalized("NFC", text):
            positions = self._positions()
            text, nfc_starts, ends = _normalise_with_positions(list(text), positions)
            contiguous = False
            cols = tuple(p - base for p in nfc_starts)
            end_cols = tuple(p - base for p in ends)
        elif not contiguous:
            cols = tuple(
                chain.from_iterable(
                    range(start - base, start - base + len(piece))
                    for start, piece in zip(starts, pieces, strict=True)
                )
            )
        self.spans.append(
            Span(
                line=self._line + 1,
                col=starts[0] - base,
                text=text,
                kind=self._kind,
                cols=cols,
                end_cols=end_cols,
                sep=self._sep,
            )
        )
        self._pieces = []
        self._starts = []

    def add_row(self, text: str, kind: SpanKind) -> None:
        """`add` for a whole row of plain text that a break or the block's end will follow:
        when it stands verbatim on one line it becomes a span at once."""
        if self._pieces or not text:
            self.add(text, kind)
            return
        found = self.source.find(text, self.cursor, self.limit)
        if found < 0:
            self.add(text, kind)
            return
        end = found + len(text)
        line = self.line_of(found)
        if end > self.line_stop(line) or (
            not text.isascii() and not unicodedata.is_normalized("NFC", text)
        ):
            self.add(text, kind)
            return
        self.spans.append(
            Span(line + 1, found - self.line_starts[line] + 1, text, kind, sep=self._pending_sep)
        )
        self._pending_sep = ""
        self.cursor = end

    def plain_span(self, line: int, text: str, kind: SpanKind, sep: str) -> Span | None:
        """A one-line block's text as one span when its only inline markup is `**bold**` pairs
        (or none) and it stands verbatim on its line: what `start_block`, `inline_spans` and
        `flush` would make, without them (None: take that way)."""
        if not text or "\n" in text:
            return None
        markup = _markup(text, _NO_REFERENCES)
        if markup == _PLAIN:
            segments = None
        elif markup == _STARS:
            segments = _strong_segments(text)
            if segments is None:
                return None
        else:
            return None
        start = self.line_starts[line]
        following = line + 1
        stop = (
            self.line_starts[following] - 1
            if following < len(self.line_starts)
            else len(self.source)
        )
        found = self.source.find(text, max(self.cursor, start), stop)
        if found < 0:
            return None
        cols: tuple[int, ...] = ()
        if segments is None:
            end = found + len(text)
        else:
            # Each `**` run is two characters; the segments between them are placed where
            # they stand, as `_place` would find them (columns are offsets - start + 1).
            shift = 1 - start
            ranges: list[range] = []
            offset = found + shift
            for segment in segments:
                if segment:
                    ranges.append(range(offset, offset + len(segment)))
                offset += len(segment) + 2
            if not ranges:
                return None
            text = "".join(segments)
            first_col = ranges[0].start
            end = ranges[-1].stop - shift
            found = first_col - shift
            if end - found != len(text):
                cols = tuple(chain.from_iterable(ranges))
        if not text.isascii() and not unicodedata.is_normalized("NFC", text):
            return None
        if self._pieces:
            self.flush()
        self.cursor = end
        self._pending_sep = ""
        return Span(line + 1, found - start + 1, text, kind, cols=cols, sep=sep)

    def _positions(self) -> list[int]:
        positions: list[int] = []
        for start, piece in zip(self._starts, self._pieces, strict=True):
            positions.extend(range(start, start + len(piece)))
        return positions

    def _open(self, line: int, kind: SpanKind) -> None:
        """Continue the current span, or start a new one for this line and kind."""
        if self._pieces and (line != self._line or kind != self._kind):
            same_line = line == self._line
            self.flush()
            self._pending_sep = "" if same_line else "\n"
        if not self._pieces:
            self._line = line
            self._kind = kind
            self._sep = self._pending_sep
            self._pending_sep = ""

    def add(self, text: str, kind: SpanKind) -> None:
        """Add visible text, locating it at or after the cursor."""
        if not text:
            return
        if "\n" not in text and self._place(text, kind):
            return
        # Text that differs from its source (an inline code span broken over two lines, an
        # entity): place it word by word, and a space standing for a line break breaks the line.
        for piece in _WHITESPACE_RUN.split(text):
            if not piece:
                continue
            if piece.isspace():
                self._add_space(piece, kind)
            elif not self._place(piece, kind):
                self._add_aligned(piece, kind)

    def _place(self, text: str, kind: SpanKind) -> bool:
        """Add text that stands verbatim in one source line; False when it does not."""
        found = self.source.find(text, self.cursor, self.limit)
        if found < 0:
            return False
        end = found + len(text)
        if (
            self._pieces
            and found >= self.line_starts[self._line]
            and end <= self.line_stop(self._line)
        ):
            line = self._line  # on the current span's line: no search for the line needed
        else:
            line = self.line_of(found)
            if line != self.line_of(end - 1):
                return False
        self._open(line, kind)
        self._pieces.append(text)
        self._starts.append(found)
        self.cursor = end
        return True

    def _add_space(self, space: str, kind: SpanKind) -> None:
        """White space in the text: the source's own spaces, or a line break it replaced."""
        pos = self.cursor
        while pos < self.limit and self.source[pos] in " \t":
            pos += 1
        if pos < self.limit and self.source[pos] == "\n":
            self.new_line()
            self.cursor = pos + 1
            return
        self._add_aligned(space, kind)

    def _add_aligned(self, text: str, kind: SpanKind) -> None:
        for ch, pos in zip(text, self._align(text), strict=True):
            if ch == "\n":
                continue
            self._open(self.line_of(pos), kind)
            if self._pieces:
                last = self._starts[-1] + len(self._pieces[-1]) - 1
                if pos <= last:
                    pos = last + 1  # keep positions increasing
            self._pieces.append(ch)
            self._starts.append(pos)

    def new_line(self) -> None:
        """A soft or hard break: what follows starts a new span."""
        self.flush()
        self._pending_sep = "\n"

    def skip_to(self, needle: str) -> None:
        """Move the cursor past the next `needle` (a link's URL part, say)."""
        found = self.source.find(needle, self.cursor, self.limit)
        if found >= 0:
            self.cursor = found + len(needle)

    def _align(self, text: str) -> list[int]:
        """Character-by-character placement for text that differs from its source (entities)."""
        positions: list[int] = []
        for ch in text:
            found = self.source.find(ch, self.cursor, self.limit) if ch != "\n" else -1
            if found < 0:
                positions.append(min(self.cursor, max(self.limit - 1, 0)))
                continue
            positions.append(found)
            self.cursor = found + 1
        return positions


def _normalise_with_positions(
    chars: list[str], positions: list[int]
) -> tuple[str, list[int], list[int]]:
    """NFC-normalise, keeping each output character's original start and end (exclusive).

    A syllable composed from three NFD code points starts at the first and ends past the third.
    """
    out_text: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    group: list[str] = []
    group_positions: list[int] = []

    def close() -> None:
        if not group:
            return
        composed = unicodedata.normalize("NFC", "".join(group))
        last = len(group_positions) - 1
        for i, ch in enumerate(composed):
            out_text.append(ch)
            starts.append(group_positions[min(i, last)])
            is_last = i == len(composed) - 1
            ends.append(group_positions[last] + 1 if is_last else group_positions[min(i + 1, last)])

    for ch, pos in zip(chars, positions, strict=True):
        code = ord(ch)
        joins = (
            unicodedata.combining(ch) != 0 or 0x1160 <= code <= 0x11FF or 0xD7B0 <= code <= 0xD7FF
        )
        if not joins and group:
            close()
            group = []
            group_positions = []
        group.append(ch)
        group_positions.append(pos)
    close()
    return "".join(out_text), starts, ends


class Inline:
    """A block's inline content read without markdown-it's block parser: what `inline_spans`
    reads of an inline token."""

    __slots__ = ("children", "content")

    def __init__(self, content: str) -> None:
        self.content = content
        self.children: list[Token] | None = None


def _inline_children(token: Token | Inline, env: dict[str, Any]) -> list[Token]:
    """The token's inline children, parsed on first use (the core rule is disabled; the block
    parser leaves an empty list, and parsed text always has at least one child)."""
    if not token.children and token.content:
        children: list[Token] = []
        markdown = markdown_parser()
        markdown.inline.parse(token.content, markdown, env, children)
        token.children = _join_text(children)
    return token.children or []


def _join_text(tokens: list[Token]) -> list[Token]:
    """markdown-it's text_join: escaped characters become text, adjacent texts one token."""
    joined: list[Token] = []
    for token in tokens:
        if token.type == "text_special":
            token.type = "text"
        if token.type == "text" and joined and joined[-1].type == "text":
            joined[-1].content += token.content
        else:
            joined.append(token)
    return joined


def _strong_segments(content: str) -> list[str] | None:
    """The text around `**bold**` pairs, when those are the text's only inline markup and
    every `**` pairs up as CommonMark pairs them; None when that is not certain.

    Essays bold their key phrases (`**도전**을`), so a fifth of paragraphs have `**` and nothing
    else. Every run here is exactly two stars, so the "multiple of 3" rule never applies and
    markdown-it's pairing is a stack: a run that can close takes the nearest open run, else it
    opens if it can (flanking as markdown-it's scanDelims decides). A run left over is
    literal text: then the parser decides."""
    runs = list(_STAR_RUN.finditer(content))
    if not runs or len(runs) % 2:
        return None
    open_runs = 0
    segments: list[str] = []
    position = 0
    for run in runs:
        start, end = run.span()
        if end - start != 2:
            return None
        can_open, can_close = _flanking(
            content[start - 1] if start else " ", content[end] if end < len(content) else " "
        )
        if can_close and open_runs:
            open_runs -= 1
        elif can_open:
            open_runs += 1
        else:
            return None
        segments.append(content[position:start])
        position = end
    if open_runs:
        return None
    segments.append(content[position:])
    return segments


# markdown-it's isWhiteSpace and isMdAsciiPunct/isPunctChar, as sets and a category test so
# that the bold fast path needs no markdown-it import (tests compare them on every code point).
_WHITE_SPACE = frozenset("\t\n\v\f\r \u00a0\u1680\u202f\u205f\u3000") | frozenset(
    chr(code) for code in range(0x2000, 0x200B)
)
_ASCII_PUNCTUATION = frozenset(string.punctuation)


def _is_punctuation(char: str) -> bool:
    return char in _ASCII_PUNCTUATION or unicodedata.category(char)[0] in "PS"


@lru_cache(maxsize=4096)
def _flanking(before: str, after: str) -> tuple[bool, bool]:
    """Whether a delimiter run between these characters is left- and right-flanking (a pure
    function of two characters, and a few hundred pairs recur: cached)."""
    before_punct = _is_punctuation(before)
    after_punct = _is_punctuation(after)
    before_space = before in _WHITE_SPACE
    after_space = after in _WHITE_SPACE
    left = not (after_space or (after_punct and not (before_space or before_punct)))
    right = not (before_space or (before_punct and not (after_space or after_punct)))
    return left, right


def _text_rows(builder: SpanBuilder, text: str, kind: SpanKind, *, whole: bool = False) -> None:
    """One text child and the breaks in it, as the inline parser splits them (trailing spaces
    dropped before a break, leading spaces and tabs after one). `whole`: nothing follows the
    text on its last line, so each row may become a span at once."""
    add = builder.add_row if whole else builder.add
    rows = text.split("\n")
    last = len(rows) - 1
    for index, row in enumerate(rows):
        if index:
            builder.new_line()
            row = row.lstrip(" \t")
        if index < last:
            row = row.rstrip(" ")
        add(row, kind)


def inline_spans(
    builder: SpanBuilder, token: Token | Inline, kind: SpanKind, env: dict[str, Any]
) -> None:
    """Walk one inline token's children into the builder."""
    if not token.children:
        content = token.content
        markup = _markup(content, env)
        if markup == _PLAIN:  # plain text: one text child, its breaks as the parser makes them
            _text_rows(builder, content, kind, whole=True)
            return
        if markup == _STARS:
            segments = _strong_segments(content)
            if segments is not None:
                for segment in segments:
                    _text_rows(builder, segment, kind)
                return
    for child in _inline_children(token, env):
        ctype = child.type
        if ctype == "text":
            content = child.content
            if "**" in content:
                for piece in _LITERAL_STRONG.split(content):
                    builder.add(piece, kind)
            else:
                builder.add(content, kind)
        elif ctype == "code_inline":
            builder.add(child.content, "code")
        elif ctype in ("softbreak", "hardbreak"):
            builder.new_line()
        elif ctype == "link_close":
            if child.markup != "autolink":
                builder.skip_to("]")
                rest = builder.source[builder.cursor : builder.cursor + 1]
                if rest == "(":
                    builder.skip_to(")")
                elif rest == "[":
                    builder.skip_to("]")
        elif ctype == "image":
            builder.skip_to("](")
            builder.skip_to(")")
        elif ctype == "html_inline":
            found = builder.source.find(child.content, builder.cursor, builder.limit)
            if found >= 0:
                builder.cursor = found + len(child.content)


def heading_title(
    builder: SpanBuilder,
    inline: Token | Inline,
    start_line: int,
    end_line: int,
    env: dict[str, Any],
) -> tuple[Span, ...]:
    """A heading's title spans (the builder's cursor set to its line first)."""
    builder.start_block(start_line, end_line)
    inline_spans(builder, inline, "heading", env)
    builder.flush()
    title = tuple(builder.spans)
    builder.spans = []
    return title


def code_spans(builder: SpanBuilder, token: Token, lines: list[str]) -> None:
    """Each non-empty line of a code block as a code span, found in its source line."""
    assert token.map is not None
    builder.flush()
    start, end = token.map
    first = start + 1 if token.type == "fence" else start
    content_lines = token.content.split("\n")
    index = first
    for content in content_lines:
        if index >= end or index >= len(lines):
            break
        stripped = content.strip()
        if stripped:
            col = lines[index].find(stripped)
            if col >= 0:
                builder.start_block(index, index + 1)
                builder.add(stripped, "code")
                builder.flush()
        index += 1

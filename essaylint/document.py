"""Markdown source -> `Document`. The only module that imports markdown-it-py.

What counts as answer text (what a reader sees): paragraphs, list items, block quotes, tables
(cells joined by a space, rows by a line break), code (kept, marked as code so spelling rules skip
it), the text of headings inside quotes or lists, and the text a browser shows of HTML blocks
(`<p>…</p>`, `<details>`: tags, comments, scripts and styles removed, entities decoded; a
`<summary>` is a question's title, or a button label when it only says 답변/펼치기). Not answer
text: HTML comments, link and image URLs, image alt text, emphasis markers, list markers, table
pipes, thematic breaks and YAML front matter. A soft line break inside a paragraph is a line
break, as it is when the text is pasted into a portal's form.

Only top-level headings (not inside a quote, list or HTML block) become sections, plus the
questions written in other styles (list items, `Q1.` lines, bold labels, quotes, details,
`###제목` without its space), which `question_styles.py` picks from the candidates found here.
The tree and the question/group/reference decision are made in `outline.py`.
"""

from __future__ import annotations

import bisect
import html
import re
import string
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import chain
from typing import TYPE_CHECKING, Any

from essaylint.limits import limit_from_title
from essaylint.model import Comment, Document, QuestionStyle, Span, SpanKind, join_spans
from essaylint.patterns import compile_pattern
from essaylint.question_styles import (
    ANSWER_PREFIX,
    MISSING_SPACE,
    QUESTION_PREFIX,
    Candidate,
    choose_questions,
    could_be_label,
    line_reads_as_sentence,
    strength,
    tagged_label,
)
from essaylint.simple_blocks import (
    Block,
    Heading,
    HtmlComment,
    Item,
    Paragraph,
    Quote,
    Row,
    simple_blocks,
)
from essaylint.titles import read_title

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

# markdown-it-py's default nesting limit silently drops deeper content; essays never need more
# than this, and a deeper file gets a note instead of a silent skip.
MAX_NESTING = 100
_COMMENT = compile_pattern(r"<!--(.*?)-->", re.DOTALL)
_WHITESPACE_RUN = compile_pattern(r"(\s+)")
# CommonMark will not close `**` after punctuation before a letter (`**'고객'**이라는`), so Korean
# text keeps the markers literally; a writer never means them as text.
_LITERAL_STRONG = compile_pattern(r"\*\*+")


class DocumentError(ValueError):
    """A one-line reason the document cannot be read (malformed front matter)."""


@dataclass(slots=True)
class RawHeading:
    """A top-level heading and the blocks up to the next one, before the tree is built."""

    level: int
    line: int
    end_line: int
    title: str
    title_spans: tuple[Span, ...]
    body: list[Span] = field(default_factory=list)
    body_end_line: int = 0
    blocks: int = 0  # blocks under it without text (an empty list item, an empty fence)
    style: QuestionStyle = "heading"


@dataclass(slots=True)
class ParsedSource:
    """What the token walk yields: headings with their bodies, and what came before them."""

    preamble: list[Span]
    headings: list[RawHeading]
    comments: list[Comment]
    front_matter: dict[str, Any]
    line_count: int
    notes: list[str]
    malformed_headings: list[int] = field(default_factory=list)  # `###성장과정` lines
    # A file written without one blank line cannot mark two titles over one answer by leaving
    # the blank out: its consecutive headings are separate questions.
    has_blank_lines: bool = True


def _make_parser(front_matter: bool) -> MarkdownIt:
    from markdown_it import MarkdownIt
    from mdit_py_plugins.front_matter import front_matter_plugin

    parser = MarkdownIt("commonmark", {"maxNesting": MAX_NESTING}).enable("table")
    # Inline parsing is done per token, and only where the text can hold inline markup
    # (`_inline_children`): most essay paragraphs are plain text, and parsing their inline
    # structure was a third of markdown-it's time.
    parser.disable(["inline", "text_join"])
    return parser.use(front_matter_plugin) if front_matter else parser


_PARSERS: dict[bool, MarkdownIt] = {}


def markdown_parser(front_matter: bool = True) -> MarkdownIt:
    """markdown-it, configured as essaylint reads Markdown; imported and built on first use
    (~40 ms), as an essay of common blocks and plain or bold text needs none of it. Without
    `front_matter`, a `---` block at the top is a thematic break and the Markdown under it."""
    parser = _PARSERS.get(front_matter)
    if parser is None:
        parser = _PARSERS[front_matter] = _make_parser(front_matter)
    return parser


_FENCE_LINE = compile_pattern(r"^-{3,}[ \t]*$")
# `title: 자기소개서`, `layout: post`, `tags: [a, b]`, `date:`: a YAML mapping key at the margin.
_YAML_KEY = compile_pattern(r"^[\w\"'][^:#]{0,60}:(?:[ \t]|$)")
_YAML_MORE = compile_pattern(r"^(?:[ \t]|-[ \t]|-$|#|\.\.\.[ \t]*$)")


def reads_as_front_matter(lines: Sequence[str]) -> bool:
    """Whether a file opening with `---` opens with YAML front matter rather than Markdown.

    People start notes with a thematic break (`---`, then headings, sentences, tables, and
    another `---`); only a block whose lines at the margin are all `key:` lines (list items,
    indented lines and comments between them) is front matter. A block without a closing
    `---` is none either way.
    """
    if not lines or not _FENCE_LINE.match(lines[0]):
        return False
    keys = 0
    for line in lines[1:]:
        if _FENCE_LINE.match(line) or line.rstrip() == "...":
            return keys > 0
        if not line.strip() or _YAML_MORE.match(line):
            continue
        if not _YAML_KEY.match(line):
            return False
        keys += 1
    return False


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


class _SpanBuilder:
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
        (or none) and it stands verbatim on its line: what `start_block`, `_inline_spans` and
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


class _Inline:
    """A block's inline content read without markdown-it's block parser: what `_inline_spans`
    reads of an inline token."""

    __slots__ = ("children", "content")

    def __init__(self, content: str) -> None:
        self.content = content
        self.children: list[Token] | None = None


def _inline_children(token: Token | _Inline, env: dict[str, Any]) -> list[Token]:
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


def _text_rows(builder: _SpanBuilder, text: str, kind: SpanKind, *, whole: bool = False) -> None:
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


def _inline_spans(
    builder: _SpanBuilder, token: Token | _Inline, kind: SpanKind, env: dict[str, Any]
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


def _heading_title(
    builder: _SpanBuilder,
    inline: Token | _Inline,
    start_line: int,
    end_line: int,
    env: dict[str, Any],
) -> tuple[Span, ...]:
    """A heading's title spans (the builder's cursor set to its line first)."""
    builder.start_block(start_line, end_line)
    _inline_spans(builder, inline, "heading", env)
    builder.flush()
    title = tuple(builder.spans)
    builder.spans = []
    return title


def _code_spans(builder: _SpanBuilder, token: Token, lines: list[str]) -> None:
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


@dataclass(slots=True)
class _Piece:
    """One step of the walk: a heading, a run of answer text, or a question candidate."""

    spans: list[Span] = field(default_factory=list)
    heading: RawHeading | None = None
    candidate: Candidate | None = None
    title_spans: list[Span] = field(default_factory=list)  # a candidate's question text
    textless: int = 0  # a block with no text (empty list item, empty fence)
    closes_details: bool = False


def _by_line(spans: list[Span]) -> list[list[Span]]:
    """Spans grouped by original line, in order."""
    groups: list[list[Span]] = []
    for span in spans:
        if groups and groups[-1][0].line == span.line:
            groups[-1].append(span)
        else:
            groups.append([span])
    return groups


def _visible(spans: list[Span]) -> str:
    if len(spans) == 1:
        return spans[0].text
    return join_spans(tuple(spans))[0]


def _drop_prefix(span: Span, count: int) -> Span | None:
    """The span without its first `count` characters (None when nothing is left)."""
    if count >= len(span.text):
        return None
    return Span(
        line=span.line,
        col=span.column_at(count),
        text=span.text[count:],
        kind=span.kind,
        cols=span.cols[count:],
        end_cols=span.end_cols[count:],
        sep=span.sep,
    )


def _strip_leading(spans: list[Span], pattern: re.Pattern[str]) -> list[Span]:
    """Drop a leading match of `pattern` (`A.`, a heading's hashes) from the first span."""
    if not spans:
        return spans
    match = pattern.match(spans[0].text)
    if match is None or not match.group(0):
        return spans
    first = _drop_prefix(spans[0], match.end())
    rest = spans[1:]
    if first is None:
        if rest:
            rest = [replace(rest[0], sep=spans[0].sep), *rest[1:]]
        return rest
    return [first, *rest]


_BOLD_LINE = compile_pattern(r"^ {0,3}(\*\*|__)(?!\s)(.+?)(?<!\s)\1\s*([:：])?\s*$")
_BOLD_COLON = compile_pattern(r"[:：]\s*$")
_HASHES = compile_pattern(r"^#{1,6}")
# `3. 질문`, `~~4. 질문~~`, `ㅇㅇ. 질문` at the start of a line inside a paragraph.
_NUMBERED_LINE = compile_pattern(r"^ {0,3}(?:~~)?\s*(\d{1,3}|[ㅇOo]{2})[.)](?![\d.])")
_STRIKE = compile_pattern(r"~~")
_QUOTE_MARK = compile_pattern(r"^ {0,3}>")
# `(학교 수업, 대외활동 등)`, `(예: …)`, `[필수]`: a remark under a question, part of it.
_REMARK_LINE = compile_pattern(r"^\s*(?:[(（][^()（）]*[)）]|\[[^\[\]]*\])\s*$")
_LINE_LIST_MIN = 3  # lines of a paragraph of short lines read as a list
_LINE_LIST_MAX = 60  # characters of each such line
_SUMMARY = compile_pattern(
    r"<summary[^>]*>(.*?)</summary\s*>|</details\s*>|(<details\b[^>]*>)",
    re.IGNORECASE | re.DOTALL,
)
_MARKUP = compile_pattern(
    r"<!--.*?(?:-->|\Z)|<(script|style)\b.*?(?:</\1\s*>|\Z)|<[A-Za-z/!?][^>]*>",
    re.IGNORECASE | re.DOTALL,
)
# The token types the walk reads; the rest (paragraph and list closes, table rows) only nest.
_WALKED = frozenset(
    {
        "inline",
        "heading_open",
        "list_item_open",
        "bullet_list_open",
        "ordered_list_open",
        "front_matter",
        "blockquote_open",
        "blockquote_close",
        "fence",
        "code_block",
        "html_block",
        "tr_open",
        "tr_close",
    }
)
# The block reader for documents made only of common blocks (tests swap it for one that never
# reads, to compare with markdown-it's reading).
_SIMPLE_BLOCKS = simple_blocks
_HIDDEN_MARK = "\uffff"  # a noncharacter: never text a writer saved
_TITLE_LINES = 3  # a list item's question may wrap; its limit then ends a later line


class _Walk:
    """The token walk: pieces in document order, with each question candidate marked."""

    def __init__(self, source: str, lines: list[str], line_starts: list[int]) -> None:
        self.lines = lines
        self.builder = _SpanBuilder(source, line_starts)
        self.pieces: list[_Piece] = []
        self.parent_title: str | None = None
        self.parent_line = 0  # the line of that heading: two headings may share a title
        # The `<details>` open around the walk, each with the piece of its summary's question.
        self.details_open: list[_Piece | None] = []
        self.row_cells: list[list[Span]] = []  # the cells of the table row being read
        self.list_group = 0
        self.nested_group = 0  # lists one level inside a top-level item: ids below zero
        self.paragraph_numbered = False  # the paragraph read holds two or more numbered lines

    def spans(self) -> list[Span]:
        self.builder.flush()
        taken = self.builder.spans
        self.builder.spans = []
        return taken

    def add_text(self, spans: list[Span]) -> None:
        if spans:
            self.pieces.append(_Piece(spans=spans))
        else:
            self.pieces.append(_Piece(textless=1))

    def table_row(self, cells: list[list[Span]], *, header: bool) -> None:
        """A table row: a question of a table bank (one row per question, `구분 | 질문`) when
        its table turns out to be one; otherwise its cells are text, as they were."""
        filled = [cell for cell in cells if cell]
        if header or not filled:
            for cell in filled:
                self.add_text(cell)
            return
        asking = [i for i, cell in enumerate(cells) if cell and _cell_asks(_visible(cell))]
        at = asking[0] if asking else max(range(len(cells)), key=lambda i: len(_visible(cells[i])))
        title = [s for cell in cells[: at + 1] for s in cell]
        body = [s for cell in cells[at + 1 :] for s in cell]
        candidate = Candidate(
            "q-line",
            _visible(cells[at]).strip(),
            cells[at][0].line,
            self.parent_title,
            parent_line=self.parent_line,
            group=self.list_group,
            listed=True,
            opens_paragraph=False,
            in_table=True,
        )
        self.pieces.append(_Piece(spans=body, candidate=candidate, title_spans=title))

    def paragraph(self, spans: list[Span]) -> None:
        """A top-level paragraph: any line may start a question (`Q1.`, `**지원동기**`)."""
        if not spans:
            self.add_text(spans)
            return
        plain: list[Span] = []
        piece: _Piece | None = None
        groups = _by_line(spans)
        listed = _is_line_list(groups)
        numbered = sum(1 for g in groups if _NUMBERED_LINE.match(self.lines[g[0].line - 1]))
        if listed or numbered >= 2:
            self.list_group += 1  # the paragraph's lines may make a bank together
        self.paragraph_numbered = numbered >= 2
        for index, group in enumerate(groups):
            found = self._line_candidate(group, first=index == 0, listed=listed)
            if found is None:
                (piece.spans if piece is not None else plain).extend(group)
                continue
            if piece is None and plain:
                self.pieces.append(_Piece(spans=plain))
            if piece is not None:
                self.pieces.append(piece)
            candidate, title = found
            piece = _Piece(candidate=candidate, title_spans=title)
        if piece is None:
            self.pieces.append(_Piece(spans=plain))
        else:
            self.pieces.append(piece)

    def _line_candidate(
        self, group: list[Span], *, first: bool, listed: bool = False
    ) -> tuple[Candidate, list[Span]] | None:
        line = group[0].line
        raw = self.lines[line - 1]
        visible = _visible(group)
        missing = MISSING_SPACE.match(raw)
        if missing is not None and visible.startswith("#"):
            title = _strip_leading(group, _HASHES)
            hashes = len(missing.group(2))
            found = Candidate(
                "heading",
                _visible(title),
                line,
                self.parent_title,
                hashes=hashes,
                parent_line=self.parent_line,
            )
            return found, title
        bold = _BOLD_LINE.match(raw)
        if bold is not None:
            colon = bool(bold.group(3)) or bool(_BOLD_COLON.search(bold.group(2)))
            found = Candidate(
                "bold-label",
                visible,
                line,
                self.parent_title,
                ends_with_colon=colon,
                parent_line=self.parent_line,
            )
            return found, group
        if QUESTION_PREFIX.match(visible):
            return Candidate(
                "q-line", visible, line, self.parent_title, parent_line=self.parent_line
            ), group
        numbered = _NUMBERED_LINE.match(raw)
        if numbered is not None or listed:
            # `3. 질문` inside a paragraph (a list Markdown did not start: no blank line, or not
            # numbered from 1), `~~4. 질문~~` struck through once answered, or one line of a
            # paragraph of short lines: a question of a bank when its neighbours ask too.
            number = numbered.group(1) if numbered is not None else None
            in_bank = listed or self.paragraph_numbered
            found = Candidate(
                "q-line",
                _STRIKE.sub("", visible).strip(),
                line,
                self.parent_title,
                parent_line=self.parent_line,
                group=self.list_group if in_bank else 0,
                # `ㅇㅇ.` stands for a number not decided yet
                number=None if number is None else int(number) if number.isdigit() else 0,
                listed=True,
                opens_paragraph=first,
            )
            return found, group
        if first and could_be_label(visible):
            return Candidate(
                "q-line", visible, line, self.parent_title, parent_line=self.parent_line
            ), group
        return None

    def list_item(self, spans: list[Span], number: int | None, *, nested: bool = False) -> None:
        """A top-level list item's first paragraph (or, `nested`, the first paragraph of an
        item one level under one): its first line may be the question."""
        if not spans:
            self.add_text(spans)
            return
        groups = _by_line(spans)
        take = 1
        if limit_from_title(_visible(groups[0])) is None:
            for index in range(1, min(len(groups), _TITLE_LINES)):
                if limit_from_title(_visible(groups[index])) is not None:
                    take = index + 1
                    break
        while take < len(groups) and _REMARK_LINE.match(_visible(groups[take])):
            take += 1
        title = [s for g in groups[:take] for s in g]
        candidate = Candidate(
            "list-item",
            " ".join(_visible(g) for g in groups[:take]),
            groups[0][0].line,
            self.parent_title,
            parent_line=self.parent_line,
            group=self.nested_group if nested else self.list_group,
            number=number,
            nested=nested,
        )
        body = [s for g in groups[take:] for s in g]
        self.pieces.append(_Piece(spans=body, candidate=candidate, title_spans=title))

    def blockquote(self, start: int) -> None:
        """A top-level quote closed: all its text may be one question."""
        inside = self.pieces[start:]
        if any(p.heading is not None or p.candidate is not None for p in inside):
            return
        spans = [s for p in inside for s in p.spans]
        del self.pieces[start:]
        if not spans:
            self.pieces.append(_Piece(textless=1))
            return
        groups = _by_line(spans)
        # `> 질문?` with the answer on the next lines, written without `>` (lazy continuation):
        # the quoted lines ask, the lazy ones answer.
        quoted = len(groups)
        for index, group in enumerate(groups[1:], start=1):
            if not _QUOTE_MARK.match(self.lines[group[0].line - 1]):
                quoted = index
                break
        asked = " ".join(_visible(g) for g in groups[:quoted])
        if quoted < len(groups) and not read_title(asked).asks:
            quoted = len(groups)
            asked = " ".join(_visible(g) for g in groups)
        title_spans = [s for g in groups[:quoted] for s in g]
        body = [s for g in groups[quoted:] for s in g]
        candidate = Candidate(
            "blockquote", asked, spans[0].line, self.parent_title, parent_line=self.parent_line
        )
        self.pieces.append(_Piece(spans=body, candidate=candidate, title_spans=title_spans))

    def html_block(self, content: str, first_line: int, *, top_level: bool) -> None:
        """An HTML block: its visible text is answer text; at the top level, a `<summary>`
        may start a question (`<details><summary>질문</summary> 답 </details>`)."""
        mask = _mask_markup(content)
        position = 0
        piece: _Piece | None = None
        matches = _SUMMARY.finditer(content) if top_level else iter(())
        for match in matches:
            self._html_text(content, mask, position, match.start(), first_line, piece)
            position = match.end()
            if match.group(2) is not None:  # <details>: one level deeper
                self.details_open.append(None)
                continue
            if match.group(1) is None:  # </details>
                if self.details_open:
                    self.details_open.pop()
                if piece is not None:
                    self.pieces.append(piece)
                    piece = None
                self.pieces.append(_Piece(closes_details=True))
                continue
            if piece is not None:
                self.pieces.append(piece)
            piece = None
            title = self._html_spans(content, mask, match.start(1), match.end(1), first_line)
            if not title:
                continue
            candidate = Candidate(
                "details",
                _visible(title),
                title[0].line,
                self.parent_title,
                parent_line=self.parent_line,
            )
            piece = _Piece(candidate=candidate, title_spans=title)
            # A summary over more details is a category of an accordion, not a question.
            for index, opened in enumerate(self.details_open[:-1]):
                if opened is not None and opened.candidate is not None:
                    opened.candidate = replace(opened.candidate, container=True)
                    self.details_open[index] = None
            if self.details_open:
                self.details_open[-1] = piece
        self._html_text(content, mask, position, len(content), first_line, piece)
        if piece is not None:
            self.pieces.append(piece)

    def _html_text(
        self, content: str, mask: str, start: int, end: int, first_line: int, piece: _Piece | None
    ) -> None:
        spans = self._html_spans(content, mask, start, end, first_line)
        if not spans:
            return
        if piece is not None:
            piece.spans.extend(spans)
        else:
            self.pieces.append(_Piece(spans=spans))

    def _html_spans(
        self, content: str, mask: str, start: int, end: int, first_line: int
    ) -> list[Span]:
        """The text a browser shows between `start` and `end`, placed line by line."""
        line = first_line + content.count("\n", 0, start)
        for row in mask[start:end].split("\n"):
            segments = row.split(_HIDDEN_MARK)
            filled = [i for i, seg in enumerate(segments) if seg.strip()]
            if filled:
                self.builder.start_block(line, line + 1)
                for i in range(filled[0], filled[-1] + 1):
                    segment = segments[i]
                    if i == filled[0]:
                        segment = segment.lstrip()
                    if i == filled[-1]:
                        segment = segment.rstrip()
                    if segment:
                        self.builder.add(html.unescape(segment), "text")
                self.builder.new_line()
            line += 1
        return self.spans()


def _cell_asks(text: str) -> bool:
    return bool(QUESTION_PREFIX.match(text)) or read_title(text).strong


def _is_line_list(groups: list[list[Span]]) -> bool:
    """A paragraph written as a list without markers: three or more lines, each short and none
    a sentence (`프로세스와 스레드`, `가상 메모리란`, `GC 과정`, one per line)."""
    if len(groups) < _LINE_LIST_MIN:
        return False
    for group in groups:
        text = _visible(group).strip()
        if not text or len(text) > _LINE_LIST_MAX or line_reads_as_sentence(text):
            return False
    return True


def _mask_markup(content: str) -> str:
    """`content` with tags, comments, scripts and styles replaced by a mark (newlines kept), so
    what is left are the runs of text a browser shows, at their original offsets."""

    def blank(match: re.Match[str]) -> str:
        return "".join("\n" if ch == "\n" else _HIDDEN_MARK for ch in match.group(0))

    return _MARKUP.sub(blank, content)


def parse_source(text: str, question_style: str | Sequence[str] = "auto") -> ParsedSource:
    """Tokens -> headings with body spans; `text` may have any line endings."""
    source = text.replace("\r\n", "\n").replace("\r", "\n")
    if source.startswith("\ufeff"):
        # A second BOM (the decoder took the first): invisible, so read as the space it
        # shows as, one column wide, and `# 지원 동기` after it is still a heading.
        source = " " + source[1:]
    lines = source.split("\n")
    line_starts: list[int] = []
    offset = 0
    for line in lines:
        line_starts.append(offset)
        offset += len(line) + 1
    walk = _Walk(source, lines, line_starts)
    blocks = _SIMPLE_BLOCKS(source, lines)
    if blocks is not None:
        comments = _walk_blocks(walk, blocks)
        front_matter: dict[str, Any] = {}
        depth_seen = 0
    else:
        env: dict[str, Any] = {}  # link reference definitions, read by the inline parser
        yaml_block = reads_as_front_matter(lines)
        tokens = markdown_parser(front_matter=yaml_block).parse(source, env)
        comments, front_matter, depth_seen = _walk_tokens(walk, tokens, env)
    notes: list[str] = []
    line_count = len(lines) - (1 if source.endswith("\n") else 0)
    preamble, headings, malformed = _assemble(walk.pieces, question_style)
    for index, heading in enumerate(headings):
        following = headings[index + 1] if index + 1 < len(headings) else None
        heading.body_end_line = following.line - 1 if following else max(line_count, heading.line)
    if depth_seen >= MAX_NESTING - 1:
        notes.append(f"nesting deeper than {MAX_NESTING} levels: the deepest content is not read")
    return ParsedSource(
        preamble=preamble,
        headings=headings,
        comments=_dedupe(comments),
        front_matter=front_matter,
        line_count=line_count,
        notes=notes,
        malformed_headings=malformed,
        has_blank_lines=any(not line.strip() for line in lines[:line_count]),
    )


def _walk_blocks(walk: _Walk, blocks: list[Block]) -> list[Comment]:
    """The walk over blocks read without markdown-it (`simple_blocks`): what `_walk_tokens`
    does with the tokens markdown-it would make of them. A one-line block of plain text becomes
    its span at once."""
    builder = walk.builder
    env: dict[str, Any] = {}
    comments: list[Comment] = []
    last_row, last_was_header = -3, False
    for block in blocks:
        if isinstance(block, Paragraph):
            start = block.start
            if block.end - start == 1:
                span = builder.plain_span(start, block.content, "text", "\n")
                if span is not None:
                    walk.paragraph([span])
                    continue
            inline = _Inline(block.content)
            builder.start_block(start, block.end)
            _inline_spans(builder, inline, "text", env)
            walk.paragraph(walk.spans())
        elif isinstance(block, Row):
            line = block.line
            # the header row is followed by the delimiter row, which is no Row of its own
            header = line != last_row + 1 and not (line == last_row + 2 and last_was_header)
            if header:
                walk.list_group += 1  # a new table
            last_row, last_was_header = line, header
            cells: list[list[Span]] = []
            for index, cell in enumerate(block.cells):
                sep = " " if index else "\n"
                span = builder.plain_span(line, cell, "text", sep)
                if span is not None:
                    cells.append([span])
                    continue
                inline = _Inline(cell)
                builder.start_block(line, line + 1, sep)
                _inline_spans(builder, inline, "text", env)
                cells.append(walk.spans())
                if inline.children:
                    comments.extend(_inline_comments(inline, line, walk.lines))
            walk.table_row(cells, header=header)
            continue
        elif isinstance(block, Item):
            start = block.line
            span = builder.plain_span(start, block.content, "text", "\n")
            if span is not None:
                walk.list_item([span], block.number)
                continue
            inline = _Inline(block.content)
            builder.start_block(start, start + 1)
            _inline_spans(builder, inline, "text", env)
            walk.list_item(walk.spans(), block.number)
        elif isinstance(block, Heading):
            start = block.line
            builder.cursor = builder.line_starts[start]
            span = builder.plain_span(start, block.content, "heading", "\n")
            if span is not None:
                _add_heading(walk, block.level, start, start + 1, (span,))
            else:
                title = _heading_title(builder, _Inline(block.content), start, start + 1, env)
                _add_heading(walk, block.level, start, start + 1, title)
            continue
        elif isinstance(block, Quote):
            quote_start = len(walk.pieces)
            for quoted in block.paragraphs:
                inline = _Inline(quoted.content)
                builder.start_block(quoted.start, quoted.end)
                _inline_spans(builder, inline, "text", env)
                walk.add_text(walk.spans())
                if inline.children:
                    comments.extend(_inline_comments(inline, quoted.start, walk.lines))
            walk.blockquote(quote_start)
            continue
        elif isinstance(block, HtmlComment):
            walk.html_block(block.content, block.start, top_level=True)
            comments.extend(_comments_in(block.content, block.start, walk.lines))
            continue
        else:
            walk.list_group += 1
            continue
        if inline.children:
            comments.extend(_inline_comments(inline, start, walk.lines))
    return comments


def _walk_tokens(
    walk: _Walk, tokens: list[Token], env: dict[str, Any]
) -> tuple[list[Comment], dict[str, Any], int]:
    """Tokens -> the walk's pieces; (comments, front matter, deepest nesting level)."""
    builder = walk.builder
    lines = walk.lines
    comments: list[Comment] = []
    front_matter: dict[str, Any] = {}
    depth_seen = 0
    quote_start = -1
    item_first = False  # the next inline is a top-level list item's first paragraph
    item_number: int | None = None
    nested_first = False  # ... of an item one level inside a top-level item
    nested_number: int | None = None

    i = 0
    count = len(tokens)
    while i < count:
        token = tokens[i]
        ttype = token.type
        if token.level > depth_seen:
            depth_seen = token.level
        if ttype not in _WALKED:
            i += 1
            continue
        if ttype == "inline" and token.map is not None:
            start, end = token.map
            before = tokens[i - 1] if i else token
            in_cell = before.type in ("th_open", "td_open")
            first_cell = in_cell and tokens[i - 2].type == "tr_open"
            builder.start_block(start, end, " " if in_cell and not first_cell else "\n")
            _inline_spans(builder, token, "text", env)
            spans = walk.spans()
            if item_first and token.level == 3:
                walk.list_item(spans, item_number)
            elif nested_first and token.level == 5:
                walk.list_item(spans, nested_number, nested=True)
            elif before.type == "paragraph_open" and before.level == 0:
                walk.paragraph(spans)
            elif in_cell:
                walk.row_cells.append(spans)
            elif spans:
                walk.add_text(spans)
            else:
                walk.add_text(spans)
            item_first = nested_first = False
            comments.extend(_inline_comments(token, start, lines))
        elif ttype == "heading_open" and token.level == 0 and token.map is not None:
            start, end = token.map
            builder.cursor = builder.line_starts[start]
            title = _heading_title(builder, tokens[i + 1], start, end, env)
            _add_heading(walk, int(token.tag[1]), start, end, title)
            i += 3
            continue
        elif ttype == "tr_open":
            walk.row_cells = []
        elif ttype == "tr_close":
            header = tokens[i - 1].type == "th_close"
            if header:
                walk.list_group += 1  # a new table
            walk.table_row(walk.row_cells, header=header)
            walk.row_cells = []
        elif ttype == "list_item_open":
            if token.level == 1:
                item_first = True
                info = token.info
                item_number = int(info) if info.isdigit() else None
            elif token.level == 3:
                nested_first = True
                info = token.info
                nested_number = int(info) if info.isdigit() else None
            if tokens[i + 1].type == "list_item_close":
                walk.add_text([])
        elif ttype in ("bullet_list_open", "ordered_list_open"):
            if token.level == 0:
                walk.list_group += 1
            elif token.level == 2:
                walk.nested_group -= 1
        elif ttype == "front_matter":
            front_matter = _read_front_matter(token.content)
        elif ttype == "blockquote_open":
            if token.level == 0:
                quote_start = len(walk.pieces)
        elif ttype == "blockquote_close":
            if token.level == 0:
                if quote_start >= 0:
                    walk.blockquote(quote_start)
                quote_start = -1
        elif ttype in ("fence", "code_block"):
            _code_spans(builder, token, lines)
            walk.add_text(walk.spans())
        elif ttype == "html_block" and token.map is not None:
            walk.html_block(token.content, token.map[0], top_level=token.level == 0)
            comments.extend(_comments_in(token.content, token.map[0], lines))
        i += 1
    return comments, front_matter, depth_seen


def _add_heading(
    walk: _Walk, level: int, start: int, end: int, title_spans: tuple[Span, ...]
) -> None:
    """A top-level heading: a piece that starts a section."""
    if len(title_spans) == 1:
        title = title_spans[0].text.strip()
    else:
        title = " ".join(_visible(g) for g in _by_line(list(title_spans))).strip()
    heading = RawHeading(
        level=level, line=start + 1, end_line=end, title=title, title_spans=title_spans
    )
    walk.pieces.append(_Piece(heading=heading))
    walk.parent_title = title
    walk.parent_line = start + 1


def _inline_comments(inline: Token | _Inline, start: int, lines: list[str]) -> list[Comment]:
    """The HTML comments among an inline token's children (parsed ones only)."""
    found: list[Comment] = []
    for child in inline.children or ():
        if child.type == "html_inline" and child.content.startswith("<!--"):
            found.extend(_inline_comment(child.content, start, lines))
    return found


def _with_answers(pieces: list[_Piece]) -> list[Candidate]:
    """The candidates, each marked whether text follows it before the next one."""
    found: list[Candidate] = []
    # Walking backwards: whether text comes before the next heading or real candidate.
    text_follows = False
    for piece in reversed(pieces):
        if piece.heading is not None:
            text_follows = False
            continue
        candidate = piece.candidate
        if candidate is None:
            text_follows = text_follows or bool(piece.spans)
            continue
        # a table row's answer is in its own cells: the table ends it
        answered = bool(piece.spans) or (text_follows and not candidate.in_table)
        found.append(candidate if answered else replace(candidate, answered=False))
        if strength(candidate) == "weak" or _inner_line(candidate):
            text_follows = answered or bool(piece.title_spans)
        else:
            text_follows = False
    found.reverse()
    return found


def _inner_line(candidate: Candidate) -> bool:
    """A later line of a paragraph of short lines: text under the line above it unless the
    paragraph turns out to be a question bank."""
    return candidate.listed and not candidate.opens_paragraph and candidate.number is None


def _sibling_of_heading(candidate: Candidate, heading: RawHeading) -> bool:
    """`## 성장 과정` answered, then `협업 경험을 … (최대 700자) (물류회사)` or `지원동기 (핀테크)`
    on a line of its own: a question beside the heading's, not a part of its answer."""
    if not heading.body or candidate.style not in ("q-line", "bold-label", "list-item"):
        return False
    own = read_title(heading.title)
    if own.group_like or not (own.vocabulary or own.asks or own.has_limit):
        return False
    return read_title(candidate.title).has_limit or tagged_label(candidate)


def _list_labels(candidates: list[Candidate], chosen: list[bool]) -> set[int]:
    """Top-level list items (their index among the candidates) that are no question but have
    questions nested under them."""
    labels: set[int] = set()
    parent: int | None = None
    for index, (candidate, taken) in enumerate(zip(candidates, chosen, strict=True)):
        if candidate.style == "list-item" and not candidate.nested:
            parent = None if taken else index
        elif candidate.nested and taken and parent is not None:
            labels.add(parent)
        elif not candidate.nested:
            parent = None
    return labels


def _assemble(
    pieces: list[_Piece], question_style: str | Sequence[str]
) -> tuple[list[Span], list[RawHeading], list[int]]:
    """Pieces -> preamble and headings, the chosen candidates becoming headings of their own."""
    candidates = _with_answers(pieces)
    titles = [p.heading.title for p in pieces if p.heading is not None]
    decided = choose_questions(candidates, question_style, titles)
    labels = _list_labels(candidates, decided)
    chosen = iter(decided)
    label_level = 0  # the level of the list item naming the questions nested under it
    # Before any heading, questions sit below the deepest heading of the file: a heading
    # further down starts a section of its own, never a part of their answer.
    top = 1 + max((p.heading.level for p in pieces if p.heading is not None), default=0)
    index = -1  # of the candidate in `candidates`
    preamble: list[Span] = []
    headings: list[RawHeading] = []
    malformed: list[int] = []
    owner: RawHeading | None = None  # whose body text goes to (None: the preamble)
    real: RawHeading | None = None  # the last real heading
    before_details: RawHeading | None = None
    in_details = False
    row_question = False  # the owner is a question of a table read as a bank

    def body() -> list[Span]:
        return owner.body if owner is not None else preamble

    for piece in pieces:
        if piece.heading is not None:
            owner = real = piece.heading
            in_details = False
            headings.append(owner)
            continue
        candidate = piece.candidate
        if row_question and (candidate is None or not candidate.in_table):
            owner = real  # the table of questions ended: what follows answers none of them
        row_question = False
        taken = candidate is not None and next(chosen)
        if candidate is not None:
            index += 1
            if not candidate.nested:
                label_level = 0
        if candidate is not None and not taken and index in labels:
            # `- 물류회사` over `1. 지원 동기 … (1000자)`: the item names a group of questions
            label_level = (real.level + 1) if real is not None else top
            label = RawHeading(
                level=label_level,
                line=candidate.line,
                end_line=piece.title_spans[-1].line,
                title=candidate.title.strip(),
                title_spans=tuple(piece.title_spans),
                style=candidate.style,
            )
            label.body.extend(piece.spans)
            headings.append(label)
            owner = label
            continue
        if candidate is not None and taken:
            level = candidate.hashes or ((real.level + 1) if real is not None else top)
            if real is not None and _sibling_of_heading(candidate, real):
                level = real.level  # the next question after a heading question's answer
            if candidate.nested and label_level:
                level = label_level + 1
            if candidate.style == "heading":
                malformed.append(candidate.line)
            question = RawHeading(
                level=level,
                line=candidate.line,
                end_line=piece.title_spans[-1].line,
                title=candidate.title.strip(),
                title_spans=tuple(piece.title_spans),
                style=candidate.style,
            )
            question.body.extend(_strip_leading(piece.spans, ANSWER_PREFIX))
            if candidate.style == "details" and not in_details:
                before_details, in_details = owner, True
            headings.append(question)
            owner = question
            row_question = candidate.in_table
            if candidate.style == "heading":
                real = question
            continue
        if piece.closes_details:
            if in_details:
                owner, in_details = before_details, False
            continue
        if candidate is None or candidate.style != "details":
            body().extend(piece.title_spans)  # a summary that asks nothing is a button label
        body().extend(piece.spans)
        if owner is not None:
            owner.blocks += piece.textless
    return preamble, headings, malformed


def _comments_in(content: str, first_line: int, lines: list[str]) -> list[Comment]:
    """The HTML comments in a block. Linear in the block's size: the search stops at the last
    `-->` (from a `<!--` after it, the lazy pattern would scan to the end and fail, for every
    one of thousands), and lines are counted on from the previous comment."""
    found: list[Comment] = []
    last_close = content.rfind("-->")
    if last_close < 0:
        return found
    line = first_line
    counted = 0  # `line` is the line of this offset
    for match in _COMMENT.finditer(content, 0, last_close + 3):
        line += content.count("\n", counted, match.start())
        counted = match.start()
        end_line = line + match.group(0).count("\n")
        col = lines[line].find("<!--") + 1 if line < len(lines) else 1
        found.append(Comment(line + 1, end_line + 1, max(col, 1), match.group(1).strip()))
    return found


def _inline_comment(content: str, first_line: int, lines: list[str]) -> list[Comment]:
    """A comment inside a paragraph: find its line by searching the paragraph's lines."""
    opening = content.split("\n", 1)[0]
    for index in range(first_line, len(lines)):
        col = lines[index].find(opening)
        if col >= 0:
            body = content[4:-3].strip() if content.endswith("-->") else content[4:].strip()
            end = index + content.count("\n")
            return [Comment(index + 1, end + 1, col + 1, body)]
    return []


def _dedupe(comments: list[Comment]) -> list[Comment]:
    seen: set[tuple[int, int]] = set()
    unique: list[Comment] = []
    for comment in sorted(comments, key=lambda c: (c.line, c.col)):
        key = (comment.line, comment.col)
        if key not in seen:
            seen.add(key)
            unique.append(comment)
    return unique


def _read_front_matter(content: str) -> dict[str, Any]:
    if not content.strip():
        return {}
    import yaml  # deferred: most essays have no front matter

    try:
        data = yaml.safe_load(content)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark is not None else ""
        problem = getattr(error, "problem", None) or "invalid YAML"
        raise DocumentError(f"front matter{where}: {problem}") from None
    except ValueError:  # an integer Python refuses to read (over 4,300 digits)
        raise DocumentError("front matter: a number too long to read") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise DocumentError("front matter: expected key: value pairs")
    return {str(k): v for k, v in data.items()}


def build_document(text: str, **outline_options: Any) -> Document:
    """Parse Markdown text into the section tree every rule reads."""
    from essaylint.outline import build_outline

    question_style = outline_options.pop("question_style", "auto")
    parsed = parse_source(text, question_style)
    sections = build_outline(parsed, **outline_options)
    return Document(
        sections=tuple(sections),
        preamble=tuple(parsed.preamble),
        comments=tuple(parsed.comments),
        front_matter=parsed.front_matter,
        line_count=parsed.line_count,
        notes=tuple(parsed.notes),
        malformed_headings=tuple(parsed.malformed_headings),
    )

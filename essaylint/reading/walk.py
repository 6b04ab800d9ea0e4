"""Feeding the walker: markdown-it's tokens, or the blocks `simple_blocks` read without it;
and the HTML comments found on the way (suppressions and limits live in them)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from essaylint.base.patterns import compile_pattern
from essaylint.reading.candidates import Piece, by_line, visible_text
from essaylint.reading.markdown import read_front_matter
from essaylint.reading.model import Comment, Span
from essaylint.reading.parsed import RawHeading
from essaylint.reading.simple_blocks import (
    Block,
    Heading,
    HtmlComment,
    Item,
    Paragraph,
    Quote,
    Row,
)
from essaylint.reading.spans import Inline, code_spans, heading_title, inline_spans
from essaylint.reading.walker import Walker

if TYPE_CHECKING:
    from markdown_it.token import Token

_COMMENT = compile_pattern(r"<!--(.*?)-->", re.DOTALL)


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


def walk_blocks(walk: Walker, blocks: list[Block]) -> list[Comment]:
    """The walk over blocks read without markdown-it (`simple_blocks`): what `walk_tokens`
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
            inline = Inline(block.content)
            builder.start_block(start, block.end)
            inline_spans(builder, inline, "text", env)
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
                inline = Inline(cell)
                builder.start_block(line, line + 1, sep)
                inline_spans(builder, inline, "text", env)
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
            inline = Inline(block.content)
            builder.start_block(start, start + 1)
            inline_spans(builder, inline, "text", env)
            walk.list_item(walk.spans(), block.number)
        elif isinstance(block, Heading):
            start = block.line
            builder.cursor = builder.line_starts[start]
            span = builder.plain_span(start, block.content, "heading", "\n")
            if span is not None:
                _add_heading(walk, block.level, start, start + 1, (span,))
            else:
                title = heading_title(builder, Inline(block.content), start, start + 1, env)
                _add_heading(walk, block.level, start, start + 1, title)
            continue
        elif isinstance(block, Quote):
            quote_start = len(walk.pieces)
            for quoted in block.paragraphs:
                inline = Inline(quoted.content)
                builder.start_block(quoted.start, quoted.end)
                inline_spans(builder, inline, "text", env)
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


def walk_tokens(
    walk: Walker, tokens: list[Token], env: dict[str, Any]
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
            inline_spans(builder, token, "text", env)
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
            title = heading_title(builder, tokens[i + 1], start, end, env)
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
            front_matter = read_front_matter(token.content)
        elif ttype == "blockquote_open":
            if token.level == 0:
                quote_start = len(walk.pieces)
        elif ttype == "blockquote_close":
            if token.level == 0:
                if quote_start >= 0:
                    walk.blockquote(quote_start)
                quote_start = -1
        elif ttype in ("fence", "code_block"):
            code_spans(builder, token, lines)
            walk.add_text(walk.spans())
        elif ttype == "html_block" and token.map is not None:
            walk.html_block(token.content, token.map[0], top_level=token.level == 0)
            comments.extend(_comments_in(token.content, token.map[0], lines))
        i += 1
    return comments, front_matter, depth_seen


def _add_heading(
    walk: Walker, level: int, start: int, end: int, title_spans: tuple[Span, ...]
) -> None:
    """A top-level heading: a piece that starts a section."""
    if len(title_spans) == 1:
        title = title_spans[0].text.strip()
    else:
        title = " ".join(visible_text(g) for g in by_line(list(title_spans))).strip()
    heading = RawHeading(
        level=level, line=start + 1, end_line=end, title=title, title_spans=title_spans
    )
    walk.pieces.append(Piece(heading=heading))
    walk.parent_title = title
    walk.parent_line = start + 1


def _inline_comments(inline: Token | Inline, start: int, lines: list[str]) -> list[Comment]:
    """The HTML comments among an inline token's children (parsed ones only)."""
    found: list[Comment] = []
    for child in inline.children or ():
        if child.type == "html_inline" and child.content.startswith("<!--"):
            found.extend(_inline_comment(child.content, start, lines))
    return found


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


def dedupe_comments(comments: list[Comment]) -> list[Comment]:
    seen: set[tuple[int, int]] = set()
    unique: list[Comment] = []
    for comment in sorted(comments, key=lambda c: (c.line, c.col)):
        key = (comment.line, comment.col)
        if key not in seen:
            seen.add(key)
            unique.append(comment)
    return unique

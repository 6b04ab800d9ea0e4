"""Markdown source -> `Document`: the token walk (`walk.py`, `walker.py`), the span builder
(`spans.py`) and the question candidates (`candidates.py`), tied together here.

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

from collections.abc import Sequence
from typing import Any

from essaylint.reading.candidates import assemble
from essaylint.reading.markdown import MAX_NESTING, markdown_parser, reads_as_front_matter
from essaylint.reading.model import Document
from essaylint.reading.outline import build_outline
from essaylint.reading.parsed import ParsedSource
from essaylint.reading.simple_blocks import simple_blocks
from essaylint.reading.walk import dedupe_comments, walk_blocks, walk_tokens
from essaylint.reading.walker import Walker

# The block reader for documents made only of common blocks (tests swap it for one that never
# reads, to compare with markdown-it's reading).
_SIMPLE_BLOCKS = simple_blocks


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
    walk = Walker(source, lines, line_starts)
    blocks = _SIMPLE_BLOCKS(source, lines)
    if blocks is not None:
        comments = walk_blocks(walk, blocks)
        front_matter: dict[str, Any] = {}
        depth_seen = 0
    else:
        env: dict[str, Any] = {}  # link reference definitions, read by the inline parser
        yaml_block = reads_as_front_matter(lines)
        tokens = markdown_parser(front_matter=yaml_block).parse(source, env)
        comments, front_matter, depth_seen = walk_tokens(walk, tokens, env)
    notes: list[str] = []
    line_count = len(lines) - (1 if source.endswith("\n") else 0)
    preamble, headings, malformed = assemble(walk.pieces, question_style)
    for index, heading in enumerate(headings):
        following = headings[index + 1] if index + 1 < len(headings) else None
        heading.body_end_line = following.line - 1 if following else max(line_count, heading.line)
    if depth_seen >= MAX_NESTING - 1:
        notes.append(f"nesting deeper than {MAX_NESTING} levels: the deepest content is not read")
    return ParsedSource(
        preamble=preamble,
        headings=headings,
        comments=dedupe_comments(comments),
        front_matter=front_matter,
        line_count=line_count,
        notes=notes,
        malformed_headings=malformed,
        has_blank_lines=any(not line.strip() for line in lines[:line_count]),
    )


def build_document(text: str, **outline_options: Any) -> Document:
    """Parse Markdown text into the section tree every rule reads."""
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

"""What the token walk hands the outline: top-level headings with their bodies, the text before
them, comments and front matter, before the section tree is built (`outline.py`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from essaylint.reading.model import Comment, QuestionStyle, Span


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

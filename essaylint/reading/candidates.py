"""Pieces of the walk -> question candidates -> top-level headings with their bodies.

Which candidates are questions is decided in `question_styles.choose_questions`; here the
pieces are grouped around the chosen ones (`assemble`)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from essaylint.reading.model import Span, join_spans
from essaylint.reading.parsed import RawHeading
from essaylint.reading.question_styles import (
    ANSWER_PREFIX,
    Candidate,
    choose_questions,
    strength,
    tagged_label,
)
from essaylint.reading.titles import read_title


@dataclass(slots=True)
class Piece:
    """One step of the walk: a heading, a run of answer text, or a question candidate."""

    spans: list[Span] = field(default_factory=list)
    heading: RawHeading | None = None
    candidate: Candidate | None = None
    title_spans: list[Span] = field(default_factory=list)  # a candidate's question text
    textless: int = 0  # a block with no text (empty list item, empty fence)
    closes_details: bool = False


def by_line(spans: list[Span]) -> list[list[Span]]:
    """Spans grouped by original line, in order."""
    groups: list[list[Span]] = []
    for span in spans:
        if groups and groups[-1][0].line == span.line:
            groups[-1].append(span)
        else:
            groups.append([span])
    return groups


def visible_text(spans: list[Span]) -> str:
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


def strip_leading(spans: list[Span], pattern: re.Pattern[str]) -> list[Span]:
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


def _with_answers(pieces: list[Piece]) -> list[Candidate]:
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


def _heading_of(candidate: Candidate, piece: Piece, level: int) -> RawHeading:
    """The heading a chosen candidate (or a list label over questions) becomes."""
    return RawHeading(
        level=level,
        line=candidate.line,
        end_line=piece.title_spans[-1].line,
        title=candidate.title.strip(),
        title_spans=tuple(piece.title_spans),
        style=candidate.style,
    )


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


def assemble(
    pieces: list[Piece], question_style: str | Sequence[str]
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
            label = _heading_of(candidate, piece, label_level)
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
            question = _heading_of(candidate, piece, level)
            question.body.extend(strip_leading(piece.spans, ANSWER_PREFIX))
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

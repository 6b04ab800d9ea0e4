"""The walk's state: pieces in document order, and what each kind of block adds to them
(headings, paragraphs, list items, quotes, tables, HTML blocks, code)."""

from __future__ import annotations

import html
import re
from dataclasses import replace

from essaylint.base.patterns import compile_pattern
from essaylint.reading.candidates import Piece, by_line, strip_leading, visible_text
from essaylint.reading.limits import limit_from_title
from essaylint.reading.model import Span
from essaylint.reading.question_styles import (
    MISSING_SPACE,
    QUESTION_PREFIX,
    Candidate,
    could_be_label,
    line_reads_as_sentence,
)
from essaylint.reading.spans import SpanBuilder
from essaylint.reading.titles import read_title

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


_HIDDEN_MARK = "\uffff"  # a noncharacter: never text a writer saved
_TITLE_LINES = 3  # a list item's question may wrap; its limit then ends a later line


class Walker:
    """The token walk: pieces in document order, with each question candidate marked."""

    def __init__(self, source: str, lines: list[str], line_starts: list[int]) -> None:
        self.lines = lines
        self.builder = SpanBuilder(source, line_starts)
        self.pieces: list[Piece] = []
        self.parent_title: str | None = None
        self.parent_line = 0  # the line of that heading: two headings may share a title
        # The `<details>` open around the walk, each with the piece of its summary's question.
        self.details_open: list[Piece | None] = []
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
            self.pieces.append(Piece(spans=spans))
        else:
            self.pieces.append(Piece(textless=1))

    def table_row(self, cells: list[list[Span]], *, header: bool) -> None:
        """A table row: a question of a table bank (one row per question, `구분 | 질문`) when
        its table turns out to be one; otherwise its cells are text, as they were."""
        filled = [cell for cell in cells if cell]
        if header or not filled:
            for cell in filled:
                self.add_text(cell)
            return
        asking = [i for i, cell in enumerate(cells) if cell and _cell_asks(visible_text(cell))]
        at = (
            asking[0]
            if asking
            else max(range(len(cells)), key=lambda i: len(visible_text(cells[i])))
        )
        title = [s for cell in cells[: at + 1] for s in cell]
        body = [s for cell in cells[at + 1 :] for s in cell]
        candidate = Candidate(
            "q-line",
            visible_text(cells[at]).strip(),
            cells[at][0].line,
            self.parent_title,
            parent_line=self.parent_line,
            group=self.list_group,
            listed=True,
            opens_paragraph=False,
            in_table=True,
        )
        self.pieces.append(Piece(spans=body, candidate=candidate, title_spans=title))

    def paragraph(self, spans: list[Span]) -> None:
        """A top-level paragraph: any line may start a question (`Q1.`, `**지원동기**`)."""
        if not spans:
            self.add_text(spans)
            return
        plain: list[Span] = []
        piece: Piece | None = None
        groups = by_line(spans)
        listed = _is_line_list(groups)
        numbered = (
            sum(1 for g in groups if _NUMBERED_LINE.match(self.lines[g[0].line - 1]))
            if len(groups) > 1
            else 0
        )
        if listed or numbered >= 2:
            self.list_group += 1  # the paragraph's lines may make a bank together
        self.paragraph_numbered = numbered >= 2
        for index, group in enumerate(groups):
            found = self._line_candidate(group, first=index == 0, listed=listed)
            if found is None:
                (piece.spans if piece is not None else plain).extend(group)
                continue
            if piece is None and plain:
                self.pieces.append(Piece(spans=plain))
            if piece is not None:
                self.pieces.append(piece)
            candidate, title = found
            piece = Piece(candidate=candidate, title_spans=title)
        if piece is None:
            self.pieces.append(Piece(spans=plain))
        else:
            self.pieces.append(piece)

    def _line_candidate(
        self, group: list[Span], *, first: bool, listed: bool = False
    ) -> tuple[Candidate, list[Span]] | None:
        line = group[0].line
        raw = self.lines[line - 1]
        visible = visible_text(group)
        missing = MISSING_SPACE.match(raw)
        if missing is not None and visible.startswith("#"):
            title = strip_leading(group, _HASHES)
            hashes = len(missing.group(2))
            found = Candidate(
                "heading",
                visible_text(title),
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
        groups = by_line(spans)
        take = 1
        if limit_from_title(visible_text(groups[0])) is None:
            for index in range(1, min(len(groups), _TITLE_LINES)):
                if limit_from_title(visible_text(groups[index])) is not None:
                    take = index + 1
                    break
        while take < len(groups) and _REMARK_LINE.match(visible_text(groups[take])):
            take += 1
        title = [s for g in groups[:take] for s in g]
        candidate = Candidate(
            "list-item",
            " ".join(visible_text(g) for g in groups[:take]),
            groups[0][0].line,
            self.parent_title,
            parent_line=self.parent_line,
            group=self.nested_group if nested else self.list_group,
            number=number,
            nested=nested,
        )
        body = [s for g in groups[take:] for s in g]
        self.pieces.append(Piece(spans=body, candidate=candidate, title_spans=title))

    def blockquote(self, start: int) -> None:
        """A top-level quote closed: all its text may be one question."""
        inside = self.pieces[start:]
        if any(p.heading is not None or p.candidate is not None for p in inside):
            return
        spans = [s for p in inside for s in p.spans]
        del self.pieces[start:]
        if not spans:
            self.pieces.append(Piece(textless=1))
            return
        groups = by_line(spans)
        # `> 질문?` with the answer on the next lines, written without `>` (lazy continuation):
        # the quoted lines ask, the lazy ones answer.
        quoted = len(groups)
        for index, group in enumerate(groups[1:], start=1):
            if not _QUOTE_MARK.match(self.lines[group[0].line - 1]):
                quoted = index
                break
        asked = " ".join(visible_text(g) for g in groups[:quoted])
        if quoted < len(groups) and not read_title(asked).asks:
            quoted = len(groups)
            asked = " ".join(visible_text(g) for g in groups)
        title_spans = [s for g in groups[:quoted] for s in g]
        body = [s for g in groups[quoted:] for s in g]
        candidate = Candidate(
            "blockquote", asked, spans[0].line, self.parent_title, parent_line=self.parent_line
        )
        self.pieces.append(Piece(spans=body, candidate=candidate, title_spans=title_spans))

    def html_block(self, content: str, first_line: int, *, top_level: bool) -> None:
        """An HTML block: its visible text is answer text; at the top level, a `<summary>`
        may start a question (`<details><summary>질문</summary> 답 </details>`)."""
        mask = _mask_markup(content)
        position = 0
        piece: Piece | None = None
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
                self.pieces.append(Piece(closes_details=True))
                continue
            if piece is not None:
                self.pieces.append(piece)
            piece = None
            title = self._html_spans(content, mask, match.start(1), match.end(1), first_line)
            if not title:
                continue
            candidate = Candidate(
                "details",
                visible_text(title),
                title[0].line,
                self.parent_title,
                parent_line=self.parent_line,
            )
            piece = Piece(candidate=candidate, title_spans=title)
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
        self, content: str, mask: str, start: int, end: int, first_line: int, piece: Piece | None
    ) -> None:
        spans = self._html_spans(content, mask, start, end, first_line)
        if not spans:
            return
        if piece is not None:
            piece.spans.extend(spans)
        else:
            self.pieces.append(Piece(spans=spans))

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
        text = visible_text(group).strip()
        if not text or len(text) > _LINE_LIST_MAX or line_reads_as_sentence(text):
            return False
    return True


def _mask_markup(content: str) -> str:
    """`content` with tags, comments, scripts and styles replaced by a mark (newlines kept), so
    what is left are the runs of text a browser shows, at their original offsets."""

    def blank(match: re.Match[str]) -> str:
        return "".join("\n" if ch == "\n" else _HIDDEN_MARK for ch in match.group(0))

    return _MARKUP.sub(blank, content)

"""Raw headings -> the section tree: stacking, nesting, and question/group/reference kinds.

How a heading with child headings is read (the first rule that applies wins):

1. its title names reference material (인재상, 핵심가치, Core values, 메모 …, a short label
   without a question in it): a *reference*, and everything under it too; a resume or profile
   part (학력, 기본정보, 자격증, a title with a period of dates): a *group*, and all under it;
2. it has a limit or asks something (`?`, `…작성해 주세요`) and no child does: a *question*
   whose children are parts of its answer (STAR labels, subtitles, notes);
3. a child has a limit, asks something or is numbered, or is a question written in another
   style (a list item, a `Q1.` line, a line of a question bank): a *group*;
4. its title names a collection (면접, 자기소개서, 포트폴리오, 예상 질문 …): a *group*;
5. a child has child headings of its own: a *group*;
6. its title names a common 자소서 question (지원 동기, 성장 과정, 입사 후 포부, 장단점 …):
   a *question* whose children are parts (`# 지원동기 : 소제목` with subtitled sub-answers);
7. a child names a common question: a *group*;
8. otherwise a level-1 heading is a *group* (a document title), a deeper one a *question*
   whose children are its notes (an interview topic with `###` notes).

A heading with no child headings is a question, except a collection title (`# 카카오 자기소개서`)
with no text under it, which is a group. Headings of the same level on directly consecutive
lines, with nothing between them, are one question with alternative titles (`stacked = "share"`),
unless they are numbered differently (`2.1.` over `2.2.`) or the file has no blank line at all
(then nothing marks two titles over one answer apart from two empty questions).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from essaylint.document import DocumentError, ParsedSource, RawHeading
from essaylint.limits import Limit, limit_from_directive, limit_from_title
from essaylint.model import Comment, Section, SectionKind, Span, join_spans
from essaylint.patterns import compile_pattern
from essaylint.question_styles import topic_question
from essaylint.titles import TitleSignals, exclaims, question_number, read_title

StackedHeadings = Literal["share", "separate"]


@dataclass(slots=True)
class _Node:
    headings: list[RawHeading]
    children: list[_Node] = field(default_factory=list)
    kind: SectionKind = "question"
    signals: TitleSignals | None = None

    @property
    def level(self) -> int:
        return self.headings[0].level

    @property
    def last(self) -> RawHeading:
        return self.headings[-1]

    def end_line(self) -> int:
        node = self
        while node.children:
            node = node.children[-1]
        return node.last.body_end_line


def _can_stack(previous: RawHeading, heading: RawHeading, refs: tuple[str, ...] | None) -> bool:
    """Same level, directly consecutive, nothing between, and not plainly two questions.

    Two titles numbered differently (`1.` then `2.`) or both with their own limits are two questions
    left empty; a collection title (`# 카카오 자기소개서`) above a question is a title, not an
    alternative wording; reference titles never stack.
    """
    if previous.level != heading.level or previous.body or heading.line != previous.end_line + 1:
        return False
    if previous.style != "heading" or heading.style != "heading":
        return False  # list items and Q-lines on consecutive lines are separate questions
    before, after = read_title(previous.title, refs), read_title(heading.title, refs)
    numbers = question_number(previous.title), question_number(heading.title)
    if None not in numbers and numbers[0] != numbers[1]:
        return False
    if before.has_limit and after.has_limit:
        return False
    if before.reference_like or after.reference_like:
        return False
    return not (before.group_like and not before.vocabulary)


def _stack(
    headings: list[RawHeading], stacked: StackedHeadings, refs: tuple[str, ...] | None
) -> list[list[RawHeading]]:
    runs: list[list[RawHeading]] = []
    for heading in headings:
        if runs and stacked == "share" and _can_stack(runs[-1][-1], heading, refs):
            runs[-1].append(heading)
            continue
        runs.append([heading])
    return runs


def _nest(runs: list[list[RawHeading]]) -> list[_Node]:
    roots: list[_Node] = []
    stack: list[_Node] = []
    for run in runs:
        node = _Node(run)
        while stack and stack[-1].level >= node.level:
            stack.pop()
        (stack[-1].children if stack else roots).append(node)
        stack.append(node)
    return roots


def _signals(node: _Node, reference_titles: tuple[str, ...] | None) -> TitleSignals:
    if node.signals is None:
        read = [read_title(h.title, reference_titles) for h in node.headings]
        if len(read) == 1:  # one title (no stacked headings): its own signals, as they are
            node.signals = read[0]
            return read[0]
        node.signals = TitleSignals(
            has_limit=any(s.has_limit for s in read),
            asks=any(s.asks for s in read),
            numbered=any(s.numbered for s in read),
            vocabulary=any(s.vocabulary for s in read),
            group_like=any(s.group_like for s in read),
            reference_like=all(s.reference_like for s in read),
            profile_like=all(s.profile_like for s in read),
        )
    return node.signals


def _asks_or_numbered_apart(node: _Node, child: _Node, signals: TitleSignals) -> bool:
    """A child that makes its parent a group: it has a limit or asks, or it is numbered while
    the parent is not, or numbered under the parent's number (`2.1.` under `2.`). The `(1)`,
    `(2)` sub-headings of a numbered answer (`## 2. 가장 의미 있었던 경험`) are its parts."""
    if signals.has_limit or signals.asks:
        return True
    if not signals.numbered:
        return False
    parent = question_number(node.headings[0].title)
    if parent is None:
        return True
    own = question_number(child.headings[0].title)
    return own is not None and own.startswith(parent + ".")


def _aside(signals: TitleSignals) -> bool:
    """Reference notes or a resume part: beside the questions, never one of their parts."""
    return signals.reference_like or signals.profile_like


# A section of values or company facts stays reference material whatever it holds.
_VALUE_TITLE = compile_pattern(r"인재상|가치|Values|조직\s*문화|역량|회사|기업", re.IGNORECASE)


def _holds_questions(node: _Node) -> bool:
    """A notes title (`예시 & 참고`, `메모`) over questions written in another style."""
    if _VALUE_TITLE.search(node.headings[0].title):
        return False
    asking = sum(1 for child in node.children if child.headings[0].style != "heading")
    return asking >= 2  # one line naming a length among notes is a note


def _mark(node: _Node, kind: SectionKind) -> None:
    node.kind = kind
    for child in node.children:
        _mark(child, kind)


def _classify(node: _Node, reference_titles: tuple[str, ...] | None, notes: bool = False) -> None:
    own = _signals(node, reference_titles)
    if own.reference_like and not _holds_questions(node):
        _mark(node, "reference")
        return
    if own.reference_like:
        node.kind = "group"  # `## 예시 & 참고` over `[지원 동기]` labels with drafts
        _classify_all(node.children, reference_titles)
        return
    if own.profile_like:
        _mark(node, "group")  # a resume part: nothing in it asks
        return
    if notes and not (own.asks or own.has_limit):
        node.kind = "group"  # a topic among tips: only what asks is a question there,
        for child in node.children:  # and the notes under it are notes too
            _classify(child, reference_titles, notes=True)
        return
    if not node.children:
        collection_title = own.group_like and not own.vocabulary and not node.last.body
        if not node.headings[0].title.strip():
            node.kind = "group"  # an empty `##` (an outline not filled in) asks nothing
            return
        # `## 문제를 끝까지 해결하는 개발자입니다`: a subtitle the writer gave an answer, or a
        # tip's headline (`### 경험을 수치로 보여줘야 한다`); neither is a prompt.
        node.kind = (
            "group" if collection_title or (own.states and not own.has_limit) else "question"
        )
        return
    kids = [c for c in node.children if not _aside(_signals(c, reference_titles))]
    if len(kids) < len(node.children):
        kept = {id(c) for c in kids}  # by identity: two notes may have equal contents
        for child in node.children:
            if id(child) not in kept:
                _classify(child, reference_titles)  # a reference or a resume part
    if not kids:
        node.kind = "question" if (own.strong or node.last.body) else "group"
        return
    kid_signals = [_signals(c, reference_titles) for c in kids]
    if not kids:
        kind: SectionKind = "question" if (own.strong or node.last.body) else "group"
    elif own.states and not own.has_limit:
        kind = "group"  # a tip's headline over its notes, a subtitle over its parts
    elif (own.has_limit or own.asks or topic_question(node.headings[0].title)) and not any(
        k.has_limit or k.asks for k in kid_signals
    ):
        kind = "question"  # `## Docker를 쓰는 이유` over `### 장점`, `### 가상화` notes
    elif (
        any(_asks_or_numbered_apart(node, c, k) for c, k in zip(kids, kid_signals, strict=True))
        or own.group_like
        or any(c.children for c in kids)
        or any(c.headings[0].style != "heading" for c in kids)
    ):
        kind = "group"
    elif own.vocabulary:
        kind = "question"
    elif sum(k.vocabulary for k in kid_signals) * 3 >= len(kids) * 2:
        # `## 카카오` over `### 지원동기`, `### 성장과정`; a topic's notes (`### 장점`,
        # `### 단점`, `### 가상화`, `### 컨테이너`) name a common question only here and there
        kind = "group"
    else:
        kind = "group" if node.level == 1 else "question"
    node.kind = kind
    if kind == "question":
        for child in kids:
            _mark(child, "part")
    else:
        _classify_all(kids, reference_titles)


_NOTES_MIN_HEADINGS = 4


def _reads_as_notes(nodes: list[_Node], reference_titles: tuple[str, ...] | None) -> bool:
    """Sibling headings of which a quarter (two or more) state, advise or exclaim (`…쓰자`,
    `…해야 한다.`, `…확인 필수`, `작성 TIP :exclamation:`, `구체적 수치 !`) are the topics of
    notes, not a set of questions: no application writes its prompts that way."""
    if len(nodes) < _NOTES_MIN_HEADINGS:
        return False
    stating = sum(
        1 for n in nodes if _signals(n, reference_titles).states or exclaims(n.headings[0].title)
    )
    return stating >= 2 and stating * 4 >= len(nodes)


def _classify_all(nodes: list[_Node], reference_titles: tuple[str, ...] | None) -> None:
    notes = _reads_as_notes(nodes, reference_titles)
    for node in nodes:
        _classify(node, reference_titles, notes)


def _own_limit(node: _Node, comments: tuple[Comment, ...]) -> Limit | None:
    """A directive comment in the section's own body wins; then the first titled limit."""
    first = node.headings[0].line
    last = node.children[0].headings[0].line - 1 if node.children else node.last.body_end_line
    for comment in comments:
        if first <= comment.line <= last:
            try:
                directive = limit_from_directive(comment.body)
            except ValueError as error:
                raise DocumentError(f"line {comment.line}: essaylint comment: {error}") from None
            if directive is not None:
                return directive
    for heading in node.headings:
        limit = limit_from_title(heading.title)
        if limit is not None:
            return limit
    return None


def _answer_spans(node: _Node) -> list[Span]:
    """A question's answer: its own text, then each part's heading and text, in order."""
    spans = list(node.last.body)
    for child in node.children:
        spans.extend(child.last.title_spans)
        spans.extend(_answer_spans(child))
    return spans


def _to_section(
    node: _Node, path: tuple[str, ...], comments: tuple[Comment, ...], kind: SectionKind
) -> Section:
    first = node.headings[0]
    own_path = (*path, first.title)
    spans = tuple(_answer_spans(node) if kind == "question" else node.last.body)
    text, offsets = join_spans(spans)
    children = tuple([_to_section(c, own_path, comments, c.kind) for c in node.children])
    headings = node.headings
    if len(headings) == 1:  # no stacked headings: the common case, without the loops
        title_spans = tuple(first.title_spans)
        alt_titles: tuple[str, ...] = ()
        heading_lines: tuple[int, ...] = (first.line,)
    else:
        title_spans = tuple(s for h in headings for s in h.title_spans)
        alt_titles = tuple(h.title for h in headings[1:])
        heading_lines = tuple(h.line for h in headings)
    return Section(
        title=first.title,
        level=first.level,
        heading_line=first.line,
        end_line=max(node.end_line(), node.last.end_line),
        kind=kind,
        spans=spans,
        children=children,
        title_spans=title_spans,
        alt_titles=alt_titles,
        heading_lines=heading_lines,
        limit=_own_limit(node, comments) if kind == "question" else None,
        path=own_path,
        style=first.style,
        blocks=node.last.blocks + sum(c.last.blocks for c in node.children)
        if kind == "question"
        else node.last.blocks,
        text=text,
        offsets=offsets,
    )


def build_outline(
    parsed: ParsedSource,
    *,
    stacked: StackedHeadings = "share",
    reference_titles: tuple[str, ...] | None = None,
) -> list[Section]:
    """Build the classified section tree from a parsed source."""
    if not parsed.has_blank_lines:
        stacked = "separate"
    roots = _nest(_stack(parsed.headings, stacked, reference_titles))
    _classify_all(roots, reference_titles)
    comments = tuple(parsed.comments)
    return [_to_section(root, (), comments, root.kind) for root in roots]

"""Which lines that are not Markdown headings still ask a question.

Half of the application files people keep put their questions somewhere other than a heading:
a list item (`1. 지원 동기를 작성해 주세요. (1000자)`), a plain line (`Q1. …`, `문항 2.`, a bare
`지원동기`), a bold-only line (`**지원동기**`), a block quote, a `<details><summary>`, or a
heading missing its space (`###성장과정`). `document.py` finds every such *candidate* in the
token stream; this module decides which of them are questions, from their words alone.

The decision, per candidate:

1. Strength. *Strong*: a `Q1.`/`문항 2`/`질문 3.` prefix, a `<details>` summary (unless it only
   says 답변/펼치기/더보기: then it hides the answer to the question above), a heading
   missing its space (two or more `#`, or one before a title that reads as a question or a
   collection: `#삼성전자 자기소개서`), a limit notation, or (list items, bold lines and quotes
   only) a question mark or a request (`…작성해 주세요`). *Medium*: a short label naming a common
   자소서 question (`지원동기`, `**성장 과정**`), or a bold line ending in `:`. Anything else is
   never a question.
2. Activation (`question_style = "auto"`): a strong candidate always counts; a medium one only
   when its style is in use in the document (one strong candidate of that style, or at least two
   medium ones with text under them: a list of bare labels is an outline). A style named in a
   `question_style` list counts its medium candidates anyway.
3. Context, so an ordinary list or bold phrase inside an answer stays answer text: in a
   document whose headings ask or carry limits (it writes its questions as headings), only a
   prefix or a limit starts a question elsewhere; under a heading that asks or carries a limit,
   only a prefix (`Q1.`), a numbered or asking details summary or a heading missing its space
   starts a question; under a heading naming a common question (`## 지원동기`), a question
   mark alone is not enough; inside the answer of a question found here, only a candidate of
   the same style (its sibling) or one with a prefix or limit starts a new question.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from essaylint.limits import limit_from_title
from essaylint.model import QuestionStyle
from essaylint.patterns import compile_pattern
from essaylint.titles import TitleSignals, read_title

QUESTION_STYLES: tuple[QuestionStyle, ...] = (
    "heading",
    "list-item",
    "q-line",
    "bold-label",
    "blockquote",
    "details",
)
Strength = Literal["strong", "medium", "weak"]

# `Q1.`, `Q.`, `Q2)`, `Q 3:`, `[Q1]`, `문항 1.`, `문항2`, `질문 3.`: punctuation after a bare `Q`
# is required, so "QA팀" or "Q1 매출" never reads as a prefix.
QUESTION_PREFIX = compile_pattern(
    r"^\s*(?:\[\s*(?:Q|문항|질문)\s*\d{0,3}\s*\]|[Qq]\s*\d{0,3}\s*[.:)．：]"
    r"|문항\s*\d{1,3}(?![\d개번째차])\s*[.:)．：]?|질문\s*\d{1,3}(?![\d개번째차])\s*[.:)．：])"
)
# An answer written right under a Q-line often starts with `A.`; a reader pasting it leaves that.
ANSWER_PREFIX = compile_pattern(r"^\s*(?:[Aa]\s*\d{0,3}\s*[.:)．：]|답변?\s*[.:)．：])\s*")
# `###성장과정`: hashes glued to the title; one `#` only with a title that reads as a question.
MISSING_SPACE = compile_pattern(r"^( {0,3})(#{1,6})(?=[^\s#])")
_LABEL_MAX = 25  # characters of a label title, punctuation removed
_SQUEEZE = compile_pattern(r"[\s\W_]+")
_SENTENCE_END = compile_pattern(r"(?:[.!。]|[다요죠])\s*$")
_ONLY_DIGITS = compile_pattern(r"^\d")
# `<summary>답변</summary>` hides the answer to a question asked above it; it asks nothing.
_REVEAL_SUMMARY = compile_pattern(
    r"^\W*(?:모범\s*)?(?:답변?|정답|예시\s*답변|해설|풀이|설명|펼치기|펼쳐\s*보기|더\s*보기|보기|접기|"
    r"클릭|내용|코드|참고|Answer|Show|Click|More|Details|Expand|Code)\W*(?:보기)?\W*$",
    re.IGNORECASE,
)
# How interview banks write a question as a bare topic: `GC 과정에 대해서 설명`, `TCP와 UDP 차이`,
# `가상 메모리란`, `JVM이 뭔가요`. Not a question alone; a list full of them is a bank.
_TOPIC_QUESTION = compile_pattern(
    r"(?:설명|차이점?|비교|장단점|이란|[가-힣A-Za-z0-9)]란|뭔가요|뭐야|뭐지|무엇|방법|이유)\s*\??\s*$"
)
_BANK_ITEM_MAX = 100  # characters: longer items are prose, not a recalled question
# A sentence of notes (`…했다.`, `…입니다`, `…이에요`), not a polite request (`…해 주세요`).
_NOTE_SENTENCE = compile_pattern(r"(?:[.!。]|[다죠]|(?<![세나까가])요)\s*$")
# `#12 질문`, `12.`: a numbered summary in a list of interview questions.
_NUMBERED_SUMMARY = compile_pattern(r"^\s*#?\d{1,4}\b")


@dataclass(frozen=True, slots=True)
class Candidate:
    """A place in the document that may start a question, as `document.py` saw it."""

    style: QuestionStyle
    title: str  # the visible text of the question, markup removed
    line: int
    # The nearest heading above it (None at the top of a file): its title decides the context.
    parent_title: str | None = None
    parent_line: int = 0
    hashes: int = 0  # headings missing their space: how many `#`
    ends_with_colon: bool = False  # bold labels: `**지원동기:**`
    # List items of one list share a group; an ordered item also has its number, so `2.` after
    # the answer to `1.` (a new list in Markdown) is still the next question.
    group: int = 0
    number: int | None = None
    answered: bool = True  # text follows it before the next candidate or heading
    # A numbered line inside a paragraph, or one line of a paragraph of short lines: a question
    # only as part of a bank (or when it asks and is numbered like a list item).
    listed: bool = False
    opens_paragraph: bool = True
    container: bool = False  # a `<summary>` whose `<details>` holds more of them
    in_table: bool = False  # a table row, its question cell as the title
    nested: bool = False  # an item of a list one level inside a top-level list item


@lru_cache(maxsize=8192)
def strength(candidate: Candidate) -> Strength:
    title = candidate.title.strip()
    if not title:
        return "weak"
    if candidate.style == "details":
        return "weak" if candidate.container or _REVEAL_SUMMARY.match(title) else "strong"
    signals = read_title(title)
    prefixed = bool(QUESTION_PREFIX.match(title))
    if candidate.style == "heading":
        if candidate.hashes >= 2 and not _ONLY_DIGITS.match(title):
            return "strong"
        plain = signals.strong or signals.group_like or _is_label(title, signals)
        return "strong" if plain else "weak"
    if prefixed:
        return "strong"
    if signals.states:
        # a tip or a sentence of an answer, never a question, even when it names a length
        # (`문항마다 1,000자 내외로 쓰는 곳이 많다.`)
        return "weak"
    if signals.has_limit:
        return "strong"
    numbered_like_an_item = candidate.number is not None or candidate.in_table
    if signals.asks and (candidate.style != "q-line" or numbered_like_an_item):
        return "strong"
    if _is_label(title, signals) or (candidate.style == "q-line" and _bracket_label(title)):
        return "medium"
    if candidate.style == "bold-label" and candidate.ends_with_colon:
        return "medium"
    return "weak"


# `[회사 이동]`, `[재귀]`: a label in brackets alone on a line, as interview notes head answers.
_BRACKET_LABEL = compile_pattern(r"^[\[【]\s*(?P<label>[^\[\]【】]{1,25}?)\s*[\]】]$")
# Brackets that tag rather than ask: notes, sources, examples, tips, required/optional marks.
_BRACKET_TAG = compile_pattern(
    r"^(?:참고|메모|출처|링크|예시|예|팁|TIP|Tip|필수|선택|공통|완료|작성\s*중|TODO|Note|Ref)\b|^[\d\s.,:~\-/]+$",
    re.IGNORECASE,
)


def _bracket_label(title: str) -> bool:
    match = _BRACKET_LABEL.match(title)
    if match is None:
        return False
    label = match.group("label")
    return not _BRACKET_TAG.search(label) and not _NOTE_SENTENCE.search(label)


def could_be_label(line: str) -> bool:
    """A test before reading a paragraph's first line as a question: short enough to be a
    label, or stating a limit."""
    return len(line) <= 2 * _LABEL_MAX or limit_from_title(line) is not None


def _is_label(title: str, signals: TitleSignals) -> bool:
    """A short title that names a common question (`지원동기`, `성장 과정`), not a sentence."""
    if not signals.vocabulary:
        return False  # the common case, decided before squeezing the title
    short = len(title) <= _LABEL_MAX or len(_SQUEEZE.sub("", title)) <= _LABEL_MAX
    return short and not _SENTENCE_END.search(title)


def _prefix_strong(candidate: Candidate) -> bool:
    """Strong without reading its words: a prefix, a details summary, a heading's hashes."""
    if candidate.style == "details":
        title = candidate.title
        return bool(_NUMBERED_SUMMARY.match(title) or QUESTION_PREFIX.match(title)) or (
            read_title(title).strong
        )
    if candidate.style == "heading":
        return candidate.hashes >= 2
    return bool(QUESTION_PREFIX.match(candidate.title))


def _has_limit(candidate: Candidate) -> bool:
    return read_title(candidate.title).has_limit


def choose_questions(
    candidates: Sequence[Candidate],
    question_style: str | Sequence[str] = "auto",
    heading_titles: Sequence[str] = (),
) -> list[bool]:
    """Which candidates start a question, in document order (see the module docstring).

    `heading_titles` are the document's real headings: when one of them asks or carries a
    limit, the document writes its questions as headings, and elsewhere only a prefix or a
    limit starts one.
    """
    if isinstance(question_style, str):
        allowed = (
            set(QUESTION_STYLES) if question_style == "auto" else {"heading"}
        )  # "headings": real headings, plus the ones missing their space
        named: set[str] = set()
    else:
        allowed = set(question_style)
        named = allowed
    strengths = [strength(c) for c in candidates]
    strong = Counter(c.style for c, s in zip(candidates, strengths, strict=True) if s == "strong")
    # Labels count as a style in use only when they have answers: a list of bare labels with
    # nothing under them is an outline (`- 지원동기 - 입사 후 포부`), not a set of questions.
    medium = Counter(
        c.style for c, s in zip(candidates, strengths, strict=True) if s == "medium" and c.answered
    )
    uses_headings = any(_explicit(read_title(title)) for title in heading_titles)
    banks = _question_banks(candidates, strengths)
    chosen: list[bool] = []
    inside: Candidate | None = None  # the question found here whose answer we are in
    inside_index = -1
    item_taken = False  # the last top-level list item is a question
    parent: str | None = None
    for index, (candidate, level) in enumerate(zip(candidates, strengths, strict=True)):
        if candidate.parent_title != parent:
            parent, inside = candidate.parent_title, None  # a real heading ends that answer
        bank = banks.get(index)
        if bank is not None and (level == "strong" or _bank_item(candidate)):
            level = "strong"
            if inside is not None and banks.get(inside_index) == bank:
                inside = None  # the next item of the same bank, even after a code block
        take = candidate.style in allowed and level != "weak"
        if candidate.nested:
            # under a question, a nested item is part of its answer; under a label
            # (`- 물류회사`), it is a question when it has a prefix or a limit, or its list
            # is a bank
            take = take and not item_taken and (bank is not None or _reads_strong_alone(candidate))
        if take and bank is None and candidate.listed and not candidate.opens_paragraph:
            # a later line of a paragraph that is no bank: only a `Q1.` or a limit starts one
            take = candidate.number is not None or _reads_strong_alone(candidate)
        if take and level == "medium":
            in_use = strong[candidate.style] >= 1 or medium[candidate.style] >= 2
            take = in_use or candidate.style in named
        if take and uses_headings and candidate.style != "heading":
            take = _reads_strong_alone(candidate)
        if take:
            take = _fits_context(candidate, level, parent, inside)
        chosen.append(take)
        if candidate.style == "list-item" and not candidate.nested:
            item_taken = take
        elif candidate.style != "list-item":
            item_taken = False
        if take and not candidate.nested:
            inside, inside_index = candidate, index
    return chosen


def _asks_as_item(candidate: Candidate, level: Strength) -> bool:
    title = candidate.title.strip()
    return level == "strong" or bool(_TOPIC_QUESTION.search(title) or read_title(title).asks)


def topic_question(title: str) -> bool:
    """A bare interview topic that asks (`GC 과정 설명`, `TCP와 UDP 차이`, `Docker를 쓰는 이유`)."""
    return bool(_TOPIC_QUESTION.search(title.strip()))


def line_reads_as_sentence(text: str) -> bool:
    """A sentence of notes, not a question, a request or a bare topic."""
    return bool(_NOTE_SENTENCE.search(text))


def _bank_item(candidate: Candidate) -> bool:
    """An item short enough to be a recalled question, and not a sentence of notes."""
    title = candidate.title.strip()
    return 0 < len(title) <= _BANK_ITEM_MAX and not _NOTE_SENTENCE.search(title)


def _question_banks(
    candidates: Sequence[Candidate], strengths: Sequence[Strength]
) -> dict[int, tuple[int, bool]]:
    """Lists that are question banks: index of each of their items -> (heading line, bullets).

    Interview notes list recalled questions as bullets, most of them asking (`…설명해주세요`,
    `…란?`) and the rest bare topics (`Div와 Span의 차이`, `이직 사유`). One top-level list is a
    bank when at least two of its items, and a quarter of them, ask or name a question topic,
    and at most a third read as sentences of notes. Every short item of a bank is then a
    question; lists of a bank's kind (bullets or numbers) under the same heading continue it,
    even after a code block or a paragraph that ended the list in Markdown. A list inside an
    answer (three bare points under `1. 지원 동기 (500자)`) is no bank: its items do not ask.
    """
    lists: dict[tuple[str, int], list[int]] = {}
    tables: dict[int, list[int]] = {}
    for index, candidate in enumerate(candidates):
        if candidate.in_table:
            tables.setdefault(candidate.group, []).append(index)
        elif candidate.style == "list-item" or (candidate.listed and candidate.group):
            lists.setdefault((candidate.style, candidate.group), []).append(index)
    banks: dict[int, tuple[int, bool]] = {}
    for rows in tables.values():
        # A table of questions (`구분 | 질문`): at least two rows, and half of them, ask.
        asking = sum(1 for i in rows if _asks_as_item(candidates[i], strengths[i]))
        if asking >= 2 and asking * 2 >= len(rows):
            first = candidates[rows[0]]
            banks.update((i, (first.parent_line, False)) for i in rows)
    line_lists = [m for (style, _), m in lists.items() if style == "q-line"]
    if line_lists:
        # Lines without markers are weaker evidence than list items: the document's line lists
        # are read together, and make banks only when enough of all their lines ask.
        # A block none of whose lines asks is a list of notes or keywords.
        asks = {i: _asks_as_item(candidates[i], strengths[i]) for m in line_lists for i in m}
        line_lists = [m for m in line_lists if any(asks[i] for i in m)]
        lines = [i for members in line_lists for i in members]
        asking = sum(1 for i in lines if asks[i])
        enough = asking >= 3 and asking * 5 >= len(lines)
        for members in line_lists:
            first = candidates[members[0]]
            if enough:
                banks.update((i, (first.parent_line, False)) for i in members)
        for key in [k for k in lists if k[0] == "q-line"]:
            del lists[key]
    for members in lists.values():
        asking = sum(1 for i in members if _asks_as_item(candidates[i], strengths[i]))
        sentences = sum(1 for i in members if _NOTE_SENTENCE.search(candidates[i].title.strip()))
        if asking >= 2 and asking * 4 >= len(members) and sentences * 3 <= len(members):
            first = candidates[members[0]]
            bank = (first.parent_line, first.number is None)
            banks.update((i, bank) for i in members)
    return banks


def _fits_context(
    candidate: Candidate, level: Strength, parent: str | None, inside: Candidate | None
) -> bool:
    if parent is not None:
        heading = read_title(parent)
        if _explicit(heading):
            return _prefix_strong(candidate) or tagged_label(candidate)
        if heading.vocabulary and (level == "medium" or not _reads_strong_alone(candidate)):
            return _prefix_strong(candidate) or tagged_label(candidate)
    if inside is not None and not _siblings(candidate, inside):
        return _reads_strong_alone(candidate)
    return True


def _explicit(signals: TitleSignals) -> bool:
    """A heading that is plainly a question: it asks, or carries a limit."""
    return signals.has_limit or signals.asks


def _reads_strong_alone(candidate: Candidate) -> bool:
    """Strong by a prefix or a limit, not only by asking (answers ask rhetorical questions),
    or a common question's label tagged with the company it was written for."""
    return _prefix_strong(candidate) or _has_limit(candidate) or tagged_label(candidate)


# `지원동기 (물류회사)`: a multi-company file names each answer's company after its label.
_TAGGED = compile_pattern(r"^(?P<label>[^()]{2,25}?)\s*\((?P<tag>[^()]{1,20})\)\s*$")


def tagged_label(candidate: Candidate) -> bool:
    """A line of its own naming a common question and, in parentheses, a company."""
    if candidate.style not in ("q-line", "bold-label") or not candidate.opens_paragraph:
        return False
    match = _TAGGED.match(candidate.title.strip())
    if match is None:
        return False
    label = match.group("label").strip()
    return _is_label(label, read_title(label)) and not read_title(match.group("tag")).vocabulary


def _siblings(candidate: Candidate, other: Candidate) -> bool:
    if candidate.style != other.style:
        return False
    if candidate.style == "list-item":
        follows = None not in (candidate.number, other.number) and candidate.number == (
            (other.number or 0) + 1
        )
        return candidate.group == other.group or follows or _has_limit(candidate)
    return True

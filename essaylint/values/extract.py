"""Values written in the document itself: the reference sections about 인재상 and 핵심가치.

A reference section counts when its title names values (`인재상`, `핵심 가치`, `Core values`,
`일하는 방식`, `리더십 원칙` …); notes such as `메모` or `기업 분석` do not. In it, each line
(a paragraph line, list item or table row) gives values by the first rule that applies:

1. a table row with two or more cells: its first cell (value | description); a header row
   (`가치`, `인재상`, `Value` …) is skipped;
2. bold spans: `**신뢰**와 **충돌**` gives both;
3. a short term before a separator: `도전 의식: 새로운 일에…`, `열정 - …`, `열정 — …`;
4. parenthesised terms standing alone: `(분석력, 차분함)` gives two;
5. a short line that is not a sentence (a one-column table cell, a bare list item): the line,
   split at commas (`신뢰, 충돌, 헌신`).

A parenthesis right after a word is a gloss, not a value: `열정(Passion)` gives the value `열정`
with `Passion` as a related term. `**(도전 의식)**` gives `도전 의식`. Child headings of a values
section (`### 신뢰`) are values too. Numbering, bullets and quotes around a term are dropped.

Each value keeps its *statement*: what the writer said about it on the same line. That is the
second cell of a table row (`| 신뢰 | 믿고 맡길 수 있는 동료 |`; later cells are notes), the
text after the separator (`신뢰: 믿고 맡길 수 있는 동료`), the line without its bold or
parenthesised terms (`스스로 몰입하고 주도적으로 일하는 사람 **(리더십, 목표 달성)**` gives
both values the statement `스스로 몰입하고 주도적으로 일하는 사람`), or, for a child heading,
the lines under it. A bare term list has none.

Bold is recovered from the span's column map: markup removed from a line leaves a gap of two
columns per `**`. When the original lines are passed in, the gap's text is checked instead.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from essaylint.base.patterns import compile_pattern
from essaylint.reading.model import Document, Section, Span

VALUE_TITLE = compile_pattern(
    r"인재\s*상|핵심\s*가치|가치\s*체계|핵심\s*역량|일하는\s*방식|리더십\s*원칙|행동\s*원칙|"
    r"인재|가치|core\s*values?|values?|principles?",
    re.IGNORECASE,
)
NOT_VALUES = compile_pattern(r"메모|노트|참고|분석|정보|notes?|memo", re.IGNORECASE)
HEADER_WORDS = frozenset(
    {
        "가치",
        "핵심가치",
        "인재상",
        "키워드",
        "항목",
        "구분",
        "설명",
        "내용",
        "의미",
        "정의",
        "이름",
        "value",
        "values",
        "corevalues",
        "keyword",
        "keywords",
        "description",
        "meaning",
        "name",
        "번호",
        "순번",
        "no",
        "statement",
    }
)
_SEPARATOR = compile_pattern(r"\s*(?:[:：]|\s[-–—|]\s|\s?[–—]\s?)\s*")
_NUMBERING = compile_pattern(
    r"^\s*(?:\d{1,2}\s*[.)]|\(\d{1,2}\)|[①-⑳]|[A-Za-z][.)]\s|[-*•▶►■□◆◇○●·∙]|\[\d{1,2}\])\s*"
)
_QUOTES = "\"'“”‘’「」『』《》〈〉[]"
_GLOSS = compile_pattern(r"^(?P<head>.*?\S)\s*\((?P<gloss>[^()]+)\)$")
_STANDALONE_PARENS = compile_pattern(r"(?:^|(?<=\s))\((?P<inner>[^()]{1,60})\)")
_LIST_SPLIT = compile_pattern(r"\s*[,，、;/]\s*")
_SENTENCE_END = compile_pattern(r"(?:다|요|죠|니다|습니다|함|음|임)[.!?]?\s*$|[.!?。]\s*$")
_SQUEEZE = compile_pattern(r"[\s\W_]+")
MAX_VALUE_CHARS = 30
MAX_VALUE_WORDS = 6
MAX_STATEMENT_CHARS = 300  # a child heading's description: its first lines are enough


@dataclass(frozen=True, slots=True)
class FoundValue:
    """A value read from the document: its text, glosses, and where it was written."""

    name: str
    related: tuple[str, ...]
    line: int
    section: Section
    statement: str = ""


def is_values_section(section: Section) -> bool:
    if section.kind != "reference":
        return False
    titles = " ".join(section.titles)
    return bool(VALUE_TITLE.search(titles)) and not NOT_VALUES.search(titles)


def values_sections(document: Document) -> list[Section]:
    """Top-most reference sections about values (their children are read with them)."""
    found: list[Section] = []
    # Depth first, in document order, with a stack: a recursive inner function would hold
    # itself in a reference cycle, keeping the document alive until a garbage collection.
    stack = list(reversed(document.sections))
    while stack:
        section = stack.pop()
        if is_values_section(section):
            found.append(section)
        else:
            stack.extend(reversed(section.children))
    return found


@lru_cache(maxsize=8192)
def _squeezed(text: str) -> str:
    return _SQUEEZE.sub("", text).casefold()


def _clean(term: str) -> str:
    term = unicodedata.normalize("NFC", term)
    term = _NUMBERING.sub("", term)
    term = term.strip().strip(_QUOTES).strip()
    term = term.rstrip(":：.,;·- ").strip()
    return " ".join(term.split())


def looks_like_sentence(text: str) -> bool:
    """Ends like a sentence (`…합니다.`, `…중요시함`); a short term such as `선함` does not."""
    text = text.strip()
    if re.search(r"[.!?。]$", text):
        return True
    return len(text.replace(" ", "")) > 4 and bool(_SENTENCE_END.search(text))


def _acceptable(term: str) -> bool:
    if not term or len(term) > MAX_VALUE_CHARS or len(term.split()) > MAX_VALUE_WORDS:
        return False
    if _squeezed(term) in HEADER_WORDS or not _squeezed(term):
        return False
    return not looks_like_sentence(term)


def _split_outside_parens(text: str) -> list[str]:
    """Split at commas (and 、 ; /) that are not inside parentheses."""
    parts: list[str] = []
    depth = start = 0
    for i, ch in enumerate(text):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(depth - 1, 0)
        elif depth == 0 and ch in ",，、;/":
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return parts


def split_terms(raw: str) -> list[tuple[str, tuple[str, ...]]]:
    """A candidate -> (value, glosses): `(a, b)` gives two, `열정(Passion)` one with a gloss."""
    text = _clean(raw)
    if text.startswith("(") and text.endswith(")") and text.count("(") == 1:
        text = text[1:-1]
    results: list[tuple[str, tuple[str, ...]]] = []
    for part in _split_outside_parens(text):
        part = _clean(part)
        glosses: tuple[str, ...] = ()
        match = _GLOSS.match(part)
        if match:
            part = _clean(match["head"])
            glosses = tuple(g for g in (_clean(x) for x in _LIST_SPLIT.split(match["gloss"])) if g)
        if _acceptable(part):
            results.append((part, glosses))
    return results


# --- bold from the column map ------------------------------------------------------------------


def _markup_gaps(span: Span) -> list[int]:
    """Columns of markup skipped after each character of `span.text` (len(text) - 1 items).

    A span read from decomposed (NFD) Hangul keeps one column per syllable's first jamo, so
    each syllable leaves a gap of its other jamo: that part is subtracted when every Hangul
    syllable shows it, leaving only what markup (`**`) skipped.
    """
    text, cols = span.text, span.cols
    gaps = [cols[i + 1] - cols[i] - 1 for i in range(len(text) - 1)]
    own = [len(unicodedata.normalize("NFD", ch)) - 1 for ch in text[:-1]]
    decomposed = [i for i, extra in enumerate(own) if extra]
    # Decomposed: every syllable's gap is at least its own jamo (in NFC text a syllable directly
    # followed by another character has no gap at all), and some gap is exactly that.
    nfd = bool(decomposed) and all(gaps[i] >= own[i] for i in decomposed)
    if nfd and any(gaps[i] == own[i] for i in decomposed):
        return [g - o for g, o in zip(gaps, own, strict=True)]
    return gaps


def bold_ranges(span: Span, line: str | None = None) -> list[tuple[int, int]]:
    """(start, end) index ranges of `span.text` written in bold (`**x**` or `__x__`)."""
    if not span.cols or span.kind != "text":
        return []
    cols = span.cols
    toggles: list[int] = []  # indexes where bold switches on or off
    starts_bold = False
    if line is not None:
        before = line[: cols[0] - 1]
        starts_bold = before.endswith(("**", "__")) and not before.endswith(("***", "___"))
        for i in range(len(cols) - 1):
            skipped = line[cols[i] : cols[i + 1] - 1]
            if "**" in skipped or "__" in skipped:
                toggles.append(i + 1)
    else:
        for i, gap in enumerate(_markup_gaps(span)):
            if gap == 2:
                toggles.append(i + 1)
        if not toggles:
            return []
        # The markers before the first and after the last character leave no gap, so either
        # reading may be right: take the one whose bold parts are all real terms. A span that
        # starts in column 1 or 2 has no room for `**` before it.
        readings: tuple[bool, ...] = (True, False) if len(toggles) % 2 else (False, True)
        if span.col < 3:
            readings = (False,)
        # When both readings give terms, bold is the emphasis: the reading with less of it
        # (`statement **(a, b)**` in a table cell, where nothing after the cell shows the end).
        fitting = [
            ranges
            for ranges in (_ranges(toggles, s, len(span.text)) for s in readings)
            if all(_is_term(span.text[a:b]) for a, b in ranges)
        ]
        return min(fitting, key=lambda rs: sum(b - a for a, b in rs), default=[])
    return _ranges(toggles, starts_bold, len(span.text))


_JOINERS = frozenset(
    {"와", "과", "및", "그리고", "또는", "이나", "나", "하고", "랑", "이랑", "도", "을", "를"}
    | {"은", "는", "이", "가", "의", "에", "로", "으로"}
)


def _is_term(text: str) -> bool:
    core = _SQUEEZE.sub("", text)
    return bool(core) and core not in _JOINERS and text.lstrip()[:1] not in ":：-–—|,"


def _ranges(toggles: list[int], starts_bold: bool, length: int) -> list[tuple[int, int]]:
    bounds = ([0] if starts_bold else []) + toggles
    if len(bounds) % 2:
        bounds.append(length)
    return [(bounds[i], bounds[i + 1]) for i in range(0, len(bounds), 2)]


# --- rows --------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Row:
    line: int
    cells: list[list[Span]]


def _rows(spans: Sequence[Span]) -> Iterator[_Row]:
    row: _Row | None = None
    for span in spans:
        if row is None or span.sep == "\n" or span.line != row.line:
            if row is not None:
                yield row
            row = _Row(span.line, [[span]])
        elif span.sep == " ":
            row.cells.append([span])
        else:
            row.cells[-1].append(span)
    if row is not None:
        yield row


_Found = tuple[str, tuple[str, ...], str]  # (value, glosses, statement)
_INDEX_CELL = compile_pattern(r"^\s*(?:\d{1,2}\s*[.)]?|[①-⑳]|[A-Za-z][.)])?\s*$")
_STATEMENT_END = compile_pattern(r"(?:사람|인재|자세|태도|조직|문화)\s*$")


def _reads_as_statement(text: str) -> bool:
    """A description rather than a keyword: a sentence, or three words or more ending like
    a 인재상 statement (`주도적으로 일하는 사람`)."""
    words = text.split()
    if looks_like_sentence(text):
        return len(words) >= 2
    return len(words) >= 5 or (len(words) >= 3 and bool(_STATEMENT_END.search(text)))


def _with(terms: list[tuple[str, tuple[str, ...]]], statement: str) -> list[_Found]:
    statement = " ".join(statement.split()).strip(" -–—:：|,")
    return [(name, glosses, statement) for name, glosses in terms]


def _row_values(row: _Row, lines: Sequence[str] | None, short_lines: bool) -> list[_Found]:
    def cell_text(cell: list[Span]) -> str:
        return "".join(s.text for s in cell)

    if len(row.cells) >= 2:
        cells = [c for c in row.cells if not _INDEX_CELL.match(cell_text(c))]
        if len(cells) == 1:  # `| 1 | 스스로 … 사람 **(리더십)** |`: the numbered cell is the row
            return _row_values(_Row(row.line, cells), lines, short_lines)
        if len(cells) >= 2:
            first, second = cell_text(cells[0]), cell_text(cells[1])
            keywords = split_terms(second)
            if keywords and _reads_as_statement(first) and not _reads_as_statement(second):
                # `| 스스로 몰입하는 사람 | **(리더십, 목표 달성)** |`: statement, then keywords.
                return _with(keywords, first)
            # The description is the second cell; later ones are notes (`연결할 경험`).
            return _with(split_terms(first), second)
    cell = row.cells[0]
    line_text = lines[row.line - 1] if lines is not None and row.line - 1 < len(lines) else None
    bold: list[str] = []
    plain: list[str] = []  # the line with its bold pieces cut out: the statement around them
    for span in cell:
        at = 0
        for start, end in bold_ranges(span, line_text):
            bold.append(span.text[start:end])
            plain.append(span.text[at:start])
            at = end
        plain.append(span.text[at:])
    text = cell_text(cell).strip()
    if bold and any(b.strip() for b in bold) and "".join(bold).strip() != text:
        found: list[tuple[str, tuple[str, ...]]] = []
        for piece in bold:
            found.extend(split_terms(piece))
        around = _STANDALONE_PARENS.sub(" ", " ".join(plain)).replace("()", " ")
        return _with(found, around)
    head = _SEPARATOR.split(_NUMBERING.sub("", text), maxsplit=1)
    if len(head) == 2 and head[0].strip() and head[1].strip():
        terms = split_terms(head[0])
        if terms:
            return _with(terms, head[1])
    standalone = list(_STANDALONE_PARENS.finditer(text))
    gloss = _GLOSS.match(text)
    # `창의혁신 (Creativity)` glosses one term; `제가 꼽는 가치 (분석력, 차분함)` lists values.
    if gloss and not text.startswith("(") and len(gloss["head"].split()) <= 2:
        standalone = []
    if standalone:
        found = []
        for match in standalone:
            found.extend(split_terms(match["inner"]))
        if found:
            return _with(found, _STANDALONE_PARENS.sub(" ", text))
    if not short_lines or len(text) > MAX_VALUE_CHARS or looks_like_sentence(text):
        return []
    terms = split_terms(text)
    # A plain paragraph line (column 1) is a value list only when it lists several terms; a
    # list item, table cell or bold line (markup before it: column > 1) may hold just one.
    if cell[0].col > 1 or len(terms) >= 2:
        return _with(terms, "")
    return []


def extract_values(document: Document, lines: Sequence[str] | None = None) -> list[FoundValue]:
    """Every value in the document's values sections, in document order, without duplicates."""
    found: list[FoundValue] = []
    seen: set[str] = set()

    def add(name: str, related: tuple[str, ...], line: int, section: Section, said: str) -> None:
        key = _squeezed(name)
        if key and key not in seen:
            seen.add(key)
            found.append(FoundValue(name, related, line, section, said))

    for section in values_sections(document):
        _read_values(section, section, False, lines, add)
    return found


def _read_values(
    section: Section,
    top: Section,
    child: bool,
    lines: Sequence[str] | None,
    add: Callable[[str, tuple[str, ...], int, Section, str], None],
) -> None:
    """The values a values section and its children list (a child's title is one)."""
    titled = False
    if child:
        # The lines under a heading that is a value are its statement.
        said = " ".join(section.text.split())[:MAX_STATEMENT_CHARS]
        for name, related in split_terms(section.title):
            titled = True
            add(name, related, section.heading_line, top, said)
    # Under a heading that is itself a value, short lines describe it: not more values.
    for row in _rows(section.spans):
        for name, related, statement in _row_values(row, lines, short_lines=not titled):
            add(name, related, row.line, top, statement)
    for sub in section.children:
        _read_values(sub, top, True, lines, add)

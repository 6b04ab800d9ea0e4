"""The block structure of an essay made only of the common blocks, read line by line.

Most essays are ATX headings, paragraphs, one-line list items, tables, thematic breaks, HTML
comments and quotes of plain paragraphs. For such a document this gives the blocks
markdown-it's block parser would give (the same content strings, the same lines), in a fraction
of its time: it was a third of a run over many files. Anything else (code, other HTML, front
matter, indented or lazy lines, setext underlines, reference definitions, empty, multi-line or
nested list items, nested quotes, a paragraph that a list, table or quote interrupts) makes
`simple_blocks` return None, and the document goes to markdown-it. Each accepted form follows
markdown-it-py's own block rules (heading.py, hr.py, list.py, table.py, html_block.py,
blockquote.py, paragraph.py, and the front matter plugin's first-line test), and tests compare
the two readings block by block over every fixture and generated Markdown.
"""

from __future__ import annotations

from typing import NamedTuple

from essaylint.base.patterns import compile_pattern

# CommonMark's white space as markdown-it trims block content (`mdTrim`).
_TRIM = (
    "\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u2028\u2029\u202f\u205f\u3000"
)
_THEMATIC_BREAK = compile_pattern(r"([-*_])(?:[ \t]*\1){2,}[ \t]*")
_UNDERLINE = compile_pattern(r"(?:-+|=+)[ \t]*")  # a setext underline after a paragraph line
_ORDERED = compile_pattern(r"[0-9]+[.)]")
_DELIMITER_ROW = compile_pattern(r"[-:|][-:| \t]*")
_ALIGN = compile_pattern(r":?-+:?")
# First characters of lines this reader leaves to markdown-it (in a list item or a quote, `>` is
# a nested quote): HTML, indentation.
_NOT_TEXT = frozenset("> \t<")
_FENCES = ("```", "~~~")
_MAX_AUTOCOMPLETED_CELLS = 0x10000  # markdown-it's cap on cells it adds to short rows


class Heading(NamedTuple):
    level: int
    line: int  # 0-based
    content: str


class Paragraph(NamedTuple):
    start: int  # 0-based, end exclusive
    end: int
    content: str


class ListStart(NamedTuple):
    line: int


class Item(NamedTuple):
    line: int
    number: int | None  # an ordered item's number
    content: str


class Row(NamedTuple):
    line: int
    cells: tuple[str, ...]


class HtmlComment(NamedTuple):
    """An HTML comment block (`<!-- ... -->` starting a line), with its lines' text."""

    start: int
    end: int
    content: str


class Quote(NamedTuple):
    """A block quote of paragraphs (`> ...` lines; a bare `>` line separates paragraphs)."""

    start: int
    paragraphs: tuple[Paragraph, ...]


Block = Heading | Paragraph | ListStart | Item | Row | HtmlComment | Quote

# What the previous line left open, deciding what the next line may be.
_START, _BLANK, _PARAGRAPH, _ITEM, _TABLE = range(5)


def simple_blocks(source: str, lines: list[str]) -> list[Block] | None:
    """The blocks of a document (`source` with "\\n" line ends, split into `lines`), or None
    when it holds anything else."""
    if "\0" in source:
        return None  # markdown-it replaces NUL before parsing
    if source.startswith("-") and "--" in lines[0][1:]:
        # Front matter, or what its plugin takes for it: it checks only that the document
        # starts with `-` and that two more follow the first character of the block it is
        # tried on, which may be a first list item's text (`- a--`).
        return None
    definitions = "]:" in source  # a link reference definition may start a `[` line
    blocks: list[Block] = []
    state = _START
    list_marker = ""  # the marker of the open list ("-", "*", "+", "." or ")"), "" when none
    paragraph_start = 0
    count = len(lines)
    index = 0
    while index < count:
        line = lines[index]
        if not line.strip(" \t"):
            if state == _PARAGRAPH:
                blocks.append(_paragraph(lines, paragraph_start, index))
            state = _BLANK
            index += 1
            continue
        first = line[0]
        if first == ">":
            if state not in (_START, _BLANK):
                return None  # a quote interrupting a paragraph, an item or a table
            quoted = _quote(lines, index, definitions)
            if quoted is None:
                return None
            quote, index = quoted
            blocks.append(quote)
            state = _START
            list_marker = ""
            continue
        if first in _NOT_TEXT:
            if not line.startswith("<!--"):
                return None
        elif first in "`~[" and _opens_block(line, definitions):
            return None
        if "|" in line:
            if state in (_PARAGRAPH, _ITEM, _TABLE) or first != "|":
                if _looks_like_delimiter_row(lines, index + 1):
                    return None  # a table would start here (markdown-it tries tables first)
            else:
                table = _table(lines, index)
                if table is None:
                    return None
                blocks.extend(table)
                index += len(table) + 1
                state = _TABLE
                list_marker = ""
                continue
        if first == "<" and line.startswith("<!--"):
            if state == _PARAGRAPH:
                blocks.append(_paragraph(lines, paragraph_start, index))
            comment = _comment(lines, index)
            blocks.append(comment)
            index = comment.end
            state = _START
            list_marker = ""
            continue
        if first == "#":
            heading = _heading(line)
            if heading is not None:
                if state == _PARAGRAPH:
                    blocks.append(_paragraph(lines, paragraph_start, index))
                level, content = heading
                blocks.append(Heading(level, index, content))
                state = _START
                list_marker = ""
                index += 1
                continue
        elif first in "-*_+" and _THEMATIC_BREAK.fullmatch(line):
            if state == _PARAGRAPH:
                if first == "-":
                    return None  # a setext underline: the paragraph above is a heading
                blocks.append(_paragraph(lines, paragraph_start, index))
            state = _START
            list_marker = ""
            index += 1
            continue
        item = _item(line)
        if item is not None:
            if item is _UNSURE or state in (_PARAGRAPH, _TABLE):
                return None  # an empty or indented item; a list interrupting a paragraph
            number, marker, content = item
            if not _is_text(content, definitions) or "|" in content:
                return None  # a nested block, or a table row inside an item
            if state not in (_ITEM, _BLANK) or marker != list_marker:
                blocks.append(ListStart(index))
                list_marker = marker
            blocks.append(Item(index, number, _trim(content)))
            state = _ITEM
            index += 1
            continue
        if state in (_ITEM, _TABLE):
            return None  # a lazy continuation of the item, or a row without pipes
        if first in "-=" and _UNDERLINE.fullmatch(line):
            return None
        if state != _PARAGRAPH:
            paragraph_start = index
            state = _PARAGRAPH
            list_marker = ""
        index += 1
    if state == _PARAGRAPH:
        blocks.append(_paragraph(lines, paragraph_start, count))
    return blocks


def _quote(lines: list[str], start: int, definitions: bool) -> tuple[Quote, int] | None:
    """A block quote up to a blank line, and the index of that line: every line `>` alone or
    `> ` and paragraph text (one space after the marker). A line without the marker right after
    it (a lazy continuation, or a block that ends the quote), nested blocks and tables are left
    to markdown-it."""
    paragraphs: list[Paragraph] = []
    texts: list[str] = []
    index = start
    while index < len(lines):
        line = lines[index]
        if line[:1] != ">":
            if line.strip(" \t"):
                return None
            break
        if line[1:2] not in ("", " "):
            return None  # `>text`, `>\t`: markdown-it's marker rules, not repeated here
        content = line[2:]
        if not content.strip(" \t"):
            if texts:
                paragraphs.append(_quoted(texts, index))
                texts = []
        elif content[0] in " \t" or "|" in content or not _is_text(content, definitions):
            return None
        else:
            texts.append(content)
        index += 1
    if texts:
        paragraphs.append(_quoted(texts, index))
    return Quote(start, tuple(paragraphs)), index


def _quoted(texts: list[str], end: int) -> Paragraph:
    """A paragraph inside a quote, from its lines' text after `> `."""
    return Paragraph(end - len(texts), end, _trim("\n".join(texts)))


def _comment(lines: list[str], start: int) -> HtmlComment:
    """An HTML comment block: up to the line holding `-->`, or to the end (markdown-it's
    html_block; a blank line does not end it)."""
    # markdown-it's lineMax: a last line of only spaces and tabs counts as no line at all.
    last = len(lines) - 1 if not lines[-1].strip(" \t") else len(lines)
    end = start + 1
    if "-->" not in lines[start]:
        while end < last:
            end += 1
            if "-->" in lines[end - 1]:
                break
    content = "\n".join(lines[start:end])
    if end < len(lines):
        content += "\n"
    return HtmlComment(start, end, content)


def _trim(text: str) -> str:
    return text.strip(_TRIM)


def _paragraph(lines: list[str], start: int, end: int) -> Paragraph:
    content = lines[start] if end - start == 1 else "\n".join(lines[start:end])
    return Paragraph(start, end, _trim(content))


def _opens_block(line: str, definitions: bool) -> bool:
    """Whether a line starting with a backtick, tilde or bracket may open a code fence or a
    link reference definition (which needs `]:` somewhere; a bracketed title does not)."""
    if line[0] == "[":
        return definitions
    return line.startswith(_FENCES)


def _is_text(content: str, definitions: bool) -> bool:
    """Whether a list item's content is paragraph text, not a block of its own."""
    first = content[0]
    if first in _NOT_TEXT or (first in "`~[" and _opens_block(content, definitions)):
        return False
    if first == "#" and _heading(content) is not None:
        return False
    if first in "-*_+" and _THEMATIC_BREAK.fullmatch(content):
        return False
    if first in "-=" and _UNDERLINE.fullmatch(content):
        return False
    return _item(content) is None


def _heading(line: str) -> tuple[int, str] | None:
    """An ATX heading's level and content (closing hashes cut), as markdown-it reads it."""
    level = len(line) - len(line.lstrip("#"))
    if level > 6 or (level < len(line) and line[level] not in " \t"):
        return None
    end = len(line)
    while end > level and line[end - 1] in " \t":
        end -= 1
    closing = end
    while closing > level and line[closing - 1] == "#":
        closing -= 1
    if closing > level and line[closing - 1] in " \t":
        end = closing
    return level, _trim(line[level:end])


_UNSURE = (None, "", "")


def _item(line: str) -> tuple[int | None, str, str] | None:
    """(number, marker, content) of a one-line list item; None when the line starts none;
    `_UNSURE` for an item this reader leaves to markdown-it (empty, or content set off by
    anything but one space)."""
    first = line[0]
    if first in "-*+":
        after = 1
        number = None
        marker = first
    elif "0" <= first <= "9":
        ordered = _ORDERED.match(line)
        if ordered is None:
            return None
        after = ordered.end()
        if after > 10:
            return None  # more than nine digits: text, not an item
        number = int(line[: after - 1])
        marker = line[after - 1]
    else:
        return None
    if after == len(line):
        return _UNSURE
    if line[after] == " ":
        if after + 1 < len(line) and line[after + 1] not in " \t":
            return number, marker, line[after + 1 :]
        return _UNSURE
    if line[after] == "\t":
        return _UNSURE
    return None


def _looks_like_delimiter_row(lines: list[str], index: int) -> bool:
    return index < len(lines) and _DELIMITER_ROW.fullmatch(lines[index]) is not None


def _split_cells(text: str) -> list[str]:
    """markdown-it's escapedSplit: cells between unescaped pipes, `\\|` becoming `|`."""
    if "\\" not in text:
        return text.split("|")
    cells: list[str] = []
    current: list[str] = []
    escaped = False
    for ch in text:
        if ch == "|":
            if escaped:
                current[-1] = "|"
            else:
                cells.append("".join(current))
                current = []
                escaped = False
                continue
        else:
            current.append(ch)
        escaped = ch == "\\"
    cells.append("".join(current))
    return cells


def _row_cells(line: str) -> list[str]:
    cells = _split_cells(_trim(line))
    if cells and cells[0] == "":
        cells.pop(0)
    if cells and cells[-1] == "":
        cells.pop()
    return cells


def _column_count(delimiter: str) -> int | None:
    """The number of columns a delimiter row declares, None when it is not one."""
    if len(delimiter) < 2 or (delimiter[0] == "-" and delimiter[1] in " \t"):
        return None
    if _DELIMITER_ROW.fullmatch(delimiter) is None:
        return None
    columns = delimiter.split("|")
    count = 0
    for index, column in enumerate(columns):
        cell = _trim(column)
        if not cell:
            if index == 0 or index == len(columns) - 1:
                continue
            return None
        if _ALIGN.fullmatch(cell) is None:
            return None
        count += 1
    return count


def _table(lines: list[str], start: int) -> list[Block] | None:
    """A table's rows from its header at `start`: every row a line that starts with a pipe,
    up to a blank line, a heading, a thematic break or an HTML comment."""
    if start + 1 >= len(lines):
        return None
    columns = _column_count(lines[start + 1])
    header = _row_cells(lines[start])
    if columns is None or columns == 0 or len(header) != columns:
        return None
    rows: list[Block] = [Row(start, tuple(_trim(cell) for cell in header))]
    autocompleted = 0
    index = start + 2
    while index < len(lines):
        line = lines[index]
        if not line.strip(" \t"):
            break
        if line[0] != "|":
            if line[0] == "#" and _heading(line) is not None:
                break
            if line[0] in "-*_" and _THEMATIC_BREAK.fullmatch(line):
                break
            if line.startswith("<!--"):
                break
            return None
        cells = _row_cells(line)
        autocompleted += columns - len(cells)
        if autocompleted > _MAX_AUTOCOMPLETED_CELLS:
            return None
        padded = [_trim(cell) if cell else "" for cell in cells[:columns]]
        padded.extend("" for _ in range(columns - len(padded)))
        rows.append(Row(index, tuple(padded)))
        index += 1
    return rows

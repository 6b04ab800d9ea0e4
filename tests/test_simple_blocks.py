"""The line-by-line block reader must read exactly what markdown-it reads, or decline.

Two oracles: markdown-it's own tokens turned into the reader's blocks (the block structure and
every content string), and the whole document built both ways (spans, questions, columns).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it.common.utils import MD_TRIM_CHARS
from markdown_it.rules_block.table import escapedSplit

import essaylint.reading.document as document_module
from essaylint.reading.document import build_document, markdown_parser
from essaylint.reading.model import Document
from essaylint.reading.parsed import DocumentError
from essaylint.reading.simple_blocks import (
    _TRIM,
    Block,
    Heading,
    HtmlComment,
    Item,
    ListStart,
    Paragraph,
    Quote,
    Row,
    _split_cells,
    simple_blocks,
)

FIXTURES = sorted(
    path
    for path in Path(__file__).parent.rglob("*.md")
    if "hostile" not in path.parts and path.stat().st_size < 200_000
)


def read(text: str) -> list[Block] | None:
    return simple_blocks(text, text.split("\n"))


def markdown_it_blocks(text: str) -> list[Block] | None:
    """markdown-it's tokens as the reader's blocks; None when they hold any other block."""
    tokens = markdown_parser().parse(text, {})
    blocks: list[Block] = []
    row: list[str] = []
    number: int | None = None
    quote: list[Paragraph] | None = None  # the paragraphs of the open quote
    for index, token in enumerate(tokens):
        kind = token.type
        if kind == "blockquote_open":
            if token.level != 0:
                return None
            quote = []
        elif kind == "blockquote_close":
            opening = next(t for t in reversed(tokens[:index]) if t.type == "blockquote_open")
            assert opening.map is not None and quote is not None
            blocks.append(Quote(opening.map[0], tuple(quote)))
            quote = None
        elif quote is not None:
            if kind == "inline" and token.level == 2 and tokens[index - 1].type == "paragraph_open":
                assert token.map is not None
                quote.append(Paragraph(token.map[0], token.map[1], token.content))
            elif kind not in ("paragraph_open", "paragraph_close"):
                return None
        elif kind == "heading_open" and token.level != 0:
            return None
        elif kind in ("bullet_list_open", "ordered_list_open"):
            if token.level != 0:
                return None
            assert token.map is not None
            blocks.append(ListStart(token.map[0]))
        elif kind == "list_item_open":
            number = int(token.info) if token.info else None
        elif kind == "heading_open":
            assert token.map is not None
            blocks.append(Heading(int(token.tag[1]), token.map[0], tokens[index + 1].content))
        elif kind == "inline":
            parent = tokens[index - 1]
            assert token.map is not None
            if parent.type == "heading_open":
                continue
            if parent.type in ("th_open", "td_open"):
                row.append(token.content)
            elif token.level == 0 + 1 and parent.level == 0:
                blocks.append(Paragraph(token.map[0], token.map[1], token.content))
            elif token.level == 3 and token.map[1] - token.map[0] == 1:
                blocks.append(Item(token.map[0], number, token.content))
            else:
                return None
        elif kind == "html_block" and token.level == 0 and token.content.startswith("<!--"):
            assert token.map is not None
            blocks.append(HtmlComment(token.map[0], token.map[1], token.content))
        elif kind == "tr_close":
            assert tokens[index - 1].map is not None or True
            line = next(t for t in reversed(tokens[:index]) if t.type == "tr_open").map
            assert line is not None
            blocks.append(Row(line[0], tuple(row)))
            row = []
        elif kind in (
            "paragraph_open",
            "paragraph_close",
            "heading_close",
            "bullet_list_close",
            "ordered_list_close",
            "list_item_close",
            "hr",
            "table_open",
            "table_close",
            "thead_open",
            "thead_close",
            "tbody_open",
            "tbody_close",
            "tr_open",
            "th_open",
            "th_close",
            "td_open",
            "td_close",
        ):
            continue
        else:
            return None
    return blocks


def fully_parsed(text: str) -> Document:
    keep = document_module._SIMPLE_BLOCKS
    document_module._SIMPLE_BLOCKS = lambda source, lines: None
    try:
        return build_document(text)
    finally:
        document_module._SIMPLE_BLOCKS = keep


def assert_read_as_markdown_it_reads(text: str) -> bool:
    """Compare both readings; True when the reader took the document."""
    blocks = read(text)
    if blocks is None:
        return False
    assert blocks == markdown_it_blocks(text), text
    try:
        expected = fully_parsed(text)
    except DocumentError:
        raise AssertionError("the reader took a document with front matter") from None
    assert build_document(text) == expected, text
    return True


ESSAY = """\
# 삼성전자 자기소개서

## 지원 동기 (1000자)

저는 **도전**을 좋아합니다.
두 번째 줄입니다.

- 첫째 항목
- 둘째 항목

1. **Kafka**: 이벤트를 비동기로 처리했습니다
2) 다른 목록

| 핵심가치 | 설명 |
| :--- | ---: |
| 협업 | 함께 \\| 더 나은 답 |
| 책임감 |

***
## 성장 과정 ##
#해시태그로 시작하는 문단
"""


def test_an_essay_of_common_blocks_is_read_line_by_line() -> None:
    assert read(ESSAY) == [
        Heading(1, 0, "삼성전자 자기소개서"),
        Heading(2, 2, "지원 동기 (1000자)"),
        Paragraph(4, 6, "저는 **도전**을 좋아합니다.\n두 번째 줄입니다."),
        ListStart(7),
        Item(7, None, "첫째 항목"),
        Item(8, None, "둘째 항목"),
        ListStart(10),
        Item(10, 1, "**Kafka**: 이벤트를 비동기로 처리했습니다"),
        ListStart(11),
        Item(11, 2, "다른 목록"),
        Row(13, ("핵심가치", "설명")),
        Row(15, ("협업", "함께 | 더 나은 답")),
        Row(16, ("책임감", "")),
        Heading(2, 19, "성장 과정"),
        Paragraph(20, 21, "#해시태그로 시작하는 문단"),
    ]
    assert assert_read_as_markdown_it_reads(ESSAY)


@pytest.mark.parametrize(
    "text",
    [
        "---\ntitle: x\n---\n본문",  # front matter
        "- a-->\n---",  # the front matter plugin reads a first item's `a--` as its marker
        "> > 겹친 인용",
        ">붙여 쓴 표시",
        "> 인용\n게으른 이어짐",
        "> 인용\n## 바로 제목",
        "문단\n> 문단을 끊는 인용",
        "- 항목\n> 인용",
        "> - 인용 속 목록",
        "> # 인용 속 제목",
        "> 인용\n> ---",
        "> a | b\n> --- | ---",
        "```\ncode\n```",
        "~~~\ncode\n~~~",
        "<details>\n<summary>질문</summary>\n</details>",
        "<p>HTML 문단</p>",
        "    들여쓴 코드",
        "문단\n  들여쓴 이어짐",
        "- 항목\n게으른 이어짐",  # a lazy continuation of the item
        "문단\n---",  # a setext heading
        "문단\n===",
        "문단\n- 목록",  # a list interrupting a paragraph
        "문단\n2. 목록",  # no list at all: the paragraph goes on (left to markdown-it)
        "[참고]: https://example.com",  # a link reference definition
        "[제목]\n\n[링크]: /x",
        "-",  # an empty item
        "1.",
        "-  두 칸",
        "-\t탭",
        "- > 항목 속 인용",
        "- # 항목 속 제목",
        "- - 중첩",
        "1. 2. 중첩",
        "a | b\n--- | ---",  # a table whose header is not a pipe line
        "| a | b |\n| --- |",  # column counts differ: a paragraph
        "| a |\n| - |\n문단이 행이 된다",
        "| a |\n| - |\n- 목록",
        "문단\n| a |\n| - |",
        "NUL \0 문자",
        "--\n\n문단",  # a dash underline anywhere is left to markdown-it
    ],
)
def test_anything_else_is_left_to_markdown_it(text: str) -> None:
    assert read(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "[성장과정] 괄호 제목으로 시작하는 문단",
        "`코드`로 시작하는 문단",
        "~물결로 시작",
        "1.5배 빨라졌습니다",
        "2023년에 입사했습니다",
        "1234567890. 열 자리 숫자는 목록이 아니다",
        "**굵은 글씨**로 시작",
        "-5% 감소",
        "#######일곱 개",
        "#",
        "# 제목 #",
        "# 제목 \\#",
        "- 항목\n\n- 느슨한 목록",
        "- 항목\n* 다른 표시",
        "- 항목\n## 제목",
        "- 항목\n***",
        "문단\n***",
        "문단\n## 제목",
        "| a |\n| - |\n## 제목",
        "| a | b |\n|:-:|--|\n| \\| | x | 남는 칸 |",
        "문단 a | b\n다음 줄",
        "\u3000전각 공백으로 시작하는 문단\u3000",
        "<!-- 메모 -->\n문단",
        "문단\n<!-- 문단을 끊는 주석 -->\n문단",
        "- 항목\n<!--\n여러 줄\n\n빈 줄도 주석 -->\n- 새 목록",
        "| a |\n| - |\n| b |\n<!-- 표 다음 주석 --> 뒤 글",
        "<!-- 닫히지 않은 주석\n\n끝까지",
        "<!-- 닫히지 않은 주석\n",
        "<!-->\n문단",
        "> 인용",
        "> 질문입니다\n> 두 번째 줄\n>\n> 다음 문단\n\n답변",
        "## 질문\n> **굵은** 인용\n\n> 새 인용",
        ">\n> \n",
        "> 인용 [300자]  \n> 줄바꿈",
        "## 질문\n\n<!-- essaylint-disable-next-line known-typo -->\n아떠한 답",
        "\f",
        "   \n\t\n",
    ],
)
def test_the_reader_takes_what_it_can_read_exactly(text: str) -> None:
    assert assert_read_as_markdown_it_reads(text)


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: str(p.relative_to(Path(__file__).parent)))
def test_fixtures_are_read_as_markdown_it_reads_them(path: Path) -> None:
    text = path.read_text(encoding="utf-8", errors="replace")
    source = text.replace("\r\n", "\n").replace("\r", "\n")
    try:
        fully_parsed(text)
    except DocumentError:
        assert read(source) is None
        return
    assert_read_as_markdown_it_reads(source)


def test_many_fixtures_take_the_line_reader() -> None:
    taken = sum(
        read(p.read_text(encoding="utf-8", errors="replace").replace("\r\n", "\n")) is not None
        for p in FIXTURES
    )
    assert taken > len(FIXTURES) // 3


def test_trimmed_characters_are_markdown_its() -> None:
    assert set(_TRIM) == set(MD_TRIM_CHARS)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="|\\ab \t", max_size=20))
def test_cells_split_as_markdown_it_splits_them(text: str) -> None:
    assert _split_cells(text) == escapedSplit(text)


_WORD = st.sampled_from(
    [
        "지원",
        "동기",
        "합니다.",
        "a",
        " ",
        "  ",
        "\t",
        "|",
        "\\|",
        "#",
        "##",
        "-",
        "*",
        "**",
        "_",
        "+",
        "1.",
        "2)",
        "1.5",
        ":",
        "]:",
        "[",
        "`",
        "~",
        "=",
        "<!-- 메모 -->",
        "<!--",
        "-->",
        "\u3000",
        "\u00a0",
        "(500자)",
        "\\",
        "\u1100\u1161\u11a8",  # NFD 각
        "😀",
        "&amp;",
        "[링크](https://x.kr)",
        "<br>",
        "`코드`",
        "\u200b",
    ]
)
_TEXT = st.lists(_WORD, min_size=1, max_size=5).map("".join)
_LINE = st.one_of(
    _TEXT,
    st.tuples(st.sampled_from(["#", "##", "######", "#######"]), _TEXT).map(" ".join),
    st.tuples(st.sampled_from(["-", "*", "+", "1.", "2.", "3)", "10."]), _TEXT).map(" ".join),
    st.tuples(st.sampled_from([">", "> ", ">>", "> >", ">\t"]), _TEXT).map("".join),
    st.sampled_from(["---", "***", "___", "- - -", "--", "===", "", " ", "\t"]),
    st.lists(_TEXT, min_size=1, max_size=3).map(lambda cells: "| " + " | ".join(cells) + " |"),
    st.sampled_from(["| --- | --- |", "|:-:|--|", "| - |", "--- | ---", "|---|---|---|"]),
)
_DOCUMENT = st.lists(_LINE, max_size=12).map("\n".join)


@settings(max_examples=1500, deadline=None)
@given(_DOCUMENT)
def test_generated_markdown_is_read_as_markdown_it_reads_it(text: str) -> None:
    assert_read_as_markdown_it_reads(text)


def test_flanking_helpers_are_markdown_its_on_every_code_point() -> None:
    from markdown_it.common.utils import isMdAsciiPunct, isPunctChar, isWhiteSpace

    from essaylint.reading.spans import _WHITE_SPACE, _is_punctuation

    for code in range(0x110000):
        char = chr(code)
        assert (char in _WHITE_SPACE) == isWhiteSpace(code), hex(code)
        assert _is_punctuation(char) == (isMdAsciiPunct(code) or isPunctChar(char)), hex(code)


def test_an_essay_of_common_blocks_is_linted_without_importing_markdown_it() -> None:
    """markdown-it is ~40 ms of start-up; a run that never needs it must not pay for it."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from essaylint import lint_text\n"
        f"lint_text({ESSAY!r})\n"
        "assert 'markdown_it' not in sys.modules, 'imported'\n"
        "lint_text('```\\n코드 블록은 markdown-it이 읽는다\\n```')\n"
        "assert 'markdown_it' in sys.modules, 'not imported'\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


_CELL = st.lists(_WORD, max_size=3).map("".join)
_ESSAY_BLOCK = st.one_of(
    st.tuples(st.integers(1, 6), _TEXT).map(lambda p: "#" * p[0] + " " + p[1]),
    st.lists(_TEXT, min_size=1, max_size=3).map("\n".join),
    st.tuples(
        st.sampled_from(["- ", "* ", "1. ", "2) "]), st.lists(_TEXT, min_size=1, max_size=3)
    ).map(lambda p: "\n".join(p[0] + item for item in p[1])),
    st.tuples(st.integers(1, 3), st.lists(st.lists(_CELL, min_size=1, max_size=4), max_size=3)).map(
        lambda p: "\n".join(
            ["| " + " | ".join(f"h{i}" for i in range(p[0])) + " |", "|" + "---|" * p[0]]
            + ["| " + " | ".join(row) + " |" for row in p[1]]
        )
    ),
    st.sampled_from(["---", "***", "<!-- 메모 -->", "<!--\n여러 줄\n\n주석 -->"]),
    st.lists(st.one_of(_TEXT, st.just("")), min_size=1, max_size=4).map(
        lambda rows: "\n".join(("> " + row) if row else ">" for row in rows)
    ),
)
_ESSAY = st.tuples(
    st.lists(_ESSAY_BLOCK, min_size=1, max_size=8), st.sampled_from(["\n\n", "\n", "\n\n\n"])
).map(lambda p: p[1].join(p[0]))


@settings(max_examples=500, deadline=None)
@given(_ESSAY)
def test_generated_essays_of_common_blocks_are_read_as_markdown_it_reads_them(text: str) -> None:
    """Blocks as essays arrange them (one after another, with or without blank lines)."""
    assert_read_as_markdown_it_reads(text)

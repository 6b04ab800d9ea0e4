"""Answer text extraction and column mapping (essaylint.document).

What a reader sees is answer text: markup (emphasis markers, URLs, list markers, table pipes,
comments) is not. Every character keeps the original line and column it came from, including
NFD (macOS) input, where one NFC syllable is two or three code points of the file.
"""

from __future__ import annotations

import unicodedata

import pytest

from essaylint.config import Settings
from essaylint.document import DocumentError, build_document
from essaylint.model import Section
from essaylint.runner import lint_source
from essaylint.source import decode


def _answer(body: str, title: str = "## 1. 지원 동기 (500자)") -> Section:
    document = build_document(f"{title}\n{body}")
    (question,) = document.questions()
    return question


def _col_of(line: str, needle: str, start: int = 0) -> int:
    """1-based column of `needle` in an original line."""
    index = line.index(needle, start)
    return index + 1


# --- what is answer text ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "text"),
    [
        pytest.param(
            "저는 **꼼꼼한** *성실한* __차분한__ 개발자입니다.\n",
            "저는 꼼꼼한 성실한 차분한 개발자입니다.",
            id="emphasis",
        ),
        pytest.param(
            "[카카오 기술 블로그](https://tech.kakao.com/blog)를 읽고 지원했습니다.\n",
            "카카오 기술 블로그를 읽고 지원했습니다.",
            id="link-text-kept-url-dropped",
        ),
        pytest.param(
            "[참고 자료][1]를 보고 정리했습니다.\n\n[1]: https://example.com/ref\n",
            "참고 자료를 보고 정리했습니다.",
            id="reference-link",
        ),
        pytest.param(
            "포트폴리오: <https://github.com/example>\n",
            "포트폴리오: https://github.com/example",
            id="autolink-is-visible-text",
        ),
        pytest.param(
            "![팀 사진](images/team.png) 사진 속 왼쪽이 저입니다.\n",
            " 사진 속 왼쪽이 저입니다.",
            id="image-url-and-alt-dropped",
        ),
        pytest.param(
            "앞 문장입니다. <!-- 나중에 고칠 것 --> 뒤 문장입니다.\n",
            "앞 문장입니다.  뒤 문장입니다.",
            id="inline-comment",
        ),
        pytest.param(
            "<!--\n여러 줄 주석은\n세지 않습니다\n-->\n본문입니다.\n",
            "본문입니다.",
            id="block-comment",
        ),
        pytest.param(
            "- 첫째 항목\n* 둘째 항목\n\n1. 번호 하나\n2) 번호 둘\n",
            "첫째 항목\n둘째 항목\n번호 하나\n번호 둘",
            id="list-markers",
        ),
        pytest.param(
            "| 기간 | 역할 |\n|---|:---:|\n| 2023년 | 팀장 |\n| 2024년 | 개발 |\n",
            "기간 역할\n2023년 팀장\n2024년 개발",
            id="table-pipes",
        ),
        pytest.param(
            "> ### 인용한 제목\n> 인용한 문장입니다.\n",
            "인용한 제목\n인용한 문장입니다.",
            id="heading-in-quote-is-text",
        ),
        pytest.param(
            "`Redis` 캐시를 썼습니다.\n",
            "Redis 캐시를 썼습니다.",
            id="inline-code-kept",
        ),
        pytest.param(
            "첫 줄입니다.\n둘째 줄입니다.\n\n새 문단입니다.\n",
            "첫 줄입니다.\n둘째 줄입니다.\n새 문단입니다.",
            id="soft-break-is-a-line-break",
        ),
        pytest.param(
            "위 문단입니다.\n\n---\n\n아래 문단입니다.\n",
            "위 문단입니다.\n아래 문단입니다.",
            id="thematic-break",
        ),
        pytest.param(
            "R&amp;D 부서와 &lt;협업&gt;했습니다.\n",
            "R&D 부서와 <협업>했습니다.",
            id="entities",
        ),
        pytest.param(
            "\\[회사명\\] 자리와 \\*별표\\*는 글자입니다.\n",
            "[회사명] 자리와 *별표*는 글자입니다.",
            id="escapes",
        ),
        pytest.param(
            "<div>\n<p>HTML 블록의 <b>글자</b>도 &nbsp;셉니다</p>\n<!-- 주석은 아님 -->\n"
            "<style>p { color: red }</style>\n</div>\n\n본문입니다.\n",
            "HTML 블록의 글자도 \u00a0셉니다\n본문입니다.",
            id="html-block",
        ),
    ],
)
def test_answer_text(body: str, text: str) -> None:
    assert _answer(body).text == text


def test_code_blocks_are_text_marked_as_code() -> None:
    question = _answer('설정 예시입니다.\n\n```toml\ncount = "chars"\n\nnewline = 2\n```\n')
    assert question.text == '설정 예시입니다.\ncount = "chars"\nnewline = 2'
    assert [(s.line, s.col, s.kind) for s in question.spans] == [
        (2, 1, "text"),
        (5, 1, "code"),
        (7, 1, "code"),
    ]


def test_heading_title_drops_markup() -> None:
    document = build_document("## 1. **지원 동기** [카카오](https://kakao.com) (500자)\n답.\n")
    assert document.sections[0].title == "1. 지원 동기 카카오 (500자)"


def test_emphasis_closing_after_punctuation_before_hangul() -> None:
    question = _answer("저는 **'고객 중심'**이라는 말과 **[협업]**을 좋아합니다.\n")
    assert question.text == "저는 '고객 중심'이라는 말과 [협업]을 좋아합니다."


# --- column mapping -------------------------------------------------------------------------

MARKUP_LINE = (
    "저는 **꼼꼼한** 개발자입니다. [카카오](https://kakao.com)에서 `Redis`를 다루고 싶습니다."
)


@pytest.mark.parametrize(
    "word", ["저는", "꼼꼼한", "개발자입니다", "카카오", "에서", "Redis", "를", "싶습니다"]
)
def test_locate_points_at_the_original_column(word: str) -> None:
    question = _answer(MARKUP_LINE + "\n")
    assert question.text == "저는 꼼꼼한 개발자입니다. 카카오에서 Redis를 다루고 싶습니다."
    offset = question.text.index(word)
    expected = _col_of(MARKUP_LINE, word, 3 if word == "카카오" else 0)
    if word == "를":
        expected = _col_of(MARKUP_LINE, "`를") + 1
    assert question.locate(offset) == (2, expected)


def test_locate_on_later_lines_and_parts() -> None:
    text = "## 2. 협업 경험 (700자)\n### 상황\n- 팀원이 **휴학**했습니다.\n### 결과\n> 제때 끝냈습니다.\n"
    document = build_document(text)
    question = document.sections[0]
    assert question.text == "상황\n팀원이 휴학했습니다.\n결과\n제때 끝냈습니다."
    assert question.locate(question.text.index("상황")) == (2, 5)
    assert question.locate(question.text.index("휴학")) == (3, 9)
    assert question.locate(question.text.index("했습니다")) == (3, 13)
    assert question.locate(question.text.index("결과")) == (4, 5)
    assert question.locate(question.text.index("제때")) == (5, 3)
    # One past the end of the text is just past its last character.
    assert question.locate(len(question.text)) == (5, 12)


def test_table_cells_keep_their_columns() -> None:
    question = _answer("| 기간 | 역할 |\n|---|---|\n| 2023년 | 팀장 |\n")
    assert question.locate(question.text.index("역할")) == (2, 8)
    assert question.locate(question.text.index("팀장")) == (4, 11)


@pytest.mark.parametrize("form", ["NFC", "NFD"])
def test_code_span_across_a_line_break(form: str) -> None:
    text = unicodedata.normalize(
        "NFD" if form == "NFD" else "NFC",
        ("## 1. 기술 역량 (500자)\n설정은 `count =\nchars`로 두고 [회사명] 자리를 채웠습니다.\n"),
    )
    lines = text.split("\n")
    question = build_document(text).sections[0]
    assert "".join(question.text.split()) == "설정은count=chars로두고[회사명]자리를채웠습니다."
    assert question.locate(question.text.index("chars")) == (3, 1)
    nfd_ro = unicodedata.normalize(form, "로")
    assert question.locate(question.text.index("로 두고")) == (3, lines[2].index(nfd_ro) + 1)
    assert question.locate(question.text.index("[회사명]")) == (3, lines[2].index("[") + 1)


NFC_ESSAY = (
    "## 1. 지원 동기 (500자)\n"
    "저는 **꼼꼼한** 개발자입니다. [카카오](https://kakao.com)를 좋아합니다.\n"
    "- 한글 자모가 나뉜 파일도 같게 읽어야 합니다.\n"
)


def test_nfd_file_gives_the_same_text_as_its_nfc_twin() -> None:
    nfd = unicodedata.normalize("NFD", NFC_ESSAY)
    assert nfd != NFC_ESSAY
    nfc_doc = build_document(NFC_ESSAY)
    nfd_doc = build_document(decode(nfd.encode("utf-8")).text)
    assert [s.title for s in nfd_doc.walk()] == [s.title for s in nfc_doc.walk()]
    assert [s.text for s in nfd_doc.walk()] == [s.text for s in nfc_doc.walk()]
    assert unicodedata.is_normalized("NFC", nfd_doc.sections[0].text)


@pytest.mark.parametrize(
    "word", ["저는", "꼼꼼한", "개발자입니다", "카카오", "를", "좋아합니다", "자모가"]
)
def test_nfd_columns_point_at_the_original_code_points(word: str) -> None:
    nfd = unicodedata.normalize("NFD", NFC_ESSAY)
    lines = nfd.split("\n")
    question = build_document(nfd).sections[0]
    offset = question.text.index(word)
    line, col = question.locate(offset)
    original = lines[line - 1]
    decomposed = unicodedata.normalize("NFD", word)
    start = 3 if word == "카카오" else 0
    if word == "를":
        start = original.index(")") + 1
    assert col == original.index(decomposed, start) + 1
    # The original slice from that column is the word, once normalised.
    assert unicodedata.normalize("NFC", original[col - 1 : col - 1 + len(decomposed)]) == word


def test_nfd_columns_of_each_syllable() -> None:
    nfd = unicodedata.normalize("NFD", "## 질문\n한글 답변\n")
    question = build_document(nfd).sections[0]
    assert question.text == "한글 답변"
    # 한, 글, 답, 변 are three code points each: columns 1, 4, 8, 11.
    assert [question.locate(i) for i in range(5)] == [(2, 1), (2, 4), (2, 7), (2, 8), (2, 11)]


def test_nfd_span_end_column_is_past_the_last_code_point() -> None:
    nfd = unicodedata.normalize("NFD", "## 질문\n한글\n")
    question = build_document(nfd).sections[0]
    assert question.text == "한글"
    # 한 = 3 code points, 글 = 3 code points: the end column (exclusive) is 7.
    assert question.spans[0].end_col == 7
    assert question.locate(2) == (2, 7)


# --- line endings, BOM, front matter ----------------------------------------------------------

ESSAY = (
    "---\n"
    "company: 카카오\n"
    "count: chars-no-spaces\n"
    "---\n"
    "# 카카오 자기소개서\n"
    "\n"
    "## 1. 지원 동기 (500자)\n"
    "첫 줄입니다.\n"
    "**둘째** 줄입니다.\n"
    "\n"
    "## 2. 입사 후 포부 (300자)\n"
    "포부입니다. <!-- 메모 -->\n"
)


def _shape(text: str) -> list[object]:
    document = build_document(text)
    return [
        document.line_count,
        document.front_matter,
        [(c.line, c.col, c.body) for c in document.comments],
        [
            (s.kind, s.title, s.heading_line, s.text, [(p.line, p.col, p.text) for p in s.spans])
            for s in document.walk()
        ],
    ]


@pytest.mark.parametrize("newline", ["\r\n", "\r"], ids=["crlf", "cr"])
def test_crlf_and_cr_give_the_same_lines_as_lf(newline: str) -> None:
    assert _shape(ESSAY.replace("\n", newline)) == _shape(ESSAY)
    source = decode(ESSAY.replace("\n", newline).encode("utf-8"))
    assert source.lines == ESSAY.split("\n")[:-1]


def test_lf_shape() -> None:
    line_count, front_matter, comments, sections = _shape(ESSAY)
    assert line_count == 12
    assert front_matter == {"company": "카카오", "count": "chars-no-spaces"}
    assert comments == [(12, 8, "메모")]
    assert sections == [
        ("group", "카카오 자기소개서", 5, "", []),
        (
            "question",
            "1. 지원 동기 (500자)",
            7,
            "첫 줄입니다.\n둘째 줄입니다.",
            [(8, 1, "첫 줄입니다."), (9, 3, "둘째 줄입니다.")],
        ),
        ("question", "2. 입사 후 포부 (300자)", 11, "포부입니다. ", [(12, 1, "포부입니다. ")]),
    ]


def test_bom_is_handled_by_source_decode() -> None:
    source = decode(b"\xef\xbb\xbf" + ESSAY.encode("utf-8"))
    assert source.bom
    assert not source.text.startswith("\ufeff")
    assert _shape(source.text) == _shape(ESSAY)


def test_front_matter_lines_are_not_answer_text() -> None:
    document = build_document("---\ntitle: 자기소개서\n---\n## 질문\n답변입니다.\n")
    assert document.front_matter == {"title": "자기소개서"}
    assert document.preamble == ()
    assert [(s.heading_line, s.text) for s in document.walk()] == [(4, "답변입니다.")]


def test_empty_front_matter_is_an_empty_table() -> None:
    assert build_document("---\n---\n## 질문\n답.\n").front_matter == {}


@pytest.mark.parametrize(
    "front_matter",
    [
        pytest.param("company: [카카오\n", id="unclosed-list"),
        pytest.param("company: 카카오\n  count: words\n", id="bad-indent"),
        pytest.param("company: 카카오\ncompany: 네이버: 라인\n", id="colon-in-value"),
    ],
)
def test_malformed_front_matter_raises_one_line(front_matter: str) -> None:
    text = f"---\n{front_matter}---\n## 1. 지원 동기\n답변입니다.\n"
    with pytest.raises(DocumentError) as info:
        build_document(text)
    message = str(info.value)
    assert message.startswith("front matter")
    assert "\n" not in message
    assert "Traceback" not in message


@pytest.mark.parametrize(
    "block",
    [
        pytest.param("# 자기소개서\n\n## 지원 동기\n\n저는 지원했습니다.\n", id="headings"),
        pytest.param("오늘 정리한 내용입니다.\n다음 주에 다시 봅니다.\n", id="sentences"),
        pytest.param("| 항목 | 내용 |\n|---|---|\n| 이름 | 홍길동 |\n", id="table"),
        pytest.param("- 카카오\n- 네이버\n", id="bullet-list"),
        pytest.param("title: 제목\n## 지원 동기\n저는 지원했습니다.\n", id="key-then-markdown"),
    ],
)
def test_a_markdown_block_between_rules_at_the_top_is_text(block: str) -> None:
    """A note opening with `---` (a thematic break) is Markdown unless the block reads as
    YAML keys: no error, and a question after it is still found."""
    document = build_document(f"---\n{block}---\n\n## 입사 후 포부 (500자)\n\n열심히 하겠습니다.\n")
    assert document.front_matter == {}
    assert "입사 후 포부 (500자)" in [s.title for s in document.questions()]


def test_malformed_front_matter_is_the_files_error_in_lint_source() -> None:
    text = "---\ncompany: [카카오\n---\n## 1. 지원 동기\n답변입니다.\n"
    result = lint_source(decode(text.encode()), "essay.md", Settings())
    assert result.error is not None
    assert result.error.startswith("front matter")
    assert "\n" not in result.error
    assert result.findings == []


def test_comments_are_collected_with_their_positions() -> None:
    text = "## 질문\n<!-- essaylint-disable EL201 -->\n답변 <!-- 인라인 --> 입니다.\n<!--\n여러 줄\n-->\n"
    document = build_document(text)
    assert [(c.line, c.end_line, c.col, c.body) for c in document.comments] == [
        (2, 2, 1, "essaylint-disable EL201"),
        (3, 3, 4, "인라인"),
        (4, 6, 1, "여러 줄"),
    ]


def test_comment_openers_without_a_close_are_not_comments() -> None:
    """Thousands of `<!--` with no `-->` after them (once minutes: every opener scanned to
    the end); the comments before the last `-->` are still found, on their own lines."""
    text = (
        "# 지원 동기 (100자)\n\n<!-- essaylint: limit=50 -->\n<!-- 메모\n둘째 줄 -->\n"
        + "<!--" * 20000
    )
    doc = build_document(text)
    assert [(c.line, c.end_line, c.col, c.body) for c in doc.comments] == [
        (3, 3, 1, "essaylint: limit=50"),
        (4, 5, 1, "메모\n둘째 줄"),
    ]
    assert doc.sections[0].limit is not None and doc.sections[0].limit.max == 50

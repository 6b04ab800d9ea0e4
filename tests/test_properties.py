"""Properties of the whole pipeline on arbitrary Markdown-ish essays (hypothesis).

Documents are built from headings (levels 1-4, Korean/ASCII titles, sometimes with a limit),
paragraphs with inline markup, lists, tables, comments, quotes and code, then written as NFC or
NFD and with LF or CRLF. For every document: `lint_source` never raises; findings point inside
the file; counts and the score do not depend on normalisation or line endings; suppressing every
finding with `<!-- essaylint-disable-file -->` changes neither counts nor the score. Also: a
finding whose message quotes text ('OOO') spans exactly that text; CR-only and mixed line
endings, a UTF-8 BOM and UTF-16 give the same results; `<!-- essaylint-disable -->` at the top
or ignoring every rule changes neither counts nor the score.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal, cast

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from essaylint.linting.results import FileResult
from essaylint.linting.typos import builtin_matcher
from essaylint.reading.document import build_document
from essaylint.reading.source import decode
from essaylint.running.config import Settings
from essaylint.running.fixes import fix_source
from essaylint.running.runner import lint_source

KOREAN_WORDS = (
    "지원",
    "동기",
    "입사",
    "후",
    "포부",
    "성장",
    "과정",
    "협업",
    "경험",
    "저는",
    "꼼꼼한",
    "개발자입니다",
    "카카오",
    "네이버",
    "인재상",
    "핵심",
    "가치",
    "메모",
    "면접",
    "자기소개서",
    "상황",
    "행동",
    "결과",
    "작성해",
    "주세요",
    "무엇인가요",
    "했습니다",
    "작성 중",
    "OO대학교",
    "OOO",
    "[회사명]",
    "{{직무}}",
    "TODO",
    "…",
    "읽고",
    "쓰기",
    "값",
    "뷁",
)
ASCII_WORDS = (
    "Redis",
    "Kafka",
    "Why",
    "Core",
    "values",
    "Notes",
    "API",
    "3년",
    "2025",
    "Q1.",
    "100%",
    "e.g.",
)
word = st.one_of(
    st.sampled_from(KOREAN_WORDS),
    st.sampled_from(ASCII_WORDS),
    st.text(
        # No lone backtick: a code span across a line break is a known bug, see
        # test_document.py::test_code_span_across_a_line_break.
        alphabet=st.sampled_from("가나다한글뷁ㅇabcXO019 .,!?*_[]()<>#|-~&;:\\'\"\t"),
        min_size=1,
        max_size=6,
    ),
)


@st.composite
def phrase(draw: st.DrawFn, max_words: int = 8) -> str:
    words = draw(st.lists(word, min_size=1, max_size=max_words))
    out: list[str] = []
    for item in words:
        markup = draw(st.sampled_from(("", "", "", "**", "*", "`", "link", "image", "comment")))
        if markup == "link":
            item = f"[{item}](https://example.com/{len(item)})"
        elif markup == "image":
            item = f"![{item}](img/{len(item)}.png)"
        elif markup == "comment":
            item = f"{item} <!-- 메모 -->"
        elif markup:
            item = f"{markup}{item}{markup}"
        out.append(item)
    return " ".join(out)


@st.composite
def heading(draw: st.DrawFn) -> str:
    level = draw(st.integers(1, 4))
    title = draw(phrase(max_words=4))
    number = draw(st.sampled_from(("", "1. ", "2) ", "Q3. ")))
    suffix = draw(
        st.sampled_from(
            ("", "", " (500자)", " (1,000자 이내)", " (공백 제외 300자)", "?", " [20자]")
        )
    )
    if draw(st.booleans()) and level <= 2 and "\n" not in title:
        underline = "=" if level == 1 else "-"
        return f"{number}{title}{suffix}\n{underline * 3}"
    return f"{'#' * level} {number}{title}{suffix}"


@st.composite
def block(draw: st.DrawFn) -> str:
    kind = draw(
        st.sampled_from(
            (
                "heading",
                "heading",
                "paragraph",
                "paragraph",
                "list",
                "table",
                "comment",
                "quote",
                "code",
                "rule",
                "directive",
            )
        )
    )
    if kind == "heading":
        return draw(heading())
    if kind == "paragraph":
        return "\n".join(draw(st.lists(phrase(), min_size=1, max_size=3)))
    if kind == "list":
        marker = draw(st.sampled_from(("-", "*", "1.", "2)")))
        items = draw(st.lists(st.one_of(phrase(), st.just("")), min_size=1, max_size=4))
        return "\n".join(f"{marker} {item}".rstrip() for item in items)
    if kind == "table":
        rows = draw(st.lists(st.tuples(phrase(2), phrase(2)), min_size=1, max_size=3))
        lines = [f"| {a} | {b} |" for a, b in rows]
        return "\n".join([lines[0], "|---|---|", *lines[1:]])
    if kind == "comment":
        body = draw(st.sampled_from(("메모", "나중에 고치기\n둘째 줄", "TODO: 다듬기")))
        return f"<!-- {body} -->"
    if kind == "quote":
        return "\n".join(f"> {line}" for line in draw(st.lists(phrase(), min_size=1, max_size=2)))
    if kind == "code":
        return "```\n" + "\n".join(draw(st.lists(phrase(3), max_size=2))) + "\n```"
    if kind == "rule":
        return "***"
    return draw(
        st.sampled_from(
            (
                "<!-- essaylint: limit=300 -->",
                "<!-- essaylint: limit=50 count=chars-no-spaces -->",
                "<!-- essaylint-disable-next-line -->",
                "<!-- essaylint-disable EL103 -->",
                "<!-- essaylint-enable -->",
            )
        )
    )


@st.composite
def essay(draw: st.DrawFn) -> str:
    blocks = draw(st.lists(block(), min_size=1, max_size=12))
    separators = [draw(st.sampled_from(("\n", "\n\n", "\n\n"))) for _ in blocks]
    text = "".join(b + s for b, s in zip(blocks, separators, strict=True))
    if draw(st.booleans()):
        text = text.rstrip("\n")
    return text


SETTINGS = Settings()
PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _lint(text: str, newline: str = "\n", form: str = "NFC") -> FileResult:
    text = unicodedata.normalize(form, text).replace("\n", newline)
    return lint_source(decode(text.encode("utf-8")), "essay.md", SETTINGS)


def _shape(result: FileResult) -> list[tuple[object, ...]]:
    return [(s.kind, s.line, s.title, s.count, s.limit, s.mode, s.state) for s in result.sections]


@PROPERTY
@given(essay(), st.sampled_from(("\n", "\r\n")), st.sampled_from(("NFC", "NFD")))
def test_lint_never_raises_and_findings_point_inside_the_file(
    text: str, newline: str, form: str
) -> None:
    raw = unicodedata.normalize(form, text).replace("\n", newline)
    source = decode(raw.encode("utf-8"))
    result = lint_source(source, "essay.md", SETTINGS)
    assert result.error is None, result.error
    lines = source.lines
    for finding in result.findings:
        assert 1 <= finding.line <= len(lines), finding
        assert finding.col >= 1, finding
        assert finding.col <= len(lines[finding.line - 1]) + 1, finding
        assert finding.line <= finding.end_line <= len(lines), finding
        assert finding.end_line > finding.line or finding.end_col >= finding.col, finding
        assert finding.end_col <= len(lines[finding.end_line - 1]) + 1, finding
        assert "\n" not in finding.message
    assert 0.0 <= result.score <= 100.0
    assert 0 <= result.complete <= result.answered <= result.questions


@PROPERTY
@given(essay())
def test_counts_do_not_depend_on_normalisation_or_line_endings(text: str) -> None:
    expected = _lint(text)
    shape = _shape(expected)
    for newline in ("\n", "\r\n"):
        for form in ("NFC", "NFD"):
            variant = _lint(text, newline, form)
            assert _shape(variant) == shape, (newline, form)
            assert variant.score == expected.score
            assert [(f.line, f.code) for f in variant.findings] == [
                (f.line, f.code) for f in expected.findings
            ]


@PROPERTY
@given(essay(), st.sampled_from(("\n", "\r\n")), st.sampled_from(("NFC", "NFD")))
def test_disable_file_hides_every_finding_but_keeps_counts_and_score(
    text: str, newline: str, form: str
) -> None:
    plain = _lint(text, newline, form)
    suppressed = _lint("<!-- essaylint-disable-file -->\n" + text, newline, form)
    assert suppressed.error is None
    assert suppressed.findings == []
    assert suppressed.score == plain.score
    assert (suppressed.questions, suppressed.answered, suppressed.complete) == (
        plain.questions,
        plain.answered,
        plain.complete,
    )
    # The comment line shifts every section down by one line and changes nothing else.
    shifted = [(k, line + 1, *rest) for k, line, *rest in _shape(plain)]
    assert _shape(suppressed) == shifted


@PROPERTY
@given(essay(), st.sampled_from(("NFC", "NFD")))
def test_every_answer_character_comes_from_its_original_column(text: str, form: str) -> None:
    raw = unicodedata.normalize(form, text)
    lines = raw.split("\n")
    document = build_document(raw)
    for section in document.walk():
        assert unicodedata.is_normalized("NFC", section.text)
        for span in (*section.title_spans, *section.spans):
            line = lines[span.line - 1]
            for index, char in enumerate(span.text):
                col = span.column_at(index)
                assert 1 <= col <= len(line), (span, index)
                original = unicodedata.normalize("NFC", line[col - 1 : col + 2])
                assert original.startswith(char), (span, index, line)


# Entries of the built-in typo pack (rules/typos/common.toml) that need no particular context.
FIX_ENTRIES = tuple(entry for entry in builtin_matcher().entries if not entry.context)
TYPO_SETTINGS = Settings(select=("EL301",))


@st.composite
def misspelled_essay(draw: st.DrawFn) -> tuple[str, str]:
    """Korean/ASCII Markdown with known misspellings as words of their own, and the same text
    as `--fix` must leave it: each misspelling replaced by its correction (NFC), nothing else."""
    nfd = draw(st.booleans())  # NFD originals: the corrections are written in NFC

    def shape(text: str) -> str:
        return unicodedata.normalize("NFD", text) if nfd else text

    before: list[str] = []
    after: list[str] = []
    for _ in range(draw(st.integers(1, 6))):
        prefix = draw(st.sampled_from(("## ", "# ", "", "", "- ", "1. ", "> ")))
        for _ in range(1 if prefix.startswith("#") else draw(st.integers(1, 3))):
            wrong_words: list[str] = []
            right_words: list[str] = []
            for _ in range(draw(st.integers(1, 6))):
                if draw(st.integers(0, 2)) == 0:
                    entry = draw(st.sampled_from(FIX_ENTRIES))
                    bold = draw(st.sampled_from(("", "", "**")))
                    wrong_words.append(bold + shape(entry.wrong) + bold)
                    right_words.append(bold + entry.right + bold)
                else:
                    filler = shape(draw(st.sampled_from(KOREAN_WORDS + ASCII_WORDS)))
                    wrong_words.append(filler)
                    right_words.append(filler)
            before.append(prefix + " ".join(wrong_words))
            after.append(prefix + " ".join(right_words))
        before.append("")
        after.append("")
    endings = [draw(st.sampled_from(("\n", "\r\n", "\r"))) for _ in before]
    return (
        "".join(line + end for line, end in zip(before, endings, strict=True)),
        "".join(line + end for line, end in zip(after, endings, strict=True)),
    )


@PROPERTY
@given(misspelled_essay())
def test_fixing_known_typos_changes_exactly_the_misspelled_words(case: tuple[str, str]) -> None:
    text, expected = case
    source = decode(text.encode("utf-8"))
    outcome = fix_source(source, "essay.md", TYPO_SETTINGS)
    assert outcome.result.error is None, outcome.result.error
    assert outcome.text == expected
    assert outcome.data == expected.encode("utf-8")
    assert outcome.result.findings == []  # checked again: no EL301 finding is left anywhere
    again = lint_source(decode(outcome.data), "essay.md", TYPO_SETTINGS)
    assert again.findings == []


# --- what a finding names, other encodings, suppression (hostile-input task) -------------------

# Rules that need no language model, plus the ones a setting turns on, so every quoting rule runs.
QUOTE_SETTINGS = Settings(ignore=("model",), extend_select=("EL404",), blind=True, company="kakao")
FAST = Settings(ignore=("model",))
IGNORE_ALL = Settings(ignore=("model", "EL"))
FEW = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
QUOTED = re.compile(r"'([^']+)'")
# Text that findings quote: placeholders (EL103), another company (EL403, the target being
# 카카오), a school name (EL404 with blind hiring), and known misspellings (EL301) below.
NAMED = (
    "OOO",
    "XXX",
    "[회사명]",
    "{{직무}}",
    "저는 네이버에 입사하여 일하고 싶습니다.",
    "저는 서울대학교를 졸업했습니다.",
)
TYPOS = tuple(entry.wrong for entry in builtin_matcher().entries if not entry.context)


@st.composite
def named_line(draw: st.DrawFn) -> str:
    """A line whose words include text some rule quotes, in any block and markup."""
    words = [draw(phrase(3))]
    for _ in range(draw(st.integers(1, 3))):
        item = draw(st.one_of(st.sampled_from(NAMED), st.sampled_from(TYPOS)))
        markup = draw(st.sampled_from(("", "", "**", "*", "_", "`", "link")))
        if markup == "link":
            words.append(f"[{item}](https://example.com/{len(item)})")
        else:
            words.append(f"{markup}{item}{markup}")
        words.append(draw(st.sampled_from(KOREAN_WORDS)))
    line = " ".join(words)
    shape = draw(st.sampled_from(("", "", "- ", "1. ", "> ", "| ", "##", "## ")))
    if shape == "| ":
        return f"| {line} | 셀 |\n|---|---|"
    if shape == "##":  # a heading with no space after the hashes (EL105 quotes the hashes)
        return f"##{draw(st.sampled_from(KOREAN_WORDS))} {line}"
    return shape + line


@st.composite
def named_essay(draw: st.DrawFn) -> str:
    blocks = draw(st.lists(st.one_of(block(), named_line(), named_line()), min_size=1, max_size=10))
    return "".join(b + draw(st.sampled_from(("\n", "\n\n"))) for b in blocks)


Form = Literal["NFC", "NFD"]


def _write(text: str, newline: str, form: Form) -> str:
    return unicodedata.normalize(form, text).replace("\n", newline)


@FEW
@given(named_essay(), st.sampled_from(("\n", "\r\n", "\r")), st.sampled_from(("NFC", "NFD")))
def test_a_finding_that_quotes_text_points_at_that_text(
    text: str, newline: str, form: Form
) -> None:
    """Every finding lies inside the file, and one whose message quotes text ('OOO', '역활' →
    '역할') spans exactly that text in the original file, modulo NFC."""
    source = decode(_write(text, newline, form).encode("utf-8"))
    result = lint_source(source, "essay.md", QUOTE_SETTINGS)
    assert result.error is None, result.error
    lines = source.lines
    for finding in result.findings:
        assert 1 <= finding.line <= finding.end_line <= len(lines), finding
        assert 1 <= finding.col <= len(lines[finding.line - 1]) + 1, finding
        assert finding.end_col <= len(lines[finding.end_line - 1]) + 1, finding
        quoted = QUOTED.search(finding.message)
        if quoted is None or finding.end_line != finding.line or finding.end_col == finding.col:
            continue  # a whole-answer finding (at the heading) or one that quotes nothing
        span = lines[finding.line - 1][finding.col - 1 : finding.end_col - 1]
        assert unicodedata.normalize("NFC", span) == unicodedata.normalize("NFC", quoted[1]), (
            finding,
            lines[finding.line - 1],
        )


@st.composite
def mixed_endings(draw: st.DrawFn, text: str) -> str:
    """`text` with each line break drawn from LF, CRLF and CR, never merging two into one."""
    lines = text.split("\n")
    out: list[str] = []
    previous = ""
    for index, line in enumerate(lines):
        out.append(line)
        if index == len(lines) - 1:
            break
        choices = ("\r\n", "\r") if previous == "\r" and line == "" else ("\n", "\r\n", "\r")
        previous = draw(st.sampled_from(choices))
        out.append(previous)
    return "".join(out)


@FEW
@given(essay(), st.data())
def test_counts_and_findings_do_not_depend_on_encoding_or_mixed_line_endings(
    text: str, data: st.DataObject
) -> None:
    """Beyond LF/CRLF and NFC/NFD: CR only, mixed endings, a UTF-8 BOM, UTF-16 LE and BE."""
    expected = lint_source(decode(text.encode("utf-8")), "essay.md", FAST)
    mixed = data.draw(mixed_endings(text))
    variants = {
        "cr": text.replace("\n", "\r").encode("utf-8"),
        "mixed": mixed.encode("utf-8"),
        "utf-8-bom": b"\xef\xbb\xbf" + text.encode("utf-8"),
        "utf-16-le": b"\xff\xfe" + text.replace("\n", "\r\n").encode("utf-16-le"),
        "utf-16-be": b"\xfe\xff" + mixed.encode("utf-16-be"),
    }
    for name, raw in variants.items():
        variant = lint_source(decode(raw), "essay.md", FAST)
        assert variant.error is None, (name, variant.error)
        assert _shape(variant) == _shape(expected), name
        assert variant.score == expected.score, name
        assert [(f.line, f.col, f.end_line, f.end_col, f.code) for f in variant.findings] == [
            (f.line, f.col, f.end_line, f.end_col, f.code) for f in expected.findings
        ], name


@FEW
@given(essay(), st.sampled_from(("\n", "\r\n")), st.sampled_from(("NFC", "NFD")))
def test_score_is_the_same_with_disable_at_the_top_or_every_rule_ignored(
    text: str, newline: str, form: Form
) -> None:
    plain = lint_source(decode(_write(text, newline, form).encode()), "essay.md", FAST)
    assert 0.0 <= plain.score <= 100.0
    counts = (plain.score, plain.questions, plain.answered, plain.complete)

    top = "<!-- essaylint-disable -->\n" + text
    disabled = lint_source(decode(_write(top, newline, form).encode()), "essay.md", FAST)
    assert disabled.error is None, disabled.error
    assert (disabled.score, disabled.questions, disabled.answered, disabled.complete) == counts
    assert _shape(disabled) == [(k, cast(int, line) + 1, *rest) for k, line, *rest in _shape(plain)]
    if "essaylint-enable" not in text:  # an enable comment ends the disable
        assert disabled.findings == []

    ignored = lint_source(decode(_write(text, newline, form).encode()), "essay.md", IGNORE_ALL)
    assert ignored.findings == []
    assert (ignored.score, ignored.questions, ignored.answered, ignored.complete) == counts
    assert _shape(ignored) == _shape(plain)

"""EL301 known-typo on hand-built documents (exact places, messages and fixes) and on Markdown."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from essaylint.document import build_document
from essaylint.model import Document, Section, Span, join_spans
from essaylint.plugin import Edit, Hit, RuleContext
from essaylint.plugins.el301_known_typo import RULE, Options, check
from essaylint.typos import PackError


def _ctx(base_dir: Path | None = None) -> RuleContext:
    return RuleContext(
        "essay.md",
        count_text=lambda text, mode: len(text),
        default_mode="chars",
        limit_for=lambda section: None,
        base_dir=base_dir,
    )


def _section(
    spans: tuple[Span, ...],
    *,
    title: str = "1. 지원 동기",
    heading_line: int = 1,
    title_spans: tuple[Span, ...] | None = None,
    children: tuple[Section, ...] = (),
) -> Section:
    text, offsets = join_spans(spans)
    if title_spans is None:
        title_spans = (Span(heading_line, 4, title, kind="heading"),)
    return Section(
        title=title,
        level=2,
        heading_line=heading_line,
        end_line=max([heading_line, *(span.line for span in spans)]),
        kind="question",
        spans=spans,
        children=children,
        title_spans=title_spans,
        text=text,
        offsets=offsets,
    )


def _run(doc: Document, opts: Options | None = None, base_dir: Path | None = None) -> list[Hit]:
    return list(check(doc, opts or Options(), _ctx(base_dir)))


def _where(hits: list[Hit]) -> list[tuple[int, int, int | None, str]]:
    return [(hit.line, hit.col, hit.end_col, hit.message) for hit in hits]


def test_rule_metadata() -> None:
    assert RULE.code == "EL301"
    assert RULE.name == "known-typo"
    assert RULE.severity == "error"
    assert RULE.fixable is True
    assert RULE.tags == ("spelling",)
    assert RULE.options is Options
    assert Options() == Options(packs=(), builtin=True)
    for heading in ("What it flags", "Why it matters", "Example", "Instead", "Fix"):
        assert f"## {heading}\n" in RULE.doc
    assert "## False positives\n" in RULE.doc


def test_exact_hit_message_suggestion_and_fix() -> None:
    section = _section((Span(3, 1, "학생회에서 팀장 역활을 맡았습니다."),))
    (hit,) = _run(Document(sections=(section,)))
    assert hit == Hit(
        3,
        10,
        "'역활' → '역할'",
        section=section,
        end_line=3,
        end_col=12,
        suggestion="역할",
        fix=Edit(3, 10, 3, 12, "역할", safe=True),
    )


def test_span_column_offset_is_added() -> None:
    # "- 팀장 역활을 ..." as a list item: the span starts at column 3.
    section = _section((Span(5, 3, "팀장 역활을 맡았습니다."),))
    (hit,) = _run(Document(sections=(section,)))
    assert (hit.line, hit.col, hit.end_col) == (5, 6, 8)
    assert hit.fix == Edit(5, 6, 5, 8, "역할")


def test_several_hits_in_order_with_multi_word_message_as_written() -> None:
    section = _section(
        (
            Span(3, 1, "예를  글면 몇일 동안 준비했고 잘 됬습니다."),
            Span(4, 1, "이제 어떻해요?"),
        )
    )
    hits = _run(Document(sections=(section,)))
    assert _where(hits) == [
        (3, 1, 7, "'예를  글면' → '예를 들면'"),
        (3, 8, 10, "'몇일' → '며칠'"),
        (3, 21, 22, "'됬' → '됐'"),
        (4, 4, 7, "'어떻해' → '어떡해'"),
    ]
    assert [hit.suggestion for hit in hits] == ["예를 들면", "며칠", "됐", "어떡해"]
    assert hits[0].fix == Edit(3, 1, 3, 7, "예를 들면")


def test_nfd_span_with_non_contiguous_cols() -> None:
    original = unicodedata.normalize("NFD", "팀장 역활을 맡았습니다.")
    text = unicodedata.normalize("NFC", original)
    cols: list[int] = []
    ends: list[int] = []
    column = 1
    for char in text:
        cols.append(column)
        column += len(unicodedata.normalize("NFD", char))
        ends.append(column)
    span = Span(7, 1, text, cols=tuple(cols), end_cols=tuple(ends))
    assert column - 1 == len(original)
    (hit,) = _run(Document(sections=(_section((span,)),)))
    # 팀(3) 장(3) space(1) -> 역 starts at column 8; 역(3) 활(3) -> ends before column 14.
    assert (hit.line, hit.col, hit.end_col) == (7, 8, 14)
    assert hit.message == "'역활' → '역할'"
    assert hit.fix == Edit(7, 8, 7, 14, "역할", safe=True)
    assert hit.end_col is not None
    assert original[hit.col - 1 : hit.end_col - 1] == unicodedata.normalize("NFD", "역활")


def test_nfd_hit_at_the_end_of_a_span_covers_the_whole_last_syllable() -> None:
    original = unicodedata.normalize("NFD", "팀장 역활")
    text = unicodedata.normalize("NFC", original)
    cols = (1, 4, 7, 8, 11)  # 팀 장 space 역 활; 활 is 3 code points: columns 11-13
    span = Span(2, 1, text, cols=cols, end_cols=(4, 7, 8, 11, 14))
    (hit,) = _run(Document(sections=(_section((span,)),)))
    assert (hit.col, hit.end_col) == (8, 14)
    assert hit.end_col is not None
    assert original[hit.col - 1 : hit.end_col - 1] == unicodedata.normalize("NFD", "역활")


def test_hit_across_removed_markup_is_reported_without_a_fix() -> None:
    # "역*활*을": the emphasis markers sit between the two syllables of the hit.
    span = Span(3, 1, "역활을", cols=(1, 3, 5))
    (hit,) = _run(Document(sections=(_section((span,)),)))
    assert (hit.col, hit.end_col, hit.message) == (1, 4, "'역활' → '역할'")
    assert hit.fix is None
    assert hit.suggestion == "역할"


def test_markup_outside_the_hit_keeps_the_fix() -> None:
    # "**역활**을 맡았다": the span text "역활을 맡았다" starts at column 3, markers around.
    span = Span(3, 3, "역활을 맡았다", cols=(3, 4, 7, 8, 9, 10, 11))
    (hit,) = _run(Document(sections=(_section((span,)),)))
    assert hit.fix == Edit(3, 3, 3, 5, "역할")


def test_code_spans_are_skipped() -> None:
    section = _section(
        (
            Span(3, 1, "변수 이름은 ", sep="\n"),
            Span(3, 8, "역활", kind="code", sep=""),
            Span(3, 12, " 입니다. 몇일 걸렸습니다.", sep=""),
        )
    )
    assert _where(_run(Document(sections=(section,)))) == [(3, 18, 20, "'몇일' → '며칠'")]


def test_title_spans_and_preamble_are_checked() -> None:
    child = _section(
        (Span(6, 1, "깨끗히 정리했습니다."),),
        title="팀에서 맡은 역활",
        heading_line=5,
        title_spans=(Span(5, 5, "팀에서 맡은 역활", kind="heading"),),
    )
    parent = _section(
        (Span(3, 1, "본문에는 오류가 없습니다."),),
        title="2. 성격의 장단점",
        heading_line=2,
        title_spans=(Span(2, 4, "2. 성격의 장단점", kind="heading"),),
        children=(child,),
    )
    doc = Document(sections=(parent,), preamble=(Span(1, 1, "오랫만에 쓰는 자기소개서"),))
    hits = _run(doc)
    assert _where(hits) == [
        (1, 1, 4, "'오랫만' → '오랜만'"),
        (5, 12, 14, "'역활' → '역할'"),
        (6, 1, 4, "'깨끗히' → '깨끗이'"),
    ]
    assert [hit.section for hit in hits] == [None, child, child]


def test_every_section_kind_is_checked() -> None:
    base = _section((Span(3, 1, "역활"),))
    for kind in ("question", "group", "reference"):
        section = Section(**{**{f: getattr(base, f) for f in base.__slots__}, "kind": kind})
        assert len(_run(Document(sections=(section,)))) == 1, kind


def test_a_typo_in_an_answer_part_is_reported_once_for_its_question() -> None:
    """STAR parts are the question's answer: one finding, named by the question, not the part."""
    text = (
        "## 갈등을 해결한 경험을 서술해 주세요 (800자)\n\n### 상황\n\n제 역활은 조율이었습니다.\n"
    )
    found = _run(build_document(text))
    assert [(hit.line, hit.col) for hit in found] == [(5, 3)]
    assert found[0].section is not None and found[0].section.kind == "question"


def test_builtin_can_be_turned_off() -> None:
    doc = Document(sections=(_section((Span(3, 1, "역활"),)),))
    assert _run(doc, Options(builtin=False)) == []


USER_PACK = """
[pack]
name = "mine"
[[entry]]
wrong = "카카오뱅크스"
right = "카카오뱅크"
note = "회사 이름"
flag = ["카카오뱅크스에 지원합니다"]
keep = ["카카오뱅크에 지원합니다"]
"""


def test_user_pack_relative_to_base_dir(tmp_path: Path) -> None:
    (tmp_path / "packs").mkdir()
    (tmp_path / "packs" / "mine.toml").write_text(USER_PACK, encoding="utf-8")
    doc = Document(sections=(_section((Span(3, 1, "카카오뱅크스에 지원한 역활"),)),))
    hits = _run(doc, Options(packs=("packs/mine.toml",)), base_dir=tmp_path)
    assert _where(hits) == [
        (3, 1, 7, "'카카오뱅크스' → '카카오뱅크'"),
        (3, 13, 15, "'역활' → '역할'"),
    ]
    only_user = _run(doc, Options(packs=("packs/mine.toml",), builtin=False), base_dir=tmp_path)
    assert _where(only_user) == [(3, 1, 7, "'카카오뱅크스' → '카카오뱅크'")]


def test_user_pack_absolute_path_and_reload_on_change(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(USER_PACK, encoding="utf-8")
    doc = Document(sections=(_section((Span(3, 1, "카카오뱅크스"),)),))
    opts = Options(packs=(str(path),), builtin=False)
    assert len(_run(doc, opts)) == 1
    path.write_text(USER_PACK.replace("카카오뱅크스", "카카오뱅큐"), encoding="utf-8")
    assert _run(doc, opts) == []


def test_bad_user_pack_raises_one_line_pack_error(tmp_path: Path) -> None:
    (tmp_path / "my-typos.toml").write_text(
        USER_PACK.replace('right = "카카오뱅크"\n', ""), encoding="utf-8"
    )
    doc = Document(sections=(_section((Span(3, 1, "역활"),)),))
    with pytest.raises(
        PackError, match=r"^rules\.known-typo\.packs: my-typos\.toml: entry 1: 'right' is missing$"
    ):
        _run(doc, Options(packs=("my-typos.toml",)), base_dir=tmp_path)
    with pytest.raises(PackError, match=r"^rules\.known-typo\.packs: nothing\.toml: cannot read: "):
        _run(doc, Options(packs=("nothing.toml",)), base_dir=tmp_path)


def test_options_validate() -> None:
    Options(packs=("a.toml",)).validate()
    with pytest.raises(ValueError, match=r"^packs: "):
        Options(packs=(" ",)).validate()


# ---- through the Markdown parser --------------------------------------------------------------


def _markdown(text: str) -> list[Hit]:
    from essaylint.document import build_document

    return _run(build_document(text))


def test_markdown_end_to_end() -> None:
    text = (
        "# 자기소개서\n"
        "\n"
        "## 1. 지원 동기 (500자)\n"
        "학생회에서 팀장 역활을 맡아 몇일 동안 행사를 준비했습니다.\n"
        "\n"
        "- 변수 `역활`은 코드라서 괜찮습니다.\n"
        "\n"
        "```\n"
        "역활 몇일 됬다\n"
        "```\n"
        "\n"
        "## 2. 맡은 역활과 성과\n"
        "예를  글면 이렇습니다.\n"
    )
    assert _where(_markdown(text)) == [
        (4, 10, 12, "'역활' → '역할'"),
        (4, 17, 19, "'몇일' → '며칠'"),
        (12, 10, 12, "'역활' → '역할'"),
        (13, 1, 7, "'예를  글면' → '예를 들면'"),
    ]


def test_markdown_nfd_file() -> None:
    line = "학생회에서 팀장 역활을 맡았습니다."
    hits = _markdown(unicodedata.normalize("NFD", f"## 1. 지원 동기\n{line}\n"))
    (hit,) = hits
    original = unicodedata.normalize("NFD", line)
    assert hit.line == 2
    assert hit.fix is not None
    assert hit.end_col is not None
    assert original[hit.col - 1 : hit.end_col - 1] == unicodedata.normalize("NFD", "역활")


def test_docstring_example_fails_and_instead_passes() -> None:
    doc = RULE.doc
    example = doc.split("## Example\n```markdown\n", 1)[1].split("```", 1)[0]
    instead = doc.split("## Instead\n```markdown\n", 1)[1].split("```", 1)[0]
    assert [hit.message for hit in _markdown(example)] == ["'역활' → '역할'", "'몇일' → '며칠'"]
    assert _markdown(instead) == []

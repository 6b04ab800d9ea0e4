"""The speed-ups must give exactly what the plain way gives: TOML packs, answer endings, titles."""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib.resources import files
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import essaylint.reading.spans as spans_module
from essaylint.linting.typos import (
    TypoMatcher,
    _LazyPack,
    builtin_matcher,
    load_builtin_packs,
    parse_pack,
    plain_toml,
)
from essaylint.reading import limits
from essaylint.reading.answers import _PLACEHOLDER_END, _placeholder_ending, find_placeholders
from essaylint.reading.document import build_document
from essaylint.reading.model import Document
from essaylint.reading.parsed import DocumentError
from essaylint.reporters.text import excerpt
from essaylint.values.companies import Company, company_in_title

PACK_TEXT = (files("essaylint.rules") / "typos" / "common.toml").read_text(encoding="utf-8")


def test_builtin_pack_is_read_by_the_fast_reader_as_tomllib_reads_it() -> None:
    fast = plain_toml(PACK_TEXT)
    assert fast is not None
    assert fast == tomllib.loads(PACK_TEXT)
    assert len(fast["entry"]) == len(load_builtin_packs()[0].entries)


@pytest.mark.parametrize(
    "text",
    [
        '[pack]\nname = "a"\n[[entry]]\nwrong = "a\\"b\\\\c"\nflag = ["x", \'y\\z\',]\n',
        "[[entry]]\nkeep = [\n  \"one\",\n\t'two'\n]\nnote = ''\n",
        '# only a comment\n\n[[entry]]\nflag = []\n[[entry]]\nflag = [ "a" , "b" ]\n',
    ],
)
def test_fast_reader_equals_tomllib(text: str) -> None:
    assert plain_toml(text) == tomllib.loads(text)


@pytest.mark.parametrize(
    "text",
    [
        '[[entry]]\nwrong = "a" # trailing comment\n',  # valid TOML, outside the subset
        '[[entry]]\nwrong = "a\\nb"\n',  # an escape other than \\ and \"
        '[[entry]]\r\nwrong = "a"\r\n',  # CRLF
        'wrong = "a"\n',  # a key before any table
        '[[entry]]\nwrong = "a"\nwrong = "b"\n',  # duplicate key: tomllib's error
        '[[entry]]\nflag = [\n  "a"\n  "b"\n]\n',  # missing comma: tomllib's error
        '[[entry]]\nflag = [\n  "a",\n',  # unclosed array
        "[pack]\n[pack]\n",  # table defined twice
        '[[entry]]\nwrong = "a\x01"\n',  # control character
    ],
)
def test_fast_reader_leaves_anything_else_to_tomllib(text: str) -> None:
    assert plain_toml(text) is None


def test_invalid_toml_still_reports_tomllibs_error() -> None:
    with pytest.raises(Exception, match=r"^x\.toml: invalid TOML: "):
        parse_pack('[[entry]]\nwrong = "a"\nwrong = "b"\n', "x.toml")


def test_typo_scan_sees_overlapping_candidates() -> None:
    # The glued "역활" in "역역활을" is a miss; the scan goes on from the next position.
    hits = [
        (m.start, m.end, m.right) for m in builtin_matcher().find("역역활을 맡았고 역활을 했다")
    ]
    assert hits == [(9, 11, "역할")]


@pytest.mark.parametrize(
    "text",
    [
        "가" * 500 + "." * 400,
        "본문입니다. " * 100 + "작성    중",
        "내용 " * 100 + "TODO  .",
        "x" * 300 + " ㅇ",
        "…" * 250,
        "끝" + " " * 300 + "(작성) !",
        "a.b" * 200,
    ],
)
def test_placeholder_ending_matches_a_whole_text_search(text: str) -> None:
    text = text.strip()
    full = _PLACEHOLDER_END.search(text)
    fast = _placeholder_ending(text)
    assert (full and (full.span(), full.group())) == (fast and (fast.span(), fast.group()))


def test_placeholder_gate_keeps_every_kind_of_placeholder() -> None:
    text = "OoO대학교 {{name}} [ 회사명 ] <이름> XXX ㅇㅇㅇ □□□"
    found = [p.text for p in find_placeholders(text)]
    assert found == ["OoO", "{{name}}", "[ 회사명 ]", "<이름>", "XXX", "ㅇㅇㅇ", "□□□"]
    assert list(find_placeholders("OO대학교에서 배운 점")) == []


def test_ascii_line_excerpt_is_one_column_per_character() -> None:
    assert excerpt("plain ascii line", 6, 11) == ("plain ascii line", 6, 5)
    assert excerpt("tab\there", 4, 8) == ("tab here", 4, 4)


def test_company_title_answer_is_cached_per_title_not_per_call() -> None:
    naver = Company(key="naver", name="네이버", names=("네이버",))
    kakao = Company(key="kakao", name="카카오", names=("카카오",))
    known = (naver, kakao)
    assert company_in_title("네이버 자기소개서", known) is naver
    assert company_in_title("네이버 자기소개서", (naver, kakao)) is naver
    assert company_in_title("네이버 vs 카카오", known) is None
    assert hash(Company(key="naver", name="네이버", names=("네이버",))) == hash(naver)


def test_simple_line_excerpt_equals_the_cluster_by_cluster_one() -> None:
    from essaylint.reporters.text import _cluster_excerpt, _simple_excerpt

    words = ["a", " ", "가", "힣", "~", "지원 동기", "Kakao", "한글"]
    for length in (0, 1, 30, 59, 60, 61, 119, 120, 121, 300):
        line = "".join(words[(i * 7 + length) % len(words)] for i in range(length))
        size = len(line)
        for start in (-1, 0, 1, size // 3, size // 2, size - 1, size, size + 2):
            for end in (None, start, start - 1, start + 1, start + 5, start + 200, size, size + 3):
                assert _simple_excerpt(line, start, end) == _cluster_excerpt(line, start, end)


@cache
def _every_position_matcher() -> TypoMatcher:
    """The built-in matcher with its pair filter replaced by one that lets every position by."""
    plain = TypoMatcher(load_builtin_packs())
    plain._scan_compiled = re.compile(r"(?s).")
    return plain


_FORMS = [e.wrong for e in builtin_matcher().entries] + [e.right for e in builtin_matcher().entries]
_TYPO_TEXT = st.lists(
    st.one_of(
        st.sampled_from(_FORMS),
        st.sampled_from([" ", "  ", "\t", "을", "이", "가", "다.", "a", "_", "1", "(", "했"]),
        st.text(alphabet="가나다라역활됬되요한 \t", max_size=4),
    ),
    max_size=12,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(_TYPO_TEXT)
def test_typo_pair_filter_never_drops_a_hit(text: str) -> None:
    def hits(matcher: TypoMatcher) -> list[tuple[int, int, str]]:
        return [(m.start, m.end, m.right) for m in matcher.find(text)]

    assert hits(builtin_matcher()) == hits(_every_position_matcher())


def test_typo_pair_filter_finds_every_flag_example() -> None:
    fast, plain = builtin_matcher(), _every_position_matcher()
    for entry in fast.entries:
        for sentence in entry.flag + entry.keep:
            expected = [(m.start, m.end, m.right) for m in plain.find(sentence)]
            assert [(m.start, m.end, m.right) for m in fast.find(sentence)] == expected, sentence


def test_builtin_packs_are_read_lazily_as_the_full_reader_reads_them() -> None:
    for item in sorted((files("essaylint.rules") / "typos").iterdir(), key=lambda i: i.name):
        if not item.name.endswith(".toml"):
            continue
        label = f"rules/typos/{item.name}"
        text = item.read_text(encoding="utf-8")
        lazy = _LazyPack.read(text, label, path=str(item))
        assert lazy is not None, f"{label}: the lazy reader gave up: the matcher loads it whole"
        full = parse_pack(text, label, path=str(item))
        assert [(s.wrong, s.match, s.number) for s in lazy.stubs] == [
            (e.wrong, e.match, e.index) for e in full.entries
        ]
        whole = lazy.whole()
        assert whole == full


def test_a_fresh_builtin_matcher_reads_only_the_entries_a_text_needs() -> None:
    matcher = builtin_matcher.__wrapped__()
    (lazy,) = (source for source in matcher._sources if isinstance(source, _LazyPack))
    assert lazy._read == {}
    hits = list(matcher.find("아떠한 상황에서도 포기하지 않았습니다."))
    assert [(h.start, h.end, h.right, h.entry.index) for h in hits] == [(0, 3, "어떠한", 1)]
    assert 1 in lazy._read and len(lazy._read) < 10
    assert hits[0].entry == parse_pack(PACK_TEXT, "x").entries[0]


@pytest.mark.parametrize(
    "change",
    [
        lambda t: t.replace("\n[[entry]]\n", "\n[[entry]]  \n", 1),
        lambda t: t.replace("\n[[entry]]\n", "\n[[ entry ]]\n", 1),
        lambda t: t.replace("\n", "\r\n"),
        lambda t: t.replace('\nwrong = "아떠한"', '\nwrong = "아떠한"\nwrong = "또"', 1),
        lambda t: t.replace('\nwrong = "아떠한"', '\nwrong = """아떠한"""', 1),
        lambda t: t.replace('\nwrong = "아떠한"', "", 1),
        lambda t: t.replace("\n[pack]", "\n[other]", 1),
    ],
    ids=["spaces", "inner-spaces", "crlf", "two-wrongs", "multi-line-string", "no-wrong", "table"],
)
def test_the_lazy_reader_gives_up_on_what_it_cannot_cut(change: object) -> None:
    assert callable(change)
    assert _LazyPack.read(change(PACK_TEXT), "x") is None


def _fully_parsed(text: str) -> Document:
    """The document with every inline token parsed, as before the plain-text and bold fast
    paths."""
    keep = spans_module._INLINE_MARKUP, spans_module._strong_segments
    spans_module._INLINE_MARKUP = re.compile("")  # matches everywhere: never the fast path
    spans_module._strong_segments = lambda content: None
    try:
        return build_document(text)
    finally:
        spans_module._INLINE_MARKUP, spans_module._strong_segments = keep


_FIXTURES = sorted(
    path
    for path in Path(__file__).parent.rglob("*.md")
    if "hostile" not in path.parts and path.stat().st_size < 200_000
)


@pytest.mark.parametrize("path", _FIXTURES, ids=lambda p: str(p.relative_to(Path(__file__).parent)))
def test_plain_text_fast_path_equals_the_inline_parser_on_fixtures(path: Path) -> None:
    text = path.read_text(encoding="utf-8", errors="replace")
    try:
        expected = _fully_parsed(text)
    except DocumentError:
        return
    assert build_document(text) == expected


_LINE = st.lists(
    st.sampled_from(
        [
            "지원",
            "동기",
            " ",
            "  ",
            "\t",
            "합니다.",
            "a",
            "1.",
            "-",
            "#",
            ":",
            "!",
            "]",
            "\u3000",
            "\u00a0",
            "*",
            "**",
            "**",
            "***",
            "'",
            "(",
            ")",
            ".",
            "다",
            "_",
            "`",
            "[",
            "[300자]",
            "[참고]",
            "](https://x.kr)",
            "<",
            "&amp;",
            "\\",
            "~~",
            "(100자)",
            "é",
            "\u1100\u1161",
        ]
    ),
    max_size=8,
).map("".join)
_BOLD_PIECE = st.sampled_from(
    ["", " ", "지원", "'고객'", "이라는", "(주)", ".", "a", "\u3000", "  "]
)
_BOLD_LINE = st.lists(
    st.tuples(_BOLD_PIECE, _BOLD_PIECE, _BOLD_PIECE).map(lambda p: f"{p[0]}**{p[1]}**{p[2]}"),
    min_size=1,
    max_size=3,
).map("".join)
_BLOCK = st.lists(st.one_of(_LINE, _BOLD_LINE), min_size=1, max_size=4).map("\n".join)
_MARKDOWN = st.lists(
    st.one_of(
        _BLOCK,
        _LINE.map(lambda line: "## " + line),
        _BLOCK.map(lambda block: "- " + block.replace("\n", "\n  ")),
        _BLOCK.map(lambda block: "> " + block.replace("\n", "\n> ")),
        _LINE.map(lambda line: f"| {line} | b |\n| --- | --- |\n| {line} | c |"),
        st.just("[참고]: https://example.com"),  # a reference definition: `[참고]` is a link
    ),
    max_size=6,
).map("\n\n".join)


@settings(max_examples=300, deadline=None)
@given(_MARKDOWN)
def test_plain_text_fast_path_equals_the_inline_parser(text: str) -> None:
    assert build_document(text) == _fully_parsed(text)


_TITLE = st.lists(
    st.sampled_from(
        [
            "지원동기",
            " ",
            "(",
            ")",
            "[",
            "]",
            "1",
            "50",
            "1,000",
            "2023",
            "자",
            "글자",
            "바이트",
            "단어",
            "chars",
            "Bytes",
            "words",
            "/",
            "~",
            "-",
            "이내",
            "최대",
            "제한 없음",
            "자유 분량",
            "no limit",
            "No Word LIMIT",
            "unlimited",
            "무제한",
            "분량 자유",
            "글자 수 제한 없음",
            "공백 포함",
            "년",
            "%",
            "회",
            "\u3000",
            "제",
        ]
    ),
    max_size=10,
).map("".join)


@settings(max_examples=500, deadline=None)
@given(_TITLE)
def test_limit_quick_rejection_never_drops_a_notation(title: str) -> None:
    assert limits._find(title) == limits._read_limit(title)


_HINT_TEXT = st.lists(
    st.sampled_from(["제", "한", "자", "유", "L", "l", "I", "i", "ı", "İ", "M", "m", "T", "t", " "])
    | st.characters(),
    max_size=12,
).map("".join)


@settings(max_examples=1000, deadline=None)
@given(_HINT_TEXT)
def test_unlimited_hint_finds_what_its_plain_alternation_finds(text: str) -> None:
    """The hint starts with a class so `re` can skip ahead; it must find exactly the lines the
    plain `제한|자유|(?i:limit)` finds, at the same place."""
    plain = re.search(r"제한|자유|(?i:limit)", text)
    found = limits._UNLIMITED_HINT.re.search(text)
    assert (found and found.span()) == (plain and plain.span())


def _catalogue() -> tuple[Company, ...]:
    from essaylint.values.companies import catalogue
    from essaylint.values.presets import load_presets

    return tuple(catalogue(load_presets((), None), ("Acme Korea", "X")))


_COMPANIES = _catalogue()
_NAMES = [n for c in _COMPANIES for n in (*c.names, *c.products)]
_COMPANY_TEXT = st.lists(
    st.one_of(
        st.sampled_from(_NAMES),
        st.sampled_from(_NAMES).map(str.lower),
        st.sampled_from(_NAMES).map(lambda n: n.replace(" ", "")),
        st.sampled_from([" ", "에", "의", "가", "a", "1", "_", ".", "\n", "\u212a", "에 지원"]),
    ),
    max_size=8,
).map("".join)


def _plain_mentions(text: str) -> list[tuple[int, int, str]]:
    """`mentions` as it was: the whole alternation tried at every position."""
    from essaylint.values import companies as module

    scanner = module._scanner(_COMPANIES)
    keep = scanner.finder
    object.__setattr__(scanner, "finder", scanner.pattern)
    try:
        return [(m.start, m.end, m.company.key) for m in module.mentions(text, _COMPANIES)]
    finally:
        object.__setattr__(scanner, "finder", keep)


@settings(max_examples=400, deadline=None)
@given(_COMPANY_TEXT)
def test_company_start_filter_never_drops_a_mention(text: str) -> None:
    from essaylint.values.companies import mentions

    fast = [(m.start, m.end, m.company.key) for m in mentions(text, _COMPANIES)]
    assert fast == _plain_mentions(text)


@settings(max_examples=500, deadline=None)
@given(st.lists(_BOLD_LINE, min_size=1, max_size=3).map("\n".join))
def test_bold_fast_path_equals_the_inline_parser(text: str) -> None:
    for document in (text, "## 질문\n\n" + text, "- " + text.replace("\n", "\n  ")):
        assert build_document(document) == _fully_parsed(document)


def test_bold_fast_path_reads_what_commonmark_bolds() -> None:
    assert spans_module._strong_segments("저는 **도전**을 합니다") == [
        "저는 ",
        "도전",
        "을 합니다",
    ]
    # A closing `**` after punctuation and before a letter does not close: left to the parser.
    assert spans_module._strong_segments("**'고객'**이라는") is None
    assert spans_module._strong_segments("a**b**c") == ["a", "b", "c"]  # open-or-close runs
    assert spans_module._strong_segments("**a **b") is None  # two openers, nothing closes
    assert spans_module._strong_segments("***x***") is None


def test_hangul_syllables_have_no_case_so_their_classes_may_leave_ignorecase() -> None:
    """limits, titles and companies keep Hangul classes out of IGNORECASE (`(?-i:…)`), which
    compiles faster; that gives the same matches only because no character case-folds into or
    out of the syllable block. Checked over every code point."""
    blind = re.compile("[가-힣]", re.IGNORECASE)
    plain = re.compile("[가-힣]")
    blind_not = re.compile("[^가-힣]", re.IGNORECASE)
    plain_not = re.compile("[^가-힣]")
    for code in range(0x110000):
        char = chr(code)
        assert bool(blind.match(char)) == bool(plain.match(char)), hex(code)
        assert bool(blind_not.match(char)) == bool(plain_not.match(char)), hex(code)


def test_linting_leaves_no_reference_cycles() -> None:
    """A cycle (a closure holding the rules' context that holds it, a recursive inner function)
    kept whole documents alive until the next garbage collection, which then spent ~0.1 s on
    ~90,000 objects at once. Reference counting alone must free everything a file made."""
    import gc

    from essaylint import lint_text

    texts = [path.read_text(encoding="utf-8", errors="replace") for path in _FIXTURES]
    for text in texts:  # first runs fill the caches
        lint_text(text)
    gc.collect()
    gc.disable()
    try:
        for path, text in zip(_FIXTURES, texts, strict=True):
            lint_text(text)
            assert gc.collect() == 0, path
    finally:
        gc.enable()

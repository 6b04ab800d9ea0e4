"""The speed-ups must give exactly what the plain way gives: TOML packs, answer endings, titles."""

from __future__ import annotations

import tomllib
from importlib.resources import files

import pytest

from essaylint.answers import _PLACEHOLDER_END, _placeholder_ending, find_placeholders
from essaylint.reporters.text import excerpt
from essaylint.typos import builtin_matcher, load_builtin_packs, parse_pack, plain_toml
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

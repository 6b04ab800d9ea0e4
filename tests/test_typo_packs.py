"""Typo packs: every built-in entry proves itself, bad packs fail in one line, matching bounds."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from essaylint.linting.typos import (
    PARTICLES,
    PackError,
    TypoEntry,
    TypoMatch,
    TypoMatcher,
    TypoPack,
    builtin_matcher,
    check_entry_examples,
    check_pack_examples,
    load_builtin_packs,
    load_pack,
    parse_pack,
)

# ---- built-in packs --------------------------------------------------------------------------


@cache
def _pack_matcher(pack: TypoPack) -> TypoMatcher:
    return TypoMatcher([pack])


def _entry_params() -> list[object]:
    return [
        pytest.param(pack, entry, id=f"{pack.name}:{entry.index}:{entry.wrong}")
        for pack in load_builtin_packs()
        for entry in pack.entries
    ]


def test_builtin_packs_load_with_enough_entries() -> None:
    packs = load_builtin_packs()
    assert [pack.name for pack in packs] == ["common"]
    assert sum(len(pack.entries) for pack in packs) >= 300
    for pack in packs:
        assert pack.description
        assert pack.path.endswith(".toml")


@pytest.mark.parametrize(("pack", "entry"), _entry_params())
def test_builtin_entry_examples(pack: TypoPack, entry: TypoEntry) -> None:
    """Each `flag` sentence is hit by this entry; no entry of the pack hits a `keep` sentence."""
    assert check_entry_examples(entry, _pack_matcher(pack)) == []


@pytest.mark.parametrize("pack", load_builtin_packs(), ids=lambda pack: pack.name)
def test_check_pack_examples_is_clean(pack: TypoPack) -> None:
    assert check_pack_examples(pack) == []


def test_project_examples_are_in_the_common_pack() -> None:
    matcher = builtin_matcher()
    cases = {
        "아떠한 상황에서도": ("아떠한", "어떠한"),
        "예를 글면 이렇습니다": ("예를 글면", "예를 들면"),
        "츨퇴근 시간": ("츨퇴근", "출퇴근"),
        "몇일 동안": ("몇일", "며칠"),
        "팀장 역활을": ("역활", "역할"),
        "금새 익숙해졌다": ("금새", "금세"),
        "잘 됬다": ("됬", "됐"),
        "그러면 않되요": ("않되요", "안 돼요"),
        "이제 어떻해": ("어떻해", "어떡해"),
        "희안한 일": ("희안한", "희한한"),
        "오랫만에": ("오랫만", "오랜만"),
        "일일히 확인": ("일일히", "일일이"),
        "설겆이를": ("설겆이", "설거지"),
        "내일 뵈요": ("뵈요", "봬요"),
        "하면 되요": ("되요", "돼요"),
        "제가 할께요": ("할께", "할게"),
        "어의없는 실수": ("어의없", "어이없"),
        "왠일이니": ("왠일", "웬일"),
        "웬지 모르게": ("웬지", "왠지"),
        "내노라하는 기업": ("내노라", "내로라"),
        "역량을 키웠읍니다": ("읍니다", "습니다"),
        "우뢰와 같은": ("우뢰", "우레"),
        "곰곰히 생각": ("곰곰히", "곰곰이"),
        "깨끗히 정리": ("깨끗히", "깨끗이"),
        "틈틈히 공부": ("틈틈히", "틈틈이"),
        "꼼꼼이 검토": ("꼼꼼이", "꼼꼼히"),
        "솔직이 말하면": ("솔직이", "솔직히"),
        "익숙치 않다": ("익숙치", "익숙지"),
        "생각컨대 옳다": ("생각컨대", "생각건대"),
        "역할 (役割)": None,
        "재작년 여름": None,
        "하지 않되 꾸준히": None,
        "색이 바램": None,
    }
    for text, expected in cases.items():
        hits = [(hit.wrong, hit.right) for hit in matcher.find(text)]
        assert hits == ([expected] if expected else []), text


def test_builtin_matcher_is_built_once() -> None:
    assert builtin_matcher() is builtin_matcher()
    assert builtin_matcher().packs == load_builtin_packs()


# ---- loading and validation ------------------------------------------------------------------

GOOD_ENTRY = """
[[entry]]
wrong = "역활"
right = "역할"
flag = ["팀장 역활을 맡았습니다"]
keep = ["팀장 역할을 맡았습니다"]
"""


def _write(tmp_path: Path, body: str, name: str = "my-typos.toml") -> Path:
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return path


def _load_error(tmp_path: Path, body: str) -> str:
    path = _write(tmp_path, body)
    with pytest.raises(PackError) as caught:
        load_pack(path, label="my-typos.toml")
    message = str(caught.value)
    assert "\n" not in message
    return message


def test_user_pack_loads(tmp_path: Path) -> None:
    path = _write(tmp_path, '[pack]\nname = "mine"\ndescription = "d"\n' + GOOD_ENTRY)
    pack = load_pack(path)
    assert pack.name == "mine"
    assert pack.path == str(path)
    (entry,) = pack.entries
    assert entry == TypoEntry(
        wrong="역활",
        right="역할",
        flag=("팀장 역활을 맡았습니다",),
        keep=("팀장 역할을 맡았습니다",),
        index=1,
        pack="mine",
    )
    assert check_pack_examples(pack) == []


def test_pack_name_defaults_to_file_stem(tmp_path: Path) -> None:
    assert load_pack(_write(tmp_path, GOOD_ENTRY)).name == "my-typos"


def test_missing_right_names_file_and_entry(tmp_path: Path) -> None:
    second = GOOD_ENTRY.replace("역활", "츨퇴근").replace("역할", "출퇴근")
    body = GOOD_ENTRY + second + '[[entry]]\nwrong = "몇일"\nflag = ["몇일"]\nkeep = ["며칠"]\n'
    assert _load_error(tmp_path, body) == "my-typos.toml: entry 3: 'right' is missing"


def test_error_names_the_path_when_no_label(tmp_path: Path) -> None:
    path = _write(tmp_path, '[[entry]]\nwrong = "a"\n')
    with pytest.raises(PackError, match=r"^.*my-typos\.toml: entry 1: 'right' is missing$"):
        load_pack(path)


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ('wrong = ""\nright = "b"', "entry 1: 'wrong' must be a non-empty string"),
        ('wrong = 3\nright = "b"', "entry 1: 'wrong' must be a non-empty string"),
        ('wrong = "역할"\nright = "역할"', "entry 1: 'wrong' and 'right' are the same ('역할')"),
        (
            'wrong = " 역활"\nright = "역할"',
            "entry 1: 'wrong' must be one line without outer spaces",
        ),
        ('wrong = "역활"\nright = "역할"\nmatch = "suffix"', "entry 1: 'match' must be one of"),
        (
            'wrong = "역활"\nright = "역할"\ncontext = "(역활"',
            "entry 1: 'context' is not a valid regex",
        ),
        ('wrong = "역활"\nright = "역할"\nnote = 1', "entry 1: 'note' must be a string"),
        ('wrong = "역활"\nright = "역할"\nflags = ["x"]', "entry 1: unknown key 'flags'"),
    ],
)
def test_bad_entry_fields(tmp_path: Path, entry: str, message: str) -> None:
    body = f'[[entry]]\n{entry}\nflag = ["역활"]\nkeep = ["역할"]\n'
    if "flags" in entry:
        body = f"[[entry]]\n{entry}\n"
    assert _load_error(tmp_path, body).startswith(f"my-typos.toml: {message}")


@pytest.mark.parametrize(
    ("examples", "message"),
    [
        ('keep = ["역할"]', "entry 1: 'flag' is missing"),
        (
            'flag = []\nkeep = ["역할"]',
            "entry 1: 'flag' must be a non-empty list of non-empty strings",
        ),
        ('flag = ["역활"]\nkeep = "역할"', "entry 1: 'keep' must be a non-empty list"),
        ('flag = ["역활"]\nkeep = [""]', "entry 1: 'keep' must be a non-empty list"),
        ('flag = ["역활"]\nkeep = [1]', "entry 1: 'keep' must be a non-empty list"),
    ],
)
def test_bad_examples(tmp_path: Path, examples: str, message: str) -> None:
    body = f'[[entry]]\nwrong = "역활"\nright = "역할"\n{examples}\n'
    assert _load_error(tmp_path, body).startswith(f"my-typos.toml: {message}")


def test_duplicate_wrong_and_context(tmp_path: Path) -> None:
    assert _load_error(tmp_path, GOOD_ENTRY * 2) == (
        "my-typos.toml: entry 2: duplicate of entry 1 ('역활')"
    )


def test_same_wrong_with_another_context_is_allowed(tmp_path: Path) -> None:
    other = GOOD_ENTRY.replace('right = "역할"', 'right = "역할"\ncontext = "팀장 역활"')
    assert len(load_pack(_write(tmp_path, GOOD_ENTRY + other)).entries) == 2


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("[[entry]\nwrong = 1", "invalid TOML: "),
        ("", "no [[entry]] tables"),
        ('[pack]\nname = "x"\n', "no [[entry]] tables"),
        ('[pack]\nname = ""\n' + GOOD_ENTRY, "pack: 'name' must be a non-empty string"),
        ('[pack]\nauthor = "me"\n' + GOOD_ENTRY, "pack: unknown key 'author'"),
        ("pack = 1\n" + GOOD_ENTRY, "'pack' must be a table"),
        ("[entries]\nx = 1\n" + GOOD_ENTRY, "unknown table or key 'entries'"),
        ("entry = 1\n", "no [[entry]] tables"),
        ("entry = [1]\n", "entry 1: must be a table"),
    ],
)
def test_bad_pack_files(tmp_path: Path, body: str, message: str) -> None:
    assert _load_error(tmp_path, body).startswith(f"my-typos.toml: {message}")


def test_unreadable_and_non_utf8_files(tmp_path: Path) -> None:
    with pytest.raises(PackError, match=r"^missing\.toml: cannot read: "):
        load_pack(tmp_path / "missing.toml", label="missing.toml")
    path = tmp_path / "cp949.toml"
    path.write_bytes('[[entry]]\nwrong = "역활"\n'.encode("cp949"))
    with pytest.raises(PackError, match=r"^cp949\.toml: not UTF-8 text$"):
        load_pack(path, label="cp949.toml")


def test_pack_strings_are_normalised_to_nfc(tmp_path: Path) -> None:
    import unicodedata

    nfd = unicodedata.normalize("NFD", GOOD_ENTRY)
    (entry,) = load_pack(_write(tmp_path, nfd)).entries
    assert entry.wrong == "역활"
    assert entry.flag == ("팀장 역활을 맡았습니다",)


def test_check_pack_examples_reports_each_bad_example() -> None:
    pack = parse_pack(
        """
        [[entry]]
        wrong = "역활"
        right = "역할"
        flag = ["주역활용", "역활을"]
        keep = ["역활이"]
        [[entry]]
        wrong = "제학"
        right = "재학"
        flag = ["제학 중"]
        keep = ["역활"]
        """,
        "bad.toml",
    )
    assert check_pack_examples(pack) == [
        "bad: entry 1 ('역활'): flag example not hit: '주역활용'",
        "bad: entry 1 ('역활'): keep example hit by entry 1 ('역활'): '역활이'",
        "bad: entry 2 ('제학'): keep example hit by entry 1 ('역활'): '역활'",
    ]


# ---- matching --------------------------------------------------------------------------------


def _matcher(*entries: str) -> TypoMatcher:
    """A matcher from entry bodies (TOML lines), each given dummy examples."""
    tables = "".join(f'[[entry]]\n{body}\nflag = ["x"]\nkeep = ["y"]\n' for body in entries)
    return TypoMatcher([parse_pack(tables, "test.toml")])


def _hits(matcher: TypoMatcher, text: str) -> list[tuple[int, int, str, str]]:
    return [(hit.start, hit.end, hit.wrong, hit.right) for hit in matcher.find(text)]


def test_left_boundary_keeps_hits_out_of_longer_words() -> None:
    matcher = _matcher('wrong = "제학"\nright = "재학"')
    assert _hits(matcher, "제학 중입니다") == [(0, 2, "제학", "재학")]
    assert _hits(matcher, "경제학을 전공했습니다") == []
    assert _hits(matcher, "경제학 제학생") == [(4, 6, "제학", "재학")]
    assert _hits(matcher, "A제학 1제학 _제학") == [(9, 11, "제학", "재학")]
    assert _hits(matcher, "(제학) '제학' 「제학」 제학.") == [
        (1, 3, "제학", "재학"),
        (6, 8, "제학", "재학"),
        (11, 13, "제학", "재학"),
        (15, 17, "제학", "재학"),
    ]
    assert _hits(matcher, "ㄱ제학") == []  # a jamo is a letter too


def test_prefix_lets_particles_and_endings_follow() -> None:
    matcher = _matcher('wrong = "역활"\nright = "역할"')
    for text in ("역활", "역활을", "역활이었다", "역활분담", "역활."):
        assert _hits(matcher, text) == [(0, 2, "역활", "역할")], text


def test_word_needs_the_word_to_end_or_a_particle() -> None:
    matcher = _matcher('wrong = "우뢰"\nright = "우레"\nmatch = "word"')
    for text in ("우뢰", "우뢰와 같은", "우뢰가", "우뢰입니다", "우뢰에서도", "우뢰, 그리고"):
        assert _hits(matcher, text) == [(0, 2, "우뢰", "우레")], text
    for text in ("우뢰매", "우뢰매를", "우뢰X", "우뢰1"):
        assert _hits(matcher, text) == [], text
    assert {"이", "을", "에서", "으로", "이었다", "입니다"} <= PARTICLES


def test_anywhere_ignores_boundaries() -> None:
    matcher = _matcher('wrong = "됬"\nright = "됐"\nmatch = "anywhere"')
    assert _hits(matcher, "안됬다 됬습니다") == [(1, 2, "됬", "됐"), (4, 5, "됬", "됐")]


def test_multi_word_form_matches_any_run_of_spaces() -> None:
    matcher = _matcher('wrong = "예를 글면"\nright = "예를 들면"')
    assert _hits(matcher, "예를 글면") == [(0, 5, "예를 글면", "예를 들면")]
    assert _hits(matcher, "예를  글면") == [(0, 6, "예를  글면", "예를 들면")]
    assert _hits(matcher, "예를\t글면") == [(0, 5, "예를\t글면", "예를 들면")]
    assert _hits(matcher, "예를\n글면") == []
    assert _hits(matcher, "예를글면") == []


def test_multi_word_wrong_is_stored_with_single_spaces() -> None:
    pack = parse_pack(
        '[[entry]]\nwrong = "예를   글면"\nright = "예를 들면"\nflag = ["예를 글면"]\nkeep = ["x"]\n',
        "t.toml",
    )
    assert pack.entries[0].wrong == "예를 글면"


def test_context_must_cover_the_hit() -> None:
    matcher = _matcher('wrong = "바램"\nright = "바람"\ncontext = "간절한\\\\s+바램"')
    assert _hits(matcher, "저의 간절한 바램입니다") == [(7, 9, "바램", "바람")]
    assert _hits(matcher, "색이 바램. 간절한 마음") == []
    assert _hits(matcher, "간절한 바램과 색이 바램") == [(4, 6, "바램", "바람")]


def test_context_lookarounds_see_the_whole_text() -> None:
    matcher = _matcher('wrong = "금새"\nright = "금세"\ncontext = "금새(?=\\\\s|$)"')
    assert _hits(matcher, "금새 끝났다 금새") == [(0, 2, "금새", "금세"), (7, 9, "금새", "금세")]
    assert _hits(matcher, "금새가 좋다") == []


def test_longest_form_wins_and_shorter_is_tried_when_it_fails() -> None:
    matcher = _matcher(
        'wrong = "않되"\nright = "안 되"\ncontext = "않되(?!\\\\s)"',
        'wrong = "않되요"\nright = "안 돼요"\ncontext = "않되요(?!\\\\?)"',
    )
    assert _hits(matcher, "않되요") == [(0, 3, "않되요", "안 돼요")]
    assert _hits(matcher, "않되요?") == [(0, 2, "않되", "안 되")]
    assert _hits(matcher, "하지 않되 꾸준히") == []


def test_hits_do_not_overlap() -> None:
    matcher = _matcher(
        'wrong = "ab"\nright = "AB"\nmatch = "anywhere"',
        'wrong = "bc"\nright = "BC"\nmatch = "anywhere"',
    )
    assert _hits(matcher, "abc bc") == [(0, 2, "ab", "AB"), (4, 6, "bc", "BC")]


def test_match_carries_its_entry() -> None:
    matcher = _matcher('wrong = "역활"\nright = "역할"\nnote = "n"')
    (hit,) = matcher.find("팀장 역활")
    assert isinstance(hit, TypoMatch)
    assert hit.entry.note == "n"
    assert hit.entry.index == 1


def test_empty_matcher_finds_nothing() -> None:
    assert list(TypoMatcher([]).find("역활")) == []

"""Limit notations seen in real application files, and look-alikes that are not limits."""

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from essaylint.counting import CountMode
from essaylint.limits import Limit, limit_from_directive, limit_from_title, title_without_limit

# (notation, max, min, mode, unlimited); each is tried alone and after a question.
NOTATIONS: list[tuple[str, int | None, int | None, CountMode | None, bool]] = [
    ("(1000자)", 1000, None, None, False),
    ("(1,000자 이내)", 1000, None, None, False),
    ("500자 이내", 500, None, None, False),
    ("(공백 포함 1000자)", 1000, None, "chars", False),
    ("(공백 제외 800자)", 800, None, "chars-no-spaces", False),
    ("[700자]", 700, None, None, False),
    ("최대 500자", 500, None, None, False),
    ("(최대 500자)", 500, None, None, False),
    ("500자 내외", 500, None, None, False),
    ("(500~700자)", 700, 500, None, False),
    ("(500-700자)", 700, 500, None, False),
    ("(500자~700자)", 700, 500, None, False),
    ("(최소 100자, 최대 1,000자 입력가능)", 1000, 100, None, False),
    ("(최대 3개 / 2,000자 이내)", 2000, None, None, False),
    ("(0/800)", 800, None, None, False),
    ("[1000]", 1000, None, None, False),
    ("[1,500]", 1500, None, None, False),
    ("(700~1000 자)", 1000, 700, None, False),
    ("(123/1,000)", 1000, None, None, False),
    ("1500 bytes", 1500, None, "bytes", False),
    ("1500byte", 1500, None, "bytes", False),
    ("(3000 Byte)", 3000, None, "bytes", False),
    ("1500바이트", 1500, None, "bytes", False),
    ("(650 words)", 650, None, "words", False),
    ("650 단어", 650, None, "words", False),
    ("max 500 characters", 500, None, None, False),
    ("(500 characters)", 500, None, None, False),
    ("500 chars", 500, None, None, False),
    ("(공백포함 1000자 이내)", 1000, None, "chars", False),
    ("1000자 이상", None, 1000, None, False),
    ("(글자 수 제한 없음)", None, None, None, True),
    ("(글자수 제한 없음)", None, None, None, True),
    ("(제한 없음)", None, None, None, True),
    ("(자유 분량)", None, None, None, True),
    ("분량 제한 없음", None, None, None, True),
    # Variants beyond the brief's list.
    ("（1,000자）", 1000, None, None, False),
    ("1000자이내", 1000, None, None, False),
    ("(1000자 이내, 공백 제외)", 1000, None, "chars-no-spaces", False),
    ("공백 제외 500자 이내", 500, None, "chars-no-spaces", False),
    ("500자 이내(공백 제외)", 500, None, "chars-no-spaces", False),
    ("(1000자 이내) (공백 포함)", 1000, None, "chars", False),
    ("1000자 이상 1500자 이하", 1500, 1000, None, False),
    ("(800글자)", 800, None, None, False),
    ("(0/800자)", 800, None, None, False),
    ("(1500 bytes, 공백 포함)", 1500, None, "bytes", False),
    ("(공백 미포함 1000자)", 1000, None, "chars-no-spaces", False),
    ("(700 characters, without spaces)", 700, None, "chars-no-spaces", False),
    ("1000자 미만", 999, None, None, False),
    ("(300 words or less)", 300, None, "words", False),
]
NOT_LIMITS = [
    "(회사명)",
    "[2019]",
    "[3]",
    "[1234]",
    "(1000)",
    "(2023년)",
    "(3개)",
    "3가지",
    "1분 자기소개",
    "Top 10",
    "(1)",
    "Q1.",
    "1000",
    "2,000",
    "(200)",
    "(공백 포함)",
    "제3자의 관점에서 본 나",
    "3자 대면 회의 경험",
    "10자리 코드",
    "자기소개 (1/2)",
    "가장 기억에 남는 날 (3/15)",
    "[삼성전자] 자기소개",
    "",
]


@pytest.mark.parametrize(("notation", "high", "low", "mode", "unlimited"), NOTATIONS)
def test_notation(
    notation: str, high: int | None, low: int | None, mode: CountMode | None, unlimited: bool
) -> None:
    expected = Limit(high, low, mode, unlimited, "heading", notation)
    assert limit_from_title(notation) == expected
    assert limit_from_title(f"2. 지원 동기와 입사 후 포부 {notation}") == expected
    assert (
        title_without_limit(f"2. 지원 동기와 입사 후 포부 {notation}")
        == "2. 지원 동기와 입사 후 포부"
    )


@pytest.mark.parametrize("title", NOT_LIMITS)
def test_not_a_limit(title: str) -> None:
    assert limit_from_title(title) is None
    assert limit_from_title(f"1. 지원 동기 {title}") is None
    assert title_without_limit(f"  1. 지원 동기   {title} ") == f"1. 지원 동기 {title}".strip()


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("[700자] 지원 동기", "지원 동기"),
        ("지원 동기 - 500자 이내", "지원 동기"),
        ("지원 동기: (1,000자)", "지원 동기"),
        ("지원 동기 (1,000자) 및 포부", "지원 동기 및 포부"),
        ("(필수) 지원 동기 (700자)", "(필수) 지원 동기"),
        ("Q2 - 500자", "Q2"),
        ("지원 동기", "지원 동기"),
    ],
)
def test_title_without_limit(title: str, expected: str) -> None:
    assert title_without_limit(title) == expected


def test_first_bracketed_notation_wins_over_bare() -> None:
    limit = limit_from_title("최대 500자 요약 (1,000자)")
    assert limit is not None
    assert (limit.max, limit.notation) == (1000, "(1,000자)")


def test_nfd_title() -> None:
    title = unicodedata.normalize("NFD", "지원 동기 (공백 제외 800자)")
    assert limit_from_title(title) == Limit(
        800, None, "chars-no-spaces", notation="(공백 제외 800자)"
    )
    assert title_without_limit(title) == "지원 동기"


@pytest.mark.parametrize(
    ("comment", "expected"),
    [
        (
            "<!-- essaylint: limit=1000 count=chars-no-spaces -->",
            Limit(1000, None, "chars-no-spaces", False, "comment"),
        ),
        (" essaylint: limit=1000 count=chars-no-spaces ", Limit(1000, None, "chars-no-spaces")),
        ("essaylint: limit=500-700", Limit(700, 500)),
        ("essaylint: limit=500~700 count=neis", Limit(700, 500, "neis")),
        ("essaylint: min=100 limit=1,000", Limit(1000, 100)),
        ("essaylint: limit=none", Limit(None, unlimited=True)),
        ("essaylint: min=300", Limit(None, 300)),
        ("essaylint:limit=800-->", Limit(800)),
    ],
)
def test_directive(comment: str, expected: Limit) -> None:
    limit = limit_from_directive(comment)
    assert limit is not None
    assert (limit.max, limit.min, limit.mode, limit.unlimited) == (
        expected.max,
        expected.min,
        expected.mode,
        expected.unlimited,
    )
    assert limit.source == "comment"
    assert limit.notation.startswith("essaylint:")


@pytest.mark.parametrize(
    "comment",
    [
        "essaylint-disable EL201",
        "essaylint: count=bytes",
        "essaylint:",
        "just a note: limit=1000",
        "",
    ],
)
def test_not_a_directive(comment: str) -> None:
    assert limit_from_directive(comment) is None


@pytest.mark.parametrize(
    ("comment", "message"),
    [
        ("essaylint: limit=1000 count=letters", "unknown count mode 'letters'"),
        ("essaylint: count=letters", "unknown count mode"),
        ("essaylint: limit=lots", "limit 'lots' is not a number"),
        ("essaylint: min=some limit=100", "min 'some' is not a number"),
        ("essaylint: limit=0", "at least 1"),
        ("essaylint: min=900 limit=500", "min 900 is greater than limit 500"),
    ],
)
def test_bad_directive(comment: str, message: str) -> None:
    with pytest.raises(ValueError, match=message) as raised:
        limit_from_directive(comment)
    assert "\n" not in str(raised.value)


_PIECES = st.sampled_from(
    [
        *"0123456789,/~-()[]（） .:",
        *"자글바이트단어최대소이내외상하미만초과공백포함제외제한없음분량자유",
        "bytes",
        "words",
        "max ",
        "chars",
        "characters",
        "1,000",
        "자리",
    ]
)
_NOTATION_LIKE = st.lists(_PIECES, max_size=20).map("".join)


@given(st.one_of(st.text(), _NOTATION_LIKE))
def test_titles_never_raise(title: str) -> None:
    limit = limit_from_title(title)
    shorter = title_without_limit(title)
    if limit is None:
        assert shorter == " ".join(unicodedata.normalize("NFC", title).split())
        return
    assert limit.notation in unicodedata.normalize("NFC", title)
    assert limit.max is None or limit.max >= 1
    assert limit.min is None or limit.max is None or limit.min <= limit.max
    assert limit.unlimited or limit.max is not None or limit.min is not None
    assert not (limit.unlimited and limit.max is not None)


@given(st.one_of(st.text(), _NOTATION_LIKE.map(lambda s: f"essaylint: limit={s}")))
def test_directives_raise_only_value_error(comment: str) -> None:
    try:
        limit_from_directive(comment)
    except ValueError as error:
        assert "\n" not in str(error)


@pytest.mark.parametrize(
    ("comment", "message"),
    [
        (
            "essaylint: limit=99999999999999999999",
            "limit '99999999999999999999' is too large (at most 999,999,999)",
        ),
        (
            "essaylint: min=1,000,000,000,000",
            "min '1,000,000,000,000' is too large (at most 999,999,999)",
        ),
        ("essaylint: limt=500", "unknown setting 'limt'; expected limit, min or count"),
        (
            "essaylint: limit=500 frobnicate=1",
            "unknown setting 'frobnicate'; expected limit, min or count",
        ),
    ],
)
def test_a_directive_never_drops_a_limit_silently(comment: str, message: str) -> None:
    with pytest.raises(ValueError) as raised:
        limit_from_directive(comment)
    assert str(raised.value) == message

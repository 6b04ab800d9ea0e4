"""EL305 loanword: the pack proves itself, each form is reported once with its count, and the
fix of that one finding changes every occurrence and no other byte."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from essaylint.linting.loanwords import (
    TIERS,
    builtin_loanwords,
    loanword_matcher,
    parse_loanword_pack,
)
from essaylint.linting.plugin import Edit
from essaylint.linting.results import FileResult, Finding
from essaylint.linting.typos import PackError, TypoEntry, builtin_matcher, check_entry_examples
from essaylint.plugins.el305_loanword import RULE, Options
from essaylint.reading.source import decode
from essaylint.reporters import render
from essaylint.running.config import Settings, validate_settings
from essaylint.running.fixes import apply_edit_groups, apply_edits, fix_source
from essaylint.running.runner import lint_source

ROOT = Path(__file__).resolve().parents[1]


def _settings(strictness: str = "standard", select: tuple[str, ...] = ("EL305",)) -> Settings:
    data = {"select": list(select), "rules": {"loanword": {"strictness": strictness}}}
    return validate_settings(data, "test")


def _lint(
    text: str, strictness: str = "standard", select: tuple[str, ...] = ("EL305",)
) -> list[Finding]:
    result = lint_source(decode(text.encode()), "essay.md", _settings(strictness, select))
    assert result.error is None
    return result.findings


def _fix(data: bytes, strictness: str = "standard") -> bytes:
    outcome = fix_source(decode(data), "essay.md", _settings(strictness))
    return outcome.data


# --- the pack -----------------------------------------------------------------------------------


def _entry_params() -> list[object]:
    (pack,) = builtin_loanwords()
    return [
        pytest.param(entry, id=f"{entry.index}:{entry.wrong}:{pack.tiers[entry.index]}")
        for entry in pack.pack.entries
    ]


@pytest.mark.parametrize("entry", _entry_params())
def test_builtin_entry_examples(entry: TypoEntry) -> None:
    """Each `flag` sentence is hit by its entry; no entry of any tier hits a `keep` sentence."""
    assert check_entry_examples(entry, loanword_matcher("strict")) == []


def test_pack_shape_tiers_and_sources() -> None:
    (pack,) = builtin_loanwords()
    assert pack.pack.name == "loanwords"
    tiers = [pack.tiers[e.index] for e in pack.pack.entries]
    assert set(tiers) == set(TIERS)
    assert tiers.count("standard") >= 120
    assert 10 <= tiers.count("strict") < 30
    assert all(pack.sources[e.index].strip() for e in pack.pack.entries)
    assert len(pack.entries("strict")) == len(pack.pack.entries)
    assert len(pack.entries("standard")) == tiers.count("standard")


def test_no_form_is_in_both_packs() -> None:
    """known-typo no longer has the loanwords: one word never gets two findings."""
    typos = {e.wrong for e in builtin_matcher().entries}
    loanwords = {e.wrong for e in loanword_matcher("strict").entries}
    assert typos.isdisjoint(loanwords)
    assert {"어플리케이션", "타겟", "런칭", "메세지", "컨텐츠", "악세사리", "리더쉽"} <= loanwords
    assert not any(e.wrong.startswith(("어플", "타겟", "컨텐")) for e in builtin_matcher().entries)


@pytest.mark.parametrize(
    ("text", "standard", "strict"),
    [
        ("어플리케이션을 만들었다", "애플리케이션", "애플리케이션"),
        ("타겟 고객", "타깃", "타깃"),
        ("제품을 런칭했다", "론칭", "론칭"),
        ("메세지를 보냈다", "메시지", "메시지"),
        ("컨텐츠 기획", "콘텐츠", "콘텐츠"),
        ("악세사리 매장", "액세서리", "액세서리"),
        ("프론트엔드 개발", None, "프런트엔드"),
        ("메소드를 나눴다", None, "메서드"),
        ("디렉토리 구조", None, "디렉터리"),
        ("컨텍스트를 유지했다", None, None),
        ("플랫폼 서버 데이터", None, None),
        ("타겟팅 광고", None, None),
        ("스타겟", None, None),  # inside a longer word
    ],
)
def test_tiers_decide_what_is_flagged(text: str, standard: str | None, strict: str | None) -> None:
    for strictness, expected in (("standard", standard), ("strict", strict)):
        hits = [hit.right for hit in loanword_matcher(strictness).find(text)]  # type: ignore[arg-type]
        assert hits == ([expected] if expected else []), (strictness, text)


def _pack_error(body: str) -> str:
    with pytest.raises(PackError) as caught:
        parse_loanword_pack(body, "mine.toml")
    return str(caught.value)


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ('source = "s"', "mine.toml: entry 1: 'tier' must be one of standard, strict (got None)"),
        (
            'tier = "loose"\nsource = "s"',
            "mine.toml: entry 1: 'tier' must be one of standard, strict (got 'loose')",
        ),
        ('tier = "strict"', "mine.toml: entry 1: 'source' must be a non-empty string"),
        (
            'tier = "strict"\nsource = " "',
            "mine.toml: entry 1: 'source' must be a non-empty string",
        ),
        ('tier = "strict"\nsource = "s"\nsrc = "x"', "mine.toml: entry 1: unknown key 'src'"),
    ],
)
def test_bad_loanword_entries(extra: str, message: str) -> None:
    body = f'[[entry]]\nwrong = "타겟"\nright = "타깃"\n{extra}\nflag = ["타겟"]\nkeep = ["타깃"]\n'
    assert _pack_error(body) == message


def test_duplicate_loanword_entry() -> None:
    entry = '[[entry]]\nwrong = "타겟"\nright = "타깃"\ntier = "standard"\nsource = "s"\nflag = ["타겟"]\nkeep = ["타깃"]\n'
    assert _pack_error(entry * 2) == "mine.toml: entry 2: duplicate of entry 1 ('타겟')"


# --- the rule -----------------------------------------------------------------------------------


def test_rule_metadata() -> None:
    assert (RULE.code, RULE.name, RULE.severity, RULE.fixable) == (
        "EL305",
        "loanword",
        "warning",
        True,
    )
    assert Options().strictness == "standard"
    with pytest.raises(ValueError, match="strictness"):
        Options(strictness="loose").validate()  # type: ignore[arg-type]


def test_bad_strictness_is_a_config_error() -> None:
    result = lint_source(decode(b"## q\nx\n"), "e.md", _settings("loose"))
    assert (
        result.error == "config: rules.loanword.strictness: input should be 'standard' or 'strict'"
    )


ESSAY = (
    "## 1. 지원 동기 (500자)\n"
    "동아리 어플리케이션을 만들었습니다. 어플리케이션의 알림 메세지를 고쳤고\n"
    "다시 어플리케이션을 배포했습니다.\n"
    "\n"
    "## 2. 경험 (500자)\n"
    "새 어플리케이션은 런칭 첫 주에 내려받기 수가 두 배였습니다.\n"
)


def test_one_finding_per_form_at_its_first_place_with_the_count() -> None:
    found = [(f.line, f.col, f.end_col, f.message, f.section) for f in _lint(ESSAY)]
    assert found == [
        (2, 5, 11, "'어플리케이션' → '애플리케이션' (이 문서에서 4회)", "1. 지원 동기 (500자)"),
        (2, 32, 35, "'메세지' → '메시지'", "1. 지원 동기 (500자)"),
        (6, 11, 13, "'런칭' → '론칭'", "2. 경험 (500자)"),
    ]
    (first, *_rest) = _lint(ESSAY)
    assert first.severity == "warning"
    assert first.suggestion == "애플리케이션"
    assert first.fix == Edit(2, 5, 2, 11, "애플리케이션")
    assert first.fix_also == (
        Edit(2, 21, 2, 27, "애플리케이션"),
        Edit(3, 4, 3, 10, "애플리케이션"),
        Edit(6, 3, 6, 9, "애플리케이션"),
    )


def test_known_typo_no_longer_reports_loanwords() -> None:
    found = [(f.code, f.line, f.col) for f in _lint(ESSAY, select=("EL301", "EL305"))]
    assert [code for code, _, _ in found] == ["EL305", "EL305", "EL305"]


def test_the_fix_changes_every_occurrence_and_nothing_else() -> None:
    for newline in ("\n", "\r\n", "\r"):
        before = ESSAY.replace("\n", newline)
        after = before.replace("어플리케이션", "애플리케이션").replace("메세지", "메시지")
        after = after.replace("런칭", "론칭")
        assert _fix(before.encode()) == after.encode(), repr(newline)
    nfd = unicodedata.normalize("NFD", ESSAY).encode()
    fixed = _fix(nfd).decode()
    assert "어플리케이션" not in unicodedata.normalize("NFC", fixed)
    assert fixed.count("애플리케이션") == 4  # the fixed words are NFC, the rest kept as it was
    assert unicodedata.normalize("NFD", fixed) == unicodedata.normalize(
        "NFD",
        ESSAY.replace("어플리케이션", "애플리케이션")
        .replace("메세지", "메시지")
        .replace("런칭", "론칭"),
    )


def test_suppressed_line_is_neither_counted_nor_fixed() -> None:
    text = (
        "## 1. 지원 동기 (500자)\n"
        "<!-- essaylint-disable-next-line loanword -->\n"
        "서비스 이름이 '런칭 데이'였습니다.\n"
        "첫 런칭 준비를 맡았고, 런칭 뒤에는 후기를 모았습니다.\n"
    )
    found = [(f.line, f.col, f.message) for f in _lint(text)]
    assert found == [(4, 3, "'런칭' → '론칭' (이 문서에서 2회)")]
    fixed = _fix(text.encode()).decode()
    assert fixed == text.replace("첫 런칭", "첫 론칭").replace("고, 런칭", "고, 론칭")
    assert "'런칭 데이'" in fixed


def test_markup_split_occurrence_is_counted_not_fixed() -> None:
    text = "## 1. 지원 동기\n타**겟** 고객을 정했고, 타겟 분석을 했습니다.\n"
    (finding,) = _lint(text)
    assert (finding.line, finding.col, finding.message) == (
        2,
        1,
        "'타겟' → '타깃' (이 문서에서 2회)",
    )
    assert finding.fix == Edit(2, 17, 2, 19, "타깃")
    assert finding.fix_also == ()
    assert _fix(text.encode()).decode() == text.replace(", 타겟", ", 타깃")


def test_strict_setting_adds_the_it_forms() -> None:
    text = "## 1. 기술\n프론트엔드 개발자로 메소드를 정리했습니다. 프론트엔드 팀과 일했습니다.\n"
    assert _lint(text) == []
    found = [(f.line, f.col, f.message) for f in _lint(text, "strict")]
    assert found == [
        (2, 1, "'프론트엔드' → '프런트엔드' (이 문서에서 2회)"),
        (2, 12, "'메소드' → '메서드'"),
    ]
    fixed = fix_source(decode(text.encode()), "e.md", _settings("strict")).text
    assert fixed == text.replace("프론트엔드", "프런트엔드").replace("메소드", "메서드")


def test_likely_typo_leaves_loanword_forms_alone() -> None:
    from essaylint.plugins.el302_likely_typo import _known_hits, _known_pairs

    assert _known_hits("새 어플리케이션과 프론트엔드") == [(2, 8), (10, 15)]
    assert _known_pairs()["어플리케이션"] == "애플리케이션"
    assert _known_pairs()["역활"] == "역할"


def test_json_jsonl_and_sarif_carry_every_edit(tmp_path: Path) -> None:
    import io

    result = lint_source(decode(ESSAY.encode()), "essay.md", _settings())
    results = [FileResult(path="essay.md", findings=result.findings, lines=result.lines)]

    def output(name: str) -> str:
        out = io.StringIO()
        render(name, results, out)
        return out.getvalue()

    report = json.loads(output("json"))
    fix = report["files"][0]["findings"][0]["fix"]
    assert (fix["line"], fix["column"], fix["text"]) == (2, 5, "애플리케이션")
    assert [(e["line"], e["column"]) for e in fix["also"]] == [(2, 21), (3, 4), (6, 3)]
    assert "also" not in report["files"][0]["findings"][1]["fix"]
    line = json.loads(output("jsonl").splitlines()[0])
    assert [(e["line"], e["col"]) for e in line["fix"]["also"]] == [(2, 21), (3, 4), (6, 3)]
    sarif = json.loads(output("sarif"))
    (change,) = sarif["runs"][0]["results"][0]["fixes"][0]["artifactChanges"]
    assert len(change["replacements"]) == 4


# --- edits applied as groups --------------------------------------------------------------------


def test_a_group_is_applied_whole_or_not_at_all() -> None:
    text = "가나다라마바사\n"
    first = (Edit(1, 1, 1, 2, "A"), Edit(1, 5, 1, 6, "E"))
    clash = (Edit(1, 3, 1, 4, "C"), Edit(1, 5, 1, 7, "X"))  # its second edit overlaps `first`
    later = (Edit(1, 7, 1, 8, "G"),)
    fixed, applied = apply_edit_groups(text, [first, clash, later])
    assert fixed == "A나다라E바G\n"
    assert applied == [first, later]
    inside = (Edit(1, 2, 1, 3, "B"), Edit(1, 9, 1, 10, "?"))  # past the end of its line
    assert apply_edit_groups(text, [inside]) == (text, [])
    same_start = (Edit(1, 2, 1, 3, "B"), Edit(1, 2, 1, 2, "+"))  # two edits at one place
    assert apply_edit_groups(text, [same_start]) == (text, [])


def test_single_edits_keep_their_old_behaviour() -> None:
    text = "가나다라\n마바사\n"
    edits = [
        Edit(1, 2, 1, 4, "X"),
        Edit(1, 3, 1, 5, "Y"),
        Edit(1, 2, 1, 2, "Z"),
        Edit(2, 1, 2, 2, "M"),
    ]
    assert apply_edits(text, edits) == ("가X라\nM바사\n", [edits[0], edits[3]])


# --- property: fixing leaves no listed form and changes only the forms ------------------------

_FORMS = ["어플리케이션", "타겟", "런칭", "메세지", "프론트엔드", "메소드"]
_FILLER = ["팀", "으로", "을", " ", " ", "\n", ", ", "서비스", "했습니다.", "타깃", "A"]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.sampled_from(_FORMS + _FILLER), max_size=40),
    st.sampled_from(["standard", "strict"]),
)
def test_fix_replaces_exactly_the_found_forms(pieces: list[str], strictness: str) -> None:
    body = "".join(pieces)
    text = "## 1. 질문\n" + body + "\n"
    findings = _lint(text, strictness)
    # One finding per form; its count is the number of places the matcher finds.
    matcher = loanword_matcher(strictness)  # type: ignore[arg-type]
    places = [hit for line in text.split("\n") for hit in matcher.find(line)]
    forms = {hit.wrong for hit in places}
    assert len(findings) == len(forms)
    for finding in findings:
        count = sum(1 for hit in places if finding.message.startswith(f"'{hit.wrong}'"))
        assert finding.message.endswith(f" (이 문서에서 {count}회)") == (count > 1)
        assert len(finding.fix_also) == count - 1
    fixed = fix_source(decode(text.encode()), "e.md", _settings(strictness)).text
    expected = "\n".join(_replace_hits(line, matcher) for line in text.split("\n"))
    assert fixed == expected
    assert _lint(fixed, strictness) == []


def _replace_hits(line: str, matcher: object) -> str:
    out, done = [], 0
    for hit in matcher.find(line):  # type: ignore[attr-defined]
        out += [line[done : hit.start], hit.right]
        done = hit.end
    return "".join([*out, line[done:]])


def test_cache_keeps_every_edit_of_a_fix() -> None:
    from essaylint.running.cache import decode_value, encode_value

    findings = _lint(ESSAY)
    back = decode_value(json.loads(json.dumps(encode_value(findings))))
    assert [f.fix_also for f in back] == [f.fix_also for f in findings]
    assert back == findings

"""Inputs that once took essaylint tens of seconds or more: each is linted for real here.

A hostile-input probe found them (Hangul without spaces, NFD syllables, runs of combining
marks, one huge emoji cluster, nested links, runs of flags). Each test runs the whole linter
in-process on a smaller size of the input than the probe's (the work is now linear, so a
smaller size exercises the same paths) and checks what comes out; none asserts on time.
Tests marked with the `kiwi` fixture need kiwipiepy, as the EL302 tests do.
"""

from __future__ import annotations

import io
import random
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from essaylint import Settings, lint_text
from essaylint.korean.text import LONGEST_RUN, hangul_words
from essaylint.linting.results import FileResult
from essaylint.reading.counting import count
from essaylint.reporters import text as text_reporter

HEAD = "# 지원 동기 (100자)\n\n"  # the probe's heading: a 100-character limit
NO_MODEL = Settings(ignore=("model",))
EXAMPLE = Path(__file__).parent.parent / "examples" / "kakao-application.md"


@pytest.fixture(scope="module")
def kiwi() -> Any:
    """Load Kiwi once for the tests that need it (about 2-3 s)."""
    pytest.importorskip("kiwipiepy")
    from essaylint.korean import model

    return model.get_kiwi()


def _lint(answer: str, settings: Settings | None = None) -> FileResult:
    return lint_text(HEAD + answer + "\n", settings=settings)


def _codes(result: FileResult) -> list[str]:
    return [finding.code for finding in result.findings]


def _answer_count(result: FileResult) -> int | None:
    (section,) = result.sections
    return section.count


# 1. Hangul written without spaces ------------------------------------------------------------


@pytest.mark.usefixtures("kiwi")
def test_hangul_without_spaces_is_counted_and_not_guessed_at() -> None:
    answer = ("가나다라마바사아자차카타파하" * 30)[:300]
    result = _lint(answer)
    # Before: one 300-syllable word with ~750 keystroke candidates, each 300 syllables long,
    # and a made-up typo reported on it. Now it is too long to be a word and is left alone.
    assert _codes(result) == ["EL201"]
    assert _answer_count(result) == 300


@pytest.mark.usefixtures("kiwi")
def test_the_example_without_spaces_gives_no_guess_on_an_overlong_run() -> None:
    lines = EXAMPLE.read_text(encoding="utf-8").splitlines()
    prose = [line for line in lines if line and not line.startswith(("#", "<", "-", "|", ">"))]
    answer = "".join("".join(line.split()) for line in prose)[:600]
    result = _lint(answer)
    assert "EL201" in _codes(result)
    for finding in result.findings:
        if finding.code == "EL302":
            assert finding.end_col - finding.col <= 16  # never a run longer than a word
    assert _answer_count(result) == count(answer.replace("**", ""))  # bold markup is not text


def test_a_word_longer_than_the_limit_is_never_a_suspect(kiwi: Any) -> None:
    from essaylint.korean.detect import Params, TypoDetector, Unit

    word = "가나다라마바사아자차카타파하가나다"  # 17 syllables: Kiwi cannot read it
    units = [Unit(word, ((0, len(word), word),))]
    assert TypoDetector(kiwi, Params()).suspects(units) == []
    allowed = TypoDetector(kiwi, Params(longest_word=17)).suspects(units)
    assert [suspect.word for suspect in allowed] == [word]  # the length alone kept it out


# 2. NFD syllables ------------------------------------------------------------------------------


@pytest.mark.usefixtures("kiwi")
def test_decomposed_syllables_count_as_syllables() -> None:
    result = _lint(unicodedata.normalize("NFD", "가" * 2000))
    assert _codes(result) == ["EL201"]
    assert _answer_count(result) == 2000
    assert result.findings[0].message.startswith("2,000/100자")


# 3. and 4. one grapheme cluster of 20,000 code points --------------------------------------------


@pytest.mark.usefixtures("kiwi")
@pytest.mark.parametrize(
    "answer",
    ["\u0301" * 20_000, "👩" + "\u200d👩" * 5_000],
    ids=["combining-accents", "zwj-emoji"],
)
def test_one_huge_cluster_is_one_character(answer: str) -> None:
    result = _lint(answer)
    assert _codes(result) == ["EL102"]  # a one-character answer is a stub
    assert _answer_count(result) == 1


def test_long_runs_without_spaces_are_searched_for_links_only_when_short() -> None:
    # The e-mail pattern was cubic on "a@a@...", the path pattern quadratic on a long run.
    assert hangul_words("a@" * 5_000 + "가나") == []  # one run holding '@': skipped whole
    assert hangul_words("가" * 10_000 + "/ 다라") == [(10_002, 10_004, "다라")]
    short = "x" * (LONGEST_RUN - 3) + "/가"  # a short run is still read as a path
    assert hangul_words(short + " 다라") == [(len(short) + 1, len(short) + 3, "다라")]
    assert [w for _, _, w in hangul_words("가나,다라," * 2_000)] == ["가나", "다라"] * 2_000


# 5. nested links -------------------------------------------------------------------------------


@pytest.mark.usefixtures("kiwi")
def test_nested_link_brackets_around_hangul() -> None:
    # '[가나' * 5000 + ']' * 5000 + '(u)' took over 100 s: 5,000 suspects, each with the whole
    # bracketed run glued to it as context. No bracket closes into a link: all text counts.
    answer = "[가나" * 1_000 + "]" * 1_000 + "(u)"
    result = _lint(answer)
    assert _codes(result) == ["EL201"]
    assert _answer_count(result) == len(answer)


@pytest.mark.usefixtures("kiwi")
def test_deeply_nested_links() -> None:
    result = _lint("[" * 5_000 + "x" + "](u)" * 5_000)
    assert _codes(result) == ["EL201"]
    # Only the innermost [x](u) is a link: 4,999 '[', 'x' and 4,999 '](u)' are text.
    assert _answer_count(result) == 4_999 + 1 + 4 * 4_999


# 6. regional indicators (no model) ---------------------------------------------------------------


def test_a_long_run_of_regional_indicators_pairs_into_flags() -> None:
    result = _lint("🇰" * 20_001, NO_MODEL)
    assert _codes(result) == ["EL201"]
    assert _answer_count(result) == 10_001  # 10,000 pairs and one lone indicator
    assert count("🇰🇷" * 3 + "🇰" + "\u0301", "chars") == 4  # the mark joins the lone one


# The same kinds of work elsewhere --------------------------------------------------------------


def test_many_findings_on_one_long_line_are_each_shown() -> None:
    result = _lint("아떠한 " * 2_000 + "e" + "\u0301" * 5_000, NO_MODEL)
    typos = [f for f in result.findings if f.code == "EL301"]
    assert len(typos) == 2_000
    out = io.StringIO()
    text_reporter.render([result], out)
    shown = out.getvalue()
    assert shown.count(": EL301 ") == 2_000
    assert shown.count("^^^^^^") >= 2_000  # every typo underlined (6 columns)


@pytest.mark.usefixtures("kiwi")
def test_a_file_of_random_syllables_skips_likely_typo_with_a_note() -> None:
    from essaylint.korean.syllables import KNOWN_SYLLABLES

    rng = random.Random(5)
    syllables = sorted(KNOWN_SYLLABLES)
    words = ["".join(rng.choices(syllables, k=rng.randint(2, 5))) for _ in range(700)]
    result = _lint(" ".join(words))
    assert "EL302" not in _codes(result)
    (note,) = [note for note in result.notes if note.startswith("EL302")]
    assert "too many to check" in note


@pytest.mark.usefixtures("kiwi")
def test_spacing_on_a_long_line_finds_every_word() -> None:
    settings = Settings(extend_select=("EL303",))
    result = _lint("판단할수있도록 " * 1_000, settings)
    spacing = [f for f in result.findings if f.code == "EL303"]
    assert len(spacing) == 1_000
    assert {f.suggestion for f in spacing} == {"판단할 수 있도록"}

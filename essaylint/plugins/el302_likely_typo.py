"""EL302 likely-typo: a word that reads much better with one key or jamo changed.

## What it flags
A Hangul word that Kiwi, a Korean morphological analyser with a language model, finds far more
likely with a small correction, judged with the words around it. Corrections tried:

- one jamo changed to one on a touching 두벌식 key (`ㄱ`/`ㄷ` are the r/e keys, `ㅏ`/`ㅓ` are
  k/j): `아떠한` → `어떠한`, `글면` → `들면`, `츨퇴근` → `출퇴근`;
- Shift missed or held (`ㄱ`/`ㄲ`, `ㅅ`/`ㅆ`, `ㅐ`/`ㅒ`), commonly confused vowels (`ㅓ`/`ㅏ`,
  `ㅜ`/`ㅡ`, `ㅐ`/`ㅔ`, `ㅗ`/`ㅓ` …), a final consonant dropped or doubled (`했스니다`,
  `달른`, `먹거`), and the known-typo and loanword pairs;
- keystroke slips beyond one jamo edit: one key inserted, dropped, swapped with the next one or
  hit beside the right one, replayed through the 두벌식 keyboard (`해보앗다` needs a key put
  back mid-word, `했슨비다` two keys swapped). Two separate slips in one word are not caught;
- a syllable typed twice (`무선사사업부`) or a false start typed over (`외면바드받을`,
  `안흥않으면서`: the first try's final carried onto the next vowel), read as the word without it;
- a lone jamo glued to a word (`ㅂ받아들일`, `정리했습ㄴ디ㅏ`): a slip whatever the context
  (laughter and crying marks such as `좋아요ㅋㅋ` aside).

What the writer means on purpose is left alone: a name or coined word the document writes
three times or more (a project, a product: the first letters up to the changed one recur), a
noun Kiwi knows needs 4 more points of evidence than a word it has to guess at (rare nouns,
names and trade words are written on purpose far more often than a slip makes one), and a
correction inside a listed word that starts a compound is not offered.

Only examined: Hangul words of two syllables or more that are not glued to Latin letters or
digits (`Redis에`, `3년`), not in code spans, URLs or paths, not listed in the user's
dictionary or the shipped IT list, and (by default) not already flagged by known-typo or
loanword. Headings, answers and the text before the first question are read; `reference`
sections are not.

The message is `'아떠한' → '어떠한'?`; the suggestion is the corrected word, always a word Kiwi
knows. When the likeliest fix is not one, the message is `'보곻ㅆ습니다': check this word` and
there is no suggestion. Never auto-fixed.

## Why it matters
Keyboard slips survive proofreading because the eye reads the intended word, and they are the
first thing a reviewer notices in a 자기소개서.

## Example
```markdown
## 지원 동기 (500자)
입사 후에는 어떠한 상황에서도 사용자가 장애를 느끼지 않는 서버를 먼들겠습니다.
```

## Instead
```markdown
## 지원 동기 (500자)
입사 후에는 어떠한 상황에서도 사용자가 장애를 느끼지 않는 서버를 만들겠습니다.
```

## Fix
Check the word; if the suggestion is what you meant, type it. Nothing is changed for you.

## False positives
Rare words, names and new transliterations can look like slips (`직방` is one key from
`직장`). About 460 IT words and Korean IT company names ship in `rules/words/tech.txt`, and
about 80 hiring, business and student words (`당사`, `입행`, `사수`, `복붙`) in
`rules/words/hiring.txt`; add your own to your dictionary: `words = ["카카오톡", "ArgoCD"]` in
the config, a `.essaylint-words.txt` file (one word per line, `#` comments) next to it, or
`<!-- essaylint-words: 카카오톡 멱등성 -->` in the essay. A listed word is accepted with
particles attached (`카카오톡으로`) or as a verb (`배포했습니다`). Raise `threshold` (words Kiwi knows, default 10) or
`threshold_unknown` (words it does not, default 10) to report fewer, surer typos; the
thresholds are natural-log likelihood gains measured on bench/typos (see its RESULTS.md:
injected typos and real essays judged by hand). Loading the model takes a few seconds once per run; documents
without Hangul never load it. Needs kiwipiepy (a dependency; without it the rule is skipped with a note).

Limits, so that any file is checked in a few seconds: a word of more than 16 syllables
(text written without spaces; no word of an ordinary essay comes near) is not examined, a run
of more than 256 characters without spaces that holds `/`, `@` or `www.` is taken for a link
and not read, and each word of context around a suspect is cut to its 64 characters nearest
it. When the different words that look mistyped would take more than about 5 s to check
beyond what five times the usual share of them in essay prose would take (a 10 KB file: some
550 words of 2-3 syllables, or 30 of 16; the kakao example has 172, the 38,000-character
bench/typos essay corpus 375), the file is not read as prose: the rule is skipped for it with
a note. A long document of real essays is checked whole, in time linear in its size.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from itertools import accumulate
from typing import TYPE_CHECKING

from essaylint.korean import DEFAULT_THRESHOLD, DEFAULT_THRESHOLD_UNKNOWN
from essaylint.linting.plugin import Hit, Rule, RuleContext, RuleOptions, RuleUnavailable
from essaylint.reading.model import Document

if TYPE_CHECKING:
    from essaylint.korean.detect import TypoDetector, Unit
    from essaylint.korean.scan import Block
    from essaylint.korean.vocabulary import Vocabulary

# The detector and its helpers are imported inside the functions: `--ignore model` runs (and
# documents without Hangul) never pay for them.

__all__ = [
    "MOST_WORK",
    "RULE",
    "WORK_PER_CHARACTER",
    "Options",
    "check",
    "detector",
    "within_budget",
    "work",
]

MOST_WORK = 1_000.0
"""How much checking a file may ask for, in units of ~5 ms (see `work`), beyond
`WORK_PER_CHARACTER` of its text: about 5 s for any file. The kakao example asks for ~330, the
38,000-character bench/typos essay corpus ~790 (0.02 a character); 10 KB of random syllables
~6,000 (over 1 a character)."""
WORK_PER_CHARACTER = 0.1
"""Five times what essay prose asks for: a long document of real essays is checked whole (in
time linear in its size), while text that does not read as Korean is not."""


def within_budget(words: Iterable[str], size: int) -> bool:
    """Whether checking these different suspicious words, in `size` characters of text, is
    worth its time (`MOST_WORK`, `WORK_PER_CHARACTER`)."""
    return sum(work(word) for word in words) <= MOST_WORK + WORK_PER_CHARACTER * size


def work(word: str) -> float:
    """Cost of checking a suspicious word: its candidates grow with its length, and each is as
    long as the word (measured: 2 syllables ~7 ms, 5 ~21 ms, 11 ~76 ms, 16 ~165 ms)."""
    return 1 + len(word) ** 2 / 8


@dataclass(frozen=True)
class Options(RuleOptions):
    # Rise in Kiwi's log-probability of the surrounding words a correction must bring.
    threshold: float = DEFAULT_THRESHOLD
    # The same for a word Kiwi does not know at all (names, new loanwords).
    threshold_unknown: float = DEFAULT_THRESHOLD_UNKNOWN
    # Also try slips beyond one jamo edit (a key inserted, dropped or swapped).
    keystroke_slips: bool = True
    # Leave words that known-typo or loanword flags to them (turn off when they are off).
    defer_to_known_typo: bool = True

    def validate(self) -> None:
        if self.threshold <= 0:
            raise ValueError("threshold: must be > 0")
        if self.threshold_unknown <= 0:
            raise ValueError("threshold_unknown: must be > 0")


@cache
def detector(keystroke_slips: bool = True) -> TypoDetector:
    """The process's detector (loads Kiwi on first use)."""
    from essaylint.korean.detect import Params, TypoDetector
    from essaylint.korean.model import get_kiwi

    return TypoDetector(get_kiwi(), Params(keystroke=keystroke_slips), pairs=_known_pairs())


def _known_pairs() -> dict[str, str]:
    """The curated pairs of known-typo and of loanword (every tier)."""
    try:
        from essaylint.linting.loanwords import loanword_matcher
        from essaylint.linting.typos import builtin_matcher
    except ImportError:  # pragma: no cover - typos module missing
        return {}
    entries = (*builtin_matcher().entries, *loanword_matcher("strict").entries)
    return {e.wrong: e.right for e in entries if " " not in e.wrong}


def _known_hits(text: str) -> list[tuple[int, int]]:
    """Words known-typo or loanword (any tier: a form left to the strict setting is loanword's
    question, not a likely typo) would flag."""
    try:
        from essaylint.linting.loanwords import loanword_matcher
        from essaylint.linting.typos import builtin_matcher
    except ImportError:  # pragma: no cover
        return []
    hits = [(m.start, m.end) for m in builtin_matcher().find(text)]
    return hits + [(m.start, m.end) for m in loanword_matcher("strict").find(text)]


def _overlaps(spans: list[tuple[int, int]]) -> Callable[[int, int], bool]:
    """A test of whether `[start, end)` overlaps one of `spans`, by bisection (a span with many
    known typos and many words would otherwise cost their product)."""
    ordered = sorted(spans)
    starts = [a for a, _ in ordered]
    reach = list(accumulate((b for _, b in ordered), max))  # furthest end among the first i+1

    def overlaps(start: int, end: int) -> bool:
        before = bisect_left(starts, end)  # spans starting before `end`
        return before > 0 and reach[before - 1] > start

    return overlaps


def _units(
    doc: Document, vocabulary: Vocabulary, defer: bool
) -> tuple[list[Unit], list[tuple[Block, int]], int]:
    """Sentences to examine, for each the block it came from and its offset there, and the
    length of all the blocks' text."""
    from essaylint.korean.detect import Unit
    from essaylint.korean.scan import blocks, span_words
    from essaylint.korean.text import hangul_words, sentence_bounds, sentence_starts

    units: list[Unit] = []
    origins: list[tuple[Block, int]] = []
    size = 0
    for block in blocks(doc):
        size += len(block.text)
        by_sentence: dict[tuple[int, int], list[tuple[int, int, str]]] = {}
        starts = sentence_starts(block.text)
        for span, offset in span_words(block):
            known = _overlaps(_known_hits(span.text) if defer else [])
            for start, end, word in hangul_words(span.text):
                if len(word) < 2 or vocabulary.accepts(word):
                    continue
                if known(start, end):
                    continue
                where = offset + start
                bounds = sentence_bounds(block.text, where, starts)
                by_sentence.setdefault(bounds, []).append((where, where + len(word), word))
        for (first, last), words in by_sentence.items():
            units.append(
                Unit(
                    block.text[first:last],
                    tuple((a - first, b - first, w) for a, b, w in words),
                )
            )
            origins.append((block, first))
    return units, origins, size


def check(doc: Document, opts: Options, ctx: RuleContext) -> Iterator[Hit]:
    from essaylint.korean.scan import document_has_hangul, suggestion_hit
    from essaylint.korean.vocabulary import Vocabulary, shipped_words, user_words

    if not document_has_hangul(doc):
        return
    yield from _stray_letters(doc)
    words = user_words(ctx.settings, ctx.base_dir, doc.comments)
    vocabulary = Vocabulary(shipped_words() | words)
    units, origins, size = _units(doc, vocabulary, opts.defer_to_known_typo)
    if not units:
        return
    from essaylint.korean.detect import DocumentWords

    typos = detector(opts.keystroke_slips)
    terms = DocumentWords()
    suspects = typos.suspects(units, terms)
    different = {suspect.word for suspect in suspects}
    if not within_budget(different, size):
        raise RuleUnavailable(
            f"{len(different):,} different words look mistyped, too many to check "
            "(the text does not read as Korean prose)"
        )
    found = typos.score(units, suspects)
    for scored in found:
        if scored.best is None or not typos.reports(
            scored, terms, opts.threshold, opts.threshold_unknown
        ):
            continue
        if vocabulary.protects(scored.word, scored.best.text):
            continue
        block, first = origins[scored.unit]
        if typos.is_word(scored.best.text):
            message, suggestion = f"'{scored.word}' → '{scored.best.text}'?", scored.best.text
        else:  # the likeliest fix is no word Kiwi knows: say where, offer nothing
            message, suggestion = f"'{scored.word}': check this word", None
        hit = suggestion_hit(block, first + scored.start, first + scored.end, message, suggestion)
        if hit is not None:
            yield hit


def _stray_letters(doc: Document) -> Iterator[Hit]:
    """Words with a lone jamo glued to them (`ㅂ받아들일`): a slip whatever the context, with
    the real word one dropped or swapped key makes of it, or none when no key does."""
    from essaylint.korean.scan import blocks, span_words, suggestion_hit
    from essaylint.korean.stray import repairs, stray_words

    for block in blocks(doc):
        for span, offset in span_words(block):
            for stray in stray_words(span.text):
                options = repairs(stray.word)
                fixed = detector().best_word(options) if options else None
                start, end = offset + stray.start, offset + stray.end
                if fixed is None:
                    hit = suggestion_hit(
                        block, start, end, f"'{stray.word}': check this word", None
                    )
                else:
                    hit = suggestion_hit(block, start, end, f"'{stray.word}' → '{fixed}'?", fixed)
                if hit is not None:
                    yield hit


RULE = Rule(
    code="EL302",
    name="likely-typo",
    check=check,
    options=Options,
    severity="warning",
    fixable=False,
    tags=("spelling", "model"),
    summary="오타로 보이는 단어 (a word Kiwi reads far better with one key changed)",
)

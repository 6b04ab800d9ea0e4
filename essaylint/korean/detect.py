"""Find likely typos with Kiwi: a cheap prefilter, jamo-level candidates, a context score.

For a batch of sentences (`Unit`s, each with the words to examine):

1. *Analyse* every sentence once (one batched Kiwi call) and read, for each word, the tokens
   Kiwi made of it. A word is *suspicious* when Kiwi had to guess part of it (an
   out-of-vocabulary token), when its tokens score low for its length or one token is very
   unlikely (`Params.gate_word`, `Params.gate_token`), or when the tokens form a pattern a
   correctly typed word rarely has (a stem with no ending, an interjection or a stray
   one-syllable noun inside a word, a case particle followed by more, a typo-dictionary
   ending such as 슴니다). About one correct word in eight is suspicious.
2. *Generate* corrections of each suspicious word (`essaylint.korean.candidates`: keyboard
   neighbours, Shift slips, vowel confusions, dropped or doubled finals, keystroke slips and the
   known-typo pairs) and score each candidate *alone* with Kiwi (batched, cached); keep the
   few that read better than the word itself (`Params.top_k`).
3. *Score in context*: the word with up to `Params.window` words either side, as written and
   with each kept candidate, in one batched call. The gain is the rise in Kiwi's
   log-probability of the window, adjusted by kind of slip (`Params.penalties`: a curated
   pair needs less evidence than a keyboard neighbour); the word is reported when the best
   gain reaches `Params.threshold` (`threshold_unknown` for a word Kiwi did not know at all),
   plus `Params.known_margin` when the correction would change a noun Kiwi knows; a name or
   coined word the document writes three times or more is left alone (`writers_term`).

Scores are natural-log probabilities of Kiwi's best analysis, so a gain of 10 means the
corrected window is e^10 (about 22,000) times as likely as the written one.

Work is bounded per word, so a batch costs time linear in its text: a word longer than
`Params.longest_word` syllables is never a suspect (it has a candidate per keystroke, each as
long as the word, so its cost grows with the square of its length; no word of the bench
corpora or the examples is over 11), and each piece of context in a window is cut to its
`Params.longest_part` characters nearest the word.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from essaylint.base.patterns import compile_pattern
from essaylint.korean import DEFAULT_THRESHOLD, DEFAULT_THRESHOLD_UNKNOWN
from essaylint.korean.candidates import Candidate, candidates

__all__ = [
    "DEFAULT_THRESHOLD",
    "DEFAULT_THRESHOLD_UNKNOWN",
    "Correction",
    "DocumentWords",
    "Params",
    "Part",
    "Scored",
    "Suspect",
    "TypoDetector",
    "Unit",
    "changes_a_known_word",
    "writers_term",
]

_OOV_IDS = frozenset({0, 1, 2, 3})  # Kiwi's placeholder morphemes: UN, NNG, NNP guessed
_PART = compile_pattern(r"\S+")  # a whitespace-separated piece, as str.split() makes them


def _first(part: tuple[int, int]) -> int:
    return part[0]


def _last(part: tuple[int, int]) -> int:
    return part[1]


def _unknown(token: Any) -> bool:
    """Whether Kiwi guessed this token from its characters (it is not in Kiwi's dictionary)."""
    oov = getattr(token, "oov", None)
    return bool(oov) if oov is not None else token.id in _OOV_IDS


@dataclass(frozen=True, slots=True)
class Params:
    """Thresholds of the detector; the defaults were tuned on bench/typos (see RESULTS.md)."""

    gate_word: float = -5.0  # examine a word whose tokens average below this per syllable
    gate_token: float = -13.0  # ... or with one token below this
    top_k: int = 6  # candidates kept after scoring alone
    threshold: float = DEFAULT_THRESHOLD  # context gain needed to report
    threshold_unknown: float = DEFAULT_THRESHOLD_UNKNOWN  # ... for a word Kiwi does not know
    known_margin: float = 4.0  # ... more, to change a noun Kiwi knows (changes_a_known_word)
    window: int = 2  # words of context either side
    penalties: Mapping[str, float] = field(
        default_factory=lambda: {
            "pair": -6.0,
            "keyboard": 0.0,
            "shift": -3.0,
            "vowel": -2.0,
            "final": -1.0,
            "keystroke": 0.0,
        }
    )
    keystroke: bool = True  # also try slips beyond one jamo edit
    longest_word: int = 16  # syllables; a longer word is not examined
    longest_part: int = 64  # characters of each piece of context kept, nearest the word


@dataclass(frozen=True, slots=True)
class Suspect:
    """A word the prefilter passed on: `units[unit].text[start:end]` is `word`.

    `unknown` says whether Kiwi had to guess part of the word (an out-of-vocabulary token).
    """

    unit: int
    start: int
    end: int
    word: str
    unknown: bool
    parts: tuple[Part, ...] = ()


@dataclass(frozen=True, slots=True)
class Part:
    """One of Kiwi's tokens of a word, in context: `word[start:end]` read as `form`/`tag`."""

    start: int
    end: int
    form: str
    tag: str
    unknown: bool


@dataclass(frozen=True, slots=True)
class Unit:
    """A sentence and the words of it to examine: `(start, end, word)` with `text[start:end]`."""

    text: str
    words: tuple[tuple[int, int, str], ...]


@dataclass(frozen=True, slots=True)
class Scored:
    """A suspicious word and its best candidate (None when no candidate read better alone)."""

    unit: int
    start: int
    end: int
    word: str
    best: Candidate | None
    gain: float
    unknown: bool = False
    parts: tuple[Part, ...] = ()


@dataclass(frozen=True, slots=True)
class Correction:
    """A reported word: `units[unit].text[start:end]` is `word`, probably meant `suggestion`."""

    unit: int
    start: int
    end: int
    word: str
    suggestion: str
    kind: str
    gain: float


# Informal or mistyped endings Kiwi's built-in typo dictionary accepts (습니다 typed 슴니다).
_VARIANT_FORMS = frozenset({"슴니다", "슴다", "ᆷ니다", "ᆷ다", "엇", "겟", "긔"})
# Tags after which a word may not simply end: stems, the copula, pre-final endings.
_STEM_TAGS = frozenset({"VV", "VA", "VX", "XSV", "XSA", "VCP", "EP"})
_NOUN_TAGS = frozenset({"NNG", "NNP", "NNB", "NR", "NP"})
_ODD_SYLLABLE_NOUN = -9.0  # a one-syllable noun glued after other tokens, scoring below this


def _odd_structure(tokens: list[Any]) -> bool:
    """Token patterns a correctly typed word (eojeol) rarely has, whatever their scores."""
    tags = [token.tag.split("-")[0] for token in tokens]  # VV-I, VA-R -> VV, VA
    if tags[-1] in _STEM_TAGS:
        return True  # a stem with no ending: 필요하, 보호하
    for index, (tag, token) in enumerate(zip(tags, tokens, strict=True)):
        following = tags[index + 1] if index + 1 < len(tags) else None
        if tag in ("Z_CODA", "UN") or token.form in _VARIANT_FORMS:
            return True
        if tag == "IC" and len(tags) > 1:
            return True  # an interjection inside a word: 아떠한 read as 아 + 뜨어한
        if index and token.len == 1 and tag in _NOUN_TAGS and token.score < _ODD_SYLLABLE_NOUN:
            return True  # 권리르 read as 권리 + 르
        if following is None or following.startswith("S"):
            continue
        if tag in ("JKO", "JKS"):
            return True  # nothing follows 을/를 or 이/가 in a word: 의원을로
        if tag == "ETM" and following not in _NOUN_TAGS:
            return True  # 실시한더
    return False


class TypoDetector:
    """One per process (it caches Kiwi's scores of single words); `detect` is the entry."""

    def __init__(
        self,
        kiwi: Any,
        params: Params | None = None,
        pairs: Mapping[str, str] | None = None,
    ) -> None:
        self.kiwi = kiwi
        self.params = params or Params()
        self.pairs = dict(pairs or {})
        self._alone: dict[str, float] = {}
        self._guessed: set[str] = set()  # scored alone, Kiwi had to guess part of it
        self._candidate_cache: dict[str, list[Candidate]] = {}

    # -- public -----------------------------------------------------------------------------

    def detect(self, units: Sequence[Unit]) -> list[Correction]:
        """Words of `units` that are probably typos, with the best correction."""
        terms = DocumentWords()
        suspects = self.suspects(units, terms)
        return [
            Correction(s.unit, s.start, s.end, s.word, s.best.text, s.best.kind, s.gain)
            for s in self.score(units, suspects)
            if s.best is not None and self.reports(s, terms)
        ]

    def is_word(self, text: str) -> bool:
        """Whether Kiwi reads a candidate (already scored alone) without guessing any of it:
        only such a candidate is offered as the word meant."""
        return text not in self._guessed

    def best_word(self, texts: Sequence[str]) -> str | None:
        """The likeliest of `texts` that Kiwi reads without guessing (a real word), if any."""
        best: tuple[float, str] | None = None
        for text, result in zip(texts, self.kiwi.analyze(list(texts), top_n=1), strict=True):
            tokens, score = result[0][0], float(result[0][1])
            if (
                tokens
                and not any(_unknown(t) for t in tokens)
                and (best is None or score > best[0])
            ):
                best = (score, text)
        return None if best is None else best[1]

    def reports(
        self,
        scored: Scored,
        terms: DocumentWords,
        threshold: float | None = None,
        threshold_unknown: float | None = None,
    ) -> bool:
        """Whether a scored word is worth reporting: its gain reaches the threshold (higher
        for a word Kiwi does not know, and `known_margin` higher for a change to a known noun
        or ending), and it is not a term the document itself uses again (`terms`, filled by
        `suspects`)."""
        if scored.best is None:
            return False
        if scored.unknown:
            needed = (
                self.params.threshold_unknown if threshold_unknown is None else threshold_unknown
            )
        else:
            needed = self.params.threshold if threshold is None else threshold
        if changes_a_known_word(scored):
            needed += self.params.known_margin
        return scored.gain >= needed and not writers_term(scored, terms)

    def threshold(self, unknown: bool) -> float:
        """The gain a correction needs: lower when Kiwi did not know the word at all."""
        if unknown:
            return self.params.threshold_unknown
        return self.params.threshold

    def score(
        self, units: Sequence[Unit], suspects: Sequence[Suspect] | None = None
    ) -> list[Scored]:
        """Every suspicious word of `units` with its best candidate and gain (for tuning);
        `suspects` are `self.suspects(units)` when the caller has them already."""
        if suspects is None:
            suspects = self.suspects(units)
        if not suspects:
            return []
        shortlist = self._shortlist([s.word for s in suspects])
        windows: list[str] = []
        plan: list[tuple[int, list[Candidate]]] = []
        parts: dict[int, list[tuple[int, int]]] = {}  # per unit, made once: see `_window`
        for suspect in suspects:
            kept = shortlist[suspect.word]
            plan.append((len(windows), kept))
            if not kept:
                continue
            text = units[suspect.unit].text
            if suspect.unit not in parts:
                parts[suspect.unit] = [found.span() for found in _PART.finditer(text)]
            before, after = self._window(text, suspect.start, suspect.end, parts[suspect.unit])
            windows.append(before + suspect.word + after)
            windows.extend(before + candidate.text + after for candidate in kept)
        totals = self._analyse_scores(windows)
        penalties = self.params.penalties
        results: list[Scored] = []
        for suspect, (first, kept) in zip(suspects, plan, strict=True):
            best: Candidate | None = None
            gain = float("-inf")
            if kept:
                base = totals[first]
                for offset, candidate in enumerate(kept, start=1):
                    value = totals[first + offset] - base - penalties.get(candidate.kind, 0.0)
                    if value > gain:
                        best, gain = candidate, value
            results.append(
                Scored(
                    suspect.unit,
                    suspect.start,
                    suspect.end,
                    suspect.word,
                    best,
                    gain,
                    suspect.unknown,
                    suspect.parts,
                )
            )
        return results

    def suspects(self, units: Sequence[Unit], terms: DocumentWords | None = None) -> list[Suspect]:
        """The words of `units` that the prefilter passes on, in order.

        `terms`, when given, gets every Hangul word of `units`: the document's own vocabulary
        (see `writers_term`)."""
        todo = [i for i, unit in enumerate(units) if unit.words]
        analyses = self._analyse([units[i].text for i in todo])
        found: list[Suspect] = []
        longest = self.params.longest_word
        for unit_index, tokens in zip(todo, analyses, strict=True):
            if terms is not None:
                terms.add(units[unit_index].text)
            words = [item for item in units[unit_index].words if len(item[2]) <= longest]
            for (start, end, word), inside in zip(words, _tokens_of(words, tokens), strict=True):
                if inside and self._suspicious(word, inside):
                    unknown = any(_unknown(t) for t in inside)
                    parts = tuple(
                        Part(
                            max(0, t.start - start),
                            min(len(word), t.start + t.len - start),
                            t.form,
                            t.tag,
                            _unknown(t),
                        )
                        for t in inside
                    )
                    found.append(Suspect(unit_index, start, end, word, unknown, parts))
        return found

    # -- steps ------------------------------------------------------------------------------

    def _suspicious(self, word: str, tokens: list[Any]) -> bool:
        params = self.params
        if any(_unknown(token) for token in tokens):
            return True
        total = sum(token.score for token in tokens)
        if total / len(word) < params.gate_word:
            return True
        if min(token.score for token in tokens) < params.gate_token:
            return True
        return _odd_structure(tokens)

    def _candidates(self, word: str) -> list[Candidate]:
        known = self._candidate_cache.get(word)
        if known is None:
            known = candidates(word, pairs=self.pairs, keystroke=self.params.keystroke)
            if len(self._candidate_cache) > 50_000:
                self._candidate_cache.clear()
            self._candidate_cache[word] = known
        return known

    def _shortlist(self, words: Iterable[str]) -> dict[str, list[Candidate]]:
        """For each word, the `top_k` candidates that read better alone than the word does."""
        unique = list(dict.fromkeys(words))
        needed: list[str] = []
        for word in unique:
            needed.append(word)
            needed.extend(candidate.text for candidate in self._candidates(word))
        self._score_alone(needed)
        alone = self._alone
        shortlist: dict[str, list[Candidate]] = {}
        for word in unique:
            own = alone[word]
            better = [c for c in self._candidates(word) if alone[c.text] > own]
            better.sort(key=lambda c: alone[c.text], reverse=True)
            shortlist[word] = better[: self.params.top_k]
        return shortlist

    def _score_alone(self, texts: Iterable[str]) -> None:
        missing = [text for text in dict.fromkeys(texts) if text not in self._alone]
        if len(self._alone) + len(missing) > 200_000:  # keep memory bounded in long runs
            self._alone = {text: self._alone[text] for text in texts if text in self._alone}
            self._guessed = {text for text in self._guessed if text in self._alone}
        if not missing:
            return
        for text, result in zip(missing, self.kiwi.analyze(missing, top_n=1), strict=True):
            self._alone[text] = float(result[0][1])
            if any(_unknown(token) for token in result[0][0]):
                self._guessed.add(text)

    def _window(
        self, text: str, start: int, end: int, parts: list[tuple[int, int]] | None = None
    ) -> tuple[str, str]:
        """Up to `window` whitespace-separated words of context on each side of text[start:end].

        `parts` are the `(start, end)` of `text`'s pieces (`\\S+`), as `str.split()` makes
        them; found by bisection, so a long sentence is not split again for every word. Each
        piece is cut to the `longest_part` characters nearest the word.
        """
        if parts is None:
            parts = [found.span() for found in _PART.finditer(text)]
        size = self.params.window
        cut = self.params.longest_part
        left = bisect_left(parts, start, key=_first) - 1  # the last piece starting before `start`
        right = bisect_right(parts, end, key=_last)  # the first piece ending after `end`
        # Keep what is glued to the word (punctuation, particles of a split word).
        glued_left = glued_right = ""
        if start > 0 and not text[start - 1].isspace():
            glued_left = text[max(parts[left][0], start - cut) : start]
            left -= 1
        if end < len(text) and not text[end].isspace():
            glued_right = text[end : min(parts[right][1], end + cut)]
            right += 1
        kept = parts[max(0, left + 1 - size) : left + 1] if size > 0 else []
        before = "".join(text[max(a, b - cut) : b] + " " for a, b in kept)
        after = "".join(" " + text[a : min(b, a + cut)] for a, b in parts[right : right + size])
        return before + glued_left, glued_right + after

    def _analyse(self, texts: list[str]) -> list[list[Any]]:
        from essaylint.korean.model import analyse

        return analyse(self.kiwi, texts) if texts else []

    def _analyse_scores(self, texts: list[str]) -> list[float]:
        """Kiwi's score of each text; each different text is analysed once (a repeated phrase
        gives the same windows again and again)."""
        if not texts:
            return []
        unique = list(dict.fromkeys(texts))
        results = self.kiwi.analyze(unique, top_n=1)
        scores = {text: float(result[0][1]) for text, result in zip(unique, results, strict=True)}
        return [scores[text] for text in texts]


_HANGUL_WORD = compile_pattern(r"[가-힣]+")


class DocumentWords:
    """Every Hangul word of a document, to count the words that start a given way."""

    def __init__(self) -> None:
        self._words: list[str] = []
        self._sorted = True

    def add(self, text: str) -> None:
        self._words.extend(found.group() for found in _HANGUL_WORD.finditer(text))
        self._sorted = False

    def starting(self, prefix: str) -> int:
        """How many words start with `prefix`."""
        if not self._sorted:
            self._words.sort()
            self._sorted = True
        return bisect_left(self._words, prefix + "\uffff") - bisect_left(self._words, prefix)


def _first_change(scored: Scored) -> int:
    """Index of the first character of the written word that the correction changes."""
    word = scored.word
    fixed = scored.best.text if scored.best is not None else word
    return next(
        (i for i, (a, b) in enumerate(zip(word, fixed, strict=False)) if a != b),
        min(len(word), len(fixed)),
    )


def _changed(scored: Scored) -> list[Part]:
    """The parts of the written word holding its first character the correction changes."""
    if scored.best is None:
        return []
    first = _first_change(scored)
    return [part for part in scored.parts if part.start <= first < part.end]


_NOUNS = frozenset({"NNG", "NNP"})
_NAME_TAGS = frozenset({"NNG", "NNP", "NNB", "SL", "XR"})


def _known_noun(scored: Scored, part: Part) -> bool:
    """A noun of two syllables or more that Kiwi knows, read as written."""
    return (
        part.tag in _NOUNS
        and not part.unknown
        and len(part.form) >= 2
        and scored.word[part.start : part.end] == part.form
    )


def writers_term(scored: Scored, terms: DocumentWords, least: int = 3) -> bool:
    """Whether the correction would change a name or coined word the document writes `least`
    times or more: a project, a product or a term of the writer's field spelled the same way
    again and again is their word, not a slip of the keys (a slip is rarely repeated letter for
    letter). The changed letter must sit in a noun Kiwi does not know as a whole (a guessed
    noun, or a name it split into nouns: 가계뷰 as 가계 + 뷰); a known noun used elsewhere says
    nothing (a slip can make one), and neither does a verb stem (실행되 starts many words)."""
    changed = _changed(scored)
    if not changed or any(part.tag not in _NAME_TAGS and not part.unknown for part in changed):
        return False
    if any(_known_noun(scored, part) for part in changed):
        return False
    stem = scored.word[: max(_first_change(scored) + 1, 2)]  # up to the changed letter
    return terms.starting(stem) >= least


def changes_a_known_word(scored: Scored) -> bool:
    """Whether the correction changes a noun of two syllables or more that Kiwi knows, read as
    written. Such a word is usually right (a rare noun, a name, a word of the writer's trade:
    레진, 버퍼, 입행), so it needs more evidence than a word Kiwi had to guess at
    (`Params.known_margin`); typos that make another real noun are rarer than rare nouns."""
    if any(part.unknown for part in scored.parts):
        return False
    return any(_known_noun(scored, part) for part in _changed(scored))


def _tokens_of(words: Sequence[tuple[int, int, str]], tokens: list[Any]) -> list[list[Any]]:
    """For each word `(start, end, _)`, in order, the tokens overlapping it, in order.

    One sweep when the words and the token starts run left to right (as Kiwi gives them), so a
    long sentence costs its words plus its tokens, not their product.
    """
    ordered = all(a.start <= b.start for a, b in pairwise(tokens))
    ordered = ordered and all(a[1] <= b[0] for a, b in pairwise(words))
    if not ordered:
        return [[t for t in tokens if t.start < e and t.start + t.len > s] for s, e, _ in words]
    found: list[list[Any]] = []
    first = 0  # tokens before it end at or before the current word's start
    for start, end, _ in words:
        while first < len(tokens) and tokens[first].start + tokens[first].len <= start:
            first += 1
        inside = []
        for index in range(first, len(tokens)):
            token = tokens[index]
            if token.start >= end:
                break
            if token.start + token.len > start:
                inside.append(token)
        found.append(inside)
    return found

"""Find likely typos with Kiwi: a cheap prefilter, jamo-level candidates, a context score.

For a batch of sentences (`Unit`s, each with the words to examine):

1. *Analyse* every sentence once (one batched Kiwi call) and read, for each word, the tokens
   Kiwi made of it. A word is *suspicious* when Kiwi could not analyse part of it (an
   out-of-vocabulary token), when its tokens score low for its length, or when one token is
   very unlikely (`Params.gate_word`, `Params.gate_token`). Most correct words are not.
2. *Generate* corrections of each suspicious word (`essaylint.korean.candidates`: keyboard
   neighbours, Shift slips, vowel confusions, dropped or doubled finals, keystroke slips and the
   known-typo pairs) and score each candidate *alone* with Kiwi (batched, cached); keep the
   few that read better than the word itself (`Params.top_k`).
3. *Score in context*: the word with up to `Params.window` words either side, as written and
   with each kept candidate. The gain is the rise in Kiwi's log-probability of the window,
   less a penalty for the less likely kinds of slip; the word is reported when the best gain
   reaches `Params.threshold`.

Scores are natural-log probabilities of Kiwi's best analysis, so a gain of 10 means the
corrected window is e^10 (about 22,000) times as likely as the written one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from essaylint.korean.candidates import Candidate, candidates

__all__ = [
    "DEFAULT_THRESHOLD",
    "Correction",
    "Params",
    "Scored",
    "Suspect",
    "TypoDetector",
    "Unit",
]

_OOV_ID = 2  # Kiwi's id for a noun it guessed from characters (not in its dictionary)
DEFAULT_THRESHOLD = 9.0
"""Context gain (natural log) a correction needs by default."""


@dataclass(frozen=True, slots=True)
class Params:
    """Thresholds of the detector; the defaults were tuned on bench/typos (see RESULTS.md)."""

    gate_word: float = -5.0  # examine a word whose tokens average below this per syllable
    gate_token: float = -13.0  # ... or with one token below this
    top_k: int = 6  # candidates kept after scoring alone
    threshold: float = DEFAULT_THRESHOLD  # context gain needed to report
    threshold_unknown: float = DEFAULT_THRESHOLD  # ... for a word Kiwi does not know
    window: int = 2  # words of context either side
    penalties: Mapping[str, float] = field(
        default_factory=lambda: {
            "pair": 0.0,
            "keyboard": 0.0,
            "shift": 0.0,
            "vowel": 0.0,
            "final": 0.5,
            "keystroke": 2.0,
        }
    )
    keystroke: bool = True  # also try slips beyond one jamo edit


@dataclass(frozen=True, slots=True)
class Suspect:
    """A word the prefilter passed on: `units[unit].text[start:end]` is `word`.

    `region` is the syllables Kiwi found oddest (`[start, end)` in the word): its unknown
    tokens, or else its least likely token; corrections are looked for around there.
    `unknown` says whether Kiwi had to guess part of the word (an out-of-vocabulary token).
    """

    unit: int
    start: int
    end: int
    word: str
    region: tuple[int, int]
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
        self._candidate_cache: dict[tuple[str, tuple[int, int]], list[Candidate]] = {}

    # -- public -----------------------------------------------------------------------------

    def detect(self, units: Sequence[Unit]) -> list[Correction]:
        """Words of `units` that are probably typos, with the best correction."""
        return [
            Correction(s.unit, s.start, s.end, s.word, s.best.text, s.best.kind, s.gain)
            for s in self.score(units)
            if s.best is not None and s.gain >= self.threshold(s.unknown)
        ]

    def threshold(self, unknown: bool) -> float:
        """The gain a correction needs: lower when Kiwi did not know the word at all."""
        if unknown:
            return self.params.threshold_unknown
        return self.params.threshold

    def score(self, units: Sequence[Unit]) -> list[Scored]:
        """Every suspicious word of `units` with its best candidate and gain (for tuning)."""
        suspects = self.suspects(units)
        if not suspects:
            return []
        shortlist = self._shortlist([(s.word, s.region) for s in suspects])
        windows: list[str] = []
        plan: list[tuple[int, list[Candidate]]] = []
        for suspect in suspects:
            kept = shortlist[suspect.word, suspect.region]
            plan.append((len(windows), kept))
            if not kept:
                continue
            text = units[suspect.unit].text
            before, after = self._window(text, suspect.start, suspect.end)
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
                )
            )
        return results

    def suspects(self, units: Sequence[Unit]) -> list[Suspect]:
        """The words of `units` that the prefilter passes on, in order."""
        todo = [i for i, unit in enumerate(units) if unit.words]
        analyses = self._analyse([units[i].text for i in todo])
        found: list[Suspect] = []
        for unit_index, tokens in zip(todo, analyses, strict=True):
            for start, end, word in units[unit_index].words:
                inside = [t for t in tokens if t.start < end and t.start + t.len > start]
                if inside and self._suspicious(word, inside):
                    unknown = [t for t in inside if t.id == _OOV_ID]
                    odd = unknown or [min(inside, key=lambda t: t.score)]
                    low = max(0, min(t.start for t in odd) - start)
                    high = min(len(word), max(t.start + t.len for t in odd) - start)
                    region = (low, max(high, low + 1))
                    found.append(Suspect(unit_index, start, end, word, region, bool(unknown)))
        return found

    # -- steps ------------------------------------------------------------------------------

    def _suspicious(self, word: str, tokens: list[Any]) -> bool:
        params = self.params
        if any(token.id == _OOV_ID for token in tokens):
            return True
        total = sum(token.score for token in tokens)
        if total / len(word) < params.gate_word:
            return True
        return min(token.score for token in tokens) < params.gate_token

    def _candidates(self, word: str, region: tuple[int, int]) -> list[Candidate]:
        key = (word, region)
        known = self._candidate_cache.get(key)
        if known is None:
            known = candidates(
                word, pairs=self.pairs, keystroke=self.params.keystroke, region=region
            )
            if len(self._candidate_cache) > 50_000:
                self._candidate_cache.clear()
            self._candidate_cache[key] = known
        return known

    def _shortlist(
        self, words: Iterable[tuple[str, tuple[int, int]]]
    ) -> dict[tuple[str, tuple[int, int]], list[Candidate]]:
        """For each word, the `top_k` candidates that read better alone than the word does."""
        unique = list(dict.fromkeys(words))
        needed: list[str] = []
        for word, region in unique:
            needed.append(word)
            needed.extend(candidate.text for candidate in self._candidates(word, region))
        self._score_alone(needed)
        alone = self._alone
        shortlist: dict[tuple[str, tuple[int, int]], list[Candidate]] = {}
        for word, region in unique:
            own = alone[word]
            better = [c for c in self._candidates(word, region) if alone[c.text] > own]
            better.sort(key=lambda c: alone[c.text], reverse=True)
            shortlist[word, region] = better[: self.params.top_k]
        return shortlist

    def _score_alone(self, texts: Iterable[str]) -> None:
        missing = [text for text in dict.fromkeys(texts) if text not in self._alone]
        if len(self._alone) + len(missing) > 200_000:  # keep memory bounded in long runs
            self._alone = {text: self._alone[text] for text in texts if text in self._alone}
        for text, value in zip(missing, self._analyse_scores(missing), strict=True):
            self._alone[text] = value

    def _window(self, text: str, start: int, end: int) -> tuple[str, str]:
        """Up to `window` whitespace-separated words of context on each side of text[start:end]."""
        size = self.params.window
        left = text[:start]
        right = text[end:]
        left_parts = left.split()
        right_parts = right.split()
        # Keep what is glued to the word (punctuation, particles of a split word) intact.
        glued_left = "" if not left or left[-1].isspace() else left_parts.pop()
        glued_right = "" if not right or right[0].isspace() else right_parts.pop(0)
        before = "".join(
            part + " " for part in left_parts[max(0, len(left_parts) - size) :] if size
        )
        after = "".join(" " + part for part in right_parts[:size] if size)
        return before + glued_left, glued_right + after

    def _analyse(self, texts: list[str]) -> list[list[Any]]:
        if not texts:
            return []
        return [result[0][0] for result in self.kiwi.analyze(texts, top_n=1)]

    def _analyse_scores(self, texts: list[str]) -> list[float]:
        if not texts:
            return []
        return [float(result[0][1]) for result in self.kiwi.analyze(texts, top_n=1)]

"""The Kiwi morphological analyser, loaded once per process on first use. No network.

kiwipiepy is imported inside `get_kiwi`, never at module import, so importing the rules costs
nothing and a document without Hangul (or a run with the model rules off) never loads the
model. The instance is single-threaded (`num_workers=1`: batches run on one worker thread),
knows the shipped IT vocabulary (`rules/words/*.txt`) as nouns, and is shared by every rule.
"""

from __future__ import annotations

import threading
from contextvars import ContextVar
from typing import Any

from essaylint.korean.vocabulary import shipped_words
from essaylint.linting.plugin import RuleUnavailable

__all__ = [
    "ModelUnavailable",
    "analyse",
    "get_kiwi",
    "is_loaded",
    "kiwipiepy_version",
    "model_allowed",
    "unload",
]

model_allowed: ContextVar[bool] = ContextVar("essaylint_model_allowed", default=True)
"""Whether the run being linted may use the model: False when no selected rule needs it
(`--ignore model`), so code outside the model rules (reading the target company from the text)
never loads it in the quick mode."""

# Score Kiwi gives a shipped word: about as likely as an ordinary rare noun (Kiwi's own
# nouns score -8 to -15 alone), so a shipped word is known but never beats common words.
VOCABULARY_SCORE = -10.0

_lock = threading.Lock()
_kiwi: Any = None

# Kiwi's best analysis of each sentence, shared by the rules that read whole sentences
# (likely-typo, spacing, grammar-form each used to analyse every sentence again: two thirds of
# a document's model time) and kept across documents of one process, so the editor server
# re-analyses only the sentences an edit changed. Bounded; tied to one Kiwi instance.
_ANALYSES: dict[str, list[Any]] = {}
_ANALYSES_LIMIT = 8192
_analysed_by: list[Any] = [None]


class ModelUnavailable(RuleUnavailable):
    """kiwipiepy or its model is not installed; the message says how to install it."""


def is_loaded() -> bool:
    """Whether this process has loaded the Kiwi model."""
    return _kiwi is not None


def get_kiwi() -> Any:
    """The process's Kiwi instance, loaded on the first call (about 1-3 s)."""
    global _kiwi
    if _kiwi is not None:
        return _kiwi
    with _lock:
        if _kiwi is None:
            try:
                from kiwipiepy import Kiwi
            except ImportError as error:
                raise ModelUnavailable(
                    "kiwipiepy is not installed (pip install kiwipiepy)"
                ) from error
            # Kiwi's own typo dictionary (we never ask it to correct typos) and its multi-word
            # dictionary cost ~1.9 s of a ~2.9 s load; without them the held-out evaluation in
            # bench/typos finds the same typos with two fewer false flags (its RESULTS.md). Its
            # default user dictionary cost ~0.4 s more (half of it in the first analysis): the
            # held-out half gives identical results without it, the tuning half one more find.
            kiwi = Kiwi(
                num_workers=1, load_typo_dict=False, load_multi_dict=False, load_default_dict=False
            )
            for word in sorted(shipped_words()):
                if len(word) > 1:  # one-syllable words would turn up inside other words
                    kiwi.add_user_word(word, "NNG", VOCABULARY_SCORE)
            kiwi.tokenize("")  # finish Kiwi's lazy initialisation now, not mid-check
            _kiwi = kiwi
    return _kiwi


def unload() -> None:
    """Forget the loaded model (tests use this to check when it loads)."""
    global _kiwi
    with _lock:
        _kiwi = None
        _ANALYSES.clear()
        _analysed_by[0] = None


def analyse(kiwi: Any, texts: list[str]) -> list[list[Any]]:
    """Kiwi's best analysis (its tokens) of each text, each different text analysed once per
    process: what `kiwi.analyze(texts, top_n=1)` gives, `[r[0][0] for r in ...]`. The token
    lists are shared: callers must not change them."""
    if _analysed_by[0] is not kiwi:
        _ANALYSES.clear()
        _analysed_by[0] = kiwi
    missing = [text for text in dict.fromkeys(texts) if text not in _ANALYSES]
    if missing:
        if len(_ANALYSES) + len(missing) > _ANALYSES_LIMIT:
            _ANALYSES.clear()  # a document of more sentences than the bound overfills it once
        for text, result in zip(missing, kiwi.analyze(missing, top_n=1), strict=True):
            _ANALYSES[text] = result[0][0]
    return [_ANALYSES[text] for text in texts]


def kiwipiepy_version() -> str | None:
    """The installed kiwipiepy version, or None; does not load the model."""
    try:
        from importlib.metadata import version

        return version("kiwipiepy")
    except Exception:  # pragma: no cover - metadata missing
        return None

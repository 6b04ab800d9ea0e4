"""Does a text reference a value? Content-word keys compared, not raw substrings.

With kiwipiepy importable (the instance shared with the spelling rules, `essaylint.korean.model`),
every text is analysed once (cached per text for the run) into the
*keys* of its content words: nouns (NNG, NNP), roots (XR), verb and adjective stems (VV, VA) and
English words (stemmed, lower case). So `도전하는`, `도전적인` and `도전했습니다` all yield the key
`도전`; `신뢰받는` yields `신뢰`; `선배` yields `선배`, never `선`.

Keys are normalised so that a noun or root and its 하다-word meet: `차분함`, `차분하게` and
`차분한` all give `차분`. A one-syllable root is kept with its 하 (`선함` → `선하`), because a
bare one-syllable noun is too often another word (`선을 넘다`).

A value is referenced when the text holds **any** of its key lemmas: `도전 의식` by any form of
`도전` (`의식` is generic and never counts alone), `목표 달성` by `목표` or by `달성` (decision:
the head noun alone counts, so a multi-word value is matched generously and `missing-value`
stays quiet when in doubt). Generic words (`의식`, `자세`, `능력`, `인재`, `생각` …) never count
when the value has another key; a value made only of generic words (`정도경영` → `정도`, `경영`)
matches only as the whole phrase. A related term (a synonym from config or a preset) must
appear with **all** its key lemmas (`반대 의견` needs both `반대` and `의견`), because it is a
phrase chosen to be specific. English words match on stems, case-insensitively, and need all
their words (`Think Big`). The whole phrase, at the start of a word and with or without the
spaces it has (`주인 의식`, `SUPEX`), always counts too.

A value written with a statement is also referenced by the statement's attitude words, and one
part of a multi-word value then needs one of them: see `statements.py`. `term_evidence` returns
the answer's words behind a match (`주도적` for the key `주도`), for showing why.

Without kiwipiepy the same keys are approximated by stripping common endings and matching at the
start of a word (`도전` in `도전하는`, not in `재도전`); `fallback_used()` says so once.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from essaylint.base.patterns import compile_pattern

HANGUL = compile_pattern("[\uac00-\ud7a3]")
_ENGLISH_WORD = compile_pattern(r"[A-Za-z][A-Za-z]*")
_KOREAN_WORD = compile_pattern("[\uac00-\ud7a3]+")
_SQUEEZE = compile_pattern(r"[\s\W_]+")

# Words that say nothing about which value is meant: never a key when the value has another.
GENERIC: frozenset[str] = frozenset(
    {
        "의식",
        "정신",
        "자세",
        "태도",
        "마인드",
        "마음",
        "마음가짐",
        "능력",
        "역량",
        "인재",
        "인재상",
        "사람",
        "가치",
        "중심",
        "문화",
        "방식",
        "기반",
        "추구",
        "지향",
        "실천",
        "노력",
        "모습",
        "생각",
        "우선",
        "제일",
        "정도",
        "경영",
        "최선",
        "항상",
        "함께",
        "스스로",
        "것",
        "수",
        "일",
        "때",
        "등",
        "점",
        "바",
        "위",
        "하다",
        "되다",
        "있다",
        "없다",
        "갖다",
        "가지다",
        "받다",
        "주다",
        "위하다",
        "향하다",
        "통하다",
        "만들다",
        "보다",
        "알다",
        "대하다",
        "않다",
        "가다",
        "오다",
    }
)
ENGLISH_STOPWORDS: frozenset[str] = frozenset(
    {
        "a",
        "an",
        "the",
        "of",
        "and",
        "or",
        "to",
        "for",
        "with",
        "without",
        "in",
        "on",
        "at",
        "by",
        "be",
        "is",
        "are",
        "our",
        "we",
        "your",
        "you",
        "every",
        "over",
        "not",
        "no",
        "always",
        "all",
    }
)
_ENGLISH_SUFFIXES = (
    "ations",
    "ation",
    "ities",
    "ity",
    "ments",
    "ment",
    "ness",
    "ings",
    "ing",
    "ions",
    "ion",
    "ous",
    "ers",
    "er",
    "ed",
    "ies",
    "es",
    "ly",
    "s",
)
_NOUN_TAGS = frozenset({"NNG", "NNP", "XR"})
_VERB_TAGS = frozenset({"VV", "VA"})
_DERIVING = frozenset({"XSA", "XSV"})
_CACHE_LIMIT = 4096

# Endings stripped from a Korean word when kiwipiepy is missing, longest first.
_FALLBACK_ENDINGS = (
    "스러운",
    "스러움",
    "적으로",
    "적인",
    "하는",
    "하고",
    "하며",
    "하다",
    "하게",
    "으로",
    "에서",
    "한",
    "함",
    "적",
    "을",
    "를",
    "은",
    "는",
    "이",
    "가",
    "의",
    "에",
    "와",
    "과",
    "로",
)
_FALLBACK_HA = "(?:하|한|할|함|해|했|히)"


def english_stem(word: str) -> str:
    """A light suffix-stripping stem: `customers` and `customer` both give `custom`."""
    stem = word.lower()
    for suffix in _ENGLISH_SUFFIXES:
        if stem.endswith(suffix) and len(stem) - len(suffix) >= 3:
            stem = stem[: -len(suffix)]
            if suffix == "ies":
                stem += "y"
            break
    return stem


def english_keys(text: str) -> list[str]:
    return [
        english_stem(w) for w in _ENGLISH_WORD.findall(text) if w.lower() not in ENGLISH_STOPWORDS
    ]


def object_particle(word: str) -> str:
    """을 after a final consonant, 를 after a vowel, 을(를) when the word is not Hangul."""
    last = word[-1:]
    if "\uac00" <= last <= "\ud7a3":
        return "을" if (ord(last) - 0xAC00) % 28 else "를"
    return "을(를)"


@lru_cache(maxsize=8192)
def squeeze(text: str) -> str:
    """The text with spaces and punctuation removed, NFC, case-folded: for whole-phrase tests.
    Cached: value names and their keys are squeezed again for every answer and file."""
    return _SQUEEZE.sub("", unicodedata.normalize("NFC", text)).casefold()


# --- kiwipiepy ---------------------------------------------------------------------------------

_FALLBACK_USED = False


@lru_cache(maxsize=1)
def kiwi_available() -> bool:
    """Whether kiwipiepy and its model load (loads them: call only when Kiwi is needed)."""
    try:
        _kiwi()
    except Exception:
        return False
    return True


def _kiwi() -> Any:
    """The process's shared Kiwi instance (`essaylint.korean.model`), loaded on first use."""
    from essaylint.korean.model import get_kiwi

    return get_kiwi()


def fallback_used() -> bool:
    """True once a Korean text had to be matched without kiwipiepy in this process."""
    return _FALLBACK_USED


FALLBACK_NOTE = "kiwipiepy not available: company values matched by word start, not by lemma"


def _token_keys(tokens: list[Any]) -> list[tuple[str, str]]:
    """(key, kind) for each content word: kind is "noun" (nouns, roots) or "verb"."""
    return [(key, kind) for key, kind, _ in token_words(tokens, "")]


def _joins_noun(stem: str) -> bool:
    """`책임지다` holds the noun `책임`: a verb in 지 after a two-syllable word that does not
    end like a connective (`떨어지다`, `만들어지다` hold none)."""
    return len(stem) >= 3 and stem.endswith("지") and stem[-2] not in "어아여워와져해"


def token_words(tokens: list[Any], text: str) -> list[tuple[str, str, str]]:
    """(key, kind, surface) for each content word of analysed `text`: the surface is what the
    text shows (`주도적` for the key `주도`), for telling a writer which word matched."""
    words: list[tuple[str, str, str]] = []
    for i, token in enumerate(tokens):
        tag = str(token.tag).split("-")[0]
        form = str(token.form)
        start = int(getattr(token, "start", 0))
        if tag in _NOUN_TAGS:
            end = start + int(getattr(token, "len", len(form)))
            following = tokens[i + 1] if i + 1 < len(tokens) else None
            derived = (
                following is not None
                and str(following.tag).split("-")[0] in _DERIVING
                and str(following.form) == "하"
            )
            for after in tokens[i + 1 : i + 3]:
                if str(after.tag).split("-")[0] != "XSN":
                    break
                end = int(after.start) + int(after.len)
            surface = text[start:end] if text else form
            if derived and len(form) == 1:
                words.append((form + "하", "noun", surface + "하" if text else form + "하"))
            words.append((form, "noun", surface or form))
        elif tag in _VERB_TAGS:
            lemma = str(getattr(token, "lemma", "") or form + "다")
            stem = lemma[:-1] if lemma.endswith("다") else form
            if stem.endswith("하") and len(stem) > 1:
                root = stem[:-1]
                if len(root) >= 2:
                    words.append((root, "noun", stem))
                else:  # `정하다`, `향하다`: a verb, not a root with its 하 (`선하다`)
                    words.append((stem, "verb", stem))
            else:
                words.append((stem + "다", "verb", stem + "다"))
                if _joins_noun(stem):
                    words.append((stem[:-1], "noun", stem + "다"))
    return words


_TEXT_CACHE: dict[str, tuple[frozenset[str], dict[str, str]]] = {}


def text_keys(text: str) -> frozenset[str]:
    """Every content-word key of `text` (Korean through Kiwi; English stems), cached per text."""
    return _text_words(text)[0]


def text_surfaces(text: str) -> dict[str, str]:
    """For each Korean key of `text`, the first word that gave it (`주도` → `주도적`)."""
    return _text_words(text)[1]


def _text_words(text: str) -> tuple[frozenset[str], dict[str, str]]:
    cached = _TEXT_CACHE.get(text)
    if cached is not None:
        return cached
    keys: set[str] = set(english_keys(text))
    surfaces: dict[str, str] = {}
    if HANGUL.search(text):
        tokens = _kiwi().tokenize(text)
        for key, _, surface in token_words(list(tokens), text):
            keys.add(key)
            surfaces.setdefault(key, surface)
    result = (frozenset(keys), surfaces)
    if len(_TEXT_CACHE) >= _CACHE_LIMIT:
        _TEXT_CACHE.clear()
    _TEXT_CACHE[text] = result
    return result


# --- terms -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Term:
    """A value name or related term, compiled for matching."""

    text: str
    korean: frozenset[str]  # any of these keys (lemma mode)
    english: tuple[str, ...]  # all of these stems
    phrase: re.Pattern[str] | None  # the whole phrase (spaces optional where it has them)
    patterns: tuple[re.Pattern[str], ...] = ()  # fallback mode: any of these
    require_all: bool = False  # related terms: every key (or pattern) must be there


def _pick(keys: Iterable[tuple[str, str]], every: bool = False) -> frozenset[str]:
    """A value's key lemmas: specific nouns first, then short nouns, then verbs, else none.

    With `every` (a related term, all of whose keys must appear), every non-generic key.
    """
    useful = [(k, kind) for k, kind in keys if k not in GENERIC]
    if every:
        return frozenset(k for k, _ in useful)
    tiers = (
        frozenset(k for k, kind in useful if kind == "noun" and len(k) >= 2),
        frozenset(k for k, kind in useful if kind == "noun"),
        frozenset(k for k, _ in useful),
    )
    return next((tier for tier in tiers if tier), frozenset())


@lru_cache(maxsize=2048)
def compile_term(text: str, lemma_mode: bool, every: bool = False) -> Term:
    """A value name (`every=False`: any key counts) or a related term (`every=True`)."""
    text = unicodedata.normalize("NFC", text).strip()
    english = tuple(dict.fromkeys(english_keys(text)))
    phrase = phrase_pattern(text)
    hangul = "".join(_KOREAN_WORD.findall(text))
    if not hangul:
        return Term(text, frozenset(), english, phrase, require_all=every)
    if lemma_mode:
        tokens = list(_kiwi().tokenize(text))
        keys = _pick(_token_keys(tokens), every)
        return Term(text, keys, (), phrase, require_all=every)
    return Term(text, frozenset(), (), phrase, _fallback_patterns(text, every), every)


def phrase_pattern(text: str) -> re.Pattern[str] | None:
    """The words of `text` in order, spaces between them optional; None when too short."""
    words = [w for w in re.split(r"[\s\W_]+", text) if w]
    if len("".join(words)) < 2:
        return None
    body = r"[\s\W_]*".join(re.escape(w) for w in words)
    right = r"(?![A-Za-z0-9])" if words[-1][-1:].isascii() else ""
    return compile_pattern(rf"(?<![\uac00-\ud7a3A-Za-z0-9]){body}{right}", re.IGNORECASE)


def _fallback_patterns(text: str, every: bool = False) -> tuple[re.Pattern[str], ...]:
    roots: list[tuple[str, str]] = []
    for word in _KOREAN_WORD.findall(text):
        root, derived = word, False
        for ending in _FALLBACK_ENDINGS:
            if word.endswith(ending) and len(word) > len(ending):
                root = word[: -len(ending)]
                derived = ending[0] in "하한함" or ending.startswith("적")
                break
        if derived and len(root) == 1:
            roots.append((root + _FALLBACK_HA, "noun"))
        else:
            roots.append((re.escape(root), "noun"))
    chosen = _pick(((r, kind) for r, kind in roots if r not in GENERIC), every)
    return tuple(compile_pattern(rf"(?<![\uac00-\ud7a3]){key}") for key in sorted(chosen))


@dataclass(frozen=True, slots=True)
class TextIndex:
    """One answer prepared for matching: its text, content-word keys and English stems."""

    raw: str
    keys: frozenset[str]
    english: frozenset[str]
    surfaces: dict[str, str] = field(default_factory=dict)  # key -> the word that gave it


def index_text(text: str, lemma_mode: bool) -> TextIndex:
    text = unicodedata.normalize("NFC", text)
    english = frozenset(english_keys(text))
    if lemma_mode:
        keys, surfaces = _text_words(text)
        return TextIndex(text, keys, english, surfaces)
    return TextIndex(text, frozenset(), english)


@dataclass(frozen=True, slots=True)
class Evidence:
    """What of a term an answer holds: the answer's words, and whether that is all of it.

    `full` is False when only some key words of a value of several (`목표` of `목표 달성`) are
    there; a related term counts only in full.
    """

    words: tuple[str, ...]
    full: bool


NO_EVIDENCE = Evidence((), False)


def _english_words(term: Term, index: TextIndex) -> tuple[str, ...]:
    wanted = set(term.english)
    found = [w for w in _ENGLISH_WORD.findall(index.raw) if english_stem(w) in wanted]
    return tuple(dict.fromkeys(found))


def term_evidence(term: Term, index: TextIndex) -> Evidence:
    """Which words of the answer reference `term` (see the module docstring for the rules)."""
    if term.phrase is not None:
        match = term.phrase.search(index.raw)
        if match:
            return Evidence((match.group(),), True)
    if term.english and all(stem in index.english for stem in term.english):
        return Evidence(_english_words(term, index), True)
    if term.korean:
        hits = sorted(term.korean & index.keys)
        if not hits or (term.require_all and len(hits) < len(term.korean)):
            return NO_EVIDENCE
        words = tuple(dict.fromkeys(index.surfaces.get(k, k) for k in hits))
        return Evidence(words, len(hits) == len(term.korean))
    found = [m.group() for p in term.patterns if (m := p.search(index.raw))]
    if not found or (term.require_all and len(found) < len(term.patterns)):
        return NO_EVIDENCE
    return Evidence(tuple(dict.fromkeys(found)), len(found) == len(term.patterns))


def term_matches(term: Term, index: TextIndex) -> bool:
    return bool(term_evidence(term, index).words)


def lemma_mode_for(texts: Iterable[str]) -> bool:
    """Use Kiwi when any text is Korean and kiwipiepy imports; note the fallback otherwise."""
    global _FALLBACK_USED
    if not any(HANGUL.search(t) for t in texts):
        return False
    if kiwi_available():
        return True
    _FALLBACK_USED = True
    return False

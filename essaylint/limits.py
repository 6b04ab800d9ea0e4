"""Read answer-length limits from question titles and ``essaylint:`` comments.

Applicants paste questions straight from the portal, so a title carries its limit in one of many
notations: "(1,000자 이내)", "[700자]", "(500~700자)", "(0/800)", "1500 bytes", "(650 words)",
"(제한 없음)". Precision over recall: a number is a limit only when a unit (자, 글자, 바이트,
byte, 단어, words, characters, chars) follows it or, inside brackets, as a portal's live counter
"N/M", or alone in square brackets as a round length ("[1000]", not "[2019]"). A limit below
10 is none ("3자 대면"), nor is a counter below 50 (dates: "(3/15)").

Bracketed notations win over bare ones and the whole bracket is the notation, so
``title_without_limit`` leaves the question itself. Titles are read in NFC.
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from essaylint.counting import COUNT_MODES, CountMode
from essaylint.patterns import LazyPattern


@dataclass(frozen=True, slots=True)
class Limit:
    """An answer's length limit and where it was read."""

    max: int | None
    min: int | None = None
    mode: CountMode | None = None  # None: the notation did not say, use the configured mode
    unlimited: bool = False  # an explicit "no limit", e.g. "(글자 수 제한 없음)"
    source: str = "heading"  # heading | comment | front-matter | config | default
    notation: str = ""  # the exact text read, e.g. "(1,000자 이내)"


_MIN_LIMIT = 10  # "3자 대면", "제2자": smaller numbers are not limits
_MIN_COUNTER = 50  # "(3/15)", "(1/2)": dates and parts, not portal counters

# A number, with or without thousands commas, not glued to a letter or digit; "제3자" is a
# third party. Ten digits or more are never a limit (and would be slow to convert).
_NUMBER = r"[0-9]{1,3}(?:,[0-9]{3}){1,2}|[0-9]{1,9}"
# A Korean unit must end the word or continue as one of these ("500자이내", "자리" is not one).
_KO_SUFFIX = "이내|내외|이하|이상|미만|초과|까지|정도|로|를|입력|작성|제한"
_UNIT = (
    rf"(?:글자|자|바이트|단어)(?=$|(?-i:[^가-힣])|{_KO_SUFFIX})"
    r"|(?:characters?|chars?|bytes?|words?)(?![A-Za-z])"
)
_PRE = r"최대|최소|약|(?<![A-Za-z])(?:max(?:imum)?|min(?:imum)?|up\s+to|at\s+least)"
_POST = (
    r"이내|내외|이하|미만|이상|초과|까지|정도|or\s+(?:less|fewer|more)|max(?:imum)?|min(?:imum)?"
)
_MIN_WORDS = frozenset({"최소", "min", "minimum", "at least", "이상", "초과", "or more"})


def _number(name: str) -> str:
    return rf"(?<![A-Za-z0-9,.])(?<!제)(?P<{name}>{_NUMBER})(?![0-9])"


def _compile(pattern: str) -> LazyPattern:
    """Case-blind for the English words; a Hangul class sits in `(?-i:…)`: syllables have no
    case, and a case-blind class of 11,172 of them took ~1 ms more to compile."""
    return LazyPattern(pattern, re.IGNORECASE)


# Each kind of notation on its own; later entries lose ties (same start and length).
_COUNT = _compile(
    rf"(?:(?P<pre>{_PRE})\s*)?{_number('n')}\s*(?P<unit>{_UNIT})"
    rf"(?:\s*(?P<post>{_POST})(?![A-Za-z]))?"
)
_RANGE = _compile(
    rf"{_number('low')}\s*(?:{_UNIT})?\s*[~\-–—〜～]\s*{_number('high')}\s*(?P<unit>{_UNIT})"
    rf"(?:\s*(?P<post>{_POST})(?![A-Za-z]))?"
)
_COUNTER = _compile(rf"{_number('low')}\s*/\s*{_number('high')}(?:\s*(?P<unit>{_UNIT}))?")
_UNLIMITED_BARE = _compile(
    r"(?:글자\s*수|분량|길이)\s*제한\s*없음|(?<![A-Za-z])no\s+(?:word|character)\s+limit"
)
_UNLIMITED_BRACKETED = _compile(
    r"(?:(?:글자\s*수|글자|분량|길이)\s*)?제한\s*없음|자유\s*분량|분량\s*자유|무제한"
    r"|(?<![A-Za-z])(?:no\s+(?:word\s+|character\s+)?limit|unlimited)(?![A-Za-z])"
)
# Every notation with a number has a digit right before (spaces aside) a unit or a counter's
# slash: 자, 글자, 바이트, 단어, characters, chars, bytes, words, "/". Text without one holds no
# numeric notation, which keeps paragraph lines with dates and figures ("2023년") cheap.
_NOTATION_HINT = LazyPattern(r"[0-9]\s*[글자바단/cbwCBW\]］]")
# `[1000]`: a bare round number in square brackets, as banks of portal questions copy it.
_SQUARE_NUMBER = LazyPattern(r"[\[［]\s*(?:최대\s*)?(?P<n>[0-9]{1,2},[0-9]{3}|[0-9]{3,4})\s*[\]］]")
_SQUARE_MIN, _SQUARE_MAX, _SQUARE_STEP = 100, 5000, 50
# Every "no limit" phrase holds 제한 (무제한 too), 자유 or "limit" (unlimited too): a search for
# these three is a quarter of the cost of the phrases' own pattern on a line that has none.
# Written to start with a class of their first letters, which `re` scans for before trying
# the rest (as `제한|자유|(?i:limit)` it tried all three at every character: ~2.5x the time).
_UNLIMITED_HINT = LazyPattern(r"[제자Ll](?:(?<=제)한|(?<=자)유|(?<=[Ll])(?i:imit))")
_BARE_PATTERNS = (("range", _RANGE), ("count", _COUNT), ("unlimited", _UNLIMITED_BARE))
_BRACKETED_PATTERNS = (
    ("range", _RANGE),
    ("count", _COUNT),
    ("counter", _COUNTER),
    ("unlimited", _UNLIMITED_BRACKETED),
)

_BRACKET = LazyPattern(r"\([^()]*\)|\[[^\[\]]*\]|（[^（）]*）|［[^［］]*］|【[^【】]*】")
_QUALIFIER = (
    r"(?:공백|띄어쓰기)\s*(?:포함|제외|미포함)|(?:with|without|including|excluding)\s+spaces?"
)
_QUALIFIER_IN = _compile(_QUALIFIER)
_QUALIFIER_BEFORE = _compile(rf"(?:{_QUALIFIER})[\s,:]*$")
_QUALIFIER_AFTER = _compile(rf"[\s,]*(?:[(\[（［]\s*(?:{_QUALIFIER})\s*[)\]）］]|(?:{_QUALIFIER}))")
_TERM_GAP = LazyPattern(r"[\s,/·~]*")  # what may separate "최소 100자, 최대 1,000자"
_SEPARATORS = " \t-–—:|/,·"


@dataclass(frozen=True, slots=True)
class _Term:
    """One matched notation: "최대 500자", "500~700자", "(0/800)", "제한 없음"."""

    start: int
    end: int
    min: int | None = None
    max: int | None = None
    mode: CountMode | None = None
    unlimited: bool = False


def _int(text: str) -> int:
    return int(text.replace(",", ""))


def _unit_mode(unit: str | None) -> CountMode | None:
    unit = (unit or "").lower()
    if unit.startswith("byte") or unit == "바이트":
        return "bytes"
    if unit.startswith("word") or unit == "단어":
        return "words"
    return None


def _is_min(word: str | None) -> bool:
    return word is not None and " ".join(word.lower().split()) in _MIN_WORDS


def _term(kind: str, m: re.Match[str]) -> _Term | None:
    """Read one match, or None when its numbers are implausible as a limit."""
    start, end = m.span()
    if kind == "unlimited":
        return _Term(start, end, unlimited=True)
    mode = _unit_mode(m.group("unit"))
    if kind == "count":
        n = _int(m["n"])
        if n < _MIN_LIMIT:
            return None
        if _is_min(m["pre"]) or _is_min(m["post"]):
            return _Term(start, end, min=n + 1 if m["post"] == "초과" else n, mode=mode)
        return _Term(start, end, max=n - 1 if m["post"] == "미만" else n, mode=mode)
    low, high = _int(m["low"]), _int(m["high"])
    if kind == "counter":
        return _Term(start, end, max=high, mode=mode) if high >= _MIN_COUNTER else None
    if not _MIN_LIMIT <= low <= high:  # "문항 2 - 500자" is not a range
        return None
    return _Term(start, end, min=low, max=high, mode=mode)


def _terms(text: str, patterns: tuple[tuple[str, LazyPattern], ...]) -> list[_Term]:
    """All non-overlapping terms in `text`, leftmost and then longest first."""
    found: list[tuple[int, int, int, _Term]] = []
    for rank, (kind, pattern) in enumerate(patterns):
        for m in pattern.re.finditer(text):
            term = _term(kind, m)
            if term is not None:
                found.append((term.start, term.start - term.end, rank, term))
    terms: list[_Term] = []
    for _, _, _, term in sorted(found, key=lambda item: item[:3]):
        if not terms or term.start >= terms[-1].end:
            terms.append(term)
    return terms


def _adjacent(text: str, terms: list[_Term]) -> list[_Term]:
    """The first term and those following it with only separators between."""
    run = terms[:1]
    for term in terms[1:]:
        if not _TERM_GAP.re.fullmatch(text, run[-1].end, term.start):
            break
        run.append(term)
    return run


def _qualified_mode(text: str) -> CountMode | None:
    """공백 포함 -> chars, 공백 제외 -> chars-no-spaces, None when `text` does not say."""
    m = _QUALIFIER_IN.re.search(text)
    if m is None:
        return None
    words = m.group().lower()
    return (
        "chars-no-spaces"
        if any(w in words for w in ("제외", "미포함", "without", "excl"))
        else "chars"
    )


def _locate(title: str) -> tuple[list[_Term], int, int, CountMode | None] | None:
    """The terms of the limit notation, its span and the mode a qualifier inside it names."""
    for bracket in _BRACKET.re.finditer(title):
        if terms := _terms(bracket.group()[1:-1], _BRACKETED_PATTERNS):
            return terms, *bracket.span(), _qualified_mode(bracket.group())
    if terms := _adjacent(title, _terms(title, _BARE_PATTERNS)):
        return terms, terms[0].start, terms[-1].end, None
    for square in _SQUARE_NUMBER.re.finditer(title):
        n = _int(square["n"])
        # a round length, never a year (`[2019]`); 2000 is a length more often than a year
        year = 1900 < n < 2100 and n != 2000
        if _SQUARE_MIN <= n <= _SQUARE_MAX and n % _SQUARE_STEP == 0 and not year:
            return [_Term(0, 0, max=n)], *square.span(), None
    return None


@lru_cache(maxsize=4096)
def _find(title: str) -> tuple[Limit, int, int] | None:
    """The limit in an NFC `title` and the span of its notation; cached, as titles repeat."""
    if _NOTATION_HINT.re.search(title) is None and _UNLIMITED_HINT.re.search(title) is None:
        # Every notation is a number and its unit or a "no limit" phrase: most titles, and
        # the paragraph lines question detection asks about, have neither.
        return None
    return _read_limit(title)


def _read_limit(title: str) -> tuple[Limit, int, int] | None:
    """`_find` without its quick rejection (tests check that the two agree)."""
    located = _locate(title)
    if located is None:
        return None
    terms, start, end, qualifier = located
    if qualifier is None:  # "공백 제외 500자", "(500자 이내) (공백 포함)"
        if before := _QUALIFIER_BEFORE.re.search(title, 0, start):
            start, qualifier = before.start(), _qualified_mode(before.group())
        elif after := _QUALIFIER_AFTER.re.match(title, end):
            end, qualifier = after.end(), _qualified_mode(after.group())
    maxes = [t for t in terms if t.max is not None]
    mins = [t for t in terms if t.min is not None]
    high = maxes[0].max if maxes else None
    low = mins[0].min if mins else None
    if low is not None and high is not None and low > high:
        low = None
    counted = maxes + mins
    mode = counted[0].mode if counted else None
    if counted and mode is None:  # a qualifier only refines a character count
        mode = qualifier
    unlimited = high is None and any(t.unlimited for t in terms)
    return Limit(high, low, mode, unlimited, "heading", title[start:end]), start, end


def limit_from_title(title: str) -> Limit | None:
    """The length limit a question title states, or None when it states none."""
    found = _find(unicodedata.normalize("NFC", title))
    return found[0] if found else None


def title_without_limit(title: str) -> str:
    """The NFC title minus its limit notation, whitespace tidied, for comparing questions."""
    title = unicodedata.normalize("NFC", title)
    found = _find(title)
    if found is not None:
        _, start, end = found
        before, after = title[:start].rstrip(), title[end:].lstrip()
        if not after:
            before = before.rstrip(_SEPARATORS)
        if not before:
            after = after.lstrip(_SEPARATORS)
        title = f"{before} {after}"
    return " ".join(title.split())


_SETTING = LazyPattern(r"(?P<key>[A-Za-z-]+)\s*=\s*(?P<value>\S+)")
_DIRECTIVE_NUMBER = LazyPattern(_NUMBER)
_DIRECTIVE_RANGE = LazyPattern(rf"(?P<low>{_NUMBER})\s*[~-]\s*(?P<high>{_NUMBER})")
_NO_LIMIT = frozenset({"none", "unlimited", "off"})
_DIRECTIVE_KEYS = frozenset({"limit", "min", "count"})
_MODES: dict[str, CountMode] = {mode: mode for mode in COUNT_MODES}


def _directive_number(key: str, value: str) -> int:
    if not _DIRECTIVE_NUMBER.re.fullmatch(value):
        if value.replace(",", "").isdigit():
            raise ValueError(f"{key} {value!r} is too large (at most 999,999,999)")
        expected = "a number, a range like 500-700 or none" if key == "limit" else "a number"
        raise ValueError(f"{key} {value!r} is not {expected}")
    return _int(value)


def limit_from_directive(comment: str) -> Limit | None:
    """Read ``essaylint: limit=500-700 min=100 count=chars-no-spaces`` from a comment body.

    None when the comment is not an ``essaylint:`` directive or sets neither limit nor min;
    ValueError on a value that cannot be meant, so a typo never silently drops a limit.
    """
    body = comment.strip().removeprefix("<!--").removesuffix("-->").strip()
    if not body.startswith("essaylint:"):
        return None
    settings = {s["key"].lower(): s["value"] for s in _SETTING.re.finditer(body)}
    unknown = sorted(set(settings) - _DIRECTIVE_KEYS)
    if unknown:  # a misspelt key would silently drop the limit it meant to set
        raise ValueError(f"unknown setting {unknown[0]!r}; expected limit, min or count")
    mode: CountMode | None = None
    if "count" in settings:
        value = settings["count"]
        mode = _MODES.get(value)
        if mode is None:
            expected = ", ".join(COUNT_MODES)
            raise ValueError(f"unknown count mode {value!r}; expected one of {expected}")
    high: int | None = None
    low: int | None = None
    unlimited = False
    if (value := settings.get("limit")) is not None:
        if value.lower() in _NO_LIMIT:
            unlimited = True
        elif span := _DIRECTIVE_RANGE.re.fullmatch(value):
            low, high = _int(span["low"]), _int(span["high"])
        else:
            high = _directive_number("limit", value)
        if high is not None and high < 1:
            raise ValueError(f"limit {value!r} must be at least 1")
    if "min" in settings:
        low = _directive_number("min", settings["min"])
    if low is not None and high is not None and low > high:
        raise ValueError(f"min {low} is greater than limit {high}")
    if high is None and low is None and not unlimited:
        return None
    return Limit(high, low, mode, unlimited, "comment", body)

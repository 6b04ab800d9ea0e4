"""Curated misspelling packs: loading, validation and matching. Pure text in, offsets out.

A pack is a TOML file (`rules/typos/*.toml` for the built-in ones, any path for a user's own)
with one `[[entry]]` per known misspelling::

    [pack]
    name = "common"
    description = "..."

    [[entry]]
    wrong = "역활"
    right = "역할"
    match = "prefix"        # "prefix" (default), "word" or "anywhere"
    context = ""            # optional regex that must match a stretch of text covering the hit
    note = "..."            # optional: why, in a few Korean words (for reviewers and reporters)
    flag = ["팀장 역활을 맡았습니다"]   # required: sentences this entry must flag
    keep = ["팀장 역할을 맡았습니다"]   # required: sentences no entry of the pack may flag

How a `wrong` form is found in a text (`TypoMatcher.find`):

- The hit must start at the start of the text or after a character that is not a letter or a
  digit (Hangul syllables and jamo are letters), so `제학` never hits inside `경제학`. Entries
  with `match = "anywhere"` skip this and every other boundary check (`됬` is never right).
- `prefix`: anything may follow, so particles and endings attach (`역활을`, `역활이었다`).
- `word`: the hit must end the word (the next character is not a letter or digit), or the rest
  of the word must be one of `PARTICLES` (`금새가`, `금새입니다`).
- `context`: the regex must match a stretch of the text that starts at or before the hit and
  ends at or after it; write it around the wrong form (`(?:정말|너무)\\s*바램`).
- Words of a multi-word `wrong` (`예를 글면`) match across any run of spaces or tabs.

Hits never overlap; at one position the longest matching `wrong` form wins. Texts are expected
in NFC (the document model's span text is); pack strings are normalised to NFC on loading.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, cast

from essaylint.base.data import rules_root
from essaylint.base.files import UnreadableFile, os_reason, read_small_file
from essaylint.base.patterns import compile_pattern
from essaylint.linting.plugin import Edit, RuleConfigError

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

    from essaylint.reading.model import Span

__all__ = [
    "MATCH_MODES",
    "PARTICLES",
    "MatchMode",
    "PackError",
    "TypoEntry",
    "TypoMatch",
    "TypoMatcher",
    "TypoPack",
    "builtin_matcher",
    "check_entry_examples",
    "check_pack_examples",
    "load_builtin_packs",
    "load_pack",
    "parse_entry",
    "parse_pack",
    "plain_toml",
    "read_toml",
]

MatchMode = Literal["prefix", "word", "anywhere"]
MATCH_MODES: tuple[MatchMode, ...] = ("prefix", "word", "anywhere")

# What may follow a `word` entry inside the same word: case and topic particles, the copula and
# its common endings, and their usual combinations.
_PARTICLE_LIST = """
이 가 을 를 은 는 의 에 에서 에게 께 한테 로 으로 와 과 도 만 까지 부터 보다 처럼 마다
조차 밖에 마저 이나 나 이랑 랑 하고 과도 와도 에는 에도 에서는 에서도 에서의 에게는 에게도
으로는 로는 으로도 로도 으로의 로의 과는 와는 과의 와의 만큼 만을 만이 만은 만의 까지는 까지도
부터는 보다는 이라도 라도 이라고 라고 이라는 라는 이란 란 으로써 로써 으로서 로서
이다 다 입니다 이었다 였다 이었습니다 였습니다 이에요 예요 이었고 였고 이었던 였던 이며 며 이고 고
인 이어서 여서 이라서 라서 이지만 지만 이야 야 이요 요 이죠 죠 이면 면 이라면 라면
"""
PARTICLES: frozenset[str] = frozenset(_PARTICLE_LIST.split())
"""Particles and copula endings that may follow a `word` entry within its word."""

_ENTRY_KEYS = frozenset({"wrong", "right", "match", "context", "note", "flag", "keep"})
_PACK_KEYS = frozenset({"name", "description"})
_SPACES = r"[^\S\r\n]+"  # a run of spaces or tabs: how the words of a multi-word form may be split
_LEFT_EDGE = r"(?<![^\W_])"  # not right after a letter or digit (\w minus the underscore)


class PackError(RuleConfigError):
    """A pack file that cannot be used; the message is one line naming the file and entry."""


@dataclass(frozen=True, slots=True)
class TypoEntry:
    """One curated misspelling and its correction."""

    wrong: str
    right: str
    match: MatchMode = "prefix"
    context: str = ""
    note: str = ""
    flag: tuple[str, ...] = ()
    keep: tuple[str, ...] = ()
    index: int = 0  # 1-based position among the pack's [[entry]] tables
    pack: str = ""  # the pack's name


@dataclass(frozen=True, slots=True)
class TypoPack:
    """A loaded, validated pack; `path` is the file it came from, for messages."""

    name: str
    path: str
    entries: tuple[TypoEntry, ...]
    description: str = ""


@dataclass(frozen=True, slots=True)
class TypoMatch:
    """One hit: `text[start:end]` is `wrong` as written (spaces kept); `right` replaces it."""

    start: int
    end: int
    wrong: str
    right: str
    entry: TypoEntry


def load_pack(path: str | Path | Traversable, *, label: str | None = None) -> TypoPack:
    """Read and validate one pack file; `label` names it in error messages (default: the path)."""
    where = label if label is not None else str(path)
    try:
        # A user's pack path may name a pipe or a device: read only a bounded regular file.
        # (Anything else is a file inside the installed package: the built-in packs.)
        raw = read_small_file(path) if isinstance(path, (str, Path)) else path.read_bytes()
    except UnreadableFile as exc:
        raise PackError(f"{where}: cannot read: {exc}") from None
    except OSError as exc:  # a built-in pack inside the installed package
        raise PackError(f"{where}: cannot read: {os_reason(exc)}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise PackError(f"{where}: not UTF-8 text") from None
    return parse_pack(text, where, path=str(path))


def parse_pack(text: str, label: str, *, path: str | None = None) -> TypoPack:
    """Validate a pack given as TOML text; `label` names it in error messages."""
    data = read_toml(text, label)
    name, description = _pack_header(data, label, path)
    raw_entries = data.get("entry", [])
    if not isinstance(raw_entries, list) or not raw_entries:
        raise PackError(f"{label}: no [[entry]] tables")
    entries: list[TypoEntry] = []
    seen: dict[tuple[str, str], int] = {}
    for number, raw in enumerate(raw_entries, start=1):
        entry = parse_entry(raw, number, name, f"{label}: entry {number}")
        key = (entry.wrong, entry.context)
        if key in seen:
            raise PackError(
                f"{label}: entry {number}: duplicate of entry {seen[key]} ({entry.wrong!r})"
            )
        seen[key] = number
        entries.append(entry)
    return TypoPack(name=name, path=path or label, entries=tuple(entries), description=description)


def read_toml(text: str, label: str) -> dict[str, Any]:
    """`plain_toml`, or tomllib for anything outside its subset (PackError: not TOML)."""
    data = plain_toml(text)
    if data is not None:
        return data
    import tomllib  # deferred: the built-in pack is read by `plain_toml`

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise PackError(f"{label}: invalid TOML: {_one_line(str(exc))}") from None
    except RecursionError:
        raise PackError(f"{label}: invalid TOML: nested too deeply") from None


def _pack_header(data: dict[str, Any], label: str, path: str | None) -> tuple[str, str]:
    """The pack's name and description, its top-level keys checked."""
    unknown = sorted(set(data) - {"pack", "entry"})
    if unknown:
        raise PackError(f"{label}: unknown table or key {unknown[0]!r} (expected 'pack', 'entry')")
    header = data.get("pack", {})
    if not isinstance(header, dict):
        raise PackError(f"{label}: 'pack' must be a table")
    extra = sorted(set(header) - _PACK_KEYS)
    if extra:
        raise PackError(f"{label}: pack: unknown key {extra[0]!r}")
    name = header.get("name", Path(path or label).stem)
    description = header.get("description", "")
    if not isinstance(name, str) or not name.strip():
        raise PackError(f"{label}: pack: 'name' must be a non-empty string")
    if not isinstance(description, str):
        raise PackError(f"{label}: pack: 'description' must be a string")
    return name, description


# The plain TOML packs are written in, read line by line: `[pack]`, `[[entry]]`, comment lines and
# `key = value` lines whose value is a string or an array of strings, one-line or one item per
# line. Basic strings may only escape `\\` and `\"`. tomllib takes 20-30 ms of pure Python for the
# 125 KB built-in pack, this about a third; anything else (and every error) goes to tomllib.
_TOML_STRING = r'"(?:[^"\\\x00-\x08\x0a-\x1f\x7f]|\\[\\"])*"' + r"|'[^'\x00-\x08\x0a-\x1f\x7f]*'"
_TOML_STRINGS = compile_pattern(_TOML_STRING)
_TOML_KEY_LINE = compile_pattern(
    rf"([A-Za-z0-9_-]+) = ({_TOML_STRING}"
    rf"|\[(?:[ \t]*(?:{_TOML_STRING})[ \t]*,)*[ \t]*(?:(?:{_TOML_STRING})[ \t]*)?\]|\[)"
)
_TOML_ITEM_LINE = compile_pattern(rf"[ \t]*({_TOML_STRING})[ \t]*(,?)[ \t]*")
_TOML_COMMENT_LINE = compile_pattern(r"#[^\x00-\x08\x0a-\x1f\x7f]*")
_TOML_ESCAPE = compile_pattern(r"\\(.)")


def plain_toml(text: str) -> dict[str, Any] | None:
    """What `tomllib.loads(text)` returns, for a pack in the plain subset; else None."""
    data: dict[str, Any] = {}
    table: dict[str, Any] | None = None
    key = ""
    items: list[str] | None = None  # the open multi-line array
    comma = True  # whether the array's last item was followed by a comma
    for line in text.split("\n"):
        if items is not None and table is not None:
            if line.strip(" \t") == "]":
                table[key], items = items, None
                continue
            item = _TOML_ITEM_LINE.fullmatch(line)
            if item is None or not comma:
                return None
            items.append(_toml_string(item[1]))
            comma = bool(item[2])
        elif not line or _TOML_COMMENT_LINE.fullmatch(line):
            continue
        elif line == "[[entry]]":
            entries = data.setdefault("entry", [])
            table = {}
            entries.append(table)
        elif line == "[pack]" and "pack" not in data:
            table = data["pack"] = {}
        else:
            found = _TOML_KEY_LINE.fullmatch(line)
            if found is None or table is None or found[1] in table:
                return None
            key, value = found[1], found[2]
            if value == "[":
                items, comma = [], True
            elif value.startswith("["):
                table[key] = [_toml_string(item) for item in _TOML_STRINGS.findall(value)]
            else:
                table[key] = _toml_string(value)
    return None if items is not None else data


def _toml_string(token: str) -> str:
    inner = token[1:-1]
    if token[0] == '"' and "\\" in inner:
        return _TOML_ESCAPE.sub(lambda m: m[1], inner)
    return inner


def parse_entry(raw: object, number: int, pack: str, where: str) -> TypoEntry:
    """One `[[entry]]` table validated; `where` starts every error message (PackError)."""
    if not isinstance(raw, dict):
        raise PackError(f"{where}: must be a table")
    extra = sorted(set(raw) - _ENTRY_KEYS)
    if extra:
        raise PackError(f"{where}: unknown key {extra[0]!r}")
    wrong = _nfc(_required_text(raw, "wrong", where))
    right = _nfc(_required_text(raw, "right", where))
    if wrong != wrong.strip() or "\n" in wrong or "\r" in wrong:
        raise PackError(f"{where}: 'wrong' must be one line without outer spaces")
    wrong = " ".join(wrong.split())
    if right != right.strip() or "\n" in right or "\r" in right:
        raise PackError(f"{where}: 'right' must be one line without outer spaces")
    if wrong == right:
        raise PackError(f"{where}: 'wrong' and 'right' are the same ({wrong!r})")
    match = raw.get("match", "prefix")
    if match not in MATCH_MODES:
        raise PackError(f"{where}: 'match' must be one of prefix, word, anywhere (got {match!r})")
    context = _nfc(_optional_text(raw, "context", where))
    if context:
        try:
            compile_pattern(context)
        except re.error as exc:
            raise PackError(f"{where}: 'context' is not a valid regex: {exc}") from None
    note = _optional_text(raw, "note", where)
    return TypoEntry(
        wrong=wrong,
        right=right,
        match=cast(MatchMode, match),
        context=context,
        note=note,
        flag=_examples(raw, "flag", where),
        keep=_examples(raw, "keep", where),
        index=number,
        pack=pack,
    )


def _required_text(raw: dict[str, Any], key: str, where: str) -> str:
    if key not in raw:
        raise PackError(f"{where}: {key!r} is missing")
    value = raw[key]
    if not isinstance(value, str) or not value.strip():
        raise PackError(f"{where}: {key!r} must be a non-empty string")
    return value


def _optional_text(raw: dict[str, Any], key: str, where: str) -> str:
    value = raw.get(key, "")
    if not isinstance(value, str):
        raise PackError(f"{where}: {key!r} must be a string")
    return value


def _examples(raw: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
    if key not in raw:
        raise PackError(f"{where}: {key!r} is missing")
    value = raw[key]
    if (
        not isinstance(value, list)
        or not value
        or not all(isinstance(item, str) and item.strip() for item in value)
    ):
        raise PackError(f"{where}: {key!r} must be a non-empty list of non-empty strings")
    return tuple(_nfc(item) for item in value)


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def load_builtin_packs() -> tuple[TypoPack, ...]:
    """Every pack shipped in `essaylint.rules/typos`, sorted by file name."""
    return tuple(load_pack(item, label=f"rules/typos/{item.name}") for item in _builtin_files())


def _builtin_files() -> list[Traversable]:
    folder = rules_root() / "typos"
    return sorted(
        (item for item in folder.iterdir() if item.name.endswith(".toml") and item.is_file()),
        key=lambda item: item.name,
    )


def _is_word_char(char: str) -> bool:
    return char.isalnum()


class TypoMatcher:
    """Finds the entries of some packs in a text; build once, reuse for every span.

    Built from `_LazyPack`s (the built-in packs), its candidate lists start as `_EntryStub`s
    and each list is read into entries the first time a text holds its first characters.
    """

    def __init__(self, packs: Iterable[TypoPack | _LazyPack]) -> None:
        sources = tuple(packs)
        self._sources = sources
        self._packs: tuple[TypoPack, ...] | None = None
        entries: list[TypoEntry | _EntryStub] = []
        for source in sources:
            entries.extend(source.stubs if isinstance(source, _LazyPack) else source.entries)
        # Longest first, so at one position "않되요" is tried before "않되".
        ordered = [e for _, e in sorted(enumerate(entries), key=lambda p: (-len(p[1].wrong), p[0]))]
        # Only multi-word forms need a regex (for the spaces between words); the rest are
        # compared with str.startswith. Patterns and contexts compile on first use.
        self._patterns: dict[str, re.Pattern[str]] = {}
        self._contexts: dict[str, re.Pattern[str]] = {}
        # Candidates by the text's first two characters; a form whose first word is one
        # character (`됬`, `한 사람으로써`) is listed under its first character alone.
        self._by_pair: dict[str, list[TypoEntry | _EntryStub]] = {}
        self._by_single: dict[str, list[TypoEntry | _EntryStub]] = {}
        for entry in ordered:
            if _starts_with_one_letter_word(entry):
                self._by_single.setdefault(entry.wrong[0], []).append(entry)
            else:
                self._by_pair.setdefault(entry.wrong[:2], []).append(entry)
        rank = {id(entry): index for index, entry in enumerate(ordered)}
        for pair, listed in self._by_pair.items():
            if pair[0] in self._by_single:
                merged = listed + self._by_single[pair[0]]
                self._by_pair[pair] = sorted(merged, key=lambda e: rank[id(e)])
        self._anywhere_first = frozenset(e.wrong[0] for e in entries if e.match == "anywhere")
        self._scan_source = _scan_source(entries)
        self._scan_compiled: re.Pattern[str] | None = None

    @property
    def packs(self) -> tuple[TypoPack, ...]:
        """Every pack, each entry read (a lazy pack is read whole on first access)."""
        if self._packs is None:
            self._packs = tuple(
                source.whole() if isinstance(source, _LazyPack) else source
                for source in self._sources
            )
        return self._packs

    @property
    def entries(self) -> tuple[TypoEntry, ...]:
        return tuple(entry for pack in self.packs for entry in pack.entries)

    @property
    def _scan(self) -> re.Pattern[str] | None:
        """The candidate scan, compiled on first use (start-up pays nothing if no text is read)."""
        if self._scan_compiled is None and self._scan_source:
            self._scan_compiled = compile_pattern(self._scan_source)
        return self._scan_compiled

    def find(self, text: str) -> Iterator[TypoMatch]:
        """Every hit in `text`, left to right, never overlapping."""
        scan = self._scan
        if scan is None:
            return
        search = scan.search
        by_pair = self._by_pair
        by_single = self._by_single
        pos = 0
        after = 0  # hits may not start before the end of the previous one
        while True:
            candidate = search(text, pos)
            if candidate is None:
                return
            start = candidate.start()
            pos = start + 1
            if start < after:
                continue
            entries = by_pair.get(text[start : start + 2]) or by_single.get(text[start])
            if not entries:
                continue
            if type(entries[0]) is _EntryStub:  # first hit of these forms: read them now
                # A list is replaced whole, so it holds only stubs or only entries.
                entries[:] = [e.read() if type(e) is _EntryStub else e for e in entries]
            glued = start > 0 and _is_word_char(text[start - 1])
            if glued and text[start] not in self._anywhere_first:
                continue
            for entry in cast("list[TypoEntry]", entries):
                if glued and entry.match != "anywhere":
                    continue
                end = self._match_end(entry, text, start)
                if end < 0 or not self._accepts(entry, text, start, end):
                    continue
                yield TypoMatch(start, end, text[start:end], entry.right, entry)
                after = end
                pos = max(pos, end)
                break

    def _match_end(self, entry: TypoEntry, text: str, start: int) -> int:
        """Where `entry.wrong` as written at `start` ends, or -1 if it is not there."""
        wrong = entry.wrong
        if " " not in wrong:
            return start + len(wrong) if text.startswith(wrong, start) else -1
        pattern = self._patterns.get(wrong)
        if pattern is None:
            body = _SPACES.join(re.escape(word) for word in wrong.split(" "))
            pattern = self._patterns[wrong] = compile_pattern(body)
        found = pattern.match(text, start)
        return -1 if found is None else found.end()

    def _accepts(self, entry: TypoEntry, text: str, start: int, end: int) -> bool:
        if entry.match == "word" and not _ends_word(text, end):
            return False
        if not entry.context:
            return True
        context = self._contexts.get(entry.context)
        if context is None:
            context = self._contexts[entry.context] = compile_pattern(entry.context)
        return self._covers(context, text, start, end)

    @staticmethod
    def _covers(context: re.Pattern[str], text: str, start: int, end: int) -> bool:
        """Whether some match of `context` starts at or before `start` and reaches `end`."""
        for origin in range(start, -1, -1):
            found = context.match(text, origin)
            if found is not None and found.end() >= end:
                return True
        return False


def _starts_with_one_letter_word(entry: TypoEntry | _EntryStub) -> bool:
    """`됬`, `한 사람으로써`: the form's second character may be a space or nothing, so it is
    found by its first character alone, not by a pair."""
    return len(entry.wrong.split(" ")[0]) == 1


def _char_class(chars: Iterable[str]) -> str:
    return "[" + "".join(re.escape(char) for char in sorted(set(chars))) + "]"


_PAIR_GROUPS = 12  # first characters split into this many classes, each with its seconds


def _scan_source(entries: Iterable[TypoEntry | _EntryStub]) -> str:
    """A cheap filter for positions where some form may start: its first two characters, the
    first from a class of first characters and the second from what follows those, at a word's
    start unless the form may be glued.

    Not one alternative per form: `re` tries alternatives one after another at every position
    whose character starts some form (two in five in Korean text), which cost ~4x as much. With
    the first characters in twelve classes the filter lets through ~1.6x the real candidates at
    the cost of one class (one class let through 5x); `find` checks the pair against a dict.
    A lookahead for any first character leads: the three in five positions that start no form
    fail there, before the left-edge test and the twelve classes (a fifth less time)."""
    branches: list[str] = []
    every_first: set[str] = set()
    for glued in (False, True):
        chosen = [e for e in entries if (e.match == "anywhere") == glued]
        seconds: dict[str, set[str]] = {}
        singles: list[str] = []
        for entry in chosen:
            every_first.add(entry.wrong[0])
            if _starts_with_one_letter_word(entry):
                singles.append(entry.wrong[0])
            else:
                seconds.setdefault(entry.wrong[0], set()).add(entry.wrong[1])
        # Firsts with similar seconds next to each other, then dealt round-robin into groups.
        firsts = sorted(seconds, key=lambda first: (sorted(seconds[first]), first))
        count = 1 if glued else _PAIR_GROUPS  # few forms may be glued: one class is enough
        groups = [firsts[i::count] for i in range(count)]
        parts = [
            _char_class(group) + _char_class(c for first in group for c in seconds[first])
            for group in groups
            if group
        ]
        if singles:
            parts.append(_char_class(singles))
        if parts:
            body = "|".join(parts)
            branches.append(body if glued else f"{_LEFT_EDGE}(?:{body})")
    if not branches:
        return ""
    return f"(?={_char_class(every_first)})(?:{'|'.join(branches)})"


def _ends_word(text: str, end: int) -> bool:
    stop = end
    while stop < len(text) and _is_word_char(text[stop]):
        stop += 1
    return stop == end or text[end:stop] in PARTICLES


@cache
def builtin_matcher() -> TypoMatcher:
    """The matcher over every built-in pack, built on first use and then kept.

    Its entries are read only when a text holds their first characters (`_LazyPack`): reading
    and validating all of them took ~25 ms, a sixth of a one-file run. A pack the quick reader
    cannot take whole is loaded as any other.
    """
    sources: list[TypoPack | _LazyPack] = []
    for item in _builtin_files():
        label = f"rules/typos/{item.name}"
        text = item.read_bytes().decode("utf-8-sig")
        lazy = _LazyPack.read(text, label, path=str(item))
        sources.append(lazy if lazy is not None else parse_pack(text, label, path=str(item)))
    return TypoMatcher(sources)


# --- the built-in packs, read entry by entry ------------------------------------------------------

_ENTRY_LINE = "\n[[entry]]\n"
_ANY_ENTRY_LINE = compile_pattern(r"^[ \t]*\[[ \t]*\[[ \t]*entry\b", re.M)
_WRONG_LINE = compile_pattern(rf"^wrong = ({_TOML_STRING})$", re.M)
_MATCH_LINE = compile_pattern(rf"^match = ({_TOML_STRING})$", re.M)


@dataclass(frozen=True, slots=True)
class _EntryStub:
    """What the matcher's index needs of an entry (its form and match mode) until it is hit."""

    wrong: str
    match: str
    number: int
    pack: _LazyPack

    def read(self) -> TypoEntry:
        return self.pack.entry(self.number)


class _LazyPack:
    """A built-in pack as its text cut at each `[[entry]]` line: the form and match mode of an
    entry are taken by two line patterns, the entry itself is parsed and validated (as
    `parse_pack` does, one `[[entry]]` at a time) when the matcher first needs it.

    Trusted text only: the built-in packs are checked whole by the tests (duplicates, examples);
    `read` gives None for anything the line patterns cannot take with certainty.
    """

    def __init__(
        self, name: str, label: str, path: str, description: str, blocks: list[str]
    ) -> None:
        self.name = name
        self.label = label
        self.path = path
        self.description = description
        self._blocks = blocks  # blocks[n - 1] is entry n's text, without its `[[entry]]` line
        self._read: dict[int, TypoEntry] = {}
        self.stubs: list[_EntryStub] = []

    @classmethod
    def read(cls, text: str, label: str, *, path: str | None = None) -> _LazyPack | None:
        head, *blocks = text.split(_ENTRY_LINE)
        if not blocks or len(_ANY_ENTRY_LINE.findall(text)) != len(blocks) or "\r" in text:
            return None  # an `[[entry]]` line written some other way: not cut with certainty
        header = plain_toml(head)
        if header is None:
            return None
        try:
            name, description = _pack_header(header, label, path)
        except PackError:
            return None
        pack = cls(name, label, path or label, description, blocks)
        for number, block in enumerate(blocks, start=1):
            wrongs = _WRONG_LINE.findall(block)
            matches = _MATCH_LINE.findall(block) or ['"prefix"']
            if len(wrongs) != 1 or len(matches) != 1:
                return None
            wrong = " ".join(_nfc(_toml_string(wrongs[0])).split())
            match = _toml_string(matches[0])
            if not wrong or match not in MATCH_MODES:
                return None
            pack.stubs.append(_EntryStub(wrong, match, number, pack))
        return pack

    def entry(self, number: int) -> TypoEntry:
        found = self._read.get(number)
        if found is None:
            where = f"{self.label}: entry {number}"
            data = read_toml("[[entry]]\n" + self._blocks[number - 1], where)
            found = self._read[number] = parse_entry(data["entry"][0], number, self.name, where)
        return found

    def whole(self) -> TypoPack:
        entries = tuple(self.entry(number) for number in range(1, len(self._blocks) + 1))
        return TypoPack(self.name, self.path, entries, self.description)


def check_entry_examples(entry: TypoEntry, matcher: TypoMatcher) -> list[str]:
    """Failures of one entry's examples against `matcher` (built from the entry's pack)."""
    failures: list[str] = []
    where = f"{entry.pack}: entry {entry.index} ({entry.wrong!r})"
    for sentence in entry.flag:
        if not any(hit.entry is entry for hit in matcher.find(sentence)):
            failures.append(f"{where}: flag example not hit: {sentence!r}")
    for sentence in entry.keep:
        hits = list(matcher.find(sentence))
        if hits:
            by = ", ".join(f"entry {hit.entry.index} ({hit.wrong!r})" for hit in hits)
            failures.append(f"{where}: keep example hit by {by}: {sentence!r}")
    return failures


def check_pack_examples(pack: TypoPack) -> list[str]:
    """Run every entry's flag and keep sentences through a matcher of this pack alone."""
    matcher = TypoMatcher([pack])
    failures: list[str] = []
    for entry in pack.entries:
        failures.extend(check_entry_examples(entry, matcher))
    return failures


def span_matches(
    spans: Iterable[Span], matcher: TypoMatcher
) -> Iterator[tuple[Span, TypoMatch, int, int, Edit | None]]:
    """Every hit of `matcher` in the text of `spans` (code skipped), in original columns, with
    the byte-exact fix when the form stands unbroken in the original (`None` where markup
    splits it): what known-typo and loanword both report."""
    for span in spans:
        if span.kind == "code":
            continue
        for found in matcher.find(span.text):
            col = span.column_at(found.start)
            end_col = span.end_column_at(found.end)
            edit = None
            if span.is_contiguous(found.start, found.end):
                edit = Edit(span.line, col, span.line, end_col, found.right, safe=True)
            yield span, found, col, end_col, edit

"""The loanword pack (`rules/loanwords/*.toml`): typo-pack entries with a tier and a source.

An entry is a typo pack's `[[entry]]` (see `essaylint.typos`: `wrong`, `right`, `match`,
`context`, `note`, `flag`, `keep`, matched the same way) with two more keys:

- `tier`: `"standard"` (a form a standard checker flags and a reviewer agrees with: 어플리케이션,
  타겟, 런칭) or `"strict"` (a form Korean IT postings write themselves: 프론트엔드, 메소드);
- `source`: where the correct form comes from (the dictionary's spelling or the rule of
  외래어 표기법 that gives it).

A kept apart from the typo packs so that EL301 known-typo (errors) and EL305 loanword
(warnings, reported once per form) never report the same word.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from essaylint.data import rules_root
from essaylint.typos import PackError, TypoEntry, TypoMatcher, TypoPack, parse_entry, read_toml

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

__all__ = [
    "TIERS",
    "LoanwordPack",
    "Tier",
    "builtin_loanwords",
    "loanword_matcher",
    "parse_loanword_pack",
]

Tier = Literal["standard", "strict"]
TIERS: tuple[Tier, ...] = ("standard", "strict")


@dataclass(frozen=True, slots=True)
class LoanwordPack:
    """A validated loanword pack: its entries as a typo pack, and each entry's tier and source
    (keyed by the entry's 1-based index)."""

    pack: TypoPack
    tiers: dict[int, Tier]
    sources: dict[int, str]

    def entries(self, strictness: Tier) -> tuple[TypoEntry, ...]:
        """The entries on at this strictness: `standard` alone, or every tier for `strict`."""
        wanted = TIERS[: TIERS.index(strictness) + 1]
        return tuple(e for e in self.pack.entries if self.tiers[e.index] in wanted)


def parse_loanword_pack(text: str, label: str, *, path: str | None = None) -> LoanwordPack:
    """Validate a loanword pack given as TOML text (PackError: one line naming the entry)."""
    data = read_toml(text, label)
    unknown = sorted(set(data) - {"pack", "entry"})
    if unknown:
        raise PackError(f"{label}: unknown table or key {unknown[0]!r} (expected 'pack', 'entry')")
    header = data.get("pack", {})
    name = header.get("name", Path(path or label).stem) if isinstance(header, dict) else ""
    if not isinstance(name, str) or not name.strip():
        raise PackError(f"{label}: pack: 'name' must be a non-empty string")
    description = header.get("description", "") if isinstance(header, dict) else ""
    raw_entries = data.get("entry", [])
    if not isinstance(raw_entries, list) or not raw_entries:
        raise PackError(f"{label}: no [[entry]] tables")
    entries: list[TypoEntry] = []
    tiers: dict[int, Tier] = {}
    sources: dict[int, str] = {}
    seen: dict[str, int] = {}
    for number, raw in enumerate(raw_entries, start=1):
        where = f"{label}: entry {number}"
        if not isinstance(raw, dict):
            raise PackError(f"{where}: must be a table")
        rest = dict(raw)
        tier = rest.pop("tier", None)
        if tier not in TIERS:
            raise PackError(f"{where}: 'tier' must be one of standard, strict (got {tier!r})")
        source = rest.pop("source", None)
        if not isinstance(source, str) or not source.strip():
            raise PackError(f"{where}: 'source' must be a non-empty string")
        entry = parse_entry(rest, number, name, where)
        key = entry.wrong + "\0" + entry.context
        if key in seen:
            raise PackError(f"{where}: duplicate of entry {seen[key]} ({entry.wrong!r})")
        seen[key] = number
        entries.append(entry)
        tiers[number] = tier
        sources[number] = unicodedata.normalize("NFC", source)
    pack = TypoPack(
        name=name, path=path or label, entries=tuple(entries), description=str(description)
    )
    return LoanwordPack(pack, tiers, sources)


def _builtin_files() -> list[Traversable]:
    folder = rules_root() / "loanwords"
    return sorted(
        (item for item in folder.iterdir() if item.name.endswith(".toml") and item.is_file()),
        key=lambda item: item.name,
    )


@cache
def builtin_loanwords() -> tuple[LoanwordPack, ...]:
    """Every pack shipped in `essaylint.rules/loanwords`, read on first use and then kept."""
    packs: list[LoanwordPack] = []
    for item in _builtin_files():
        label = f"rules/loanwords/{item.name}"
        try:
            text = item.read_bytes().decode("utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:  # a broken installation
            raise PackError(f"{label}: cannot read: {exc}") from None
        packs.append(parse_loanword_pack(text, label, path=str(item)))
    return tuple(packs)


@cache
def loanword_matcher(strictness: Tier = "standard") -> TypoMatcher:
    """A matcher over the built-in entries on at this strictness (built once per strictness)."""
    packs = [
        TypoPack(p.pack.name, p.pack.path, p.entries(strictness), p.pack.description)
        for p in builtin_loanwords()
    ]
    return TypoMatcher(pack for pack in packs if pack.entries)

"""The company's values for one document, and which answers reference which value.

Values are merged from three places, in this order; a value already listed (same words, spaces
and case ignored) is not added twice, but its related terms are merged:

1. the document's own values sections (`## 인재상`, `## 핵심 가치` …: see `extract.py`);
2. front matter (`values:`) and config (`values = [...]`); `synonyms` (config) add related
   terms to the value they name, or to every value sharing a key word with it;
3. the preset of the target company (`company:` in front matter or config, or the company the
   document's title names), shipped in `rules/values/` or found in a user pack.

`known_values` returns the merged list with each value's origin; `value_coverage` adds, for
every answered question, the values its answer references (see `lemmas.py` for matching).
Both are cached per document for the run, so the rules and the score share one analysis.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, TypeVar

from essaylint.reading.answers import is_empty
from essaylint.reading.model import Document, Section
from essaylint.values.companies import Company, catalogue, document_target
from essaylint.values.extract import extract_values, values_sections
from essaylint.values.lemmas import (
    FALLBACK_NOTE,
    HANGUL,
    Term,
    compile_term,
    index_text,
    lemma_mode_for,
    squeeze,
    term_matches,
)
from essaylint.values.presets import CompanyPreset, load_presets

Origin = Literal["document", "front-matter", "config", "preset"]
ORIGINS: tuple[Origin, ...] = ("document", "front-matter", "config", "preset")
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Value:
    """One value with where it came from and the terms that reference it."""

    name: str
    origin: Origin
    related: tuple[str, ...] = ()
    keys: tuple[str, ...] = ()  # explicit key words (presets); empty: derived from the name
    line: int | None = None  # where the document states it
    section_line: int | None = None  # heading line of the values section it is in
    preset: str | None = None  # the preset's slug when origin == "preset"

    @property
    def label(self) -> str:
        """The origin as one word for output: `document:12`, `preset:kakao`, `config`."""
        if self.origin == "document" and self.line is not None:
            return f"document:{self.line}"
        if self.origin == "preset" and self.preset:
            return f"preset:{self.preset}"
        return self.origin


@dataclass(slots=True)
class ValueSet:
    """The merged values of one document, the target company and how matching will work."""

    values: list[Value]
    company: Company | None
    companies: list[Company]
    presets: dict[str, CompanyPreset]
    section_lines: tuple[int, ...] = ()  # heading lines of the document's values sections
    _terms: dict[str, tuple[Term, ...]] = field(default_factory=dict)
    _lemma_mode: bool | None = None
    _fallback: bool = False
    _referenced: dict[int, tuple[Section, tuple[str, ...]]] = field(default_factory=dict)

    @property
    def names(self) -> list[str]:
        return [v.name for v in self.values]

    def _mode(self, document: Document) -> bool:
        if self._lemma_mode is None:
            texts = [s.text for s in document.questions()]
            self._lemma_mode = lemma_mode_for(texts) if self.values else False
            korean = bool(self.values) and any(HANGUL.search(t) for t in texts)
            self._fallback = korean and not self._lemma_mode
        return self._lemma_mode

    def terms(self, value: Value, lemma_mode: bool) -> tuple[Term, ...]:
        found = self._terms.get(value.name)
        if found is None:
            own = compile_term(value.name, lemma_mode)
            if value.keys:
                own = Term(own.text, frozenset(), (), own.phrase)  # the phrase still counts
            words = (*value.keys, *value.related)
            found = (own, *(compile_term(w, lemma_mode, True) for w in words))
            self._terms[value.name] = found
        return found

    def referenced(self, section: Section, document: Document) -> tuple[str, ...]:
        """The values this question's answer references, in value order (cached)."""
        cached = self._referenced.get(id(section))
        if cached is not None and cached[0] is section:
            return cached[1]
        result: tuple[str, ...] = ()
        if self.values and section.text.strip():
            mode = self._mode(document)
            index = index_text(section.text, mode)
            result = tuple(
                v.name
                for v in self.values
                if any(term_matches(t, index) for t in self.terms(v, mode))
            )
        self._referenced[id(section)] = (section, result)
        return result

    def notes(self) -> list[str]:
        """`FALLBACK_NOTE` when this document's Korean answers were matched without Kiwi."""
        return [FALLBACK_NOTE] if self._fallback else []


def _setting(settings: Any, name: str, default: Any) -> Any:
    return getattr(settings, name, default) if settings is not None else default


def _front_matter(document: Document, key: str) -> object:
    """A key of the front matter, top level or under `essaylint:` (None when absent)."""
    nested = document.front_matter.get("essaylint")
    if isinstance(nested, dict) and key in nested:
        return nested[key]
    return document.front_matter.get(key)


def _front_matter_values(document: Document) -> list[str]:
    raw = _front_matter(document, "values")
    if isinstance(raw, list):
        return [str(v) for v in raw if str(v).strip()]
    if isinstance(raw, str) and raw.strip():
        return [raw]
    return []


def front_matter_names_company(document: Document) -> bool:
    return isinstance(_front_matter(document, "company"), str)


def _merge(values: list[Value], new: Value) -> None:
    key = squeeze(new.name)
    for i, old in enumerate(values):
        if squeeze(old.name) == key:
            related = tuple(dict.fromkeys((*old.related, *new.related)))
            keys = old.keys or new.keys
            values[i] = Value(
                old.name, old.origin, related, keys, old.line, old.section_line, old.preset
            )
            return
    values.append(new)


def _apply_synonyms(values: list[Value], synonyms: dict[str, Sequence[str]]) -> list[Value]:
    if not synonyms:
        return values
    merged: list[Value] = []
    for value in values:
        extra: list[str] = []
        for name, words in synonyms.items():
            target = squeeze(name)
            if target == squeeze(value.name) or target in {squeeze(k) for k in value.keys}:
                extra.extend(words)
            elif target and target in squeeze(value.name) and len(target) >= 2:
                extra.extend(words)  # `도전` synonyms also serve `도전 의식`
        related = tuple(dict.fromkeys((*value.related, *extra)))
        merged.append(
            Value(
                value.name,
                value.origin,
                related,
                value.keys,
                value.line,
                value.section_line,
                value.preset,
            )
        )
    return merged


@dataclass(frozen=True, slots=True)
class Target:
    """The company a document applies to, among the companies the run knows."""

    company: Company | None
    companies: list[Company]
    presets: dict[str, CompanyPreset]


def _build_target(document: Document, settings: Any) -> Target:
    packs = tuple(_setting(settings, "packs", ()) or ())
    base_dir: Path | None = _setting(settings, "base_dir", None)
    presets = load_presets(packs, base_dir)
    companies = catalogue(presets, _setting(settings, "companies", ()) or ())
    # Front matter is read here too, so callers may pass settings with or without it merged.
    pinned = _front_matter(document, "company")
    company = document_target(
        document,
        pinned if isinstance(pinned, str) else _setting(settings, "company", None),
        companies,
        from_front_matter=isinstance(pinned, str),
    )
    return Target(company, companies, presets)


def _build(document: Document, settings: Any, lines: Sequence[str] | None) -> ValueSet:
    target = known_target(document, settings)
    company = target.company
    values: list[Value] = []
    for found in extract_values(document, lines):
        _merge(
            values,
            Value(
                found.name,
                "document",
                found.related,
                line=found.line,
                section_line=found.section.heading_line,
            ),
        )
    front = _front_matter_values(document)
    for name in front:
        _merge(values, Value(name, "front-matter"))
    for name in _setting(settings, "values", ()) or ():
        _merge(values, Value(str(name), "config"))
    if company is not None and company.preset is not None:
        preset = company.preset
        for item in preset.values:
            _merge(values, Value(item.name, "preset", item.related, item.keys, preset=preset.slug))
    synonyms = _setting(settings, "synonyms", {}) or {}
    values = _apply_synonyms(values, synonyms)
    return ValueSet(
        values=values,
        company=company,
        companies=target.companies,
        presets=target.presets,
        section_lines=tuple(s.heading_line for s in values_sections(document)),
    )


_CacheEntry = tuple[Document, Any, T]
_CACHE_LIMIT = 8
_VALUES: dict[tuple[int, int], _CacheEntry[ValueSet]] = {}
_TARGETS: dict[tuple[int, int], _CacheEntry[Target]] = {}


def _per_document(
    cache: dict[tuple[int, int], _CacheEntry[T]],
    document: Document,
    settings: Any,
    build: Callable[[], T],
) -> T:
    """What `build` makes of this document and settings, made once while both are alive (the
    entry keeps them, so their ids cannot be reused meanwhile)."""
    key = (id(document), id(settings))
    cached = cache.get(key)
    if cached is not None and cached[0] is document and cached[1] is settings:
        return cached[2]
    found = build()
    if len(cache) >= _CACHE_LIMIT:
        cache.pop(next(iter(cache)))
    cache[key] = (document, settings, found)
    return found


def known_values(
    document: Document, settings: Any = None, *, lines: Sequence[str] | None = None
) -> ValueSet:
    """The document's merged values with origins (cached per document and settings)."""
    return _per_document(_VALUES, document, settings, lambda: _build(document, settings, lines))


def known_target(document: Document, settings: Any = None) -> Target:
    """The document's target company and the known companies (cached per document and
    settings): what wrong-company needs, without reading the document's values sections."""
    return _per_document(_TARGETS, document, settings, lambda: _build_target(document, settings))


@dataclass(frozen=True, slots=True)
class CoverageRow:
    title: str
    line: int
    values: tuple[str, ...]


@dataclass(frozen=True)
class Coverage:
    """Values (in order, with origins) and, per answered question, the values it references.

    `coverage` is keyed by question title; a title used twice gets ` (line N)` appended to the
    later ones. `rows` keeps document order with lines. `to_json()` is the per-file JSON shape.
    """

    values: list[str]
    origins: dict[str, str]
    coverage: dict[str, list[str]]
    rows: list[CoverageRow] = field(default_factory=list)
    company: str | None = None
    notes: list[str] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        """How many answers reference each value."""
        return {v: sum(1 for row in self.rows if v in row.values) for v in self.values}

    def to_json(self) -> dict[str, Any]:
        return {
            "company": self.company,
            "values": [{"name": v, "origin": self.origins[v]} for v in self.values],
            "coverage": {title: list(names) for title, names in self.coverage.items()},
        }


def value_coverage(
    document: Document, settings: Any = None, *, lines: Sequence[str] | None = None
) -> Coverage:
    """The coverage matrix of a document: rows are answered questions, columns its values."""
    from essaylint.reading.limits import title_without_limit

    found = known_values(document, settings, lines=lines)
    rows: list[CoverageRow] = []
    coverage: dict[str, list[str]] = {}
    if found.values:
        for question in document.questions():
            if is_empty(question):
                continue
            referenced = found.referenced(question, document)
            title = title_without_limit(question.title) or question.title or "(제목 없음)"
            key = title if title not in coverage else f"{title} (line {question.heading_line})"
            coverage[key] = list(referenced)
            rows.append(CoverageRow(key, question.heading_line, referenced))
    return Coverage(
        values=found.names,
        origins={v.name: v.label for v in found.values},
        coverage=coverage,
        rows=rows,
        company=found.company.name if found.company is not None else None,
        notes=found.notes(),
    )

"""The company's values for one document, and which answers reference which value.

Values are merged from three places, in this order; a value already listed (same words, spaces
and case ignored) is not added twice, but its related terms are merged:

1. the document's own values sections (`## 인재상`, `## 핵심 가치` …: see `extract.py`);
2. front matter (`values:`) and config (`values = [...]`); `synonyms` (config) add related
   terms to the value they name, or to every value sharing a key word with it;
3. the preset of the target company (`company:` in front matter or config, the company the
   document's title names, or the one its answers apply to: `companies.py`), shipped in
   `rules/values/` or found in a user pack.

A value from the document keeps the statement it was written in; the statement's distinctive
words reference it too (`statements.py`). `known_values` returns the merged list with each
value's origin; `value_coverage` adds, for every answered question, the values its answer
references and the answer's words that matched (`리더십 ← 주도적`: see `lemmas.py` and
`statements.py` for matching). Both are cached per document for the run, so the rules and the
score share one analysis.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, TypeVar

from essaylint.reading.answers import is_empty
from essaylint.reading.model import Document, Section
from essaylint.values.companies import Company, catalogue, document_target_with_source
from essaylint.values.extract import extract_values, values_sections
from essaylint.values.lemmas import (
    FALLBACK_NOTE,
    HANGUL,
    Term,
    TextIndex,
    compile_term,
    index_text,
    lemma_mode_for,
    squeeze,
    term_evidence,
)
from essaylint.values.presets import CompanyPreset, load_presets
from essaylint.values.statements import distinctive_words, needed

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
    statement: str = ""  # what the document says about it on its line (origin "document")

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
    company_source: str | None = None  # front-matter, title, config or text
    _terms: dict[str, tuple[Term, ...]] = field(default_factory=dict)
    _lemma_mode: bool | None = None
    _fallback: bool = False
    _said: dict[str, frozenset[str]] | None = None
    _matched: dict[int, tuple[Section, dict[str, tuple[str, ...]]]] = field(default_factory=dict)

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

    def said(self, lemma_mode: bool) -> dict[str, frozenset[str]]:
        """Each value's distinctive statement words (none without Kiwi: `statements.py`)."""
        if self._said is None:
            self._said = {}
            if lemma_mode and any(v.statement for v in self.values):
                own = [self.terms(v, lemma_mode)[0].korean for v in self.values]
                words = distinctive_words([v.statement for v in self.values], own)
                self._said = {v.name: w for v, w in zip(self.values, words, strict=True) if w}
        return self._said

    def _evidence(self, value: Value, index: TextIndex, mode: bool) -> tuple[str, ...]:
        """The answer's words that reference `value`; empty when it does not."""
        own, *related = self.terms(value, mode)
        said = self.said(mode).get(value.name, frozenset())
        words: list[str] = []
        first = term_evidence(own, index)
        # One part of a value of several words (`목표` of `목표 달성`) is enough only when the
        # value has no statement saying what it means; with one, it needs a statement word.
        partial = bool(first.words) and not first.full and bool(said)
        if first.words and not partial:
            words.extend(first.words)
        for term in related:
            words.extend(term_evidence(term, index).words)
        hits = sorted(said & index.keys)
        if hits and len(hits) + partial >= needed(said):
            if partial:
                words.extend(first.words)
            words.extend(index.surfaces.get(k, k) for k in hits)
        return tuple(dict.fromkeys(words))

    def matched(self, section: Section, document: Document) -> dict[str, tuple[str, ...]]:
        """Per value this question's answer references, the answer's words that matched, in
        value order (cached)."""
        cached = self._matched.get(id(section))
        if cached is not None and cached[0] is section:
            return cached[1]
        result: dict[str, tuple[str, ...]] = {}
        if self.values and section.text.strip():
            mode = self._mode(document)
            index = index_text(section.text, mode)
            for value in self.values:
                words = self._evidence(value, index, mode)
                if words:
                    result[value.name] = words
        self._matched[id(section)] = (section, result)
        return result

    def referenced(self, section: Section, document: Document) -> tuple[str, ...]:
        """The values this question's answer references, in value order (cached)."""
        return tuple(self.matched(section, document))

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
                old.name,
                old.origin,
                related,
                keys,
                old.line,
                old.section_line,
                old.preset,
                old.statement or new.statement,
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
                value.statement,
            )
        )
    return merged


@dataclass(frozen=True, slots=True)
class Target:
    """The company a document applies to, among the companies the run knows."""

    company: Company | None
    companies: list[Company]
    presets: dict[str, CompanyPreset]
    source: str | None = None  # where the company was read: front-matter, title, config, text


def known_catalogue(settings: Any) -> tuple[dict[str, CompanyPreset], list[Company]]:
    """The presets and the companies these settings know (presets are read once per file
    state by `load_presets`)."""
    packs = tuple(_setting(settings, "packs", ()) or ())
    base_dir: Path | None = _setting(settings, "base_dir", None)
    presets = load_presets(packs, base_dir)
    return presets, catalogue(presets, _setting(settings, "companies", ()) or ())


def _build_target(document: Document, settings: Any) -> Target:
    presets, companies = known_catalogue(settings)
    # Front matter is read here too, so callers may pass settings with or without it merged.
    pinned = _front_matter(document, "company")
    company, source = document_target_with_source(
        document,
        pinned if isinstance(pinned, str) else _setting(settings, "company", None),
        companies,
        from_front_matter=isinstance(pinned, str),
    )
    return Target(company, companies, presets, source)


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
                statement=found.statement,
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
        company_source=target.source if company is not None else None,
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
    matched: dict[str, tuple[str, ...]] = field(default_factory=dict)  # value -> answer words


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
    company_source: str | None = None  # front-matter, title, config or text
    statements: dict[str, str] = field(default_factory=dict)  # value -> its statement

    def counts(self) -> dict[str, int]:
        """How many answers reference each value."""
        return {v: sum(1 for row in self.rows if v in row.values) for v in self.values}

    def to_json(self) -> dict[str, Any]:
        return {
            "company": self.company,
            "company_source": self.company_source,
            "values": [
                {"name": v, "origin": self.origins[v], "statement": self.statements.get(v)}
                for v in self.values
            ],
            "coverage": {title: list(names) for title, names in self.coverage.items()},
            "matched": {
                row.title: {v: list(words) for v, words in row.matched.items()} for row in self.rows
            },
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
            matched = found.matched(question, document)
            referenced = tuple(matched)
            title = title_without_limit(question.title) or question.title or "(제목 없음)"
            key = title if title not in coverage else f"{title} (line {question.heading_line})"
            coverage[key] = list(referenced)
            rows.append(CoverageRow(key, question.heading_line, referenced, dict(matched)))
    return Coverage(
        values=found.names,
        origins={v.name: v.label for v in found.values},
        coverage=coverage,
        rows=rows,
        company=found.company.name if found.company is not None else None,
        notes=found.notes(),
        company_source=found.company_source,
        statements={v.name: v.statement for v in found.values if v.statement},
    )

"""What a run produces: findings and per-file results, as reporters and the API see them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from essaylint.plugin import Edit, Severity
from essaylint.score import completeness


def _by_fields(self: Any) -> tuple[type, tuple[Any, ...]]:
    """Pickled as its class and fields in order (how `-j` workers send results back):
    unpickling then calls the constructor, about twice as fast as restoring the state."""
    return type(self), tuple(getattr(self, name) for name in self.__slots__)


@dataclass(frozen=True, slots=True, order=True)
class Finding:
    """One reported problem, located in the original file and tied to its question."""

    path: str
    line: int
    col: int
    code: str
    name: str = field(compare=False)
    severity: Severity = field(compare=False)
    message: str = field(compare=False)
    section: str = field(default="", compare=False)  # heading path, "회사 > 질문"
    end_line: int = field(default=0, compare=False)
    end_col: int = field(default=0, compare=False)
    suggestion: str | None = field(default=None, compare=False)
    fix: Edit | None = field(default=None, compare=False)
    fix_also: tuple[Edit, ...] = field(default=(), compare=False)  # applied with `fix`

    __reduce__ = _by_fields


@dataclass(frozen=True, slots=True)
class SectionReport:
    """One section's summary for `score --details` and the JSON `sections` list."""

    title: str
    line: int
    kind: str
    level: int
    path: str
    style: str = "heading"
    state: str | None = None  # questions only
    count: int | None = None
    limit: int | None = None
    min: int | None = None
    mode: str | None = None
    limit_source: str | None = None
    alt_titles: tuple[str, ...] = ()

    __reduce__ = _by_fields


@dataclass(slots=True)
class FileResult:
    """Everything known about one file after a run (or why it could not be checked)."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    sections: list[SectionReport] = field(default_factory=list)
    questions: int = 0
    answered: int = 0
    complete: int = 0
    error: str | None = None
    notes: list[str] = field(default_factory=list)
    encoding: str = "utf-8"
    # Company values and which answers reference them (essaylint.values.Coverage), when the
    # values rules ran.
    coverage: Any = None
    # From the config in force for this file; CLI flags win.
    strict: bool = False
    fail_under: float | None = None
    # The original lines (no line endings), so reporters can quote the source under a finding.
    lines: tuple[str, ...] = ()
    # False when the file's front matter names files (packs, rule options) that a cache key
    # cannot watch without reading the file: such a result is never stored.
    cacheable: bool = True
    # True when `error` is the config file's (it names that file): shown once for all its files.
    config_error: bool = False

    @property
    def score(self) -> float:
        return round(completeness(self.complete, self.questions), 1)

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

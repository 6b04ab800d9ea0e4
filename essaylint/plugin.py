"""The whole plugin API: what a rule module exports and what its `check` receives and yields.

A rule is data (code, name, severity, options) plus one pure generator over a parsed
`Document`. Plugins yield `Hit`s; the engine stamps path, code, name, severity and the question
path, so no plugin can mislabel itself, and none parses or prints anything.

Options are stdlib dataclasses with every field defaulted, so a run without a config file never
imports pydantic; the config loader validates user tables against them (unknown keys rejected).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Literal

if TYPE_CHECKING:
    from essaylint.counting import CountMode
    from essaylint.limits import Limit
    from essaylint.model import Document, Section
    from essaylint.score import Assessment

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")


class RuleUnavailable(RuntimeError):
    """Raised by a check that cannot run here (its optional library is missing): the rule is
    skipped with a note for the file, never an error, so the other rules' results stand."""


class RuleConfigError(ValueError):
    """Raised by a check for a problem in the user's setup (a broken pack file): one line,
    reported like a config error (exit 2), never as a crash."""


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace original text from (line, col) to (end_line, end_col), exclusive, with `text`."""

    line: int
    col: int
    end_line: int
    end_col: int
    text: str
    safe: bool = True


@dataclass(frozen=True, slots=True)
class Hit:
    """What a rule yields: a place, a one-line message, and the question it belongs to."""

    line: int
    col: int
    message: str
    section: Section | None = None
    end_line: int | None = None
    end_col: int | None = None
    suggestion: str | None = None
    fix: Edit | None = None
    # More edits of the same fix (the same word elsewhere in the file): `--fix` applies them
    # with `fix`, all or none. An edit on a line where the finding would be suppressed is dropped.
    fix_also: tuple[Edit, ...] = ()
    # A rule sure of some findings and guessing at others says so per finding; None takes the
    # rule's severity, and a severity the user configured for the rule always wins.
    severity: Severity | None = None


@dataclass(frozen=True)
class RuleOptions:
    """Base of every rule's options: subclass as a frozen dataclass, every field defaulted.

    Constraints are checked in `validate`, which the config loader calls after building the
    options from a user table, so defaults cost nothing at start-up.
    """

    # pydantic reads this when validating a user's table: misspelled keys are errors.
    __pydantic_config__: ClassVar[dict[str, Any]] = {"extra": "forbid"}

    def validate(self) -> None:
        """Raise ValueError('key: reason') when a value is out of range."""


class RuleContext:
    """What a check may ask of the run: counting, limits, its own file path, shared settings."""

    def __init__(
        self,
        path: str,
        *,
        count_text: Callable[[str, CountMode], int],
        default_mode: CountMode,
        limit_for: Callable[[Section], Limit | None],
        settings: Any = None,
        base_dir: Path | None = None,
        assess: Callable[[Section], Assessment] | None = None,
        lines: Sequence[str] | None = None,
    ) -> None:
        self.path = path
        # Folder of the config file in force (or the file's folder): relative pack paths start here.
        self.base_dir = base_dir
        self._assess = assess
        # The original lines of the file (no line endings), for rules that read raw source.
        self.lines = lines
        self._count_text = count_text
        self.default_mode: CountMode = default_mode
        self._limit_for = limit_for
        self.settings = settings

    def assess(self, section: Section) -> Assessment:
        """The question's state (empty, stub, over-limit …), judged once for rules and score."""
        if self._assess is None:
            raise RuntimeError("this context cannot assess answers")
        return self._assess(section)

    def limit(self, section: Section) -> Limit | None:
        """The limit in force for a question, from its title, a comment, front matter or config."""
        return self._limit_for(section)

    def mode(self, section: Section) -> CountMode:
        """How this question is counted: its limit's own notation wins over the configured mode."""
        limit = self._limit_for(section)
        if limit is not None and limit.mode is not None:
            return limit.mode
        return self.default_mode

    def count(self, text: str, mode: CountMode | None = None) -> int:
        return self._count_text(text, mode or self.default_mode)


CheckFunction = Callable[["Document", Any, RuleContext], Iterable[Hit]]


@dataclass(frozen=True)
class Rule:
    """One rule: a stable code (`EL201`), a slug (`over-limit`) and a check."""

    code: str
    name: str
    check: CheckFunction
    options: type[RuleOptions] = RuleOptions
    severity: Severity = "error"
    fixable: bool = False
    tags: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    default_enabled: bool = True
    summary: str = ""
    packs: tuple[str, ...] = field(default=())

    @property
    def doc(self) -> str:
        """The rule's documentation: its module's docstring."""
        module = sys.modules.get(self.check.__module__)
        return (module.__doc__ or "").strip() if module else ""

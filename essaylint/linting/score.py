"""Each question's state and the document's completeness score.

Completeness = questions with a complete answer (not empty, not a stub, no placeholder, within
its limit) / questions, as a percentage. A stacked group is one question; groups and reference
sections are not questions. The score reads the same judgements as the rules (`answers.py`)
but not their findings, so suppressing or ignoring a rule never changes it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from essaylint.linting.plugin import AnswerState, Assessment, RuleContext
from essaylint.reading.answers import find_placeholders, is_empty, stub_reason, stub_threshold
from essaylint.reading.limits import Limit
from essaylint.reading.model import Section

__all__ = ["AnswerState", "Assessment", "Thresholds", "assess", "completeness", "fill_floor"]


@dataclass(frozen=True, slots=True)
class Thresholds:
    """The rule options the states depend on (taken from config even when a rule is off)."""

    min_chars: int = 50
    min_fill: float = 0.8
    placeholder: re.Pattern[str] | None = None


def fill_floor(limit: Limit | None, min_fill: float) -> int | None:
    """The smallest count that is not under-filled: the range minimum, else min_fill of max."""
    if limit is None or limit.unlimited:
        return None
    if limit.min is not None:
        return limit.min
    if limit.max is not None and min_fill > 0:
        return int(limit.max * min_fill + 0.999999)
    return None


def assess(section: Section, ctx: RuleContext, thresholds: Thresholds) -> Assessment:
    limit = ctx.limit(section)
    mode = ctx.mode(section)
    count = ctx.count(section.text, mode)
    state: AnswerState
    if is_empty(section):
        state = "empty"
    elif any(find_placeholders(section.text, thresholds.placeholder)):
        state = "placeholder"
    elif stub_reason(
        section,
        ctx.count(section.text, "chars"),
        stub_threshold(thresholds.min_chars, limit.max if limit is not None else None),
    ):
        state = "stub"
    elif limit is not None and limit.max is not None and count > limit.max:
        state = "over-limit"
    else:
        floor = fill_floor(limit, thresholds.min_fill)
        state = "under-filled" if floor is not None and count < floor else "complete"
    return Assessment(section, state, count, mode, limit)


def completeness(complete: int, questions: int) -> float:
    """Percentage of complete answers (unrounded); a document with no questions is complete."""
    return 100.0 * complete / questions if questions else 100.0

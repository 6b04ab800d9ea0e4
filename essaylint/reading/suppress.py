"""Inline suppression comments (markdownlint syntax).

- `<!-- essaylint-disable RULE... -->` until `<!-- essaylint-enable RULE... -->` or the end of
  the file;
- `<!-- essaylint-disable-next-line RULE... -->`: the next non-blank line (put it above a
  heading to silence a finding about that whole answer);
- `<!-- essaylint-disable-line RULE... -->`: its own line;
- `<!-- essaylint-disable-file RULE... -->`: the whole file.

RULE is a code (EL201), a name (over-limit) or a tag (length), separated by spaces or commas;
no RULE means every rule. Suppression hides findings only: the completeness score is the same.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from essaylint.base.patterns import compile_pattern
from essaylint.reading.model import Comment

_DIRECTIVE = compile_pattern(
    r"^essaylint-(disable-next-line|disable-line|disable-file|disable|enable)\b\s*(.*)$",
    re.DOTALL,
)
ALL = "*"


@dataclass(frozen=True, slots=True)
class Suppression:
    start: int  # first suppressed line
    end: int  # last suppressed line (inclusive)
    selectors: tuple[str, ...]  # ("*",) for every rule
    line: int  # where the comment is
    excluded: tuple[str, ...] = ()  # rules enabled again inside a disable-all range


def _selectors(rest: str) -> tuple[str, ...]:
    items = tuple(item for item in re.split(r"[\s,]+", rest.strip()) if item)
    return items or (ALL,)


def parse_suppressions(
    comments: Sequence[Comment],
    lines: Sequence[str],
    line_count: int,
    canonical: Callable[[str], str] = str,
) -> list[Suppression]:
    """Turn the document's comments into line ranges with rule selectors.

    `canonical` maps a selector to one key per rule (a name and its code are the same rule), so
    `disable placeholder` ... `enable EL103` closes the range.
    """
    found: list[Suppression] = []
    # canonical selector -> (start line, comment line, rules enabled again since)
    open_ranges: dict[str, tuple[int, int, tuple[str, ...]]] = {}
    last = max(line_count, 1)
    for comment in comments:
        match = _DIRECTIVE.match(comment.body)
        if match is None:
            continue
        kind, rest = match.groups()
        selectors = _selectors(rest)
        if kind == "disable-file":
            found.append(Suppression(1, last, selectors, comment.line))
        elif kind == "disable-line":
            found.append(Suppression(comment.line, comment.end_line, selectors, comment.line))
        elif kind == "disable-next-line":
            target = comment.end_line + 1
            while target <= len(lines) and not lines[target - 1].strip():
                target += 1
            found.append(Suppression(target, target, selectors, comment.line))
        elif kind == "disable":
            for selector in selectors:
                open_ranges.setdefault(canonical(selector), (comment.line, comment.line, ()))
        else:  # enable
            _enable(selectors, comment.line, open_ranges, found, canonical)
    for key, (start, line, excluded) in open_ranges.items():
        found.append(Suppression(start, last, (key,), line, excluded))
    return found


def _enable(
    selectors: tuple[str, ...],
    line: int,
    open_ranges: dict[str, tuple[int, int, tuple[str, ...]]],
    found: list[Suppression],
    canonical: Callable[[str], str],
) -> None:
    keys = list(open_ranges) if selectors == (ALL,) else [canonical(s) for s in selectors]
    for key in keys:
        opened = open_ranges.pop(key, None)
        if opened is not None:
            found.append(Suppression(opened[0], line, (key,), opened[1], opened[2]))
    everything = open_ranges.get(ALL)
    if everything is not None and selectors != (ALL,):
        # Enabling one rule inside a disable-all: close the range and reopen it without the rule.
        start, comment_line, excluded = everything
        found.append(Suppression(start, line, (ALL,), comment_line, excluded))
        open_ranges[ALL] = (line, comment_line, (*excluded, *keys))


def is_suppressed(
    suppressions: Sequence[Suppression], line: int, matches: Callable[[str], bool]
) -> bool:
    """Whether a finding on `line` is hidden; `matches(selector)` says if it names the rule."""
    for item in suppressions:
        if item.start <= line <= item.end and any(s == ALL or matches(s) for s in item.selectors):
            if any(matches(e) for e in item.excluded):
                continue
            return True
    return False

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

from essaylint.model import Comment

_DIRECTIVE = re.compile(
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


def _selectors(rest: str) -> tuple[str, ...]:
    items = tuple(item for item in re.split(r"[\s,]+", rest.strip()) if item)
    return items or (ALL,)


def parse_suppressions(
    comments: Sequence[Comment], lines: Sequence[str], line_count: int
) -> list[Suppression]:
    """Turn the document's comments into line ranges with rule selectors."""
    found: list[Suppression] = []
    open_ranges: dict[str, tuple[int, int]] = {}  # selector -> (start line, comment line)
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
                open_ranges.setdefault(selector, (comment.line, comment.line))
        else:  # enable
            targets = list(open_ranges) if selectors == (ALL,) else list(selectors)
            for selector in targets:
                opened = open_ranges.pop(selector, None)
                if opened is not None:
                    found.append(Suppression(opened[0], comment.line, (selector,), opened[1]))
    for selector, (start, line) in open_ranges.items():
        found.append(Suppression(start, last, (selector,), line))
    return found


def is_suppressed(
    suppressions: Sequence[Suppression], line: int, matches: Callable[[str], bool]
) -> bool:
    """Whether a finding on `line` is hidden; `matches(selector)` says if it names the rule."""
    for item in suppressions:
        if item.start <= line <= item.end and any(s == ALL or matches(s) for s in item.selectors):
            return True
    return False

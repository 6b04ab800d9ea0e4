"""EL103 placeholder: template text left in an answer.

## What it flags
Template marks a writer meant to replace: `OOO`, `○○○`, `XXX` (three or more), `{{변수}}`, and
template words in brackets: `[회사명]`, `{회사명}`, `<회사명>`, `[지원 직무]`, `[이름]` … The list of
words is the `terms` option. Two marks (`OO대학교`) are left alone: blind-hiring applications
anonymise that way on purpose.

## Why it matters
An answer sent with `[회사명]` in it tells the reader it was copied from a template.

## Example
```markdown
## 지원 동기 (500자)
제가 [회사명]에 지원한 이유는 사용자의 일상을 바꾸는 서비스를 만들고 싶기 때문입니다. 특히 결제와 송금처럼 매일 쓰는 기능을 더 빠르게 만드는 일에 관심이 많습니다.
```

## Instead
```markdown
## 지원 동기 (500자)
제가 카카오에 지원한 이유는 사용자의 일상을 바꾸는 서비스를 만들고 싶기 때문입니다. 특히 결제와 송금처럼 매일 쓰는 기능을 더 빠르게 만드는 일에 관심이 많습니다.
```

## Fix
Replace the placeholder with the real name or fact.

## False positives
Code (inline or fenced) is skipped. If a bracketed word is real text in your answer, remove it
from `terms` or suppress the line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from essaylint.linting.plugin import Hit, Rule, RuleContext, RuleOptions
from essaylint.reading.answers import (
    DEFAULT_PLACEHOLDER_TERMS,
    find_placeholders,
    placeholder_pattern,
)
from essaylint.reading.model import Document, Section


@cache
def _compiled(terms: tuple[str, ...]) -> re.Pattern[str]:
    return placeholder_pattern(terms)


@dataclass(frozen=True)
class Options(RuleOptions):
    terms: tuple[str, ...] = DEFAULT_PLACEHOLDER_TERMS

    def compiled(self) -> re.Pattern[str]:
        return _compiled(tuple(self.terms))


def _outside_text(section: Section, start: int, end: int) -> bool:
    """Whether a match lies in code, or runs from one span into the next: `OOO` in text and
    `O` in a code span after it are not a placeholder `OOOO` (found by fuzzing)."""
    if not section.spans:
        return False
    first = section.span_index(start)
    return first != section.span_index(max(start, end - 1)) or section.in_code(start)


def check(doc: Document, opts: Options, ctx: RuleContext) -> Iterator[Hit]:
    pattern = opts.compiled()
    for section in doc.walk():
        if section.kind in ("reference", "part"):
            continue
        for found in find_placeholders(section.text, pattern):
            if _outside_text(section, found.start, found.end):
                continue
            line, col = section.locate(found.start)
            end_line, end_col = section.locate_end(found.end)
            if end_line != line:
                end_line, end_col = line, col + len(found.text)
            yield Hit(
                line,
                col,
                f"자리 표시 문구 '{found.text}'이(가) 남아 있음",
                section=section,
                end_line=end_line,
                end_col=end_col,
            )


RULE = Rule(
    code="EL103",
    name="placeholder",
    check=check,
    options=Options,
    severity="error",
    tags=("structure",),
    summary="남아 있는 템플릿 문구 (template text such as [회사명], OOO)",
)

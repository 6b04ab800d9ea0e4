"""EL104 duplicate-question: the same question twice in one document.

## What it flags
A question whose title, ignoring its limit notation, numbering, spacing and punctuation, equals
an earlier question's title (any of a stacked group's titles). Reported at the later one.

## Why it matters
A copied question block usually means one of the two answers is stale, or a portal question was
pasted twice and the other one is missing.

## Example
```markdown
## 1. 지원 동기 (1000자)
카카오페이의 송금 기능을 쓰며 금융 서비스도 메신저처럼 가벼울 수 있다는 것을 알았습니다.

## 3. 지원동기
메신저 기반 금융 서비스의 가능성에 끌려 지원했습니다.
```

## Instead
```markdown
## 1. 지원 동기 (1000자)
카카오페이의 송금 기능을 쓰며 금융 서비스도 메신저처럼 가벼울 수 있다는 것을 알았습니다.

## 3. 입사 후 포부
결제 장애를 먼저 찾아내는 모니터링 체계를 만드는 개발자가 되겠습니다.
```

## Fix
Merge the two answers or rename the question the portal really asks.

## False positives
Interview notes that repeat a question on purpose (two rounds of the same interview): put each
round under its own group heading; questions are compared within their group.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from essaylint.linting.plugin import Hit, Rule, RuleContext, RuleOptions
from essaylint.reading.model import Document, Section
from essaylint.reading.titles import comparable_title


@dataclass(frozen=True)
class Options(RuleOptions):
    """duplicate-question has no options."""


def _group_key(section: Section) -> tuple[str, ...]:
    return section.path[:-1]


def check(doc: Document, opts: Options, ctx: RuleContext) -> Iterator[Hit]:
    seen: dict[tuple[tuple[str, ...], str], Section] = {}
    for section in doc.questions():
        keys = [(_group_key(section), comparable_title(t)) for t in section.titles]
        earlier = next((seen[k] for k in keys if k[1] and k in seen), None)
        if earlier is not None:
            yield Hit(
                section.heading_line,
                1,
                f"같은 질문이 {earlier.heading_line}행에도 있음: '{earlier.title}'",
                section=section,
            )
        for key in keys:
            if key[1]:
                seen.setdefault(key, section)


RULE = Rule(
    code="EL104",
    name="duplicate-question",
    check=check,
    options=Options,
    severity="warning",
    tags=("structure",),
    summary="같은 질문이 두 번 (the same question twice)",
)

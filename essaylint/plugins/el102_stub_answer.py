"""EL102 stub-answer: an answer that has been started but not written.

## What it flags
An answered question whose answer is shorter than `min_chars` counted characters (공백 포함;
never more than half of the question's own limit, so a `(20자)` question needs 10), or
consists of / ends in a placeholder (`TODO`, `TBD`, `작성 중`, `추후 작성`, `(작성)`, a lone `ㅇ`,
`...`, `…`), or is made only of empty list items, empty code fences or labels with nothing
after them (`- **상황**:`).

## Why it matters
A stub looks answered at a glance, so it is the answer most likely to be pasted unfinished.

## Example
```markdown
## 지원 동기 (1000자)
카카오의 서비스를 매일 쓰며 TODO
```

## Instead
```markdown
## 지원 동기 (1000자)
카카오톡 선물하기로 명절 선물을 보내며, 받는 사람의 주소를 몰라도 마음을 전할 수 있다는 점에 놀랐습니다. 그 편리함 뒤의 주문 처리 구조를 직접 만들고 싶어 지원했습니다.
```

## Fix
Finish the answer. Raise or lower `min_chars` to match how short a real answer can be.

## False positives
A question that really asks for a one-line answer (a name, a date) is shorter than 50 characters:
give it its own limit or set `min_chars` lower.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from essaylint.linting.plugin import Hit, Rule, RuleContext, RuleOptions
from essaylint.reading.answers import is_empty, stub_reason, stub_threshold
from essaylint.reading.model import Document


@dataclass(frozen=True)
class Options(RuleOptions):
    min_chars: int = 50

    def validate(self) -> None:
        if self.min_chars < 0:
            raise ValueError("min_chars: must be >= 0")


def check(doc: Document, opts: Options, ctx: RuleContext) -> Iterator[Hit]:
    for section in doc.questions():
        if is_empty(section):
            continue
        limit = ctx.limit(section)
        floor = stub_threshold(opts.min_chars, limit.max if limit is not None else None)
        reason = stub_reason(section, ctx.count(section.text, "chars"), floor)
        if reason is not None:
            yield Hit(section.heading_line, 1, f"미완성 답변: {reason}", section=section)


RULE = Rule(
    code="EL102",
    name="stub-answer",
    check=check,
    options=Options,
    severity="warning",
    tags=("structure",),
    summary="쓰다 만 답변 (stub or placeholder-only answer)",
)

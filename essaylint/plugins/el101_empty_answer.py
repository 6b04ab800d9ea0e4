"""EL101 empty-answer: a question with nothing written under it.

## What it flags
A question (a heading that is not a group or a reference section) whose answer has no text at
all: only white space, HTML comments or thematic breaks (`---`). The last heading of the file is
included. Stacked headings (one question asked in several words, headings on consecutive lines)
get one finding, at the first heading.

## Why it matters
An unanswered question is the one thing that must never reach a hiring portal.

## Example
```markdown
## 입사 후 포부 (500자)

## 성격의 장단점 (500자)
저는 한 번 시작한 일은 끝까지 마무리하는 성격입니다. 동아리 회계를 맡았을 때에도 마지막 영수증 한 장까지 맞춰 본 뒤에야 장부를 넘겼습니다.
```

## Instead
```markdown
## 입사 후 포부 (500자)
입사 후 3년 안에 결제 서비스의 장애 대응 체계를 혼자서도 이끌 수 있는 개발자가 되겠습니다. 신규 입사자 교육 자료를 직접 정리하며 팀의 온보딩 기간을 줄이는 데에도 기여하고 싶습니다.
```

## Fix
Write the answer, or delete the question if the portal does not ask it.

## False positives
A heading that only holds other headings is a group, not a question, and is never flagged; if a
title is mistaken for a question, add it to `reference_titles` or use
`<!-- essaylint-disable-next-line empty-answer -->` above it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from essaylint.linting.plugin import Hit, Rule, RuleContext, RuleOptions
from essaylint.reading.answers import is_empty
from essaylint.reading.model import Document


@dataclass(frozen=True)
class Options(RuleOptions):
    """empty-answer has no options."""


def check(doc: Document, opts: Options, ctx: RuleContext) -> Iterator[Hit]:
    for section in doc.questions():
        if is_empty(section):
            yield Hit(section.heading_line, 1, "답변이 비어 있음", section=section)


RULE = Rule(
    code="EL101",
    name="empty-answer",
    check=check,
    options=Options,
    severity="error",
    tags=("structure",),
    summary="답변이 없는 질문 (question with no answer)",
)

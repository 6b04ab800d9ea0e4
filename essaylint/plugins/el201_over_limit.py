"""EL201 over-limit: an answer longer than its question's limit.

## What it flags
An answer whose length, counted the way the portal counts (`count`: 공백 포함 `chars` by
default; 공백 제외, bytes, NEIS bytes or words when the limit notation or config says so), is over
the question's limit. Only what a reader sees is counted: emphasis markers, link and image URLs,
HTML comments, list markers and table pipes are not. Limits are read from the title (`(1,000자
이내)`, `[700자]`, `(공백 제외 800자)`, `1500 bytes`, `(500~700자)`, `(0/800)` …), a comment under
the heading (`<!-- essaylint: limit=1000 count=chars-no-spaces -->`), front matter (`limits:`),
config (`limits = {"지원 동기" = 1000}`) or `default_limit`, in that order.

## Why it matters
Portals cut or refuse answers over the limit, often only at the moment of submission.

## Example
```markdown
## 성장 과정 (50자)
부모님께서는 어릴 때부터 궁금한 것은 직접 찾아보게 하셨고, 그 습관 덕분에 저는 모르는 문제를 만나면 먼저 자료를 찾아 정리하는 사람이 되었습니다.
```

## Instead
```markdown
## 성장 과정 (100자)
부모님께서는 어릴 때부터 궁금한 것은 직접 찾아보게 하셨고, 그 습관 덕분에 저는 모르는 문제를 만나면 먼저 자료를 찾아 정리하는 사람이 되었습니다.
```

## Fix
Shorten the answer; the message says by how much.

## False positives
A portal that counts differently from the configured mode: set `count` (for example
`chars-no-spaces`) or write the mode in the title (`(공백 제외 800자)`). Line breaks count
`newline` characters each (default 1; 2 for portals that count CRLF).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from essaylint.linting.plugin import Hit, Rule, RuleContext, RuleOptions
from essaylint.reading.counting import MODE_LABELS, MODE_UNITS, CountMode
from essaylint.reading.model import Document


@dataclass(frozen=True)
class Options(RuleOptions):
    """over-limit has no options of its own: see `count`, `limits` and `default_limit`."""


def describe_count(used: int, limit: int, mode: CountMode) -> str:
    """`1,120/1,000자 (공백 포함, chars)`: shared with under-filled so both read alike."""
    korean, _english = MODE_LABELS[mode]
    return f"{used:,}/{limit:,}{MODE_UNITS[mode]} ({korean}, {mode})"


def check(doc: Document, opts: Options, ctx: RuleContext) -> Iterator[Hit]:
    for section in doc.questions():
        limit = ctx.limit(section)
        if limit is None or limit.max is None:
            continue
        mode = ctx.mode(section)
        used = ctx.count(section.text, mode)
        if used > limit.max:
            over = used - limit.max
            message = f"{describe_count(used, limit.max, mode)}, {over:,}{MODE_UNITS[mode]} 초과"
            yield Hit(section.heading_line, 1, message, section=section)


RULE = Rule(
    code="EL201",
    name="over-limit",
    check=check,
    options=Options,
    severity="error",
    tags=("length",),
    summary="글자 수 제한 초과 (answer over its character limit)",
)

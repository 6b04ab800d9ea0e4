"""EL202 under-filled: an answered question that uses too little of its limit.

## What it flags
An answered question (not empty, not a stub) whose length is under the minimum of its limit's
range (`(500~700자)`, `(최소 100자, 최대 1,000자)`) or, without a minimum, under `min_fill` of the
maximum (default 0.8: the usual advice is to fill 80-90% of the space).

## Why it matters
Reviewers read a half-empty answer as low effort, and the space is the only chance to make the case.

## Example
```markdown
## 직무 역량 (200자)
백엔드 개발 경험이 있으며 Redis와 Kafka를 다뤄 보았습니다. 학부 연구실에서는 주문 서비스의 조회 API를 맡아 응답 속도를 개선했고, 팀 프로젝트에서는 배포 자동화를 담당했습니다.
```

## Instead
```markdown
## 직무 역량 (300자)
백엔드 개발 경험이 있으며 Redis와 Kafka를 다뤄 보았습니다. 학부 연구실에서는 주문 서비스의 조회 API를 맡아 응답 속도를 개선했고, 팀 프로젝트에서는 배포 자동화를 담당했습니다. 특히 Redis 캐시를 도입해 평균 조회 지연을 120ms에서 45ms로 줄였고, Kafka로 주문 이벤트를 나눠 처리하며 결제 장애가 다른 기능으로 번지지 않도록 설계했습니다. 이 경험을 바탕으로 카카오의 대규모 트래픽 환경에서도 안정적인 서비스를 만들겠습니다.
```

## Fix
Develop the answer with a concrete example, or lower `min_fill` for portals where short is fine.

## False positives
Questions where a short answer is right (`(최대 1,000자)` for an optional remark): set `min_fill`
lower or suppress the question with `<!-- essaylint-disable-next-line under-filled -->`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from essaylint.linting.plugin import Hit, Rule, RuleContext, RuleOptions
from essaylint.linting.score import fill_floor
from essaylint.plugins.el201_over_limit import describe_count
from essaylint.reading.counting import MODE_UNITS
from essaylint.reading.model import Document


@dataclass(frozen=True)
class Options(RuleOptions):
    min_fill: float = 0.8

    def validate(self) -> None:
        if not 0 <= self.min_fill <= 1:
            raise ValueError("min_fill: must be between 0 and 1")


def check(doc: Document, opts: Options, ctx: RuleContext) -> Iterator[Hit]:
    for section in doc.questions():
        limit = ctx.limit(section)
        floor = fill_floor(limit, opts.min_fill)
        if limit is None or floor is None:
            continue
        assessment = ctx.assess(section)
        if assessment.state in ("empty", "stub", "placeholder"):
            continue
        mode = assessment.mode
        used = assessment.count
        if used >= floor:
            continue
        unit = MODE_UNITS[mode]
        if limit.min is not None:
            detail = f"최소 {limit.min:,}{unit}보다 {limit.min - used:,}{unit} 적음"
        else:
            assert limit.max is not None
            # Floor, so 79.7% never reads as "80% 채움" next to "권장 80% 이상".
            detail = f"{used * 100 // limit.max}% 채움, 권장 {opts.min_fill:.0%} 이상"
        shown = limit.max if limit.max is not None else floor
        yield Hit(
            section.heading_line,
            1,
            f"{describe_count(used, shown, mode)}, {detail}",
            section=section,
        )


RULE = Rule(
    code="EL202",
    name="under-filled",
    check=check,
    options=Options,
    severity="warning",
    tags=("length",),
    summary="제한에 비해 너무 짧은 답변 (answer well under its limit)",
)

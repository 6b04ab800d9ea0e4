"""EL402 unused-value: a company value that no answer references.

## What it flags
Each of the company's values (인재상, 핵심가치: from the document's values section, front matter,
config or the company preset, as for `missing-value`) that no question's answer references,
one finding per value. The finding sits on the heading of the values section the value was read
from (or the first values section, or line 1 when the document has none). Nothing is reported
until at least one question is answered, so a fresh template stays quiet.

## Why it matters
Reviewers often score each stated value separately; a value no answer touches is a gap you can
see before they do. It is information, not an error: few applications cover every value.

## Example
```markdown
## 인재상
- 신뢰
- 충돌

## 지원 동기 (500자)
동료들이 믿고 맡길 수 있는 개발자가 되고 싶어 지원했습니다. 결제 장애를 밤새 함께 추적하며 신뢰가 팀의 속도를 만든다는 것을 배웠습니다.
```

## Instead
```markdown
## 인재상
- 신뢰
- 충돌

## 지원 동기 (500자)
동료들이 믿고 맡길 수 있는 개발자가 되고 싶어 지원했습니다. 설계 방향을 두고 선배와 의견이 충돌했을 때 근거를 들어 토론했고, 그 과정에서 신뢰가 팀의 속도를 만든다는 것을 배웠습니다.
```

## Fix
Cover the value in the answer where it fits best, or accept the gap.

## False positives
A preset may list more values than the posting asks about, so values only a shipped preset
knows are not reported by default; add `"preset"` to `origins` to see them too, or
turn the rule off with `ignore = ["EL402"]`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from essaylint.linting.plugin import Hit, Rule, RuleContext, RuleOptions
from essaylint.reading.model import Document
from essaylint.values.lemmas import object_particle

ORIGIN_NAMES = ("document", "front-matter", "config", "preset")


@dataclass(frozen=True)
class Options(RuleOptions):
    # Report only values from these origins: document, front-matter, config, preset. Values
    # only a shipped preset knows are left out by default: the writer never stated them.
    origins: tuple[str, ...] = ("document", "front-matter", "config")

    def validate(self) -> None:
        for origin in self.origins:
            if origin not in ORIGIN_NAMES:
                raise ValueError(
                    f"origins: must be among {', '.join(ORIGIN_NAMES)}, got {origin!r}"
                )


def check(doc: Document, opts: Options, ctx: RuleContext) -> Iterator[Hit]:
    from essaylint.values import known_values

    questions = list(doc.questions())
    if not any(ctx.assess(q).state not in ("empty", "stub") for q in questions):
        return
    values = known_values(doc, ctx.settings, lines=getattr(ctx, "lines", None))
    if not values.values:
        return
    used: set[str] = set()
    for question in questions:
        used.update(values.referenced(question, doc))
    fallback_line = values.section_lines[0] if values.section_lines else 1
    # Name the values section the finding stands in (the reference heading), so the output
    # says where the value came from even though no question owns it.
    headings = {s.heading_line: s for s in doc.walk() if s.kind == "reference"}
    for value in values.values:
        if value.name in used or value.origin not in opts.origins:
            continue
        line = value.section_line or fallback_line
        owner = headings.get(line) or next(
            (s for s in headings.values() if s.heading_line <= line <= s.end_line), None
        )
        yield Hit(
            line,
            1,
            f"인재상 키워드 '{value.name}'{object_particle(value.name)} 언급한 답변이 없음",
            section=owner,
            suggestion="이 가치가 드러나는 경험을 한 답변에 넣을 수 있는지 검토하세요",
        )


RULE = Rule(
    code="EL402",
    name="unused-value",
    check=check,
    options=Options,
    severity="info",
    tags=("values", "model"),
    summary="어느 답변에도 쓰이지 않은 인재상 (a value no answer references)",
)

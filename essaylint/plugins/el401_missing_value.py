"""EL401 missing-value: an answer that references none of the company's values.

## What it flags
An answered question (not empty, not a stub) whose answer mentions none of the company's values
(인재상, 핵심가치). The values come from the document's own `## 인재상` / `## 핵심 가치` section,
then front matter and config (`values`, `synonyms`), then the preset of the target company
(`company = "kakao"`, or the company the document's title names). Inflected forms count
(`도전하는`, `도전적인` and `도전했습니다` reference `도전 의식`), and so do related terms
(`믿음` for `신뢰`). A value written with a statement (`스스로 몰입하고 주도적으로 일하는 사람
**(리더십, 목표 달성)**`, `리더십: …`, a table's description cell) is referenced by the
statement's attitude words too (`주도적인 학습` references `리더십`); `score --details` shows
which words matched. The finding is on the question's heading and names the values.

Questions under a group whose title marks interview or technical notes (`# 면접 예상 질문`,
`# 기술 질문`, `Technical`) are skipped: see the `skip` option. Nothing is reported when no
values are known.

## Why it matters
Korean applications are read against the company's 인재상: an answer that never touches any of
them leaves the reader to make the connection, and most will not.

## Example
```markdown
## 인재상
**신뢰**, **충돌**, **헌신**

## 입사 후 포부 (500자)
입사 후에는 결제 서비스의 장애 대응 체계를 정리하겠습니다. 새로 합류하는 개발자들이 빠르게 적응하도록 운영 문서와 점검 목록을 꾸준히 다듬고, 매 분기 회고로 개선할 점을 찾겠습니다.
```

## Instead
```markdown
## 인재상
**신뢰**, **충돌**, **헌신**

## 입사 후 포부 (500자)
입사 후에는 결제 서비스의 장애 대응 체계를 정리하겠습니다. 동료들이 신뢰하고 맡길 수 있도록 운영 문서와 점검 목록을 꾸준히 다듬고, 의견이 충돌할 때는 근거를 들고 충분히 토론하겠습니다.
```

## Fix
Tie the answer to one value with a concrete episode: what you did that shows it, not the word
alone.

## False positives
Matching compares lemmas, so a value named only by a paraphrase is missed: write the value
with a statement in the document's 인재상 section, or add the paraphrase under `synonyms`
(`synonyms = {신뢰 = ["믿고 맡기"]}`). Questions that need no value (a
technical answer, a portfolio link) can be excluded with `skip` or selected with `applies_to`,
or silenced with `<!-- essaylint-disable-next-line missing-value -->` above the heading.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from essaylint.base.patterns import compile_pattern
from essaylint.linting.plugin import Hit, Rule, RuleContext, RuleOptions
from essaylint.reading.model import Document, Section

DEFAULT_SKIP: tuple[str, ...] = (
    r"면접",
    r"기술\s*(?:질문|면접|노트|정리|스택)",
    r"^\s*기술\s*$",
    r"(?i)\btechnical\b",
    r"(?i)\binterview\b",
    r"(?i)\btech\b",
    r"포트폴리오",
    r"(?i)\bportfolio\b",
)
MAX_NAMED = 6


@dataclass(frozen=True)
class Options(RuleOptions):
    # Heading regexes: when set, only questions with a matching heading (own or a group's).
    applies_to: tuple[str, ...] = ()
    # Heading regexes: questions with a matching heading (own or a group's) are not checked.
    skip: tuple[str, ...] = DEFAULT_SKIP

    def validate(self) -> None:
        for key, patterns in (("applies_to", self.applies_to), ("skip", self.skip)):
            for pattern in patterns:
                try:
                    compile_pattern(pattern)
                except re.error as error:
                    raise ValueError(
                        f"{key}: bad regular expression {pattern!r}: {error}"
                    ) from None


def headings(section: Section) -> tuple[str, ...]:
    """The question's own titles and those of every section above it."""
    return (*section.path[:-1], *section.titles)


def in_scope(section: Section, applies_to: tuple[str, ...], skip: tuple[str, ...]) -> bool:
    titles = headings(section)
    if applies_to and not any(re.search(p, t) for p in applies_to for t in titles):
        return False
    return not any(re.search(p, t) for p in skip for t in titles)


def value_list(names: list[str]) -> str:
    if len(names) <= MAX_NAMED:
        return ", ".join(names)
    return ", ".join(names[:MAX_NAMED]) + f" 외 {len(names) - MAX_NAMED}개"


def check(doc: Document, opts: Options, ctx: RuleContext) -> Iterator[Hit]:
    from essaylint.values import known_values

    questions = [
        q
        for q in doc.questions()
        if in_scope(q, opts.applies_to, opts.skip) and ctx.assess(q).state not in ("empty", "stub")
    ]
    if not questions:
        return
    values = known_values(doc, ctx.settings, lines=getattr(ctx, "lines", None))
    if not values.values:
        return
    names = value_list(values.names)
    for question in questions:
        if not values.referenced(question, doc):
            yield Hit(
                question.heading_line,
                1,
                f"인재상 키워드({names}) 중 어느 것도 언급하지 않음",
                section=question,
                suggestion="답변에 인재상 하나를 구체적인 경험과 함께 연결하세요",
            )


RULE = Rule(
    code="EL401",
    name="missing-value",
    check=check,
    options=Options,
    severity="warning",
    tags=("values", "model"),
    summary="인재상을 하나도 언급하지 않은 답변 (answer references none of the company's values)",
)

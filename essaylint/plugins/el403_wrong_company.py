"""EL403 wrong-company: an answer addressed to a company other than the one applied to.

## What it flags
A known company other than the target, written as the company being applied to: `네이버에
입사하여 … 하겠습니다`, `네이버에 지원하게 된 동기`, `네이버의 일원이 되어 … 싶습니다`,
`네이버에서 일하고 싶습니다`, `귀사 네이버` in an application to 카카오. The target comes from
`company` (front matter or config, a preset slug or a name), the document's title
(`# 카카오 자기소개서`), or else the answers themselves when one company clearly leads their
application phrases (`이번 카카오 신입 공채에 지원한`, `카카오에 지원하였습니다`); a question under a group titled with another company (a file holding
several applications) is for that company. Known companies are the presets' names and aliases
plus config `companies`.

A plain mention is legitimate and never flagged: `네이버에서 인턴을 하며`, `네이버와 비교하면`,
`2022년 네이버에 지원했지만`. Products are not companies: `카카오톡` and `네이버 지도` are never
read as the company. The finding points at the company name.

## Why it matters
Answers are reused across applications; one left-over company name tells the reader the answer
was written for someone else, and usually ends the application.

## Example
```markdown
---
company: kakao
---
## 지원 동기 (500자)
사용자의 일상을 바꾸는 서비스를 만들고 싶어 네이버에 지원하게 되었습니다. 대학 시절 메신저 알림 지연 문제를 분석하며 대규모 트래픽을 다루는 일에 매력을 느꼈습니다.
```

## Instead
```markdown
---
company: kakao
---
## 지원 동기 (500자)
사용자의 일상을 바꾸는 서비스를 만들고 싶어 카카오에 지원하게 되었습니다. 네이버에서 인턴을 하며 대규모 트래픽을 다루는 일에 매력을 느꼈습니다.
```

## Fix
Replace the company name, then reread the whole answer: a copied answer usually names the old
company's products and values too.

## False positives
Only phrases that apply to, join or become part of the company are flagged, and names that are
also common words (`라인`, `토스`, `당근`) only after a particle or punctuation. If a legitimate
phrase is still flagged (a team or product named after a company), add it to `allow`
(`allow = ["네이버 지도"]`), or name the target with `company` when the title does not.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from essaylint.linting.plugin import Hit, Rule, RuleContext, RuleOptions
from essaylint.reading.model import Document
from essaylint.values.lemmas import object_particle
from essaylint.values.presets import company_key


@dataclass(frozen=True)
class Options(RuleOptions):
    # Phrases (or company names) in which a company name is fine: ["네이버 지도"].
    allow: tuple[str, ...] = ()


def _allowed(text: str, start: int, end: int, name: str, allow: tuple[str, ...]) -> bool:
    key = company_key(name)
    for phrase in allow:
        if company_key(phrase) == key:
            return True
        index = text.find(phrase)
        while index >= 0:
            if index <= start and end <= index + len(phrase):
                return True
            index = text.find(phrase, index + 1)
    return False


def check(doc: Document, opts: Options, ctx: RuleContext) -> Iterator[Hit]:
    from essaylint.values.companies import addresses_as_target, mentions_in, section_target
    from essaylint.values.coverage import (
        front_matter_names_company,
        known_catalogue,
        known_target,
    )

    questions = [q for q in doc.questions() if q.text.strip()]
    if not questions:
        return
    # Only a known company's name can be flagged: without one in any answer there is nothing
    # to find, whatever the target, and reading the target from the text is skipped.
    _, catalogue = known_catalogue(ctx.settings)
    listed = tuple(catalogue)
    if not any(not m.product for q in questions for m in mentions_in(q.text, listed)):
        return
    application = known_target(doc, ctx.settings)
    companies = application.companies
    pinned = front_matter_names_company(doc)
    for question in questions:
        target = section_target(question, doc, application.company, companies, pinned)
        if target is None:
            continue
        # One scanner for every file: the catalogue, plus the target when it is a custom name.
        known = tuple(companies)
        if all(c.key != target.key for c in companies):
            known = (*known, target)
        target_names = {company_key(n) for n in (*target.names, *target.products)}
        text = question.text
        for mention in mentions_in(text, known):
            if mention.product or mention.company.key == target.key:
                continue
            if company_key(mention.text) in target_names:
                continue
            if question.in_code(mention.start):
                continue
            if _allowed(text, mention.start, mention.end, mention.text, opts.allow):
                continue
            if not addresses_as_target(text, mention):
                continue
            line, col = question.locate(mention.start)
            end_line, end_col = question.locate(mention.end)
            yield Hit(
                line,
                col,
                f"지원 회사는 {target.name}인데 '{mention.text}'{object_particle(mention.text)} "
                "지원 대상으로 씀",
                section=question,
                end_line=end_line,
                end_col=end_col,
                suggestion=f"회사 이름을 '{target.name}'(으)로 고치고 답변 전체를 다시 확인하세요",
            )


RULE = Rule(
    code="EL403",
    name="wrong-company",
    check=check,
    options=Options,
    severity="error",
    tags=("values",),
    summary="지원 회사가 아닌 다른 회사에 지원하는 문장 (answer addressed to another company)",
)

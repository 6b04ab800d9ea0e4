"""EL303 spacing: a dependent noun or 안 written together with the word before it.

## What it flags
띄어쓰기 mistakes that every style guide agrees on, found with Kiwi (a Korean morphological
analyser): Kiwi's spacing model proposes a space, and the rule keeps it only when the
morphemes on both sides make it a textbook case:

- a dependent noun (의존명사 것, 수, 데, 줄, 만큼, 뿐, 지, 바, 때문, and 때) glued to the
  modifier before it: `되는것이` → `되는 것이`, `할수있다` → `할 수 있다`, `만난지` →
  `만난 지`, `그것때문에` → `그것 때문에`;
- the negative adverb 안 glued to its verb: `안맞는` → `안 맞는`.

Compound nouns, auxiliary verbs and numbers with units, where both spellings are allowed or
reviewers disagree, are never flagged. The aim is precision, not recall: many spacing slips
are not reported. The message shows the word and the suggestion (`'할수있다' → '할 수 있다'`).

Headings, answers and the text before the first question are read; `reference` sections and
code are not. Off by default (new, opt in with `extend_select = ["EL303"]`).

## Why it matters
Spacing is the most common error in Korean writing, and these cases are the ones a reviewer
notices and agrees are wrong.

## Example
```markdown
## 지원 동기 (500자)
팀원 모두가 같은 기준으로 판단할수있도록 회의 규칙을 만들었습니다.
```

## Instead
```markdown
## 지원 동기 (500자)
팀원 모두가 같은 기준으로 판단할 수 있도록 회의 규칙을 만들었습니다.
```

## Fix
Insert the spaces shown in the suggestion. Nothing is changed for you.

## False positives
`-는데` as a connective ending (`비가 오는데`) and `-ㄹ지` (`할지`) are written together, and
Kiwi usually tells them from the noun 데 and 지, but not always: suppress the line when it
is wrong. Needs kiwipiepy (a dependency; without it the rule is skipped with a note); documents without Hangul never
load the model.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from essaylint.model import Document
from essaylint.plugin import Hit, Rule, RuleContext, RuleOptions

if TYPE_CHECKING:
    from essaylint.korean.scan import Block

__all__ = ["RULE", "Options", "check"]


@dataclass(frozen=True)
class Options(RuleOptions):
    """spacing has no options."""


def check(doc: Document, opts: Options, ctx: RuleContext) -> Iterator[Hit]:
    # Imported here: `--ignore model` runs never pay for the Korean helpers.
    from essaylint.korean.scan import blocks, document_has_hangul, sentences, suggestion_hit
    from essaylint.korean.spacing import suggest_spacing

    if not document_has_hangul(doc):
        return
    texts: list[str] = []
    origins: list[tuple[Block, int]] = []
    for block in blocks(doc):
        for start, end in sentences(block):
            texts.append(block.text[start:end])
            origins.append((block, start))
    if not texts:
        return
    from essaylint.korean.model import get_kiwi

    for found in suggest_spacing(get_kiwi(), texts):
        block, first = origins[found.unit]
        hit = suggestion_hit(
            block,
            first + found.start,
            first + found.end,
            f"'{found.word}' → '{found.suggestion}'",
            found.suggestion,
        )
        if hit is not None:
            yield hit


RULE = Rule(
    code="EL303",
    name="spacing",
    check=check,
    options=Options,
    severity="info",
    fixable=False,
    tags=("spelling", "model"),
    default_enabled=False,
    summary="띄어쓰기 (a dependent noun or 안 written together with the word before it)",
)

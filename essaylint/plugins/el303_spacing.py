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
from essaylint.plugin import Edit, Hit, Rule, RuleContext, RuleOptions

if TYPE_CHECKING:
    from essaylint.korean.scan import Block

__all__ = ["RULE", "Options", "check"]


@dataclass(frozen=True)
class Options(RuleOptions):
    """spacing has no options."""


def check(doc: Document, opts: Options, ctx: RuleContext) -> Iterator[Hit]:
    # Imported here: `--ignore model` runs never pay for the Korean helpers.
    from essaylint.korean.scan import blocks, document_has_hangul, place, sentences
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

    reported: set[tuple[int, int]] = set()  # a part's text may also be its parent's
    for found in suggest_spacing(get_kiwi(), texts):
        block, first = origins[found.unit]
        start, end = first + found.start, first + found.end
        where = place(block, start, end)
        if where is None or (where.line, where.col) in reported:
            continue
        reported.add((where.line, where.col))
        fix = None
        if found.certain and _verbatim(block, start, end, where.col, where.end_col):
            fix = Edit(where.line, where.col, where.line, where.end_col, found.suggestion)
        yield Hit(
            where.line,
            where.col,
            f"'{found.word}' → '{found.suggestion}'",
            section=block.section,
            end_line=where.line,
            end_col=where.end_col,
            suggestion=found.suggestion,
            fix=fix,
        )


def _verbatim(block: Block, start: int, end: int, col: int, end_col: int) -> bool:
    """Whether block.text[start:end] stands in the original as it is: one span, no markup
    inside, one code point per character (an NFD file keeps its bytes: no fix there)."""
    if end_col - col != end - start:
        return False
    for span, offset in zip(block.spans, block.offsets, strict=True):
        if offset <= start and end <= offset + len(span.text):
            return span.is_contiguous(start - offset, end - offset)
    return False


RULE = Rule(
    code="EL303",
    name="spacing",
    check=check,
    options=Options,
    severity="warning",
    fixable=True,
    tags=("spelling", "model"),
    summary="띄어쓰기: 의존 명사(할 수, 할 때, 이런 식), 수 뒤 단위(두 가지), 안·못 뒤 용언",
)

"""EL303 spacing: a dependent noun, a unit or a negated verb glued to the word before it.

## What it flags
띄어쓰기 mistakes that every style guide agrees on (한글 맞춤법 제42-43항), found in Kiwi's
morphological analysis (a Korean morphological analyser) of each written word:

- a dependent noun glued to the modifier or determiner before it: `되는것이` → `되는 것이`,
  `할수있다` → `할 수 있다`, `검색됐을때` → `검색됐을 때`, `이런식으로` → `이런 식으로`,
  `할줄`, `노력한만큼`, `할뿐`, `만난지`, `가본적이`, `하는동안`, `있는대로` → `있는 대로`,
  `사용할텐데` → `사용할 텐데`, `좋을듯.` → `좋을 듯.`; 때, 동안, 때문 and 중 after a noun
  (`면접때` → `면접 때`, `방학동안`, `그것때문에`, `진행중인` → `진행 중인`); `하는데` only
  where it is the noun (`해결하는데 도움이` → `해결하는 데 도움이`);
- a unit glued to a numeral word: `두가지` → `두 가지`, `수천명` → `수천 명`, `세번`,
  `여러개`, `첫번째` → `첫 번째`;
- a verb or adjective glued to the adverb 안 or 못: `안됩니다` → `안 됩니다`, `안맞는`,
  `못가다` → `못 가다`.

A word with several such places is one finding (`할수있다` → `할 수 있다`). The message
shows the word and its spaced form.

Left alone, because they are right or allowed: Arabic numerals with units (`1년 동안`,
`3명`, `2가지`), units of order (`두시`, `삼층`), words of their own (`이때`, `그때`,
`한번`, `한때`, `점심때`, `못하다`, `못생긴`, `안녕`, `안전`, `수없이`, `그동안`),
connective endings (`비가 오는데`, `할지`, `좋은지`), and auxiliary constructions that may be
written either way (`할 만하다`/`할만하다`, `할 듯하다`/`할듯하다`, `듯싶다`, `아는 척하다`).
Compound nouns are never split (`은연중`, `무의식중`, `한밤중`).

Headings, answers and the text before the first question are read; `reference` sections and
code are not. On by default as a warning.

## Why it matters
Spacing is the most common error in Korean writing, and these cases are the ones a reviewer
notices and agrees are wrong.

## Example
```markdown
## 지원 동기 (500자)
팀원 모두가 같은 기준으로 판단할수있도록 두가지 규칙을 만들었습니다.
```

## Instead
```markdown
## 지원 동기 (500자)
팀원 모두가 같은 기준으로 판단할 수 있도록 두 가지 규칙을 만들었습니다.
```

## Fix
Safe where the analysis is certain: `--fix` writes the spaced word. Not for `데`, `지`
and `바` (also endings: `-는데`, `-ㄴ지`, `-ㄴ바`) nor `안됐다` (also the adjective
안되다, "pitiable"): those are suggestions only. Words broken by markup or written in NFD
are not fixed either.

## False positives
Measured on injected errors and on judged real essays (bench/typos/RESULTS.md). Kiwi can
misread an ending as a dependent noun, most often `-ㄴ지` (`얼마나 좋은지`): suppress the
line when it is wrong. Needs kiwipiepy (a dependency; without it the rule is skipped with a
note); documents without Hangul never load the model.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from essaylint.linting.plugin import Edit, Hit, Rule, RuleContext, RuleOptions
from essaylint.reading.model import Document

if TYPE_CHECKING:
    from essaylint.korean.scan import Block

__all__ = ["RULE", "Options", "check"]


@dataclass(frozen=True)
class Options(RuleOptions):
    """spacing has no options."""


def check(doc: Document, opts: Options, ctx: RuleContext) -> Iterator[Hit]:
    # Imported here: `--ignore model` runs never pay for the Korean helpers.
    from essaylint.korean.scan import document_has_hangul, place, sentence_units
    from essaylint.korean.spacing import suggest_spacing

    if not document_has_hangul(doc):
        return
    texts, origins = sentence_units(doc)
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
    summary="띄어쓰기 (a dependent noun, a unit after a numeral word, or a verb after 안/못, glued)",
)

"""EL304 grammar-form: a grammar form Korean writers confuse (되/돼, 안/않, 웬/왠 …).

## What it flags
Forms that are wrong for a reason of grammar, not spelling, found on Kiwi's morphemes (Kiwi is
a Korean morphological analyser) rather than word lists, so a form is judged by the stem and
ending it really is:

- 되/돼: 되- with an ending that needs 어 (`되요`, `되서`, `되야`, `되도`, `안 되.`) → 돼,
  and 돼 (= 되어) before an ending that takes the bare stem (`돼는`, `돼면`, `돼고`) → 되;
- 안/않: `않 된다`, `않좋은` → `안 된다`, `안 좋은`; `하지 안았다` → `하지 않았다`;
- 웬/왠: `왠일`, `왠만한`, `왠 사람` → 웬; `웬지` → `왠지`;
- -ㄹ게: `할께요`, `있을께` → `할게요`, `있을게`;
- 로서/로써: `공감함으로서` → `공감함으로써` (by doing), `개발자로써` → `개발자로서` (as);
- 든지/던지: `무엇이던지`, `하던지 말던지` → 든지 (a choice); `어찌나 기쁘든지` → 던지;
- 데/대: `그런대` → `그런데`; `했는대,`, `좋던대요` → 데;
- 이었/이였: after a noun ending in a consonant, `원동력이였다`, `80명이였다`, `사람이여야` →
  이었/이어 (였 only contracts a vowel: `사이였다`, `개발자였다` are right); after a noun ending
  in 이, 었 glued on without the copula, `사이었던`, `아이었을` → `사이였던`, `아이였을`;
- -려고: `고칠려고`, `할려면` → `고치려고`, `하려면` (a stem ending in ㄹ keeps it: `만들려고`);
- -ㄹ 거: `해낼꺼라고`, `있을꺼같아서` → `해낼 거라고`, `있을 거같아서`;
- 조사: a particle in the form for the other kind of noun ending, left behind when the noun
  was edited: `이유은`, `경험를`, `방법로`, `개발자으로서` → `이유는`, `경험을`, `방법으로`,
  `개발자로서` (only where Kiwi reads everything before the particle as nouns, so `마을`,
  `노을`, `대학로` stay; 과/와 are not judged: `전자과` is a department);
- 형용사 + -ㄴ다: `부족한다고`, `중요한다는` → `부족하다고`, `중요하다는` (an adjective takes -다;
  `만족한다`, `감사한다`, verbs too, stay).

The first four, `그런대` and the last three are wrong whatever was meant: errors, with a safe
fix. 로서/로써,
든지/던지, -대, 조사 and 형용사 + -ㄴ다 depend on what the sentence means or on Kiwi's
reading: warnings, fixed only with `--unsafe-fixes`. The message shows the word and the suggestion (`'되요' → '돼요'`).

Forms the built-in known-typo list already reports (`않되요`, `할께`, `왠일` …) are left to
known-typo (EL301), so no word is reported twice; set `defer_to_known_typo = false` when
known-typo is off. Headings, answers and the text before the first question are read;
`reference` sections and code are not.

## Why it matters
These are the mistakes a reader of Korean notices first and reads as carelessness: `되요` and
`안되요` top every list of frequent errors in 자기소개서.

## Example
```markdown
## 지원 동기 (500자)
배포는 자동으로 실행되야 하고, 수동 작업은 절대 않 된다는 원칙을 세웠습니다.
```

## Instead
```markdown
## 지원 동기 (500자)
배포는 자동으로 실행돼야 하고, 수동 작업은 절대 안 된다는 원칙을 세웠습니다.
```

## Fix
Errors: `essaylint check --fix` replaces the word by the suggestion and changes no other byte.
Warnings: check the sentence; `--fix --unsafe-fixes` applies the suggestion.

## False positives
Correct forms are left alone: `되어요`, `되도록`, `하되` (the ending -되), `돼지`, `안되다`
(the adjective), `얼마나 춥던지` (a recollection), `숫자로써` (a means: only people and roles
are judged), `하는데,`, `그런대로`, `하던대로` (spacing, not grammar). 로서/로써 after a noun
that is not a person (`수단으로서의 언어` is right) is never judged. When Kiwi misreads a
sentence, suppress the line. Needs kiwipiepy (a dependency; without it the rule is skipped
with a note); documents without Hangul never load the model.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from essaylint.linting.plugin import Edit, Hit, Rule, RuleContext, RuleOptions
from essaylint.reading.model import Document

if TYPE_CHECKING:
    from essaylint.korean.grammar import Confusion
    from essaylint.korean.scan import Block

__all__ = ["RULE", "Options", "check"]


@dataclass(frozen=True)
class Options(RuleOptions):
    # Leave words that known-typo's built-in list flags to it (turn off when known-typo is off).
    defer_to_known_typo: bool = True


def _known(text: str) -> list[tuple[int, int]]:
    from essaylint.linting.typos import builtin_matcher

    return [(m.start, m.end) for m in builtin_matcher().find(text)]


def _hit(block: Block, first: int, found: Confusion) -> Hit | None:
    from essaylint.korean.scan import place

    start, end = first + found.start, first + found.end
    where = place(block, start, end)
    if where is None:
        return None
    fix = None
    # A fix only where the word is one stretch of the original line (no markup inside it).
    if where.end_col - where.col == end - start:
        fix = Edit(
            where.line, where.col, where.line, where.end_col, found.suggestion, found.certain
        )
    return Hit(
        where.line,
        where.col,
        f"'{found.word}' → '{found.suggestion}'",
        section=block.section,
        end_line=where.line,
        end_col=where.end_col,
        suggestion=found.suggestion,
        fix=fix,
        severity="error" if found.certain else "warning",
    )


def check(doc: Document, opts: Options, ctx: RuleContext) -> Iterator[Hit]:
    # Imported here: `--ignore model` runs never pay for the Korean helpers.
    from essaylint.korean.scan import document_has_hangul, sentence_units

    if not document_has_hangul(doc):
        return
    texts, origins = sentence_units(doc)
    if not texts:
        return
    from essaylint.korean.grammar import find_confusions
    from essaylint.korean.model import get_kiwi

    known: dict[int, list[tuple[int, int]]] = {}
    for found in find_confusions(get_kiwi(), texts):
        if opts.defer_to_known_typo:
            if found.unit not in known:
                known[found.unit] = _known(texts[found.unit])
            if any(a < found.end and found.start < b for a, b in known[found.unit]):
                continue
        block, first = origins[found.unit]
        hit = _hit(block, first, found)
        if hit is not None:
            yield hit


RULE = Rule(
    code="EL304",
    name="grammar-form",
    check=check,
    options=Options,
    severity="error",
    fixable=True,
    tags=("spelling", "model"),
    summary="문법 형태 혼동 (되/돼, 안/않, 웬/왠, -ㄹ게, 로서/로써, 든지/던지, 데/대, 조사, 형용사 -ㄴ다)",
)

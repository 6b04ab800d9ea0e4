"""EL305 loanword: a loanword not written the standard way (외래어 표기법), once per form.

## What it flags
Loanwords written in a form the standard spelling does not use, from the built-in pack
`rules/loanwords/common.toml`: `어플리케이션` → `애플리케이션`, `타겟` → `타깃`, `런칭` → `론칭`,
`메세지` → `메시지`, `컨텐츠` → `콘텐츠`, `리더쉽` → `리더십`. A form matches as known-typo's
do: at the start of a word (`타겟을` yes, `스타겟` no), particles and endings may follow.
Each form is reported once per file, at its first place, with how many times it appears
(`'어플리케이션' → '애플리케이션' (이 문서에서 8회)`).

With `strictness = "strict"` it also flags forms that Korean IT job postings and documentation
write themselves (`프론트엔드` → `프런트엔드`, `메소드` → `메서드`, `디렉토리` → `디렉터리`,
`릴리즈` → `릴리스`, `쓰레드` → `스레드`): off by default, since an applicant who writes the
posting's own word is not wrong in its reader's eyes.

## Why it matters
A reviewer who knows the standard form reads `어플리케이션` or `컨텐츠` as a spelling slip, and
one form repeated through an essay is one habit, not eight mistakes: it is reported once.

## Example
```markdown
## 1. 지원 동기 (500자)
모바일 어플리케이션의 푸시 메세지를 다시 설계해 재방문율을 높였습니다.
```

## Instead
```markdown
## 1. 지원 동기 (500자)
모바일 애플리케이션의 푸시 메시지를 다시 설계해 재방문율을 높였습니다.
```

## Fix
Safe: `essaylint check --fix` replaces every occurrence of the form in the file (the finding's
fix carries one edit for each; they are applied together or not at all), endings kept, and
changes no other byte. An occurrence that markup splits (`어플**리케이션**`) is counted but
not fixed; one on a line where EL305 is suppressed is neither counted nor fixed.

## False positives
Every entry ships with sentences it must flag and sentences it must leave alone. Inline and
fenced code is skipped. A brand or title written the other way (`런칭 페스티벌` as a name) is
yours to keep: suppress the line, or the rule for the file. Forms whose standard spelling is
unsettled or that no IT reader would call wrong (`컨텍스트`, `알고리즘`) are not listed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Literal

from essaylint.linting.plugin import Edit, Hit, Rule, RuleContext, RuleOptions
from essaylint.linting.typos import span_matches
from essaylint.reading.model import Document, Section, Span

__all__ = ["RULE", "Options", "check"]


@dataclass(frozen=True)
class Options(RuleOptions):
    # "standard": forms a standard checker flags; "strict": also the forms IT postings write.
    strictness: Literal["standard", "strict"] = "standard"

    def validate(self) -> None:
        if self.strictness not in ("standard", "strict"):
            raise ValueError("strictness: must be 'standard' or 'strict'")


@dataclass(frozen=True, slots=True)
class _Place:
    """One occurrence of a form, in original coordinates."""

    line: int
    col: int
    end_col: int
    wrong: str
    right: str
    section: Section | None
    edit: Edit | None  # None where markup splits the form


def _places(doc: Document, strictness: str) -> Iterator[_Place]:
    from essaylint.linting.loanwords import loanword_matcher

    matcher = loanword_matcher("strict" if strictness == "strict" else "standard")
    groups: list[tuple[tuple[Span, ...], Section | None]] = [(doc.preamble, None)]
    for section in doc.text_sections():  # a part's text is its question's too
        groups += [(section.title_spans, section), (section.spans, section)]
    for spans, owner in groups:
        for span, found, col, end_col, edit in span_matches(spans, matcher):
            yield _Place(span.line, col, end_col, found.entry.wrong, found.right, owner, edit)


def _suppressed(doc: Document, ctx: RuleContext) -> Callable[[int], bool]:
    """Whether EL305 is suppressed on a line: such an occurrence is neither counted nor fixed
    (the engine would hide a finding there, and a fix must not change a line kept as it is)."""
    if not doc.comments:
        return lambda line: False
    from essaylint.linting.registry import matches
    from essaylint.reading.suppress import is_suppressed, parse_suppressions

    def canonical(selector: str) -> str:
        return RULE.code if selector.upper() == RULE.code or selector == RULE.name else selector

    found = parse_suppressions(doc.comments, ctx.lines or (), doc.line_count, canonical)
    return lambda line: is_suppressed(found, line, lambda selector: matches(RULE, selector))


def check(doc: Document, opts: Options, ctx: RuleContext) -> Iterator[Hit]:
    by_form: dict[str, list[_Place]] = {}
    seen: set[tuple[int, int]] = set()  # stacked questions share their answer's spans
    suppressed = _suppressed(doc, ctx)
    for place in _places(doc, opts.strictness):
        if (place.line, place.col) in seen or suppressed(place.line):
            continue
        seen.add((place.line, place.col))
        by_form.setdefault(place.wrong, []).append(place)
    for places in by_form.values():
        places.sort(key=lambda place: (place.line, place.col))
        first = places[0]
        count = f" (이 문서에서 {len(places)}회)" if len(places) > 1 else ""
        edits = [place.edit for place in places if place.edit is not None]
        yield Hit(
            first.line,
            first.col,
            f"'{first.wrong}' → '{first.right}'{count}",
            section=first.section,
            end_line=first.line,
            end_col=first.end_col,
            suggestion=first.right,
            fix=edits[0] if edits else None,
            fix_also=tuple(edits[1:]),
        )


RULE = Rule(
    code="EL305",
    name="loanword",
    check=check,
    options=Options,
    severity="warning",
    fixable=True,
    tags=("spelling",),
    summary="외래어 표기 (loanword spelling, once per form per file)",
)

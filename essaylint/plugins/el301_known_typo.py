"""EL301 known-typo: a misspelling from a curated list, with its sure correction.

## What it flags
Forms listed in a typo pack: the built-in `rules/typos/common.toml` (frequent Korean
misspellings such as `역활`, `몇일`, `됬`, `않되요`, `할께요`, `리더쉽`) and any packs named in the
`packs` option. A form matches at the start of a word (`역활을` yes, `주역활용` no) unless the
pack says it is wrong anywhere (`됬`) or only as a whole word; forms that are also correct words
elsewhere (`금새`, `바램`, `구지`, `로써`) are listed only with a context that tells them apart.
Questions, answers, headings and text before the first question are all checked.

## Why it matters
A reader spots `역활` or `몇일` at once, and on an application it reads as carelessness.

## Example
```markdown
## 1. 지원 동기 (500자)
학생회에서 팀장 역활을 맡아 몇일 동안 행사를 준비하며 일정 관리의 중요성을 배웠습니다.
```

## Instead
```markdown
## 1. 지원 동기 (500자)
학생회에서 팀장 역할을 맡아 며칠 동안 행사를 준비하며 일정 관리의 중요성을 배웠습니다.
```

## Fix
Safe: `essaylint check --fix` replaces the matched text by the correction (`역활` → `역할`),
endings kept, and changes no other byte of the file. Where markup splits the form (`역**활**`)
the finding is reported without a fix.

## False positives
Every entry ships with sentences it must flag and sentences it must leave alone, and a form
that is also a correct word somewhere is listed only with a context that rules that use out.
Inline and fenced code is skipped. If a listed form is right in your text (a quoted title, a
brand written that way), suppress the line; to drop the built-in list, set `builtin = false`.
A user pack has the same format (see `essaylint/linting/typos.py`); it adds entries and cannot
override a built-in one.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from essaylint.linting.plugin import Hit, Rule, RuleContext, RuleOptions
from essaylint.linting.typos import TypoMatcher, builtin_matcher, load_pack, span_matches
from essaylint.reading.model import Document, Section, Span

__all__ = ["RULE", "Options", "check"]


@dataclass(frozen=True)
class Options(RuleOptions):
    # User pack files; relative paths start at the folder of the config file in force.
    packs: tuple[str, ...] = ()
    # Whether the built-in packs (rules/typos/*.toml) are used.
    builtin: bool = True

    def validate(self) -> None:
        for item in self.packs:
            if not item.strip():
                raise ValueError("packs: a pack path is empty")


_MATCHERS: dict[tuple[object, ...], TypoMatcher] = {}
_MATCHER_CACHE_SIZE = 8


def _resolve(item: str, base_dir: Path | None) -> Path:
    path = Path(item).expanduser()
    if not path.is_absolute() and base_dir is not None:
        path = base_dir / path
    return path


def _stamp(path: Path) -> tuple[str, int, int]:
    try:
        info = path.stat()
    except OSError:
        return str(path), -1, -1
    return str(path), info.st_mtime_ns, info.st_size


def _matcher(opts: Options, ctx: RuleContext) -> TypoMatcher | None:
    """The matcher for these options; user packs are re-read only when their files change."""
    # `typo_packs` at the top of the config and this rule's own `packs` both count.
    shared = tuple(getattr(ctx.settings, "typo_packs", ()))
    packs = (*shared, *opts.packs)
    if not packs:
        return builtin_matcher() if opts.builtin else None
    paths = [(item, _resolve(item, ctx.base_dir)) for item in packs]
    key = (opts.builtin, *(_stamp(path) for _, path in paths))
    matcher = _MATCHERS.get(key)
    if matcher is None:
        # Errors name the setting that named the pack, and the config that set it.
        source = getattr(ctx.settings, "source", None)
        where = f"{source}: " if source else ""
        keys = ["typo_packs"] * len(shared) + ["rules.known-typo.packs"] * len(opts.packs)
        user = [  # raises PackError
            load_pack(path, label=f"{where}{setting}: {item}")
            for setting, (item, path) in zip(keys, paths, strict=True)
        ]
        builtin = builtin_matcher().packs if opts.builtin else ()
        matcher = TypoMatcher([*builtin, *user])
        if len(_MATCHERS) >= _MATCHER_CACHE_SIZE:
            _MATCHERS.clear()
        _MATCHERS[key] = matcher
    return matcher


def _check_spans(
    spans: tuple[Span, ...], section: Section | None, matcher: TypoMatcher
) -> Iterator[Hit]:
    for span, found, col, end_col, fix in span_matches(spans, matcher):
        yield Hit(
            span.line,
            col,
            f"'{found.wrong}' → '{found.right}'",
            section=section,
            end_line=span.line,
            end_col=end_col,
            suggestion=found.right,
            fix=fix,
        )


def check(doc: Document, opts: Options, ctx: RuleContext) -> Iterator[Hit]:
    matcher = _matcher(opts, ctx)
    if matcher is None:
        return
    yield from _check_spans(doc.preamble, None, matcher)
    for section in doc.text_sections():
        yield from _check_spans(section.title_spans, section, matcher)
        yield from _check_spans(section.spans, section, matcher)


RULE = Rule(
    code="EL301",
    name="known-typo",
    check=check,
    options=Options,
    severity="error",
    fixable=True,
    tags=("spelling",),
    summary="알려진 맞춤법 오류 (curated misspellings)",
)

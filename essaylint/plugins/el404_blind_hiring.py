"""EL404 blind-hiring: an answer that reveals what a blind application must not.

## What it flags
Only in blind-hiring applications (`blind = true` in config or `blind: true` in front matter;
the rule is also off until selected): an answer that reveals

- a school: a listed university or its short form (`서울대학교`, `연세대`, `KAIST`), any
  `<name>대학교`, `<name>고등학교` or `<name>중학교` with a real name (`OO대학교`, `○○고등학교`
  and `모 대학교` are anonymised and fine; `과학고등학교`, `지방 대학교` name no school);
- a home region: `부산 출신`, `대구 토박이`, `고향이 광주`, `전주에서 태어나`;
- a family member's job or status: `아버지께서 공무원으로 일하시는`, `어머니는 교사이십니다`,
  `교수이신 아버지`, `아버지께서 식당을 운영하시는`, `삼성에서 근무하시는 아버지`;
- age or birth year: `1998년생`, `98년생`, `1998년에 태어나`, `올해 27살`, `27세입니다`;
- a name: `제 이름은 김하늘입니다`, `이름: 김하늘`;
- a photo: an image (`![사진](me.jpg)`, `<img …>`) inside an answer.

Each finding points at the revealing words.

## Why it matters
Under 블라인드 채용 (the public sector and many companies) an application that names a school,
region, family background, age or appearance can be disqualified outright.

## Example
```markdown
---
blind: true
---
## 성장 과정 (500자)
부산 출신으로 바다를 보며 자랐고, 서울대학교에서 컴퓨터공학을 전공했습니다. 아버지께서 공무원으로 일하시는 모습을 보며 공공 서비스의 가치를 배웠습니다.
```

## Instead
```markdown
---
blind: true
---
## 성장 과정 (500자)
바닷가 마을에서 자랐고, 대학에서 컴퓨터공학을 전공했습니다. 주민센터 민원 창구에서 봉사하며 공공 서비스의 가치를 배웠습니다.
```

## Fix
Remove the detail or anonymise it (`OO대학교`); keep the experience, drop the identity.

## False positives
A place or school that is the *subject* of an experience (a project for 부산시청, a contest
hosted by a university) can match a pattern; rewrite it generically or suppress the line with
`<!-- essaylint-disable-next-line blind-hiring -->`. Photos are found in the original file, so
text read from standard input is checked for everything except photos.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from essaylint.base.patterns import compile_pattern
from essaylint.linting.plugin import Hit, Rule, RuleContext, RuleOptions
from essaylint.reading.model import Document, Section

_H = "\uac00-\ud7a3"
_ANONYMISED = compile_pattern(r"^[O0ＯoＯ○◯●◎ㅇXx×*＊△▲□■?？ㅁ]+$")
_PARTICLE_END = (
    "에서",
    "에게",
    "으로",
    "이라",
    "라는",
    "에",
    "의",
    "은",
    "는",
    "이",
    "가",
    "을",
    "를",
    "와",
    "과",
    "로",
    "도",
    "만",
    " ",
)
_SCHOOL_CONTEXT = compile_pattern(
    r"졸업|재학|입학|학번|다니|출신|전공|학과|학부|학교|캠퍼스|동문|선배|후배"
)
_IMAGE = compile_pattern(r"!\[[^\]\n]*\]\([^)\n]*\)|<img\b[^>\n]*>", re.IGNORECASE)
_FENCE = compile_pattern(r"^\s{0,3}(```|~~~)")


@dataclass(frozen=True)
class Options(RuleOptions):
    # What to look for: any of school, region, family, age, name, photo.
    checks: tuple[str, ...] = ("school", "region", "family", "age", "name", "photo")
    # Words that may appear even where a pattern matches (a school you may name, say).
    allow: tuple[str, ...] = ()

    def validate(self) -> None:
        known = ("school", "region", "family", "age", "name", "photo")
        for item in self.checks:
            if item not in known:
                raise ValueError(f"checks: must be among {', '.join(known)}, got {item!r}")


@dataclass(frozen=True, slots=True)
class Finding:
    start: int
    end: int
    kind: str


LABELS = {
    "school": "학교명",
    "region": "출신 지역",
    "family": "가족의 직업·지위",
    "age": "나이",
    "name": "이름",
    "photo": "사진",
}


# --- word lists --------------------------------------------------------------------------------


def _pack(name: str) -> dict[str, Any]:
    from essaylint.base.data import rules_root

    text = (rules_root() / "blind" / f"{name}.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def _alternation(words: Sequence[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


@dataclass(frozen=True, slots=True)
class Patterns:
    school_names: re.Pattern[str]
    school_short: re.Pattern[str]
    ambiguous_short: frozenset[str]
    school_generic: re.Pattern[str]
    generic_stems: frozenset[str]
    stems: tuple[str, ...]
    region: tuple[re.Pattern[str], ...]
    family: tuple[re.Pattern[str], ...]
    age: tuple[re.Pattern[str], ...]
    name: tuple[re.Pattern[str], ...]


@lru_cache(maxsize=1)
def patterns() -> Patterns:
    schools = _pack("schools")
    terms = _pack("terms")
    stems = tuple(schools["stems"])
    full = [f"{s}대학교" for s in stems] + [str(n) for n in schools["names"]]
    names_alt = _alternation(full)
    school_names = compile_pattern(rf"(?<![{_H}A-Za-z0-9])(?:{names_alt})(?![A-Za-z0-9])")
    school_short = compile_pattern(rf"(?<![{_H}A-Za-z0-9])(?:{_alternation(schools['short'])})")
    school_generic = compile_pattern(
        rf"(?<![{_H}])(?P<stem>[{_H}A-Za-z]{{2,12}})(?P<kind>대학교|고등학교|중학교|외국어고|과학고|"
        rf"국제고|예술고|여자고등학교|여고|외고)"
    )
    regions = _alternation(terms["regions"])
    suffix = r"(?:\s*(?:특별시|광역시|특별자치시|특별자치도|시|도|군))?"
    region = (
        compile_pattern(
            rf"(?<![{_H}])(?:{regions}){suffix}\s*(?:출신|토박이)"
            rf"(?!\s*(?:의|인)?\s*(?:친구|동료|팀원|선배|후배|학생|사람|분들|교수|직원|고객))"
        ),
        compile_pattern(
            rf"고향(?:은|이|인|이신|이자)\s*(?:바로\s*)?(?:{regions}){suffix}"
            rf"(?=$|[^{_H}]|이|입니다|으로|에서|에|의|와|과|로|라)"
        ),
        compile_pattern(
            rf"(?<![{_H}])(?:{regions}){suffix}에서\s*(?:태어나|태어났|나고\s*자라|나고\s*자란|자랐)"
        ),
    )
    family_alt = _alternation(terms["family"])
    jobs = _alternation(terms["occupations"])
    who = rf"(?<![{_H}])(?:{family_alt})(?:께서는|께서도|께서|는|은|이|가|도)"
    family = (
        compile_pattern(
            rf"{who}\s*(?:[^.!?\n]{{0,25}}?\s)?(?:{jobs})"
            rf"(?:이셨|이시|이신|이십니다|이세요|이었|였|이고|이며|입니다|셨|이다"
            rf"|(?:으로|로)(?=\s*(?:오래\s*|평생\s*|\d+\s*년\s*(?:동안|간)?\s*)?"
            rf"(?:일하|근무하|재직하|계시|계셨|은퇴하|퇴직하|정년)))"
        ),
        compile_pattern(
            rf"{who}\s*(?:[^.!?\n]{{0,25}}?\s)?(?:[{_H}]+(?:을|를))\s*(?:운영|경영)하(?:시|셨)"
        ),
        compile_pattern(rf"{who}\s*(?:[^.!?\n]{{0,25}}?)(?:에서|에)\s*(?:근무|재직|일)하(?:시|셨)"),
        compile_pattern(
            rf"(?<![{_H}])(?:{jobs})(?:이신|이셨던|인|이던|였던|으로\s*일하시는|로\s*일하시는)\s*"
            rf"(?:{family_alt})(?![{_H}]{{2}})"
        ),
        compile_pattern(
            rf"(?<![{_H}])[{_H}A-Za-z]{{2,10}}(?:에서|에)\s*(?:근무|재직)하(?:시는|셨던|시던)\s*(?:{family_alt})"
            rf"(?![{_H}]{{2}})"
        ),
    )
    korean_age = r"(?:스물|서른|마흔)\s?(?:한|두|세|네|다섯|여섯|일곱|여덟|아홉)?"
    age = (
        compile_pattern(
            rf"(?<!\d)(?:19|20)?\d{{2}}\s*년생(?=$|[^{_H}]|이|입|으로|인|의|답|다운|들|이고|이며|이라)"
        ),
        compile_pattern(
            r"(?<!\d)(?:19|20)\d{2}\s*년(?:\s*\d{1,2}\s*월)?(?:\s*\d{1,2}\s*일)?\s*(?:에\s*)?"
            r"(?:태어|출생)"
        ),
        compile_pattern(
            rf"(?:올해|현재|지금|제\s*나이(?:는|가)?|나이는|나이가)\s*(?:만\s*)?"
            rf"(?:1[5-9]|[2-9]\d|{korean_age})\s*(?:살|세)"
        ),
        compile_pattern(
            rf"(?<![\d{_H}])(?:만\s*)?[2-9]\d\s*(?:살|세)(?=입니다|이고|이며|인\s*저|의\s*나이|이\s*된|가\s*된)"
        ),
    )
    name = (
        compile_pattern(
            rf"제\s*이름은\s*'?(?P<who>[{_H}]{{2,4}}|[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)'?\s*"
            rf"(?=입니다|이고|이며|이라고|라고|이에요|예요|이다|,)"
        ),
        compile_pattern(rf"(?:^|\n)\s*(?:이름|성명)\s*[:：]\s*(?P<who>[{_H}]{{2,4}})(?![{_H}])"),
    )
    return Patterns(
        school_names=school_names,
        school_short=school_short,
        ambiguous_short=frozenset(schools["ambiguous_short"]),
        school_generic=school_generic,
        generic_stems=frozenset(terms["generic_school_stems"]),
        stems=stems,
        region=region,
        family=family,
        age=age,
        name=name,
    )


# --- finding -----------------------------------------------------------------------------------


def _ends_word(text: str, end: int) -> bool:
    if end >= len(text):
        return True
    ch = text[end]
    if not ("\uac00" <= ch <= "\ud7a3" or ch.isalnum()):
        return True
    return text.startswith(_PARTICLE_END, end) or text.startswith(("대학원", "출신", "졸업"), end)


def _sentence_of(text: str, start: int, end: int) -> str:
    begin = max(text.rfind(".", 0, start), text.rfind("\n", 0, start)) + 1
    stops = [i for i in (text.find(".", end), text.find("\n", end)) if i >= 0]
    return text[begin : min(stops) if stops else len(text)]


def _school_stem_ok(stem: str, kind: str, p: Patterns) -> bool:
    if _ANONYMISED.match(stem) or (len(stem) == 1 and stem.isascii()):
        return False
    if stem in p.generic_stems:
        return False
    # `서울과학` + 고등학교 names a school; `과학` + 고등학교 only a kind of school.
    core = stem
    for word in sorted(p.generic_stems, key=len, reverse=True):
        if core.endswith(word) and len(core) > len(word):
            core = core[: -len(word)]
            break
    if core in p.generic_stems:
        return False
    return not (kind in ("여고", "외고", "과고") and len(core) < 2)


def find_schools(text: str, p: Patterns) -> Iterator[Finding]:
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= a or start >= b for a, b in taken)

    for match in p.school_names.finditer(text):
        taken.append(match.span())
        yield Finding(match.start(), match.end(), "school")
    for match in p.school_generic.finditer(text):
        stem, kind = match["stem"], match["kind"]
        start = match.start("stem")
        # A listed stem at the end of a longer run (`저는한양대학교`) is the name.
        for listed in p.stems:
            if stem.endswith(listed) and stem != listed:
                start = match.end("stem") - len(listed)
                stem = listed
                break
        if not _school_stem_ok(stem, kind, p) or not _ends_word(text, match.end()):
            continue
        if free(start, match.end()):
            taken.append((start, match.end()))
            yield Finding(start, match.end(), "school")
    for match in p.school_short.finditer(text):
        if not free(*match.span()) or not _ends_word(text, match.end()):
            continue
        sentence = _sentence_of(text, match.start(), match.end())
        if match.group() in p.ambiguous_short and not _SCHOOL_CONTEXT.search(sentence):
            continue
        taken.append(match.span())
        yield Finding(match.start(), match.end(), "school")


def find_all(text: str, checks: tuple[str, ...], p: Patterns) -> Iterator[Finding]:
    if "school" in checks:
        yield from find_schools(text, p)
    groups = (("region", p.region), ("family", p.family), ("age", p.age), ("name", p.name))
    for kind, compiled in groups:
        if kind not in checks:
            continue
        seen: list[tuple[int, int]] = []
        for pattern in compiled:
            for match in pattern.finditer(text):
                start, end = match.span()
                while start < end and text[start].isspace():
                    start += 1
                if kind == "name" and _ANONYMISED.match(match["who"]):
                    continue
                if any(not (end <= a or start >= b) for a, b in seen):
                    continue
                seen.append((start, end))
                yield Finding(start, end, kind)


# --- photos ------------------------------------------------------------------------------------


def _source_lines(ctx: RuleContext) -> list[str] | None:
    lines = getattr(ctx, "lines", None)
    if isinstance(lines, list):
        return lines
    path = Path(ctx.path) if ctx.path and ctx.path != "-" else None
    if path is None or not path.is_file():
        return None
    from essaylint.reading.source import SourceError, read_source

    try:
        return read_source(path).lines
    except (SourceError, OSError):
        return None


def find_photos(doc: Document, ctx: RuleContext) -> Iterator[tuple[Section, int, int, int]]:
    """(question, line, col, end_col) of every image written inside an answer."""
    lines = _source_lines(ctx)
    if lines is None:
        return
    in_fence = [False] * (len(lines) + 2)
    fenced = False
    for number, line in enumerate(lines, 1):
        if _FENCE.match(line):
            fenced = not fenced
            in_fence[number] = True
            continue
        in_fence[number] = fenced
    for question in doc.questions():
        first = question.heading_line + 1
        last = min(question.end_line, len(lines))
        children = [c.heading_line for c in question.walk() if c is not question]
        for number in range(first, last + 1):
            if in_fence[number] or number in children:
                continue
            for match in _IMAGE.finditer(lines[number - 1]):
                yield question, number, match.start() + 1, match.end() + 1


# --- the rule ----------------------------------------------------------------------------------


def is_blind(doc: Document, ctx: RuleContext) -> bool:
    if getattr(ctx.settings, "blind", False) is True:
        return True
    for table in (doc.front_matter, doc.front_matter.get("essaylint")):
        if isinstance(table, dict) and table.get("blind") is True:
            return True
    return False


def check(doc: Document, opts: Options, ctx: RuleContext) -> Iterator[Hit]:
    if not is_blind(doc, ctx):
        return
    compiled = patterns()
    for question in doc.questions():
        text = question.text
        if not text.strip():
            continue
        for found in find_all(text, opts.checks, compiled):
            words = text[found.start : found.end]
            if question.in_code(found.start) or any(a in words for a in opts.allow):
                continue
            line, col = question.locate(found.start)
            end_line, end_col = question.locate(found.end)
            yield Hit(
                line,
                col,
                f"블라인드 채용: {LABELS[found.kind]} 노출 '{words}'",
                section=question,
                end_line=end_line,
                end_col=end_col,
                suggestion="이 내용을 지우거나 'OO'로 익명화하세요",
            )
    if "photo" in opts.checks:
        for question, line, col, end_col in find_photos(doc, ctx):
            yield Hit(
                line,
                col,
                "블라인드 채용: 사진 노출",
                section=question,
                end_line=line,
                end_col=end_col,
                suggestion="사진을 지우세요",
            )


RULE = Rule(
    code="EL404",
    name="blind-hiring",
    check=check,
    options=Options,
    severity="error",
    tags=("values", "blind"),
    # On by default but silent unless the application is blind (`blind = true` in config or
    # front matter): that setting alone is what a writer expects to switch the checks on.
    summary="블라인드 채용에서 드러나면 안 되는 학교·지역·가족·나이·이름·사진 (identity revealed)",
)

"""Which company an application is for, and where an answer addresses another one.

The target is, in order: the front matter's `company` (a preset slug or any name), else the one
company the document's title names (a top-level group heading such as `# 카카오 자기소개서`, or a
values section title such as `## 카카오 인재상`), else the config's `company`: a folder-wide
config yields to a file that says which company it is for. When none of them says, the answers
do (`text_company`): the company named in application phrases and clearly the most mentioned
one. A question under a group whose title names a company (a file holding several applications)
is for that company, unless the front matter pins one.

Read from the answers, a company counts when a mention of it is followed, in its sentence, by
an application phrase that is not dated as the past (`당시`, `작년`, `인턴` …): `카카오 신입
공채`, `카카오에 지원`, `카카오에 입사하여`, `카카오에서 … 싶습니다`, `귀사 카카오`, or any phrase
`addresses_as_target` accepts. The company with the most such phrases is the target when it has

- at least one (a known company: a preset or config entry) and is named at least twice, or at
  least two (a name no preset knows, read from the phrase itself: `가온소프트에 지원`,
  `가온소프트 신입 공채`, `가온소프트에 입사`, never from `…에서 … 싶`; Kiwi must read it as
  nouns or letters, so `있어서` is none); and
- more than twice the phrases of the runner-up, and at least twice its mentions.

So a copied sentence (`네이버에 입사하여`) in an application naming 카카오 three times does not
change the target, and a file holding two applications (two companies, each applied to) gets
none. Words that name no company (`회사`, `직무`, `공채`, `인턴십`, `동아리` …) are never read
as an unknown name.

Known companies are the presets' names and aliases plus config `companies` (each entry a name,
optionally with aliases after `|`: `"네이버웹툰|Naver Webtoon"`). Products of every preset are
recognised too, so `카카오톡` or `네이버 지도` is never read as the company.

`addresses_as_target` tells whether a mention of a known company is *addressed as the one applied
to*. A plain mention (`네이버에서 인턴을 하며`, `네이버와 비교하면`) is not enough; the name must be
followed by a phrase that applies, joins or becomes part of it:

- `귀사 네이버`, `네이버 귀사`: always;
- `네이버에서 일하고 싶`, `네이버에 꼭 입사하고 싶`: a wish to work there;
- `네이버 입사 후`, `네이버에 입사한다면`: the post-joining future;
- `네이버에 지원` (`지원하게 된 동기`, `지원합니다`): unless the sentence dates it as a past
  attempt (`작년`, `2022년`, `당시`, `탈락` …);
- `네이버에 입사하여`, `네이버에 합류해`, `네이버의 일원이 되어`, `네이버의 성장에 기여`: only
  when the sentence is about the future (`…하겠습니다`, `…하고 싶습니다`, `…할 것입니다`) and
  holds no past-experience marker (`근무했`, `인턴`, `당시` …).

Names that are also common words (`라인`, `토스`, `당근`, marked `ambiguous` in the preset) are
matched only after a particle, punctuation or the start of a sentence, so `생산 라인에 합류하고
싶습니다` is not `라인`.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from essaylint.base.patterns import LazyPattern, compile_pattern
from essaylint.reading.model import Document, Section
from essaylint.values.presets import CompanyPreset, company_key, find_preset

_HANGUL = "\uac00-\ud7a3"
# Not right after a syllable, letter or digit, in case-blind patterns: the syllable class in
# `(?-i:…)` (syllables have no case; case-blind, the class took ~1 ms more to compile).
_NOT_AFTER_A_LETTER = rf"(?<![A-Za-z0-9])(?<!(?-i:[{_HANGUL}]))"


# What may directly follow a company name inside a word: particles and copulas.
_PARTICLES = (
    "에서의",
    "에서",
    "에게",
    "으로",
    "이라는",
    "라는",
    "처럼",
    "만의",
    "만큼",
    "보다",
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
)
_SENTENCE_BREAK = LazyPattern(r"[.!?。]\s|[.!?。]$|\n")
_FUTURE = LazyPattern(
    r"겠|싶|고자|려고|려\s*합|할\s*것|될\s*것|ㄹ\s*것|하길|하기를|되길|되기를|바랍|희망|"
    r"다짐|포부|한다면|된다면|하게\s*되면|입사\s*후"
)
_PAST_EXPERIENCE = LazyPattern(
    r"당시|작년|지난해|예전|과거|이전에|떨어|탈락|불합격|낙방|(?<!\d)(?:19|20)\d{2}\s*년|"
    r"인턴|재직|근무했|근무하였|일했|일하였|다녔|퇴사|했었|였었"
)
_POLITE_ADDRESS = LazyPattern(r"귀사\s*(?:인|이신|의|,)?\s*$")

# Context right after the name (applied to the rest of the sentence).
_ALWAYS = LazyPattern(
    r"^\s*(?:귀사|\(\s*귀사\s*\))"
    r"|^\s*(?:에서|에)\s*(?:꼭\s*|반드시\s*|함께\s*|다시\s*)?"
    r"(?:일하|근무하|입사하|합류하|성장하|커리어를\s*쌓|일하며\s*성장하)고\s*싶"
    r"|^\s*(?:에\s*)?입사\s*(?:후|이후|한다면|하게\s*된다면|하게\s*되면|하면)"
)
_APPLY = LazyPattern(
    r"^\s*(?:에|에게)\s*(?:꼭\s*|다시\s*|당당히\s*)?지원"
    r"(?=하|한|할|함|합|해|했|드|\s*동기|\s*하|서|을\s*(?:결심|결정))"
)
_FUTURE_ONLY = LazyPattern(
    r"^\s*(?:에|으로|로)\s*(?:입사|합류|이직)"
    r"|^\s*의\s*(?:일원|구성원|식구|가족|크루|멤버|인재|사원|직원|신입\s*사원)\s*(?:이|가|으로|으로서|로서|로)"
    r"|^\s*의\s*(?:성장|발전|미래|비전|성공|혁신|가치)\S{0,2}\s*(?:에|을|를)?\s*(?:기여|이바지|함께)"
)
_LEFT_OK_AMBIGUOUS = LazyPattern(
    rf"(?:^|[^{_HANGUL}A-Za-z0-9\s]\s*|(?:은|는|이|가|을|를|에|의|도|와|과|고|며|서|면|로)\s+)$"
)


@dataclass(frozen=True, slots=True)
class Company:
    """A company wrong-company can recognise: a preset, a config entry or the target's name."""

    key: str
    name: str
    names: tuple[str, ...]
    products: tuple[str, ...] = ()
    ambiguous: frozenset[str] = frozenset()
    preset: CompanyPreset | None = None
    _hash: int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Equal companies have equal keys, names and aliases; hashing the whole preset (every
        # value and keyword) on each scanner lookup was a hot spot, and so was hashing even
        # these three on each of the ~200 lookups per file: computed once.
        object.__setattr__(self, "_hash", hash((self.key, self.name, self.names)))

    def __hash__(self) -> int:
        return self._hash

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        # Rebuilt through __init__ in another process: string hashes differ between processes.
        fields = (self.key, self.name, self.names, self.products, self.ambiguous, self.preset)
        return (Company, fields)


# Presets are loaded once per process, so their companies are built once too: the same objects
# for every document let `_scanner` find its regex by identity.
_FROM_PRESET: dict[int, tuple[CompanyPreset, Company]] = {}


def company_from_preset(preset: CompanyPreset) -> Company:
    cached = _FROM_PRESET.get(id(preset))
    if cached is not None and cached[0] is preset:
        return cached[1]
    company = _company_from_preset(preset)
    if len(_FROM_PRESET) >= 1024:
        _FROM_PRESET.clear()
    _FROM_PRESET[id(preset)] = (preset, company)
    return company


def _company_from_preset(preset: CompanyPreset) -> Company:
    return Company(
        key=preset.slug,
        name=preset.name,
        names=preset.names,
        products=preset.products,
        ambiguous=frozenset(company_key(n) for n in preset.ambiguous),
        preset=preset,
    )


def catalogue(presets: dict[str, CompanyPreset], extra: Iterable[str] = ()) -> list[Company]:
    """Presets plus config `companies` entries (`name|alias|alias`)."""
    companies = [company_from_preset(p) for p in presets.values()]
    for entry in extra:
        names = tuple(n.strip() for n in unicodedata.normalize("NFC", entry).split("|"))
        names = tuple(n for n in names if n)
        if not names:
            continue
        preset = find_preset(names[0], presets)
        if preset is not None:
            continue  # already known
        companies.append(Company(key=company_key(names[0]), name=names[0], names=names))
    return companies


def find_company(name: str, companies: Iterable[Company]) -> Company | None:
    key = company_key(name)
    if not key:
        return None
    for company in companies:
        if key == company.key or any(company_key(n) == key for n in company.names):
            return company
    return None


def resolve_company(name: str, companies: list[Company]) -> Company:
    """The company a `company` setting names: a known one, else a new one with that name."""
    found = find_company(name, companies)
    if found is not None:
        return found
    name = unicodedata.normalize("NFC", name.strip())
    return Company(key=company_key(name), name=name, names=(name,))


# --- finding names -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    text: str
    company: Company
    product: bool


def _lookup_key(name: str) -> str:
    return re.sub(r"\s+", "", name).casefold()


@dataclass(frozen=True, slots=True)
class _Scanner:
    pattern: re.Pattern[str]  # the names alone, tried at every position (the tests' reference)
    owners: dict[str, tuple[Company, bool]]
    exact_ascii: frozenset[str]  # short ASCII names must match in their own case (KT, LINE)
    # What `mentions` runs: where a name may start (its first two characters, a cheap test at
    # every position), then the full alternation of ~200 names only there. Both ignore case.
    finder: re.Pattern[str]
    # company_in_title's answers: headings repeat across files ("지원 동기", "입사 후 포부").
    titles: dict[str, Company | None] = field(default_factory=dict, compare=False, hash=False)


# By the identity of the companies (callers pass new tuples of the same objects), before the
# lookup by value that would hash every company; the tuple is kept so its ids stay unique.
_BY_IDENTITY: dict[tuple[int, ...], tuple[tuple[Company, ...], _Scanner]] = {}


def _scanner(companies: tuple[Company, ...]) -> _Scanner:
    key = tuple(map(id, companies))
    cached = _BY_IDENTITY.get(key)
    if cached is not None:
        return cached[1]
    scanner = _scanner_by_value(companies)
    if len(_BY_IDENTITY) >= 32:
        _BY_IDENTITY.clear()
    _BY_IDENTITY[key] = (companies, scanner)
    return scanner


@lru_cache(maxsize=32)
def _scanner_by_value(companies: tuple[Company, ...]) -> _Scanner:
    entries: list[tuple[str, Company, bool]] = []
    for company in companies:
        entries.extend((n, company, False) for n in company.names)
        entries.extend((p, company, True) for p in company.products)
    entries.sort(key=lambda e: -len(e[0]))
    owners: dict[str, tuple[Company, bool]] = {}
    for name, company, product in entries:
        owners.setdefault(_lookup_key(name), (company, product))
    names = "|".join(re.escape(n).replace(r"\ ", r"\s*") for n, _, _ in entries)
    pattern = compile_pattern(rf"{_NOT_AFTER_A_LETTER}(?:{names})", re.IGNORECASE)
    exact = frozenset(n for n, _, _ in entries if n.isascii() and len(n) <= 4)
    starts = _starts_source([n for n, _, _ in entries])
    # The start filter and the names in one pattern: `finditer` tries the ~200 names only where
    # the filter lets through, without a Python step per candidate.
    finder = compile_pattern(f"{starts}(?:{names})" if starts else r"(?!)", re.IGNORECASE)
    return _Scanner(pattern, owners, exact, finder)


def _starts_source(names: list[str]) -> str | None:
    """Zero-width matches where one of `names` may begin (a superset: tests compare), or None
    when there are no names."""
    firsts: set[str] = set()
    seconds: set[str] = set()
    singles: set[str] = set()
    for name in names:
        if len(name) == 1:
            singles.add(name)
            continue
        firsts.add(name[0])
        seconds.add(name[1])
        if name[1] == " " and len(name) > 2:
            seconds.add(name[2])  # `\s*` may match nothing
    branches = []
    if firsts:
        branches.append(f"{_class(firsts)}{_class(seconds)}")
    if singles:
        branches.append(_class(singles))
    if not branches:
        return None
    # Any first character first: most positions fail there, before the left-edge test.
    lead = _class(firsts | singles)
    return rf"(?={lead}){_NOT_AFTER_A_LETTER}(?=(?:{'|'.join(branches)}))"


def _class(chars: set[str]) -> str:
    # A space in a name is `\s*` in the pattern: any white space may stand there.
    inside = "".join(re.escape(c) for c in sorted(chars) if c != " ")
    return f"[{inside}\\s]" if " " in chars else f"[{inside}]"


@lru_cache(maxsize=128)
def mentions_in(text: str, companies: tuple[Company, ...]) -> tuple[Mention, ...]:
    """`mentions`, remembered: wrong-company and reading the target from the text both scan the
    same answers for the same companies."""
    return tuple(mentions(text, companies))


def mentions(text: str, companies: tuple[Company, ...]) -> Iterator[Mention]:
    """Every company name or product in `text`, longest first, not overlapping.

    ASCII names end at a word boundary (`LINE` is not in `LINEAR`), and short ones (`KT`,
    `LINE`, `SK`) match only in the case they are listed in, so `line` is not LINE.
    """
    if not companies:
        return
    scanner = _scanner(companies)
    for match in scanner.finder.finditer(text):
        found = match.group()
        if found.isascii():
            end = match.end()
            if end < len(text) and text[end].isascii() and text[end].isalnum():
                continue
            if len(found) <= 4 and found not in scanner.exact_ascii:
                continue
        owner = scanner.owners.get(_lookup_key(found))
        if owner is None:
            continue
        company, product = owner
        yield Mention(match.start(), match.end(), found, company, product)


def _ends_word(text: str, end: int) -> bool:
    if end >= len(text):
        return True
    following = text[end]
    if not ("\uac00" <= following <= "\ud7a3" or following.isalnum()):
        return True
    return text.startswith(_PARTICLES, end) or text.startswith(("입사", "지원", "귀사"), end)


# No real sentence is longer: text without breaks is read in windows of this many characters
# around a mention, so a file of one endless line costs no more per mention than a sentence.
MAX_SENTENCE = 600


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    limit = min(len(text), end + MAX_SENTENCE)
    found = _SENTENCE_BREAK.re.search(text, end, limit)
    return _sentence_start(text, start), found.end() if found else limit


def _sentence_start(text: str, start: int) -> int:
    """Where the sentence holding `start` begins, looking back at most `MAX_SENTENCE`
    characters (a scan from the file's start made every mention cost the text before it)."""
    begin = max(start - MAX_SENTENCE, 0)
    for match in _SENTENCE_BREAK.re.finditer(text, begin, start):
        begin = match.end()
    return begin


def addresses_as_target(text: str, mention: Mention) -> bool:
    """Is this mention the company being applied to (see the module docstring)?"""
    if not _ends_word(text, mention.end):
        return False
    begin, stop = _sentence(text, mention.start, mention.end)
    before = text[begin : mention.start]
    rest = text[mention.end : stop]
    key = company_key(mention.text)
    if key in mention.company.ambiguous and not _LEFT_OK_AMBIGUOUS.re.search(before):
        return False
    if _POLITE_ADDRESS.re.search(before):
        return True
    if _ALWAYS.re.search(rest):
        return True
    sentence = text[begin:stop]
    if _APPLY.re.search(rest):
        return not _PAST_EXPERIENCE.re.search(sentence)
    if _FUTURE_ONLY.re.search(rest):
        return bool(_FUTURE.re.search(rest)) and not _PAST_EXPERIENCE.re.search(sentence)
    return False


# --- the target --------------------------------------------------------------------------------


def company_in_title(title: str, companies: tuple[Company, ...]) -> Company | None:
    """The one company a heading names by its name or an alias (products do not count).

    A heading that names two different companies (`네이버 vs 카카오 비교`) names none.
    """
    if not companies:
        return None
    cache = _scanner(companies).titles
    if title in cache:
        return cache[title]
    found = _company_in_title(title, companies)
    if len(cache) >= 4096:
        cache.clear()
    cache[title] = found
    return found


def _company_in_title(title: str, companies: tuple[Company, ...]) -> Company | None:
    found: Company | None = None
    for mention in mentions(title, companies):
        if mention.product or not _ends_word(title, mention.end):
            continue
        if found is not None and found.key != mention.company.key:
            return None
        found = mention.company
    return found


def title_company(document: Document, companies: list[Company]) -> Company | None:
    """The single company the document's title (top-level group headings, values section
    titles such as `카카오 인재상`) names; None when none or several are named."""
    known = tuple(companies)
    named: list[Company] = []
    for section in document.sections:
        candidates = [section] if section.kind == "group" or section.level == 1 else []
        candidates.extend(s for s in section.walk() if s.kind == "reference")
        for heading in candidates:
            found = company_in_title(heading.title, known)
            if found is not None and all(found.key != c.key for c in named):
                named.append(found)
    return named[0] if len(named) == 1 else None


# After a company name, in its sentence: it is the one applied to (reading the target only).
_HIRING_NOUN = (
    r"^\s*(?:의\s*)?(?:(?:19|20)\d{2}\s*년\s*)?(?:상반기\s*|하반기\s*)?"
    r"(?:신입\s*|경력\s*)?(?:사원\s*)?(?:공채|공개\s*채용|채용\s*(?:에|과정|전형))"
)
# `토스 신입 공채`: a name that is also a word (`토스`, `라인`) is a company before a hiring noun.
_HIRED_BY = LazyPattern(_HIRING_NOUN)
_HIRING = (
    _HIRING_NOUN + r"|^\s*(?:에|에게)\s*(?:꼭\s*|다시\s*|당당히\s*)?지원"
    r"|^\s*에\s*(?:입사|합류)"
    r"|^\s*(?:귀사|\(\s*귀사\s*\))"
)
_APPLICATION = LazyPattern(
    _HIRING + r"|^\s*(?:으로|로)\s*(?:입사|합류)|^\s*에서\s*[^.!?\n]{0,60}?(?:싶|겠)"
)
# A name no preset knows is read only from these phrases: `가온소프트에서 … 싶습니다` is too
# close to `수평적인 환경에서 일하고 싶습니다`.
_UNKNOWN_APPLICATION = LazyPattern(_HIRING)
_WORD = LazyPattern(rf"(?<![{_HANGUL}A-Za-z0-9&])[{_HANGUL}A-Za-z][{_HANGUL}A-Za-z0-9&]{{1,24}}")
_NAME_PARTICLES = ("에서", "에게", "에", "의", "")
_HIRING_WORDS = ("공채", "채용", "지원", "입사", "합류", "귀사")
_HIRING_WORD = LazyPattern("|".join(_HIRING_WORDS))
_HIRING_WORD_LEN = 2  # every hiring word is two syllables
_HIRING_WINDOW = 24  # characters after a name where its hiring word may be
# Kiwi tags a name never has: verbs, adjectives, endings, particles, suffixes (`있어서`, `통해`).
_NOT_IN_A_NAME = ("V", "E", "J", "XS")
# Words before an application phrase that name no company.
NOT_A_COMPANY: frozenset[str] = frozenset(
    {
        "회사",
        "귀사",
        "당사",
        "기업",
        "직무",
        "직군",
        "분야",
        "부서",
        "팀",
        "포지션",
        "자리",
        "공채",
        "채용",
        "신입",
        "경력",
        "이번",
        "금번",
        "올해",
        "상반기",
        "하반기",
        "인턴",
        "인턴십",
        "동아리",
        "학회",
        "대회",
        "공모전",
        "프로그램",
        "교육",
        "과정",
        "부트캠프",
        "아카데미",
        "장학금",
        "대학",
        "대학교",
        "대학원",
        "학교",
        "연구실",
        "곳",
        "이곳",
        "그곳",
        "여기",
        "저",
        "제가",
        "저희",
        "우리",
        "본",
        "해당",
        "그룹",
        "계열사",
        "사업부",
        "본사",
        "지사",
        "센터",
        "연구소",
        "스타트업",
        "대기업",
        "중소기업",
        "공기업",
        "서류",
        "면접",
        "전형",
        "최종",
        "환경",
        "조직",
        "문화",
        "현장",
        "업계",
        "산업",
        "시장",
        "무대",
        "세상",
        "세계",
        "직장",
        "일자리",
        "모집",
        "공고",
        "채용공고",
        "정규직",
        "계약직",
        "신입사원",
        "사원",
        "연구원",
        "개발자",
        "엔지니어",
        "직책",
        "역할",
    }
)
_NO_COMPANY_ENDINGS = ("회사", "기업", "직무", "분야", "부서", "공채", "채용", "팀", "과정", "학교")


@dataclass(slots=True)
class _Candidate:
    company: Company
    applications: int = 0
    mentions: int = 0
    known: bool = True


def _is_application(text: str, mention: Mention, known: bool = True) -> bool:
    """Is this mention in an application phrase (reading the target: see the docstring)?"""
    if not _ends_word(text, mention.end):
        return False
    if known and addresses_as_target(text, mention):
        return True
    begin, stop = _sentence(text, mention.start, mention.end)
    before = text[begin : mention.start]
    key = company_key(mention.text)
    rest = text[mention.end : stop]
    if key in mention.company.ambiguous and not _LEFT_OK_AMBIGUOUS.re.search(before):
        return bool(_HIRED_BY.re.search(rest)) and not _PAST_EXPERIENCE.re.search(text[begin:stop])
    if not (_APPLICATION if known else _UNKNOWN_APPLICATION).re.search(rest):
        return False
    return not _PAST_EXPERIENCE.re.search(text[begin:stop])


def _could_be_company(name: str) -> bool:
    if len(name) < 2 or name in NOT_A_COMPANY or name[0].isdigit():
        return False
    return not (name.endswith(_NO_COMPANY_ENDINGS) and len(name) <= 4)


def _reads_as_a_name(name: str) -> bool:
    """Kiwi reads `name` as nouns or letters only (`가온소프트`, `SSAFY`), not `있어서`; in a run
    without the model rules (`--ignore model`) Hangul names no preset knows are not read at all
    (precision first, and the quick mode never loads the model)."""
    if not re.search(f"[{_HANGUL}]", name):
        return True
    from essaylint.korean.model import model_allowed

    return model_allowed.get() and _kiwi_reads_as_a_name(name)


@lru_cache(maxsize=1024)
def _kiwi_reads_as_a_name(name: str) -> bool:
    try:
        from essaylint.korean.model import get_kiwi

        tokens = get_kiwi().tokenize(name)
    except Exception:
        return False  # without Kiwi, no unknown names: precision first
    return not any(str(t.tag).startswith(_NOT_IN_A_NAME) for t in tokens)


def _unknown_applications(text: str, taken: set[int]) -> Iterator[tuple[str, int, int]]:
    """(name, start, end) of words no preset knows, written in an application phrase; words
    starting inside a known company's name (`taken`) are not read."""
    # Cheap first: a hiring word soon after (most words of an answer have none). Where the
    # hiring words are is found once; a word is read only when one starts within its window.
    hiring = [found.start() for found in _HIRING_WORD.re.finditer(text)]
    if not hiring:
        return
    for word in _WORD.re.finditer(text):
        if word.start() in taken:
            continue
        end = word.end()
        after = bisect_left(hiring, end)
        if after == len(hiring) or hiring[after] + _HIRING_WORD_LEN > end + _HIRING_WINDOW:
            continue
        found = word.group()
        for particle in _NAME_PARTICLES:
            if particle and not found.endswith(particle):
                continue
            name = found[: len(found) - len(particle)]
            if not _could_be_company(name):
                continue
            start, end = word.start(), word.start() + len(name)
            company = Company(key=company_key(name), name=name, names=(name,))
            mention = Mention(start, end, name, company, False)
            if _is_application(text, mention, known=False):
                yield name, start, end
            break


def text_company(document: Document, companies: list[Company]) -> Company | None:
    """The company the answers apply to (see the module docstring), or None."""
    known = tuple(companies)
    found: dict[str, _Candidate] = {}
    unknown_texts: list[str] = []
    for question in document.questions():
        text = question.text
        if not text.strip():
            continue
        unknown_texts.append(text)
        taken: set[int] = set()
        for mention in mentions_in(text, known):
            taken.update(range(mention.start, mention.end))
            if mention.product:
                continue
            entry = found.setdefault(mention.company.key, _Candidate(mention.company))
            entry.mentions += 1
            entry.applications += _is_application(text, mention)
        for name, _, _ in _unknown_applications(text, taken):
            key = company_key(name)
            if key in found and found[key].known:
                continue
            entry = found.setdefault(
                key, _Candidate(Company(key=key, name=name, names=(name,)), known=False)
            )
            entry.applications += 1
    for entry in found.values():
        if not entry.known:
            word = compile_pattern(rf"(?<![{_HANGUL}A-Za-z0-9]){re.escape(entry.company.name)}")
            entry.mentions = sum(len(word.findall(t)) for t in unknown_texts)
    ranked = sorted(found.values(), key=lambda c: (c.applications, c.mentions), reverse=True)
    return _leader(ranked)


def _named(candidate: _Candidate) -> bool:
    """A known company, or an unknown name Kiwi reads as nouns (not `있어서`)."""
    return candidate.known or _reads_as_a_name(candidate.company.name)


def _leader(ranked: list[_Candidate]) -> Company | None:
    """The leading candidate when it clearly leads (see the module docstring). Kiwi is asked
    about an unknown name only when it leads or is the runner-up, so most files never load it
    here."""
    while ranked and not _named(ranked[0]):
        ranked = ranked[1:]
    if not ranked:
        return None
    top = ranked[0]
    if top.applications < (1 if top.known else 2) or top.mentions < 2:
        return None
    second = next((c for c in ranked[1:] if _named(c)), None)
    if second is not None and (
        top.applications <= 2 * second.applications or top.mentions < 2 * second.mentions
    ):
        return None
    return top.company


def document_target(
    document: Document,
    setting: str | None,
    companies: list[Company],
    from_front_matter: bool = False,
) -> Company | None:
    """The company the document is for (see `document_target_with_source`)."""
    return document_target_with_source(document, setting, companies, from_front_matter)[0]


def document_target_with_source(
    document: Document,
    setting: str | None,
    companies: list[Company],
    from_front_matter: bool = False,
) -> tuple[Company | None, str | None]:
    """The company the document is for and where it was read: the front matter's `company`,
    else the one its title names, else the config's `company` (a folder-wide config yields to
    a file's own title), else the one its answers apply to (`text`)."""
    if setting and from_front_matter:
        return resolve_company(setting, companies), "front-matter"
    named = title_company(document, companies)
    if named is not None:
        return named, "title"
    if setting:
        return resolve_company(setting, companies), "config"
    found = text_company(document, companies)
    return (found, "text") if found is not None else (None, None)


def section_target(
    section: Section,
    document: Document,
    fallback: Company | None,
    companies: list[Company],
    front_matter_company: bool,
) -> Company | None:
    """The company a question is for: the front matter's, else its group's, else the document's."""
    if front_matter_company and fallback is not None:
        return fallback
    titles = section.path[:-1]
    known = tuple(companies)
    for title in reversed(titles):
        found = company_in_title(title, known)
        if found is not None:
            return found
    return fallback

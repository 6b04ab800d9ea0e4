"""What a heading's words say about it: a question, a group of questions, or reference notes.

Only the title is read here; `outline.py` combines these signals with the shape of the tree.
The vocabularies are the common 자기소개서 questions and the labels writers use inside answers;
they are deliberately small, so an unknown title falls back on the tree's shape.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from essaylint.limits import limit_from_title, title_without_limit
from essaylint.patterns import compile_pattern

DEFAULT_REFERENCE_TITLES: tuple[str, ...] = (
    "인재상",
    "핵심가치",
    "핵심 가치",
    "핵심역량",
    "조직문화",
    "Core values",
    "Values",
    "메모",
    "Notes",
    "참고",
    "참고 자료",
    "회사 정보",
    "기업 정보",
    "기업 분석",
    "회사 분석",
    # Parts of a notes page that ask nothing: an overview, a table of contents, a closing word.
    "개요",
    "목차",
    "Overview",
    "TL;DR",
    "들어가며",
    "마치며",
)

_NUMBERED = compile_pattern(
    r"^\s*(?:\d{1,3}\s*[.)]|\(\d{1,3}\)|\[\d{1,3}\]|[Qq]\s*\d{0,3}\s*[.):]|[Qq]\d{1,3}\b|문항\s*\d+|질문\s*\d+)"
)
_QUESTION_MARK = compile_pattern(r"[?？]\s*[)\]]*\s*$|[?？]")
_REQUEST = compile_pattern(
    r"(?:주세요|주십시오|주시오|하시오|하세요|보세요|보십시오|바랍니다|기술해|서술해|작성해|설명해|기술하|서술하|"
    r"작성하|설명하|말씀해|알려주|무엇|어떻게|어떤|어떠한|왜\s|인가요|나요|까요|습니까|입니까|"
    r"Describe|Explain|Tell us|What|Why|How)",
    re.IGNORECASE,
)
_QUESTION_VOCABULARY = compile_pattern(
    r"(?:지원\s*동기|지원한\s*이유|지원\s*이유|성장\s*과정|입사\s*후\s*포부|포부|장\s*단점|장점|단점|"
    r"성격|자기\s*소개(?!서)|자기\s*PR|직무\s*역량|역량|경험|가치관|생활\s*신조|좌우명|강점|약점|"
    r"협업|갈등|실패|극복|리더십|팀워크|문제\s*해결|목표|비전|사회\s*활동|경력\s*사항|특기|"
    r"Motivation|Why\s+\w+|Strengths?|Weakness(?:es)?|Experience)",
    re.IGNORECASE,
)
_GROUP_VOCABULARY = compile_pattern(
    r"(?:면접|자기\s*소개서|자소서|지원서|이력서|포트폴리오|질문\s*목록|예상\s*질문|기출|복기|후기|"
    r"문항\s*목록|Q\s*&\s*A|Interview|Cover\s+letter|Application|Resume|Technical|기술\s*질문)",
    re.IGNORECASE,
)
_PUNCTUATION = compile_pattern(r"[\s\W_]+")
# A title that states or advises rather than asks: an answer's subtitle (`…개발자가 되겠습니다`,
# `…를 지향합니다`) or a tip (`…작성해야 한다.`, `읽기 쉽게 쓰자`, `…작성해라`, `…하지 말 것`).
_STATEMENT_END = compile_pattern(
    r"(?:(?<!바랍)(?<!부탁드립)(?<!부탁합)니다|였다|었다|았다|했다|한다|된다|있다|없다|좋다|같다|이다|않다|싶다|중요하다|"
    r"(?:하|쓰|말|보|두|알|읽|갖|주|이|기|우|추|살리|피하)자|(?:해|써|마|봐|줘|와|가)라|"
    r"(?:할|말|쓸)\s*것|금지|필수|지양)\s*[.!~]*\s*$"
)
# What a headline may trail after its words: emoji shortcodes (`:exclamation:`), marks, a remark.
_TRAILER = compile_pattern(r"(?::[a-z0-9_+\-]{1,30}:|[!~.\s]|\([^()]{0,40}\))+$")
# `…40초 내외로 만들자.`: let's-advice closed by a stop (without one, `…개발자` is a noun)
_ADVICE_STOP = compile_pattern(r"[가-힣]자\s*[.!]\s*$")
# `**"끝까지 책임지는 개발자"**`: a whole title in quotation marks is the answer's slogan.
_SLOGAN = compile_pattern(r"[\"“”'‘’「『][^\"“”「」『』]+[\"“”'‘’」』]")
_TAIL = 80  # characters of a title read for its ending (bounded work on any title)
# The parts of a resume or an application form's profile that people keep in the same file:
# the whole title is one of these labels (squeezed), or it carries a period of dates.
_PROFILE_WORD = (
    r"(?:(?:기본|인적|개인|신상)?(?:정보|사항)|이름|성명|생년월일|주민(?:등록)?번호|현?주소|연락처|"
    r"(?:휴대)?전화(?:번호)?|이메일|E-?mail|학력|경력|경력기술서|자격증?|어학|어학성적|수상|"
    r"수상경력|병역|기술스택|보유기술|TechStack|Skills?|Education|Contact|Profile|Certificates?)"
    r"(?:사항|내역)?"
)
_PROFILE_LABEL = compile_pattern(
    rf"{_PROFILE_WORD}(?:(?:및|와|과|또는)?{_PROFILE_WORD})*등?", re.IGNORECASE
)
_DATE_PERIOD = compile_pattern(r"(?:19|20)\d{2}\s*[.\-/년]\s*\d{1,2}.{0,6}?[-–~]")


@dataclass(frozen=True, slots=True)
class TitleSignals:
    """How strongly a title reads as a question, and whether it reads as a group or reference."""

    has_limit: bool
    asks: bool  # a question mark or a request ("…를 작성해 주세요")
    numbered: bool
    vocabulary: bool  # names a common 자소서 question
    group_like: bool
    reference_like: bool
    # A resume or profile part (`학력`, `기본정보`, `### 회사 | 직무 | 2016.03 – 2019.08`).
    profile_like: bool = False
    # A statement or a piece of advice, not a prompt: `…되겠습니다`, `…해야 한다.`, `…쓰자`.
    states: bool = False

    @property
    def strong(self) -> bool:
        return self.has_limit or self.asks or self.numbered


def _reference_pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    """A reference word standing as a word: '메모' but not '메모리', '참고' but not '참고문헌'."""
    words = (r"\s*".join(re.escape(part) for part in n.split()) for n in names if n.strip())
    alternatives = "|".join(sorted(words, key=len, reverse=True))
    return compile_pattern(f"(?:{alternatives})(?![A-Za-z])(?!(?-i:[가-힣]))", re.IGNORECASE)


_DEFAULT_REFERENCE = _reference_pattern(DEFAULT_REFERENCE_TITLES)


@lru_cache(maxsize=8192)
def read_title(title: str, reference_titles: tuple[str, ...] | None = None) -> TitleSignals:
    """Read the signals of one heading title (cached: a document asks about its titles often)."""
    limit = limit_from_title(title)  # returns at once for the many titles with no number
    bare = title_without_limit(title) if limit is not None else title
    ending = _TRAILER.sub("", bare[-_TAIL:])
    # a mark in a remark after the words (`…중요하다. (어그로?!)`) asks nothing
    question_mark = bool(_QUESTION_MARK.search(bare[: max(len(bare) - _TAIL, 0)] + ending))
    # any sentence of two words or more ending in 다 (`…쓰는 곳이 많다.`); one word (`바다`) may
    # be a noun
    sentence = " " in ending.strip()
    states = not question_mark and bool(
        _SLOGAN.fullmatch(ending.strip())
        or _STATEMENT_END.search(ending)
        or (sentence and ending.endswith("다"))
        or (sentence and _ADVICE_STOP.search(bare[-_TAIL:]) is not None)
    )
    # `…작성해라` asks nothing of a reader: it is advice, and `…했습니다` is an answer's words.
    asks = question_mark or (not states and bool(_REQUEST.search(bare)))
    numbered = bool(_NUMBERED.match(bare))
    reference = (
        _DEFAULT_REFERENCE if reference_titles is None else _reference_pattern(reference_titles)
    )
    squeezed = _PUNCTUATION.sub("", bare)
    # A reference title is a short label ("카카오 인재상", "Core Values"), never a question
    # that mentions values ("인재상에 부합하는 경험을 서술하시오").
    reference_like = (
        bool(reference.search(bare)) and limit is None and not asks and len(squeezed) <= 20
    )
    return TitleSignals(
        # a stated absence of a limit (`(글자 수 제한 없음)`) is as strong a sign as a limit
        has_limit=limit is not None
        and (limit.max is not None or limit.min is not None or limit.unlimited),
        asks=asks,
        numbered=numbered,
        vocabulary=bool(_QUESTION_VOCABULARY.search(bare)),
        group_like=bool(_GROUP_VOCABULARY.search(bare)) and not asks and limit is None,
        reference_like=reference_like,
        states=states,
        profile_like=not asks
        and limit is None
        and (_PROFILE_LABEL.fullmatch(squeezed) is not None or bool(_DATE_PERIOD.search(bare))),
    )


_DIGITS = compile_pattern(r"\d+")


_OUTLINE_NUMBER = compile_pattern(r"^\s*(\d{1,3}(?:\.\d{1,3})+)\.?(?!\d)")


_EXCLAIMS = compile_pattern(r":[a-z0-9_+\-]{1,30}:|!\s*$|\s(?:->|=>)\s")


def exclaims(title: str) -> bool:
    """A headline decorated as notes are: an emoji shortcode (`:bulb:`), a closing `!`, an
    arrow to a verdict (`… -> X`)."""
    return _EXCLAIMS.search(title[-_TAIL:]) is not None


def question_number(title: str) -> str | None:
    """The number a numbered title starts with (`2. 성장 과정` -> "2", `2.3. 과목` -> "2.3"),
    or None."""
    outline = _OUTLINE_NUMBER.match(title)
    if outline is not None:
        return outline.group(1)
    match = _NUMBERED.match(title)
    if match is None:
        return None
    digits = _DIGITS.search(match.group(0))
    return digits.group(0) if digits else None


@lru_cache(maxsize=4096)
def comparable_title(title: str) -> str:
    """A title reduced for spotting the same question twice: no limit, numbering or punctuation.
    Cached: the same questions recur across one applicant's files."""
    bare = title_without_limit(title)
    bare = _NUMBERED.sub("", bare)
    return _PUNCTUATION.sub("", bare).casefold()

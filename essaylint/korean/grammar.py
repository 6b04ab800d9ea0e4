"""Grammar confusions Korean writers make, found on Kiwi's morphemes rather than word lists.

Each check reads the surface text and Kiwi's analysis of the whole sentence together: the
surface says what was typed (`되요`), the morphemes say what it is (the verb 되- with the ending
-요 glued straight on, which Korean never allows: it is `되어요`, written `돼요`). A check fires
only where both agree, so `되어요`, `되도록`, `하되` (the connective ending -되), `돼지`, `안되다`
(the adjective) and the noun 되 are left alone.

Kinds, each a `Confusion.kind`:

- `되/돼`: 되- with an ending that needs 어 (`되요`, `되서`, `되야`, `되도`, `안 되.`) → 돼;
  돼 (= 되어) before an ending that takes the bare stem (`돼는`, `돼면`, `돼고`) → 되;
- `안/않`: the stem 않- used as the adverb 안 (`않 된다`, `않좋은`) and the adverb 안 written for
  않- after -지 (`하지 안았다`);
- `웬/왠`: 왠 is only right in 왠지 (`왠일`, `왠 사람`), and 왠지 is never `웬지`;
- `-ㄹ게`: the ending -ㄹ게/-을게 is written with ㄱ (`할께요`);
- `로서/로써`: -ㅁ/-음 with 로서 (`공감함으로서`: by doing, 로써) and a person or role with
  로써 (`개발자로써`: as, 로서). Guesses: other nouns are never judged;
- `든지/던지`: -던지 (recollection) where a choice is meant (`무엇이던지`, `하던지 말던지`), and
  -든지 after 어찌나 (`어찌나 기쁘든지`). Guesses; a sentence with 얼마나 is left alone;
- `데/대`: `그런대` for the conjunction 그런데, and -대 where a comma or -던 shows the
  connective or exclamatory -데 (`했는대,`, `좋던대요`). Guesses except 그런대.

`certain` says whether the form is wrong whatever the writer meant (an error) or the check
read the context (a warning).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

__all__ = ["ROLE_NOUNS", "Confusion", "find_confusions", "word_at"]


@dataclass(frozen=True, slots=True)
class Confusion:
    """`text[start:end]` (a word) should read `suggestion`; `kind` names the confusion."""

    unit: int
    start: int
    end: int
    word: str
    suggestion: str
    kind: str
    certain: bool


@dataclass(frozen=True, slots=True)
class _Edit:
    """Replace `text[start:end]` by `new`."""

    start: int
    end: int
    new: str
    kind: str
    certain: bool


ROLE_NOUNS = frozenset(
    {
        "사람",
        "인간",
        "학생",
        "대학생",
        "대학원생",
        "고등학생",
        "졸업생",
        "신입생",
        "재학생",
        "수강생",
        "교환학생",
        "유학생",
        "사원",
        "신입",
        "신입사원",
        "직원",
        "팀원",
        "일원",
        "구성원",
        "조원",
        "부원",
        "회원",
        "멤버",
        "팀장",
        "파트장",
        "조장",
        "부장",
        "과장",
        "대리",
        "회장",
        "부회장",
        "총무",
        "대표",
        "리더",
        "팀리더",
        "주장",
        "반장",
        "막내",
        "선배",
        "후배",
        "동료",
        "개발자",
        "기획자",
        "디자이너",
        "엔지니어",
        "매니저",
        "마케터",
        "연구원",
        "연구자",
        "분석가",
        "전문가",
        "지원자",
        "참가자",
        "참여자",
        "봉사자",
        "사용자",
        "소비자",
        "고객",
        "책임자",
        "담당자",
        "관리자",
        "운영자",
        "실무자",
        "전공자",
        "비전공자",
        "입문자",
        "초보자",
        "경험자",
        "지도자",
        "발표자",
        "진행자",
        "창업자",
        "경영자",
        "사회인",
        "직장인",
        "시민",
        "국민",
        "청년",
        "어른",
        "성인",
        "인턴",
        "멘토",
        "멘티",
        "조교",
        "강사",
        "교사",
        "선생",
        "선생님",
        "교수",
        "튜터",
        "코치",
        "주니어",
        "시니어",
        "개발팀원",
        "공무원",
        "군인",
        "간부",
        "장교",
        "부사관",
        "의사",
        "간호사",
        "약사",
        "기자",
        "작가",
        "프로그래머",
        "아키텍트",
        "오너",
        "주인",
        "가장",
        "장남",
        "장녀",
        "맏이",
        "아들",
        "딸",
        "자녀",
        "부모",
        "엄마",
        "아빠",
        "언니",
        "형",
        "누나",
        "오빠",
        "동생",
        "친구",
        "개인",
        "한사람",
        "당사자",
        "사회초년생",
        "취준생",
        "지원자들",
    }
)
"""Nouns naming a person or a role: `X로써` after them means `X로서` (in the capacity of X)."""

_INDEFINITE = frozenset({"무엇", "뭐", "무얼", "어디", "언제", "누구", "아무것", "어느것"})
_CHOICE_DETERMINERS = frozenset({"어떤", "무슨", "어느", "아무"})
_EXCLAIMING = frozenset({"얼마나", "어찌나", "어쩌면", "오죽"})
_PREDICATES = frozenset({"VV", "VA", "VX", "XSV", "XSA"})
_AFTER_DWAE_WRONG = frozenset("는면고니기지던든겠다며게나냐네시세자")
"""Syllables that start an ending taking the bare stem 되-, never 돼 (= 되어)."""
_AFTER_DOE_WRONG = frozenset("요서야")
"""Syllables that, glued to 되-, are an ending that needs 어 (되어요 → 돼요)."""


def _tag(token: Any) -> str:
    return str(token.tag).split("-")[0]


def _surface(text: str, token: Any) -> str:
    return text[token.start : token.start + token.len]


def find_confusions(kiwi: Any, texts: Sequence[str]) -> list[Confusion]:
    """The grammar confusions in each text (a sentence), in order, one per word."""
    todo = [i for i, text in enumerate(texts) if text.strip()]
    if not todo:
        return []
    from essaylint.korean.model import analyse

    analyses = analyse(kiwi, [texts[i] for i in todo])
    found: list[Confusion] = []
    for index, tokens in zip(todo, analyses, strict=True):
        found.extend(_in_sentence(index, texts[index], list(tokens)))
    return found


def _in_sentence(unit: int, text: str, tokens: list[Any]) -> Iterator[Confusion]:
    edits: list[_Edit] = []
    for check in _CHECKS:
        edits.extend(check(text, tokens))
    by_word: dict[tuple[int, int], list[_Edit]] = {}
    for edit in edits:
        if not (0 <= edit.start < edit.end <= len(text)):
            continue
        by_word.setdefault(word_at(text, edit.start, edit.end), []).append(edit)
    for (start, end), mine in sorted(by_word.items()):
        if start >= end:
            continue
        chosen = _compatible(mine)
        if not chosen:
            continue
        word = text[start:end]
        pieces: list[str] = []
        at = start
        for edit in chosen:
            if not (start <= edit.start and edit.end <= end):
                break
            pieces.append(text[at : edit.start])
            pieces.append(edit.new)
            at = edit.end
        else:
            pieces.append(text[at:end])
            suggestion = "".join(pieces)
            if suggestion != word:
                first = chosen[0]
                certain = all(edit.certain for edit in chosen)
                yield Confusion(unit, start, end, word, suggestion, first.kind, certain)


def _compatible(edits: list[_Edit]) -> list[_Edit]:
    """The edits of one word in order, without overlaps (the first, most certain, kept)."""
    ordered = sorted(edits, key=lambda e: (not e.certain, e.start))
    kept: list[_Edit] = []
    for edit in ordered:
        if all(edit.end <= k.start or k.end <= edit.start for k in kept):
            kept.append(edit)
    return sorted(kept, key=lambda e: e.start)


def word_at(text: str, start: int, end: int) -> tuple[int, int]:
    """The whitespace-separated word around text[start:end], trimmed of punctuation."""
    left = start
    while left > 0 and not text[left - 1].isspace():
        left -= 1
    right = end
    while right < len(text) and not text[right].isspace():
        right += 1
    while left < start and not text[left].isalnum():
        left += 1
    while right > end and not text[right - 1].isalnum():
        right -= 1
    return left, right


def _next(tokens: list[Any], index: int) -> Any | None:
    return tokens[index + 1] if index + 1 < len(tokens) else None


# ---------------------------------------------------------------- 되/돼


def _doe_dwae(text: str, tokens: list[Any]) -> Iterator[_Edit]:
    for i, token in enumerate(tokens):
        if _tag(token) not in _PREDICATES:
            continue
        end = token.start + token.len
        if token.form == "되" and token.len == 1 and text[token.start] == "되":
            after = _next(tokens, i)
            following = text[end : end + 1]
            if after is not None and after.start == end and _tag(after).startswith("E"):
                needs_eo = following in _AFTER_DOE_WRONG and str(after.form).startswith(following)
                if needs_eo or (after.form == "도" and text[end : end + 2] != "도록"):
                    yield _Edit(token.start, end, "돼", "되/돼", True)
            elif i > 0 and _ends_sentence(text, end, after):
                before = text[token.start - 1]
                # `안 되.`, `하면 되.`: the plain 반말 ending -어 is missing.
                if before.isspace() or not before.isalnum():
                    yield _Edit(token.start, end, "돼", "되/돼", True)
        elif token.form in ("되", "돼") and text[token.start : token.start + 1] == "돼":
            following = text[token.start + 1 : token.start + 2]
            if following not in _AFTER_DWAE_WRONG:
                continue
            # However Kiwi reads the rest (`돼는` may come out as 되+어 and 늘+ㄴ), the verb
            # 되- is already spent on 어 here: nothing but 요, 서, 야, 도 … may follow it.
            yield _Edit(token.start, token.start + 1, "되", "되/돼", True)


def _ends_sentence(text: str, end: int, after: Any | None) -> bool:
    """Whether the sentence ends at `end`: nothing but space after it, or a glued `.`/`!`/`?`."""
    if after is None:
        return end == len(text.rstrip())
    return _tag(after) == "SF" and after.start == end


# ---------------------------------------------------------------- 안/않


def _an_anh(text: str, tokens: list[Any]) -> Iterator[_Edit]:
    for i, token in enumerate(tokens):
        surface = _surface(text, token)
        if token.form == "않" and surface == "않":
            after = _next(tokens, i)
            if after is None or _tag(after) not in _PREDICATES:
                continue
            end = token.start + 1
            if after.start == end:  # `않좋은`: the adverb, and a space after it
                yield _Edit(token.start, end, "안 ", "안/않", True)
            elif text[end : after.start].isspace() and (
                token.start == 0 or not text[token.start - 1].isalnum()
            ):  # `않 된다`
                yield _Edit(token.start, end, "안", "안/않", True)
        elif token.form == "안" and surface == "안" and _tag(token) == "VV" and i > 0:
            before = tokens[i - 1]
            after = _next(tokens, i)
            if before.form != "지" or _tag(before) != "EC" or i < 2:
                continue
            if _tag(tokens[i - 2]) not in _PREDICATES | {"EP"}:
                continue
            gap = text[before.start + before.len : token.start]
            if not gap or not gap.isspace():
                continue
            if after is None or after.start != token.start + 1 or not _tag(after).startswith("E"):
                continue
            yield _Edit(token.start, token.start + 1, "않", "안/않", True)


# ---------------------------------------------------------------- 웬/왠


def _wen_waen(text: str, tokens: list[Any]) -> Iterator[_Edit]:
    for token in tokens:
        start = token.start
        if start > 0 and text[start - 1].isalnum():
            continue  # not the start of a word
        if text[start : start + 1] == "왠" and text[start + 1 : start + 2] != "지":
            # 왠 (= 왜인) is only ever written in 왠지; Kiwi reads a stray 왠 in many ways.
            yield _Edit(start, start + 1, "웬", "웬/왠", True)
        elif token.form == "웬지" and text[start : start + 2] == "웬지":
            yield _Edit(start, start + 1, "왠", "웬/왠", True)


# ---------------------------------------------------------------- -ㄹ게


def _lge(text: str, tokens: list[Any]) -> Iterator[_Edit]:
    for token in tokens:
        form = str(token.form)
        if not _tag(token).startswith("E") or not form.startswith(("ᆯ께", "을께")):
            continue
        surface = _surface(text, token)
        at = surface.find("께")
        if at >= 0:
            yield _Edit(token.start + at, token.start + at + 1, "게", "-ㄹ게", True)


# ---------------------------------------------------------------- 로서/로써


def _roseo_rosseo(text: str, tokens: list[Any]) -> Iterator[_Edit]:
    for i, token in enumerate(tokens):
        if _tag(token) != "JKB" or i == 0:
            continue
        surface = _surface(text, token)
        if token.form in ("로서", "으로서") and surface == token.form:
            if _tag(tokens[i - 1]) == "ETN" and tokens[i - 1].form in ("ᆷ", "음"):
                end = token.start + token.len
                yield _Edit(end - 1, end, "써", "로서/로써", False)
        elif token.form in ("로써", "으로써") and surface == token.form:
            j = i - 1
            while j > 0 and _tag(tokens[j]) == "XSN" and tokens[j].form in ("님", "들"):
                j -= 1
            noun = tokens[j]
            glued = noun.start + noun.len == tokens[j + 1].start if j + 1 < i else True
            role = _tag(noun) in ("NNG", "NNP") and noun.form in ROLE_NOUNS
            if role and glued and noun.start + noun.len <= token.start:
                end = token.start + token.len
                yield _Edit(end - 1, end, "서", "로서/로써", False)


# ---------------------------------------------------------------- 든지/던지


def _deunji_deonji(text: str, tokens: list[Any]) -> Iterator[_Edit]:
    choices = [t for t in tokens if _tag(t) == "EC" and t.form in ("든지", "던지")]
    if not choices:
        return
    exclaiming = {t.form for t in tokens if _tag(t) == "MAG" and t.form in _EXCLAIMING}
    for i, token in enumerate(tokens):
        if _tag(token) != "EC" or token.form not in ("든지", "던지"):
            continue
        surface = _surface(text, token)
        if surface != token.form:
            continue
        if token.form == "든지":
            if "어찌나" in exclaiming and _before(tokens, i, lambda t: t.form == "어찌나"):
                yield _Edit(token.start, token.start + 1, "던", "든지/던지", False)
            continue
        if exclaiming:
            continue
        word_start = word_at(text, token.start, token.start + token.len)[0]
        same_word = [t for t in tokens[:i] if t.start >= word_start]
        chosen = any(_tag(t) == "NP" and t.form in _INDEFINITE for t in same_word)
        if not chosen and same_word and _tag(same_word[0]).startswith("NN"):
            previous = [t for t in tokens[:i] if t.start < word_start]
            chosen = bool(previous) and (
                _tag(previous[-1]) == "MM" and previous[-1].form in _CHOICE_DETERMINERS
            )
        if not chosen:
            chosen = len(choices) >= 2
        if not chosen:
            after = _next(tokens, i)
            chosen = (
                after is not None
                and after.form in ("간", "상관없")
                and after.start > (token.start + token.len)
            )
        if chosen:
            yield _Edit(token.start, token.start + 1, "든", "든지/던지", False)


def _before(tokens: list[Any], index: int, test: Callable[[Any], bool]) -> bool:
    return any(test(t) for t in tokens[:index])


# ---------------------------------------------------------------- 데/대


def _de_dae(text: str, tokens: list[Any]) -> Iterator[_Edit]:
    starts = {t.start: t for t in tokens}
    at = text.find("대")
    while at >= 0:
        yield from _de_dae_at(text, at, starts)
        at = text.find("대", at + 1)


def _de_dae_at(text: str, at: int, starts: dict[int, Any]) -> Iterator[_Edit]:
    before = text[at - 1 : at] if at > 0 else ""
    after = text[at + 1 : at + 2]
    if at >= 2 and text[at - 2 : at] == "그런" and (at == 2 or not text[at - 3].isalnum()):
        if not after or after in " ,\t\n":
            yield _Edit(at, at + 1, "데", "데/대", True)
        return
    noun = starts.get(at)
    if noun is not None and _tag(noun) in ("NNB", "NNG"):
        return  # 대로, 대 (a counter)
    if before in ("는", "은") and after == ",":
        yield _Edit(at, at + 1, "데", "데/대", False)
    elif before == "던" and (not after or after in "요,. \t\n!?"):
        if at < 2 or not text[at - 2].isalnum():
            return  # `던대`: no stem before -던
        yield _Edit(at, at + 1, "데", "데/대", False)


# ---------------------------------------------------------------- 이었/이였, -려고, -ㄹ 거

_NOUN_TAGS = ("NNG", "NNP", "NNB", "NR", "SN", "XR", "NP")


def _final_consonant(syllable: str) -> int:
    """The final consonant's index (0: none) of a Hangul syllable, or -1 for anything else."""
    code = ord(syllable) - 0xAC00 if syllable else -1
    return code % 28 if 0 <= code < 11172 else -1


def _i_eot(text: str, tokens: list[Any]) -> Iterator[_Edit]:
    """`원동력이였다` → `원동력이었다`, `기업이여야` → `기업이어야`: after a noun ending in a
    consonant, 이다 + 었/어 is written 이었/이어 (였/여 only contract a vowel: `사이였다`).
    Kiwi reads the typed 이 as the copula, or as a subject particle before a copula typed 였."""
    for i, token in enumerate(tokens[1:], start=1):
        if _tag(token) != "VCP":
            continue
        at = token.start
        if text[at : at + 1] == "이" and text[at + 1 : at + 2] in ("였", "여"):
            wrong, noun = at + 1, tokens[i - 1]
        elif (
            i >= 2
            and text[at : at + 1] in ("였", "여")
            and _tag(tokens[i - 1]) == "JKS"
            and tokens[i - 1].start == at - 1
            and text[at - 1 : at] == "이"
        ):
            wrong, noun = at, tokens[i - 2]
        else:
            continue
        if not _tag(noun).startswith(_NOUN_TAGS):
            continue
        end = noun.start + noun.len
        if end != wrong - 1 or _final_consonant(text[end - 1 : end]) <= 0:
            continue
        after = _next(tokens, i)
        if after is None or not _tag(after).startswith("E"):
            continue
        yield _Edit(wrong, wrong + 1, "었" if text[wrong] == "였" else "어", "이었", True)


def _i_eot_after_i(text: str, tokens: list[Any]) -> Iterator[_Edit]:
    """`사이었던`, `아이었을` → `사이였던`, `아이였을`: a noun ending in 이 takes the copula too
    (이 + 었 = 였); 었 glued to the noun drops it. Only where Kiwi reads the noun followed
    directly by 었, with no copula (it reads `차이었다` as 차 + 이었다, which is right)."""
    for i, token in enumerate(tokens[1:], start=1):
        noun = tokens[i - 1]
        if _tag(token) != "EP" or text[token.start : token.start + 1] != "었":
            continue
        if _tag(noun) not in ("NNG", "NNP") or len(noun.form) < 2:
            continue
        end = noun.start + noun.len
        if end != token.start or text[end - 1 : end] != "이":
            continue
        yield _Edit(token.start, token.start + 1, "였", "이었", True)


_RIEUL_FINAL = 8  # ㄹ among the 28 finals


def _ryeogo(text: str, tokens: list[Any]) -> Iterator[_Edit]:
    """`고칠려고` → `고치려고`, `할려면` → `하려면`: -려고/-려면 take the bare stem; Kiwi reads
    the stray ㄹ as an ending of its own (ᆯ려고), which a stem ending in ㄹ (`만들려고`) never
    gives."""
    for i, token in enumerate(tokens[1:], start=1):
        form = str(token.form)
        if not _tag(token).startswith("E") or not form.startswith(("ᆯ려", "ᆯ래")):
            continue
        if _tag(tokens[i - 1]) not in _PREDICATES:
            continue
        syllable = text[token.start : token.start + 1]
        if _final_consonant(syllable) != _RIEUL_FINAL:
            continue
        bare = chr(ord(syllable) - _RIEUL_FINAL)
        yield _Edit(token.start, token.start + 1, bare, "-려고", True)


def _l_geo(text: str, tokens: list[Any]) -> Iterator[_Edit]:
    """`다닐꺼냐` → `다닐 거냐`: the bound noun is 거, written apart from -ㄹ/-을."""
    for i, token in enumerate(tokens[1:], start=1):
        if (
            _tag(token) != "NNB"
            or token.form != "꺼"
            or text[token.start : token.start + 1] != "꺼"
        ):
            continue
        before = tokens[i - 1]
        if _tag(before) != "ETM" or str(before.form) not in ("ᆯ", "을"):
            continue
        yield _Edit(token.start, token.start + 1, " 거", "-ㄹ 거", True)


# ---------------------------------------------------------------- 은/는, 을/를, 으로/로

_WORD = re.compile(r"[가-힣]+")
_AFTER_VOWEL = {"은": "는", "을": "를", "으로": "로", "으로서": "로서", "으로써": "로써"}
"""A particle's form after a consonant, and what it is after a vowel (`이유은` → `이유는`)."""
_AFTER_CONSONANT = {"는": "은", "를": "을", "로": "으로", "로서": "으로서", "로써": "으로써"}
"""A particle's form after a vowel, and what it is after a consonant (`경험를` → `경험을`);
로 stays after ㄹ (`서울로`). 과/와 are not judged: department names end in 과 (`전자과`)."""
_STEM_TAGS = frozenset({"NNG", "NNP", "XSN", "XPN"})
_PARTICLES_LONGEST_FIRST = sorted((*_AFTER_VOWEL, *_AFTER_CONSONANT), key=len, reverse=True)


def _particle(text: str, tokens: list[Any]) -> Iterator[_Edit]:
    """A particle in the form for the other kind of noun ending, the trace of an edit that
    changed the noun and not its particle (`이유은`, `경험를`, `방법로`). Only where Kiwi reads
    everything before the particle as nouns ending exactly there (so `마을`, `나무과` and
    `대학로`, nouns of their own, are never split) and the particle ends the word."""
    # Kiwi may add an empty token (a copula it supposes: `이유` + `이` + `은`): not a morpheme
    # of the text.
    ends = {t.start + t.len: index for index, t in enumerate(tokens) if t.len > 0}
    starts = {token.start for token in tokens}
    for word in _WORD.finditer(text):
        if word.end() < len(text) and text[word.end()].isalnum():
            continue  # a word with Latin letters or digits glued on is not judged
        if word.start() > 0 and text[word.start() - 1].isalnum():
            continue
        found = word.group()
        for written in _PARTICLES_LONGEST_FIRST:
            if len(found) <= len(written) or not found.endswith(written):
                continue
            stem_end = word.end() - len(written)
            final = _final_consonant(text[stem_end - 1])
            if written in _AFTER_VOWEL and final == 0:
                right = _AFTER_VOWEL[written]
            elif written in _AFTER_CONSONANT and final > 0:
                if written.startswith("로") and final == _RIEUL_FINAL:
                    break
                right = _AFTER_CONSONANT[written]
            else:
                break  # the form agrees with the noun
            last = ends.get(stem_end)
            if last is None or stem_end not in starts:
                break
            stem = [t for t in tokens[: last + 1] if t.start >= word.start() and t.len > 0]
            if (
                not stem
                or stem[0].start != word.start()
                or not all(_tag(t) in _STEM_TAGS for t in stem)
                or _tag(stem[-1]) not in ("NNG", "NNP", "XSN")
            ):
                break
            yield _Edit(stem_end, word.end(), right, "조사", False)
            break


# ---------------------------------------------------------------- 형용사 + -ㄴ다

_BOTH_VERB_AND_ADJECTIVE = frozenset({"만족", "감사", "흡족"})
"""X하다 words that are verbs too, so `결과에 만족한다` is right."""


def _adjective_nda(text: str, tokens: list[Any]) -> Iterator[_Edit]:
    """`부족한다고`, `중요한다는`, `필요한다` → `부족하다고`, `중요하다는`, `필요하다`: the
    present-tense -ㄴ다 belongs to verbs; an adjective (X하다 that Kiwi reads as one) takes
    -다. A warning: Kiwi's reading of the stem decides."""
    for i, token in enumerate(tokens[1:], start=1):
        if _tag(token) != "XSA" or token.form != "하" or i + 1 >= len(tokens):
            continue
        ending = tokens[i + 1]
        if not _tag(ending).startswith("E") or not str(ending.form).startswith("ᆫ다"):
            continue
        noun = tokens[i - 1]
        if _surface(text, noun) in _BOTH_VERB_AND_ADJECTIVE or noun.start + noun.len != token.start:
            continue
        if text[ending.start : ending.start + 1] != "한":  # 하 + ㄴ as written
            continue
        yield _Edit(ending.start, ending.start + 1, "하", "형용사 -다", False)


_CHECKS: tuple[Callable[[str, list[Any]], Iterator[_Edit]], ...] = (
    _adjective_nda,
    _i_eot_after_i,
    _particle,
    _i_eot,
    _ryeogo,
    _l_geo,
    _doe_dwae,
    _an_anh,
    _wen_waen,
    _lge,
    _roseo_rosseo,
    _deunji_deonji,
    _de_dae,
)

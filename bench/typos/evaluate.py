"""Benchmark known-typo (EL301) + likely-typo (EL302) on injected typos. Not a test.

"EL301" in the tables means the curated rules: known-typo and loanword (EL305, default setting),
which together hold the pairs known-typo alone held before EL305 (see RESULTS.md).

    .venv/bin/python bench/typos/evaluate.py            # report on the held-out half
    .venv/bin/python bench/typos/evaluate.py --split tune --seed 1
    .venv/bin/python bench/typos/evaluate.py tune       # threshold grid on the tuning half
    .venv/bin/python bench/typos/evaluate.py --split foreign  # held out, registers never tuned on

Data (bench/typos/data): `essay.txt`, essay-register sentences written for this benchmark,
and `constitution.txt`, the Constitution of the Republic of Korea (public domain, shipped in
the konlpy package). Each corpus is split by line: even lines tune, odd lines are held out.
`foreign.txt` (bills and quotes shipped in the konlpy and mimesis wheels) is held out whole and
never tuned on (`--split foreign`, seed 2).

For every sentence of a split the seeded generator (`inject.py`) makes one copy with one typo
(kinds: keyboard, shift, vowel, final-drop, final-double, known) and keeps one clean copy; a
second set gets keystroke slips beyond one jamo edit (`slip`). Each set becomes one Markdown
document (a question heading, one sentence per paragraph), checked by the real rules.

Scoring is per word: a finding that overlaps the injected word is a true positive; any other
finding (in a typo sentence or a clean one) is a false positive. Speed is the wall time of
EL302's check on the whole document with a fresh detector (the model already loaded), per
1,000 whitespace-separated words, single-threaded.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parents[1]))

from inject import SINGLE_KINDS, Typo, inject  # noqa: E402

from essaylint.korean import model  # noqa: E402
from essaylint.korean.detect import Params, TypoDetector  # noqa: E402
from essaylint.linting.loanwords import loanword_matcher  # noqa: E402
from essaylint.linting.plugin import Hit, RuleContext  # noqa: E402
from essaylint.linting.typos import builtin_matcher  # noqa: E402
from essaylint.plugins import el301_known_typo, el302_likely_typo, el305_loanword  # noqa: E402
from essaylint.reading.document import build_document  # noqa: E402
from essaylint.running.config import Settings  # noqa: E402

CORPORA = ("essay", "constitution")
FOREIGN = ("foreign",)  # real prose in registers nobody tuned on: held out, all of it, always


def corpora(which: str) -> tuple[str, ...]:
    return FOREIGN if which == "foreign" else CORPORA


@dataclass(frozen=True)
class Case:
    corpus: str
    text: str
    typo: Typo | None  # None: a clean sentence


def load(name: str) -> list[str]:
    path = HERE / "data" / f"{name}.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def split(sentences: list[str], which: str) -> list[str]:
    if which == "foreign":
        return sentences
    return sentences[0::2] if which == "tune" else sentences[1::2]


def known_pairs() -> list[tuple[str, str]]:
    """The curated pairs on by default: known-typo's pack, then loanword's standard tier (the
    loanword spellings were part of known-typo's pack until EL305 took them)."""
    curated = (*builtin_matcher().entries, *loanword_matcher("standard").entries)
    return [(e.wrong, e.right) for e in curated]


def make_cases(which: str, seed: int, slips: bool) -> list[Case]:
    """One typo copy and one clean copy of every sentence that offers a place for a typo."""
    pairs = known_pairs()
    cases: list[Case] = []
    for corpus in corpora(which):
        for number, sentence in enumerate(split(load(corpus), which)):
            # One generator per sentence: a change to the curated pairs (what `known` may
            # inject) changes only the sentences where `known` is drawn, not the whole draw.
            rng = random.Random(f"{seed}:{corpus}:{number}")
            if slips:
                typo = inject(sentence, "slip", rng, pairs)
            else:
                kinds = [*SINGLE_KINDS, "known"]
                rng.shuffle(kinds)
                typo = None
                for kind in kinds:
                    typo = inject(sentence, kind, rng, pairs)
                    if typo is not None:
                        break
            if typo is None:
                continue
            cases.append(Case(corpus, typo.text, typo))
            cases.append(Case(corpus, sentence, None))
    return cases


def document(cases: list[Case]) -> tuple[str, dict[int, int]]:
    """Markdown with one paragraph per case, and the case index of each line."""
    lines = ["## 문항 1. 자유 기술 (5000자)", ""]
    where: dict[int, int] = {}
    for index, case in enumerate(cases):
        lines.append(case.text)
        where[len(lines)] = index
        lines.append("")
    return "\n".join(lines), where


def context() -> RuleContext:
    return RuleContext(
        "bench.md",
        count_text=lambda text, mode: len(text),
        default_mode="chars",
        limit_for=lambda section: None,
        settings=Settings(),
    )


def words(text: str) -> int:
    return len(text.split())


@dataclass
class Tally:
    typos: int = 0
    tp: int = 0
    fp: int = 0
    fp_clean: int = 0
    clean_words: int = 0
    right_suggestion: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / self.typos if self.typos else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def fp_per_1000(self) -> float:
        return 1000 * self.fp_clean / self.clean_words if self.clean_words else 0.0


# Words misspelled in the source texts themselves, checked by hand: a flag there is right, so it
# counts as neither a true nor a false flag (it is printed). The bills write 용이하게 (容易) as
# 용의하게; one quote writes 무언가에 as 무언간에.
SOURCE_ERRORS = frozenset({"용의하게", "무언간에"})
_FLAGGED = re.compile(r"^'([^']+)'")


def _source_error(hit: Hit) -> bool:
    match = _FLAGGED.match(hit.message)
    return match is not None and match.group(1) in SOURCE_ERRORS


def score(cases: list[Case], where: dict[int, int], hits: list[Hit], label: str = "") -> Tally:
    tally = Tally()
    found: dict[int, list[Hit]] = {}
    for hit in hits:
        if _source_error(hit):
            if label:
                print(f"  {label} source error found: {hit.message}")
            continue
        if hit.line in where:
            found.setdefault(where[hit.line], []).append(hit)
    for index, case in enumerate(cases):
        mine = found.get(index, [])
        if case.typo is None:
            tally.clean_words += words(case.text)
            tally.fp += len(mine)
            tally.fp_clean += len(mine)
            if label:
                for hit in mine:
                    print(f"  {label} FP clean: {hit.message}  | {case.text[:60]}")
            continue
        tally.typos += 1
        start, end = case.typo.start + 1, case.typo.end + 1  # columns (plain paragraph lines)
        hit_typo = [h for h in mine if h.col < end and start < (h.end_col or h.col + 1)]
        others = [h for h in mine if h not in hit_typo]
        tally.fp += len(others)
        if label:
            for hit in others:
                print(f"  {label} FP typo-sentence: {hit.message}  | {case.text[:60]}")
        if hit_typo:
            tally.tp += 1
            if any(h.suggestion == case.typo.right for h in hit_typo):
                tally.right_suggestion += 1
        elif label == "miss":
            print(f"  miss [{case.typo.kind}] {case.typo.wrong} -> {case.typo.right}")
    return tally


def run_el301(doc_text: str) -> list[Hit]:
    """The curated rules: known-typo, and loanword (default setting) with each reported form's
    further places (its fix's other edits) counted as hits of their own."""
    doc = build_document(doc_text)
    hits = list(el301_known_typo.check(doc, el301_known_typo.Options(), context()))
    for hit in el305_loanword.check(doc, el305_loanword.Options(), context()):
        hits.append(hit)
        hits += [
            Hit(edit.line, edit.col, hit.message, end_line=edit.line, end_col=edit.end_col)
            for edit in hit.fix_also
        ]
    return hits


CPU_SECONDS: list[float] = []
"""Process CPU time of each `run_el302` check: on a shared machine wall time also counts the
other processes' turns; CPU time of this one (single-threaded) does not."""


def run_el302(
    doc_text: str, options: el302_likely_typo.Options, params: Params | None = None
) -> tuple[list[Hit], float]:
    """EL302's hits and the seconds its check took, with a fresh (uncached) detector."""
    doc = build_document(doc_text)
    kiwi = model.get_kiwi()
    fresh = TypoDetector(
        kiwi,
        params or Params(keystroke=options.keystroke_slips),
        pairs=el302_likely_typo._known_pairs(),
    )
    el302_likely_typo.detector.cache_clear()
    original = el302_likely_typo.detector
    el302_likely_typo.detector = lambda keystroke_slips=True: fresh  # type: ignore[assignment]
    try:
        started = time.perf_counter()
        cpu = time.process_time()
        hits = list(el302_likely_typo.check(doc, options, context()))
        seconds = time.perf_counter() - started
        CPU_SECONDS.append(time.process_time() - cpu)
    finally:
        el302_likely_typo.detector = original
    return hits, seconds


def merged(first: list[Hit], second: list[Hit]) -> list[Hit]:
    """EL301 hits plus the EL302 hits on words EL301 did not already flag."""
    out = list(first)
    for hit in second:
        if not any(
            h.line == hit.line and h.col < (hit.end_col or 0) and hit.col < (h.end_col or 0)
            for h in first
        ):
            out.append(hit)
    return out


def row(name: str, tally: Tally) -> str:
    return (
        f"| {name} | {tally.typos} | {tally.tp} | {tally.fp} | {tally.precision:.3f} | "
        f"{tally.recall:.3f} | {tally.f1:.3f} | {tally.fp_per_1000:.2f} | "
        f"{tally.right_suggestion}/{tally.tp} |"
    )


HEADER = (
    "| set | typos | TP | FP | precision | recall | F1 | false flags / 1,000 clean words "
    "| right suggestion |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|"
)


def report(which: str, seed: int, verbose: bool) -> None:
    started = time.perf_counter()
    model.get_kiwi()
    load_seconds = time.perf_counter() - started
    options = el302_likely_typo.Options(defer_to_known_typo=False)
    print(f"split={which} seed={seed} kiwipiepy={model.kiwipiepy_version()}")
    print(f"machine: {platform.machine()} {platform.processor() or ''} cpus={os.cpu_count()}")
    print(f"model load: {load_seconds:.2f} s\n")
    print(HEADER)
    total_words = 0
    total_seconds = 0.0
    for slips in (False, True):
        cases = make_cases(which, seed, slips)
        text, where = document(cases)
        hits301 = run_el301(text)
        hits302, seconds = run_el302(text, options)
        total_words += words(text)
        total_seconds += seconds
        name = "keystroke slips" if slips else "single-edit + known"
        label = "miss" if verbose else ""
        both = score(cases, where, merged(hits301, hits302), label)
        for corpus in corpora(which):
            subset = [i for i, c in enumerate(cases) if c.corpus == corpus]
            sub_cases = [cases[i] for i in subset]
            remap = {line: subset.index(i) for line, i in where.items() if i in subset}
            sub_hits = [h for h in merged(hits301, hits302) if h.line in remap]
            print(row(f"{name}, {corpus}, EL301+EL302", score(sub_cases, remap, sub_hits)))
        print(row(f"**{name}, all, EL301+EL302**", both))
        print(row(f"{name}, all, EL301 alone", score(cases, where, hits301)))
        print(row(f"{name}, all, EL302 alone", score(cases, where, hits302)))
        if verbose:
            score(cases, where, merged(hits301, hits302), "show")
    per_1000 = 1000 * total_seconds / total_words
    print(
        f"\nEL302 speed, benchmark documents (half the sentences with a typo): "
        f"{total_seconds:.2f} s for {total_words:,} words = {per_1000:.3f} s / 1,000 words"
        f" (CPU {1000 * sum(CPU_SECONDS[-2:]) / total_words:.3f})"
    )
    clean_cases = [c for c in make_cases(which, seed, False) if c.typo is None]
    clean_text, _ = document(clean_cases)
    _, seconds = run_el302(clean_text, options)
    print(
        f"EL302 speed, clean sentences only: {seconds:.2f} s for {words(clean_text):,} words"
        f" = {1000 * seconds / words(clean_text):.3f} s / 1,000 words"
        f" (CPU {1000 * CPU_SECONDS[-1] / words(clean_text):.3f})"
    )
    example = HERE.parents[1] / "examples" / "kakao-application.md"
    if example.exists():
        text = example.read_text(encoding="utf-8")
        _, seconds = run_el302(text, options)
        print(
            f"EL302 speed, examples/kakao-application.md: {seconds:.2f} s for "
            f"{words(text):,} words = {1000 * seconds / words(text):.3f} s / 1,000 words"
            f" (CPU {1000 * CPU_SECONDS[-1] / words(text):.3f})"
        )
    for wrong, right, sentence in EXAMPLES:
        hits, _ = run_el302(f"## 문항\n\n{sentence}\n", options)
        got = [(h.message, h.suggestion) for h in hits]
        ok = any(h.suggestion == right for h in hits)
        print(f"example {wrong} -> {right}: {'found' if ok else 'MISSED'} {got}")


EXAMPLES = (
    (
        "아떠한",
        "어떠한",
        "입사 후에는 아떠한 상황에서도 사용자가 장애를 느끼지 않는 서버를 만들겠습니다.",
    ),
    (
        "글면",
        "들면",
        "예를 글면 식당 혼잡도 서비스에서는 메뉴 조회 API의 응답 시간이 늘어났습니다.",
    ),
    (
        "츨퇴근",
        "출퇴근",
        "교직원의 츨퇴근 시간과 등교 시간이 겹치는 아침 8시대의 요청을 버텨야 했습니다.",
    ),
)


def tune(seed: int) -> None:
    """Score every suspicious word once, then sweep the thresholds (known / unknown words)."""
    model.get_kiwi()
    rows = []
    counts = {}
    clean = 0
    for slips in (False, True):
        cases = make_cases("tune", seed, slips)
        counts[slips] = sum(1 for c in cases if c.typo)
        if not slips:
            clean = sum(words(c.text) for c in cases if c.typo is None)
        text, where = document(cases)
        doc = build_document(text)
        vocabulary = el302_likely_typo.Vocabulary(el302_likely_typo.shipped_words())
        units, origins, _ = el302_likely_typo._units(doc, vocabulary, False)
        detector = TypoDetector(model.get_kiwi(), Params(), pairs=el302_likely_typo._known_pairs())
        for scored in detector.score(units):
            block, first = origins[scored.unit]
            place = el302_likely_typo.place(block, first + scored.start, first + scored.end)
            if place is None or scored.best is None or place.line not in where:
                continue
            case = cases[where[place.line]]
            is_typo = (
                case.typo is not None
                and place.col < case.typo.end + 1
                and case.typo.start + 1 < place.end_col
            )
            rows.append((slips, is_typo, scored, case))
    print(f"typos: {counts}, clean words: {clean}")
    for unknown in (False, True):
        subset = [r for r in rows if r[2].unknown == unknown]
        print(
            f"\n{'unknown' if unknown else 'known'} words: threshold | TP | FP | FP clean | TP slips"
        )
        for threshold in (4, 5, 6, 7, 8, 9, 10, 11, 12, 14):
            tp = sum(1 for s, t, sc, c in subset if not s and t and sc.gain >= threshold)
            fp = sum(1 for s, t, sc, c in subset if not s and not t and sc.gain >= threshold)
            fpc = sum(
                1
                for s, t, sc, c in subset
                if not s and not t and c.typo is None and sc.gain >= threshold
            )
            tps = sum(1 for s, t, sc, c in subset if s and t and sc.gain >= threshold)
            print(f"  {threshold} | {tp} | {fp} | {fpc} | {tps}")
    by_kind: dict[str, list[tuple[bool, float]]] = {}
    for _, t, sc, _ in rows:
        by_kind.setdefault(sc.best.kind, []).append((t, sc.gain))
    for kind, values in sorted(by_kind.items()):
        fps = sorted(round(g, 1) for t, g in values if not t)[-6:]
        tps = sorted(round(g, 1) for t, g in values if t)[:6]
        print(
            f"{kind}: n={len(values)} typo={sum(t for t, g in values)} "
            f"top false {fps} lowest true {tps}"
        )
    shown = sorted((r for r in rows if not r[1] and r[2].gain >= 4), key=lambda r: -r[2].gain)
    seen = set()
    for _, _, sc, _ in shown:
        if (sc.word, sc.best.text) not in seen:
            seen.add((sc.word, sc.best.text))
            flag = "?" if sc.unknown else " "
            print(f"  false {sc.gain:5.1f} {flag} {sc.best.kind:9} {sc.word} -> {sc.best.text}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", nargs="?", default="report", choices=("report", "tune"))
    parser.add_argument("--split", default="test", choices=("tune", "test", "foreign"))
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    if args.command == "tune":
        tune(args.seed if args.seed is not None else 1)
    else:
        seed = args.seed if args.seed is not None else (1 if args.split == "tune" else 2)
        report(args.split, seed, args.verbose)


if __name__ == "__main__":
    main()

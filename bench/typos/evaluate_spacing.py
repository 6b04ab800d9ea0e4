"""Benchmark EL303 spacing on injected spacing errors and on judged real files. Not a test.

    .venv/bin/python bench/typos/evaluate_spacing.py             # held-out half (seed 2)
    .venv/bin/python bench/typos/evaluate_spacing.py --split tune --seed 1
    .venv/bin/python bench/typos/evaluate_spacing.py -v          # list misses and false flags
    .venv/bin/python bench/typos/evaluate_spacing.py real [DIR]  # judged real files

Injected: every sentence of a split (`data/essay.txt`, `data/constitution.txt`,
`data/spacing.txt`; even lines
tune, odd lines held out) gives one clean copy, and one copy with one space removed where
`inject_spacing.py` finds a place (a bound noun, a counter after a numeral word, a verb after
안/못). One Markdown document, checked by `el303_spacing.check` with default options. Per
word: a finding overlapping the glued word is a true positive, any other finding a false
positive; false flags per 1,000 clean words count the clean copies only.

Real: `essaylint check` with default settings on the real files (default /tmp/realdocs-dev,
other people's text, never in the repository), each EL303 finding looked up in
`data/real/spacing-flags.jsonl` (file, line, word, correction, verdict `real` or `false`,
judged by hand). Precision = real / judged; false flags per 1,000 words of answer text
(whitespace-separated, reference sections left out).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

from evaluate import CORPORA, context, document, load, split, words  # noqa: E402
from inject_spacing import KINDS, SpacingError, inject  # noqa: E402

from essaylint.korean import model  # noqa: E402
from essaylint.linting.plugin import Hit  # noqa: E402
from essaylint.plugins import el303_spacing  # noqa: E402
from essaylint.reading.document import build_document  # noqa: E402

JUDGED = HERE / "data" / "real" / "spacing-flags.jsonl"
# `spacing.txt`: sentences written for this benchmark with the counters and 안/못 that essay
# and statute prose rarely have, and look-alikes written solid (한번, 이때, 못하다).
SETS = (*CORPORA, "spacing")


@dataclass(frozen=True)
class Case:
    corpus: str
    text: str
    error: SpacingError | None  # None: a clean sentence


def make_cases(which: str, seed: int) -> list[Case]:
    rng = random.Random(seed)
    kiwi = model.get_kiwi()
    cases: list[Case] = []
    for corpus in SETS:
        for sentence in split(load(corpus), which):
            error = inject(kiwi, sentence, rng)
            if error is not None:
                cases.append(Case(corpus, error.text, error))
            cases.append(Case(corpus, sentence, None))
    return cases


@dataclass
class Tally:
    errors: int = 0
    tp: int = 0
    fp: int = 0
    fp_clean: int = 0
    clean_words: int = 0
    right: int = 0
    fixed: int = 0  # true positives with a safe fix
    wrong_fixes: int = 0  # false positives with a safe fix
    listing: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / self.errors if self.errors else 0.0

    @property
    def per_1000(self) -> float:
        return 1000 * self.fp_clean / self.clean_words if self.clean_words else 0.0


# Spacing errors of the source texts by today's rules, checked by hand: a flag there is right,
# so it counts as neither a true nor a false flag (it is listed). The Constitution (1987, before
# the 1988 spelling rules) writes the bound noun 중 attached to nouns throughout (회기중,
# 재직중, 재판관중에서: 제42항, 의존 명사는 띄어 쓴다), and no clean sentence of the essays
# does. Added when 중 joined the rule's nouns: the held-out half showed them, so for 중 that
# half is no longer unseen.
_FLAGGED = re.compile(r"^'([^']+)' → '([^']+)'")


def _source_error(hit: Hit) -> bool:
    match = _FLAGGED.match(hit.message)
    if match is None:
        return False
    word, suggestion = match.groups()
    at = word.find("중")
    return at > 0 and suggestion == f"{word[:at]} {word[at:]}"


def score(cases: list[Case], where: dict[int, int], hits: list[Hit], kind: str = "") -> Tally:
    """Per-word scoring; `kind` restricts the errors (and their sentences) to one kind."""
    tally = Tally()
    found: dict[int, list[Hit]] = {}
    for hit in hits:
        if _source_error(hit):
            tally.listing.append(f"source error found: {hit.message}")
            continue
        if hit.line in where:
            found.setdefault(where[hit.line], []).append(hit)
    for index, case in enumerate(cases):
        mine = found.get(index, [])
        error = case.error
        if error is None:
            if kind:
                continue
            tally.clean_words += words(case.text)
            tally.fp += len(mine)
            tally.fp_clean += len(mine)
            tally.wrong_fixes += sum(1 for h in mine if h.fix is not None)
            tally.listing += [f"FP clean  {h.message}  | {case.text[:70]}" for h in mine]
            continue
        if kind and error.kind != kind:
            continue
        tally.errors += 1
        start, end = error.start + 1, error.end + 1  # columns of a plain paragraph line
        on = [h for h in mine if h.col < end and start < (h.end_col or h.col + 1)]
        others = [h for h in mine if h not in on]
        tally.fp += len(others)
        tally.wrong_fixes += sum(1 for h in others if h.fix is not None)
        tally.listing += [f"FP error  {h.message}  | {case.text[:70]}" for h in others]
        if on:
            tally.tp += 1
            tally.right += any(h.suggestion == error.right for h in on)
            tally.fixed += any(h.fix is not None for h in on)
        else:
            tally.listing.append(
                f"miss [{error.kind}] {error.wrong} -> {error.right}  ({error.detail})"
            )
    return tally


def run(doc_text: str) -> tuple[list[Hit], float]:
    doc = build_document(doc_text)
    started = time.perf_counter()
    hits = list(el303_spacing.check(doc, el303_spacing.Options(), context()))
    return hits, time.perf_counter() - started


HEADER = (
    "| set | errors | TP | FP | precision | recall | false flags / 1,000 clean words "
    "| right suggestion | safe fix (TP / FP) |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|"
)


def row(name: str, t: Tally) -> str:
    return (
        f"| {name} | {t.errors} | {t.tp} | {t.fp} | {t.precision:.3f} | {t.recall:.3f} | "
        f"{t.per_1000:.2f} | {t.right}/{t.tp} | {t.fixed} / {t.wrong_fixes} |"
    )


def report(which: str, seed: int, verbose: bool) -> None:
    started = time.perf_counter()
    model.get_kiwi()
    print(f"split={which} seed={seed} kiwipiepy={model.kiwipiepy_version()}")
    print(f"model load: {time.perf_counter() - started:.2f} s\n")
    cases = make_cases(which, seed)
    text, where = document(cases)
    hits, seconds = run(text)
    print(HEADER)
    for corpus in SETS:
        subset = [i for i, c in enumerate(cases) if c.corpus == corpus]
        remap = {line: subset.index(i) for line, i in where.items() if i in subset}
        print(row(f"{corpus}, all kinds", score([cases[i] for i in subset], remap, hits)))
    for kind in KINDS:
        print(row(f"all, {kind}", score(cases, where, hits, kind)))
    total = score(cases, where, hits)
    print(row("**all**", total))
    print(
        f"\nEL303 speed: {seconds:.2f} s for {words(text):,} words = "
        f"{1000 * seconds / words(text):.3f} s / 1,000 words (model loaded)"
    )
    print(f"injected kinds: {dict(Counter(c.error.kind for c in cases if c.error))}")
    if verbose:
        for line in total.listing:
            print(" ", line)


def answer_words(path: Path) -> int:
    doc = build_document(path.read_text(encoding="utf-8"))
    return sum(len(s.text.split()) for s in doc.walk() if s.kind != "reference")


def real(folder: Path) -> None:
    """EL303 on real files with default settings, scored against the judged flags."""
    files = sorted(folder.glob("*.md"))
    command = [str(ROOT / ".venv" / "bin" / "essaylint"), "check", "--no-cache", "-q"]
    out = subprocess.run(
        [*command, "--format", "json", *map(str, files)], capture_output=True, text=True
    )
    findings = [
        (Path(f["path"]).name, x)
        for f in json.loads(out.stdout)["files"]
        for x in f["findings"]
        if x["code"] == "EL303"
    ]
    judged = {}
    if JUDGED.exists():
        for line in JUDGED.read_text(encoding="utf-8").splitlines():
            entry = json.loads(line)
            judged[(entry["file"], entry["line"], entry["word"])] = entry["verdict"]
    verdicts: Counter[str] = Counter()
    for name, x in findings:
        word = x["message"].split("'")[1]
        verdict = judged.get((name, x["line"], word), "unjudged")
        verdicts[verdict] += 1
        if verdict != "real":
            print(f"  {verdict}: {name}:{x['line']}:{x['column']} {x['message']}")
    total_words = sum(answer_words(path) for path in files)
    seen = {(name, x["line"], x["column"]) for name, x in findings}
    shown = sum(verdicts.values())
    precision = verdicts["real"] / shown if shown else 1.0
    print(f"files: {len(files)}, answer words: {total_words:,}")
    print(f"EL303 findings: {shown} ({len(seen)} distinct places), verdicts {dict(verdicts)}")
    print(
        f"precision {precision:.3f}; false flags {verdicts['false']} = "
        f"{1000 * verdicts['false'] / total_words:.2f} per 1,000 real words"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", nargs="?", default="report", choices=("report", "real"))
    parser.add_argument("folder", nargs="?", default="/tmp/realdocs-dev")
    parser.add_argument("--split", default="test", choices=("tune", "test"))
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    if args.command == "real":
        real(Path(args.folder))
        return
    seed = args.seed if args.seed is not None else (2 if args.split == "test" else 1)
    report(args.split, seed, args.verbose)


if __name__ == "__main__":
    main()

"""Benchmark grammar-form (EL304) on injected confusions and on real files. Not a test.

    .venv/bin/python bench/typos/grammar.py                 # held-out half (odd lines, seed 2)
    .venv/bin/python bench/typos/grammar.py --split tune    # tuning half (even lines, seed 1)
    .venv/bin/python bench/typos/grammar.py -v              # ... and list every miss and false flag
    .venv/bin/python bench/typos/grammar.py --real /tmp/realdocs-dev   # flags on real files

Sentences: the three corpora in `data/` (`essay.txt`, `constitution.txt`, and `grammar.txt`,
sentences written for this benchmark around the forms EL304 judges). Each sentence that offers a
place gives one copy with one confusion (`inject_grammar.py`) and one clean copy; scoring is per
word, as in `evaluate.py`: a finding on the injected word is a true positive, any other finding
a false positive; false flags per 1,000 clean words count the clean copies only.

`--real DIR` runs EL304 (deferring to known-typo, as a user gets it) on every `*.md` in DIR and
prints each finding with its verdict from `data/real/grammar-flags.jsonl` (hand-judged: file,
line, word, correction, kind, verdict real|false); findings not judged yet are marked `?`.
Precision on real text = real / (real + false).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parents[1]))

from evaluate import (  # noqa: E402
    HEADER,
    Case,
    Tally,
    context,
    document,
    load,
    merged,
    row,
    run_el301,
    score,
    split,
)
from inject_grammar import GRAMMAR_KINDS, inject_grammar  # noqa: E402

from essaylint.document import build_document  # noqa: E402
from essaylint.korean import model  # noqa: E402
from essaylint.plugin import Hit  # noqa: E402
from essaylint.plugins import el304_grammar_form  # noqa: E402

CORPORA = ("essay", "constitution", "grammar")
JUDGED = HERE / "data" / "real" / "grammar-flags.jsonl"


def make_cases(which: str, seed: int) -> list[Case]:
    rng = random.Random(seed)
    cases: list[Case] = []
    for corpus in CORPORA:
        for sentence in split(load(corpus), which):
            typo = inject_grammar(sentence, rng)
            if typo is None:
                continue
            cases.append(Case(corpus, typo.text, typo))
            cases.append(Case(corpus, sentence, None))
    return cases


def run_el304(doc_text: str, defer: bool) -> list[Hit]:
    options = el304_grammar_form.Options(defer_to_known_typo=defer)
    return list(el304_grammar_form.check(build_document(doc_text), options, context()))


def _subset(cases: list[Case], where: dict[int, int], hits: list[Hit], keep: set[int]) -> Tally:
    indices = sorted(keep)
    sub_cases = [cases[i] for i in indices]
    position = {i: n for n, i in enumerate(indices)}
    remap = {line: position[i] for line, i in where.items() if i in position}
    return score(sub_cases, remap, [h for h in hits if h.line in remap])


def report(which: str, seed: int, verbose: bool) -> None:
    cases = make_cases(which, seed)
    text, where = document(cases)
    alone = run_el304(text, defer=False)
    hits301 = run_el301(text)
    both = merged(hits301, run_el304(text, defer=True))
    print(f"split={which} seed={seed} kiwipiepy={model.kiwipiepy_version()}\n")
    print(HEADER)
    for corpus in CORPORA:
        keep = {i for i, c in enumerate(cases) if c.corpus == corpus}
        print(row(f"{corpus}, EL304 alone", _subset(cases, where, alone, keep)))
    print(row("**all, EL304 alone**", score(cases, where, alone, "show" if verbose else "")))
    print(row("all, EL301 alone", score(cases, where, hits301)))
    print(row("**all, EL301+EL304 (EL304 deferring)**", score(cases, where, both)))
    print("\nrecall by kind (EL304 alone | EL301+EL304):")
    for kind in GRAMMAR_KINDS:
        keep = {i for i, c in enumerate(cases) if c.typo is None or c.typo.kind == kind}
        first = _subset(cases, where, alone, keep)
        second = _subset(cases, where, both, keep)
        print(f"  {kind}: {first.tp}/{first.typos} | {second.tp}/{second.typos}")
    print("\nevery sentence of every corpus, unchanged (all flags are false):")
    for corpus in CORPORA:
        clean = [Case(corpus, sentence, None) for sentence in load(corpus)]
        clean_text, _ = document(clean)
        flags = run_el304(clean_text, defer=False)
        count = sum(len(c.text.split()) for c in clean)
        print(f"  {corpus}: {len(flags)} flags in {count:,} words")
        for hit in flags if verbose else ():
            print(f"    {hit.line}: {hit.message}")
    if verbose:
        found = {where[h.line] for h in alone if h.line in where}
        for index, case in enumerate(cases):
            if case.typo is not None and index not in found:
                print(f"  miss [{case.typo.kind}] {case.typo.wrong} -> {case.typo.right}")


def judged() -> dict[tuple[str, int, str], str]:
    verdicts: dict[tuple[str, int, str], str] = {}
    if JUDGED.exists():
        for line in JUDGED.read_text(encoding="utf-8").splitlines():
            if line.strip():
                item = json.loads(line)
                verdicts[(item["file"], item["line"], item["word"])] = item["verdict"]
    return verdicts


def real(folder: Path) -> None:
    from essaylint.source import decode

    verdicts = judged()
    counts: Counter[str] = Counter()
    words = 0
    for path in sorted(folder.glob("*.md")):
        source = decode(path.read_bytes())
        words += len(source.text.split())
        for hit in run_el304(source.text, defer=True):
            word = hit.message.split("'")[1]
            verdict = verdicts.get((path.name, hit.line, word), "?")
            counts[verdict] += 1
            print(f"{verdict:5} {path.name}:{hit.line}:{hit.col} {hit.message}")
    sure = counts["real"] + counts["false"]
    precision = counts["real"] / sure if sure else 1.0
    print(
        f"\n{sum(counts.values())} findings in {words:,} words: {counts['real']} real, "
        f"{counts['false']} false, {counts['?']} not judged; precision {precision:.3f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="test", choices=("tune", "test"))
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--real", type=Path, default=None)
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    if args.real is not None:
        real(args.real)
        return
    seed = args.seed if args.seed is not None else (2 if args.split == "test" else 1)
    report(args.split, seed, args.verbose)


if __name__ == "__main__":
    main()

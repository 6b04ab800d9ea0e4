"""Measure the Korean proofreading rules on real essays, against hand judgments. Not a test.

    .venv/bin/python bench/typos/realtext.py                   # the table
    .venv/bin/python bench/typos/realtext.py -v                # ... and every flag, missed error
    .venv/bin/python bench/typos/realtext.py --unjudged new.jsonl  # write unjudged flags to judge

The real files are other people's text and are never committed: restore them with
`python3 ../shared/realdocs-dev/restore.py` (to /tmp/realdocs-dev, or pass `--docs DIR`).

Two kinds of hand judgment are kept as data in `data/real/`, one JSON object a line:

- `*flags.jsonl` (`flags.jsonl`, and the files other rules' authors add): every flag a rule
  raised, judged once: `{file, line, word, correction, rule, verdict: "real"|"false"}` (a file
  may give `kind` instead of `rule`: grammar is EL304, loanword EL305, spacing EL303); an
  optional `suggestion` says whether a real flag's suggestion is the word meant
  (`"right"`, `"wrong"`: not a word or not the word meant, `"none"`: no suggestion given).
  A flag matches its judgment by file, line, rule and the flagged text.
- `proofread.jsonl`: the prose of the files proofread by hand before any tuning, every clear
  error: `{file, line, word, correction, kind}`, kind one of misspelling, grammar, loanword,
  spacing (the listed kinds: dependent nouns glued on, counters after numeral words, 안/못
  before a verb). An error is caught when a flag of any rule overlaps it.

Rules run as a user runs them (`select` of the codes present): EL301 known-typo, EL302
likely-typo, EL303 spacing, and EL304 grammar-form and EL305 loanword when installed.
Words are the whitespace-separated words of the text the model rules read (headings, answers
and the text before the first question; no code, no `reference` sections).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from essaylint import lint_file  # noqa: E402
from essaylint.korean.scan import blocks, span_words  # noqa: E402
from essaylint.linting.registry import load_rules  # noqa: E402
from essaylint.reading.document import build_document  # noqa: E402
from essaylint.reading.source import read_source  # noqa: E402
from essaylint.running.config import Settings  # noqa: E402

RULES = ("EL301", "EL302", "EL303", "EL304", "EL305")
KINDS = ("misspelling", "grammar", "loanword", "spacing")
ONCE_PER_FILE = frozenset({"EL305"})
"""Rules that report a form once per file, for every place it occurs (EL305 loanword)."""
KIND_RULES = {"grammar": "EL304", "loanword": "EL305", "spacing": "EL303"}
"""The rule a judgment is for when its file names only the kind (grammar-flags.jsonl …)."""
DATA = HERE / "data" / "real"
DEFAULT_DOCS = Path("/tmp/realdocs-dev")


@dataclass(frozen=True)
class Flag:
    file: str
    line: int
    col: int  # 1-based, code points, original line
    end_col: int
    word: str  # the original line's text from col to end_col
    correction: str
    rule: str
    message: str


def read_jsonl(path: Path) -> list[dict[str, object]]:
    rows = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if raw.strip():
            try:
                rows.append(json.loads(raw))
            except json.JSONDecodeError as error:
                raise SystemExit(f"{path}:{number}: {error}") from None
    return rows


def judgments() -> dict[tuple[str, int, str, str], dict[str, object]]:
    """Every flag judgment of every `*flags.jsonl`, keyed by file, line, rule and word."""
    found: dict[tuple[str, int, str, str], dict[str, object]] = {}
    for path in sorted(DATA.glob("*flags.jsonl")):
        for row in read_jsonl(path):
            rule = str(row.get("rule") or KIND_RULES.get(str(row.get("kind")), "?"))
            key = (str(row["file"]), int(str(row["line"])), rule, str(row["word"]))
            found[key] = row
    return found


def run(paths: list[Path], codes: tuple[str, ...]) -> tuple[list[Flag], float]:
    settings = Settings(select=codes)
    flags: list[Flag] = []
    started = time.perf_counter()
    for path in paths:
        lines = read_source(path).text.splitlines()
        result = lint_file(path, settings)
        for finding in result.findings:
            if finding.code not in codes:
                continue
            text = lines[finding.line - 1]
            end = finding.end_col if finding.end_line == finding.line else len(text) + 1
            flags.append(
                Flag(
                    path.name,
                    finding.line,
                    finding.col,
                    end,
                    text[finding.col - 1 : end - 1],
                    finding.suggestion or "",
                    finding.code,
                    finding.message,
                )
            )
    return flags, time.perf_counter() - started


def prose_words(path: Path) -> int:
    """Whitespace-separated words of the text the model rules read (code spans left out)."""
    doc = build_document(read_source(path).text)
    return sum(len(span.text.split()) for block in blocks(doc) for span, _ in span_words(block))


def occurrences(text: str, word: str) -> list[tuple[int, int]]:
    """1-based `[col, end_col)` of each occurrence of `word` in `text`."""
    found, start = [], text.find(word)
    while start >= 0:
        found.append((start + 1, start + 1 + len(word)))
        start = text.find(word, start + 1)
    return found


def error_places(docs: Path, errors: list[dict[str, object]]) -> list[tuple[int, int]]:
    """Where each proofread error is: the n-th error with the same file, line and word is the
    n-th occurrence of the word on that line."""
    seen: Counter[tuple[str, int, str]] = Counter()
    cache: dict[str, list[str]] = {}
    places = []
    for error in errors:
        file, line, word = str(error["file"]), int(str(error["line"])), str(error["word"])
        if file not in cache:
            cache[file] = read_source(docs / file).text.splitlines()
        spots = occurrences(cache[file][line - 1], word)
        index = seen[(file, line, word)]
        seen[(file, line, word)] += 1
        if index >= len(spots):
            raise SystemExit(f"proofread: {file}:{line}: {word!r} not on that line")
        places.append(spots[index])
    return places


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=Path, default=DEFAULT_DOCS)
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument("--unjudged", type=Path, help="write unjudged flags here, to judge")
    args = parser.parse_args()
    paths = sorted(args.docs.glob("*.md"))
    if not paths:
        raise SystemExit(f"no .md files in {args.docs} (see ../shared/realdocs-dev/README.md)")
    installed = load_rules()
    codes = tuple(code for code in RULES if code in installed)
    flags, seconds = run(paths, codes)
    words = sum(prose_words(path) for path in paths)
    judged = judgments()

    print(f"{len(paths)} files, {words:,} words of prose; rules: {', '.join(codes)}")
    print(f"lint time (all rules, model load included): {seconds:.1f} s\n")
    print("| rule | flags | real | false | unjudged | precision | false flags / 1,000 words |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    unjudged: list[Flag] = []
    verdicts: dict[Flag, str] = {}
    for flag in flags:
        row = judged.get((flag.file, flag.line, flag.rule, flag.word))
        if row is None:
            unjudged.append(flag)
        else:
            verdicts[flag] = str(row["verdict"])
    for code in codes:
        mine = [f for f in flags if f.rule == code]
        real = sum(1 for f in mine if verdicts.get(f) == "real")
        false = sum(1 for f in mine if verdicts.get(f) == "false")
        open_ = sum(1 for f in mine if f not in verdicts)
        precision = f"{real / (real + false):.2f}" if real + false else "-"
        print(
            f"| {code} | {len(mine)} | {real} | {false} | {open_} | {precision} | "
            f"{1000 * false / words:.2f} |"
        )
    suggestions = Counter(
        str(judged[(f.file, f.line, f.rule, f.word)].get("suggestion", "?"))
        for f in flags
        if f.rule == "EL302" and verdicts.get(f) == "real"
    )
    if suggestions:
        print(f"\nEL302 suggestions on real flags: {dict(sorted(suggestions.items()))}")

    errors = read_jsonl(DATA / "proofread.jsonl")
    places = error_places(args.docs, errors)
    print("\n| kind | errors | caught | recall | caught by |")
    print("|---|---:|---:|---:|---|")
    missed: list[str] = []
    for kind in KINDS:
        total = caught = 0
        by: Counter[str] = Counter()
        for error, (col, end) in zip(errors, places, strict=True):
            if error["kind"] != kind:
                continue
            total += 1
            hits = {
                f.rule
                for f in flags
                if f.file == error["file"]
                and (
                    (f.line == error["line"] and f.col < end and col < f.end_col)
                    or (f.rule in ONCE_PER_FILE and f.word and f.word in str(error["word"]))
                )
            }
            if hits:
                caught += 1
                by.update(hits)
            else:
                missed.append(
                    f"  miss [{kind}] {error['file']}:{error['line']} "
                    f"{error['word']} -> {error['correction']}"
                )
        recall = f"{caught / total:.2f}" if total else "-"
        names = ", ".join(f"{rule} {n}" for rule, n in sorted(by.items()))
        print(f"| {kind} | {total} | {caught} | {recall} | {names} |")

    if verdicts and args.verbose:
        print("\njudged flags:")
        for flag, verdict in verdicts.items():
            print(f"  {verdict:5} {flag.rule} {flag.file}:{flag.line} {flag.message}")
    if args.verbose:
        print("\nmissed errors:")
        print("\n".join(missed))
    if unjudged:
        print(f"\n{len(unjudged)} unjudged flags:")
        for flag in unjudged:
            print(f"  {flag.rule} {flag.file}:{flag.line}:{flag.col} {flag.message}")
    if args.unjudged:
        rows = [
            {
                "file": f.file,
                "line": f.line,
                "word": f.word,
                "correction": f.correction,
                "rule": f.rule,
                "verdict": "?",
            }
            for f in unjudged
        ]
        args.unjudged.write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8"
        )


if __name__ == "__main__":
    main()

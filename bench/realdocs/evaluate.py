"""Question detection measured on real public files: precision, recall, answered state, limits.

Not part of CI: the files are other people's text and stay outside the repository. Restore them
first (`python3 ../shared/realdocs-dev/restore.py`, see README.md), then run this from the project
root. Matching follows the development set's README: a found question matches an annotated one
when it starts within one line of it.

usage: evaluate.py [--docs DIR] [--truth FILE] [--essaylint PATH] [-v] [--disagreements FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_TRUTH = HERE.parents[1].parent / "shared" / "realdocs-dev" / "truth.jsonl"
UNANSWERED_STATES = ("empty", "stub", "placeholder")


@dataclass
class Tally:
    """Counts for one file or for the whole set."""

    found: int = 0
    wanted: int = 0
    matched: int = 0
    state_ok: int = 0
    limits_ok: int = 0
    limits: int = 0
    missed: list[int] = field(default_factory=list)
    extra: list[int] = field(default_factory=list)
    wrong_state: list[tuple[int, str]] = field(default_factory=list)
    wrong_limit: list[tuple[int, object, object]] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        for name in ("found", "wanted", "matched", "state_ok", "limits_ok", "limits"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def precision(self) -> float:
        return self.matched / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.wanted if self.wanted else 1.0

    @property
    def answered(self) -> float:
        return self.state_ok / self.matched if self.matched else 1.0


def load_disagreements(path: Path | None) -> dict[str, set[int]]:
    """Annotated lines we believe are wrong, by file: `file:line` at the start of a table row."""
    skipped: dict[str, set[int]] = {}
    if path is None or not path.exists():
        return skipped
    for raw in path.read_text(encoding="utf-8").splitlines():
        cells = [c.strip().strip("`") for c in raw.strip().strip("|").split("|")]
        if len(cells) < 2 or ":" not in cells[0]:
            continue
        name, _, line = cells[0].rpartition(":")
        if line.isdigit() and name.endswith(".md"):
            skipped.setdefault(name, set()).add(int(line))
    return skipped


def score_file(truth: dict, entry: dict, skip: set[int]) -> Tally:
    """Compare one file's JSON sections with its annotation; `skip` lines count for neither side."""
    got = {
        s["line"]: s
        for s in entry.get("sections", [])
        if s.get("kind") == "question" and s["line"] not in skip
    }
    want = {q["line"]: q for q in truth["questions"] if q["line"] not in skip}
    match: dict[int, int] = {}
    for wanted_line in want:
        for line in (wanted_line, wanted_line - 1, wanted_line + 1):
            if line in got and line not in match.values():
                match[wanted_line] = line
                break
    tally = Tally(found=len(got), wanted=len(want), matched=len(match))
    tally.missed = sorted(set(want) - set(match))
    tally.extra = sorted(set(got) - set(match.values()))
    for wanted_line, line in match.items():
        state = got[line].get("state", "")
        ok = state != "empty" if want[wanted_line]["answered"] else state in UNANSWERED_STATES
        tally.state_ok += ok
        if not ok:
            tally.wrong_state.append((wanted_line, state))
    for q in want.values():
        if q.get("limit"):
            tally.limits += 1
            line = match.get(q["line"])
            read = got[line].get("limit") if line is not None else None
            tally.limits_ok += read == q["limit"]
            if read != q["limit"]:
                tally.wrong_limit.append((q["line"], q["limit"], read))
    return tally


def run_essaylint(essaylint: str, paths: list[str]) -> dict[str, dict]:
    """One process for every file; the language model plays no part in finding questions."""
    command = [essaylint, "check", "--format", "json", "--no-cache", "--ignore", "model", *paths]
    env = dict(os.environ, NO_COLOR="1")
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    try:
        files = json.loads(done.stdout)["files"]
    except (ValueError, KeyError):
        sys.exit(
            f"no JSON from essaylint (exit {done.returncode}): {(done.stderr or done.stdout)[:300]}"
        )
    return {os.path.basename(f["path"]): f for f in files}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", default=os.environ.get("REALDOCS_DEV", "/tmp/realdocs-dev"))
    parser.add_argument("--truth", type=Path, default=DEFAULT_TRUTH)
    parser.add_argument("--essaylint", default=str(Path(".venv/bin/essaylint")))
    parser.add_argument("--disagreements", type=Path, default=HERE / "DISAGREEMENTS.md")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss by line")
    args = parser.parse_args()

    truths = [
        json.loads(line)
        for line in args.truth.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    paths = [os.path.join(args.docs, t["file"]) for t in truths]
    missing = [p for p in paths if not os.path.exists(p)]
    if missing:
        sys.exit(f"{missing[0]} is missing: restore the development set first (README.md)")
    entries = run_essaylint(args.essaylint, paths)
    disagreements = load_disagreements(args.disagreements)

    for label, skips in (
        ("annotation as given", {}),
        ("without DISAGREEMENTS.md lines", disagreements),
    ):
        if label != "annotation as given" and not disagreements:
            continue
        total = Tally()
        rows = []
        for t in truths:
            tally = score_file(t, entries.get(t["file"], {}), skips.get(t["file"], set()))
            total.add(tally)
            rows.append((t, tally))
        print(f"## {label}\n")
        print("| file | kind | questions | found | precision | recall | answered state | limits |")
        print("|---|---|---:|---:|---:|---:|---:|---:|")
        for t, tally in rows:
            limits = f"{tally.limits_ok}/{tally.limits}" if tally.limits else "–"
            print(
                f"| {t['file']} | {t['kind']} | {tally.wanted} | {tally.found} | {tally.precision:.2f}"
                f" | {tally.recall:.2f} | {tally.answered:.2f} | {limits} |"
            )
        print(
            f"| **total** | | {total.wanted} | {total.found} | **{total.precision:.2f}** | **{total.recall:.2f}**"
            f" | **{total.answered:.2f}** | **{total.limits_ok}/{total.limits}"
            f" ({total.limits_ok / max(total.limits, 1):.2f})** |\n"
        )
        if args.verbose and label == "annotation as given":
            for t, tally in rows:
                if tally.missed or tally.extra or tally.wrong_state or tally.wrong_limit:
                    print(f"{t['file']}: missed {tally.missed} extra {tally.extra}")
                    if tally.wrong_state:
                        print(f"    state (line, got): {tally.wrong_state}")
                    if tally.wrong_limit:
                        print(f"    limit (line, want, got): {tally.wrong_limit}")


if __name__ == "__main__":
    main()

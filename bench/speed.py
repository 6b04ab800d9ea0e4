"""Speed and memory of essaylint next to its floors and peers, as whole processes.

Wall time is what a user waits for, so every number is one process from exec to exit (interpreter
start, imports, output to /dev/null included), timed with perf_counter around ``os.wait4``, which
also gives the child's own CPU time and peak RSS. Runs are interleaved round-robin over the
targets of an input so that load from other processes on a shared machine hits them alike.

    .venv/bin/python bench/speed.py                  # print the tables
    .venv/bin/python bench/speed.py --write          # ... and update bench/RESULTS.md
    .venv/bin/python bench/speed.py --runs 3 --only essaylint-nomodel,floor-parse --inputs one

See bench/README.md for the targets, the peers and the flags.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
RESULTS = BENCH / "RESULTS.md"
BEGIN, END = "<!-- bench:begin -->", "<!-- bench:end -->"
ONE_FILE_BYTES = 10_240  # "one ~10 KB file": the corpus file closest to this size
OK_EXIT = (0, 1)  # every tool here exits 1 when it finds something, which is the normal case
GNU_TIME = "/usr/bin/time" if os.path.exists("/usr/bin/time") else None

# Runs per target@input unless --runs / --target-runs say otherwise: these take minutes each.
DEFAULT_TARGET_RUNS = {
    "essaylint-model@corpus": 1,
    "pymarkdown@corpus": 1,
    "proselint@corpus": 3,
}

INPUTS = ("one", "corpus", "big")
INPUT_TITLES = {
    "one": "one ~10 KB file",
    "corpus": "1,000 files (~10 MB)",
    "big": "one 10 MB file",
}


@dataclass
class Target:
    """One command to time on one input.

    ``prime`` runs untimed right before every timed run: a cache entry's key includes the mtime
    of essaylint's own files, so an edit made by someone else between runs would turn a warm run
    cold if the cache were primed only once.
    """

    name: str
    input: str
    argv: list[str]
    cwd: Path
    runs: int
    label: str
    prime: list[str] | None = None
    walls: list[float] = field(default_factory=list)
    cpus: list[float] = field(default_factory=list)
    rss_kb: list[int] = field(default_factory=list)
    error: str | None = None

    @property
    def key(self) -> str:
        return f"{self.name}@{self.input}"

    @property
    def median(self) -> float:
        return statistics.median(self.walls)

    @property
    def cpu(self) -> float:
        return statistics.median(self.cpus)

    @property
    def peak_mb(self) -> float:
        return max(self.rss_kb) / 1024


@dataclass
class Tools:
    python: Path
    essaylint: Path
    pymarkdown: Path
    proselint: Path
    markdownlint_cli2: Path
    textlint: Path
    textlintrc: Path


# --- running ---------------------------------------------------------------------------------


def run_once(argv: Sequence[str], cwd: Path) -> tuple[float, float, int, int, str]:
    """(wall s, user+sys s, max RSS KiB, exit code, stderr tail) of one child process.

    Peak RSS comes from GNU time when it is installed: a child forked from this (bigger)
    Python process inherits its RSS high-water mark, which would floor every small reading.
    """
    with tempfile.TemporaryFile() as err, tempfile.NamedTemporaryFile("r") as rss_file:
        wrapper = [GNU_TIME, "-f", "%M", "-o", rss_file.name] if GNU_TIME else []
        start = time.perf_counter()
        proc = subprocess.Popen(
            [*wrapper, *argv],
            cwd=cwd,
            stdout=subprocess.DEVNULL,
            stderr=err,
            start_new_session=True,  # one process group, so an interrupt can end it all
        )
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        except BaseException:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            raise
        wall = time.perf_counter() - start
        proc.returncode = code = os.waitstatus_to_exitcode(status)
        rss = int(rss_file.read().split()[-1]) if GNU_TIME else usage.ru_maxrss
        tail = ""
        if code not in OK_EXIT:
            err.seek(0)
            tail = err.read().decode("utf-8", "replace")[-2000:]
    return wall, usage.ru_utime + usage.ru_stime, rss, code, tail


def measure(targets: list[Target], log: bool) -> None:
    """Round-robin: run 1 of every target, then run 2, ... (cheap ones simply stop earlier)."""
    for round_no in range(max((t.runs for t in targets), default=0)):
        for target in targets:
            if target.error is not None or round_no >= target.runs:
                continue
            if target.prime is not None:
                *_, code, tail = run_once(target.prime, target.cwd)
                if code not in OK_EXIT:
                    target.error = f"priming run exited {code}: {tail.strip()[-300:]}"
                    continue
            wall, cpu, rss, code, tail = run_once(target.argv, target.cwd)
            if code not in OK_EXIT:
                target.error = f"exited {code}: {tail.strip()[-300:]}"
                continue
            target.walls.append(wall)
            target.cpus.append(cpu)
            target.rss_kb.append(rss)
            if log:
                print(
                    f"  {target.key:<28} run {round_no + 1}/{target.runs}: {wall:7.3f} s "
                    f"(cpu {cpu:.3f} s, {rss / 1024:.0f} MB)",
                    file=sys.stderr,
                    flush=True,
                )


# --- discovery -------------------------------------------------------------------------------


def capture(argv: Sequence[str]) -> str:
    try:
        done = subprocess.run(argv, capture_output=True, text=True, timeout=60, check=False)
    except OSError:
        return ""
    return (done.stdout + done.stderr).strip()


def check_help(essaylint: Path) -> str:
    return capture([str(essaylint), "check", "--help"])


def has_option(help_text: str, *names: str) -> bool:
    return any(re.search(rf"(?<![\w-]){re.escape(n)}(?![\w-])", help_text) for n in names)


def ensure_corpus(corpus: Path, big: Path, generator: Path) -> None:
    """Generate the corpus with the shared, deterministic generator when it is missing."""
    if not any(corpus.glob("*.md")):
        subprocess.run([sys.executable, str(generator), "--out", str(corpus)], check=True)
    if not (big / "big.md").exists():
        subprocess.run([sys.executable, str(generator), "--out", str(big), "--big"], check=True)


def versions(tools: Tools) -> dict[str, str]:
    def first_line(text: str) -> str:
        return text.splitlines()[0] if text else "not found"

    def bare(name: str, text: str) -> str:
        """'Python 3.11.7' -> '3.11.7', 'essaylint, version 0.1.0' -> '0.1.0'."""
        return re.sub(rf"^{re.escape(name)},?\s+(version\s+)?", "", first_line(text), flags=re.I)

    def pkg(name: str) -> str:
        code = f"import importlib.metadata as m; print(m.version({name!r}))"
        return first_line(capture([str(tools.python), "-c", code]))

    prh = tools.textlint.parent.parent / "textlint-rule-prh" / "package.json"
    prh_version = json.loads(prh.read_text())["version"] if prh.exists() else "not found"
    return {
        "Python": bare("Python", capture([str(tools.python), "--version"])),
        "essaylint": bare("essaylint", capture([str(tools.essaylint), "--version"])),
        "markdown-it-py": pkg("markdown-it-py"),
        "kiwipiepy": pkg("kiwipiepy"),
        "pymarkdown": first_line(capture([str(tools.pymarkdown), "version"])),
        "proselint": bare("proselint", capture([str(tools.proselint), "version"])),
        "markdownlint-cli2": bare(
            "markdownlint-cli2", capture([str(tools.markdownlint_cli2), "--help"])
        ),
        "textlint": first_line(capture([str(tools.textlint), "--version"])),
        "textlint-rule-prh": prh_version,
        "node": first_line(capture(["node", "--version"])),
    }


def machine() -> dict[str, str]:
    cpu = "unknown"
    with open("/proc/cpuinfo", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    ram = "unknown"
    with open("/proc/meminfo", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("MemTotal:"):
                ram = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
                break
    return {
        "CPU": cpu,
        "cores": str(os.cpu_count()),
        "RAM": ram,
        "OS": f"{platform.system()} {platform.release()}",
    }


# --- targets ---------------------------------------------------------------------------------


@dataclass
class Inputs:
    files: dict[str, list[str]]  # input -> file names relative to cwd
    cwds: dict[str, Path]
    sizes: dict[str, int]


def pick_inputs(corpus: Path, big: Path) -> Inputs:
    names = sorted(p.name for p in corpus.glob("*.md"))
    one = min(names, key=lambda n: (abs((corpus / n).stat().st_size - ONE_FILE_BYTES), n))
    files = {"one": [one], "corpus": names, "big": ["big.md"]}
    cwds = {"one": corpus, "corpus": corpus, "big": big}
    sizes = {k: sum((cwds[k] / f).stat().st_size for f in v) for k, v in files.items()}
    return Inputs(files, cwds, sizes)


@dataclass(frozen=True)
class Features:
    """What this essaylint's `check --help` offers; the benchmark adapts instead of failing."""

    no_cache: list[str]  # ["--no-cache"] or []
    one_process: list[str]  # ["-j", "1"] or []: -j defaults to a process per core
    jobs: bool
    cache_dir: bool

    @classmethod
    def from_help(cls, help_text: str) -> Features:
        jobs = has_option(help_text, "-j", "--jobs")
        return cls(
            no_cache=["--no-cache"] if has_option(help_text, "--no-cache") else [],
            one_process=["-j", "1"] if jobs else [],
            jobs=jobs,
            cache_dir=has_option(help_text, "--cache-dir"),
        )


def build_targets(
    tools: Tools, inputs: Inputs, features: Features, cache: Path, args: argparse.Namespace
) -> tuple[list[Target], list[str]]:
    """Every target the machine can run, and notes on those it cannot."""
    notes: list[str] = []
    no_cache, one = features.no_cache, features.one_process
    if not no_cache:
        notes.append(
            "`essaylint check` has no `--no-cache`: cold runs are plain runs; no warm target."
        )
    if not features.jobs:
        notes.append("`essaylint check` has no `-j`: no `-j 2` target.")
    el = [str(tools.essaylint), "check"]
    py = [str(tools.python)]
    floor = [*py, str(BENCH / "floor.py")]
    peers = {
        "pymarkdown": ([str(tools.pymarkdown), "scan"], tools.pymarkdown),
        "markdownlint-cli2": ([str(tools.markdownlint_cli2)], tools.markdownlint_cli2),
        "textlint-prh": (
            [str(tools.textlint), "--config", str(tools.textlintrc)],
            tools.textlint,
        ),
        "proselint": ([str(tools.proselint), "check"], tools.proselint),
    }
    # name -> (label, argv prefix, inputs, priming argv prefix or None)
    specs: dict[str, tuple[str, list[str], tuple[str, ...], list[str] | None]] = {
        "python-start": (
            "interpreter start (`python -c pass`)",
            [*py, "-c", "pass"],
            ("one",),
            None,
        ),
        "hash-floor": (
            "interpreter start + read and sha256 all files",
            [*floor, "hash"],
            ("one", "corpus"),
            None,
        ),
        "floor-parse": ("markdown-it-py parse-only floor", [*floor, "parse"], INPUTS, None),
        "essaylint-nomodel": (
            f"essaylint `--ignore model{' -j 1' if one else ''}`, cold",
            [*el, *one, "--ignore", "model", *no_cache],
            INPUTS,
            None,
        ),
        "essaylint-json": (
            f"essaylint `--ignore model --format json{' -j 1' if one else ''}`, cold",
            [*el, *one, "--ignore", "model", "--format", "json", *no_cache],
            ("one",),
            None,
        ),
        "essaylint-model": (
            f"essaylint default rules{' `-j 1`' if one else ''} (model loads), cold",
            [*el, *one, *no_cache],
            ("one", "corpus"),
            None,
        ),
    }
    if no_cache:
        # Default -j: what a user's second run costs. A private cache dir keeps runs comparable.
        warm = [
            *el,
            "--ignore",
            "model",
            *(["--cache-dir", str(cache)] if features.cache_dir else []),
        ]
        specs["essaylint-warm"] = (
            "essaylint `--ignore model`, warm cache (default `-j`)",
            warm,
            ("one", "corpus"),
            warm,
        )
    if no_cache and not features.cache_dir:
        notes.append(
            "no `--cache-dir`: the warm target uses `./.essaylint_cache` in the input folder."
        )
    if features.jobs:
        j2 = [*el, "-j", "2", "--ignore", "model", *no_cache]
        specs["essaylint-j2"] = ("essaylint `-j 2 --ignore model`, cold", j2, ("corpus",), None)
    for name, (argv, exe) in peers.items():
        if args.skip_peers:
            continue
        if not exe.exists():
            notes.append(f"peer {name} skipped: {exe} not found (see bench/setup_peers.py).")
            continue
        if name == "textlint-prh" and not tools.textlintrc.exists():
            notes.append(f"peer textlint-prh skipped: {tools.textlintrc} not found.")
            continue
        specs[name] = (name, argv, ("one", "corpus"), None)

    targets: list[Target] = []
    for name, (label, argv, on, prime) in specs.items():
        if args.only and name not in args.only:
            continue
        for inp in on:
            if inp not in args.inputs:
                continue
            key = f"{name}@{inp}"
            runs = args.target_runs.get(key, args.target_runs.get(name))
            if runs is None:
                runs = min(DEFAULT_TARGET_RUNS.get(key, args.runs), args.runs)
            if runs <= 0:
                continue
            files = inputs.files[inp]
            targets.append(
                Target(
                    name=name,
                    input=inp,
                    argv=argv if name == "python-start" else [*argv, *files],
                    cwd=inputs.cwds[inp],
                    runs=runs,
                    label=label,
                    prime=None if prime is None else [*prime, *files],
                )
            )
    return targets, notes


# --- report ----------------------------------------------------------------------------------


def find(targets: list[Target], name: str, inp: str) -> Target | None:
    for t in targets:
        if t.name == name and t.input == inp and t.walls:
            return t
    return None


@dataclass
class Check:
    goal: str
    limit: str
    wall: str
    cpu: str
    verdict: str


def ratio_check(
    targets: list[Target], goal: str, num: tuple[str, str], den: tuple[str, str], limit: float
) -> Check:
    a, b = find(targets, *num), find(targets, *den)
    if a is None or b is None:
        missing = num if a is None else den
        return Check(goal, f"≤ {limit}×", "—", "—", f"n/a (no `{missing[0]}` on {missing[1]})")
    wall = a.median / b.median
    cpu = "—" if num[0] == "essaylint-j2" else f"{a.cpu / b.cpu:.2f}×"
    verdict = "pass" if wall <= limit else "FAIL"
    return Check(goal, f"≤ {limit}×", f"{wall:.2f}×", cpu, verdict)


def checks(targets: list[Target], inputs: Inputs) -> list[Check]:
    out = [
        ratio_check(
            targets,
            "one 10 KB file, no model rules, cold vs parse-only floor",
            ("essaylint-nomodel", "one"),
            ("floor-parse", "one"),
            2.5,
        )
    ]
    out.append(
        ratio_check(
            targets,
            "one 10 KB file, `--format json` vs text (the report costs no more)",
            ("essaylint-json", "one"),
            ("essaylint-nomodel", "one"),
            1.05,
        )
    )
    model = find(targets, "essaylint-model", "one")
    if model is None:
        out.append(
            Check(
                "one 10 KB file, default rules, cold, model load included", "≤ 2 s", "—", "—", "n/a"
            )
        )
    else:
        verdict = "pass" if model.median <= 2.0 else "FAIL"
        out.append(
            Check(
                "one 10 KB file, default rules, cold, model load included",
                "≤ 2 s",
                f"{model.median:.2f} s",
                f"{model.cpu:.2f} s",
                verdict,
            )
        )
    out.append(
        ratio_check(
            targets,
            "1,000 files, no model rules, cold, one process vs floor",
            ("essaylint-nomodel", "corpus"),
            ("floor-parse", "corpus"),
            1.5,
        )
    )
    out.append(
        ratio_check(
            targets,
            "1,000 files, no model rules, cold, `-j 2` vs floor",
            ("essaylint-j2", "corpus"),
            ("floor-parse", "corpus"),
            1.0,
        )
    )
    for inp in ("corpus", "one"):
        out.append(
            ratio_check(
                targets,
                f"warm cache ({INPUT_TITLES[inp]}) vs interpreter start + hashing",
                ("essaylint-warm", inp),
                ("hash-floor", inp),
                1.2,
            )
        )
    big, corpus = (
        find(targets, "essaylint-nomodel", "big"),
        find(targets, "essaylint-nomodel", "corpus"),
    )
    goal = "linear: 10 MB file's per-byte cost vs the corpus's"
    if big is None or corpus is None:
        out.append(Check(goal, "≤ 1.2×", "—", "—", "n/a"))
    else:
        wall = (big.median / inputs.sizes["big"]) / (corpus.median / inputs.sizes["corpus"])
        cpu = (big.cpu / inputs.sizes["big"]) / (corpus.cpu / inputs.sizes["corpus"])
        out.append(
            Check(goal, "≤ 1.2×", f"{wall:.2f}×", f"{cpu:.2f}×", "pass" if wall <= 1.2 else "FAIL")
        )
    for name, limit in (("essaylint-nomodel", 150), ("essaylint-model", 600)):
        t = find(targets, name, "corpus")
        goal = f"peak memory, 1,000 files, {'without' if name.endswith('nomodel') else 'with'} the model"
        if t is None:
            out.append(Check(goal, f"< {limit} MB", "—", "—", "n/a"))
        else:
            verdict = "pass" if t.peak_mb < limit else "FAIL"
            out.append(Check(goal, f"< {limit} MB", f"{t.peak_mb:.0f} MB", "", verdict))
    return out


def fmt_s(seconds: float) -> str:
    return f"{seconds:.3f}" if seconds < 10 else f"{seconds:.1f}"


def timing_rows(targets: list[Target], inp: str) -> Iterator[str]:
    floor = find(targets, "floor-parse", inp)
    yield "| target | runs | median s | min s | max s | CPU s | peak RSS MB | × parse floor |"
    yield "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    for t in targets:
        if t.input != inp:
            continue
        if not t.walls:
            yield f"| {t.label} | 0 | {t.error or 'not run'} | | | | | |"
            continue
        ratio = f"{t.median / floor.median:.2f}×" if floor else "—"
        yield (
            f"| {t.label} | {len(t.walls)} | {fmt_s(t.median)} | {fmt_s(min(t.walls))} | "
            f"{fmt_s(max(t.walls))} | {fmt_s(t.cpu)} | {t.peak_mb:.0f} | {ratio} |"
        )


def peer_rows(targets: list[Target]) -> Iterator[str]:
    """essaylint's median divided by each peer's: below 1× essaylint is faster."""
    peers = ("pymarkdown", "markdownlint-cli2", "textlint-prh", "proselint")
    ours = ("essaylint-nomodel", "essaylint-model")
    yield "| input | peer | peer median s | essaylint no model ÷ peer | essaylint with model ÷ peer |"
    yield "| --- | --- | ---: | ---: | ---: |"
    for inp in ("one", "corpus"):
        for peer in peers:
            p = find(targets, peer, inp)
            if p is None:
                continue
            cells = []
            for name in ours:
                t = find(targets, name, inp)
                cells.append("—" if t is None else f"{t.median / p.median:.2f}×")
            yield f"| {INPUT_TITLES[inp]} | {peer} | {fmt_s(p.median)} | {cells[0]} | {cells[1]} |"


def render(
    targets: list[Target],
    inputs: Inputs,
    notes: list[str],
    meta: dict[str, dict[str, str]],
    load: tuple[tuple[float, ...], tuple[float, ...]],
    elapsed: float,
) -> str:
    lines = [
        f"Measured {meta['run']['date']} by `bench/speed.py` in {elapsed / 60:.1f} min "
        f"(`{meta['run']['command']}`).",
        "",
        "| machine | |",
        "| --- | --- |",
        *(f"| {k} | {v} |" for k, v in meta["machine"].items()),
        f"| load average (1, 5, 15 min) at start / end | "
        f"{', '.join(f'{x:.2f}' for x in load[0])} / {', '.join(f'{x:.2f}' for x in load[1])} |",
        "",
        "| software | version |",
        "| --- | --- |",
        *(f"| {k} | {v} |" for k, v in meta["versions"].items()),
        "",
        "### Targets",
        "",
        "Pass/fail is judged on the median wall times; the CPU column is the same ratio on the "
        "child's user+sys time, which other load on a shared machine disturbs less. Peak RSS is "
        + (
            "GNU time's `%M`."
            if GNU_TIME
            else "`wait4`'s `ru_maxrss` (floored by this script's own RSS)."
        ),
        "",
        "| goal | limit | measured (wall) | measured (CPU) | verdict |",
        "| --- | --- | ---: | ---: | --- |",
        *(
            f"| {c.goal} | {c.limit} | {c.wall} | {c.cpu} | {c.verdict} |"
            for c in checks(targets, inputs)
        ),
    ]
    for inp in INPUTS:
        if not any(t.input == inp for t in targets):
            continue
        files = inputs.files[inp]
        what = files[0] if len(files) == 1 else f"{len(files):,} files"
        lines += [
            "",
            f"### {INPUT_TITLES[inp]}: {what}, {inputs.sizes[inp]:,} bytes",
            "",
            *timing_rows(targets, inp),
        ]
    peer_table = list(peer_rows(targets))
    if len(peer_table) > 2:
        lines += ["", "### essaylint against its peers", "", *peer_table]
    cores = os.cpu_count() or 1
    if max(*load[0], *load[1]) > cores:
        notes.append(
            f"The load average exceeded the {cores} cores: other processes competed for the CPU, "
            "so wall times (and their min/max spread) are inflated; the CPU column is steadier."
        )
    if notes:
        lines += ["", "Notes:", "", *(f"- {n}" for n in notes)]
    return "\n".join(lines) + "\n"


RESULTS_TEMPLATE = f"""# Speed benchmark results

Produced by [`speed.py`](speed.py) (see [README.md](README.md)); everything between the
`bench:begin` and `bench:end` markers is rewritten by `speed.py --write`, the rest is kept.

{BEGIN}
{END}

## Before/after

Kept by hand: one row per optimisation, copied from the generated tables above. Seconds are
median wall (median CPU in brackets); on a busy machine compare the CPU figures.

| change | 10 KB, no model | 10 KB, model | 1,000 files, no model | 1,000 files, warm | 10 MB file, no model | peak MB (no model / model) |
| --- | ---: | ---: | ---: | ---: | ---: | ---: |
"""


def write_results(path: Path, body: str) -> None:
    """Replace only what lies between the markers; hand-written text around them survives."""
    text = path.read_text(encoding="utf-8") if path.exists() else RESULTS_TEMPLATE
    if BEGIN not in text or END not in text:
        text = text.rstrip("\n") + f"\n\n{BEGIN}\n{END}\n"
    head, rest = text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    path.write_text(f"{head}{BEGIN}\n{body}{END}{tail}", encoding="utf-8")


# --- command line ----------------------------------------------------------------------------


def parse_target_runs(items: list[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not value.isdigit():
            raise SystemExit(f"--target-runs: expected NAME[@INPUT]=N, got {item!r}")
        out[key] = int(value)
    return out


def parser() -> argparse.ArgumentParser:
    env = os.environ.get
    peers = Path(env("ESSAYLINT_PEERS", "/work/peers"))
    venv_bin = Path(sys.executable).parent
    node_bin = peers / "node" / "node_modules" / ".bin"
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument(
        "--runs", type=int, default=5, help="runs per target (default 5); median, min, max"
    )
    p.add_argument(
        "--target-runs",
        action="append",
        default=[],
        metavar="NAME[@INPUT]=N",
        help="runs for one target, e.g. pymarkdown@corpus=1 or proselint=2; 0 skips it "
        f"(built in: {', '.join(f'{k}={v}' for k, v in DEFAULT_TARGET_RUNS.items())})",
    )
    p.add_argument(
        "--only",
        type=lambda s: set(s.split(",")),
        default=None,
        help="comma-separated target names",
    )
    p.add_argument(
        "--inputs", type=lambda s: tuple(s.split(",")), default=INPUTS, help="one,corpus,big"
    )
    p.add_argument("--skip-peers", action="store_true")
    p.add_argument(
        "--write",
        action="store_true",
        help=f"update {RESULTS.relative_to(ROOT)} between the markers",
    )
    p.add_argument("--results", type=Path, default=RESULTS, help="the file --write updates")
    p.add_argument("--json", type=Path, help="also dump every raw run here")
    p.add_argument("-q", "--quiet", action="store_true", help="no per-run progress on stderr")
    g = p.add_argument_group("inputs")
    g.add_argument(
        "--corpus", type=Path, default=Path(env("BENCH_CORPUS", ROOT / "build/bench/corpus"))
    )
    g.add_argument("--big", type=Path, default=Path(env("BENCH_BIG", ROOT / "build/bench/big")))
    g.add_argument(
        "--make-corpus",
        type=Path,
        default=Path(env("BENCH_MAKE_CORPUS", "/work/shared/bench/make_corpus.py")),
        help="generator run when the corpus is missing",
    )
    g = p.add_argument_group(
        "tools (defaults: this venv; peers under $ESSAYLINT_PEERS or /work/peers)"
    )
    g.add_argument("--python", type=Path, default=Path(env("BENCH_PYTHON", sys.executable)))
    g.add_argument(
        "--essaylint", type=Path, default=Path(env("BENCH_ESSAYLINT", venv_bin / "essaylint"))
    )
    g.add_argument(
        "--pymarkdown",
        type=Path,
        default=Path(env("BENCH_PYMARKDOWN", peers / "venv/bin/pymarkdown")),
    )
    g.add_argument(
        "--proselint", type=Path, default=Path(env("BENCH_PROSELINT", peers / "venv/bin/proselint"))
    )
    g.add_argument(
        "--markdownlint-cli2",
        type=Path,
        default=Path(env("BENCH_MARKDOWNLINT_CLI2", node_bin / "markdownlint-cli2")),
    )
    g.add_argument(
        "--textlint", type=Path, default=Path(env("BENCH_TEXTLINT", node_bin / "textlint"))
    )
    g.add_argument(
        "--textlintrc",
        type=Path,
        default=Path(env("BENCH_TEXTLINTRC", peers / "node/.textlintrc.json")),
    )
    return p


def _stop(signum: int, frame: object) -> None:
    """SIGTERM ends the run like Ctrl-C: the running child is killed, temp folders removed."""
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    signal.signal(signal.SIGTERM, _stop)
    args = parser().parse_args(argv)
    args.target_runs = parse_target_runs(args.target_runs)
    unknown = set(args.inputs) - set(INPUTS)
    if unknown:
        raise SystemExit(
            f"--inputs: unknown {', '.join(sorted(unknown))}; choose from {', '.join(INPUTS)}"
        )
    tools = Tools(
        python=args.python,
        essaylint=args.essaylint,
        pymarkdown=args.pymarkdown,
        proselint=args.proselint,
        markdownlint_cli2=args.markdownlint_cli2,
        textlint=args.textlint,
        textlintrc=args.textlintrc,
    )
    ensure_corpus(args.corpus, args.big, args.make_corpus)
    inputs = pick_inputs(args.corpus, args.big)
    help_text = check_help(tools.essaylint)
    if "--ignore" not in help_text:
        raise SystemExit(f"{tools.essaylint} check --help did not answer: is essaylint installed?")
    features = Features.from_help(help_text)
    meta = {
        "machine": machine(),
        "versions": versions(tools),
        "run": {
            "date": dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
            "command": " ".join(["bench/speed.py", *(sys.argv[1:] if argv is None else argv)]),
        },
    }
    # Warm the page cache and .pyc files so the first timed run is not the odd one out. An
    # installed wheel has its bytecode compiled; with PYTHONDONTWRITEBYTECODE set (CI images
    # often set it) every run would compile each module edited since its .pyc was written. The
    # untimed warm-up run below is also the "first run after an install" that writes
    # essaylint's store of compiled patterns beside that bytecode (essaylint/base/stored.py).
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    package = capture([str(tools.python), "-c", "import essaylint; print(essaylint.__file__)"])
    if package.endswith("__init__.py"):
        subprocess.run(
            [str(tools.python), "-m", "compileall", "-q", str(Path(package).parent)],
            check=False,
            stdout=subprocess.DEVNULL,
        )
    for inp in args.inputs:
        for name in inputs.files[inp]:
            (inputs.cwds[inp] / name).read_bytes()
    warm_up = [str(tools.essaylint), "check", "--ignore", "model", *features.no_cache]
    run_once([*warm_up, inputs.files["one"][0]], inputs.cwds["one"])

    with tempfile.TemporaryDirectory(prefix="essaylint-bench-cache-") as cache:
        targets, notes = build_targets(tools, inputs, features, Path(cache), args)
        load_start, started = os.getloadavg(), time.perf_counter()
        for inp in INPUTS:
            group = [t for t in targets if t.input == inp]
            if group and not args.quiet:
                print(f"{INPUT_TITLES[inp]}:", file=sys.stderr)
            measure(group, log=not args.quiet)
        elapsed, load_end = time.perf_counter() - started, os.getloadavg()

    body = render(targets, inputs, notes, meta, (load_start, load_end), elapsed)
    print(body)
    for t in targets:
        if t.error:
            print(f"error: {t.key}: {t.error}", file=sys.stderr)
    if args.json:
        raw = {
            **meta,
            "sizes": inputs.sizes,
            "targets": [
                {
                    "target": t.key,
                    "argv0": t.argv[:4],
                    "wall": t.walls,
                    "cpu": t.cpus,
                    "rss_kb": t.rss_kb,
                    "error": t.error,
                }
                for t in targets
            ],
        }
        args.json.write_text(json.dumps(raw, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    if args.write:
        write_results(args.results, body)
        print(f"wrote {args.results}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    try:
        raise SystemExit(main())
    except KeyboardInterrupt:
        raise SystemExit(130) from None

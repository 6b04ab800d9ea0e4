"""The result cache: hits skip parsing and the model, anything that matters invalidates, a broken
or unwritable cache is never an error, concurrent runs share one folder safely."""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from helpers import essay, essaylint, install_plugin, write_essays

from essaylint.linting.results import FileResult
from essaylint.running.cache import (
    CACHE_DIR_NAME,
    ENV_VAR,
    FORMAT,
    ResultCache,
    decode_value,
    encode_value,
)
from essaylint.running.finder import ConfigFinder
from essaylint.running.jobs import lint_paths

NO_MODEL = {"ignore": ("EL302",)}  # most tests need no Kiwi: keep them quick

# An essay with something for every part of a result: an over-limit answer, an empty one, a
# known typo with a safe fix (EL301), company values with a coverage matrix, sections.
RICH = """\
# 카카오 자기소개서

## 인재상
- **도전**
- **신뢰**

## 1. 지원 동기 (60자)
아떠한 상황에서도 새로운 기술에 도전하며 사용자가 신뢰할 수 있는 서비스를 만들고 싶어 지원했습니다. 작은 불편도 놓치지 않겠습니다.

## 2. 입사 후 포부 (300자)
"""


def run_lint(
    paths: list[str], cache: ResultCache | None, overrides: dict[str, Any] | None = None
) -> list[FileResult]:
    return lint_paths(paths, ConfigFinder(), overrides or NO_MODEL, cache=cache)


def new_cache(folder: Path) -> ResultCache:
    """A run's cache with a fixed environment: other edits to essaylint's code mid-test (the
    fingerprint includes it) must not turn hits into misses here; subprocess tests use the real one.
    """
    return ResultCache(folder, environment="tests")


def entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.json"))


# --- hits and what they cost -----------------------------------------------------------------


def test_second_run_is_all_hits_and_equal_to_the_first(tmp_path: Path) -> None:
    write_essays(tmp_path / "essays", 30)
    cache_dir = tmp_path / "cache"
    cold = new_cache(cache_dir)
    first = run_lint([str(tmp_path / "essays")], cold)
    assert (cold.hits, cold.misses, cold.stored) == (0, 30, 30)
    assert len(entries(cache_dir)) == 30
    warm = new_cache(cache_dir)
    second = run_lint([str(tmp_path / "essays")], warm)
    assert (warm.hits, warm.misses, warm.stored) == (30, 0, 0)
    assert [dataclasses.asdict(r) for r in second] == [dataclasses.asdict(r) for r in first]
    over = [f for r in second for f in r.findings if f.code == "EL201"]
    assert len(over) == 10  # essays 0, 3, …, 27


def test_a_rich_result_round_trips_exactly(tmp_path: Path) -> None:
    path = tmp_path / "rich.md"
    path.write_text(RICH, encoding="utf-8")
    cache_dir = tmp_path / "cache"
    fresh = run_lint([str(path)], new_cache(cache_dir), {})[0]
    # The parts a cached copy must keep: a fix edit, a coverage matrix, sections, lines.
    typo = next(f for f in fresh.findings if f.code == "EL301")
    assert typo.fix is not None and typo.fix.text == "어떠한"
    assert fresh.coverage is not None and fresh.coverage.company == "카카오"
    assert fresh.coverage.coverage == {"1. 지원 동기": ["도전", "신뢰"]}
    assert fresh.lines[0] == "# 카카오 자기소개서"
    warm = new_cache(cache_dir)
    cached = run_lint([str(path)], warm, {})[0]
    assert warm.hits == 1
    assert dataclasses.asdict(cached) == dataclasses.asdict(fresh)
    assert type(cached.coverage) is type(fresh.coverage)
    assert [f.fix for f in cached.findings] == [f.fix for f in fresh.findings]


def test_cli_output_is_identical_from_the_cache(tmp_path: Path) -> None:
    (tmp_path / "rich.md").write_text(RICH, encoding="utf-8")
    for output_format in ("text", "json"):
        cold = essaylint("check", "--format", output_format, "rich.md", cwd=tmp_path)
        warm = essaylint("check", "--format", output_format, "rich.md", cwd=tmp_path)
        assert cold.returncode == warm.returncode == 1
        assert warm.stdout == cold.stdout
        assert warm.stderr == cold.stderr == ""
    details = [essaylint("score", "--details", "rich.md", cwd=tmp_path) for _ in range(2)]
    assert details[0].stdout == details[1].stdout
    assert "인재상 반영" in details[1].stdout
    assert (tmp_path / CACHE_DIR_NAME / ".gitignore").read_text(encoding="utf-8").endswith("*\n")


PROBE = """\
import sys
from essaylint.cli.commands import main
try:
    main(sys.argv[1:], standalone_mode=False)
except SystemExit as done:
    code = done.code
print(code, "markdown_it" in sys.modules, "kiwipiepy" in sys.modules,
      "essaylint.reading.document" in sys.modules, "essaylint.korean.model" in sys.modules,
      file=sys.stderr)
"""


def test_a_warm_run_loads_no_parser_and_no_model(tmp_path: Path) -> None:
    write_essays(tmp_path / "essays", 12)

    def probe() -> list[str]:
        done = subprocess.run(
            [sys.executable, "-c", PROBE, "check", "-j", "1", "--format", "json", "essays"],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        outputs.append(done.stdout)
        return done.stderr.split()

    outputs: list[str] = []
    # The cold run parses and loads Kiwi (EL302 is on) in this process: the probe sees both.
    # These essays are common blocks of plain and bold text: read without markdown-it.
    assert probe() == ["1", "False", "True", "True", "True"]
    for _ in range(3):
        # An edit to essaylint's own code between the runs (others work in this checkout)
        # rightly changes every key; the entries then grow, and the next run is the warm one.
        stored = len(entries(tmp_path / CACHE_DIR_NAME))
        warm = probe()
        if len(entries(tmp_path / CACHE_DIR_NAME)) == stored:
            break
    assert warm == ["1", "False", "False", "False", "False"]
    assert outputs[-1] == outputs[0] and '"EL201"' in outputs[0]


# --- what invalidates ---------------------------------------------------------------------------


def test_an_edited_file_is_checked_again_and_overwrites_its_entry(tmp_path: Path) -> None:
    paths = write_essays(tmp_path / "essays", 10)
    cache_dir = tmp_path / "cache"
    run_lint([str(tmp_path / "essays")], new_cache(cache_dir))
    paths[1].write_text(essay(1) + "\n## 3. 성격의 장단점 (500자)\n", encoding="utf-8")
    warm = new_cache(cache_dir)
    results = run_lint([str(tmp_path / "essays")], warm)
    assert (warm.hits, warm.misses) == (9, 1)
    assert [f.line for f in results[1].findings if f.code == "EL101"] == [9]
    assert len(entries(cache_dir)) == 10  # overwritten, not added


def test_config_and_cli_flags_are_part_of_the_key(tmp_path: Path) -> None:
    write_essays(tmp_path / "essays", 4)
    cache_dir = tmp_path / "cache"
    run_lint([str(tmp_path / "essays")], new_cache(cache_dir))
    counted = new_cache(cache_dir)
    run_lint([str(tmp_path / "essays")], counted, {**NO_MODEL, "count": "chars-no-spaces"})
    assert (counted.hits, counted.misses) == (0, 4)
    (tmp_path / "essays" / "essaylint.toml").write_text("default_limit = 10\n", encoding="utf-8")
    configured = new_cache(cache_dir)
    results = run_lint([str(tmp_path / "essays")], configured)
    assert (configured.hits, configured.misses) == (0, 4)
    assert [f.line for f in results[1].findings if f.code == "EL201"] == [6]
    again = new_cache(cache_dir)
    run_lint([str(tmp_path / "essays")], again)
    assert again.hits == 4


def test_a_changed_typo_pack_invalidates(tmp_path: Path) -> None:
    pack = tmp_path / "mine.toml"
    entry = (
        '[[entry]]\nwrong = "{w}"\nright = "온보딩"\nflag = ["{w} 문서"]\nkeep = ["온보딩 문서"]\n'
    )
    pack.write_text('[pack]\nname = "mine"\n' + entry.format(w="온보드"), encoding="utf-8")
    (tmp_path / "essaylint.toml").write_text('typo_packs = ["mine.toml"]\n', encoding="utf-8")
    write_essays(tmp_path / "essays", 2)
    cache_dir = tmp_path / "cache"
    first = run_lint([str(tmp_path / "essays")], new_cache(cache_dir))
    assert not any(f.code == "EL301" for r in first for f in r.findings)
    pack.write_text('[pack]\nname = "mine"\n' + entry.format(w="온보딩 문서를"), encoding="utf-8")
    os.utime(pack, ns=(1, 1))  # a different mtime even on coarse clocks
    warm = new_cache(cache_dir)
    second = run_lint([str(tmp_path / "essays")], warm)
    assert (warm.hits, warm.misses) == (0, 2)
    assert [f.line for f in second[1].findings if f.code == "EL301"] == [7]


def test_a_file_whose_front_matter_names_a_pack_is_not_stored(tmp_path: Path) -> None:
    """The key watches files a config names; one named in the essay itself is seen only by
    reading the essay, so its result is checked again every run."""
    pack = tmp_path / "mine.toml"
    entry = (
        '[[entry]]\nwrong = "{w}"\nright = "온보딩"\nflag = ["{w} 문서"]\nkeep = ["온보딩 문서"]\n'
    )
    pack.write_text('[pack]\nname = "mine"\n' + entry.format(w="온보드"), encoding="utf-8")
    text = "---\nessaylint:\n  typo_packs: [mine.toml]\n---\n## 질문 (100자)\n온보드 문서를 썼습니다.\n"
    (tmp_path / "a.md").write_text(text, encoding="utf-8")
    (tmp_path / "b.md").write_text("## 질문 (100자)\n온보드 문서를 썼습니다.\n", encoding="utf-8")
    cache_dir = tmp_path / "cache"
    first_cache = new_cache(cache_dir)
    first = run_lint([str(tmp_path / "a.md"), str(tmp_path / "b.md")], first_cache)
    assert [(f.code, f.line) for f in first[0].findings if f.code == "EL301"] == [("EL301", 6)]
    assert not first[0].cacheable and first[1].cacheable
    assert first_cache.stored == 1  # b.md only
    pack.write_text('[pack]\nname = "mine"\n' + entry.format(w="없는말"), encoding="utf-8")
    warm = new_cache(cache_dir)
    second = run_lint([str(tmp_path / "a.md"), str(tmp_path / "b.md")], warm)
    assert (warm.hits, warm.misses) == (1, 1)
    assert not any(f.code == "EL301" for f in second[0].findings)


def test_a_new_plugin_distribution_invalidates(tmp_path: Path) -> None:
    write_essays(tmp_path / "essays", 3)
    cold = essaylint("check", "--ignore", "EL302", "essays", cwd=tmp_path)
    before = entries(tmp_path / CACHE_DIR_NAME)
    assert len(before) == 3
    plugin = install_plugin(
        tmp_path / "site",
        "quiet-rule",
        "XQ001",
        "from essaylint.linting.plugin import Rule\n"
        "def check(doc, opts, ctx):\n    return iter(())\n"
        "RULE = Rule(code='XQ001', name='quiet-rule', check=check)\n",
    )
    warm = essaylint("check", "--ignore", "EL302", "essays", cwd=tmp_path, env=plugin)
    assert warm.stdout == cold.stdout
    assert len(entries(tmp_path / CACHE_DIR_NAME)) == 6  # new keys: nothing was reused


# --- broken caches -----------------------------------------------------------------------------


def test_corrupt_truncated_and_foreign_entries_are_ignored_and_rewritten(tmp_path: Path) -> None:
    write_essays(tmp_path / "essays", 6)
    cache_dir = tmp_path / "cache"
    fresh = run_lint([str(tmp_path / "essays")], new_cache(cache_dir))
    files = entries(cache_dir)
    good = json.loads(files[0].read_text(encoding="utf-8"))
    files[0].write_bytes(files[0].read_bytes()[:100])  # truncated
    files[1].write_bytes(b"\xff\xfe\x00not json")
    files[2].write_text(json.dumps({**good, "format": FORMAT + 1}), encoding="utf-8")
    files[3].write_text(json.dumps(good), encoding="utf-8")  # another file's key and content
    files[4].write_text(json.dumps({**good, "result": {"c": "os:system", "f": {}}}))
    files[5].write_text("[]", encoding="utf-8")
    warm = new_cache(cache_dir)
    results = run_lint([str(tmp_path / "essays")], warm)
    assert (warm.hits, warm.misses, warm.stored) == (0, 6, 6)
    assert [dataclasses.asdict(r) for r in results] == [dataclasses.asdict(r) for r in fresh]
    again = new_cache(cache_dir)
    run_lint([str(tmp_path / "essays")], again)
    assert again.hits == 6


def test_file_errors_are_never_stored(tmp_path: Path) -> None:
    folder = tmp_path / "essays"
    write_essays(folder, 2)
    (folder / "binary.md").write_bytes(b"## \x00\x01")
    (folder / "front.md").write_text("---\ncount: nonsense\n---\n## 질문\n답변\n", encoding="utf-8")
    cache_dir = tmp_path / "cache"
    cache = new_cache(cache_dir)
    results = run_lint([str(folder)], cache)
    errors = {Path(r.path).name: r.error for r in results if r.error}
    assert set(errors) == {"binary.md", "front.md"}
    assert cache.stored == 2 and len(entries(cache_dir)) == 2
    again = new_cache(cache_dir)
    assert [r.error for r in run_lint([str(folder)], again)] == [r.error for r in results]
    assert (again.hits, again.misses) == (2, 2)


def test_an_uncreatable_cache_folder_only_turns_caching_off(tmp_path: Path) -> None:
    write_essays(tmp_path / "essays", 3)
    (tmp_path / "blocker").write_text("a file where the cache's parent should be\n")
    plain = essaylint("check", "--no-cache", "--ignore", "EL302", "essays", cwd=tmp_path)
    blocked = essaylint(
        "check", "--cache-dir", "blocker/cache", "--ignore", "EL302", "essays", cwd=tmp_path
    )
    assert blocked.returncode == plain.returncode == 1
    assert blocked.stdout == plain.stdout
    assert blocked.stderr == ""
    from_env = essaylint(
        "check", "--ignore", "EL302", "essays", cwd=tmp_path, env={ENV_VAR: "blocker"}
    )
    assert (from_env.returncode, from_env.stdout, from_env.stderr) == (1, plain.stdout, "")
    assert not (tmp_path / CACHE_DIR_NAME).exists()


def test_where_the_cache_goes(tmp_path: Path) -> None:
    write_essays(tmp_path / "essays", 2)
    args = ("check", "--ignore", "EL302", "essays")
    essaylint(*args, "--no-cache", cwd=tmp_path)
    assert not (tmp_path / CACHE_DIR_NAME).exists()
    essaylint(*args, cwd=tmp_path, env={ENV_VAR: "from-env"})
    assert len(entries(tmp_path / "from-env")) == 2
    assert (tmp_path / "from-env" / "CACHEDIR.TAG").is_file()
    essaylint(*args, "--cache-dir", "from-flag", cwd=tmp_path, env={ENV_VAR: "from-env"})
    assert len(entries(tmp_path / "from-flag")) == 2
    existing = tmp_path / "mine"
    existing.mkdir()
    essaylint(*args, "--cache-dir", "mine", cwd=tmp_path)
    assert len(entries(existing)) == 2
    assert not (existing / ".gitignore").exists()  # only a folder essaylint created gets one
    essaylint(*args, cwd=tmp_path)
    assert (tmp_path / CACHE_DIR_NAME / ".gitignore").read_text().splitlines()[-1] == "*"


CONCURRENT = """\
import sys
from essaylint.running.cache import ResultCache
from essaylint.running.finder import ConfigFinder
from essaylint.running.jobs import lint_paths
cache = ResultCache(__import__("pathlib").Path(sys.argv[1]), environment="tests")
results = lint_paths([sys.argv[2]], ConfigFinder(), {"ignore": ("EL302",)}, cache=cache)
print(sum(len(r.findings) for r in results), sum(r.error is not None for r in results))
"""


def test_concurrent_runs_share_one_cache(tmp_path: Path) -> None:
    write_essays(tmp_path / "essays", 30)
    cache_dir = tmp_path / "cache"
    command = [sys.executable, "-c", CONCURRENT, str(cache_dir), str(tmp_path / "essays")]
    runs = [subprocess.Popen(command, stdout=subprocess.PIPE, text=True) for _ in range(4)]
    outputs = [run.communicate(timeout=300)[0] for run in runs]
    assert [run.returncode for run in runs] == [0, 0, 0, 0]
    assert len(set(outputs)) == 1 and outputs[0].split()[1] == "0"
    assert not list(cache_dir.glob(".tmp-*"))
    assert len(entries(cache_dir)) == 30
    for entry in entries(cache_dir):
        assert json.loads(entry.read_text(encoding="utf-8"))["format"] == FORMAT
    warm = new_cache(cache_dir)
    results = run_lint([str(tmp_path / "essays")], warm)
    assert (warm.hits, warm.misses) == (30, 0)
    assert str(sum(len(r.findings) for r in results)) == outputs[0].split()[0]


# --- the serialisation -------------------------------------------------------------------------


def test_values_keep_their_types() -> None:
    value = {"t": (1, "둘", None), 3: [Path("a/b"), 2.5, True], "nested": {"x": ()}}
    assert decode_value(json.loads(json.dumps(encode_value(value)))) == value
    assert type(decode_value(encode_value((1,)))) is tuple


@pytest.mark.parametrize(
    "foreign",
    [
        {"c": "os:system", "f": {}},
        {"c": "essaylint.running.cache:ResultCache", "f": {"directory": "x"}},  # not a dataclass
        {"c": "essaylint.linting.results:FileResult", "f": {"no_such_field": 1}},
        {"x": 1},
    ],
)
def test_foreign_data_is_refused(foreign: dict[str, Any]) -> None:
    with pytest.raises((ValueError, TypeError)):
        decode_value(foreign)


def test_what_cannot_be_stored_is_not_stored(tmp_path: Path) -> None:
    with pytest.raises(TypeError):
        encode_value({1, 2})
    cache = new_cache(tmp_path / "cache")
    entry = cache.entry("a.md", b"## x\n", ConfigFinder().for_path(None))
    entry.store(FileResult(path="a.md", notes=[{"a set": {1}}]))  # type: ignore[list-item]
    entry.store(FileResult(path="a.md", error="file not found"))
    assert cache.stored == 0 and not (tmp_path / "cache").exists()

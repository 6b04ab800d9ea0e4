"""The derived store (essaylint/base/stored.py) and the patterns built from it: they are the ones
`re.compile` makes, TOML read from it is what tomllib reads, a store that is missing, broken,
foreign or unwritable only costs time, and a real run writes one."""

from __future__ import annotations

import importlib
import marshal
import os
import re
import sys
import tomllib
from pathlib import Path

import pytest
from helpers import essaylint
from hypothesis import given, settings
from hypothesis import strategies as st

from essaylint.base import patterns as patterns_module
from essaylint.base import stored as stored_module
from essaylint.base.patterns import LazyPattern, compile_with
from essaylint.base.stored import DerivedStore


class PatternStore:
    """A store file and the patterns compiled through it, as one run uses them."""

    def __init__(self, path: str | None, *, write: bool = True) -> None:
        self.store = DerivedStore(path, write=write)

    def compile(self, source: str, flags: int = 0) -> re.Pattern[str]:
        return compile_with(self.store, source, flags)

    def save(self) -> None:
        self.store.save()


ROOT = Path(__file__).resolve().parent.parent

SOURCES = [
    (r"[가-힣]+", 0),
    (r"(?<![A-Za-z0-9])(?<!(?-i:[가-힣]))(?:카카오|Kakao)(?P<tail>톡)?", re.IGNORECASE),
    (r"(?P<low>[0-9]{1,3}(?:,[0-9]{3})*)\s*[~-]\s*(?P<high>[0-9]+)", 0),
    (r"^#{1,6}(?=\S)", re.MULTILINE),
    (r"<summary[^>]*>(.*?)</summary\s*>", re.IGNORECASE | re.DOTALL),
    (r"(?x) a \s* b  # verbose", 0),
    (r"\bTODO\b|작성\s*중", 0),
]


def same(built: re.Pattern[str], source: str, flags: int) -> None:
    reference = re.compile(source, flags)
    assert built == reference  # compares flags, source and the compiled code
    assert built.groups == reference.groups
    assert dict(built.groupindex) == dict(reference.groupindex)


def stored_entries(path: Path) -> dict[tuple[str, int], tuple[object, ...]]:
    """The store's pattern entries by (source, flags), each entry's parts unmarshalled."""
    header, entries = marshal.loads(path.read_bytes())
    assert header[1] == sys.version
    return {(k[1], k[2]): marshal.loads(v) for k, v in entries.items() if k[0] == "re"}


def test_a_saved_store_serves_the_same_patterns_without_compiling(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "store.regex"
    first = PatternStore(str(path))
    for source, flags in SOURCES:
        same(first.compile(source, flags), source, flags)
    first.save()
    assert set(stored_entries(path)) == {(s, int(f)) for s, f in SOURCES}

    def no_compiling(*args: object) -> None:
        raise AssertionError("compiled although the store has the pattern")

    second = PatternStore(str(path))
    monkeypatch.setattr(re, "compile", no_compiling)
    built = [second.compile(source, flags) for source, flags in SOURCES]
    monkeypatch.undo()
    for pattern, (source, flags) in zip(built, SOURCES, strict=True):
        same(pattern, source, flags)
    assert built[1].search("우리 카카오톡").group("tail") == "톡"  # type: ignore[union-attr]
    assert built[1].search("우리카카오") is None
    assert built[2].search("1,000~2000자").group("low", "high") == ("1,000", "2000")  # type: ignore[union-attr]


def test_nothing_is_written_when_nothing_was_added(tmp_path: Path) -> None:
    path = tmp_path / "store.regex"
    store = PatternStore(str(path))
    store.compile(*SOURCES[0])
    store.save()
    before = path.stat().st_mtime_ns
    again = PatternStore(str(path))
    again.compile(*SOURCES[0])
    os.utime(path, ns=(before - 10**9, before - 10**9))
    again.save()
    assert path.stat().st_mtime_ns == before - 10**9


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"not marshal at all",
        marshal.dumps(("another header", {})),
        marshal.dumps([1, 2, 3]),
        marshal.dumps(((1, "3.0.0"), {("re", "a", 0): marshal.dumps((0, [], 0, {}, ()))})),
    ],
    ids=["empty", "garbage", "foreign-header", "not-a-pair", "old-python"],
)
def test_a_broken_or_foreign_store_is_ignored_and_replaced(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "store.regex"
    path.write_bytes(content)
    store = PatternStore(str(path))
    for source, flags in SOURCES:
        same(store.compile(source, flags), source, flags)
    store.save()
    assert set(stored_entries(path)) == {(s, int(f)) for s, f in SOURCES}


def test_a_stored_entry_the_engine_rejects_is_compiled_again(tmp_path: Path) -> None:
    path = tmp_path / "store.regex"
    store = PatternStore(str(path))
    store.compile(r"[가-힣]+")
    store.save()
    header, entries = marshal.loads(path.read_bytes())
    flags, code, groups, groupindex, indexgroup = marshal.loads(entries[("re", r"[가-힣]+", 0)])
    broken = (flags, [999999, *code[1:]], groups, groupindex, indexgroup)
    entries[("re", r"[가-힣]+", 0)] = marshal.dumps(broken)
    entries[("re", "x", 0)] = b"not marshal"
    entries[("re", "y", 0)] = marshal.dumps("not parts")
    path.write_bytes(marshal.dumps((header, entries)))
    again = PatternStore(str(path))
    same(again.compile(r"[가-힣]+"), r"[가-힣]+", 0)
    same(again.compile("x"), "x", 0)
    same(again.compile("y"), "y", 0)
    again.save()
    assert stored_entries(path)[(r"[가-힣]+", 0)][1] == code  # type: ignore[index]


def test_not_written_when_bytecode_is_not(tmp_path: Path) -> None:
    path = tmp_path / "store.regex"
    store = PatternStore(str(path), write=False)
    same(store.compile(*SOURCES[0]), *SOURCES[0])
    store.save()
    assert not path.exists()


def test_a_store_that_cannot_be_written_is_read_but_not_checked_into(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "store.regex"
    first = PatternStore(str(path))
    first.compile(*SOURCES[0])
    first.save()

    def no_checking(*args: object) -> None:
        raise AssertionError("compiled twice to check parts that cannot be kept")

    monkeypatch.setattr(patterns_module, "_compile_checked", no_checking)
    read_only = PatternStore(str(path), write=False)  # PYTHONDONTWRITEBYTECODE
    same(read_only.compile(*SOURCES[0]), *SOURCES[0])  # a hit, from the file
    same(read_only.compile(*SOURCES[1]), *SOURCES[1])  # a miss: plain re.compile, once
    nowhere = PatternStore(str(tmp_path / "a-file-below" / "x" / "store.regex"))
    (tmp_path / "a-file-below").write_text("")
    same(nowhere.compile(*SOURCES[2]), *SOURCES[2])
    assert not read_only.store.keeps and not nowhere.store.keeps


def test_an_unwritable_place_is_not_an_error(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    store = PatternStore(str(blocker / "sub" / "store.regex"))
    same(store.compile(*SOURCES[0]), *SOURCES[0])
    store.save()  # cannot create a folder under a file: silently skipped
    assert blocker.read_text() == "x"
    assert [p.name for p in tmp_path.iterdir()] == ["a-file"]


def test_no_path_means_plain_compiling() -> None:
    store = PatternStore(None)
    same(store.compile(*SOURCES[1]), *SOURCES[1])
    store.save()


def test_a_store_over_the_limit_keeps_this_runs_patterns(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "store.regex"
    old = PatternStore(str(path))
    for index in range(5):
        old.compile(f"old{index}")
    old.save()
    monkeypatch.setattr(stored_module, "MAX_ENTRIES", 4)
    new = PatternStore(str(path))
    new.compile("old0")
    new.compile("fresh")
    new.save()
    assert set(stored_entries(path)) == {("old0", 0), ("fresh", 0)}


def test_bad_patterns_raise_as_re_does(tmp_path: Path) -> None:
    store = PatternStore(str(tmp_path / "store.regex"))
    with pytest.raises(re.error):
        store.compile("(unclosed")


def test_store_path_follows_the_environment_and_the_bytecode(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("ESSAYLINT_STORE", str(tmp_path / "x.bin"))
    assert stored_module.store_path() == str(tmp_path / "x.bin")
    monkeypatch.setenv("ESSAYLINT_STORE", "")
    assert stored_module.store_path() is None
    monkeypatch.delenv("ESSAYLINT_STORE")
    found = stored_module.store_path()
    assert found is not None and found.endswith(f"stored.{sys.implementation.cache_tag}.bin")
    assert Path(found).parent.name == "__pycache__" or sys.pycache_prefix


def test_lazy_pattern_compiles_once_on_first_use() -> None:
    lazy = LazyPattern(r"[가-힣]+", re.IGNORECASE)
    first = lazy.re
    assert first is lazy.re
    same(first, r"[가-힣]+", re.IGNORECASE)


_PIECES = st.sampled_from(
    [
        "a",
        "가",
        "[가-힣]",
        "[^가-힣]",
        "[A-Za-z0-9]",
        r"\s",
        r"\d",
        r"\w",
        r"\b",
        ".",
        "^",
        "$",
        "(?<!제)",
        "(?<![A-Za-z])",
        "(?=자)",
        "(?-i:[가-힣])",
        "·",
        r"\(",
    ]
)


@st.composite
def _sources(draw: st.DrawFn) -> str:
    parts: list[str] = []
    for index in range(draw(st.integers(1, 6))):
        piece = draw(_PIECES)
        quantifier = draw(st.sampled_from(["", "*", "+", "?", "{1,3}", "*?"]))
        if piece in ("^", "$", r"\b") or piece.startswith("(?<") or piece.startswith("(?="):
            quantifier = ""
        wrap = draw(st.sampled_from(["", "group", "named", "alternative"]))
        text = piece + quantifier
        if wrap == "group":
            text = f"(?:{text})"
        elif wrap == "named":
            text = f"(?P<g{index}>{text})"
        elif wrap == "alternative":
            text = f"(?:{text}|{draw(_PIECES)})"
        parts.append(text)
    return "".join(parts)


@settings(max_examples=150, deadline=None)
@given(
    _sources(),
    st.sampled_from([0, re.IGNORECASE, re.MULTILINE, re.IGNORECASE | re.DOTALL]),
    st.text(alphabet="a가나제자 \n1(·Az", max_size=30),
)
def test_property_stored_patterns_match_what_re_matches(source: str, flags: int, text: str) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "store.regex")
        first = PatternStore(path)
        first.compile(source, flags)
        first.save()
        built = PatternStore(path).compile(source, flags)
    same(built, source, flags)
    reference = re.compile(source, flags)
    assert [m.span() for m in built.finditer(text)] == [m.span() for m in reference.finditer(text)]


def test_a_real_run_writes_the_store_and_a_second_run_reads_it(tmp_path: Path) -> None:
    store = tmp_path / "store.bin"
    env = {"ESSAYLINT_STORE": str(store), "PYTHONDONTWRITEBYTECODE": ""}
    args = ("check", "--no-cache", "--ignore", "model", "--format", "json", "examples")
    first = essaylint(*args, cwd=ROOT, env=env)
    assert first.returncode == 1, first.stderr  # the example has findings by design
    entries = stored_entries(store)
    assert len(entries) > 50  # essaylint's own patterns, not only a few
    engine = importlib.import_module("_sre")
    for (source, flags), parts in entries.items():
        same(engine.compile(source, *parts), source, flags)
    _, raw = marshal.loads(store.read_bytes())
    presets = [key for key in raw if key[0] == "toml"]
    assert len(presets) == 15  # the built-in company presets, read by wrong-company
    for key in presets:
        assert marshal.loads(raw[key]) == tomllib.loads(key[1])
    second = essaylint(*args, cwd=ROOT, env=env)
    off = essaylint(*args, cwd=ROOT, env={"ESSAYLINT_STORE": ""})
    assert second.stdout == first.stdout == off.stdout
    assert second.stderr == first.stderr == off.stderr
    assert second.returncode == off.returncode == 1


PRESET_LIKE = """name = "카카오"
aliases = ["Kakao", "(주)카카오"]
note = \"\"\"two \\
lines\"\"\"

[[values]]
name = "신뢰"
related = ["믿음"]
"""


def test_toml_read_through_the_store_is_what_tomllib_reads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "store.bin"
    monkeypatch.setattr(stored_module, "STORE", DerivedStore(str(path)))
    first = stored_module.load_toml(PRESET_LIKE)
    assert first == tomllib.loads(PRESET_LIKE)
    stored_module.STORE.save()

    def no_parsing(text: str) -> None:
        raise AssertionError("parsed although the store has the text")

    monkeypatch.setattr(stored_module, "STORE", DerivedStore(str(path)))
    monkeypatch.setattr(tomllib, "loads", no_parsing)
    second = stored_module.load_toml(PRESET_LIKE)
    assert second == first and second is not first
    second["aliases"].append("changed")  # a caller's copy: the next read is unaffected
    assert stored_module.load_toml(PRESET_LIKE) == first


def test_toml_with_dates_and_broken_entries_is_parsed_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "store.bin"
    store = DerivedStore(str(path))
    monkeypatch.setattr(stored_module, "STORE", store)
    dated = 'checked = 2026-11-24\nname = "x"\n'
    assert stored_module.load_toml(dated) == tomllib.loads(dated)
    assert store.get(("toml", dated)) is None  # dates do not marshal: not kept
    store.put(("toml", "a = 1\n"), b"not marshal")
    store.put(("toml", "b = 2\n"), marshal.dumps([1, 2]))
    assert stored_module.load_toml("a = 1\n") == {"a": 1}
    assert stored_module.load_toml("b = 2\n") == {"b": 2}
    assert marshal.loads(store.get(("toml", "a = 1\n")) or b"") == {"a": 1}
    with pytest.raises(ValueError):
        stored_module.load_toml("a = \n")


def test_a_broken_preset_is_still_a_one_line_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from essaylint.values.presets import PresetError, _load_text

    monkeypatch.setattr(stored_module, "STORE", DerivedStore(str(tmp_path / "store.bin")))
    with pytest.raises(PresetError, match=r"^packs/values/x\.toml: invalid TOML: ") as caught:
        _load_text('name = "x\n', "x", "packs/values/x.toml")
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize("kind", ["folder", "device", "too-big"])
def test_a_store_path_that_is_not_a_store_file_reads_as_empty(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    if kind == "folder":
        path = tmp_path / "a-folder"
        path.mkdir()
    elif kind == "device":
        path = Path(os.devnull)
    else:
        path = tmp_path / "store.bin"
        full = PatternStore(str(path))
        full.compile(*SOURCES[0])
        full.save()
        monkeypatch.setattr(stored_module, "MAX_BYTES", path.stat().st_size - 1)
    store = PatternStore(str(path), write=False)
    same(store.compile(*SOURCES[0]), *SOURCES[0])
    assert store.store.get(("re", *SOURCES[0])) is None


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_as_the_store_does_not_hang_a_run(tmp_path: Path) -> None:
    pipe = tmp_path / "store.bin"
    os.mkfifo(pipe)
    args = ("check", "--no-cache", "--ignore", "model", "--format", "json", "examples")
    done = essaylint(*args, cwd=ROOT, env={"ESSAYLINT_STORE": str(pipe)}, timeout=120)
    off = essaylint(*args, cwd=ROOT, env={"ESSAYLINT_STORE": ""})
    assert done.returncode == off.returncode == 1
    assert done.stdout == off.stdout and done.stderr == off.stderr


def test_a_pattern_asked_for_again_is_the_one_built_first(monkeypatch: pytest.MonkeyPatch) -> None:
    built: list[str] = []
    real = patterns_module.compile_with

    def counted(store: DerivedStore, source: str, flags: int = 0) -> re.Pattern[str]:
        built.append(source)
        return real(store, source, flags)

    monkeypatch.setattr(patterns_module, "compile_with", counted)
    monkeypatch.setattr(patterns_module, "_BUILT", {})
    first = patterns_module.compile_pattern(r"(?:메모|참고)\s*", re.IGNORECASE)
    again = patterns_module.compile_pattern(r"(?:메모|참고)\s*", re.IGNORECASE)
    other = patterns_module.compile_pattern(r"(?:메모|참고)\s*")
    assert again is first and other is not first
    assert built == [r"(?:메모|참고)\s*"] * 2  # once per (source, flags)
    same(first, r"(?:메모|참고)\s*", re.IGNORECASE)

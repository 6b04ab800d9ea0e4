"""Whole-run replay: a repeated command over unchanged files prints the first run's output without
linting; anything the output could depend on makes it a miss; some runs are never recorded."""

from __future__ import annotations

import os
import pty
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import essaylint, essaylint_unread, write_essays

from essaylint.cli import launch
from essaylint.running import replay

NO_MODEL = ("--ignore", "model")


def run(project: Path, *args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    done = essaylint(
        "check", *NO_MODEL, "--cache-dir", str(project / "cache"), *args, cwd=project, env=env
    )
    return done.returncode, done.stdout, done.stderr


def records(project: Path) -> list[Path]:
    return sorted((project / "cache").glob(f"{replay.RECORD_PREFIX}*.bin"))


def forget_results(project: Path) -> None:
    """Delete the per-file entries: a run that lints anything writes them again."""
    for entry in (project / "cache").glob("*.json"):
        entry.unlink()


def linted(project: Path) -> bool:
    return any((project / "cache").glob("*.json"))


@pytest.fixture
def project(tmp_path: Path) -> Path:
    write_essays(tmp_path / "essays", 4)
    return tmp_path


def test_a_repeated_run_is_replayed_byte_for_byte(project: Path) -> None:
    first = run(project, "essays")
    assert first[0] == 1 and "essay-00.md:" in first[1]  # over-limit answers are errors
    assert len(records(project)) == 1
    forget_results(project)
    assert run(project, "essays") == first
    assert not linted(project)  # replayed: nothing was linted
    assert len(records(project)) == 1


def test_score_is_replayed_too(project: Path) -> None:
    cache = str(project / "cache")
    first = essaylint("score", "--cache-dir", cache, "essays", cwd=project)
    forget_results(project)
    second = essaylint("score", "--cache-dir", cache, "essays", cwd=project)
    assert (second.returncode, second.stdout) == (first.returncode, first.stdout)
    assert "% 완성 (" in second.stdout and not linted(project)


def _edit(project: Path) -> None:
    with open(project / "essays" / "essay-01.md", "a", encoding="utf-8") as handle:
        handle.write("\n## 3. 새 질문 (20자)\n")


def _add(project: Path) -> None:
    (project / "essays" / "new.md").write_text("## 질문\n", encoding="utf-8")


def _remove(project: Path) -> None:
    (project / "essays" / "essay-02.md").unlink()


def _rename(project: Path) -> None:
    (project / "essays" / "essay-02.md").rename(project / "essays" / "essay-99.md")


def _config_above(project: Path) -> None:
    (project / "essaylint.toml").write_text("default_limit = 10\n", encoding="utf-8")


def _words_file(project: Path) -> None:
    (project / "essays" / ".essaylint-words.txt").write_text("온보딩\n", encoding="utf-8")


def _subfolder(project: Path) -> None:
    (project / "essays" / "more").mkdir()
    (project / "essays" / "more" / "x.md").write_text("## 질문\n", encoding="utf-8")


CHANGES: dict[str, Callable[[Path], None]] = {
    "edited": _edit,
    "added": _add,
    "removed": _remove,
    "renamed": _rename,
    "config-above": _config_above,
    "words-file": _words_file,
    "new-subfolder": _subfolder,
}


@pytest.mark.parametrize("change", CHANGES)
def test_a_changed_world_is_linted_again(project: Path, change: str) -> None:
    run(project, "essays")
    CHANGES[change](project)
    forget_results(project)
    second = run(project, "essays")
    assert linted(project)
    fresh = essaylint("check", *NO_MODEL, "--no-cache", "essays", cwd=project)
    assert second == (fresh.returncode, fresh.stdout, fresh.stderr)
    assert len(records(project)) == 1  # same command: its record is replaced


def test_a_file_reached_through_extends_is_watched(project: Path) -> None:
    base = project / "shared" / "base.toml"
    base.parent.mkdir()
    base.write_text("default_limit = 1000\n", encoding="utf-8")
    (project / "essays" / "essaylint.toml").write_text(
        'extends = "../shared/base.toml"\n', encoding="utf-8"
    )
    first = run(project, "essays")
    base.write_text("default_limit = 5\n", encoding="utf-8")
    forget_results(project)
    second = run(project, "essays")
    assert linted(project)
    assert "EL201 over-limit 23/5자" not in first[1]
    assert "essays/essay-01.md:6:1: EL201 over-limit 23/5자 (공백 포함, chars)" in second[1]


def test_a_named_file_is_watched_and_its_folder_is_not_listed(project: Path) -> None:
    first = run(project, "essays/essay-01.md")
    _add(project)  # another file in the folder: not part of this run
    forget_results(project)
    assert run(project, "essays/essay-01.md") == first and not linted(project)
    _edit(project)
    assert run(project, "essays/essay-01.md") != first and linted(project)


def test_arguments_and_environment_are_part_of_the_key(project: Path) -> None:
    plain = run(project, "essays")
    as_json = run(project, "--format", "json", "essays")
    assert as_json[1].startswith("{") or as_json[1].startswith("[")
    colour = {"NO_COLOR": "", "FORCE_COLOR": "1"}
    coloured = run(project, "essays", env=colour)
    assert "\x1b[" in coloured[1] and "\x1b[" not in plain[1]
    assert len(records(project)) == 3
    forget_results(project)
    assert run(project, "essays", env=colour) == coloured
    assert run(project, "--format", "json", "essays") == as_json
    assert not linted(project)


@pytest.mark.parametrize(
    "args",
    [
        ("--no-cache", "essays"),
        ("--diff", "essays"),
        ("--fix", "essays"),
        ("-",),
        ("essays", "broken.md"),
    ],
    ids=["no-cache", "diff", "fix", "stdin", "file-error"],
)
def test_runs_that_are_never_recorded(project: Path, args: tuple[str, ...]) -> None:
    (project / "broken.md").write_bytes(b"\x00\x01\x02binary\xff\xfe")
    code, _, errors = run(project, *args)
    assert records(project) == []
    if "broken.md" in args:
        assert code == 2 and "essaylint: broken.md: " in errors


def test_a_file_whose_front_matter_names_a_pack_is_never_replayed(project: Path) -> None:
    (project / "essays" / "essay-01.md").write_text(
        "---\nessaylint:\n  typo_packs: [mine.toml]\n---\n## 질문\n답변입니다.\n", encoding="utf-8"
    )
    (project / "essays" / "mine.toml").write_text('[pack]\nname = "mine"\n', encoding="utf-8")
    run(project, "essays")
    assert records(project) == []


def test_other_commands_are_never_recorded(project: Path) -> None:
    cache = str(project / "cache")
    essaylint("rules", cwd=project, env={"ESSAYLINT_CACHE_DIR": cache})
    essaylint("report", "-o", "out.html", "essays", cwd=project, env={"ESSAYLINT_CACHE_DIR": cache})
    assert records(project) == []


def test_a_terminal_gets_no_record(project: Path) -> None:
    controller, terminal = pty.openpty()
    try:
        essaylint(
            "check", *NO_MODEL, "--cache-dir", str(project / "cache"), "essays",
            cwd=project, stderr=terminal,
        )  # fmt: skip
    finally:
        os.close(terminal)
        os.close(controller)
    assert records(project) == []


def test_a_broken_record_is_a_miss_and_is_rewritten(project: Path) -> None:
    first = run(project, "essays")
    (record,) = records(project)
    good = record.read_bytes()
    for broken in (b"", b"garbage", good[:-10], good[:40], good + b"x"):
        record.write_bytes(broken)
        forget_results(project)
        assert run(project, "essays") == first
        assert linted(project)
        assert record.read_bytes() == good


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_in_a_work_tree_what_git_ignores_decides(project: Path) -> None:
    subprocess.run(["git", "init", "-q"], cwd=project, check=True)
    first = run(project, "essays")
    (project / ".gitignore").write_text("essay-01.md\n", encoding="utf-8")
    forget_results(project)
    second = run(project, "essays")
    assert "essay-01.md" in first[1] and "essay-01.md" not in second[1]


def test_a_world_changed_during_the_run_is_not_recorded(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """In process: the world is read before and after the run; here it differs each time."""
    digests = iter(["before", "after"])
    monkeypatch.setattr(replay, "world", lambda plan: next(digests))
    monkeypatch.chdir(project)
    cache = str(project / "cache")
    monkeypatch.setattr(sys, "argv", ["essaylint", *NO_MODEL, "--cache-dir", cache, "essays"])
    with pytest.raises(SystemExit) as done:
        launch.main()
    assert done.value.code == 1 and "essay-00.md" in capsys.readouterr().out
    assert next(digests, None) is None  # both were read
    assert records(project) == []
    assert sys.stdout is not None and not isinstance(sys.stdout.buffer, replay._Tee)


def _closed_reader(project: Path) -> tuple[int, str]:
    """The command with its stdout read by nobody (`essaylint … | head` once head is gone)."""
    cache = str(project / "cache")
    return essaylint_unread(
        "check", *NO_MODEL, "--cache-dir", cache, "essays", cwd=project, timeout=120
    )


def test_a_reader_that_leaves_early(project: Path) -> None:
    """Recording: output cut short is not kept. Replaying: no traceback, exit 1 as click's."""
    write_essays(project / "essays", 400)  # more than a pipe holds
    assert _closed_reader(project) == (1, "")
    assert records(project) == []
    run(project, "essays")
    assert len(records(project)) == 1
    forget_results(project)
    assert _closed_reader(project) == (1, "")
    assert not linted(project)


def test_old_records_are_pruned(tmp_path: Path) -> None:
    names = [f"{replay.RECORD_PREFIX}{n}.bin" for n in range(6)]
    for age, name in enumerate(names):
        (tmp_path / name).write_bytes(b"x")
        os.utime(tmp_path / name, ns=(age * 10**9, age * 10**9))
    (tmp_path / "other.json").write_bytes(b"{}")
    replay._prune(str(tmp_path), keep=str(tmp_path / names[0]), most=3)
    left = sorted(p.name for p in tmp_path.iterdir())
    assert left == sorted([names[0], *names[3:], "other.json"])


def test_every_command_but_check_and_score_is_left_alone() -> None:
    from essaylint.cli.commands import COMMANDS

    assert set(replay._OTHER_COMMANDS) == set(COMMANDS) - {"check", "score"}


def test_content_digest_of_every_kind_of_path(tmp_path: Path) -> None:
    import hashlib

    from essaylint.running.fingerprints import content_digest

    big = os.urandom(300_000)  # more than one read
    for name, data in (("empty.md", b""), ("small.md", "## 질문\n".encode()), ("big.md", big)):
        (tmp_path / name).write_bytes(data)
        assert content_digest(str(tmp_path / name)) == hashlib.sha256(data).hexdigest()
    os.mkfifo(tmp_path / "pipe.md")  # nobody writes: must not wait
    assert content_digest(str(tmp_path / "pipe.md")) == "not a regular file: 10000"
    assert content_digest(str(tmp_path)) == "not a regular file: 40000"
    assert content_digest(str(tmp_path / "missing.md")) is None

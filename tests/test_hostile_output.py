"""Hostile output: where the report goes and what it may hold, through real `python -m essaylint`
processes (the `essaylint` script's entry, replay included).

Every run asserts the contract: exit 0, 1 or 2 as documented, one line per error on stderr, never
a traceback, and no file under the project changed (hashed before and after).
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import pytest
from helpers import essaylint_unread, user_environment

from essaylint.running import replay

FULL = "/dev/full"  # every write fails with ENOSPC
needs_full = pytest.mark.skipif(not os.path.exists(FULL), reason="needs /dev/full (Linux)")
NO_MODEL = ("--ignore", "model")
NO_SPACE = "essaylint: cannot write the output: No space left on device"
CLOSED = "essaylint: cannot write the output: standard output is closed"
EMPTY_PATH = "essaylint: empty path argument: name a file or folder ('.' for the current folder)"

# A stub first answer (EL102, a warning) and an empty second one (EL101, an error): exit 1.
ESSAY = "## 1. 지원 동기 (100자)\n저는 꼼꼼한 개발자입니다.\n\n## 2. 입사 후 포부\n"
ESSAY_LINES = [
    "a.md:1:1: EL102 stub-answer 미완성 답변: 14자: 최소 50자보다 짧음 [1. 지원 동기 (100자)]",
    "a.md:4:1: EL101 empty-answer 답변이 비어 있음 [2. 입사 후 포부]",
]
# Control characters in a title (ESC sequences, BEL, a C1 CSI, a line separator) and in a name.
HOSTILE_TITLE = "1. 지원\x1b[31m 동기\x07\x9b\u2028 (100자)"
HOSTILE_ESSAY = f"## {HOSTILE_TITLE}\n저는 꼼꼼한 개발자입니다.\n\n## 2. 포부\x1b]0;pwn\x07\n"
SHOWN_TITLE = "1. 지원␛[31m 동기␇\\u009b\\u2028 (100자)"  # as the text format shows it
HOSTILE_NAME = "b\x1bc.md"


def _unsafe(text: str) -> list[str]:
    """Control characters other than LF and tab, and U+2028/U+2029, found in `text`."""
    return [c for c in text if (ord(c) < 0x20 and c not in "\n\t") or 0x7F <= ord(c) <= 0x9F] + [
        c for c in text if c in "\u2028\u2029"
    ]


# --- running the command ----------------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    code: int
    stdout: str
    stderr: str


def _hashes(root: Path) -> dict[str, str]:
    """Every file under `root` but the cache: its sha256."""
    found: dict[str, str] = {}
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if d != "cache"]
        for name in files:
            path = os.path.join(folder, name)
            with open(path, "rb") as handle:
                found[path] = hashlib.sha256(handle.read()).hexdigest()
    return found


def run(
    project: Path,
    *args: str,
    stdout: str | None = None,
    stderr: str | None = None,
    close_stdout: bool = False,
    may_change: tuple[Path, ...] = (),
) -> Run:
    """`python -m essaylint ARGS` in `project` with its cache in project/cache. `stdout` or
    `stderr` may name a file to write to (a full device); `close_stdout` runs it with fd 1
    closed. No traceback; nothing outside `may_change` and the cache changes."""
    before = _hashes(project)
    env = user_environment({"ESSAYLINT_CACHE_DIR": str(project / "cache")})
    with (
        open(stdout or os.devnull, "wb") as out_file,
        open(stderr or os.devnull, "wb") as err_file,
    ):
        out: IO[bytes] | int | None = out_file if stdout else subprocess.PIPE
        err: IO[bytes] | int | None = err_file if stderr else subprocess.PIPE
        closing: Callable[[], None] | None = (lambda: os.close(1)) if close_stdout else None
        if close_stdout:
            out = None  # inherited, then closed in the child before it starts
        done = subprocess.run(
            [sys.executable, "-m", "essaylint", *args],
            cwd=project,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=err,
            preexec_fn=closing,  # the test runs in one thread
            timeout=300,
            check=False,
        )
    after = _hashes(project)
    for path in may_change:
        before.pop(str(path), None)
        after.pop(str(path), None)
    assert after == before, "a run changed, added or removed a file"
    result = Run(
        done.returncode,
        (done.stdout or b"").decode("utf-8"),
        (done.stderr or b"").decode("utf-8"),
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result


def linted(project: Path) -> bool:
    """Whether a run wrote per-file cache entries (a replayed run writes none)."""
    return any((project / "cache").glob("*.json"))


def forget_results(project: Path) -> None:
    for entry in (project / "cache").glob("*.json"):
        entry.unlink()


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "a.md").write_text(ESSAY, encoding="utf-8")
    return tmp_path


# --- 1. a report that cannot be written -------------------------------------------------------


@needs_full
def test_a_full_stdout_is_one_line_and_exit_2(project: Path) -> None:
    done = run(project, "check", *NO_MODEL, "--no-cache", "a.md", stdout=FULL)
    assert (done.code, done.stderr) == (2, NO_SPACE + "\n")
    # Small reports sit in the buffer until the end; big ones fail while being written.
    big = [project / f"e{n:03}.md" for n in range(300)]
    for path in big:
        path.write_text(ESSAY, encoding="utf-8")
    done = run(project, "check", *NO_MODEL, "--no-cache", ".", stdout=FULL)
    assert (done.code, done.stderr) == (2, NO_SPACE + "\n")


@needs_full
@pytest.mark.parametrize(
    "args",
    [
        pytest.param(("score", "--no-cache", "a.md"), id="score"),
        pytest.param(("check", "--format", "json", *NO_MODEL, "--no-cache", "a.md"), id="json"),
        pytest.param(("report", "a.md", "-o", "-"), id="report"),
        pytest.param(("rules",), id="rules"),
        pytest.param(("explain", "EL101"), id="explain"),
        pytest.param(("schema",), id="schema"),
        pytest.param(("check", "--help"), id="help"),
        pytest.param(("--version",), id="version"),
    ],
)
def test_every_command_says_when_stdout_is_full(project: Path, args: tuple[str, ...]) -> None:
    done = run(project, *args, stdout=FULL)
    assert (done.code, done.stderr) == (2, NO_SPACE + "\n")


@pytest.mark.skipif(os.name != "posix", reason="closes a descriptor before exec")
def test_a_closed_stdout_is_exit_2(project: Path) -> None:
    done = run(project, "check", *NO_MODEL, "a.md", close_stdout=True)
    assert (done.code, done.stderr) == (2, CLOSED + "\n")
    assert not list((project / "cache").glob(f"{replay.RECORD_PREFIX}*"))
    done = run(project, "rules", close_stdout=True)
    assert (done.code, done.stderr) == (2, CLOSED + "\n")


@needs_full
def test_a_full_stderr_keeps_the_exit_code(project: Path) -> None:
    """The file error's line is lost, its exit code is not; nor is the report on stdout."""
    (project / "utf32.md").write_bytes("## 질문\n답변\n".encode("utf-32"))
    done = run(project, "check", *NO_MODEL, "--no-cache", "utf32.md", "a.md", stderr=FULL)
    assert done.code == 2
    assert done.stdout.splitlines()[0] == ESSAY_LINES[0]
    done = run(project, "check", *NO_MODEL, "--no-cache", "a.md", stderr=FULL)
    assert done.code == 1
    done = run(project, "check", *NO_MODEL, "--no-cache", "a.md", stdout=FULL, stderr=FULL)
    assert done.code == 2
    done = run(project, "check", "--fail-under", "nan", "a.md", stderr=FULL)  # click's message
    assert done.code == 2


@needs_full
def test_a_replayed_report_into_a_full_stdout(project: Path) -> None:
    first = run(project, "check", *NO_MODEL, "--format", "concise", "a.md")
    assert (first.code, first.stdout.splitlines()[:2]) == (1, ESSAY_LINES)
    assert len(list((project / "cache").glob(f"{replay.RECORD_PREFIX}*.bin"))) == 1
    forget_results(project)
    again = run(project, "check", *NO_MODEL, "--format", "concise", "a.md")
    assert again == first and not linted(project)  # replayed
    done = run(project, "check", *NO_MODEL, "--format", "concise", "a.md", stdout=FULL)
    assert (done.code, done.stderr) == (2, NO_SPACE + "\n")
    assert not linted(project)  # the replay failed, and said so; the run was not repeated
    done = run(project, "check", *NO_MODEL, "--format", "concise", "a.md", stderr=FULL)
    assert (done.code, done.stdout) == (1, first.stdout)
    assert not linted(project)


def test_a_reader_that_leaves_stays_quiet(project: Path) -> None:
    """`essaylint … | head`: exit 1 and nothing on stderr, as before (and as click does)."""
    for n in range(300):  # more than a pipe holds
        (project / f"e{n:03}.md").write_text(ESSAY, encoding="utf-8")
    assert essaylint_unread("check", *NO_MODEL, "--no-cache", ".", cwd=project) == (1, "")


# --- 2. report -o over an input -------------------------------------------------------------


def test_report_never_overwrites_an_essay(project: Path) -> None:
    (project / "essays").mkdir()
    (project / "essays" / "b.md").write_text(ESSAY, encoding="utf-8")
    os.symlink("a.md", project / "link.md")
    for output, inputs in [
        ("a.md", ["."]),
        ("./a.md", ["a.md"]),
        ("essays/../a.md", ["."]),
        ("link.md", ["a.md"]),  # another name for the same file
        ("essays/b.md", ["essays"]),
    ]:
        done = run(project, "report", *inputs, "-o", output)
        assert (done.code, done.stdout) == (2, "")
        assert (
            done.stderr
            == f"essaylint: {output}: is one of the files being checked; not overwritten\n"
        )


def test_report_never_overwrites_a_file_it_did_not_write(project: Path) -> None:
    (project / "notes.md").write_text("# 메모\n", encoding="utf-8")
    (project / "index.html").write_text("<!DOCTYPE html><title>mine</title>\n", encoding="utf-8")
    for output in ("notes.md", "index.html"):
        done = run(project, "report", "a.md", "-o", output)
        assert (done.code, done.stdout) == (2, "")
        expected = f"essaylint: {output}: exists and is not an essaylint report; not overwritten\n"
        assert done.stderr == expected


def test_report_replaces_its_own_page(project: Path) -> None:
    page = project / "report.html"
    done = run(project, "report", "a.md", "-o", "report.html", may_change=(page,))
    assert (done.code, done.stdout, done.stderr) == (0, "wrote report.html (1 file)\n", "")
    page.chmod(0o640)
    (project / "a.md").write_text(ESSAY + "열심히 하겠습니다.\n", encoding="utf-8")
    done = run(project, "report", "a.md", "-o", "report.html", may_change=(page, project / "a.md"))
    assert done.code == 0
    assert "열심히" not in page.read_text(encoding="utf-8")  # the page, not the essay
    assert "2. 입사 후 포부" in page.read_text(encoding="utf-8")
    assert page.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in project.iterdir()) == ["a.md", "cache", "report.html"]


@needs_full
def test_report_to_a_full_device(project: Path) -> None:
    done = run(project, "report", "a.md", "-o", FULL)
    assert (done.code, done.stderr) == (
        2,
        f"essaylint: {FULL}: cannot write: No space left on device\n",
    )


@pytest.mark.skipif(sys.platform != "linux", reason="file names that are not UTF-8")
def test_report_of_a_file_name_that_is_not_utf8(project: Path) -> None:
    os.rename(project / "a.md", os.fsencode(project) + b"/x\xff.md")
    done = run(project, "report", ".", "-o", "-")
    assert done.code == 1 or done.code == 0
    assert "x\ufffd.md" in done.stdout


# --- 3. an empty path -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(("check", ""), id="check"),
        pytest.param(("", "a.md"), id="default-command"),
        pytest.param(("score", "a.md", ""), id="score"),
        pytest.param(("report", "", "-o", "-"), id="report"),
    ],
)
def test_an_empty_path_is_a_usage_error(project: Path, args: tuple[str, ...]) -> None:
    done = run(project, *args)
    assert (done.code, done.stdout, done.stderr) == (2, "", EMPTY_PATH + "\n")
    assert not (project / "cache").exists()  # nothing was read


# --- 4. control characters in every format ------------------------------------------------------


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    (tmp_path / "a.md").write_text(HOSTILE_ESSAY, encoding="utf-8")
    if os.name == "posix":
        (tmp_path / HOSTILE_NAME).write_text(HOSTILE_ESSAY, encoding="utf-8")
    return tmp_path


def _check(folder: Path, output_format: str) -> Run:
    names = sorted(p.name for p in folder.glob("*.md"))
    done = run(folder, "check", *NO_MODEL, "--no-cache", "--format", output_format, *names)
    assert done.code == 1, done.stderr
    return done


@pytest.mark.parametrize("output_format", ["text", "concise", "github", "junit", "sarif", "json"])
def test_no_raw_control_character_in_any_format(hostile: Path, output_format: str) -> None:
    done = _check(hostile, output_format)
    assert _unsafe(done.stdout) == []


def test_github_shows_control_characters_as_text_does(hostile: Path) -> None:
    lines = _check(hostile, "github").stdout.splitlines()
    assert lines[0] == (
        "::warning file=a.md,line=1,col=1,title=EL102 stub-answer::"
        f"미완성 답변: 14자: 최소 50자보다 짧음 [{SHOWN_TITLE}]"
    )
    empty = "::error file=a.md,line=4,col=1,title=EL101 empty-answer::답변이 비어 있음"
    assert lines[1] == f"{empty} [2. 포부␛]0;pwn␇]"
    if os.name == "posix":
        assert lines[2].startswith("::warning file=b␛c.md,line=1,")


def test_junit_is_well_formed_xml(hostile: Path) -> None:
    """What XML 1.0 cannot hold (ESC, BEL) is U+FFFD, as before; what it can (C1, U+2028) is
    shown as `text` shows it."""
    root = ET.fromstring(_check(hostile, "junit").stdout)
    names = [case.get("name") for case in root.iter("testcase")]
    assert "1. 지원\ufffd[31m 동기\ufffd\\u009b\\u2028 (100자)" in names
    assert "2. 포부\ufffd]0;pwn\ufffd" in names
    failures = [failure.text or "" for failure in root.iter("failure")]
    assert any(text.endswith("[2. 포부␛]0;pwn␇]") for text in failures)  # concise lines
    if os.name == "posix":
        assert "b\ufffdc.md" in [suite.get("name") for suite in root.iter("testsuite")]


def test_json_keeps_the_exact_text(hostile: Path) -> None:
    """JSON escapes control characters itself: consumers get the title as written."""
    data: dict[str, Any] = json.loads(_check(hostile, "json").stdout)
    sections = {f["section"] for file in data["files"] for f in file["findings"]}
    assert HOSTILE_TITLE in sections


def test_html_report_and_score_details(hostile: Path) -> None:
    page = run(hostile, "report", ".", "-o", "-")
    assert page.code == 0 and "<!DOCTYPE html>" in page.stdout
    assert _unsafe(page.stdout) == []
    assert SHOWN_TITLE in page.stdout
    details = run(hostile, "score", "--details", "--no-cache", ".")
    assert _unsafe(details.stdout) == []
    assert details.stdout.splitlines()[1].endswith(SHOWN_TITLE)


# --- 5. --fail-under nan ----------------------------------------------------------------------


@pytest.mark.parametrize("command", ["check", "score"])
@pytest.mark.parametrize("value", ["nan", "NaN", "-nan"])
def test_fail_under_nan_is_a_usage_error(project: Path, command: str, value: str) -> None:
    done = run(project, command, "--fail-under", value, "a.md")
    assert (done.code, done.stdout) == (2, "")
    error = f"Error: Invalid value for '--fail-under': '{value}' is not a number."
    assert done.stderr.splitlines()[-1] == error


# --- 6. --ignore on top of the config's ignore --------------------------------------------------


def test_cli_ignore_adds_to_the_config_ignore(project: Path) -> None:
    (project / "essaylint.toml").write_text('ignore = ["stub-answer"]\n', encoding="utf-8")
    done = run(project, "check", *NO_MODEL, "--format", "concise", "a.md")
    assert done.stdout.splitlines()[:-1] == [ESSAY_LINES[1]]
    fixing = run(project, "check", *NO_MODEL, "--format", "concise", "--fix", "a.md")
    assert "EL102" not in fixing.stdout


def test_runs_with_other_flags_are_neither_replayed_nor_cached_as_each_other(
    project: Path,
) -> None:
    def lines(*args: str) -> list[str]:
        done = run(project, "check", *NO_MODEL, "--format", "concise", *args, "a.md")
        return done.stdout.splitlines()[:-1]

    assert lines() == ESSAY_LINES
    assert lines() == ESSAY_LINES  # replayed
    assert lines("--ignore", "stub-answer") == ESSAY_LINES[1:]
    assert lines("--ignore", "stub-answer") == ESSAY_LINES[1:]
    assert lines("--select", "EL102") == ESSAY_LINES[:1]
    forget_results(project)
    assert lines("--ignore", "empty-answer") == ESSAY_LINES[:1]  # linted, then per-file cache
    assert lines("--ignore", "empty-answer") == ESSAY_LINES[:1]
    assert lines() == ESSAY_LINES

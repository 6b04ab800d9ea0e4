"""Many files: worker processes give the same bytes as one process, a failing file or worker stays
that file's one-line error, folders follow .gitignore and `exclude`, a progress line on terminals."""

from __future__ import annotations

import os
import pty
import shutil
import subprocess
from pathlib import Path

import helpers
import pytest
from helpers import essay, essaylint

from essaylint.linting.results import Finding
from essaylint.reporters import FORMATS
from essaylint.reporters.progress import ProgressLine
from essaylint.running import discovery
from essaylint.running.discovery import expand_paths
from essaylint.running.finder import ConfigFinder
from essaylint.running.jobs import AUTO_MIN_FILES, cpu_count, default_jobs, run_files

NO_MODEL = ("--ignore", "EL302")  # Kiwi is not what these tests are about: keep them quick


# Every answered second question has a known typo, so every file has a finding to report.
SECOND = "아떠한 상황에서도 팀의 온보딩 문서를 정리하겠습니다."


def write_essays(folder: Path, count: int) -> list[Path]:
    return helpers.write_essays(folder, count, second=SECOND)


def write_plugin(site: Path) -> dict[str, str]:
    """A real third-party rule package on PYTHONPATH: XC001 raises on `CRASH-ME`, and exits the
    process on `DIE-NOW` (as a crash in a native library would)."""
    return helpers.install_plugin(
        site,
        "crashy-rule",
        "XC001",
        "import os\n"
        "from essaylint.linting.plugin import Rule\n"
        "def check(doc, opts, ctx):\n"
        "    text = '\\n'.join(ctx.lines or ())\n"
        "    if 'DIE-NOW' in text:\n"
        "        os._exit(7)\n"
        "    if 'CRASH-ME' in text:\n"
        "        raise ValueError('boom')\n"
        "    return iter(())\n"
        "RULE = Rule(code='XC001', name='crashy-rule', check=check)\n",
    )


# --- same output whatever the jobs ---------------------------------------------------------------


def test_two_workers_give_the_same_bytes_as_one_process(tmp_path: Path) -> None:
    write_essays(tmp_path / "essays", 30)
    # Workers send back only the source lines findings start on: every format must still print
    # what one process prints.
    for output_format in FORMATS:
        runs = [
            essaylint(
                "check",
                "-j",
                jobs,
                "--no-cache",
                "--format",
                output_format,
                *NO_MODEL,
                "essays",
                cwd=tmp_path,
            )
            for jobs in ("1", "2")
        ]
        assert runs[0].returncode == runs[1].returncode == 1
        assert runs[1].stdout == runs[0].stdout
        assert runs[1].stderr == runs[0].stderr == ""
    assert "essays/essay-29.md" in runs[0].stdout
    score = [
        essaylint("score", "-j", jobs, "--no-cache", "essays", cwd=tmp_path) for jobs in ("1", "2")
    ]
    assert score[0].stdout == score[1].stdout and len(score[0].stdout.splitlines()) == 30


def test_cold_and_warm_parallel_runs_agree(tmp_path: Path) -> None:
    write_essays(tmp_path / "essays", 30)
    serial = essaylint("check", "-j", "1", "--no-cache", *NO_MODEL, "essays", cwd=tmp_path)
    cold = essaylint("check", "-j", "2", *NO_MODEL, "essays", cwd=tmp_path)
    warm = essaylint("check", "-j", "2", *NO_MODEL, "essays", cwd=tmp_path)
    assert serial.stdout == cold.stdout == warm.stdout
    assert len(list((tmp_path / ".essaylint_cache").glob("*.json"))) == 30


def _quoted_lines(findings: list[Finding], lines: tuple[str, ...]) -> tuple[str, ...]:
    quoted = {finding.line for finding in findings}
    return tuple(line if number in quoted else "" for number, line in enumerate(lines, 1))


def test_spawned_workers_agree_with_one_process(tmp_path: Path) -> None:
    files = [str(p) for p in write_essays(tmp_path / "essays", 12)]
    overrides = {"ignore": ("EL302",)}
    one = run_files(files, ConfigFinder(), overrides, jobs=1)
    spawned = run_files(files, ConfigFinder(), overrides, jobs=2, method="spawn")
    assert [r.path for r in spawned] == files
    # Workers send back only the lines findings start on (the rest empty, numbering kept).
    assert [(r.findings, r.sections, r.lines) for r in spawned] == [
        (r.findings, r.sections, _quoted_lines(r.findings, r.lines)) for r in one
    ]
    assert [f.message for r in spawned for f in r.findings] == [
        f.message for r in one for f in r.findings
    ]


def test_stdin_is_read_once_in_a_parallel_run(tmp_path: Path) -> None:
    write_essays(tmp_path / "essays", 12)
    text = "## 1. 지원 동기 (150자)\n\n## 2. 입사 후 포부\n답변입니다.\n"
    for jobs in ((), ("-j", "2"), ("-j", "1")):
        done = essaylint(
            "check",
            *jobs,
            "--format",
            "concise",
            *NO_MODEL,
            "-",
            "essays",
            cwd=tmp_path,
            stdin=text.encode("utf-8"),
        )
        assert done.returncode == 1
        assert "-:1:1: EL101 empty-answer 답변이 비어 있음 [1. 지원 동기 (150자)]" in done.stdout
        assert " in 13 files " in done.stdout.splitlines()[-1]


def test_default_jobs() -> None:
    assert default_jobs(AUTO_MIN_FILES) == 1
    assert default_jobs(AUTO_MIN_FILES + 1) == cpu_count() >= 1


# --- failures stay where they happen ------------------------------------------------------------


def test_a_failing_file_in_a_worker_is_its_own_one_line_error(tmp_path: Path) -> None:
    folder = tmp_path / "essays"
    write_essays(folder, 30)
    (folder / "essay-07.md").write_text(
        essay(7, second=SECOND, extra=" CRASH-ME"), encoding="utf-8"
    )
    (folder / "binary.md").write_bytes(b"## \x00\x01")
    (folder / "front.md").write_text("---\ncount: nonsense\n---\n## 질문\n답변\n", encoding="utf-8")
    env = write_plugin(tmp_path / "site")
    args = ("check", "--no-cache", "--extend-select", "XC001", *NO_MODEL, "essays")
    runs = [essaylint(*args[:1], "-j", jobs, *args[1:], cwd=tmp_path, env=env) for jobs in "12"]
    assert runs[0].returncode == runs[1].returncode == 2
    assert runs[1].stdout == runs[0].stdout
    assert runs[1].stderr == runs[0].stderr
    errors = runs[1].stderr.splitlines()
    assert len(errors) == 3
    assert errors[0] == "essaylint: essays/binary.md: binary file (contains NUL bytes)"
    assert errors[1] == (
        "essaylint: essays/essay-07.md: rule XC001 crashy-rule crashed: ValueError: boom"
    )
    assert errors[2].startswith("essaylint: essays/front.md: front matter: count: ")
    assert "essays/essay-29.md:" in runs[1].stdout  # the other files were all checked
    assert "in 29 files (3 not readable)" in runs[1].stdout.splitlines()[-1]


def test_a_dead_worker_fails_its_files_without_a_traceback(tmp_path: Path) -> None:
    folder = tmp_path / "essays"
    write_essays(folder, 30)
    (folder / "essay-12.md").write_text(
        essay(12, second=SECOND, extra=" DIE-NOW"), encoding="utf-8"
    )
    env = write_plugin(tmp_path / "site")
    done = essaylint(
        "check",
        "-j",
        "2",
        "--no-cache",
        "--extend-select",
        "XC001",
        *NO_MODEL,
        "essays",
        cwd=tmp_path,
        env=env,
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    expected = (
        "essaylint: essays/essay-12.md: internal error (a worker process stopped: "
        "BrokenProcessPool); please report it"
    )
    assert expected in done.stderr.splitlines()
    assert all(line.startswith("essaylint: essays/") for line in done.stderr.splitlines())
    assert "not readable)" in done.stdout.splitlines()[-1]


def test_a_broken_config_fails_only_its_own_files_in_a_parallel_run(tmp_path: Path) -> None:
    write_essays(tmp_path / "essays", 12)
    write_essays(tmp_path / "essays" / "sub", 12)
    config = tmp_path / "essays" / "sub" / "essaylint.toml"
    config.write_text("count = 3\n", encoding="utf-8")
    runs = [
        essaylint("check", "-j", jobs, "--no-cache", *NO_MODEL, "essays", cwd=tmp_path)
        for jobs in "12"
    ]
    assert runs[0].returncode == runs[1].returncode == 2
    assert runs[0].stdout == runs[1].stdout
    assert runs[1].stderr == runs[0].stderr
    # The config is named once, with its key, for the twelve files under it ...
    assert runs[1].stderr.splitlines() == [
        f"essaylint: {config.resolve()}: count: input should be 'chars', 'chars-no-spaces', "
        "'bytes', 'bytes-utf8', 'neis' or 'words'"
    ]
    # ... and the twelve files outside it are still checked.
    checked = {line.split(":")[0] for line in runs[1].stdout.splitlines() if ".md:" in line}
    assert checked == {f"essays/essay-{i:02d}.md" for i in range(12)}, checked
    assert "in 12 files (12 not readable)" in runs[1].stdout.splitlines()[-1]


# --- which files: .gitignore and exclude ----------------------------------------------------------


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_folders_skip_what_git_ignores(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = tmp_path / "repo"
    for name in (
        "a.md",
        "drafts/b.md",
        "notes/c.private.md",
        "notes/d.md",
        "keep/e.md",
        "gone.md",
        ".github/f.md",
    ):
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text("## 질문\n답변입니다.\n", encoding="utf-8")
    git(repo, "init", "-q")
    (repo / ".gitignore").write_text("drafts/\nkeep/\n", encoding="utf-8")
    (repo / "notes" / ".gitignore").write_text("*.private.md\n", encoding="utf-8")
    git(repo, "add", "-f", "keep/e.md", "gone.md")  # tracked files count even when ignored
    (repo / "gone.md").unlink()  # still in the index, gone from disk
    monkeypatch.chdir(repo)
    assert list(expand_paths(["."])) == ["./a.md", "./keep/e.md", "./notes/d.md"]
    # Named explicitly, an ignored file or folder is checked.
    assert list(expand_paths(["drafts/b.md"])) == ["drafts/b.md"]
    assert list(expand_paths(["drafts"])) == ["drafts/b.md"]
    assert list(expand_paths(["notes"])) == ["notes/d.md"]
    # Without git's view: every Markdown file but hidden ones.
    assert list(expand_paths(["."], respect_gitignore=False)) == [
        "./a.md",
        "./drafts/b.md",
        "./keep/e.md",
        "./notes/c.private.md",
        "./notes/d.md",
    ]
    done = essaylint("check", "--no-cache", *NO_MODEL, ".", cwd=repo)
    assert "in 3 files" in done.stdout.splitlines()[-1]


def test_outside_a_work_tree_folders_are_walked(tmp_path: Path) -> None:
    (tmp_path / ".gitignore").write_text("*.md\n", encoding="utf-8")  # no repository: no effect
    (tmp_path / "a.md").write_text("## 질문\n답변입니다.\n", encoding="utf-8")
    assert list(expand_paths([str(tmp_path)])) == [str(tmp_path / "a.md")]


def test_git_is_started_only_under_a_git_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started: list[Path] = []

    def fake_git(root: Path, *args: str) -> None:
        started.append(Path(root))
        return None  # as if git failed: the folder is walked

    monkeypatch.setattr(discovery, "_git", fake_git)
    plain = tmp_path / "plain"
    (plain / "sub").mkdir(parents=True)
    (plain / "sub" / "a.md").write_text("## 질문\n답변입니다.\n", encoding="utf-8")
    assert discovery.listed(plain / "sub") == [str(plain / "sub" / "a.md")]
    assert started == []  # no .git anywhere above: git is not asked
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "docs").mkdir()
    discovery.listed(repo / "docs")
    assert started == [repo / "docs"]
    # A symlink from outside into the repository: git starts from the real folder.
    link = plain / "docs-link"
    link.symlink_to(repo / "docs", target_is_directory=True)
    discovery.listed(link)
    assert started[-1] == link


def test_exclude_applies_to_folder_walks(tmp_path: Path) -> None:
    (tmp_path / "essaylint.toml").write_text(
        'exclude = ["old", "drafts/*.md", "*.bak.md"]\n', encoding="utf-8"
    )
    for name in ("a.md", "old/x.md", "sub/old/y.md", "drafts/z.md", "drafts/deep/w.md", "k.bak.md"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("## 질문\n답변입니다.\n", encoding="utf-8")
    finder = ConfigFinder()
    found = [
        Path(p).relative_to(tmp_path).as_posix()
        for p in expand_paths([str(tmp_path)], finder=finder)
    ]
    assert found == ["a.md", "drafts/deep/w.md"]
    explicit = str(tmp_path / "old" / "x.md")
    assert list(expand_paths([explicit], finder=finder)) == [explicit]
    assert list(expand_paths([explicit], finder=finder, force_exclude=True)) == []
    checked = essaylint("check", "--no-cache", *NO_MODEL, "old/x.md", cwd=tmp_path)
    assert checked.returncode == 0 and "in 1 file " in checked.stdout
    forced = essaylint(
        "check", "--no-cache", "--force-exclude", *NO_MODEL, "old/x.md", cwd=tmp_path
    )
    assert (forced.returncode, forced.stdout) == (0, "")
    assert forced.stderr == "essaylint: nothing to check: every file given is excluded\n"


# --- progress and --quiet ----------------------------------------------------------------------


def read_terminal(master: int) -> bytes:
    chunks = []
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:  # EIO: the other side is closed
            break
        if not chunk:
            break
        chunks.append(chunk)
    return b"".join(chunks)


def test_a_progress_line_on_a_terminal_only(tmp_path: Path) -> None:
    write_essays(tmp_path / "essays", 25)
    args = ("check", "-j", "1", *NO_MODEL, "essays")
    master, terminal = pty.openpty()
    try:
        done = essaylint(*args, cwd=tmp_path, stderr=terminal)
        os.close(terminal)
        shown = read_terminal(master).decode()
    finally:
        os.close(master)
    assert done.returncode == 1
    line = "checking 25/25 files"
    assert shown.startswith("\rchecking 0/25 files")
    assert shown.endswith(f"\r{line}\r{' ' * len(line)}\r")
    assert "checking" not in done.stdout
    for extra, env in ((("-q",), {}), ((), {"CI": "true"})):
        master, terminal = pty.openpty()
        try:
            quiet = essaylint(
                *args[:1],
                *extra,
                *args[1:],
                cwd=tmp_path,
                env=env,
                stderr=terminal,
            )
            os.close(terminal)
            assert read_terminal(master) == b""
        finally:
            os.close(master)
        assert quiet.returncode == 1


def test_progress_line_draws_and_erases() -> None:
    import io

    stream = io.StringIO()
    progress = ProgressLine(stream)
    progress(0, 10)  # fewer files than the minimum: nothing
    assert stream.getvalue() == ""
    progress(0, 100)
    progress(100, 100)
    progress.close()
    width = len("checking 100/100 files")
    expected = "\rchecking 0/100 files" + f"\r{'checking 100/100 files'}" + f"\r{' ' * width}\r"
    assert stream.getvalue() == expected


def test_quiet_drops_the_summary_line_only(tmp_path: Path) -> None:
    write_essays(tmp_path / "essays", 3)
    for output_format in ("text", "concise"):
        loud = essaylint("check", "--format", output_format, *NO_MODEL, "essays", cwd=tmp_path)
        quiet = essaylint(
            "check", "-q", "--format", output_format, *NO_MODEL, "essays", cwd=tmp_path
        )
        assert quiet.returncode == loud.returncode == 1
        lines = loud.stdout.splitlines(keepends=True)
        assert " in 3 files · 완성도 " in lines[-1]
        assert quiet.stdout == "".join(lines[:-1])
        assert "essays/essay-00.md:3:1: EL201" in quiet.stdout


def test_results_cross_to_the_parent_whole_but_for_unquoted_lines() -> None:
    """What a worker sends: every field of findings and section reports (pickled by their
    fields), and the source lines only where a finding starts, numbering kept."""
    import dataclasses
    import pickle

    from essaylint import lint_text
    from essaylint.running.jobs import _for_parent

    result = lint_text("## 지원 동기 (500자)\n\n첫 줄\n\n아떠한 상황에서도 합니다.\n", "a.md")
    assert result.findings and result.sections
    before = dataclasses.replace(result)
    sent = pickle.loads(pickle.dumps(_for_parent(result)))
    for old, new in zip(
        before.findings + before.sections, sent.findings + sent.sections, strict=True
    ):
        assert type(new) is type(old)
        assert dataclasses.astuple(new) == dataclasses.astuple(old)
    assert len(sent.lines) == len(before.lines)
    quoted = {f.line for f in before.findings}
    assert 5 in quoted and 3 not in quoted  # the typo's line is quoted, the first answer not
    for number, line in enumerate(sent.lines, 1):
        assert line == (before.lines[number - 1] if number in quoted else "")


def test_section_reports_stay_behind_when_the_format_prints_none() -> None:
    from essaylint import lint_text
    from essaylint.reporters import FORMATS, WITH_SECTIONS
    from essaylint.running.jobs import _for_parent

    result = lint_text("## 지원 동기 (500자)\n\n아떠한 상황에서도 합니다.\n", "a.md")
    findings = list(result.findings)
    assert result.sections
    sent = _for_parent(result, sections=False)
    assert sent.sections == [] and sent.findings == findings and sent.questions == 1
    assert set(WITH_SECTIONS) <= set(FORMATS)

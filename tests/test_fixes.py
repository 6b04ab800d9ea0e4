"""`check --fix` / `--diff`: fixes change the fixed words and not one other byte, atomically."""

from __future__ import annotations

import ctypes
import os
import stat
import subprocess
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import essaylint_bytes

from essaylint.linting.plugin import Edit
from essaylint.linting.results import Finding
from essaylint.reading.source import decode
from essaylint.running.finder import ConfigFinder
from essaylint.running.fixes import (
    FixedFile,
    FixError,
    apply_edits,
    apply_fixes,
    fix_path,
    fix_paths,
    unified_diff,
    write_fixed,
)

TYPOS = {"select": ("EL301",)}
LF = "## 1. 지원 동기 (500자)\n팀장 역활을 맡아 몇일 동안 준비했습니다.\n"
LF_FIXED = "## 1. 지원 동기 (500자)\n팀장 역할을 맡아 며칠 동안 준비했습니다.\n"
# Every line ending kind, trailing spaces (a Markdown hard break) and a last line without one.
MIXED = "## 1. 지원 동기 (500자)\r\n팀장 역활을 맡아  \n몇일 동안\r준비했습니다.\r\n\r\n끝 "
MIXED_FIXED = "## 1. 지원 동기 (500자)\r\n팀장 역할을 맡아  \n며칠 동안\r준비했습니다.\r\n\r\n끝 "


def _nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


CASES: dict[str, tuple[bytes, bytes]] = {
    "utf-8": (LF.encode(), LF_FIXED.encode()),
    "utf-8-bom": (b"\xef\xbb\xbf" + LF.encode(), b"\xef\xbb\xbf" + LF_FIXED.encode()),
    "crlf": (LF.replace("\n", "\r\n").encode(), LF_FIXED.replace("\n", "\r\n").encode()),
    "cr": (LF.replace("\n", "\r").encode(), LF_FIXED.replace("\n", "\r").encode()),
    "mixed": (MIXED.encode(), MIXED_FIXED.encode()),
    "no-final-newline": (LF.rstrip("\n").encode(), LF_FIXED.rstrip("\n").encode()),
    # Only the fixed words become NFC; every other decomposed syllable keeps its bytes.
    "nfd": (
        _nfd(LF).encode(),
        (
            _nfd("## 1. 지원 동기 (500자)\n팀장 ")
            + "역할"
            + _nfd("을 맡아 ")
            + "며칠"
            + _nfd(" 동안 준비했습니다.\n")
        ).encode(),
    ),
    "cp949": (LF.encode("cp949"), LF_FIXED.encode("cp949")),
    "cp949-crlf": (
        LF.replace("\n", "\r\n").encode("cp949"),
        LF_FIXED.replace("\n", "\r\n").encode("cp949"),
    ),
    "utf-16-le": (b"\xff\xfe" + LF.encode("utf-16-le"), b"\xff\xfe" + LF_FIXED.encode("utf-16-le")),
    "utf-16-be": (
        b"\xfe\xff" + MIXED.encode("utf-16-be"),
        b"\xfe\xff" + MIXED_FIXED.encode("utf-16-be"),
    ),
}


def _fix(path: Path, **overrides: object) -> FixedFile:
    [outcome] = fix_paths([str(path)], ConfigFinder(None), {**TYPOS, **overrides}, write=True)
    return outcome


@pytest.mark.parametrize("case", sorted(CASES))
def test_fix_changes_only_the_fixed_words(tmp_path: Path, case: str) -> None:
    original, expected = CASES[case]
    essay = tmp_path / "essay.md"
    essay.write_bytes(original)
    outcome = _fix(essay)
    assert outcome.result.error is None
    assert essay.read_bytes() == expected
    assert (outcome.fixed, outcome.written) == (2, True)
    assert outcome.result.findings == []  # checked again after fixing
    assert sorted(p.name for p in tmp_path.iterdir()) == ["essay.md"]  # no temp file left


def test_clean_file_is_not_rewritten(tmp_path: Path) -> None:
    essay = tmp_path / "essay.md"
    essay.write_bytes(LF_FIXED.encode())
    before = essay.stat()
    outcome = _fix(essay)
    assert (outcome.fixed, outcome.written, outcome.changed) == (0, False, False)
    assert essay.stat().st_ino == before.st_ino  # not even replaced by an identical copy


def test_fix_keeps_the_file_mode(tmp_path: Path) -> None:
    essay = tmp_path / "essay.md"
    essay.write_bytes(LF.encode())
    essay.chmod(0o640)
    _fix(essay)
    assert essay.read_bytes() == LF_FIXED.encode()
    assert stat.S_IMODE(essay.stat().st_mode) == 0o640


def test_fix_through_a_symlink_replaces_its_target(tmp_path: Path) -> None:
    real = tmp_path / "real.md"
    real.write_bytes(LF.encode())
    link = tmp_path / "link.md"
    link.symlink_to(real)
    _fix(link)
    assert link.is_symlink()
    assert real.read_bytes() == LF_FIXED.encode()


def test_file_changed_after_reading_is_left_alone(tmp_path: Path) -> None:
    essay = tmp_path / "essay.md"
    essay.write_bytes(LF.encode())
    outcome = fix_path(str(essay), ConfigFinder(None), TYPOS)
    assert outcome.changed and outcome.data == LF_FIXED.encode()
    edited = (LF + "마지막으로 한 문장을 더 적었습니다.\n").encode()
    essay.write_bytes(edited)  # the writer saved again while essaylint was checking
    with pytest.raises(FixError, match=r"^changed on disk while being fixed; left unchanged$"):
        write_fixed(essay, outcome.original, outcome.data)
    assert essay.read_bytes() == edited
    assert sorted(p.name for p in tmp_path.iterdir()) == ["essay.md"]


def test_stale_original_bytes_are_refused(tmp_path: Path) -> None:
    essay = tmp_path / "essay.md"
    essay.write_bytes(LF.encode())
    with pytest.raises(FixError):
        write_fixed(essay, LF.encode("cp949"), LF_FIXED.encode())
    assert essay.read_bytes() == LF.encode()


# --- apply_edits / apply_fixes --------------------------------------------------------------


def test_overlapping_edits_keep_the_first_and_skip_the_rest() -> None:
    text = "가나다라\n마바사\n"
    edits = [
        Edit(1, 2, 1, 4, "X"),  # 나다
        Edit(1, 3, 1, 5, "Y"),  # 다라: overlaps the first
        Edit(1, 2, 1, 2, "Z"),  # an insertion where the first starts: order unknown
        Edit(2, 1, 2, 2, "M"),
        Edit(3, 5, 3, 6, "?"),  # past the end of the text
        Edit(1, 9, 1, 10, "?"),  # past the end of its line
    ]
    fixed, applied = apply_edits(text, edits)
    assert fixed == "가X라\nM바사\n"
    assert applied == [edits[0], edits[3]]


def test_edits_may_span_lines_and_touch() -> None:
    text = "가나\r\n다라\r마바"
    edits = [Edit(1, 2, 2, 2, "-"), Edit(2, 2, 2, 3, "="), Edit(3, 3, 3, 3, "!")]
    fixed, applied = apply_edits(text, edits)
    assert fixed == "가-=\r마바!"
    assert applied == edits


def _finding(edit: Edit) -> Finding:
    return Finding("a.md", edit.line, edit.col, "EL999", "test", "error", "m", fix=edit)


def test_unsafe_fixes_need_the_flag_and_newlines_follow_the_file() -> None:
    source = decode("가나\r\n다라\r\n".encode())
    safe = _finding(Edit(1, 1, 1, 2, "A\nB"))
    unsafe = _finding(Edit(2, 1, 2, 2, "C", safe=False))
    text, fixed, notes = apply_fixes(source, source.text, [safe, unsafe])
    assert (text, fixed, notes) == ("A\r\nB나\r\n다라\r\n", [safe], [])
    text, fixed, _ = apply_fixes(source, source.text, [safe, unsafe], unsafe=True)
    assert (text, fixed) == ("A\r\nB나\r\nC라\r\n", [safe, unsafe])


def test_replacement_the_encoding_cannot_hold_is_skipped_with_a_note() -> None:
    source = decode("## 질문\n깃헙 주소입니다.\n".encode("cp949"))
    assert source.encoding == "cp949"
    finding = _finding(Edit(2, 1, 2, 3, "GitHub🐙"))
    text, fixed, notes = apply_fixes(source, source.text, [finding])
    assert (text, fixed) == (source.text, [])
    assert notes == ["2:1: EL999 fix skipped: cannot write U+1F419 in CP949 (save it as UTF-8)"]


# --- passes, with a user pack whose corrections feed each other ----------------------------

PACK = """
[[entry]]
wrong = "풀리퀘"
right = "풀 리퀘스트"
flag = ["풀리퀘를 올렸습니다."]
keep = ["풀 리퀘스트를 올렸습니다."]

[[entry]]
wrong = "리퀘스트"
right = "요청"
flag = ["리퀘스트를 보냈습니다."]
keep = ["요청을 보냈습니다."]

[[entry]]
wrong = "깃헙"
right = "GitHub🐙"
flag = ["깃헙 주소입니다."]
keep = ["GitHub 주소입니다."]

[[entry]]
wrong = "샵샵질문"
right = "## 질문"
flag = ["샵샵질문 하나"]
keep = ["질문 하나"]

[[entry]]
wrong = "코드리뷰"
right = "코드 리뷰"
flag = ["코드리뷰를 했습니다."]
keep = ["코드 리뷰를 했습니다."]

[[entry]]
wrong = "코드 리뷰"
right = "코드리뷰"
flag = ["코드 리뷰를 했습니다."]
keep = ["리뷰를 했습니다."]
"""


def _with_pack(tmp_path: Path) -> None:
    (tmp_path / "mine.toml").write_text(PACK, encoding="utf-8")
    (tmp_path / "essaylint.toml").write_text('typo_packs = ["mine.toml"]\n', encoding="utf-8")


def test_fixes_run_again_until_nothing_is_left(tmp_path: Path) -> None:
    _with_pack(tmp_path)
    essay = tmp_path / "essay.md"
    essay.write_text("## 질문\n풀리퀘를 올렸습니다.\n", encoding="utf-8")
    outcome = _fix(essay)
    assert essay.read_text(encoding="utf-8") == "## 질문\n풀 요청를 올렸습니다.\n"
    assert outcome.fixed == 2
    assert outcome.result.findings == []


def test_fixes_that_undo_each_other_stop_after_one_pass(tmp_path: Path) -> None:
    _with_pack(tmp_path)
    essay = tmp_path / "essay.md"
    essay.write_text("## 질문\n코드리뷰를 했습니다.\n", encoding="utf-8")
    outcome = _fix(essay)
    assert essay.read_text(encoding="utf-8") == "## 질문\n코드 리뷰를 했습니다.\n"
    assert outcome.fixed == 1
    assert [(f.line, f.col, f.message) for f in outcome.result.findings] == [
        (2, 1, "'코드 리뷰' → '코드리뷰'")
    ]


def test_fixes_never_change_the_outline(tmp_path: Path) -> None:
    _with_pack(tmp_path)
    essay = tmp_path / "essay.md"
    text = "## 지원 동기\n풀리퀘를 올렸습니다.\n샵샵질문 하나를 더 적었습니다.\n"
    essay.write_text(text, encoding="utf-8")
    outcome = _fix(essay)
    assert essay.read_text(encoding="utf-8") == text  # one pass: both fixes dropped together
    assert (outcome.fixed, outcome.written) == (0, False)
    assert outcome.result.notes == ["fixes stopped: they would change which lines are headings"]
    assert [f.message for f in outcome.result.findings] == [
        "'풀리퀘' → '풀 리퀘스트'",
        "'샵샵질문' → '## 질문'",
    ]


# --- the command line ----------------------------------------------------------------------


def _essaylint(
    cwd: Path,
    *args: str,
    stdin: bytes | None = None,
    preexec: Callable[[], object] | None = None,
) -> subprocess.CompletedProcess[bytes]:
    return essaylint_bytes(*args, cwd=cwd, stdin=stdin, preexec=preexec)


def test_cli_fix_writes_and_reports_what_is_left(tmp_path: Path) -> None:
    essay = tmp_path / "essay.md"
    essay.write_bytes(CASES["mixed"][0])
    done = _essaylint(tmp_path, "check", "--fix", "--select", "EL301,EL101", "essay.md")
    assert essay.read_bytes() == CASES["mixed"][1]
    assert done.stderr.decode() == "Fixed 2 findings (1 file).\n"
    assert done.returncode == 0, done.stdout.decode()
    assert done.stdout.decode().splitlines()[-1].startswith("0 errors, 0 warnings in 1 file")


def test_cli_fix_repairs_a_heading_and_a_typo_together(tmp_path: Path) -> None:
    essay = tmp_path / "essay.md"
    essay.write_bytes(
        "# 자기소개서\r\n\r\n###성장과정\r\n팀장 역활을 맡았습니다.\r\n".encode("cp949")
    )
    done = _essaylint(tmp_path, "check", "--fix", "--select", "EL105,EL301", "essay.md")
    expected = "# 자기소개서\r\n\r\n### 성장과정\r\n팀장 역할을 맡았습니다.\r\n".encode("cp949")
    assert essay.read_bytes() == expected
    assert (done.returncode, done.stderr.decode()) == (0, "Fixed 2 findings (1 file).\n")


def test_cli_marks_fixable_findings(tmp_path: Path) -> None:
    essay = tmp_path / "essay.md"
    essay.write_text("## 질문 (300자)\n\n## 둘째\n팀장 역활을 맡았습니다.\n", encoding="utf-8")
    args = ("check", "--format", "concise", "--select", "EL101,EL301", "essay.md")
    lines = _essaylint(tmp_path, *args).stdout.decode().splitlines()
    assert lines == [
        "essay.md:1:1: EL101 empty-answer 답변이 비어 있음 [질문 (300자)]",
        "essay.md:4:4: EL301 [*] known-typo '역활' → '역할' [둘째]",
        "2 errors, 0 warnings in 1 file · 완성도 0% (0/2 questions complete)"
        " · 1 fixable with --fix",
    ]


def test_cli_fix_exit_code_counts_what_remains(tmp_path: Path) -> None:
    essay = tmp_path / "essay.md"
    essay.write_text(LF + "\n## 2. 입사 후 포부 (500자)\n", encoding="utf-8")
    done = _essaylint(tmp_path, "check", "--fix", "--select", "EL301,EL101", "essay.md")
    assert done.returncode == 1
    assert essay.read_text(encoding="utf-8") == LF_FIXED + "\n## 2. 입사 후 포부 (500자)\n"
    out = done.stdout.decode()
    assert "essay.md:4:1: EL101 empty-answer" in out
    assert "EL301" not in out
    assert done.stderr.decode() == "Fixed 2 findings (1 file).\n"


def test_cli_fix_skips_what_cp949_cannot_hold(tmp_path: Path) -> None:
    _with_pack(tmp_path)
    essay = tmp_path / "essay.md"
    original = "## 질문\n깃헙 주소와 역활을 적었습니다.\n".encode("cp949")
    essay.write_bytes(original)
    done = _essaylint(tmp_path, "check", "--fix", "--select", "EL301", "essay.md")
    assert essay.read_bytes() == "## 질문\n깃헙 주소와 역할을 적었습니다.\n".encode("cp949")
    assert done.returncode == 1
    out = done.stdout.decode()
    assert (
        "essay.md: note: 2:1: EL301 fix skipped: cannot write U+1F419 in CP949 (save it as UTF-8)"
        in out.splitlines()
    )
    assert "essay.md:2:1: EL301" in out
    assert done.stderr.decode() == "Fixed 1 finding (1 file).\n"


def test_cli_diff_prints_the_change_and_writes_nothing(tmp_path: Path) -> None:
    essay = tmp_path / "essay.md"
    essay.write_bytes(LF.encode())
    done = _essaylint(tmp_path, "check", "--diff", "essay.md")
    assert done.stdout.decode() == (
        "--- a/essay.md\n"
        "+++ b/essay.md\n"
        "@@ -1,2 +1,2 @@\n"
        " ## 1. 지원 동기 (500자)\n"
        "-팀장 역활을 맡아 몇일 동안 준비했습니다.\n"
        "+팀장 역할을 맡아 며칠 동안 준비했습니다.\n"
    )
    assert done.stderr.decode() == "Would fix 2 findings (1 file).\n"
    assert done.returncode == 1
    assert essay.read_bytes() == LF.encode()


def test_cli_diff_keeps_line_endings_and_marks_a_missing_final_newline(tmp_path: Path) -> None:
    essay = tmp_path / "essay.md"
    essay.write_bytes("## 질문\r\n역활을 맡았습니다.".encode())
    done = _essaylint(tmp_path, "check", "--diff", "--select", "EL301", "essay.md")
    assert done.stdout.decode() == (
        "--- a/essay.md\n"
        "+++ b/essay.md\n"
        "@@ -1,2 +1,2 @@\n"
        " ## 질문\r\n"
        "-역활을 맡았습니다.\n"
        "\\ No newline at end of file\n"
        "+역할을 맡았습니다.\n"
        "\\ No newline at end of file\n"
    )
    assert done.returncode == 1


def test_cli_diff_with_nothing_to_fix_exits_0(tmp_path: Path) -> None:
    essay = tmp_path / "essay.md"
    essay.write_bytes(LF_FIXED.encode())
    done = _essaylint(tmp_path, "check", "--diff", "essay.md")
    assert (done.returncode, done.stdout, done.stderr) == (0, b"", b"")


def test_cli_fix_on_stdin_writes_the_fixed_text_to_stdout(tmp_path: Path) -> None:
    original, expected = CASES["utf-8-bom"]
    done = _essaylint(tmp_path, "check", "--fix", "--select", "EL301", "-", stdin=original)
    assert done.returncode == 0
    assert done.stdout == expected
    err = done.stderr.decode().splitlines()
    assert err[-1] == "Fixed 2 findings (1 file)."
    assert err[-2].startswith("0 errors, 0 warnings in 1 file")


def _drop_write_override() -> None:
    """As root, give up CAP_DAC_OVERRIDE so folder permissions apply (Linux prctl)."""
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
        if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) failed")


def test_cli_fix_in_a_read_only_folder_fails_cleanly(tmp_path: Path) -> None:
    preexec: Callable[[], object] | None = None
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        if not sys.platform.startswith("linux"):
            pytest.skip("root ignores folder permissions")
        try:  # check that this container lets a child drop the capability
            subprocess.run(["true"], preexec_fn=_drop_write_override, check=True)
        except (OSError, subprocess.SubprocessError):
            pytest.skip("root ignores folder permissions and cannot drop CAP_DAC_OVERRIDE here")
        preexec = _drop_write_override
    folder = tmp_path / "essays"
    folder.mkdir()
    essay = folder / "essay.md"
    essay.write_bytes(LF.encode())
    folder.chmod(0o555)
    try:
        done = _essaylint(tmp_path, "check", "--fix", "essays/essay.md", preexec=preexec)
    finally:
        folder.chmod(0o755)
    assert done.returncode == 2
    assert done.stderr.decode() == (
        "essaylint: essays/essay.md: cannot write fixes: permission denied; left unchanged\n"
    )
    assert essay.read_bytes() == LF.encode()
    assert sorted(p.name for p in folder.iterdir()) == ["essay.md"]


def test_unified_diff_uses_a_and_b_prefixes() -> None:
    assert (
        unified_diff("x/e.md", "가\n", "나\n")
        == "--- a/x/e.md\n+++ b/x/e.md\n@@ -1 +1 @@\n-가\n+나\n"
    )
    assert unified_diff("e.md", "가\n", "가\n") == ""


def test_cli_fix_leaves_a_read_only_file_alone_even_as_root(tmp_path: Path) -> None:
    """The rename only needs the folder writable; a file made read-only must stay unchanged
    (as root too: chmod a-w says what the writer wants)."""
    folder = tmp_path / "essays"
    folder.mkdir()
    essay = folder / "essay.md"
    essay.write_bytes(LF.encode())
    essay.chmod(0o444)
    before = essay.stat()
    try:
        done = _essaylint(tmp_path, "check", "--fix", "essays/essay.md")
    finally:
        essay.chmod(0o644)
    assert done.returncode == 2
    assert done.stderr.decode() == (
        "essaylint: essays/essay.md: cannot write fixes: the file is read-only; left unchanged\n"
    )
    assert essay.read_bytes() == LF.encode()
    assert essay.stat().st_ino == before.st_ino and essay.stat().st_mtime_ns == before.st_mtime_ns
    assert sorted(p.name for p in folder.iterdir()) == ["essay.md"]


def test_cli_fix_does_not_split_hard_links(tmp_path: Path) -> None:
    folder = tmp_path / "essays"
    folder.mkdir()
    essay = folder / "essay.md"
    essay.write_bytes(LF.encode())
    os.link(essay, tmp_path / "linked.md")
    done = _essaylint(tmp_path, "check", "--fix", "essays/essay.md")
    assert done.returncode == 2
    assert done.stderr.decode() == (
        "essaylint: essays/essay.md: cannot write fixes: the file has 2 hard links; "
        "left unchanged\n"
    )
    assert essay.read_bytes() == (tmp_path / "linked.md").read_bytes() == LF.encode()
    assert essay.stat().st_nlink == 2

"""Hostile configs, packs and paths through the real command line.

Found by a probe of inputs the first hostile suite (test_hostile.py) did not have: configs that
are not UTF-8 or nest too deeply, special files where a config or pack belongs, `extends` chains
without end, names too long to look up. Each gives one line naming the file (and the key), exit
2, the other files still checked, no traceback and no file changed.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from helpers import essaylint

ESSAY = "# 지원 동기 (100자)\n\n저는 팀에서 맡은 역활을 끝까지 다하는 사람입니다.\n"
NO_MODEL = ("--ignore", "model", "--no-cache", "--format", "concise")
TYPO_LINE = "3:11: EL301 [*] known-typo '역활' → '역할' [지원 동기 (100자)]"


def snapshot(folder: Path) -> dict[str, tuple[str, int]]:
    """Every regular file under `folder`: its hash and mtime (a run must change neither)."""
    found: dict[str, tuple[str, int]] = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            found[str(path)] = (
                hashlib.sha256(path.read_bytes()).hexdigest(),
                path.stat().st_mtime_ns,
            )
    return found


@pytest.fixture
def two_folders(tmp_path: Path) -> Path:
    """`good/a.md` under no config and `bad/a.md` under the config a test writes."""
    for name in ("good", "bad"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "a.md").write_text(ESSAY, encoding="utf-8")
    return tmp_path


def check(folder: Path, *paths: str) -> tuple[int, list[str], list[str]]:
    """Exit code, stdout lines and stderr lines of a check of `paths` (default: the folder)."""
    before = snapshot(folder)
    done = essaylint("check", *NO_MODEL, *(paths or ("good", "bad")), cwd=folder)
    assert "Traceback" not in done.stdout + done.stderr
    assert snapshot(folder) == before
    return done.returncode, done.stdout.splitlines(), done.stderr.splitlines()


def assert_good_still_checked(stdout: list[str]) -> None:
    assert f"good/a.md:{TYPO_LINE}" in stdout


@pytest.mark.parametrize(
    ("config", "reason"),
    [
        pytest.param(
            '[limits]\n"지원" = 10\n'.encode("cp949"),
            "not UTF-8 text (byte 11); TOML files are UTF-8",
            id="cp949",
        ),
        pytest.param(
            'count = "chars"\n'.encode("utf-16"),
            "not UTF-8 text (byte 1); TOML files are UTF-8",
            id="utf-16",
        ),
        pytest.param(
            b"a = " + b"[" * 5000 + b"]" * 5000 + b"\n",
            "invalid TOML: nested too deeply",
            id="deeply-nested",
        ),
    ],
)
def test_a_config_that_is_not_readable_toml_fails_only_its_own_files(
    two_folders: Path, config: bytes, reason: str
) -> None:
    config_path = two_folders / "bad" / "essaylint.toml"
    config_path.write_bytes(config)
    code, stdout, stderr = check(two_folders)
    assert code == 2
    assert stderr == [f"essaylint: {config_path.resolve()}: {reason}"]
    assert_good_still_checked(stdout)
    assert stdout[-1].endswith(
        "in 1 file (1 not readable) · 완성도 0% (0/1 questions complete) · 1 fixable with --fix"
    )


def test_a_config_with_a_utf8_bom_is_read(two_folders: Path) -> None:
    config = b"\xef\xbb\xbf[rules.stub-answer]\nmin_chars = 5\n"  # as Windows editors save it
    (two_folders / "bad" / "essaylint.toml").write_bytes(config)
    code, stdout, stderr = check(two_folders)
    assert stderr == []
    assert code == 1
    assert_good_still_checked(stdout)
    assert (
        "good/a.md:1:1: EL102 stub-answer 미완성 답변: 28자: 최소 50자보다 짧음 [지원 동기 (100자)]"
        in stdout
    )
    assert not any(line.startswith("bad/a.md:1:1: EL102") for line in stdout)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
@pytest.mark.parametrize("kind", ["fifo", "folder", "broken-link"])
def test_a_special_file_named_like_a_config_is_an_error_not_ignored(
    two_folders: Path, kind: str
) -> None:
    config_path = two_folders / "bad" / "essaylint.toml"
    if kind == "fifo":
        os.mkfifo(config_path)
        reason = "cannot read: not a regular file"
    elif kind == "folder":
        config_path.mkdir()
        reason = "cannot read: is a directory"
    else:
        config_path.symlink_to(two_folders / "nowhere.toml")
        reason = "cannot read: a broken symbolic link"
    code, stdout, stderr = check(two_folders, "good", "bad")
    assert code == 2
    assert stderr == [
        f"essaylint: {config_path.resolve() if kind == 'folder' else config_path}: {reason}"
    ]
    assert_good_still_checked(stdout)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
@pytest.mark.parametrize("target", ["/dev/zero", "pipe.toml", "deep.toml"])
def test_a_typo_pack_that_cannot_be_read_names_the_config_and_key(
    two_folders: Path, target: str
) -> None:
    if target == "pipe.toml":
        os.mkfifo(two_folders / "bad" / "pipe.toml")
        reason = "cannot read: not a regular file (a named pipe, device or socket)"
    elif target == "deep.toml":
        (two_folders / "bad" / "deep.toml").write_bytes(b"a = " + b"[" * 5000 + b"]" * 5000)
        reason = "invalid TOML: nested too deeply"
    else:
        reason = "cannot read: not a regular file (a named pipe, device or socket)"
    config_path = two_folders / "bad" / "essaylint.toml"
    config_path.write_text(f'typo_packs = ["{target}"]\n', encoding="utf-8")
    code, stdout, stderr = check(two_folders)  # /dev/zero once filled memory; a pipe hung
    assert code == 2
    assert stderr == [
        f"essaylint: bad/a.md: {config_path.resolve()}: typo_packs: {target}: {reason}"
    ]
    assert_good_still_checked(stdout)


def test_an_extends_chain_without_end_is_one_line(two_folders: Path) -> None:
    bad = two_folders / "bad"
    for number in range(40):
        (bad / f"c{number}.toml").write_text(f'extends = "c{number + 1}.toml"\n')
    (bad / "c40.toml").write_text("")
    (bad / "essaylint.toml").write_text('extends = "c0.toml"\n')
    code, stdout, stderr = check(two_folders)
    assert code == 2
    assert stderr == [
        f"essaylint: {(bad / 'c30.toml').resolve()}: extends: more than 32 configs in one chain"
    ]
    assert_good_still_checked(stdout)


def test_extends_naming_a_folder_says_so(two_folders: Path) -> None:
    (two_folders / "bad" / "shared").mkdir()
    config_path = two_folders / "bad" / "essaylint.toml"
    config_path.write_text('extends = "shared"\n')
    code, _, stderr = check(two_folders)
    assert code == 2
    assert stderr == [f"essaylint: {config_path.resolve()}: extends: 'shared' is a directory"]


def test_a_name_too_long_to_look_up_is_that_files_error(two_folders: Path) -> None:
    long_name = "a" * 300 + ".md"
    code, stdout, stderr = check(two_folders, long_name, "good/a.md")
    assert code == 2
    assert stderr == [f"essaylint: {long_name}: file name too long"]
    assert_good_still_checked(stdout)


def test_a_front_matter_number_too_long_to_read_is_that_files_error(two_folders: Path) -> None:
    (two_folders / "bad" / "a.md").write_text(
        f"---\ndefault_limit: {'9' * 5000}\n---\n{ESSAY}", encoding="utf-8"
    )
    code, stdout, stderr = check(two_folders)
    assert code == 2
    assert stderr == ["essaylint: bad/a.md: front matter: a number too long to read"]
    assert_good_still_checked(stdout)


@pytest.mark.parametrize(
    ("name", "config", "reason"),
    [
        (
            "essaylint.toml",
            'select = ["EL999", "no-such-rule"]\n',
            "select: unknown rule, code or tag 'EL999' (see 'essaylint rules')",
        ),
        (
            "essaylint.toml",
            'ignore = ["known-typo", "stub-anser"]\n',
            "ignore: unknown rule, code or tag 'stub-anser' (see 'essaylint rules')",
        ),
        (
            "pyproject.toml",
            '[tool.essaylint]\nextend_select = ["spacing", "EL30"]\nignore = ["modle"]\n',
            "tool.essaylint.ignore: unknown rule, code or tag 'modle' (see 'essaylint rules')",
        ),
        (
            "pyproject.toml",
            "[tool]\nessaylint = 5\n",
            "tool.essaylint: expected a table ([tool.essaylint])",
        ),
    ],
)
def test_a_config_naming_no_rule_is_an_error_not_a_quiet_no_op(
    two_folders: Path, name: str, config: str, reason: str
) -> None:
    config_path = two_folders / "bad" / name
    config_path.write_text(config, encoding="utf-8")
    code, stdout, stderr = check(two_folders)
    assert code == 2
    assert stderr == [f"essaylint: {config_path.resolve()}: {reason}"]
    assert_good_still_checked(stdout)


def test_a_second_bom_does_not_hide_the_first_heading(two_folders: Path) -> None:
    """Some tools add a BOM in front of one already there; the second is invisible, so the
    heading after it is still the question (and --fix keeps both)."""
    essay = two_folders / "bad" / "a.md"
    essay.write_bytes(b"\xef\xbb\xbf\xef\xbb\xbf" + ESSAY.encode())
    code, stdout, stderr = check(two_folders)
    assert (code, stderr) == (1, [])
    assert f"bad/a.md:{TYPO_LINE}" in stdout
    done = essaylint("check", *NO_MODEL, "--fix", "bad/a.md", cwd=two_folders)
    assert done.returncode == 0, done.stderr
    assert (
        essay.read_bytes() == b"\xef\xbb\xbf\xef\xbb\xbf" + ESSAY.replace("역활", "역할").encode()
    )


def test_utf32_is_named_not_called_binary(two_folders: Path) -> None:
    (two_folders / "bad" / "a.md").write_bytes(ESSAY.encode("utf-32"))
    code, stdout, stderr = check(two_folders)
    assert code == 2
    assert stderr == ["essaylint: bad/a.md: UTF-32 text is not supported (save it as UTF-8)"]
    assert_good_still_checked(stdout)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_pipe_named_like_the_words_file_is_skipped_not_waited_on(tmp_path: Path) -> None:
    from essaylint.korean.vocabulary import WORDS_FILE, user_words

    os.mkfifo(tmp_path / WORDS_FILE)  # opening it to read would wait for a writer forever
    assert user_words(None, tmp_path, ()) == frozenset()
    (tmp_path / WORDS_FILE).unlink()
    (tmp_path / WORDS_FILE).write_bytes("\ufeff카카오톡 # 앱\n토스\n".encode())
    assert user_words(None, tmp_path, ()) == frozenset({"카카오톡", "토스"})

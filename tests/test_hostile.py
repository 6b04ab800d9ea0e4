"""Hostile input through the real command line: every case listed in tests/hostile/README.md.

Each case runs `python -m essaylint` as a subprocess (cases share runs: one costs ~0.3 s, and
one that loads the language model ~3 s) and asserts the documented outcome: a file that cannot
be checked gets one line `essaylint: <file>: <reason>` on stderr and exit 2 while the other
files are still checked; a file that can be checked gets exact counts and positions; there is
never a traceback, and no file changes (every file a run can see is hashed before and after).

Small text fixtures are committed in tests/hostile/. Byte-exact ones (line endings, encodings,
control characters), huge ones and special ones (symlinks, sockets, FIFOs) are made in a
temporary folder, because editors, git and the whitespace hooks would not keep them intact.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import socket
import stat
import threading
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from helpers import essaylint

from essaylint.reading.source import read_source
from essaylint.running.config import ConfigError, load_config
from essaylint.running.finder import ConfigFinder
from essaylint.running.jobs import lint_paths
from essaylint.running.runner import expand_paths

HOSTILE = Path(__file__).parent / "hostile"
DEFAULTS = "config/defaults.toml"  # relative to HOSTILE, the runs' working folder
NESTING_NOTE = "nesting deeper than 100 levels: the deepest content is not read"
NOT_TEXT = "not UTF-8 or CP949 text (save it as UTF-8)"
BINARY = "binary file (contains NUL bytes)"
POSIX = os.name == "posix"

# The committed fixtures every readable-file run checks, and the two whose front matter is bad.
READABLE = (
    "empty.md",
    "front-matter-only.md",
    "heading-empty.md",
    "heading-levels.md",
    "line-endings.md",
    "counting-unicode.md",
    "nfd-korean.md",
)
BAD_FRONT_MATTER = ("front-matter-malformed.md", "front-matter-bad-setting.md")

# line-endings.md and every re-encoding of it: (line, col, end_col, code) of each finding.
LINE_ENDING_FINDINGS = [
    (1, 1, 1, "EL102"),
    (3, 4, 7, "EL103"),  # 'OOO'
    (3, 10, 12, "EL301"),  # '역활'
    (4, 8, 13, "EL103"),  # '[회사명]'
]


# --- running the command ----------------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    code: int
    stdout: str
    stderr: str

    @property
    def errors(self) -> list[str]:
        """stderr, one entry per line (split on \\n only: a message must not contain one)."""
        return [line for line in self.stderr.split("\n") if line]

    def report(self) -> dict[str, dict[str, Any]]:
        """`--format json` output, by path."""
        data = json.loads(self.stdout)
        assert data["version"] == 1
        return {file["path"]: file for file in data["files"]}


def _snapshot(roots: tuple[Path, ...]) -> dict[str, str]:
    """Every entry under `roots`: a hash for files, the target for links, the type otherwise."""
    seen: dict[str, str] = {}
    for root in roots:
        for folder, dirs, files in os.walk(root):  # never follows links: loops are fine
            for name in dirs + files:
                path = os.path.join(folder, name)
                info = os.lstat(path)
                if stat.S_ISLNK(info.st_mode):
                    seen[path] = "link to " + os.readlink(path)
                elif stat.S_ISREG(info.st_mode) and info.st_mode & stat.S_IRUSR:
                    with open(path, "rb") as handle:
                        seen[path] = hashlib.sha256(handle.read()).hexdigest()
                else:
                    seen[path] = f"mode {info.st_mode:o} size {info.st_size}"
    return seen


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The result cache lives here, never next to the fixtures."""
    return tmp_path_factory.mktemp("cache")


def run(
    *args: str,
    cwd: Path,
    cache: Path,
    watch: tuple[Path, ...] = (),
    stdin: bytes | None = None,
) -> Run:
    """`python -m essaylint ARGS` with no traceback and every file under `watch` unchanged."""
    roots = (HOSTILE, *watch)
    before = _snapshot(roots)
    done = essaylint(
        *args,
        cwd=cwd,
        env={"ESSAYLINT_CACHE_DIR": str(cache)},
        stdin=stdin,
        timeout=600,
        errors="surrogateescape",
    )
    assert _snapshot(roots) == before, "a run changed, added or removed a file"
    result = Run(done.returncode, done.stdout, done.stderr)
    assert "Traceback" not in result.stderr, result.stderr
    return result


def one_line(run_: Run, path: str) -> str:
    """The single stderr line about `path`; its reason."""
    prefix = f"essaylint: {path}: "
    found = [line for line in run_.errors if line.startswith(prefix)]
    assert len(found) == 1, run_.stderr
    return found[0].removeprefix(prefix)


# --- fixtures made at test time -----------------------------------------------------------------


def _line_ending_variants() -> dict[str, bytes]:
    lf = (HOSTILE / "line-endings.md").read_bytes()
    text = lf.decode("utf-8")
    lines = text.split("\n")  # four lines and the empty string after the last \n
    mixed = lines[0] + "\r\n" + lines[1] + "\r" + lines[2] + "\n" + lines[3] + "\r\n"
    return {
        "crlf.md": lf.replace(b"\n", b"\r\n"),
        "cr.md": lf.replace(b"\n", b"\r"),
        "mixed.md": mixed.encode("utf-8"),
        "utf8-bom-crlf.md": b"\xef\xbb\xbf" + lf.replace(b"\n", b"\r\n"),
        "utf16le.md": b"\xff\xfe" + text.encode("utf-16-le"),
        "utf16be.md": b"\xfe\xff" + text.replace("\n", "\r\n").encode("utf-16-be"),
        "cp949.md": text.encode("cp949"),
    }


KOREAN = "# 지원 동기\n\n저는 꼼꼼한 개발자입니다.\n"
# The file cannot be checked: name -> (bytes, the reason after "essaylint: <path>: ").
UNREADABLE: dict[str, tuple[bytes, str]] = {
    "nul-bytes.md": ("# 질문\n\n답변\x00입니다\n".encode(), BINARY),
    "binary.md": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", BINARY),
    "binary-no-nul.md": (bytes(range(0x80, 0x100)) * 4, NOT_TEXT),
    "utf16-no-bom.md": (KOREAN.encode("utf-16-le"), BINARY),  # "Unicode" without a BOM
    "invalid-utf8.md": (b"# Motivation\n\nI am \xff\xfe\xfa a developer \x80\x81.\n", NOT_TEXT),
    # U+D800 as CESU-8 / WTF-8 bytes: a lone surrogate is not UTF-8, and not CP949 either.
    "lone-surrogate.md": (
        KOREAN.encode().replace("꼼꼼한".encode(), b"\xed\xa0\x80"),
        "invalid UTF-8 byte 0xED at line 3, column 4",
    ),
    # One byte lost from a UTF-8 Korean file: damaged UTF-8, not CP949 mojibake.
    "truncated-utf8.md": (
        KOREAN.encode().replace("꼼꼼한".encode(), "꼼꼼한".encode()[:-1]),
        "invalid UTF-8 byte 0xED at line 3, column 6",
    ),
}


# Ten thousand questions, each answered with 60 characters.
ANSWER_60 = "저는 사용자의 불편을 먼저 찾고, 그 불편을 끝까지 해결하는 개발자가 되겠습니다. 팀과 함께 성장하겠습니다."
# Paragraphs of 599 characters, blank-line separated, until the file passes 10 MiB.
PARAGRAPH = ("저는 사용자의 불편을 먼저 찾는 개발자가 되겠습니다. " * 20).strip()
PARAGRAPHS = 10 * 1024 * 1024 // len((PARAGRAPH + "\n\n").encode()) + 1
DEEP_ANSWER = "깊은 곳의 답변"
BIG = (
    "headings-10000.md",
    "ten-megabytes.md",
    "nested-quotes.md",
    "nested-lists.md",
    "nested-quotes-and-lists.md",
)


def _big(name: str) -> str:
    """Built only when the files are made: 12 MB of text is not worth building at import."""
    if name == "headings-10000.md":
        return "".join(f"## 질문 {i}\n\n{ANSWER_60}\n\n" for i in range(10_000))
    if name == "ten-megabytes.md":
        return "## 지원 동기\n\n" + "\n\n".join([PARAGRAPH] * PARAGRAPHS) + "\n"
    # 5,000 levels each: `> - ` opens two (a quote and a list item).
    deep = {"nested-quotes.md": ">" * 5000, "nested-lists.md": "- " * 5000}
    deep["nested-quotes-and-lists.md"] = "> - " * 2500
    return f"# 깊은 중첩\n\n{deep[name]} {DEEP_ANSWER}\n"


SMALL: dict[str, bytes] = {
    **_line_ending_variants(),
    "nfc-twin.md": unicodedata.normalize(
        "NFC", (HOSTILE / "nfd-korean.md").read_text(encoding="utf-8")
    ).encode(),
    # A heading with only a trailing space, and one with only a tab (the whitespace hooks
    # would strip both from a committed file).
    "heading-whitespace.md": "## \n\n제목 없는 질문의 답변입니다.\n\n#\t\n\n탭 하나뿐인 제목입니다.\n".encode(),
    "control-characters.md": "# 제어 문자\n\n답변\x01\x07\x1b[31m입니다\x7f 끝\n".encode(),
}


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile-made")
    for name, data in SMALL.items():
        (root / name).write_bytes(data)
    for name, (data, _) in UNREADABLE.items():
        (root / name).write_bytes(data)
    for name in BIG:
        (root / name).write_bytes(_big(name).encode("utf-8"))
    return root


# --- the shared runs --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def score_run(made: Path, cache_dir: Path) -> Run:
    """`score --details --format json` over every small file, readable or not, with every
    default rule, the language-model ones included."""
    return run(
        "score",
        "--details",
        "--format",
        "json",
        "-j",
        "1",
        "--config",
        DEFAULTS,
        *READABLE,
        *BAD_FRONT_MATTER,
        *(str(made / name) for name in SMALL),
        *(str(made / name) for name in UNREADABLE),
        cwd=HOSTILE,
        cache=cache_dir,
        watch=(made,),
    )


@pytest.fixture(scope="module")
def big_run(made: Path, cache_dir: Path) -> Run:
    return run(
        "check",
        "--format",
        "json",
        "--ignore",
        "model",
        "--config",
        DEFAULTS,
        *(str(made / name) for name in BIG),
        cwd=HOSTILE,
        cache=cache_dir,
        watch=(made,),
    )


def _made(made: Path, name: str) -> str:
    return str(made / name)


# --- empty and front matter -----------------------------------------------------------------


def test_every_small_file_is_in_the_report_and_unreadable_ones_exit_2(
    score_run: Run, made: Path
) -> None:
    report = score_run.report()
    expected = {
        *READABLE,
        *BAD_FRONT_MATTER,
        *(_made(made, n) for n in SMALL),
        *(_made(made, n) for n in UNREADABLE),
    }
    assert set(report) == expected
    failed = {path for path, file in report.items() if file["error"] is not None}
    assert failed == {*BAD_FRONT_MATTER, *(_made(made, n) for n in UNREADABLE)}
    assert score_run.code == 2
    # One line per file that could not be checked, and nothing else on stderr.
    assert len(score_run.errors) == len(failed)
    assert all(one_line(score_run, path) == report[path]["error"] for path in failed)


def test_empty_file(score_run: Run) -> None:
    file = score_run.report()["empty.md"]
    assert (file["error"], file["questions"], file["sections"], file["findings"]) == (
        None,
        0,
        [],
        [],
    )


def test_only_front_matter(score_run: Run) -> None:
    file = score_run.report()["front-matter-only.md"]
    assert (file["error"], file["questions"], file["sections"], file["findings"]) == (
        None,
        0,
        [],
        [],
    )


def test_malformed_front_matter_is_one_line_naming_the_file(score_run: Run) -> None:
    reason = one_line(score_run, "front-matter-malformed.md")
    # PyYAML's wording follows the position; the line is the file's own line 2.
    assert reason.startswith("front matter (line 2): "), reason


def test_bad_setting_in_front_matter_names_the_file_and_key(score_run: Run) -> None:
    reason = one_line(score_run, "front-matter-bad-setting.md")
    assert reason.startswith("front matter: limits: bad regular expression '(지원 동기': "), reason


# --- headings -------------------------------------------------------------------------------


def _sections(file: dict[str, Any]) -> list[tuple[Any, ...]]:
    return [(s["title"], s["line"], s["level"], s["kind"], s["path"]) for s in file["sections"]]


def test_headings_without_text(score_run: Run, made: Path) -> None:
    report = score_run.report()
    assert _sections(report["heading-empty.md"]) == [
        ("", 1, 1, "group", "(제목 없음)"),
        ("", 5, 2, "question", "(제목 없음) > (제목 없음)"),
    ]
    assert _sections(report[_made(made, "heading-whitespace.md")]) == [
        ("", 1, 2, "question", "(제목 없음)"),
        ("", 5, 1, "question", "(제목 없음)"),
    ]
    counts = [s["count"] for s in report[_made(made, "heading-whitespace.md")]["sections"]]
    assert counts == [len("제목 없는 질문의 답변입니다."), len("탭 하나뿐인 제목입니다.")]


def test_seven_hashes_are_answer_text_and_a_jump_from_h1_to_h4_nests(score_run: Run) -> None:
    """CommonMark headings stop at level 6: `####### 일곱 단계` is a paragraph, so it is part
    of the answer; `####` under `#` is simply a child, whatever levels are skipped."""
    file = score_run.report()["heading-levels.md"]
    assert _sections(file) == [
        ("자기소개서", 1, 1, "group", "자기소개서"),
        ("지원 동기", 3, 4, "question", "자기소개서 > 지원 동기"),
    ]
    answer = "####### 일곱 단계" + "\n" + "저는 꼼꼼한 개발자입니다."
    assert file["sections"][1]["count"] == len(answer) == 28


def test_ten_thousand_headings(big_run: Run, made: Path) -> None:
    file = big_run.report()[_made(made, "headings-10000.md")]
    assert file["error"] is None
    assert (file["questions"], file["complete"], file["findings"]) == (10_000, 10_000, [])
    assert {s["count"] for s in file["sections"]} == {len(ANSWER_60)} == {60}
    assert file["sections"][-1]["line"] == 4 * 9_999 + 1


def test_ten_megabytes(big_run: Run, made: Path) -> None:
    path = made / "ten-megabytes.md"
    assert path.stat().st_size > 10 * 1024 * 1024
    file = big_run.report()[str(path)]
    assert file["error"] is None
    (section,) = file["sections"]
    # Paragraphs are joined by one line break, which counts 1.
    assert section["count"] == PARAGRAPHS * len(PARAGRAPH) + PARAGRAPHS - 1 == 4_248_599
    assert file["findings"] == []


@pytest.mark.parametrize(
    "name", ["nested-quotes.md", "nested-lists.md", "nested-quotes-and-lists.md"]
)
def test_deep_nesting_is_a_note_not_a_crash_or_a_silent_skip(
    big_run: Run, made: Path, name: str
) -> None:
    file = big_run.report()[_made(made, name)]
    assert file["error"] is None
    assert file["notes"] == [NESTING_NOTE]
    assert _sections(file) == [("깊은 중첩", 1, 1, "question", "깊은 중첩")]


def test_big_files_exit_0(big_run: Run) -> None:
    """Only warnings (none, in fact) in the big files: exit 0, and no stderr at all."""
    assert (big_run.code, big_run.stderr) == (0, "")


# --- bytes that are not text ----------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(UNREADABLE))
def test_unreadable_bytes_are_one_line_naming_the_file(
    score_run: Run, made: Path, name: str
) -> None:
    assert one_line(score_run, _made(made, name)) == UNREADABLE[name][1]


def test_control_characters_are_read_and_count_one_each(score_run: Run, made: Path) -> None:
    file = score_run.report()[_made(made, "control-characters.md")]
    assert file["error"] is None
    (section,) = file["sections"]
    # 답변 + \x01 \x07 \x1b + [31m + 입니다 + \x7f + " 끝"
    assert section["count"] == 2 + 3 + 4 + 3 + 1 + 2 == 15


def test_lone_surrogate_on_stdin(cache_dir: Path, tmp_path: Path) -> None:
    data, reason = UNREADABLE["lone-surrogate.md"]
    result = run("-", cwd=tmp_path, cache=cache_dir, watch=(tmp_path,), stdin=data)
    assert result.code == 2
    assert result.errors == [f"essaylint: -: {reason}"]


def test_file_name_with_undecodable_bytes_text(cache_dir: Path, tmp_path: Path) -> None:
    """On Linux a file name need not be UTF-8; Python hands it over with lone surrogates."""
    folder = tmp_path / "names"
    folder.mkdir()
    try:
        (folder / os.fsdecode(b"\xff\xed\xa0\x80.md")).write_bytes(
            b"# \xec\xa7\x88\xeb\xac\xb8\n\nOOO\n"
        )
    except (OSError, UnicodeError):
        pytest.skip("this file system only takes valid file names")
    result = run("--ignore", "model", "names", cwd=tmp_path, cache=cache_dir, watch=(folder,))
    assert result.code == 1
    assert re.search(r"^names/.+\.md:3:1: EL103 ", result.stdout, re.MULTILINE), result.stdout


def test_file_name_with_undecodable_bytes_json(cache_dir: Path, tmp_path: Path) -> None:
    folder = tmp_path / "names"
    folder.mkdir()
    try:
        (folder / os.fsdecode(b"\xff\xed\xa0\x80.md")).write_bytes(b"# q\n\nOOO\n")
    except (OSError, UnicodeError):
        pytest.skip("this file system only takes valid file names")
    result = run(
        "--format",
        "json",
        "--ignore",
        "model",
        "names",
        cwd=tmp_path,
        cache=cache_dir,
        watch=(tmp_path,),
    )
    assert result.code == 1
    (file,) = result.report().values()
    assert [f["code"] for f in file["findings"]] == ["EL102", "EL103"]


def test_file_name_with_a_line_break_is_still_one_line(cache_dir: Path, tmp_path: Path) -> None:
    if not POSIX:
        pytest.skip("file names cannot hold a line break here")
    (tmp_path / "a\nb.md").write_bytes(b"\x00")
    result = run("--ignore", "model", ".", cwd=tmp_path, cache=cache_dir, watch=(tmp_path,))
    assert result.code == 2
    assert len(result.errors) == 1, result.stderr


def test_control_characters_in_a_title_do_not_reach_the_terminal(
    cache_dir: Path, tmp_path: Path
) -> None:
    (tmp_path / "title.md").write_bytes(
        "# 질문\x1b[2J\u0085끝\u2028다음\n\n답변\x1b]0;제목\x07입니다 OOO\n".encode()
    )
    for output in ("text", "concise"):
        result = run(
            "--format",
            output,
            "--ignore",
            "model",
            "title.md",
            cwd=tmp_path,
            cache=cache_dir,
            watch=(tmp_path,),
        )
        assert result.code == 1
        assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]", result.stdout)
        assert result.stdout.splitlines() == result.stdout.split("\n")[:-1]


# --- encodings, normalisation, line endings ---------------------------------------------------


def _findings(file: dict[str, Any]) -> list[tuple[int, int, int, str]]:
    return [(f["line"], f["column"], f["end_column"], f["code"]) for f in file["findings"]]


@pytest.mark.parametrize("name", ["line-endings.md", *_line_ending_variants()])
def test_line_endings_and_encodings_keep_lines_and_columns(
    score_run: Run, made: Path, name: str
) -> None:
    report = score_run.report()
    file = report[name] if name == "line-endings.md" else report[_made(made, name)]
    assert file["error"] is None
    assert _findings(file) == LINE_ENDING_FINDINGS
    assert [s["count"] for s in file["sections"]] == [36]
    expected_encoding = {"utf16le.md": "utf-16", "utf16be.md": "utf-16", "cp949.md": "cp949"}
    assert file["encoding"] == expected_encoding.get(name, "utf-8")


def test_line_endings_in_concise_output(cache_dir: Path, made: Path) -> None:
    """The same positions in the line-oriented format, and exit 1 for the error findings."""
    names = list(_line_ending_variants())
    result = run(
        "check",
        "--format",
        "concise",
        "--ignore",
        "model",
        "--config",
        DEFAULTS,
        "line-endings.md",
        *(str(made / name) for name in names),
        cwd=HOSTILE,
        cache=cache_dir,
        watch=(made,),
    )
    assert result.code == 1
    pattern = re.compile(r"^(.+?):(\d+):(\d+): (EL\d{3}) ", re.MULTILINE)
    found: dict[str, list[tuple[int, int, str]]] = {}
    for path, line, col, code in pattern.findall(result.stdout):
        found.setdefault(path, []).append((int(line), int(col), code))
    expected = [(line, col, code) for line, col, _, code in LINE_ENDING_FINDINGS]
    assert found == dict.fromkeys(["line-endings.md", *(str(made / n) for n in names)], expected)
    assert "\r" not in result.stdout


def test_nfd_korean_counts_like_its_nfc_twin(score_run: Run, made: Path) -> None:
    raw = (HOSTILE / "nfd-korean.md").read_text(encoding="utf-8")
    assert not unicodedata.is_normalized("NFC", raw), "the fixture must stay NFD"
    report = score_run.report()
    nfd, nfc = report["nfd-korean.md"], report[_made(made, "nfc-twin.md")]
    assert [s["count"] for s in nfd["sections"]] == [s["count"] for s in nfc["sections"]] == [34]
    assert [(f["code"], f["line"]) for f in nfd["findings"]] == [
        (f["code"], f["line"]) for f in nfc["findings"]
    ]
    # Columns are code points of the original line: 'OOO' starts after 15 NFD code points.
    (placeholder,) = [f for f in nfd["findings"] if f["code"] == "EL103"]
    line = raw.split("\n")[placeholder["line"] - 1]
    assert (placeholder["column"], placeholder["end_column"]) == (16, 19)
    assert line[placeholder["column"] - 1 : placeholder["end_column"] - 1] == "OOO"
    (twin,) = [f for f in nfc["findings"] if f["code"] == "EL103"]
    assert (twin["column"], twin["end_column"]) == (8, 11)


# Each question of counting-unicode.md: its title, what its answer holds, and its count.
UNICODE_CASES = [
    ("이모지", "👩\u200d💻🇰🇷👍🏽", 3, "chars"),  # ZWJ sequence, flag, skin tone: one each
    ("오른쪽에서 왼쪽", "שלום عربي", 9, "chars"),  # letters count as letters
    ("방향 제어 문자", "\u200fא\u202eב\u202c", 5, "chars"),  # RLM, RLO, PDF count 1 each
    ("폭 없는 문자", "가\u200b나\u200c다\u2060라\ufeff마\u00ad바", 6, "chars"),  # invisible: 0
    ("줄바꿈 없는 공백", "가\u00a0나\u3000다", 5, "chars"),  # NBSP, U+3000: spaces
    ("줄바꿈 없는 공백 (공백 제외)", "가\u00a0나\u3000다", 3, "chars-no-spaces"),
]


@pytest.mark.parametrize(("title", "answer", "count", "mode"), UNICODE_CASES)
def test_counting_unicode(score_run: Run, title: str, answer: str, count: int, mode: str) -> None:
    text = (HOSTILE / "counting-unicode.md").read_text(encoding="utf-8")
    assert f"## {title}\n" in text and f"\n{answer}\n" in text, "the fixture lost a character"
    sections = {s["title"]: s for s in score_run.report()["counting-unicode.md"]["sections"]}
    assert (sections[title]["count"], sections[title]["mode"]) == (count, mode)


# --- the file system ------------------------------------------------------------------------


def test_symlink_loops_in_a_folder(cache_dir: Path, tmp_path: Path) -> None:
    if not POSIX:
        pytest.skip("needs symbolic links")
    essays = tmp_path / "essays"
    (essays / "sub").mkdir(parents=True)
    (essays / "sub" / "essay.md").write_text(KOREAN, encoding="utf-8")
    (essays / "sub" / "up").symlink_to("..")  # a folder loop
    (essays / "self.md").symlink_to("self.md")  # a file that is a loop
    result = run("--ignore", "model", "essays", cwd=tmp_path, cache=cache_dir, watch=(essays,))
    assert result.code == 2
    assert result.errors == ["essaylint: essays/self.md: too many levels of symbolic links"]
    assert re.findall(r"^(\S+?):\d+:\d+: ", result.stdout, re.MULTILINE) == ["essays/sub/essay.md"]


@pytest.mark.skipif(
    not POSIX or os.geteuid() == 0,
    reason="root reads files whatever their mode (CI runs as root): "
    "test_unreadable_even_as_root covers files that fail to read for root too",
)
def test_unreadable_file(cache_dir: Path, tmp_path: Path) -> None:
    locked = tmp_path / "locked.md"
    locked.write_text(KOREAN, encoding="utf-8")
    locked.chmod(0)
    try:
        result = run(
            "--ignore", "model", "locked.md", cwd=tmp_path, cache=cache_dir, watch=(tmp_path,)
        )
    finally:
        locked.chmod(0o644)
    assert result.code == 2
    assert result.errors == ["essaylint: locked.md: permission denied"]


def test_unreadable_even_as_root(
    cache_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A socket, a named pipe nobody writes to (which must not hang the run) and a dangling
    symbolic link, all named .md in a folder: one line each, the real essay still checked."""
    if not POSIX:
        pytest.skip("needs sockets, FIFOs and symbolic links")
    folder = tmp_path / "essays"
    folder.mkdir()
    (folder / "essay.md").write_text(KOREAN, encoding="utf-8")
    os.mkfifo(folder / "pipe.md")
    (folder / "dangling.md").symlink_to("nowhere.md")
    monkeypatch.chdir(folder)  # a short relative path: socket paths are limited to ~100 bytes
    with socket.socket(socket.AF_UNIX) as server:
        server.bind("socket.md")
        result = run("--ignore", "model", "essays", cwd=tmp_path, cache=cache_dir, watch=(folder,))
    assert result.code == 2
    assert result.errors == [
        "essaylint: essays/dangling.md: broken symbolic link",
        "essaylint: essays/pipe.md: named pipe with no writer",
        "essaylint: essays/socket.md: is a socket, not a file",
    ]
    assert "essays/essay.md:1:1: EL102 " in result.stdout


def test_a_folder_named_like_an_essay(cache_dir: Path, tmp_path: Path) -> None:
    (tmp_path / "x.md").mkdir()
    result = run("--ignore", "model", "x.md", cwd=tmp_path, cache=cache_dir, watch=(tmp_path,))
    assert result.code == 2
    assert result.errors == ["essaylint: no Markdown files found in x.md"]


def test_a_pipe_with_a_writer_is_read(tmp_path: Path) -> None:
    """`essaylint <(...)` and a FIFO with a writer are read to the end, not refused."""
    if not POSIX:
        pytest.skip("needs FIFOs")
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    opened = threading.Event()

    def write() -> None:
        with open(fifo, "wb") as pipe:  # blocks until the reader opens the FIFO
            opened.set()
            pipe.write(KOREAN.encode())

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    # Opening for reading here first, so the writer is connected before read_source opens it.
    keep = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        assert opened.wait(timeout=30)
        assert read_source(fifo).text == KOREAN
    finally:
        os.close(keep)
        writer.join(timeout=30)


def test_file_deleted_between_listing_and_reading(tmp_path: Path) -> None:
    folder = tmp_path / "essays"
    folder.mkdir()
    for name in ("a.md", "b.md"):
        (folder / name).write_text(KOREAN, encoding="utf-8")
    listed = list(expand_paths([str(folder)]))
    assert listed == [str(folder / "a.md"), str(folder / "b.md")]
    (folder / "b.md").unlink()
    results = lint_paths(listed, ConfigFinder(), {"ignore": ("model",)})
    assert [(r.path, r.error) for r in results] == [
        (str(folder / "a.md"), None),
        (str(folder / "b.md"), "file not found"),
    ]
    assert [f.code for f in results[0].findings] == ["EL102"]


def test_fix_leaves_files_it_cannot_read_alone(cache_dir: Path, tmp_path: Path) -> None:
    """`--fix` on files that cannot be read, or whose front matter is broken: nothing written."""
    for name, (data, _) in UNREADABLE.items():
        (tmp_path / name).write_bytes(data)
    for name in BAD_FRONT_MATTER:
        (tmp_path / name).write_bytes((HOSTILE / name).read_bytes())
    result = run(
        "--fix", "--ignore", "model", ".", cwd=tmp_path, cache=cache_dir, watch=(tmp_path,)
    )
    assert result.code == 2
    assert len(result.errors) == len(UNREADABLE) + len(BAD_FRONT_MATTER)


# --- configuration --------------------------------------------------------------------------

CONFIG_ERRORS = [
    ("bad-regex.toml", "limits: bad regular expression '(지원 동기': "),
    ("unknown-key.toml", "defualt_limit: unknown key (did you mean 'default_limit'?)"),
    ("wrong-type.toml", "default_limit: input should be an integer"),
    ("negative-limit.toml", "default_limit: must be > 0"),
    ("negative-limit-pattern.toml", "limits.지원 ?동기: must be > 0, got -500"),
    ("rule-bad-regex.toml", "rules.missing-value.applies_to: bad regular expression '[지원': "),
]


@pytest.mark.parametrize(("name", "expected"), CONFIG_ERRORS)
def test_config_error_is_one_line_naming_the_file_and_key(
    cache_dir: Path, name: str, expected: str
) -> None:
    result = run(
        "--ignore",
        "model",
        "--config",
        f"config/{name}",
        "line-endings.md",
        cwd=HOSTILE,
        cache=cache_dir,
    )
    assert result.code == 2
    (line,) = result.errors
    prefix = f"essaylint: {(HOSTILE / 'config' / name).resolve()}: "
    assert line.startswith(prefix + expected), line
    assert result.stdout == ""


@pytest.mark.parametrize(
    ("toml", "expected"),
    [
        pytest.param("fail_under = 200\n", "fail_under: must be between 0 and 100", id="200"),
        pytest.param("fail_under = nan\n", "fail_under: must be between 0 and 100", id="nan"),
        pytest.param("default_limit = true\n", "default_limit: expected a number, got true"),
        pytest.param("newline = false\n", "newline: expected a number, got false"),
        pytest.param('strict = "yes"\n', "strict: expected true or false, got 'yes'"),
        pytest.param("blind = 1\n", "blind: expected true or false, got 1"),
        pytest.param(
            '[limits]\n"지원" = true\n',
            "limits.지원: expected a number or a range like 500-700, got true",
            id="limit-bool",
        ),
        pytest.param(
            '[limits]\n"지원" = 1.5\n',
            "limits.지원: input should be an integer, got a number with a fractional part",
            id="limit-float",  # not `limits.지원.int`: pydantic's union member is no key
        ),
        pytest.param('select = "EL1"\n', "select: input should be an array", id="toml-words"),
        pytest.param("rules = 5\n", "rules: input should be a table", id="toml-table"),
    ],
)
def test_more_config_mistakes(tmp_path: Path, toml: str, expected: str) -> None:
    """Mistakes pydantic's lax mode would have let through, and its Python words for TOML."""
    path = tmp_path / "essaylint.toml"
    path.write_text(toml, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert str(info.value) == f"{path.resolve()}: {expected}"


def test_hostile_readme_lists_every_committed_fixture() -> None:
    readme = (HOSTILE / "README.md").read_text(encoding="utf-8")
    committed = sorted(p.relative_to(HOSTILE).as_posix() for p in HOSTILE.rglob("*") if p.is_file())
    missing = [name for name in committed if name != "README.md" and f"`{name}`" not in readme]
    assert missing == []
    made = [*SMALL, *UNREADABLE, *BIG]
    assert [name for name in made if f"`{name}`" not in readme] == []


def test_a_runaway_limits_pattern_in_front_matter_is_a_file_error(
    cache_dir: Path, tmp_path: Path
) -> None:
    """`(a|aa)+b` backtracks exponentially on a long run of `a`: the match gives up (the `regex`
    module's timeout) and that file gets a one-line error instead of hanging the run."""
    (tmp_path / "slow.md").write_text(
        '---\nlimits:\n  "(a|aa)+b": 500\n---\n# ' + "a" * 60 + "\n\n답입니다.\n",
        encoding="utf-8",
    )
    (tmp_path / "fine.md").write_text("# 지원 동기 (500자)\n\nOOO\n", encoding="utf-8")
    result = run("--ignore", "model", ".", cwd=tmp_path, cache=cache_dir, watch=(tmp_path,))
    assert result.code == 2
    assert result.errors == [
        "essaylint: ./slow.md: front matter: limits: pattern '(a|aa)+b' takes too long to match "
        "a title (nested repetition such as (a+)+?)"
    ]
    assert "fine.md:3:1: EL103" in result.stdout

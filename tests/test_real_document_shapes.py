"""Shapes real application and interview files take, checked through the real command.

Each case is written in our own words after a shape found in real public files (the development
set in `bench/realdocs/`): the file itself never enters the repository.
"""

from __future__ import annotations

import json
from pathlib import Path

from helpers import essaylint
from hypothesis import given, settings
from hypothesis import strategies as st

from essaylint.document import DocumentError, build_document, reads_as_front_matter

TIPS = """# 자소서 쓰는 법 :memo:

### 첫 문장에 결론을 쓰자

* 읽는 사람이 바쁘다는 것을 기억해라
* 경험은 숫자로 보여주자

### 분량은 80% 이상 채우는 것이 좋다

* 문항마다 1,000자 내외로 쓰는 곳이 많다.
"""

OPENS_WITH_RULE = """---
# 면접 준비

| 회사 | 일정 |
| --- | --- |
| 물류회사 | 3월 |

오늘 정리한 질문들입니다.
---

## 지원 동기 (500자)

주문이 늘어도 흔들리지 않는 시스템을 만들고 싶어 지원했습니다.
"""


def test_a_note_without_questions_says_so_and_passes(tmp_path: Path) -> None:
    (tmp_path / "tips.md").write_text(TIPS, encoding="utf-8")
    done = essaylint("check", "--no-cache", "tips.md", cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "EL101" not in done.stdout
    assert done.stdout.strip().splitlines()[-1] == (
        "0 errors, 0 warnings in 1 file · 질문 없음 (no questions found)"
    )
    score = essaylint("score", "--no-cache", "tips.md", cwd=tmp_path)
    assert score.stdout.strip() == "tips.md: 질문 없음 (no questions found)"


def test_a_markdown_block_between_rules_at_the_top_is_checked(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text(OPENS_WITH_RULE, encoding="utf-8")
    done = essaylint("check", "--no-cache", "--format", "json", "notes.md", cwd=tmp_path)
    assert done.returncode in (0, 1), done.stderr
    entry = json.loads(done.stdout)["files"][0]
    assert entry["error"] is None
    questions = [s for s in entry["sections"] if s["kind"] == "question"]
    assert [(s["line"], s["limit"]) for s in questions] == [(11, 500)]


def test_broken_yaml_front_matter_is_still_one_line_and_exit_2(tmp_path: Path) -> None:
    (tmp_path / "broken.md").write_text(
        "---\ncompany: [카카오\n---\n## 지원 동기\n답변입니다.\n", encoding="utf-8"
    )
    done = essaylint("check", "--no-cache", "broken.md", cwd=tmp_path)
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1
    assert "front matter" in done.stderr


_LINE = st.one_of(
    st.text(alphabet=st.sampled_from(list("가나다 #-|:*>0123456789abc\t")), max_size=30),
    st.sampled_from(["---", "## 지원 동기", "title: 제목", "- 항목", "# 메모", "key: [a"]),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_LINE, max_size=12))
def test_a_file_opening_with_a_rule_is_an_error_only_when_its_block_reads_as_yaml(
    lines: list[str],
) -> None:
    """Random documents opening with `---`: a DocumentError (exit 2) only for a block of YAML
    keys that YAML cannot read; anything else is read as Markdown."""
    text = "---\n" + "\n".join(lines) + "\n"
    try:
        build_document(text)
    except DocumentError as error:
        assert str(error).startswith("front matter")
        assert reads_as_front_matter(text.split("\n"))

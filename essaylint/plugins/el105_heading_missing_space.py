r"""EL105 heading-missing-space: `###성장과정`, hashes glued to the title.

## What it flags
A line that starts with `#` marks followed directly by the title, with no space between. Markdown
(CommonMark) does not read it as a heading, so other tools and renderers show `###성장과정` as
plain text; essaylint reads it as the heading it was meant to be (with two or more `#`, or with
one `#` before a title that reads as a question or a collection), so its answer is still checked.

## Why it matters
The file renders wrong everywhere else (GitHub, your editor's preview, a PDF export), and a
question that is not a heading is easy to miss when you paste answers into the portal.

## Example
```markdown
###성장과정
부산의 작은 조선소 옆에서 자라며 무언가를 만드는 사람들을 보고 컸습니다.
```

## Instead
```markdown
### 성장과정
부산의 작은 조선소 옆에서 자라며 무언가를 만드는 사람들을 보고 컸습니다.
```

## Fix
Safe: `--fix` inserts the space after the hashes.

## False positives
A line starting with a hashtag (`#해시태그`) is not a heading and is not flagged; with one `#`
only a title that reads as a question (a limit, a question mark, a common 자소서 question) or a
collection (`#카카오 자기소개서`) is. If you really mean the hashes as text, write `\###` or
suppress the line with `<!-- essaylint-disable-next-line heading-missing-space -->`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from essaylint.linting.plugin import Edit, Hit, Rule, RuleContext, RuleOptions
from essaylint.reading.model import Document
from essaylint.reading.question_styles import MISSING_SPACE


@dataclass(frozen=True)
class Options(RuleOptions):
    """heading-missing-space has no options."""


def check(doc: Document, opts: Options, ctx: RuleContext) -> Iterator[Hit]:
    if not doc.malformed_headings:
        return
    by_line = {s.heading_line: s for s in doc.walk() if s.style == "heading"}
    for line in doc.malformed_headings:
        lines = ctx.lines or ()
        text = lines[line - 1] if 0 < line <= len(lines) else ""
        match = MISSING_SPACE.match(text)
        if match is None:
            continue
        col = match.end() + 1  # just after the hashes
        hashes = match.group(2)
        yield Hit(
            line,
            match.start(2) + 1,
            f"'{hashes}' 뒤에 공백이 없어 Markdown 제목이 아님: '{hashes} ' 로 쓰세요",
            section=by_line.get(line),
            end_line=line,
            end_col=col,
            fix=Edit(line, col, line, col, " ", safe=True),
        )


RULE = Rule(
    code="EL105",
    name="heading-missing-space",
    check=check,
    options=Options,
    severity="warning",
    fixable=True,
    tags=("structure",),
    summary="제목 기호 뒤 공백 없음 (`###제목`: not a Markdown heading)",
)

"""`essaylint init`: a commented starter `essaylint.toml`, written without asking anything.

The active lines equal the defaults, so writing the file changes no result until the writer
edits it; everything else is commented out with what it does. The template must load with
`config.load_config` (a test keeps it so). This module never prints and never picks an exit
code: the CLI does.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from essaylint.running.config import CONFIG_NAMES

CONFIG_FILE = "essaylint.toml"

TEMPLATE = """\
# essaylint settings: written by `essaylint init`. Every line starting with # is a comment;
# remove the # to use a setting. The active lines below are the defaults.
# essaylint 설정 파일입니다. 줄 앞의 #을 지우면 그 설정이 켜집니다. 지금 켜진 값은 기본값입니다.
#
# essaylint uses the closest config file walking up from each checked file (this one covers
# this folder and its subfolders). `essaylint schema` prints every key; unknown keys are errors.
# 주의: [limits], [rules.…] 같은 [표] 제목 아래의 키는 그 표에 속하므로 최상위 키는 표 위에 두세요.

# 글자 수 세는 방식 / how answers are counted when the question title does not say:
#   "chars"           공백 포함 (every character, spaces included)
#   "chars-no-spaces" 공백 제외 (no spaces, tabs or line breaks)
#   "bytes"           EUC-KR식 바이트: 한글 2, ASCII 1 (the common portal convention)
#   "bytes-utf8"      UTF-8 바이트
#   "neis"            NEIS 바이트: 한글 3, ASCII 1, 줄 바꿈 2
#   "words"           단어 수 (English essays)
# 제목에 "(공백 제외 800자)", "1500 bytes"처럼 적혀 있으면 그 질문은 제목을 따릅니다.
count = "chars"

# 줄 바꿈 하나를 몇 자로 셀지: 0, 1 또는 2 (2 for portals that count CRLF)
newline = 1

# 제목에 제한이 없는 질문의 기본 제한 / limit for questions that have none anywhere
# default_limit = 1000

# 질문을 찾는 방법 / where questions are:
#   "auto" = 제목, 목록 항목, Q. 줄, 굵은 라벨, 인용, <details> (headings, list items, Q-lines,
#            bold labels, block quotes, details); "headings" = 제목만;
#   또는 목록 / or a list: ["heading", "list-item", "q-line", "bold-label", "blockquote", "details"]
# question_style = "auto"

# 빈 줄 없이 연달아 쓴 같은 수준의 제목들 / headings on consecutive lines:
#   "share"    = 한 질문의 여러 표현, 답은 마지막 제목 아래 하나 (one question, one answer)
#   "separate" = 각각 별개의 질문 (the first one is then an empty question)
# stacked_headings = "share"

# 질문이 아니라 참고 자료인 제목 / titles of reference sections, never questions. Setting this
# replaces the built-in list (인재상, 핵심가치, Core values, 메모, Notes …): repeat what you need.
# reference_titles = ["인재상", "핵심가치", "메모", "기업 분석"]

# 규칙 고르기: 코드(EL201), 코드 앞부분(EL2), 이름(over-limit), 태그(structure, length,
# spelling, values, model) / rules by code, prefix, name or tag (`essaylint rules` lists them).
# select = ["structure", "length"]   # 이 규칙만 / only these
# extend_select = ["spacing"]        # 기본 규칙에 더하기 / add to the default rules
# ignore = ["under-filled"]          # 빼기 / skip these ("model" skips the kiwipiepy rules)

# 종료 코드 / exit status, for CI and pre-commit:
# strict = true      # 경고(warning)도 실패로 / warnings fail too (exit 1)
# fail_under = 80    # 완성도(%)가 이보다 낮으면 실패 / exit 1 when a document's score is lower

# 지원 회사와 인재상 / the company and its values (인재상):
# - company: 프리셋 이름(rules/values/의 kakao, naver …) 또는 회사 이름 / a preset slug or a name
# - values: 문서의 인재상 섹션과 프리셋에 더할 값 / values added to those found
# - synonyms: 값과 같은 뜻으로 볼 말, 한글 키는 따옴표로 / related terms (quote Korean keys)
# - companies: wrong-company가 알아야 할 다른 회사 ("이름|별칭") / other companies to know
# - blind: 블라인드 채용 문서 / a blind-hiring application: turns the blind-hiring checks on
# company = "kakao"
# values = ["도전", "신뢰"]
# synonyms = { "도전" = ["시도", "모험"] }
# companies = ["우리회사|Our Co"]
# blind = true

# 맞춤법 / spelling:
# - words: 내가 쓰는 단어, 오타로 보지 않음 (.essaylint-words.txt 파일도 읽음) / my own words
# - typo_packs: 추가 오타 목록, 이 파일 기준 경로 / extra typo packs, relative to this file
# - packs: 내 규칙 팩 폴더 (안에 typos/, values/) / my rule-pack folders
# words = ["카카오톡", "멱등성"]
# typo_packs = ["./my-typos.toml"]
# packs = ["./packs"]

# 다른 설정 파일에서 이어받기 / start from a preset or another file (keys here win):
# extends = "strict"                 # "default", "strict" (제출 직전용) 또는 "../essaylint.toml"

# 제목 정규식 -> 제한 (제목에 제한이 없는 질문만): 숫자, "500-700" 같은 범위, 또는 "none"
# heading regex -> limit, for questions whose title gives none (a title's own limit wins)
[limits]
# "지원 ?동기" = 1000
# "성장 ?과정" = "500-700"   # 500자 미만은 under-filled, 700자 초과는 over-limit
# "자유 기술" = "none"        # 제한 없음 / no limit

# 규칙별 옵션 / per-rule options: [rules.<name>]. Every rule table also takes a severity
# ("error", "warning" or "info"); `essaylint explain <name>` shows a rule's options.

# [rules.stub-answer]
# min_chars = 50     # 이보다 짧은(공백 포함) 답변은 쓰다 만 답변 / shorter answers are stubs

# [rules.under-filled]
# min_fill = 0.8     # 제한의 80%보다 적게 쓰면 경고 / warn below this share of the limit
# severity = "info"

# [rules.duplicate-question]
# severity = "error"
"""


class InitError(Exception):
    """Why no file was written: one line for the CLI to print."""


def existing_config(folder: Path) -> Path | None:
    """A config file in `folder` that essaylint would read (a pyproject.toml only when it has
    a [tool.essaylint] table), or None."""
    for name in CONFIG_NAMES:
        candidate = folder / name
        if not candidate.is_file():
            continue
        if name != "pyproject.toml":
            return candidate
        try:
            data = tomllib.loads(candidate.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
            continue
        tool = data.get("tool")
        if isinstance(tool, dict) and "essaylint" in tool:
            return candidate
    return None


def write_config(folder: Path) -> Path:
    """Write the starter config into `folder` (created if missing); never overwrite one."""
    if folder.exists() and not folder.is_dir():
        raise InitError(f"{folder}: not a folder")
    found = existing_config(folder)
    if found is not None:
        what = "has [tool.essaylint]" if found.name == "pyproject.toml" else "already exists"
        raise InitError(f"{found} {what}; nothing written")
    target = folder / CONFIG_FILE
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with target.open("x", encoding="utf-8", newline="\n") as handle:
            handle.write(TEMPLATE)
    except FileExistsError:
        raise InitError(f"{target} already exists; nothing written") from None
    except OSError as error:
        raise InitError(f"{target}: cannot write: {error.strerror or error}") from None
    return target

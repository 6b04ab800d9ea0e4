"""`essaylint report`: one self-contained HTML page a writer reads to see what is left to do.

Nothing is loaded from the network (no fonts, scripts or images; the CSS is inline and there is
no JavaScript), so the file opens offline, attaches to a CI run and prints. Rows keep document
order; states are coloured the way `score --details` colours them. Every piece of text from a
document or a finding goes through `escape`: control characters shown as in `text` output
(essaylint.reporters.printable), then `html.escape`.

`write_page` never overwrites a file being checked, nor any existing file that is not a page
essaylint wrote (found by its generator line): `report . -o essay.md` or a mistyped path loses
nothing. The page replaces the old one atomically, so a full disk leaves the old one whole.

Stable hooks for tests and user styles: `article.document` per file (`article.file-error` when
it could not be read), `tr.question.state-<state>` with `data-line`, `data-count` and
`data-limit` per question, `.track` > `.bar` (+ `.over` past the limit) for the fill bar,
`li.finding.severity-<severity>` with `data-code`, `table.coverage` for the values matrix (a
mark's `title` names the answer's words that matched) and `ul.why` listing them per question.
"""

from __future__ import annotations

import html
import os
import stat
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, TextIO

from essaylint import __version__
from essaylint.base.files import os_reason, replace_atomically
from essaylint.linting.results import FileResult, Finding, SectionReport
from essaylint.linting.score import completeness
from essaylint.reading.counting import MODE_LABELS, MODE_UNITS
from essaylint.reporters import decodable
from essaylint.reporters.printable import printable
from essaylint.reporters.score import STATE_LABELS, percent

if TYPE_CHECKING:
    from essaylint.values import Coverage

# What every page essaylint writes holds near its top; only a file holding it is overwritten.
GENERATOR = '<meta name="generator" content="essaylint '
_SNIFF = 4096  # bytes of an existing file searched for GENERATOR


def escape(text: str, quote: bool = True) -> str:
    """`html.escape` of text with control characters shown (a raw ESC or BEL from a heading has
    no place in a page: browsers drop or garble them, and XML tools reject the file)."""
    return html.escape(printable(text), quote)


class PageError(Exception):
    """One line: why the page was not written; the file named is left as it was."""


# The order states are listed in the summary: what is left to do first.
STATE_ORDER = ("empty", "placeholder", "stub", "over-limit", "under-filled", "complete")
SEVERITY_LABELS = {"error": "오류", "warning": "경고", "info": "정보"}
# How far past the limit the bar may reach, as a share of the track (the cell reserves room).
OVER_CAP = 0.5

_CSS = """
:root {
  --ink: #1f2328; --muted: #656d76; --line: #d8dee4; --paper: #ffffff; --page: #f6f8fa;
  --green: #1a7f37; --green-bg: #dafbe1; --amber: #9a6700; --amber-bar: #d4a72c;
  --amber-bg: #fff8c5; --red: #cf222e; --red-bg: #ffebe9; --blue: #0969da; --blue-bg: #ddf4ff;
  --track: #eaeef2;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0; background: var(--page); color: var(--ink); line-height: 1.5;
  font: 15px/1.5 "Pretendard", "Apple SD Gothic Neo", "Malgun Gothic", "Noto Sans KR",
    "Noto Sans CJK KR", "NanumGothic", "NanumBarunGothic", system-ui, -apple-system,
    "Segoe UI", sans-serif;
  font-variant-numeric: tabular-nums; word-break: keep-all; overflow-wrap: anywhere;
}
.page { max-width: 1120px; margin: 0 auto; padding: 28px 24px 48px; }
.masthead { display: flex; align-items: baseline; gap: 12px; margin-bottom: 16px; }
.masthead h1 { font-size: 22px; margin: 0; letter-spacing: -0.01em; }
.masthead .generator { color: var(--muted); font-size: 13px; margin-left: auto; }
.summary {
  display: flex; flex-wrap: wrap; align-items: center; gap: 8px 18px; padding: 14px 18px;
  background: var(--paper); border: 1px solid var(--line); border-radius: 10px;
}
.summary .overall { display: flex; align-items: baseline; gap: 8px; margin-right: 6px; }
.summary .overall b { font-size: 30px; line-height: 1; letter-spacing: -0.02em; }
.summary .overall span { color: var(--muted); font-size: 13px; }
.chips { display: flex; flex-wrap: wrap; gap: 6px; margin: 0; padding: 0; list-style: none; }
.chip {
  display: inline-flex; align-items: center; gap: 6px; padding: 2px 10px; border-radius: 999px;
  font-size: 13px; border: 1px solid transparent; white-space: nowrap;
}
.chip b { font-weight: 700; }
.chip.zero { opacity: 0.45; }
.chips.findings { margin-left: auto; }
.files { margin: 14px 0 0; padding: 0; list-style: none; font-size: 14px; }
.files li { display: flex; gap: 10px; padding: 2px 0; }
.files a { color: var(--blue); text-decoration: none; }
.files .pct { width: 3.5em; text-align: right; font-weight: 700; }
.document {
  margin-top: 22px; background: var(--paper); border: 1px solid var(--line);
  border-radius: 10px; overflow: hidden;
}
.doc-head {
  display: flex; gap: 22px; align-items: center;
  padding: 18px 20px 16px; border-bottom: 1px solid var(--line);
}
.doc-info { flex: 1 1 auto; min-width: 0; display: flex; flex-direction: column; gap: 6px; }
.score { flex: 0 0 auto; text-align: center; min-width: 104px; }
.score .big { display: block; font-size: 46px; font-weight: 800; line-height: 1;
  letter-spacing: -0.03em; }
.score .big small { font-size: 22px; font-weight: 700; }
.score .tally { display: block; margin-top: 6px; color: var(--muted); font-size: 13px; }
.score.good .big { color: var(--green); }
.score.fair .big { color: var(--amber); }
.score.poor .big { color: var(--red); }
.doc-head h2 { margin: 0; font-size: 17px; font-weight: 700; }
.doc-head h2 .label { color: var(--muted); font-weight: 400; font-size: 13px; margin-right: 6px; }
.strip { display: flex; gap: 3px; height: 14px; }
.strip a { flex: 1 1 0; border-radius: 3px; min-width: 6px; }
.todo { font-size: 13px; }
.todo-head { font-weight: 700; margin-right: 8px; }
.todo ol { display: inline; margin: 0; padding: 0; list-style: none; }
.todo li { display: inline-block; margin: 2px 10px 2px 0; }
.todo li a { color: var(--muted); text-decoration: none; margin-right: 2px; }
.todo .todo-title { display: inline-block; max-width: 22em; overflow: hidden;
  text-overflow: ellipsis; white-space: nowrap; vertical-align: bottom; }
.todo .task { font-weight: 700; margin-left: 2px; }
.todo li.state-empty .task, .todo li.state-placeholder .task,
.todo li.state-over-limit .task { color: var(--red); }
.todo li.state-stub .task, .todo li.state-under-filled .task { color: var(--amber); }
.todo.done { color: var(--green); font-weight: 700; margin: 0; }
.notes { margin: 0; padding: 10px 20px; background: var(--blue-bg); font-size: 13px; }
table { border-collapse: collapse; width: 100%; }
.questions th, .questions td { padding: 10px 12px; text-align: left; vertical-align: top; }
.questions thead th {
  font-size: 12px; font-weight: 600; color: var(--muted); background: var(--page);
  border-bottom: 1px solid var(--line); white-space: nowrap;
}
.questions tbody tr + tr td, .questions tbody tr + tr th { border-top: 1px solid var(--line); }
.questions .col-line { width: 3.5em; text-align: right; color: var(--muted); }
.questions .col-state { width: 7.5em; }
.questions .col-fill { width: 19em; }
td.line { text-align: right; }
td.line a { color: var(--muted); text-decoration: none; font-size: 13px; }
tr.group th {
  background: #fbfcfd; font-size: 13px; font-weight: 700; color: var(--muted);
  padding-top: 8px; padding-bottom: 8px;
}
tr.question td:first-child { border-left: 4px solid transparent; }
.title { font-weight: 600; }
.alt { color: var(--muted); font-size: 13px; }
.badge {
  display: inline-block; padding: 1px 9px; border-radius: 999px; font-size: 13px;
  font-weight: 600; white-space: nowrap;
}
.state-complete .badge, .chip.state-complete, .strip .state-complete { background: var(--green-bg);
  color: var(--green); }
.state-under-filled .badge, .chip.state-under-filled { background: var(--amber-bg);
  color: var(--amber); }
.state-stub .badge, .chip.state-stub { background: var(--amber-bg); color: var(--amber); }
.state-empty .badge, .state-placeholder .badge, .state-over-limit .badge,
.chip.state-empty, .chip.state-placeholder, .chip.state-over-limit {
  background: var(--red-bg); color: var(--red);
}
.strip .state-complete { background: var(--green); }
.strip .state-under-filled { background: var(--amber-bar); }
.strip .state-stub { background: var(--amber-bar); }
.strip .state-empty, .strip .state-placeholder, .strip .state-over-limit { background: var(--red); }
tr.state-empty td:first-child, tr.state-placeholder td:first-child,
tr.state-over-limit td:first-child { border-left-color: var(--red); }
tr.state-stub td:first-child, tr.state-under-filled td:first-child {
  border-left-color: var(--amber-bar); }
tr.state-complete td:first-child { border-left-color: var(--green); }
tr.state-empty, tr.state-placeholder { background: #fffafa; }
.fill .meter { display: flex; align-items: center; gap: 8px; }
.track {
  position: relative; flex: 0 0 10em; height: 10px; border-radius: 5px; background: var(--track);
  margin-right: 5em; box-shadow: inset 0 0 0 1px rgba(31, 35, 40, 0.06);
}
.track .bar { position: absolute; left: 0; top: 0; bottom: 0; border-radius: 5px;
  background: var(--green); }
.track .floor { position: absolute; top: -3px; bottom: -3px; width: 2px; background: var(--muted); }
.track .over {
  position: absolute; left: 100%; top: -2px; bottom: -2px; border-radius: 0 5px 5px 0;
  background: repeating-linear-gradient(135deg, #a40e26 0 4px, var(--red) 4px 8px);
}
.track .over.clipped::after {
  content: "▶"; position: absolute; right: -0.9em; top: 50%; transform: translateY(-50%);
  color: var(--red); font-size: 11px;
}
.state-under-filled .track .bar, .state-stub .track .bar { background: var(--amber-bar); }
.state-over-limit .track .bar, .state-placeholder .track .bar, .state-empty .track .bar {
  background: var(--red); }
.state-over-limit .track { border-radius: 5px 0 0 5px; }
.state-over-limit .track::after {
  content: ""; position: absolute; left: 100%; top: -5px; bottom: -5px; width: 2px;
  margin-left: -1px; background: var(--ink);
}
.count { font-size: 13px; margin-top: 4px; white-space: nowrap; }
.count .pct { color: var(--muted); }
.count .excess { color: var(--red); font-weight: 700; }
.count .mode { color: var(--muted); font-size: 12px; }
.findings { list-style: none; margin: 6px 0 0; padding: 0; }
.finding {
  font-size: 13px; margin-top: 3px; padding: 3px 8px; border-radius: 6px;
  background: var(--page); border-left: 3px solid var(--muted);
}
.finding .code { font-weight: 700; font-family: ui-monospace, "DejaVu Sans Mono", monospace;
  font-size: 12px; }
.finding .name { color: var(--muted); }
.finding .at { color: var(--muted); font-size: 12px; white-space: nowrap; }
.finding .suggestion { display: block; color: var(--muted); }
.finding.severity-error { border-left-color: var(--red); }
.finding.severity-error .code { color: var(--red); }
.finding.severity-warning { border-left-color: var(--amber-bar); }
.finding.severity-warning .code { color: var(--amber); }
.finding.severity-info { border-left-color: var(--blue); }
.finding.severity-info .code { color: var(--blue); }
.chip.severity-error { background: var(--red-bg); color: var(--red); }
.chip.severity-warning { background: var(--amber-bg); color: var(--amber); }
.chip.severity-info { background: var(--blue-bg); color: var(--blue); }
.muted { color: var(--muted); }
.block { padding: 14px 20px 18px; border-top: 1px solid var(--line); }
.block h3 { margin: 0 0 8px; font-size: 14px; }
.coverage { width: auto; font-size: 13px; }
.coverage th, .coverage td { padding: 4px 10px; border-bottom: 1px solid var(--line); }
.coverage thead th { text-align: center; vertical-align: bottom; }
.coverage thead th .origin {
  display: block; color: var(--muted); font-weight: 400; font-size: 11px;
}
.coverage tbody th { text-align: left; font-weight: 400; max-width: 28em; }
.coverage td { text-align: center; min-width: 4.5em; }
.coverage td.hit { color: var(--green); font-weight: 700; background: var(--green-bg); }
.coverage td.miss { color: var(--line); }
.why { margin: 4px 0 0; padding-left: 1.2em; font-size: 13px; }
.why .q { color: var(--muted); }
.coverage tr.none th, .legend .none-key { color: var(--amber); }
.legend { font-size: 12px; margin: 8px 0 0; }
.coverage tfoot th, .coverage tfoot td { font-weight: 700; border-bottom: 0; }
.coverage tfoot td.zero { color: var(--red); }
tr.file-error td { background: var(--red-bg); color: var(--red); padding: 12px 20px; }
.empty-doc { padding: 14px 20px; }
@media (max-width: 760px) {
  /* One question per card: line and title, state on the right, the bar below. */
  .page { padding: 16px 8px 32px; }
  .doc-head { flex-direction: column; align-items: stretch; }
  .chips.findings { margin-left: 0; }
  .questions thead, .questions colgroup { display: none; }
  .questions, .questions tbody, .questions tr.group, .questions tr.group th { display: block; }
  .questions tr.question {
    display: grid; grid-template-columns: 2.6em 1fr auto;
    grid-template-areas: "line q state" "line fill fill";
  }
  .questions tbody tr + tr td, .questions tbody tr + tr th { border-top: 0; }
  .questions tbody tr + tr { border-top: 1px solid var(--line); }
  .questions td { padding: 8px 6px; }
  td.line { grid-area: line; }
  td.q { grid-area: q; }
  td.state { grid-area: state; }
  td.fill { grid-area: fill; padding-top: 0; }
  .coverage tbody th { max-width: 12em; }
}
@media print {
  body { background: #fff; }
  .document { break-inside: avoid-page; }
}
"""


def render(results: Sequence[FileResult], out: TextIO, *, color: bool = False) -> None:
    """Write the report page (`color` is accepted for the common reporter signature)."""
    out.write(build_html(results))


def build_html(results: Sequence[FileResult]) -> str:
    results = [decodable(r) for r in results]  # a file name that is not UTF-8
    title = "essaylint 보고서"
    if len(results) == 1:
        title += f" · {results[0].path}"
    parts = [
        "<!DOCTYPE html>",
        '<html lang="ko">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'{GENERATOR}{escape(__version__)}">',
        f"<title>{escape(title)}</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        '<div class="page">',
        '<header class="masthead"><h1>자기소개서 점검 보고서</h1>'
        f'<span class="generator">essaylint {escape(__version__)}</span></header>',
        _summary(results),
    ]
    for number, result in enumerate(results, 1):
        parts.append(_document(result, number))
    parts += ["</div>", "</body>", "</html>", ""]
    return "\n".join(parts)


# --- summary ------------------------------------------------------------------------------------


def _questions(result: FileResult) -> list[SectionReport]:
    return [s for s in result.sections if s.kind == "question" and s.state is not None]


def _state_chips(reports: Iterable[SectionReport], *, show_zero: bool) -> str:
    counts = dict.fromkeys(STATE_ORDER, 0)
    for report in reports:
        counts[report.state or ""] = counts.get(report.state or "", 0) + 1
    chips = []
    for state, n in counts.items():
        if not n and not show_zero:
            continue
        zero = " zero" if not n else ""
        label = STATE_LABELS.get(state, state)
        chips.append(
            f'<li class="chip state-{escape(state)}{zero}" data-state="{escape(state)}">'
            f"{escape(label)} <b>{n}</b></li>"
        )
    return '<ul class="chips states">' + "".join(chips) + "</ul>"


def _severity_chips(findings: Sequence[Finding]) -> str:
    chips = []
    for severity, label in SEVERITY_LABELS.items():
        n = sum(1 for f in findings if f.severity == severity)
        zero = " zero" if not n else ""
        chips.append(
            f'<li class="chip severity-{severity}{zero}" data-severity="{severity}">'
            f"{label} <b>{n}</b></li>"
        )
    return '<ul class="chips findings">' + "".join(chips) + "</ul>"


def _summary(results: Sequence[FileResult]) -> str:
    checked = [r for r in results if r.error is None]
    questions = sum(r.questions for r in checked)
    complete = sum(r.complete for r in checked)
    score = completeness(complete, questions)
    findings = [f for r in checked for f in r.findings]
    files = f"파일 {len(results)}개"
    failed = len(results) - len(checked)
    if failed:
        files += f" (읽지 못함 {failed})"
    parts = [
        '<section class="summary" id="summary" aria-label="요약">',
        f'<div class="overall"><b>{score:.0f}%</b>'
        f"<span>완성 · 질문 {complete}/{questions} 완료 · {escape(files)}</span></div>",
        _state_chips((q for r in checked for q in _questions(r)), show_zero=True),
        _severity_chips(findings),
        "</section>",
    ]
    if len(results) > 1:
        items = []
        for number, result in enumerate(results, 1):
            pct = "오류" if result.error is not None else f"{result.score:.0f}%"
            items.append(
                f'<li><span class="pct">{pct}</span>'
                f'<a href="#doc-{number}">{escape(result.path)}</a></li>'
            )
        parts.append('<ul class="files">' + "".join(items) + "</ul>")
    return "\n".join(parts)


# --- one document -------------------------------------------------------------------------------


def _grade(score: float) -> str:
    return "good" if score >= 90 else "fair" if score >= 60 else "poor"


def _document(result: FileResult, number: int) -> str:
    anchor = f"doc-{number}"
    path = escape(result.path)
    if result.error is not None:
        return (
            f'<article class="document file-error" id="{anchor}" data-path="{path}">'
            f'<div class="doc-head"><h2><span class="label">파일</span>{path}</h2></div>'
            f'<table><tbody><tr class="file-error"><td><b>읽을 수 없음</b> · '
            f"{escape(result.error)}</td></tr></tbody></table></article>"
        )
    questions = _questions(result)
    score = result.score
    head = [
        f'<article class="document" id="{anchor}" data-path="{path}">',
        '<header class="doc-head">',
        f'<div class="score {_grade(score)}"><span class="big">{score:.0f}<small>%</small></span>'
        f'<span class="tally">완료 {result.complete}/{result.questions} · '
        f"답변 {result.answered}/{result.questions}</span></div>",
        f'<div class="doc-info"><h2><span class="label">파일</span>{path}</h2>',
        _strip(questions, anchor),
        _state_chips(questions, show_zero=False) if questions else "",
        _todo(questions, anchor) if questions else "",
        "</div></header>",
    ]
    if result.notes:
        head.append(
            '<ul class="notes">' + "".join(f"<li>{escape(n)}</li>" for n in result.notes) + "</ul>"
        )
    owner = _assign_findings(result)
    body = [_questions_table(result, anchor, owner)] if questions else []
    if not questions:
        body.append('<p class="empty-doc muted">질문(제목)이 없는 문서입니다.</p>')
    loose = owner.get(None, [])
    if loose:
        body.append(
            '<section class="block other-findings"><h3>질문 밖의 지적</h3>'
            + _findings_list(loose, with_section=True)
            + "</section>"
        )
    body.append(_coverage(result.coverage, anchor))
    return "\n".join([*head, *body, "</article>"])


def _strip(questions: Sequence[SectionReport], anchor: str) -> str:
    """One small block per question in document order: where the red and amber ones are."""
    cells = []
    for q in questions:
        label = f"{q.line}행 {q.title}: {STATE_LABELS.get(q.state or '', q.state or '')}"
        cells.append(
            f'<a class="state-{escape(q.state or "")}" href="#{anchor}-L{q.line}" '
            f'title="{escape(label)}"></a>'
        )
    return '<nav class="strip" aria-label="질문별 상태">' + "".join(cells) + "</nav>"


def _task(report: SectionReport) -> str | None:
    """What is left to do for one question, in a few words (None when it is done)."""
    unit = MODE_UNITS.get(report.mode or "chars", "자")  # type: ignore[call-overload]
    count = report.count or 0
    if report.state == "empty":
        return "답변 쓰기"
    if report.state == "placeholder":
        return "템플릿 문구 바꾸기"
    if report.state == "stub":
        return f"마저 쓰기 ({count:,}{unit})"
    if report.state == "over-limit" and report.limit is not None:
        return f"{count - report.limit:,}{unit} 줄이기"
    if report.state == "under-filled":
        if report.min is not None and count < report.min:
            return f"{report.min - count:,}{unit} 더 쓰기"
        if report.limit:
            return f"조금 더 채우기 ({percent(count, report.limit)}%)"
        return "조금 더 채우기"
    return None


def _todo(questions: Sequence[SectionReport], anchor: str) -> str:
    """The questions not yet done, in document order, each with what to do next."""
    items = []
    for q in questions:
        task = _task(q)
        if task is None:
            continue
        items.append(
            f'<li class="state-{escape(q.state or "")}" data-line="{q.line}">'
            f'<a href="#{anchor}-L{q.line}">{q.line}</a> '
            f'<span class="todo-title">{escape(q.title)}</span> '
            f'<span class="task">{escape(task)}</span></li>'
        )
    if not items:
        return '<p class="todo done">남은 일 없음: 모든 질문이 완료되었습니다.</p>'
    return (
        f'<div class="todo"><span class="todo-head">남은 일 {len(items)}</span>'
        f"<ol>{''.join(items)}</ol></div>"
    )


def _assign_findings(result: FileResult) -> dict[int | None, list[Finding]]:
    """Each finding under its question (by heading path, then the closest heading above it);
    findings outside every question (a values section, a group's preface) under None."""
    questions = _questions(result)
    owner: dict[int | None, list[Finding]] = {}
    for finding in result.findings:
        candidates = [
            i
            for i, q in enumerate(questions)
            if finding.section == q.path or finding.section.startswith(q.path + " > ")
        ]
        above = [i for i in candidates if questions[i].line <= finding.line]
        chosen = max(above, key=lambda i: questions[i].line) if above else None
        if chosen is None and candidates:
            chosen = candidates[0]
        owner.setdefault(chosen, []).append(finding)
    return owner


def _questions_table(
    result: FileResult, anchor: str, owner: dict[int | None, list[Finding]]
) -> str:
    rows: list[str] = []
    questions = _questions(result)
    paths = [q.path for q in questions]
    index = 0
    for report in result.sections:
        if report.kind == "group":
            if any(p.startswith(report.path + " > ") for p in paths):
                pad = max(0, report.level - 1) * 12
                rows.append(
                    f'<tr class="group" data-line="{report.line}"><th colspan="4" '
                    f'style="padding-left:{12 + pad}px">{escape(report.title)}</th></tr>'
                )
            continue
        if report.kind != "question" or report.state is None:
            continue
        rows.append(_question_row(report, anchor, owner.get(index, [])))
        index += 1
    return (
        '<table class="questions">'
        '<colgroup><col class="col-line"><col><col class="col-state"><col class="col-fill">'
        "</colgroup>"
        '<thead><tr><th class="col-line">행</th><th>질문</th><th>상태</th><th>분량</th></tr>'
        "</thead>"
        "<tbody>\n" + "\n".join(rows) + "\n</tbody></table>"
    )


def _question_row(report: SectionReport, anchor: str, findings: Sequence[Finding]) -> str:
    state = report.state or ""
    count = report.count or 0
    row_id = f"{anchor}-L{report.line}"
    limit_attr = f' data-limit="{report.limit}"' if report.limit is not None else ""
    alt = ""
    if report.alt_titles:
        alt = '<div class="alt">같은 질문: ' + escape(" / ".join(report.alt_titles)) + "</div>"
    cells = [
        f'<tr class="question state-{escape(state)}" id="{row_id}" data-line="{report.line}" '
        f'data-state="{escape(state)}" data-count="{count}"{limit_attr}>',
        f'<td class="line"><a href="#{row_id}">{report.line}</a></td>',
        f'<td class="q"><div class="title">{escape(report.title)}</div>{alt}'
        + (_findings_list(findings, with_section=False) if findings else "")
        + "</td>",
        f'<td class="state"><span class="badge">'
        f"{escape(STATE_LABELS.get(state, state))}</span></td>",
        f'<td class="fill">{_fill(report)}</td>',
        "</tr>",
    ]
    return "".join(cells)


def _fill(report: SectionReport) -> str:
    """The bar: its track is the limit; past it a striped red part grows out of the track
    (up to OVER_CAP of its width, then an arrow), and the text says by how much."""
    count = report.count or 0
    mode = report.mode or "chars"
    unit = MODE_UNITS.get(mode, "자")  # type: ignore[call-overload]
    mode_label = MODE_LABELS.get(mode, (mode, mode))[0]  # type: ignore[call-overload]
    if report.limit is None:
        return (
            f'<div class="count"><span class="used">{count:,}{escape(unit)}</span> '
            f'<span class="mode">{escape(mode_label)} · 제한 없음</span></div>'
        )
    limit = report.limit
    ratio = count / limit
    fill = min(ratio, 1.0) * 100
    pieces = [f'<div class="bar" style="width:{fill:.1f}%"></div>']
    if report.min is not None and 0 < report.min < limit:
        pieces.append(
            f'<div class="floor" style="left:{100 * report.min / limit:.1f}%" '
            f'title="최소 {report.min:,}{escape(unit)}"></div>'
        )
    excess = ""
    if ratio > 1:
        over = min(ratio - 1, OVER_CAP) * 100
        clipped = " clipped" if ratio - 1 > OVER_CAP else ""
        pieces.append(f'<div class="over{clipped}" style="width:{over:.1f}%"></div>')
        excess = f'<span class="excess">+{count - limit:,}{escape(unit)}</span>'
    source = f" ({report.limit_source})" if report.limit_source else ""
    meter = (
        f'<div class="meter"><div class="track" role="meter" aria-valuemin="0" '
        f'aria-valuemax="{limit}" aria-valuenow="{count}" '
        f'title="{escape(f"제한 {limit:,}{unit}{source}")}">' + "".join(pieces) + "</div></div>"
    )
    spans = [
        f'<span class="used">{count:,}/{limit:,}{escape(unit)}</span>',
        f'<span class="pct">{percent(count, limit)}%</span>',
        excess,
        f'<span class="mode">{escape(mode_label)}</span>',
    ]
    text = '<div class="count">' + " ".join(x for x in spans if x) + "</div>"
    return meter + text


def _findings_list(findings: Sequence[Finding], *, with_section: bool) -> str:
    items = []
    for f in findings:
        where = f"{f.line}행"
        if with_section and f.section:
            where += f" · {f.section}"
        suggestion = ""
        if f.suggestion and f.suggestion not in f.message:
            suggestion = f'<span class="suggestion">제안: {escape(f.suggestion)}</span>'
        items.append(
            f'<li class="finding severity-{escape(f.severity)}" data-code="{escape(f.code)}" '
            f'data-line="{f.line}"><span class="code">{escape(f.code)}</span> '
            f'<span class="name">{escape(f.name)}</span> '
            f'<span class="message">{escape(f.message)}</span> '
            f'<span class="at" title="{escape(f"{f.path}:{f.line}:{f.col}")}">'
            f"{escape(where)}</span>{suggestion}</li>"
        )
    return '<ul class="findings">' + "".join(items) + "</ul>"


# --- values coverage ----------------------------------------------------------------------------


_ORIGINS = {"document": "문서", "front-matter": "머리말", "config": "설정", "preset": "프리셋"}


def _origin(label: str) -> str:
    """`document:132` -> `문서 132행`, `preset:kakao` -> `프리셋 kakao`, `config` -> `설정`."""
    kind, _, detail = label.partition(":")
    name = _ORIGINS.get(kind, kind)
    if kind == "document" and detail:
        return f"{name} {detail}행"
    return f"{name} {detail}".strip()


# Where the target company was read, for the coverage heading.
_SOURCES = {"front-matter": "머리말", "title": "제목", "config": "설정", "text": "본문에서 찾음"}


def _why(value: str, matched: dict[str, tuple[str, ...]]) -> str:
    """`리더십 ← 주도적, 몰입`: the answer's words that reference the value."""
    words = matched.get(value, ())
    return f"{value} ← {', '.join(words)}" if words else value


def _coverage(coverage: Coverage | None, anchor: str) -> str:
    if coverage is None or not coverage.values:
        return ""
    counts = coverage.counts()
    company = ""
    if coverage.company:
        source = _SOURCES.get(coverage.company_source or "", "")
        company = f" ({escape(coverage.company)}{f' · {source}' if source else ''})"
    head = "".join(
        f'<th scope="col">{escape(v)}<span class="origin">'
        f"{escape(_origin(coverage.origins.get(v, '')))}</span></th>"
        for v in coverage.values
    )
    rows = []
    for row in coverage.rows:
        cells = "".join(
            f'<td class="hit" title="{escape(_why(v, row.matched))}">✓</td>'
            if v in row.values
            else '<td class="miss">·</td>'
            for v in coverage.values
        )
        none = ' class="none"' if not row.values else ""
        rows.append(
            f'<tr{none} data-line="{row.line}"><th scope="row">'
            f'<a href="#{anchor}-L{row.line}" class="muted">{row.line}</a> '
            f"{escape(row.title)}</th>{cells}</tr>"
        )
    totals = "".join(
        f'<td class="{"zero" if not counts[v] else "total"}">{counts[v]}</td>'
        for v in coverage.values
    )
    notes = "".join(f'<p class="muted">{escape(n)}</p>' for n in coverage.notes)
    why = "".join(
        f'<li data-line="{row.line}"><span class="q">{escape(row.title)}</span> '
        + " · ".join(escape(_why(v, row.matched)) for v in row.values)
        + "</li>"
        for row in coverage.rows
        if row.matched
    )
    if why:
        notes = f'<p class="muted">답변에서 찾은 말:</p><ul class="why">{why}</ul>{notes}'
    return (
        f'<section class="block values"><h3>인재상 반영{company}</h3>'
        f'<table class="coverage"><thead><tr><th scope="col">질문</th>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody>"
        f'<tfoot><tr><th scope="row">합계</th>{totals}</tr></tfoot></table>'
        '<p class="legend muted">✓ 답변이 그 인재상을 언급함 · '
        '<span class="none-key">주황색 질문</span>은 어느 인재상도 언급하지 않음</p>'
        f"{notes}</section>"
    )


# --- writing the page ---------------------------------------------------------------------------


def write_page(page: str, output: str, inputs: Iterable[str]) -> None:
    """Write `page` to the file `output`; raise PageError, touching nothing, when `output` is
    one of `inputs` (the same file by device and inode: another spelling of its path or a
    link counts too) or an existing file essaylint did not write. A device or a FIFO
    (`-o /dev/stdout`) is written straight through."""
    try:
        info: os.stat_result | None = os.stat(output)
    except FileNotFoundError:
        info = None
    except OSError as error:
        raise PageError(f"cannot write: {os_reason(error)}") from None
    data = page.encode("utf-8")
    if info is not None and not stat.S_ISREG(info.st_mode):
        try:
            with open(output, "wb") as stream:
                stream.write(data)
        except OSError as error:
            raise PageError(f"cannot write: {os_reason(error)}") from None
        return
    if info is not None:
        if any(_same_file(path, info) for path in inputs):
            raise PageError("is one of the files being checked; not overwritten")
        if not _is_page(output):
            raise PageError("exists and is not an essaylint report; not overwritten")
    _replace(output, data, info)


def _same_file(path: str, info: os.stat_result) -> bool:
    if path == "-":  # standard input
        return False
    try:
        return os.path.samestat(os.stat(path), info)
    except (OSError, ValueError):
        return False


def _is_page(path: str) -> bool:
    try:
        with open(path, "rb") as stream:
            head = stream.read(_SNIFF)
    except OSError:
        return False
    return GENERATOR.encode("ascii") in head


def _replace(output: str, data: bytes, info: os.stat_result | None) -> None:
    """A temporary file beside the target, then `os.replace`: never a half-written page. A
    symlink stays a link (its target is replaced); an old page keeps its mode."""
    mode = stat.S_IMODE(info.st_mode) if info is not None else _new_file_mode()
    try:
        replace_atomically(os.path.realpath(output), data, mode)
    except OSError as error:
        raise PageError(f"cannot write: {os_reason(error)}") from None


def _new_file_mode() -> int:
    """What `open(path, "w")` would give a new file: 0o666 less the umask."""
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask

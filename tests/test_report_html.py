"""`essaylint report`: the HTML page as a writer sees it, rendered by headless Chromium.

The page is made by the real command from the bundled example (empty, stub and over-limit
answers), loaded from a file:// URL, and read through the DOM and `getComputedStyle`. A full-page
screenshot goes to build/report.png (CI keeps it as an artifact). The browser tests skip, with
the reason, when Chromium, its driver or selenium is missing; the static checks always run.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers import essaylint

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = "examples/kakao-application.md"  # relative to ROOT: the page shows this path
SCREENSHOT = ROOT / "build" / "report.png"
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
RED = "rgb(207, 34, 46)"  # --red
GREEN = "rgb(26, 127, 55)"  # --green
AMBER_BAR = "rgb(212, 167, 44)"  # --amber-bar


@pytest.fixture(scope="module")
def example_json() -> dict[str, Any]:
    done = essaylint("score", "--format", "json", EXAMPLE, cwd=ROOT)
    data: dict[str, Any] = json.loads(done.stdout)["files"][0]
    return data


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("report") / "report.html"
    done = essaylint("report", EXAMPLE, "-o", str(out), cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert done.stdout == f"wrote {out} (1 file)\n"
    return out


# --- the page itself, no browser --------------------------------------------------------------


def test_page_is_self_contained(report: Path) -> None:
    page = report.read_text(encoding="utf-8")
    assert page.startswith('<!DOCTYPE html>\n<html lang="ko">\n<head>\n<meta charset="utf-8">')
    assert "<script" not in page
    assert "<link" not in page
    assert "<img" not in page
    assert "@import" not in page
    assert "@font-face" not in page
    assert not re.search(r"url\(", page)
    assert not re.search(r"\b(?:src|srcset)=", page)
    # The only absolute URLs are the example's own link text? None at all: it is not rendered.
    assert "http://" not in page and "https://" not in page


def test_default_output_name_and_exit_codes(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(
        "## 지원 동기 (10자)\n\n열 자를 훌쩍 넘는 답변입니다.\n", "utf-8"
    )
    done = essaylint("report", "a.md", cwd=tmp_path)
    assert (done.returncode, done.stdout) == (0, "wrote essaylint-report.html (1 file)\n")
    page = (tmp_path / "essaylint-report.html").read_text(encoding="utf-8")
    assert '<tr class="question state-over-limit" id="doc-1-L1" data-line="1"' in page
    # A file that cannot be read is an error row in the page, and exit 2.
    done = essaylint("report", "a.md", "missing.md", "-o", "both.html", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr == "essaylint: missing.md: file not found\n"
    page = (tmp_path / "both.html").read_text(encoding="utf-8")
    assert '<article class="document file-error" id="doc-2" data-path="missing.md">' in page
    assert '<tr class="file-error"><td><b>읽을 수 없음</b> · file not found</td></tr>' in page
    assert '<span class="pct">오류</span><a href="#doc-2">missing.md</a>' in page
    # An output that cannot be written: one line, exit 2.
    done = essaylint("report", "a.md", "-o", str(tmp_path / "no" / "r.html"), cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.startswith(f"essaylint: {tmp_path / 'no' / 'r.html'}: cannot write: ")
    assert done.stderr.count("\n") == 1


def test_text_from_the_document_is_escaped(tmp_path: Path) -> None:
    # A code span keeps its text in the title: `<script>` must arrive as text, not as markup.
    (tmp_path / "x.md").write_text(
        '## 지원 동기 `<script>alert(1)</script>` & "이유" (10자)\n\nOOO에 지원합니다.\n',
        "utf-8",
    )
    done = essaylint("report", "x.md", "-o", "-", cwd=tmp_path)
    assert done.returncode == 0
    page = done.stdout
    assert "<script" not in page
    title = re.search(r'<div class="title">(.*?)</div>', page)
    assert title is not None
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in title.group(1)
    assert title.group(1).endswith("&amp; &quot;이유&quot; (10자)")
    assert '<span class="message">자리 표시 문구 &#x27;OOO&#x27;이(가) 남아 있음</span>' in page


# --- in a real browser ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    for binary in (CHROMIUM, CHROMEDRIVER):
        if not (os.path.isfile(binary) and os.access(binary, os.X_OK)):
            pytest.skip(f"{binary} is not installed (apt-get install chromium chromium-driver)")
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        pytest.skip("selenium is not installed (pip install -e '.[test]')")
    import tempfile

    profile = tempfile.mkdtemp(prefix="essaylint-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
        "--window-size=1280,1000",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture(scope="module")
def page(browser: Any, report: Path) -> Any:
    browser.get(report.as_uri())
    return browser


def js(page: Any, script: str, *args: Any) -> Any:
    return page.execute_script(script, *args)


ROW = "return document.querySelector('tr.question[data-line=\"' + arguments[0] + '\"]')"


def style(page: Any, selector: str, prop: str) -> str:
    value: str = js(
        page,
        "const el = document.querySelector(arguments[0]);"
        "return el ? getComputedStyle(el).getPropertyValue(arguments[1]) : null;",
        selector,
        prop,
    )
    return value


def test_every_question_is_a_row_in_document_order(page: Any, example_json: Any) -> None:
    questions = [s for s in example_json["sections"] if s["kind"] == "question"]
    assert len(questions) == example_json["questions"] == 11
    rows = js(
        page,
        "return [...document.querySelectorAll('tr.question')].map(r => "
        "[Number(r.dataset.line), r.className, r.querySelector('.title').textContent])",
    )
    assert rows == [[q["line"], f"question state-{q['state']}", q["title"]] for q in questions]
    assert [r[1].split("-", 1)[1] for r in rows if r[0] in (67, 87, 89)] == [
        "over-limit",
        "empty",
        "stub",
    ]


def test_over_limit_bar_is_red_and_grows_past_its_track(page: Any) -> None:
    row = 'tr.question[data-line="67"]'
    assert js(page, ROW, 67).get_attribute("data-count") == "659"
    assert js(page, ROW, 67).get_attribute("data-limit") == "500"
    assert style(page, f"{row} .bar", "background-color") == RED
    assert style(page, f"{row} .badge", "color") == RED
    box = js(
        page,
        "const r = document.querySelector(arguments[0]);"
        "const b = s => r.querySelector(s).getBoundingClientRect();"
        "return {track: b('.track').toJSON(), bar: b('.bar').toJSON(), over: b('.over').toJSON()};",
        row,
    )
    track, bar, over = box["track"], box["bar"], box["over"]
    assert bar["width"] == pytest.approx(track["width"], abs=0.5)  # the bar fills its track
    assert over["left"] == pytest.approx(track["right"], abs=0.5)  # the overflow starts there
    assert over["width"] == pytest.approx(track["width"] * 159 / 500, abs=1)  # 31.8% more
    assert bar["width"] + over["width"] > track["width"] * 1.3
    assert style(page, f"{row} .over", "background-image").startswith("repeating-linear-gradient")
    cell = js(page, ROW, 67).find_element("css selector", ".count").text
    assert cell == "659/500자 132% +159자 공백 포함"


def test_states_are_coloured(page: Any) -> None:
    # empty: red, stub: amber, complete: green (the row's left border and its bar).
    assert style(page, 'tr[data-line="87"] td.line', "border-left-color") == RED
    assert style(page, 'tr[data-line="89"] td.line', "border-left-color") == AMBER_BAR
    assert style(page, 'tr[data-line="89"] .bar', "background-color") == AMBER_BAR
    assert style(page, 'tr[data-line="5"] td.line', "border-left-color") == GREEN
    assert style(page, 'tr[data-line="5"] .bar', "background-color") == GREEN
    widths = js(
        page,
        "return [5, 87, 89].map(l => document.querySelector("
        "'tr[data-line=\"' + l + '\"] .bar').style.width)",
    )
    assert widths == ["97.3%", "0%", "6.4%"]
    # A question without a limit has no bar, only its count.
    assert js(page, "return document.querySelectorAll('tr[data-line=\"97\"] .track').length") == 0
    assert (
        js(page, ROW, 97).find_element("css selector", ".count").text
        == "282자 공백 포함 · 제한 없음"
    )


def test_findings_sit_under_their_question(page: Any) -> None:
    codes = js(
        page,
        "const out = {};"
        "document.querySelectorAll('tr.question').forEach(r => {"
        "  const c = [...r.querySelectorAll('li.finding')].map(f => f.dataset.code);"
        "  if (c.length) out[r.dataset.line] = c; });"
        "return out;",
    )
    assert codes == {
        "5": ["EL301"],
        "18": ["EL401", "EL301"],
        "33": ["EL401"],
        "53": ["EL301"],
        "67": ["EL201", "EL401"],
        "77": ["EL401"],
        "87": ["EL101"],
        "89": ["EL102"],
        "122": ["EL101"],
    }
    finding = js(page, ROW, 67).find_element("css selector", 'li.finding[data-code="EL201"]')
    assert finding.get_attribute("class") == "finding severity-error"
    assert finding.text == "EL201 over-limit 659/500자 (공백 포함, chars), 159자 초과 67행"
    # The unused value is reported on the values section, outside every question.
    other = js(page, "return document.querySelector('.other-findings li.finding')")
    assert other.get_attribute("data-code") == "EL402"
    assert other.get_attribute("data-line") == "126"


def test_summary_and_todo(page: Any) -> None:
    chips = js(
        page,
        "return [...document.querySelectorAll('#summary li.chip')].map(c => c.textContent)",
    )
    assert chips == [
        "비어 있음 2",
        "템플릿 문구 0",
        "미완성 1",
        "초과 1",
        "부족 0",
        "완료 7",
        "오류 6",
        "경고 5",
        "정보 1",
    ]
    assert js(page, "return document.querySelector('.score .big').textContent") == "64%"
    todo = js(
        page,
        "return [...document.querySelectorAll('.todo li')].map(l => "
        "[l.dataset.line, l.querySelector('.task').textContent])",
    )
    assert todo == [
        ["67", "159자 줄이기"],
        ["87", "답변 쓰기"],
        ["89", "마저 쓰기 (32자)"],
        ["122", "답변 쓰기"],
    ]


def test_values_matrix(page: Any) -> None:
    matrix = js(
        page,
        "const t = document.querySelector('table.coverage');"
        "return {head: [...t.tHead.rows[0].cells].slice(1).map(c => c.firstChild.textContent),"
        " rows: [...t.tBodies[0].rows].map(r => [r.dataset.line,"
        "   [...r.cells].slice(1).map(c => c.textContent).join('')]),"
        " total: [...t.tFoot.rows[0].cells].slice(1).map(c => c.textContent)};",
    )
    assert matrix["head"] == ["신뢰", "충돌", "헌신"]
    assert matrix["rows"][0] == ["5", "✓··"]
    assert matrix["rows"][3] == ["53", "·✓·"]
    assert len(matrix["rows"]) == 9  # answered questions only
    assert matrix["total"] == ["1", "1", "0"]


def test_no_network_and_a_screenshot(page: Any) -> None:
    assert js(page, "return performance.getEntriesByType('resource').map(e => e.name)") == []
    assert js(page, "return document.scripts.length + document.images.length") == 0
    assert js(page, "return document.documentElement.lang") == "ko"
    assert js(page, "return document.characterSet") == "UTF-8"
    height = js(page, "return document.documentElement.scrollHeight")
    # The whole page in one picture: a viewport as tall as the page.
    metrics = {"width": 1280, "height": height, "deviceScaleFactor": 1, "mobile": False}
    page.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)
    SCREENSHOT.parent.mkdir(exist_ok=True)
    assert page.save_screenshot(str(SCREENSHOT))
    data = SCREENSHOT.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, shot_height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, shot_height) == (1280, height)

"""A real editor drives `essaylint server`: headless Neovim and its built-in LSP client.

Neovim reads the Lua setup README gives for Neovim 0.7 to 0.10 (only the command is changed, to
this interpreter's `-m essaylint server`), opens a copy of the bundled example, and a driver
script running inside Neovim waits for the diagnostics, reads them back with
`vim.diagnostic.get`, asks for a hover and the code lenses with `vim.lsp.buf_request_sync`,
reads the lenses Neovim itself keeps (`vim.lsp.codelens.get`) and the status line's text, then
types an answer into an empty question without saving and reads everything again. It writes
what it saw as JSON; the assertions are here. The diagnostics must equal `essaylint check`'s
findings for the same file, finding by finding.

Skipped, with the reason, when `nvim` is not installed (.ci/run installs Debian's neovim).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "kakao-application.md"
NVIM = shutil.which("nvim")
OVER_LIMIT_HEADING = 67  # "## 성격의 장단점 (최대 500자)": 659 characters
EMPTY_HEADING = 87  # "## 입사 후 포부 (1000자)": no answer
TYPED = (
    "입사 후에는 결제 시스템의 장애 대응 자동화를 맡아 사용자가 멈춤 없이 결제하도록 돕겠습니다."
)

pytestmark = pytest.mark.skipif(
    NVIM is None, reason="Neovim (nvim) is not installed: apt-get install neovim"
)

# Runs inside Neovim after README's setup has attached the client to the opened essay.
DRIVER = r"""
local expected, out, log = __EXPECTED__, __OUT__, __LOG__
local typed_line, typed = __TYPED_LINE__, __TYPED__
local over_limit_line = __OVER_LIMIT_LINE__
local buf = vim.api.nvim_get_current_buf()
local uri = vim.uri_from_bufnr(buf)
local seen = { filetype = vim.bo.filetype }

local function diagnostics()
  local found = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local text = vim.api.nvim_buf_get_lines(buf, d.lnum, d.lnum + 1, false)[1] or ""
    table.insert(found, {
      code = d.code, severity = d.severity, source = d.source, message = d.message,
      line = d.lnum + 1, column = vim.str_utfindex(text, d.col) + 1,
      href = d.user_data and d.user_data.lsp and d.user_data.lsp.codeDescription
        and d.user_data.lsp.codeDescription.href or vim.NIL,
    })
  end
  return found
end

local function lens_titles()
  local titles = {}
  for _, lens in ipairs(vim.lsp.codelens.get(buf)) do
    if lens.command then
      table.insert(titles, { line = lens.range.start.line + 1, title = lens.command.title })
    end
  end
  return titles
end

local function request(method, params)
  local replies, err = vim.lsp.buf_request_sync(buf, method, params, 20000)
  if not replies then return { error = tostring(err) } end
  for _, reply in pairs(replies) do return reply end
  return { error = "no reply" }
end

local function stopped()  -- the server exited: no use waiting for it
  return #vim.lsp.buf_get_clients(buf) == 0
end

local function has_code_at(code, line)
  for _, d in ipairs(diagnostics()) do
    if d.code == code and d.line == line then return true end
  end
  return false
end

local ok, err = pcall(function()
  -- A client counts for the buffer once the server has answered `initialize`.
  vim.wait(60000, function() return not stopped() end, 50)
  seen.clients = #vim.lsp.buf_get_clients(buf)
  seen.opened = vim.wait(120000, function()
    return stopped() or (#vim.diagnostic.get(buf) >= expected and vim.g.essaylint_status ~= nil)
  end, 50) and not stopped()
  seen.diagnostics = diagnostics()
  seen.status = vim.g.essaylint_status or vim.NIL
  seen.hover = request("textDocument/hover", {
    textDocument = { uri = uri }, position = { line = over_limit_line - 1, character = 4 },
  })
  seen.code_lens = request("textDocument/codeLens", { textDocument = { uri = uri } })
  vim.wait(10000, function() return #vim.lsp.codelens.get(buf) > 0 end, 50)
  seen.lenses = lens_titles()

  -- Type an answer under the empty question, unsaved: the live check sees the buffer.
  vim.api.nvim_buf_set_lines(buf, typed_line, typed_line, false, { "", typed })
  seen.modified = vim.bo.modified
  seen.edited = vim.wait(60000, function()
    return stopped() or not has_code_at("EL101", typed_line)
  end, 50) and not stopped()
  seen.diagnostics_after_edit = diagnostics()
  vim.lsp.codelens.refresh()
  vim.wait(10000, function()
    for _, lens in ipairs(lens_titles()) do
      if lens.line == typed_line and not lens.title:match("^0/") then return true end
    end
    return false
  end, 50)
  seen.lenses_after_edit = lens_titles()
  seen.status_after_edit = vim.g.essaylint_status
end)
seen.error = ok and vim.NIL or tostring(err)
seen.messages = vim.api.nvim_exec("messages", true)
vim.fn.writefile({ vim.fn.json_encode(seen) }, out)
vim.cmd("qa!")
"""


def _lua_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def readme_neovim_setup() -> str:
    """README's Lua block for Neovim 0.7 to 0.10 (the one that calls vim.lsp.start_client)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = [b for b in re.findall(r"```lua\n(.*?)```", readme, re.S) if "start_client" in b]
    assert len(blocks) == 1, "README has one Neovim 0.7-0.10 setup block"
    return blocks[0]


def cli_findings(essay: Path) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-m", "essaylint", "check", "--format", "json", essay.name],
        cwd=essay.parent,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert done.returncode in (0, 1), done.stderr
    data: dict[str, Any] = json.loads(done.stdout)["files"][0]
    return data


@pytest.fixture(scope="module")
def session(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Runs Neovim once over a copy of the example (with its config); returns what it saw."""
    work = tmp_path_factory.mktemp("neovim")
    essay = work / "application.md"
    shutil.copy(EXAMPLE, essay)
    shutil.copy(EXAMPLE.parent / "essaylint.toml", work / "essaylint.toml")
    expected = cli_findings(essay)

    setup = readme_neovim_setup()
    command = '{ "essaylint", "server" }'
    assert command in setup
    server = "{ " + ", ".join(map(_lua_string, [sys.executable, "-m", "essaylint", "server"]))
    (work / "init.lua").write_text(setup.replace(command, server + " }"), encoding="utf-8")

    out, log = work / "seen.json", work / "state"
    driver = DRIVER
    for name, value in {
        "__EXPECTED__": str(len(expected["findings"])),
        "__OUT__": _lua_string(str(out)),
        "__LOG__": _lua_string(str(log)),
        "__TYPED_LINE__": str(EMPTY_HEADING),
        "__TYPED__": _lua_string(TYPED),
        "__OVER_LIMIT_LINE__": str(OVER_LIMIT_HEADING),
    }.items():
        driver = driver.replace(name, value)
    (work / "driver.lua").write_text(driver, encoding="utf-8")

    # Neovim's own files (the LSP log among them) go under the test's folder.
    env = {**os.environ, **{f"XDG_{d}_HOME": str(log / d.lower()) for d in ("CACHE", "STATE")}}
    env["XDG_DATA_HOME"] = str(log / "data")
    assert NVIM is not None
    argv = [NVIM, "--headless", "--clean", "-u", "init.lua", essay.name, "-c", "luafile driver.lua"]
    try:
        done = subprocess.run(
            argv, cwd=work, env=env, capture_output=True, text=True, timeout=300, check=False
        )
    except subprocess.TimeoutExpired as timeout:
        pytest.fail(f"Neovim did not finish: {timeout.stderr!r} {_lsp_log(log)}")
    if not out.is_file():
        pytest.fail(f"Neovim wrote nothing (exit {done.returncode}): {done.stderr} {_lsp_log(log)}")
    seen: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    seen["expected"] = expected
    seen["lsp_log"] = _lsp_log(log)
    return seen


def _lsp_log(state: Path) -> str:
    logs = sorted(state.rglob("lsp.log"))
    return "\n".join(p.read_text(encoding="utf-8", errors="replace")[-4000:] for p in logs)


def test_neovim_ran_the_session_without_an_error(session: dict[str, Any]) -> None:
    assert session["error"] is None, session["error"] + session["lsp_log"]
    assert session["filetype"] == "markdown"
    assert session["clients"] == 1
    assert session["opened"], session["lsp_log"]
    assert "Error" not in session["messages"], session["messages"]


def test_the_diagnostics_neovim_shows_are_the_command_lines_findings(
    session: dict[str, Any],
) -> None:
    shown = sorted((d["code"], d["line"], d["column"]) for d in session["diagnostics"])
    found = session["expected"]["findings"]
    assert shown == sorted((f["code"], f["line"], f["column"]) for f in found)
    by_place = {(d["code"], d["line"], d["column"]): d for d in session["diagnostics"]}
    severities = {"error": 1, "warning": 2, "info": 3}
    for finding in found:
        diagnostic = by_place[finding["code"], finding["line"], finding["column"]]
        assert diagnostic["severity"] == severities[finding["severity"]], finding
        assert finding["message"] in diagnostic["message"], finding
        assert diagnostic["source"] == "essaylint"
        assert finding["code"].lower() in diagnostic["href"].lower()  # the rule's docs


def test_the_example_shows_its_known_problems(session: dict[str, Any]) -> None:
    """Spelled out, so the comparison above cannot pass on two empty lists."""
    shown = {(d["code"], d["line"], d["column"]) for d in session["diagnostics"]}
    assert {
        ("EL301", 16, 55),
        ("EL201", OVER_LIMIT_HEADING, 1),
        ("EL101", EMPTY_HEADING, 1),
        ("EL102", 89, 1),
    } <= shown


def test_the_status_notification_reaches_the_status_line(session: dict[str, Any]) -> None:
    expected = session["expected"]
    score = round(expected["score"])
    assert session["status"] == f"완성도 {score}% · {expected['complete']}/{expected['questions']}"
    assert session["status"] == "완성도 64% · 7/11"


def test_hover_on_an_over_limit_heading_gives_its_count_and_limit(
    session: dict[str, Any],
) -> None:
    hover = session["hover"]
    assert "error" not in hover, hover
    contents = hover["result"]["contents"]
    text = contents["value"] if isinstance(contents, dict) else json.dumps(contents)
    assert "659자" in text  # 공백 포함, the question's mode
    assert "492자" in text  # 공백 제외
    assert "500자" in text  # the limit


def test_code_lenses_carry_the_count_of_each_question(session: dict[str, Any]) -> None:
    reply = session["code_lens"]
    assert "error" not in reply, reply
    asked = {
        lens["range"]["start"]["line"] + 1: lens["command"]["title"]
        for lens in reply["result"]
        if lens.get("command")
    }
    kept = {lens["line"]: lens["title"] for lens in session["lenses"]}
    assert kept == asked  # Neovim keeps what the server sent
    assert kept[OVER_LIMIT_HEADING].startswith("659/500자 · 132%")
    assert kept[EMPTY_HEADING].startswith("0/1,000자 · 0%")
    first_question = min(kept)
    assert kept[first_question].startswith(session["status"])  # 완성도 on the first heading


def test_typing_into_the_unsaved_buffer_updates_diagnostics_and_counts(
    session: dict[str, Any],
) -> None:
    assert session["modified"] is True  # never saved: the server checked the buffer
    assert session["edited"], session["lsp_log"]
    after = {(d["code"], d["line"]) for d in session["diagnostics_after_edit"]}
    assert ("EL101", EMPTY_HEADING) not in after
    assert ("EL201", OVER_LIMIT_HEADING) in after  # lines above the edit stay where they were
    lenses = {lens["line"]: lens["title"] for lens in session["lenses_after_edit"]}
    assert lenses[EMPTY_HEADING].startswith(f"{len(TYPED)}/1,000자")
    assert lenses[OVER_LIMIT_HEADING].startswith("659/500자")
    assert session["status_after_edit"] != session["status"]
    assert lenses[min(lenses)].startswith(session["status_after_edit"])

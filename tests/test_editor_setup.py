"""README's editor setup: the snippets that are data parse, and all start the same server.

The Neovim 0.7-0.10 block runs in tests/test_server_neovim.py and the VS Code extension has
tests/test_vscode_extension.py; Helix's TOML and Sublime Text's JSON are checked here for what a
reader would copy: valid syntax, `essaylint server`, and the two settings under `essaylint`.
"""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = {"essaylint": {"model": True, "debounceMs": 150}}


def _section() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("### Setting up your editor")
    end = readme.index("\n## ", start)
    return readme[start:end]


def _blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", _section(), re.S)


def test_helix_languages_toml_starts_essaylint_server_for_markdown() -> None:
    (block,) = _blocks("toml")
    config: dict[str, Any] = tomllib.loads(block)
    server = config["language-server"]["essaylint"]
    assert [server["command"], *server["args"]] == ["essaylint", "server"]
    assert server["config"] == SETTINGS
    (markdown,) = config["language"]
    assert markdown["name"] == "markdown"
    assert "essaylint" in markdown["language-servers"]


def test_sublime_lsp_settings_start_essaylint_server_for_markdown() -> None:
    (block,) = _blocks("json")
    client = json.loads(block)["clients"]["essaylint"]
    assert client["command"] == ["essaylint", "server"]
    assert client["selector"] == "text.html.markdown"
    assert client["initializationOptions"] == SETTINGS
    assert client["enabled"] is True


def test_every_snippet_sends_the_same_settings() -> None:
    lua = _blocks("lua")
    assert len(lua) == 2  # Neovim 0.7-0.10 and 0.11+
    for block in lua:
        assert 'cmd = { "essaylint", "server" }' in block
        assert "init_options = { essaylint = { model = true, debounceMs = 150 } }" in block
    (elisp,) = _blocks("elisp")
    assert '("essaylint" "server"' in elisp
    assert ":initializationOptions (:essaylint (:model t :debounceMs 150))" in elisp
    (shell,) = _blocks("sh")
    assert "editors/vscode/build.sh" in shell
    assert "code --install-extension build/essaylint-" in shell


def test_the_documented_debounce_is_the_servers_default() -> None:
    from essaylint.server.settings import DEFAULT_DEBOUNCE_MS

    assert SETTINGS["essaylint"]["debounceMs"] == DEFAULT_DEBOUNCE_MS
    manifest = json.loads((ROOT / "editors" / "vscode" / "package.json").read_text("utf-8"))
    properties = manifest["contributes"]["configuration"]["properties"]
    assert properties["essaylint.debounceMs"]["default"] == DEFAULT_DEBOUNCE_MS

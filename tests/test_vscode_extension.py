"""The VS Code extension (editors/vscode/): its manifest, and the .vsix that .ci/run builds.

The manifest checks always run. The package checks read build/essaylint-<version>.vsix, made by
`editors/vscode/build.sh` (npm ci, tsc, vsce): CI builds it before the tests, so there (CI=true) a
missing package fails; elsewhere it skips, saying how to build it.
"""

from __future__ import annotations

import json
import os
import tomllib
import zipfile
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXTENSION = ROOT / "editors" / "vscode"


def _manifest() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((EXTENSION / "package.json").read_text(encoding="utf-8"))
    return data


def test_the_extension_activates_on_markdown_and_starts_from_its_compiled_entry() -> None:
    manifest = _manifest()
    assert manifest["name"] == "essaylint"
    assert manifest["activationEvents"] == ["onLanguage:markdown"]
    assert manifest["main"] == "./out/extension.js"
    assert manifest["license"] == "MIT"
    assert (EXTENSION / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")


def test_the_extension_has_the_three_settings_the_server_reads() -> None:
    settings = _manifest()["contributes"]["configuration"]["properties"]
    assert sorted(settings) == ["essaylint.debounceMs", "essaylint.model", "essaylint.path"]
    assert settings["essaylint.path"]["type"] == "string"
    assert settings["essaylint.path"]["default"] == ""
    assert settings["essaylint.model"]["type"] == "boolean"
    assert settings["essaylint.model"]["default"] is True
    assert settings["essaylint.debounceMs"]["type"] == "integer"
    assert settings["essaylint.debounceMs"]["minimum"] == 0


def test_the_extension_version_is_essaylints() -> None:
    """One version for the Python package and the extension, so the .vsix name says which."""
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert _manifest()["version"] == pyproject["project"]["version"]


def test_the_lock_file_matches_the_manifest_so_npm_ci_works() -> None:
    manifest = _manifest()
    lock = json.loads((EXTENSION / "package-lock.json").read_text(encoding="utf-8"))
    root = lock["packages"][""]
    assert (root["name"], root["version"]) == (manifest["name"], manifest["version"])
    assert root["dependencies"] == manifest["dependencies"]
    assert root["devDependencies"] == manifest["devDependencies"]
    for name in [*manifest["dependencies"], *manifest["devDependencies"]]:
        assert f"node_modules/{name}" in lock["packages"], name


def test_the_extension_source_speaks_the_servers_interface() -> None:
    source = (EXTENSION / "src" / "extension.ts").read_text(encoding="utf-8")
    assert 'args: ["server"]' in source
    assert '"essaylint/status"' in source
    assert 'configurationSection: "essaylint"' in source
    assert "initializationOptions: { essaylint: serverSettings() }" in source
    assert 'path.join(".venv", "bin", "essaylint")' in source
    assert 'path.join(".venv", "Scripts", "essaylint.exe")' in source


@pytest.fixture(scope="module")
def vsix() -> zipfile.ZipFile:
    path = ROOT / "build" / f"essaylint-{_manifest()['version']}.vsix"
    if not path.is_file():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{path.relative_to(ROOT)} is missing: .ci/run builds it before the tests")
        pytest.skip(f"no {path.relative_to(ROOT)}: build it with editors/vscode/build.sh")
    return zipfile.ZipFile(path)


def test_the_vsix_carries_this_manifest(vsix: zipfile.ZipFile) -> None:
    """The package was built from the manifest in the tree, not left over from an older one."""
    packed = json.loads(vsix.read("extension/package.json"))
    assert packed["activationEvents"] == ["onLanguage:markdown"]
    assert packed["contributes"] == _manifest()["contributes"]
    assert packed["version"] == _manifest()["version"]


def test_the_vsix_has_the_compiled_extension_and_its_runtime_dependencies(
    vsix: zipfile.ZipFile,
) -> None:
    names = set(vsix.namelist())
    assert "extension/out/extension.js" in names
    assert "extension/LICENSE.txt" in names
    assert "extension/readme.md" in names
    compiled = vsix.read("extension/out/extension.js").decode("utf-8")
    assert 'require("vscode-languageclient/node")' in compiled
    for runtime in ["vscode-languageclient", "vscode-languageserver-protocol", "vscode-jsonrpc"]:
        assert f"extension/node_modules/{runtime}/package.json" in names, runtime
    # Sources and build tools stay out of the package.
    assert not [n for n in names if n.startswith("extension/src/")]
    for tool in ["typescript", "@vscode/vsce", "@types/vscode"]:
        assert f"extension/node_modules/{tool}/package.json" not in names, tool

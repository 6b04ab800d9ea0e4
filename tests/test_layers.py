"""The package's layers (ARCHITECTURE.md): imports only go downward, and no module imports itself
back through others. Every import counts, at module level, inside a function or under
`TYPE_CHECKING`: a cycle typed only for mypy is still two modules that cannot be read apart."""

from __future__ import annotations

import ast
from pathlib import Path

import essaylint

PACKAGE = Path(essaylint.__file__).parent

# Lower ranks are imported by higher ones, never the other way. Two packages of one rank
# (running files, writing output) are independent: neither imports the other.
RANKS: dict[str, int] = {
    "essaylint.base": 0,
    "essaylint.reading": 1,
    "essaylint.linting": 2,
    "essaylint.korean": 3,
    "essaylint.values": 4,
    "essaylint.plugins": 5,
    "essaylint.running": 6,
    "essaylint.reporters": 6,
    "essaylint.api": 7,
    "essaylint.server": 8,  # the editor's Language Server: the API's caller, like the CLI
    "essaylint.cli": 9,
    "essaylint.__main__": 10,
    "essaylint": 10,  # the root re-exports the public API, lazily
}
# Old import paths kept for plugins written against them: for outside code only.
SHIMS = {
    "essaylint.plugin": "essaylint.linting.plugin",
    "essaylint.model": "essaylint.reading.model",
}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in PACKAGE.rglob("*.py")}


def imports_of(name: str) -> set[str]:
    """The essaylint modules `name` imports (a bare `import essaylint` for the version aside)."""
    path = MODULES[name]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
                package = package[: len(package) - node.level + 1]
                base = ".".join([*package, *([node.module] if node.module else [])])
            targets = [base, *(f"{base}.{alias.name}" for alias in node.names)]
        found.update(t for t in targets if t in MODULES and t not in (name, "essaylint"))
    return found


GRAPH = {name: imports_of(name) for name in MODULES}


def layer(name: str) -> str:
    owners = [key for key in RANKS if name == key or name.startswith(key + ".")]
    return max(owners, key=len) if owners else ""


def test_every_module_has_a_layer() -> None:
    unplaced = [name for name in MODULES if not layer(name) and name not in SHIMS]
    assert unplaced == [], "put these modules in a layer package (and RANKS)"


def test_imports_only_go_downward() -> None:
    upward = []
    for name, targets in GRAPH.items():
        if name in SHIMS:
            assert targets == {SHIMS[name]}, f"{name} only re-exports {SHIMS[name]}"
            continue
        for target in targets:
            assert target not in SHIMS, f"{name} imports the shim {target}: use {SHIMS[target]}"
            mine, theirs = layer(name), layer(target)
            if mine != theirs and RANKS[theirs] >= RANKS[mine]:
                upward.append(f"{name} -> {target}")
    assert upward == []


def test_no_import_cycles() -> None:
    cycles: list[list[str]] = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(name: str) -> None:
        state[name] = 1
        path.append(name)
        for target in sorted(GRAPH[name]):
            if state.get(target) == 1:
                cycles.append([*path[path.index(target) :], target])
            elif target not in state:
                visit(target)
        path.pop()
        state[name] = 2

    for name in sorted(GRAPH):
        if name not in state:
            visit(name)
    assert cycles == []


def test_each_layer_says_what_it_may_import() -> None:
    for key in ("base", "reading", "linting", "running", "cli"):
        init = PACKAGE / key / "__init__.py"
        if init.is_file():
            doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))) or ""
            assert "May import" in doc, f"{init}: say what the package owns and may import"

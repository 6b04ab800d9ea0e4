"""Rewrite imports after modules moved between packages (issue 17's re-layering).

Usage: python tools/relayer_imports.py FILE_OR_DIR...  (rewrites in place; run ruff --fix and
ruff format afterwards to re-sort). For merging branches written against the old layout: run it
over their files once, then delete this tool.

MODULES maps an old module to its new home; NAMES maps (module, name) to the module that now
defines `name`. Dotted strings (`"essaylint.runner.lint_source"` in a monkeypatch, docs) are
rewritten too.
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

MODULES: dict[str, str] = {
    "essaylint.files": "essaylint.base.files",
    "essaylint.stored": "essaylint.base.stored",
    "essaylint.patterns": "essaylint.base.patterns",
    "essaylint.data": "essaylint.base.data",
    "essaylint.source": "essaylint.reading.source",
    "essaylint.simple_blocks": "essaylint.reading.simple_blocks",
    "essaylint.markdown": "essaylint.reading.markdown",
    "essaylint.spans": "essaylint.reading.spans",
    "essaylint.candidates": "essaylint.reading.candidates",
    "essaylint.walker": "essaylint.reading.walker",
    "essaylint.walk": "essaylint.reading.walk",
    "essaylint.parsed": "essaylint.reading.parsed",
    "essaylint.document": "essaylint.reading.document",
    "essaylint.outline": "essaylint.reading.outline",
    "essaylint.titles": "essaylint.reading.titles",
    "essaylint.limits": "essaylint.reading.limits",
    "essaylint.question_styles": "essaylint.reading.question_styles",
    "essaylint.counting": "essaylint.reading.counting",
    "essaylint.model": "essaylint.reading.model",
    "essaylint.answers": "essaylint.reading.answers",
    "essaylint.suppress": "essaylint.reading.suppress",
    "essaylint.plugin": "essaylint.linting.plugin",
    "essaylint.score": "essaylint.linting.score",
    "essaylint.results": "essaylint.linting.results",
    "essaylint.registry": "essaylint.linting.registry",
    "essaylint.entry_points": "essaylint.linting.entry_points",
    "essaylint.typos": "essaylint.linting.typos",
    "essaylint.loanwords": "essaylint.linting.loanwords",
    "essaylint.explain": "essaylint.linting.explain",
    "essaylint.config": "essaylint.running.config",
    "essaylint.finder": "essaylint.running.finder",
    "essaylint.engine": "essaylint.running.engine",
    "essaylint.runner": "essaylint.running.runner",
    "essaylint.jobs": "essaylint.running.jobs",
    "essaylint.cache": "essaylint.running.cache",
    "essaylint.replay": "essaylint.running.replay",
    "essaylint.fixes": "essaylint.running.fixes",
    "essaylint.discovery": "essaylint.running.discovery",
    "essaylint.fingerprints": "essaylint.running.fingerprints",
    "essaylint.printable": "essaylint.reporters.printable",
    "essaylint.progress": "essaylint.reporters.progress",
    "essaylint.cli": "essaylint.cli.commands",
    "essaylint.launch": "essaylint.cli.launch",
    "essaylint.init": "essaylint.cli.init",
}

NAMES: dict[tuple[str, str], str] = {
    ("essaylint.config", "ConfigFinder"): "essaylint.finder",
    ("essaylint.config", "config_chain"): "essaylint.config",
    ("essaylint.runner", "lint_paths"): "essaylint.jobs",
    ("essaylint.document", "DocumentError"): "essaylint.parsed",
    ("essaylint.document", "ParsedSource"): "essaylint.parsed",
    ("essaylint.document", "RawHeading"): "essaylint.parsed",
}


_HOMES = frozenset(MODULES.values())


def _new_module(module: str) -> str:
    if any(module == home or module.startswith(home + ".") for home in _HOMES):
        return module  # already in its new home (`essaylint.cli.launch`, not `essaylint.cli`)
    best = ""
    for old in MODULES:
        if (module == old or module.startswith(old + ".")) and len(old) > len(best):
            best = old
    return MODULES[best] + module[len(best) :] if best else module


def _target(module: str, name: str) -> str:
    if f"{module}.{name}" in _HOMES:
        return module  # `from essaylint.cli import launch`: already the new layout
    moved = MODULES.get(f"{module}.{name}")  # `from essaylint import replay`: a module moved
    if moved is not None and moved.rpartition(".")[2] == name:
        return moved.rpartition(".")[0]
    return _new_module(NAMES.get((module, name)) or module)


def _render(indent: str, module: str, names: list[ast.alias]) -> str:
    parts = [a.name + (f" as {a.asname}" if a.asname else "") for a in names]
    line = f"{indent}from {module} import {', '.join(parts)}"
    if len(line) <= 99:
        return line
    inner = "".join(f"{indent}    {p},\n" for p in parts)
    return f"{indent}from {module} import (\n{inner}{indent})"


def rewrite_source(text: str) -> str:
    tree = ast.parse(text)
    lines = text.splitlines(keepends=True)
    edits: list[tuple[int, int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if not node.module.startswith("essaylint"):
                continue
            groups: dict[str, list[ast.alias]] = {}
            for alias in node.names:
                groups.setdefault(_target(node.module, alias.name), []).append(alias)
            if list(groups) == [node.module]:
                continue
            first = lines[node.lineno - 1]
            indent = first[: len(first) - len(first.lstrip())]
            end_line = lines[node.end_lineno - 1]  # type: ignore[operator]
            tail = end_line[node.end_col_offset :].rstrip("\n")
            body = "\n".join(_render(indent, m, a) for m, a in groups.items())
            edits.append((node.lineno - 1, node.end_lineno, body + tail + "\n"))  # type: ignore[arg-type]
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("essaylint.") and _new_module(alias.name) != alias.name:
                    line = lines[node.lineno - 1]
                    lines[node.lineno - 1] = line.replace(alias.name, _new_module(alias.name))
    for start, end, body in sorted(edits, reverse=True):
        lines[start:end] = [body]
    out = "".join(lines)
    return rewrite_strings(out)


_PATH = re.compile(r"(?<![\w/])(essaylint(?:/[A-Za-z_][A-Za-z0-9_]*)+)\.py\b")
_DOTTED = re.compile(r"essaylint(?:\.[A-Za-z_][A-Za-z0-9_]*)+")


_FROM_LINE = re.compile(r"^([ \t]*)from (essaylint[\w.]*) import ([\w, ]+)$", re.MULTILINE)


def _swap_from_line(match: re.Match[str]) -> str:
    """A one-line import inside a string (a script run by a test): the same split as above."""
    indent, module = match.group(1), match.group(2)
    groups: dict[str, list[str]] = {}
    for name in (n.strip() for n in match.group(3).split(",")):
        if name:
            groups.setdefault(_target(module, name.split(" as ")[0]), []).append(name)
    return "\n".join(f"{indent}from {m} import {', '.join(ns)}" for m, ns in groups.items())


# Old paths that still mean something in prose: the shims plugins import, and the `cli` package.
KEPT_IN_TEXT = frozenset({"essaylint.plugin", "essaylint.model", "essaylint.cli"})


def rewrite_strings(text: str) -> str:
    text = _FROM_LINE.sub(_swap_from_line, text)

    def swap(match: re.Match[str]) -> str:
        dotted = match.group(0)
        if dotted in KEPT_IN_TEXT:
            return dotted
        parts = dotted.split(".")
        for cut in range(len(parts), 1, -1):
            module, rest = ".".join(parts[:cut]), parts[cut:]
            if rest and (module, rest[0]) in NAMES:
                return ".".join([_new_module(NAMES[(module, rest[0])]), *rest])
        return _new_module(dotted)

    def swap_path(match: re.Match[str]) -> str:
        dotted = match.group(1).replace("/", ".")
        if dotted in KEPT_IN_TEXT:
            return match.group(0)
        moved = _new_module(dotted)
        return moved.replace(".", "/") + ".py"

    text = _PATH.sub(swap_path, text)
    return _DOTTED.sub(swap, text)


def main(paths: list[str]) -> None:
    for given in paths:
        root = Path(given)
        files = [root] if root.is_file() else sorted(root.rglob("*"))
        for file in files:
            if not file.is_file() or ".venv" in file.parts or "fixtures" in file.parts:
                continue
            if file.suffix not in (".py", ".md", ".txt", ".cfg", ".yaml", ".yml"):
                continue
            text = file.read_text(encoding="utf-8")
            new = rewrite_source(text) if file.suffix == ".py" else rewrite_strings(text)
            if new != text:
                file.write_text(new, encoding="utf-8")
                print("rewrote", file)


if __name__ == "__main__":
    main(sys.argv[1:])

"""`essaylint explain RULE`: the rule's docstring plus its options, rendered from `Options`.

Options are never retyped in docstrings: they are read from the dataclass, so docs and code
cannot drift apart.
"""

from __future__ import annotations

from dataclasses import MISSING, fields

from essaylint.linting.plugin import Rule


def options_table(rule: Rule) -> list[str]:
    rows: list[str] = []
    for item in fields(rule.options):
        if item.name.startswith("_"):
            continue
        default = item.default
        if default is MISSING and item.default_factory is not MISSING:
            default = item.default_factory()
        shown = repr(default)
        if len(shown) > 60:
            shown = shown[:57] + "..."
        rows.append(f"- `{item.name}` ({item.type}) = {shown}")
    return rows


def describe(rule: Rule) -> str:
    header = f"{rule.code} {rule.name} (default severity: {rule.severity}"
    header += ", fixable" if rule.fixable else ""
    header += f"; tags: {', '.join(rule.tags)})" if rule.tags else ")"
    parts = [header, "", rule.doc or rule.summary]
    rows = options_table(rule)
    parts += ["", "## Options", *(rows or ["(none)"])]
    parts += ["", f'Config: [rules.{rule.name}] in essaylint.toml; severity = "warning" overrides.']
    return "\n".join(parts)

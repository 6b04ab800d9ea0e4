"""Finds rules through the `essaylint.plugins` entry-point group, built-ins included.

The plugin API is the only door, so a third-party rule is loaded exactly as ours are. Entries
are checked (entry name == code, code shape, unique names) and a broken plugin is one line naming
its distribution. Third-party rules stay off until selected: installing a package must never
change a CI result.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

from essaylint.base.patterns import compile_pattern
from essaylint.linting.plugin import SEVERITIES, Rule

if TYPE_CHECKING:
    from essaylint.linting.entry_points import PluginEntry

ENTRY_POINT_GROUP = "essaylint.plugins"
CODE_PATTERN = compile_pattern(r"^[A-Z]{2,4}[0-9]{3}$")
NAME_PATTERN = compile_pattern(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
BUILTIN_PREFIX = "essaylint."


class PluginError(RuntimeError):
    """A plugin that cannot be loaded or breaks the contract."""


@lru_cache(maxsize=1)
def plugin_entry_points() -> tuple[PluginEntry, ...]:
    """The plugin entry points by name, read once per process: finding them scans the metadata
    of every installed distribution, and both the rules and the result cache's key need them."""
    from essaylint.linting.entry_points import find_entry_points

    return tuple(sorted(find_entry_points(ENTRY_POINT_GROUP), key=lambda e: e.name))


@lru_cache(maxsize=1)
def load_rules() -> dict[str, Rule]:
    """Every installed rule by code, in code order."""
    rules: dict[str, Rule] = {}
    names: dict[str, str] = {}
    for entry in plugin_entry_points():
        dist = entry.dist or "unknown distribution"
        try:
            rule = entry.load()
        except Exception as error:  # a third-party import can fail in any way
            raise PluginError(
                f"plugin {entry.name} from {dist} failed to load: {type(error).__name__}: {error}"
            ) from None
        _check(rule, entry.name, dist)
        if entry.name in rules:
            raise PluginError(f"plugin {entry.name} from {dist}: code already registered")
        for name in (rule.name, *rule.aliases):
            if name in names:
                raise PluginError(
                    f"plugin {entry.name} from {dist}: name '{name}' already used by {names[name]}"
                )
            names[name] = rule.code
        rules[entry.name] = rule
    return rules


def _check(rule: object, entry_name: str, dist: str) -> None:
    where = f"plugin {entry_name} from {dist}"
    if not isinstance(rule, Rule):
        raise PluginError(f"{where}: entry point must name a Rule object")
    if rule.code != entry_name:
        raise PluginError(f"{where}: entry name must equal the rule code {rule.code}")
    if not CODE_PATTERN.match(rule.code):
        raise PluginError(f"{where}: code must look like EL123")
    if not NAME_PATTERN.match(rule.name):
        raise PluginError(f"{where}: name must be kebab-case, got '{rule.name}'")
    if rule.severity not in SEVERITIES:
        raise PluginError(f"{where}: severity must be one of {', '.join(SEVERITIES)}")


def is_builtin(rule: Rule) -> bool:
    return rule.check.__module__.startswith(BUILTIN_PREFIX)


def find_rule(key: str, rules: dict[str, Rule] | None = None) -> Rule | None:
    """A rule by code or name (aliases included), case-insensitive for codes."""
    rules = rules if rules is not None else load_rules()
    if key.upper() in rules:
        return rules[key.upper()]
    for rule in rules.values():
        if key == rule.name or key in rule.aliases:
            return rule
    return None


def all_tags(rules: Iterable[Rule]) -> set[str]:
    return {tag for rule in rules for tag in rule.tags}


def matches(rule: Rule, selector: str) -> bool:
    """A selector is ALL, a code, a code prefix (EL2), a name or alias, or a tag."""
    if _matches_code(rule.code, selector):
        return True
    return selector in (rule.name, *rule.aliases) or selector in rule.tags


def _matches_code(code: str, selector: str) -> bool:
    """ALL, the code itself or a prefix of it within its family letters (EL, EL3, el301)."""
    upper = selector.upper()
    return upper == "ALL" or (upper.startswith(code[:2]) and code.startswith(upper))


# The tags of the built-in rules (a test keeps this equal to theirs): a selector naming one, or
# a code, is known from the entry points alone, without importing every rule's module.
BUILTIN_TAGS = frozenset({"structure", "length", "spelling", "values", "model", "blind"})


def known_without_loading(selector: str) -> bool:
    if selector in BUILTIN_TAGS:
        return True
    return any(_matches_code(entry.name, selector) for entry in plugin_entry_points())


def unknown_selectors(selectors: Iterable[str], rules: dict[str, Rule]) -> list[str]:
    return [s for s in selectors if not any(matches(r, s) for r in rules.values())]


def select_rules(
    rules: dict[str, Rule],
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
) -> list[Rule]:
    """The rules a run uses: defaults (built-in, on by default) unless `select` says otherwise."""
    chosen: list[Rule] = []
    for rule in rules.values():
        if select:
            # "EL" or ALL selects every built-in; a third-party rule only by its own code/name/tag.
            on = any(
                matches(rule, s)
                and (
                    is_builtin(rule) or s.upper() not in ("ALL", "EL") or rule.code.startswith("EL")
                )
                for s in select
            )
        else:
            on = rule.default_enabled and is_builtin(rule)
        if any(matches(rule, s) for s in extend_select):
            on = True
        if any(matches(rule, s) for s in ignore):
            on = False
        if on:
            chosen.append(rule)
    return chosen

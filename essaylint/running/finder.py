"""Which config is in force for each file: the closest one walking up from it, cached per folder.

Apart from `config.py` (reading one config) because checking a config also validates every rule
table against the installed rules (`engine.resolve_rules`), which needs the engine above config.
"""

from __future__ import annotations

import os
from pathlib import Path

from essaylint.base.files import describe_missing
from essaylint.running.config import CONFIG_NAMES, ConfigError, Settings, load_config, read_table
from essaylint.running.engine import resolve_rules


def _load_checked(path: Path) -> Settings:
    """Load a config and validate every rule table now, so a bad option fails the whole run."""
    settings = load_config(path)
    resolve_rules(settings)
    _check_selections(settings, path)
    return settings


def _check_selections(settings: Settings, path: Path) -> None:
    """`select`, `extend_select` and `ignore` name known rules, codes or tags: a misspelt one
    would quietly check nothing or everything (the same names on the command line are errors)."""
    from essaylint.linting.registry import load_rules, unknown_selectors

    prefix = "tool.essaylint." if path.name == "pyproject.toml" else ""
    for key in ("select", "extend_select", "ignore"):
        selectors = getattr(settings, key)
        unknown = unknown_selectors(selectors, load_rules()) if selectors else []
        if unknown:
            raise ConfigError(
                f"{path}: {prefix}{key}: unknown rule, code or tag '{unknown[0]}' "
                "(see 'essaylint rules')"
            )


class ConfigFinder:
    """Finds the config in force for each file: the closest one walking up, cached per folder."""

    def __init__(self, explicit: Path | None = None) -> None:
        self._explicit = _load_checked(explicit) if explicit is not None else None
        self._by_dir: dict[Path, Settings] = {}
        self._by_file: dict[Path, Settings] = {}
        # By the folder as given, so a thousand files in one folder resolve it once.
        self._by_given: dict[Path, Settings] = {}

    def for_path(self, file: Path | None) -> Settings:
        if self._explicit is not None:
            return self._explicit
        given = file.parent if file is not None else Path.cwd()
        found = self._by_given.get(given)
        if found is None:
            found = self._by_given[given] = self._lookup(given.resolve())
        return found

    def _lookup(self, folder: Path) -> Settings:
        cached = self._by_dir.get(folder)
        if cached is not None:
            return cached
        settings: Settings | None = None
        for name in CONFIG_NAMES:
            candidate = folder / name
            if not candidate.is_file() and os.path.lexists(candidate):
                # A folder, a pipe or a broken link where a config belongs: say so, rather
                # than read the settings of some folder above as if it were not there.
                raise ConfigError(f"{candidate}: cannot read: {describe_missing(candidate)}")
            if candidate.is_file():
                if name == "pyproject.toml" and read_table(candidate) is None:
                    continue
                settings = self._by_file.get(candidate) or _load_checked(candidate)
                self._by_file[candidate] = settings
                break
        if settings is None:
            parent = folder.parent
            settings = Settings() if parent == folder else self._lookup(parent)
        self._by_dir[folder] = settings
        return settings

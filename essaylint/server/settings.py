"""What the server checks a document with: the editor's settings and the config in force.

Editor settings come in `initializationOptions` and `workspace/didChangeConfiguration`, under
the key `essaylint` (or bare): `{"model": true, "debounceMs": 200}`. A value of the wrong type
is ignored (the default stays), so a typo in an editor's settings never stops the server.

The config in force is found as `essaylint check` finds it (`api.find_settings`), cached per
folder until a watched file (essaylint.toml, pyproject.toml, .essaylint-words.txt) changes.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from essaylint.api import Settings, find_settings
from essaylint.linting.registry import PluginError
from essaylint.running.config import ConfigError

KEY = "essaylint"
DEFAULT_DEBOUNCE_MS = 150
MODEL_PAUSE_MS = 600  # model rules wait for the writer to pause this long after the fast ones
MAX_DEBOUNCE_MS = 10_000


@dataclass(frozen=True, slots=True)
class EditorSettings:
    model: bool = True  # run the rules that need the Kiwi language model
    debounce_ms: int = DEFAULT_DEBOUNCE_MS

    def updated(self, data: Any) -> EditorSettings:
        """These settings with what `data` (the client's object) sets correctly."""
        if isinstance(data, dict) and isinstance(data.get(KEY), dict):
            data = data[KEY]
        if not isinstance(data, dict):
            return self
        found = self
        model = data.get("model")
        if isinstance(model, bool):
            found = replace(found, model=model)
        debounce = data.get("debounceMs")
        if isinstance(debounce, int | float) and not isinstance(debounce, bool):
            found = replace(found, debounce_ms=int(min(max(debounce, 0), MAX_DEBOUNCE_MS)))
        return found


class ConfigCache:
    """The settings in force per folder, or the one-line reason the config there is broken."""

    def __init__(self) -> None:
        self._by_folder: dict[Path, Settings | str] = {}

    def clear(self) -> None:
        self._by_folder.clear()

    def lookup(self, path: str | None, root: str | None) -> Settings | str:
        """Settings for a file (`path`; None for an unsaved buffer: the workspace `root`)."""
        folder = Path(path).parent if path else Path(root) if root else Path.cwd()
        found = self._by_folder.get(folder)
        if found is None:
            try:
                found = find_settings(folder / "essaylint-buffer.md")
            except (ConfigError, PluginError) as error:
                found = str(error)
            except Exception as error:  # never a dead server for a config
                found = f"cannot read the config: {type(error).__name__}: {error}"
            if isinstance(found, Settings) and found.base_dir is None:
                found = replace(found, base_dir=folder)
            self._by_folder[folder] = found
        return found

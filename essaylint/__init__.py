"""essaylint: lint Korean job-application essays written in Markdown.

The public API is small on purpose: `lint_text`, `lint_file`, and the result types. They are
imported on first use: every `essaylint.*` import runs this file first, and a replayed run
(essaylint.running.replay) must start without the config and result modules.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (mypy knows the name)
if TYPE_CHECKING:
    from pathlib import Path
    from typing import Any

    from essaylint.linting.results import FileResult, Finding
    from essaylint.reading.source import decode
    from essaylint.running.config import Settings

__version__ = "0.1.0"

_LAZY = {
    "FileResult": "essaylint.linting.results",
    "Finding": "essaylint.linting.results",
    "Settings": "essaylint.running.config",
    "decode": "essaylint.reading.source",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'essaylint' has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def lint_text(text: str, path: str = "<text>", settings: Settings | None = None) -> FileResult:
    """Lint Markdown text with the given settings (defaults when None)."""
    from essaylint.reading.source import SourceText
    from essaylint.running.config import Settings
    from essaylint.running.runner import lint_source

    source = SourceText(text=text, encoding="utf-8", bom=False, newline="\n", fallback=False)
    return lint_source(source, path, settings or Settings())


def lint_file(path: str | Path, settings: Settings | None = None) -> FileResult:
    """Lint one file with the config found for it (or the settings given)."""
    from essaylint.linting.results import FileResult
    from essaylint.running.finder import ConfigFinder
    from essaylint.running.runner import lint_path

    if settings is not None:
        from essaylint.reading.source import SourceError, read_source
        from essaylint.running.runner import lint_source

        try:
            source = read_source(path)
        except SourceError as error:
            return FileResult(path=str(path), error=str(error))
        return lint_source(source, str(path), settings)
    return lint_path(str(path), ConfigFinder(), {})


__all__ = ["FileResult", "Finding", "Settings", "__version__", "decode", "lint_file", "lint_text"]

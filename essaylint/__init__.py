"""essaylint: lint Korean job-application essays written in Markdown.

The public API is `essaylint.api` (its docstring says what is public), re-exported here:
`lint_text`, `lint_file`, `lint_paths`, `load_settings`, `render`, `report_data`,
`find_settings`, `fix_text`, `answer_counts` and the result types. They are imported on first
use: every `essaylint.*` import runs this file first, and a
replayed run (essaylint.running.replay) must start without the config and result modules.
ARCHITECTURE.md is the map of the package.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (mypy knows the name)
if TYPE_CHECKING:
    from typing import Any

    from essaylint.api import (
        Edit,
        FileResult,
        Finding,
        SectionReport,
        Settings,
        answer_counts,
        find_settings,
        fix_text,
        lint_file,
        lint_paths,
        lint_text,
        load_settings,
        render,
        report_data,
    )
    from essaylint.reading.source import decode

__version__ = "0.1.0"

_API = frozenset(
    {
        "Edit",
        "FileResult",
        "Finding",
        "SectionReport",
        "Settings",
        "answer_counts",
        "find_settings",
        "fix_text",
        "lint_file",
        "lint_paths",
        "lint_text",
        "load_settings",
        "render",
        "report_data",
    }
)


def __getattr__(name: str) -> Any:
    if name in _API:
        module = "essaylint.api"
    elif name == "decode":
        module = "essaylint.reading.source"
    else:
        raise AttributeError(f"module 'essaylint' has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


__all__ = [
    "Edit",
    "FileResult",
    "Finding",
    "SectionReport",
    "Settings",
    "__version__",
    "answer_counts",
    "decode",
    "find_settings",
    "fix_text",
    "lint_file",
    "lint_paths",
    "lint_text",
    "load_settings",
    "render",
    "report_data",
]

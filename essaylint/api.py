"""essaylint as a library: check a text, a file or folders with given settings and get the same
result objects the command line prints. No command line, no printing, no process pool, no cache
unless asked: the CLI is one caller of this module (with `jobs`, `cache` and `progress`).

Public and stable (additive changes only):

- `lint_text(text, path=, settings=)` and `lint_file(path, settings=)` -> `FileResult`;
  `lint_paths(paths, settings=, config=)` -> `list[FileResult]`, sorted by path.
- `load_settings(path)` (a config file, `extends` followed) and `Settings()` (the defaults);
  `find_settings(path)`: the config in force for a file, found as the CLI finds it.
- `fix_text(text, path=, settings=)` -> the text `check --fix` would write (nothing written);
  `answer_counts(text, settings=)` -> each question's answer counted in every mode.
- `render(results, format)` -> the text `essaylint check --format <format>` prints;
  `report_data(results)` -> the `--format json` report as plain data.
- The result types: `FileResult` (`findings`, `sections`, `questions`, `answered`, `complete`,
  `score`, `error`, `notes`, `coverage`), `Finding` (code, name, severity, line, col, end_line,
  end_col, message, section, suggestion, fix), `SectionReport` (title, kind, state, count, limit,
  min, mode, limit_source) and `Edit` (a fix's replacement). Lines and columns are 1-based and
  refer to the original file.

Everything else under `essaylint.*` is internal; plugins use `essaylint.plugin` and
`essaylint.model`. Importing this module is cheap: the parser, pydantic and the language model
load when a file is checked, and only if that file needs them.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from essaylint.linting.plugin import Edit
from essaylint.linting.results import FileResult, Finding, SectionReport
from essaylint.running.config import Settings, load_config
from essaylint.running.finder import ConfigFinder
from essaylint.running.runner import Progress

if TYPE_CHECKING:
    from essaylint.running.cache import ResultCache

__all__ = [
    "Edit",
    "FileResult",
    "Finding",
    "SectionReport",
    "Settings",
    "lint_file",
    "lint_paths",
    "answer_counts",
    "find_settings",
    "fix_text",
    "lint_text",
    "load_settings",
    "render",
    "report_data",
]


def lint_text(text: str, path: str = "<text>", settings: Settings | None = None) -> FileResult:
    """Lint Markdown text with the given settings (the defaults when None)."""
    from essaylint.reading.source import SourceText
    from essaylint.running.runner import lint_source

    source = SourceText(text=text, encoding="utf-8", bom=False, newline="\n", fallback=False)
    return lint_source(source, path, settings or Settings())


def lint_file(path: str | Path, settings: Settings | None = None) -> FileResult:
    """Lint one file: with `settings` when given, else with the config found for it (as the
    CLI does: the closest essaylint.toml, .essaylint.toml or pyproject.toml walking up)."""
    from essaylint.reading.source import SourceError, read_source
    from essaylint.running.runner import lint_path, lint_source

    if settings is None:
        return lint_path(str(path), ConfigFinder(), {})
    try:
        source = read_source(path)
    except SourceError as error:
        return FileResult(path=str(path), error=str(error))
    return lint_source(source, str(path), settings)


def lint_paths(
    paths: Iterable[str | Path],
    settings: Settings | None = None,
    *,
    config: str | Path | None = None,
    overrides: dict[str, Any] | None = None,
    force_exclude: bool = False,
    jobs: int | None = 1,
    cache: ResultCache | None = None,
    progress: Progress | None = None,
    sections: bool = True,
) -> list[FileResult]:
    """Lint files and folders (Markdown files found in folders, excludes applied), sorted by
    path. The config is `config` when given, else the one found for each file; `settings`
    replaces both. `overrides` are settings on top (the CLI's flags).

    In this process and without a cache by default; `jobs`, `cache`, `progress` and
    `sections=False` are the CLI's (see `running.jobs.lint_paths`). Raises `ConfigError` for
    a broken config and `PluginError` for a plugin that does not load."""
    from essaylint.running.jobs import lint_paths as run

    finder = (
        _Fixed(settings)
        if settings is not None
        else ConfigFinder(Path(config) if config is not None else None)
    )
    return run(
        [str(p) for p in paths],
        finder,
        overrides or {},
        cache=cache,
        jobs=jobs,
        progress=progress,
        force_exclude=force_exclude,
        sections=sections,
    )


class _Fixed(ConfigFinder):
    """A config finder that answers the same settings for every file."""

    def __init__(self, settings: Settings) -> None:
        super().__init__()
        self.settings = settings

    def for_path(self, file: Path | None) -> Settings:
        return self.settings


def load_settings(path: str | Path) -> Settings:
    """Read and validate one config file (essaylint.toml or pyproject.toml), `extends` followed."""
    return load_config(Path(path))


def find_settings(path: str | Path | None) -> Settings:
    """The settings in force for a file (None: the current folder), as `essaylint check`
    finds them: the closest config walking up, validated. Raises `ConfigError` (one line,
    naming the file and the key) for a broken one. Not cached: each call reads the config."""
    return ConfigFinder().for_path(Path(path) if path is not None else None)


def fix_text(
    text: str, path: str = "<text>", settings: Settings | None = None, *, unsafe: bool = False
) -> str:
    """The text with every safe fix applied (unsafe ones too with `unsafe`), in rounds as
    `check --fix` does; the text unchanged when it cannot be checked. Nothing is written."""
    from essaylint.reading.source import SourceText
    from essaylint.running.fixes import fix_source

    source = SourceText(
        text=text, encoding="utf-8", bom=False, newline=_newline_of(text), fallback=False
    )
    return fix_source(source, path, settings or Settings(), unsafe=unsafe).text


def _newline_of(text: str) -> str:
    first = text.find("\n")
    return "\r\n" if first > 0 and text[first - 1] == "\r" else "\n"


def answer_counts(text: str, settings: Settings | None = None) -> dict[int, dict[str, int]]:
    """Each question's answer (by the line of its question, 1-based) counted in every mode
    (`chars`, `chars-no-spaces`, `bytes`, `bytes-utf8`, `neis`, `words`), with the settings'
    `newline` and outline options (front matter applied): what an editor shows on hover.
    Raises like `lint_text` would report an error: a text that cannot be read gives {}."""
    from essaylint.reading.counting import COUNT_MODES, count
    from essaylint.reading.document import build_document
    from essaylint.running.config import ConfigError, apply_front_matter
    from essaylint.running.engine import outline_options

    settings = settings or Settings()
    try:
        document = build_document(text, **outline_options(settings))
        if document.front_matter:
            merged = apply_front_matter(settings, document.front_matter, "<text>")
            if outline_options(merged) != outline_options(settings):
                document = build_document(text, **outline_options(merged))
            settings = merged
    except (ConfigError, ValueError, RecursionError):
        return {}
    return {
        question.heading_line: {
            mode: count(question.text, mode, newline=settings.newline) for mode in COUNT_MODES
        }
        for question in document.questions()
    }


def render(
    results: Sequence[FileResult],
    output_format: str = "text",
    *,
    color: bool = False,
    strict: bool = False,
) -> str:
    """The report `essaylint check --format <output_format>` prints, as a string."""
    from essaylint.reporters import render as write

    out = io.StringIO()
    write(output_format, results, out, color=color, strict=strict)
    return out.getvalue()


def report_data(results: Sequence[FileResult]) -> dict[str, Any]:
    """The `--format json` report as plain data (README, "JSON output")."""
    from essaylint.reporters.json import report_data as data

    return data(results)

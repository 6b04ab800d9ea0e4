"""Settings: defaults, discovery of the config file, `extends`, and validation.

A run without any config file never imports pydantic: `Settings()` is a plain dataclass. A file
(`essaylint.toml`, `.essaylint.toml`, or `[tool.essaylint]` in `pyproject.toml`, the closest one
walking up from each checked file) is validated with pydantic, unknown keys rejected, and every
error is one line naming the file and the key.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from essaylint.base.files import UnreadableFile, describe_missing, read_small_file
from essaylint.base.patterns import compile_pattern
from essaylint.reading.counting import CountMode

if TYPE_CHECKING:
    from collections.abc import Sequence

CONFIG_NAMES: tuple[str, ...] = ("essaylint.toml", ".essaylint.toml", "pyproject.toml")
PRESETS: tuple[str, ...] = ("default", "strict")
MAX_EXTENDS = 32  # configs in one `extends` chain: a longer one is a mistake, not a layout
Severity = Literal["error", "warning", "info"]
QuestionStyleName = Literal["heading", "list-item", "q-line", "bold-label", "blockquote", "details"]
QuestionStyleSetting = Literal["auto", "headings"] | tuple[QuestionStyleName, ...]


class ConfigError(ValueError):
    """One line: `<file>: <key>: <reason>`."""


@dataclass(frozen=True)
class Settings:
    """Everything a run can be told. Field names are the config keys (use them exactly)."""

    # Read by pydantic when a config file is validated: misspelled keys are errors.
    __pydantic_config__: ClassVar[dict[str, Any]] = {"extra": "forbid"}

    extends: str | None = None
    select: tuple[str, ...] = ()  # empty: the default rules
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    count: CountMode = "chars"
    newline: Literal[0, 1, 2] = 1
    stacked_headings: Literal["share", "separate"] = "share"
    # Where questions are: "auto" (headings, list items, Q-lines, bold labels, quotes, details),
    # "headings" only, or a list of those style names.
    question_style: QuestionStyleSetting = "auto"
    reference_titles: tuple[str, ...] | None = None
    default_limit: int | None = None
    limits: dict[str, int | str] = field(default_factory=dict)  # title regex -> "1000", "500-700"
    fail_under: float | None = None
    strict: bool = False
    exclude: tuple[str, ...] = ()
    words: tuple[str, ...] = ()  # the writer's own words: spelling rules accept them
    typo_packs: tuple[str, ...] = ()  # extra known-typo packs (same format as rules/typos/)
    company: str | None = None  # the target company: a preset slug or a name
    values: tuple[str, ...] = ()  # the company's values (인재상), added to those found
    synonyms: dict[str, tuple[str, ...]] = field(default_factory=dict)  # value -> related terms
    companies: tuple[str, ...] = ()  # other company names wrong-company should know
    blind: bool = False  # 블라인드 채용: blind-hiring checks on
    packs: tuple[str, ...] = ()  # extra rule-pack folders (typos/, values/ inside)
    rules: dict[str, dict[str, Any]] = field(default_factory=dict)
    # Where the settings came from: relative paths in rule options start at `base_dir`.
    source: str | None = field(default=None, compare=False)
    base_dir: Path | None = field(default=None, compare=False)

    def merged(self, **changes: Any) -> Settings:
        """Command-line flags on top: `--ignore` and `--extend-select` add to the file's lists
        (as ruff's do: `--ignore model` for pre-commit must keep a config's own ignores);
        `--select` and every other flag replace the setting."""
        for key in ("ignore", "extend_select"):
            if changes.get(key):
                changes[key] = tuple(dict.fromkeys((*getattr(self, key), *changes[key])))
        return replace(self, **changes)


_SETTING_KEYS = frozenset(f.name for f in fields(Settings)) - {"source", "base_dir"}


# pydantic's lax mode would read `true` as the number 1 and "yes" or 1 as true; a TOML (or YAML)
# file has real numbers and booleans, so a mix-up is the user's mistake, reported as such.
_NUMBER_KEYS = ("default_limit", "fail_under", "newline")
_BOOLEAN_KEYS = ("strict", "blind")
# pydantic's words for Python types, in the words of the TOML file the user wrote.
_TOML_WORDS = (
    ("a valid tuple", "an array"),
    ("a valid list", "an array"),
    ("a valid dictionary", "a table"),
    ("a valid string", "a string"),
    ("a valid integer", "an integer"),
    ("a valid number", "a number"),
    ("a valid boolean", "true or false"),
)


def _format_location(loc: tuple[int | str, ...], data: Any = None) -> str:
    """The key path the user wrote: pydantic appends union members (`limits.x.int`); drop them."""
    parts: list[str] = []
    for part in loc:
        if data is not None:
            try:
                data = data[part]
            except (KeyError, IndexError, TypeError):
                break  # a union member's name: not a key in the file
        parts.append(str(part))
    return ".".join(parts)


def _format_message(message: str) -> str:
    message = message.lower()
    for python_words, toml_words in _TOML_WORDS:
        message = message.replace(python_words, toml_words)
    return message


def validate_settings(data: dict[str, Any], origin: str, prefix: str = "") -> Settings:
    """Validate one config table into `Settings`; raise ConfigError on the first problem."""
    from pydantic import TypeAdapter, ValidationError

    from essaylint.reading.limits import limit_from_directive

    # Settings is a stdlib dataclass; pydantic validates it with the same field types.
    adapter: TypeAdapter[Settings] = TypeAdapter(Settings)
    for key in data:
        if key not in _SETTING_KEYS:
            raise ConfigError(f"{origin}: {prefix}{key}: {unknown_key_hint(key, _SETTING_KEYS)}")
    _check_scalar_types(data, origin, prefix)
    try:
        settings = adapter.validate_python(data)
    except ValidationError as error:
        first = error.errors()[0]
        where = _format_location(first["loc"], data)
        raise ConfigError(f"{origin}: {prefix}{where}: {_format_message(first['msg'])}") from None
    if settings.default_limit is not None and settings.default_limit <= 0:
        raise ConfigError(f"{origin}: {prefix}default_limit: must be > 0")
    if settings.fail_under is not None and not 0 <= settings.fail_under <= 100:
        raise ConfigError(f"{origin}: {prefix}fail_under: must be between 0 and 100")
    for pattern, value in settings.limits.items():
        _check_regex(pattern, origin, f"{prefix}limits")
        if isinstance(value, int) and value <= 0:
            raise ConfigError(f"{origin}: {prefix}limits.{pattern}: must be > 0, got {value}")
        try:
            limit = limit_from_directive(f"essaylint: limit={value}")
        except ValueError as error:
            raise ConfigError(f"{origin}: {prefix}limits.{pattern}: {error}") from None
        if limit is None or (limit.max is not None and limit.max <= 0):
            raise ConfigError(
                f"{origin}: {prefix}limits.{pattern}: expected a positive number, a range "
                f"like 500-700 or none, got {value!r}"
            )
    for pattern in settings.exclude:
        if not pattern.strip():
            raise ConfigError(f"{origin}: {prefix}exclude: empty pattern")
    return settings


def _check_scalar_types(data: dict[str, Any], origin: str, prefix: str) -> None:
    for key in _NUMBER_KEYS:
        if isinstance(data.get(key), bool):
            shown = _shown(data[key])
            raise ConfigError(f"{origin}: {prefix}{key}: expected a number, got {shown}")
    for key in _BOOLEAN_KEYS:
        if key in data and not isinstance(data[key], bool):
            raise ConfigError(
                f"{origin}: {prefix}{key}: expected true or false, got {_shown(data[key])}"
            )
    limits = data.get("limits")
    if isinstance(limits, dict):
        for pattern, value in limits.items():
            if isinstance(value, bool):
                raise ConfigError(
                    f"{origin}: {prefix}limits.{pattern}: expected a number or a range like "
                    f"500-700, got {_shown(value)}"
                )


def _shown(value: Any) -> str:
    """A value as the user typed it in TOML: `true`, not Python's `True`."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return repr(value)


def _check_regex(pattern: str, origin: str, key: str) -> None:
    import re

    try:
        compile_pattern(pattern)
    except re.error as error:
        raise ConfigError(f"{origin}: {key}: bad regular expression {pattern!r}: {error}") from None


def unknown_key_hint(key: str, known: frozenset[str] | set[str], noun: str = "key") -> str:
    import difflib

    close = difflib.get_close_matches(key, sorted(known), n=1)
    return f"unknown {noun}" + (f" (did you mean '{close[0]}'?)" if close else "")


def _read_toml(path: Path) -> dict[str, Any]:
    """A config file (or its `extends`) as a table; every problem one ConfigError naming it.

    A UTF-8 BOM is allowed (editors on Windows add one); anything but UTF-8 is not TOML."""
    import tomllib  # deferred: most runs read no TOML file at all

    try:
        text = read_small_file(path).decode("utf-8-sig")
        return tomllib.loads(text)
    except UnreadableFile as error:
        raise ConfigError(f"{path}: cannot read: {error}") from None
    except UnicodeDecodeError as error:
        raise ConfigError(
            f"{path}: not UTF-8 text (byte {error.start + 1}); TOML files are UTF-8"
        ) from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: invalid TOML: {error}") from None
    except RecursionError:
        raise ConfigError(f"{path}: invalid TOML: nested too deeply") from None


def read_table(path: Path) -> dict[str, Any] | None:
    data = _read_toml(path)
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        table = tool.get("essaylint") if isinstance(tool, dict) else None
        if table is not None and not isinstance(table, dict):
            raise ConfigError(f"{path}: tool.essaylint: expected a table ([tool.essaylint])")
        return table
    return data


def _preset_table(name: str) -> dict[str, Any]:
    import tomllib

    text = (Path(__file__).parents[1] / "presets" / f"{name}.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def _merge_tables(base: dict[str, Any], top: dict[str, Any]) -> dict[str, Any]:
    """`top` wins key by key; rule tables merge per rule (YL/RF style)."""
    merged = dict(base)
    for key, value in top.items():
        if key == "rules" and isinstance(value, dict) and isinstance(base.get("rules"), dict):
            rules = {k: dict(v) for k, v in base["rules"].items() if isinstance(v, dict)}
            for rule, options in value.items():
                rules[rule] = {
                    **rules.get(rule, {}),
                    **(options if isinstance(options, dict) else {}),
                }
            merged["rules"] = rules
        else:
            merged[key] = value
    return merged


def _extends_target(table: dict[str, Any], path: Path, seen: Sequence[Path]) -> Path | None:
    """The file the config at `path` extends; None when it extends nothing or a preset."""
    parent = table.get("extends")
    if parent is None:
        return None
    if not isinstance(parent, str):
        raise ConfigError(f"{path}: extends: must be a string")
    if parent in PRESETS:
        return None
    target = (path.parent / parent).resolve()
    if target in seen:
        raise ConfigError(f"{path}: extends: circular reference to {parent}")
    if not target.is_file():
        what = describe_missing(target)
        if what == "no such file":
            raise ConfigError(f"{path}: extends: no such file or preset '{parent}'")
        raise ConfigError(f"{path}: extends: '{parent}' {what}")
    if len(seen) >= MAX_EXTENDS:
        raise ConfigError(f"{path}: extends: more than {MAX_EXTENDS} configs in one chain")
    return target


def _resolve_extends(table: dict[str, Any], path: Path, seen: tuple[Path, ...]) -> dict[str, Any]:
    target = _extends_target(table, path, seen)
    if target is not None:
        loaded = read_table(target) or {}
        base = _resolve_extends(loaded, target, (*seen, target))
    elif table.get("extends") is not None:  # a preset
        base = _preset_table(table["extends"])
    else:
        return table
    rest = {k: v for k, v in table.items() if k != "extends"}
    return _merge_tables({k: v for k, v in base.items() if k != "extends"}, rest)


def config_chain(path: Path) -> list[Path]:
    """A config file and every file its `extends` reaches (presets are essaylint's own data);
    ConfigError as `load_config` gives it for a chain that cannot be followed."""
    chain = [path.resolve()]
    table = read_table(chain[0])
    while table is not None:
        target = _extends_target(table, chain[-1], chain)
        if target is None:
            break
        chain.append(target)
        table = read_table(target)
    return chain


def load_config(path: Path) -> Settings:
    """Read and validate one config file (following `extends`)."""
    path = path.resolve()
    table = read_table(path)
    if table is None:
        return Settings(source=str(path), base_dir=path.parent)
    resolved = _resolve_extends(table, path, (path,))
    prefix = "tool.essaylint." if path.name == "pyproject.toml" else ""
    settings = validate_settings(resolved, str(path), prefix)
    return replace(settings, source=str(path), base_dir=path.parent)


def apply_front_matter(settings: Settings, front_matter: dict[str, Any], origin: str) -> Settings:
    """Front matter overrides per document: an `essaylint:` table, plus `count` and `limits`."""
    table: dict[str, Any] = {}
    nested = front_matter.get("essaylint")
    if nested is not None:
        if not isinstance(nested, dict):
            raise ConfigError(f"{origin}: front matter: essaylint: expected key: value pairs")
        table.update(nested)
    for key in (
        "count",
        "limits",
        "default_limit",
        "company",
        "values",
        "blind",
        "words",
        "question_style",
    ):
        if key in front_matter and key not in table:
            table[key] = front_matter[key]
    if not table:
        return settings
    if "extends" in table:
        raise ConfigError(f"{origin}: front matter: essaylint.extends: not allowed here")
    current = {
        f.name: getattr(settings, f.name) for f in fields(Settings) if f.name in _SETTING_KEYS
    }
    merged = _merge_tables(current, table)
    validated = validate_settings(merged, origin, "front matter: ")
    return replace(validated, source=settings.source, base_dir=settings.base_dir)

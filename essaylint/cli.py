"""The command line: the only module that imports click, prints errors or picks exit codes.

Exit codes: 0 nothing at error severity; 1 findings at error severity (or warnings with
`--strict`, or a score under `--fail-under`); 2 usage, config or file errors.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

import click

from essaylint import __version__

EXIT_CLEAN = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2
COMMANDS = ("check", "score", "rules", "explain", "schema")


class DefaultGroup(click.Group):
    """`essaylint PATHS...` means `essaylint check PATHS...`."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h", "--version"):
            args = ["check", *args]
        return super().parse_args(ctx, args)


def _fail(message: str) -> NoReturn:
    click.echo(f"essaylint: {message}", err=True)
    sys.exit(EXIT_ERROR)


def _use_color(stream: Any) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def _split(values: Sequence[str]) -> tuple[str, ...]:
    return tuple(item.strip() for value in values for item in value.split(",") if item.strip())


def _check_selectors(selectors: Sequence[str], option: str) -> None:
    from essaylint.registry import PluginError, load_rules, unknown_selectors

    try:
        rules = load_rules()
    except PluginError as error:
        _fail(str(error))
    unknown = unknown_selectors(selectors, rules)
    if unknown:
        _fail(f"{option}: unknown rule, code or tag '{unknown[0]}' (see 'essaylint rules')")


def _run(paths: Sequence[str], config: str | None, overrides: dict[str, Any]) -> list[Any]:
    from essaylint.config import ConfigError, ConfigFinder
    from essaylint.registry import PluginError
    from essaylint.runner import lint_paths

    try:
        finder = ConfigFinder(Path(config) if config else None)
        results = lint_paths(paths, finder, overrides)
    except (ConfigError, PluginError) as error:
        _fail(str(error))
    if not results:
        _fail("no Markdown files found in " + ", ".join(paths))
    for result in results:
        if result.error is not None:
            click.echo(f"essaylint: {result.path}: {result.error}", err=True)
    return results


def _exit_code(results: Sequence[Any], strict: bool, fail_under: float | None) -> int:
    """Per file, CLI flags win over the file's own config (`strict`, `fail_under`)."""
    if any(r.error is not None for r in results):
        return EXIT_ERROR
    for result in results:
        failing = {"error", "warning"} if (strict or result.strict) else {"error"}
        if any(f.severity in failing for f in result.findings):
            return EXIT_FINDINGS
        floor = fail_under if fail_under is not None else result.fail_under
        if floor is not None and result.score < floor:
            return EXIT_FINDINGS
    return EXIT_CLEAN


def _overrides(
    select: Sequence[str],
    extend_select: Sequence[str],
    ignore: Sequence[str],
    count: str | None,
) -> dict[str, Any]:
    overrides: dict[str, Any] = {}
    if select:
        overrides["select"] = _split(select)
        _check_selectors(overrides["select"], "--select")
    if extend_select:
        overrides["extend_select"] = _split(extend_select)
        _check_selectors(overrides["extend_select"], "--extend-select")
    if ignore:
        overrides["ignore"] = _split(ignore)
        _check_selectors(overrides["ignore"], "--ignore")
    if count:
        overrides["count"] = count
    return overrides


_COUNT_CHOICE = click.Choice(["chars", "chars-no-spaces", "bytes", "bytes-utf8", "neis", "words"])


@click.group(cls=DefaultGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="essaylint")
def main() -> None:
    """Lint Korean job-application essays (자기소개서) written in Markdown.

    `essaylint PATHS...` is short for `essaylint check PATHS...`.
    """


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text")
@click.option("--select", multiple=True, help="Rules to use (codes, names, tags; comma-separated).")
@click.option("--extend-select", multiple=True, help="Rules to add to the selection.")
@click.option("--ignore", multiple=True, help="Rules to skip (codes, names, tags).")
@click.option("--count", type=_COUNT_CHOICE, help="How to count characters (default: chars).")
@click.option("--strict", is_flag=True, help="Warnings fail too (exit 1).")
@click.option("--fail-under", type=click.FloatRange(0, 100), help="Exit 1 when a score is lower.")
@click.option("--config", type=click.Path(dir_okay=False), help="Use this config file only.")
def check(
    paths: tuple[str, ...],
    output_format: str,
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
    count: str | None,
    strict: bool,
    fail_under: float | None,
    config: str | None,
) -> None:
    """Check essays: empty and stub answers, limits, placeholders, duplicates."""
    overrides = _overrides(select, extend_select, ignore, count)
    results = _run(paths, config, overrides)
    out = sys.stdout
    if output_format == "json":
        from essaylint.reporters import json as json_reporter

        json_reporter.render(results, out)
    else:
        from essaylint.reporters import text

        text.render(results, out, color=_use_color(out))
    sys.exit(_exit_code(results, strict, fail_under))


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--details", is_flag=True, help="Every question with its state and count/limit.")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text")
@click.option("--count", type=_COUNT_CHOICE, help="How to count characters (default: chars).")
@click.option("--fail-under", type=click.FloatRange(0, 100), help="Exit 1 when a score is lower.")
@click.option("--config", type=click.Path(dir_okay=False), help="Use this config file only.")
def score(
    paths: tuple[str, ...],
    details: bool,
    output_format: str,
    count: str | None,
    fail_under: float | None,
    config: str | None,
) -> None:
    """Completeness per document: answered/total and score."""
    results = _run(paths, config, _overrides((), (), (), count))
    out = sys.stdout
    if output_format == "json":
        from essaylint.reporters import json as json_reporter

        json_reporter.render(results, out)
    else:
        from essaylint.reporters import score as score_reporter

        score_reporter.render(results, out, details=details, color=_use_color(out))
    if any(r.error is not None for r in results):
        sys.exit(EXIT_ERROR)
    floors = [(fail_under if fail_under is not None else r.fail_under, r.score) for r in results]
    if any(floor is not None and value < floor for floor, value in floors):
        sys.exit(EXIT_FINDINGS)
    sys.exit(EXIT_CLEAN)


@main.command()
def rules() -> None:
    """List the installed rules."""
    from essaylint.registry import PluginError, is_builtin, load_rules

    try:
        installed = load_rules()
    except PluginError as error:
        _fail(str(error))
    out = sys.stdout
    out.write(f"{'code':<7} {'name':<20} {'severity':<8} {'default':<7} {'fixable':<7} summary\n")
    for rule in installed.values():
        default = "on" if rule.default_enabled and is_builtin(rule) else "off"
        fixable = "yes" if rule.fixable else "no"
        out.write(
            f"{rule.code:<7} {rule.name:<20} {rule.severity:<8} {default:<7} {fixable:<7} "
            f"{rule.summary}\n"
        )


@main.command()
@click.argument("rule")
def explain(rule: str) -> None:
    """Show a rule's documentation (by code or name)."""
    from essaylint.registry import PluginError, find_rule, load_rules

    try:
        installed = load_rules()
    except PluginError as error:
        _fail(str(error))
    found = find_rule(rule, installed)
    if found is None:
        import difflib

        names = [r.name for r in installed.values()] + list(installed)
        close = difflib.get_close_matches(rule, names, n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        _fail(f"unknown rule '{rule}'{hint}")
        return
    from essaylint.explain import describe

    click.echo(describe(found))


@main.command()
@click.argument("which", type=click.Choice(["config", "report"]), default="config")
def schema(which: str) -> None:
    """Print the JSON schema of the config file or of `--format json` output."""
    import json

    if which == "report":
        from essaylint.reporters.json import ReportModel

        data = ReportModel.model_json_schema()
    else:
        from pydantic import TypeAdapter

        from essaylint.config import Settings

        data = TypeAdapter(Settings).json_schema()
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


if __name__ == "__main__":  # pragma: no cover
    main()

"""The command line: the only module that imports click, prints errors or picks exit codes.

Exit codes: 0 nothing at error severity; 1 findings at error severity (or warnings with
`--strict`, or a score under `--fail-under`); 2 usage, config or file errors, and output that
cannot be written (a full disk, a closed stdout). A reader that leaves early (`| head`) ends
the run quietly with 1, as click does. A message stderr cannot take is dropped; the exit code
still tells.
"""

from __future__ import annotations

import errno
import math
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

import click

from essaylint import __version__
from essaylint.reporters import FORMATS, WITH_SECTIONS, render
from essaylint.reporters.printable import printable, printable_path
from essaylint.running import replay

EXIT_CLEAN = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2
COMMANDS = ("check", "score", "report", "init", "rules", "explain", "schema", "server")


class _Unwritable(BaseException):
    """stdout failed: `error` says why (None: it was closed before the run started). Not an
    Exception, so that no `except Exception` on the way (click probes streams with one) can
    swallow it and let the run end as if the report had been written."""

    def __init__(self, error: OSError | None) -> None:
        super().__init__(error)
        self.error = error


class _Guarded:
    """sys.stdout or sys.stderr for one command, so that any write (ours, a reporter's, click's
    help or usage message) that fails is handled in one place: on stdout it raises
    `_Unwritable`, on stderr the text is dropped. Either way the stream is then pointed at the
    null device, so that flushing what is left in its buffer at exit cannot fail again (Python
    would print a traceback for that and exit 120)."""

    def __init__(self, stream: Any, *, fatal: bool, owner: _Guarded | None = None) -> None:
        self._closed = stream is None  # the descriptor was closed when Python started
        # A stand-in with an encoding, so click's stream checks pass; it also takes the free
        # descriptor, so no file this run opens can end up as fd 1 or 2. Open for the process.
        stand_in = open(os.devnull, "w", encoding="utf-8") if stream is None else None  # noqa: SIM115
        self._stream = stand_in or stream
        self._fatal = fatal
        self._owner = owner or self  # `buffer` shares its text stream's state
        self.failed = False

    def write(self, data: Any) -> int:
        owner = self._owner
        if owner.failed:
            return len(data)
        if not data:  # nothing to lose; click probes streams with empty writes (and writing
            try:  # nothing to /dev/full fails)
                return int(self._stream.write(data))
            except OSError:
                return 0
        if owner._closed:
            owner._fail(None)
            return len(data)
        try:
            written: int = self._stream.write(data)
        except OSError as error:
            owner._fail(error)
            return len(data)
        return written

    def flush(self) -> None:
        if self._owner.failed:
            return
        try:
            self._stream.flush()
        except OSError as error:
            self._owner._fail(error)

    def _fail(self, error: OSError | None) -> None:
        self.failed = True
        if not self._closed:
            replay.discard(self._stream)
        if self._fatal:
            raise _Unwritable(error)

    @property
    def buffer(self) -> _Guarded:
        return _Guarded(self._stream.buffer, fatal=self._fatal, owner=self)

    def __getattr__(self, name: str) -> Any:  # encoding, isatty, fileno, ...
        return getattr(self._stream, name)


def unwritable(error: OSError | None) -> NoReturn:
    """End a run whose stdout failed: one line on stderr and exit 2; quietly 1 when the reader
    left (`essaylint … | head`), as click ends such a run."""
    if error is not None and error.errno == errno.EPIPE:
        sys.exit(EXIT_FINDINGS)
    from essaylint.base.files import os_reason

    reason = "standard output is closed" if error is None else os_reason(error)
    _say(f"essaylint: cannot write the output: {reason}")
    sys.exit(EXIT_ERROR)


class DefaultGroup(click.Group):
    """`essaylint PATHS...` means `essaylint check PATHS...`."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h", "--version"):
            args = ["check", *args]
        return super().parse_args(ctx, args)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        """The command with guarded streams (`_Guarded`); stdout is flushed before it ends,
        so a report held in the buffer fails here, not unseen while Python exits."""
        saved = sys.stdout, sys.stderr
        sys.stdout = _Guarded(sys.stdout, fatal=True)
        sys.stderr = _Guarded(sys.stderr, fatal=False)
        try:
            try:
                return super().__call__(*args, **kwargs)
            finally:
                sys.stdout.flush()
        except _Unwritable as failed:
            unwritable(failed.error)
        finally:
            sys.stdout, sys.stderr = saved


def _say(line: str) -> None:
    """One line on stderr, dropped when stderr cannot take it (the exit code still tells)."""
    try:
        click.echo(line, err=True)
    except OSError:  # outside a guarded command: a replay that failed
        if sys.stderr is not None:
            replay.discard(sys.stderr)


def _fail(message: str) -> NoReturn:
    _say(f"essaylint: {printable(message)}")
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
    from essaylint.linting.registry import (
        PluginError,
        known_without_loading,
        load_rules,
        unknown_selectors,
    )

    if all(known_without_loading(selector) for selector in selectors):
        return  # a code or built-in tag: no rule module needs importing to know it
    try:
        rules = load_rules()
    except PluginError as error:
        _fail(str(error))
    unknown = unknown_selectors(selectors, rules)
    if unknown:
        _fail(f"{option}: unknown rule, code or tag '{unknown[0]}' (see 'essaylint rules')")


def _run(
    paths: Sequence[str],
    config: str | None,
    overrides: dict[str, Any],
    *,
    jobs: int | None = None,
    no_cache: bool = False,
    cache_dir: str | None = None,
    quiet: bool = False,
    force_exclude: bool = False,
    sections: bool = True,
) -> list[Any]:
    from essaylint.api import lint_paths
    from essaylint.linting.registry import PluginError
    from essaylint.reporters.progress import ProgressLine, wanted
    from essaylint.running.config import ConfigError

    cache = None
    if not no_cache:
        from essaylint.running.cache import ResultCache
        from essaylint.running.cache import cache_dir as find_cache_dir

        cache = ResultCache(find_cache_dir(cache_dir))
    progress = ProgressLine(sys.stderr) if wanted(sys.stderr, quiet=quiet) else None
    results: list[Any] = []
    failure: str | None = None
    try:
        results = lint_paths(
            paths,
            config=config or None,
            overrides=overrides,
            cache=cache,
            jobs=jobs,
            progress=progress,
            force_exclude=force_exclude,
            sections=sections,
        )
    except (ConfigError, PluginError) as error:
        failure = str(error)
    finally:
        if progress is not None:
            progress.close()  # before any message, so it starts on a clean line
    if failure is not None:
        _fail(failure)
    if not results and force_exclude:  # pre-commit passed only excluded files: nothing to do
        if not quiet:
            click.echo("essaylint: nothing to check: every file given is excluded", err=True)
        sys.exit(EXIT_CLEAN)
    if not results:
        _fail("no Markdown files found in " + ", ".join(paths))
    _report_errors(results)
    return results


def _report_errors(results: Sequence[Any]) -> None:
    """One line per file that could not be checked; a broken config once, for all its files."""
    broken_configs: set[str] = set()
    for result in results:
        if result.error is None:
            continue
        if result.config_error:  # the message names the config file and the key
            if result.error not in broken_configs:
                broken_configs.add(result.error)
                click.echo(f"essaylint: {printable(result.error)}", err=True)
            continue
        click.echo(f"essaylint: {printable_path(result.path)}: {printable(result.error)}", err=True)


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


def _run_fixes(
    paths: Sequence[str],
    config: str | None,
    overrides: dict[str, Any],
    *,
    unsafe: bool,
    write: bool,
    force_exclude: bool = False,
) -> list[Any]:
    """Like `_run`, through running.fixes: each file fixed in memory, saved with `write`."""
    from essaylint.linting.registry import PluginError
    from essaylint.running.config import ConfigError
    from essaylint.running.finder import ConfigFinder
    from essaylint.running.fixes import fix_paths

    try:
        finder = ConfigFinder(Path(config) if config else None)
        outcomes = fix_paths(
            paths, finder, overrides, unsafe=unsafe, write=write, force_exclude=force_exclude
        )
    except (ConfigError, PluginError) as error:
        _fail(str(error))
    if not outcomes:
        _fail("no Markdown files found in " + ", ".join(paths))
    _report_errors([outcome.result for outcome in outcomes])
    return outcomes


def _fixed_line(verb: str, outcomes: Sequence[Any]) -> str:
    fixed = sum(o.fixed for o in outcomes)
    files = sum(1 for o in outcomes if o.fixed)
    findings = f"{fixed} finding{'' if fixed == 1 else 's'}"
    return f"{verb} {findings} ({files} file{'' if files == 1 else 's'})."


def _show_diff(outcomes: Sequence[Any]) -> NoReturn:
    """`--diff`: what `--fix` would change, as a unified diff; exit 1 when there is any."""
    from essaylint.running.fixes import unified_diff

    changed = [o for o in outcomes if o.changed]
    for outcome in changed:
        sys.stdout.write(unified_diff(outcome.path, outcome.source.text, outcome.text))
    sys.stdout.flush()
    if changed:
        click.echo(_fixed_line("Would fix", changed), err=True)
    if any(o.result.error is not None for o in outcomes):
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_FINDINGS if changed else EXIT_CLEAN)


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


class _Score(click.FloatRange):
    """0-100; NaN too is refused (FloatRange lets it through: every comparison with it is
    false, so `--fail-under nan` would never fail anything)."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        number = super().convert(value, param, ctx)
        if math.isnan(number):
            self.fail(f"{value!r} is not a number.", param, ctx)
        return number


_FAIL_UNDER = _Score(0, 100)


def _paths_given(ctx: click.Context, param: click.Parameter, paths: tuple[str, ...]) -> Any:
    """An empty argument (`essaylint check "$UNSET"`) would mean the current folder to
    pathlib: a usage error instead, before anything is read."""
    if any(path == "" for path in paths):
        _fail("empty path argument: name a file or folder ('.' for the current folder)")
    return paths


def _many_files_options(command: Any) -> Any:
    """`-j/--jobs`, `--no-cache`, `--cache-dir`, `-q/--quiet`, `--force-exclude`."""
    options = [
        click.option(
            "-j",
            "--jobs",
            type=click.IntRange(min=1),
            help="Processes to use (default: one per core for more than 8 files; 1: this one).",
        ),
        click.option("--no-cache", is_flag=True, help="Neither read nor write the cache."),
        click.option(
            "--cache-dir",
            type=click.Path(file_okay=False),
            help="Cache folder (default: $ESSAYLINT_CACHE_DIR or ./.essaylint_cache).",
        ),
        click.option("-q", "--quiet", is_flag=True, help="No progress line and no summary line."),
        click.option(
            "--force-exclude", is_flag=True, help="Apply `exclude` to files named explicitly too."
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _render_quiet(output_format: str, results: Sequence[Any], out: Any, **options: Any) -> None:
    """`--quiet`: the report without the summary line text and concise end with."""
    import io

    from essaylint.reporters.concise import summary_line

    buffer = io.StringIO()
    render(output_format, results, buffer, **options)
    text = buffer.getvalue()
    summary = summary_line(results, unsafe_fixes=options.get("unsafe_fixes", False)) + "\n"
    if output_format in ("text", "concise") and text.endswith(summary):
        text = text[: -len(summary)]
    out.write(text)


@click.group(cls=DefaultGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="essaylint")
def main() -> None:
    """Lint Korean job-application essays (자기소개서) written in Markdown.

    `essaylint PATHS...` is short for `essaylint check PATHS...`.
    """
    _tune_garbage_collector()


def _tune_garbage_collector() -> None:
    """A run allocates millions of short-lived tokens and spans with no reference cycles among
    them; the default collector keeps rescanning the survivors, which makes a 10 MB file
    slower per byte than a small one. Freeze what start-up made and collect far less often."""
    import gc

    gc.freeze()
    gc.set_threshold(100_000, 50, 100)


@main.command()
@click.argument("paths", nargs=-1, required=True, callback=_paths_given)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(FORMATS),
    default="text",
    help="Output format; text shows each finding's source line (concise: one line each).",
)
@click.option("--select", multiple=True, help="Rules to use (codes, names, tags; comma-separated).")
@click.option("--extend-select", multiple=True, help="Rules to add to the selection.")
@click.option("--ignore", multiple=True, help="Rules to skip (codes, names, tags).")
@click.option("--count", type=_COUNT_CHOICE, help="How to count characters (default: chars).")
@click.option("--strict", is_flag=True, help="Warnings fail too (exit 1).")
@click.option("--fail-under", type=_FAIL_UNDER, help="Exit 1 when a score is lower.")
@click.option("--config", type=click.Path(dir_okay=False), help="Use this config file only.")
@click.option("--fix", is_flag=True, help="Apply safe fixes, then report what is left.")
@click.option(
    "--unsafe-fixes", is_flag=True, help="Apply unsafe fixes too (else only show them as fixable)."
)
@click.option("--diff", is_flag=True, help="Print what --fix would change; write nothing.")
@_many_files_options
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
    fix: bool,
    unsafe_fixes: bool,
    diff: bool,
    jobs: int | None,
    no_cache: bool,
    cache_dir: str | None,
    quiet: bool,
    force_exclude: bool,
) -> None:
    """Check essays: empty and stub answers, limits, placeholders, duplicates."""
    overrides = _overrides(select, extend_select, ignore, count)
    fixing = {"unsafe": unsafe_fixes, "force_exclude": force_exclude}
    if diff:
        _show_diff(_run_fixes(paths, config, overrides, write=False, **fixing))
    fixes: list[Any] = []
    if fix:
        fixes = _run_fixes(paths, config, overrides, write=True, **fixing)
        results = [outcome.result for outcome in fixes]
    else:
        replay.note_run(paths, config, cache_dir)
        results = _run(
            paths,
            config,
            overrides,
            jobs=jobs,
            no_cache=no_cache,
            cache_dir=cache_dir,
            quiet=quiet,
            force_exclude=force_exclude,
            sections=output_format in WITH_SECTIONS,
        )
        replay.note_results(results)
    out = sys.stdout
    stdin = next((o for o in fixes if o.path == "-" and o.result.error is None), None)
    if stdin is not None:  # the fixed text goes to stdout, as ruff does; the report to stderr
        sys.stdout.flush()
        sys.stdout.buffer.write(stdin.data)
        sys.stdout.buffer.flush()
        out = sys.stderr
    (_render_quiet if quiet else render)(
        output_format,
        results,
        out,
        color=_use_color(out),
        strict=strict,
        unsafe_fixes=unsafe_fixes,
    )
    if any(o.fixed for o in fixes) and not quiet:
        click.echo(_fixed_line("Fixed", fixes), err=True)
    sys.exit(_exit_code(results, strict, fail_under))


@main.command()
@click.argument("paths", nargs=-1, required=True, callback=_paths_given)
@click.option("--details", is_flag=True, help="Every question with its state and count/limit.")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text")
@click.option("--count", type=_COUNT_CHOICE, help="How to count characters (default: chars).")
@click.option("--fail-under", type=_FAIL_UNDER, help="Exit 1 when a score is lower.")
@click.option("--config", type=click.Path(dir_okay=False), help="Use this config file only.")
@_many_files_options
def score(
    paths: tuple[str, ...],
    details: bool,
    output_format: str,
    count: str | None,
    fail_under: float | None,
    config: str | None,
    jobs: int | None,
    no_cache: bool,
    cache_dir: str | None,
    quiet: bool,
    force_exclude: bool,
) -> None:
    """Completeness per document: answered/total and score."""
    replay.note_run(paths, config, cache_dir)
    results = _run(
        paths,
        config,
        _overrides((), (), (), count),
        jobs=jobs,
        no_cache=no_cache,
        cache_dir=cache_dir,
        quiet=quiet,
        force_exclude=force_exclude,
    )
    replay.note_results(results)
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
@click.argument("paths", nargs=-1, required=True, callback=_paths_given)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, allow_dash=True),
    default="essaylint-report.html",
    show_default=True,
    help="Where to write the HTML page (- for stdout).",
)
@click.option("--count", type=_COUNT_CHOICE, help="How to count characters (default: chars).")
@click.option("--config", type=click.Path(dir_okay=False), help="Use this config file only.")
def report(paths: tuple[str, ...], output: str, count: str | None, config: str | None) -> None:
    """Write a self-contained HTML report.

    One page: per document its score and what is left to do, every question with its state,
    fill bar and findings, and the values matrix. Nothing is loaded from the network.
    """
    from essaylint.reporters import html

    results = _run(paths, config, _overrides((), (), (), count))
    page = html.build_html(results)
    if output == "-":
        sys.stdout.write(page)
    else:
        try:  # never over an essay being checked, nor a file that is not an old report
            html.write_page(page, output, [*paths, *(r.path for r in results)])
        except html.PageError as error:
            _fail(f"{printable_path(output)}: {error}")
        written = f"{len(results)} file{'' if len(results) == 1 else 's'}"
        click.echo(f"wrote {printable_path(output)} ({written})")
    sys.exit(EXIT_ERROR if any(r.error is not None for r in results) else EXIT_CLEAN)


@main.command()
@click.option(
    "--path",
    "folder",
    type=click.Path(),
    default=".",
    help="The folder to write essaylint.toml into (default: the current folder).",
)
def init(folder: str) -> None:
    """Write a commented starter essaylint.toml (never overwrites one)."""
    from essaylint.cli.init import InitError, write_config

    try:
        written = write_config(Path(folder))
    except InitError as error:
        _fail(str(error))
    click.echo(f"wrote {written}: a starter config (defaults active, every other key commented)")


@main.command()
def rules() -> None:
    """List the installed rules."""
    from essaylint.linting.registry import PluginError, is_builtin, load_rules

    try:
        installed = load_rules()
    except PluginError as error:
        _fail(str(error))
    out = sys.stdout
    name_w = max([len("name"), *(len(r.name) for r in installed.values())])
    tags_w = max([len("tags"), *(len(",".join(r.tags) or "-") for r in installed.values())])
    out.write(
        f"{'code':<7} {'name':<{name_w}} {'severity':<8} {'default':<7} {'fixable':<7} "
        f"{'tags':<{tags_w}} summary\n"
    )
    for rule in installed.values():
        default = "on" if rule.default_enabled and is_builtin(rule) else "off"
        fixable = "yes" if rule.fixable else "no"
        tags = ",".join(rule.tags) or "-"
        out.write(
            f"{rule.code:<7} {rule.name:<{name_w}} {rule.severity:<8} {default:<7} {fixable:<7} "
            f"{tags:<{tags_w}} {rule.summary}\n"
        )


@main.command()
@click.argument("rule")
def explain(rule: str) -> None:
    """Show a rule's documentation (by code or name)."""
    from essaylint.linting.registry import PluginError, find_rule, load_rules

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
    from essaylint.linting.explain import describe

    click.echo(describe(found))


@main.command()
@click.argument("which", type=click.Choice(["config", "report"]), default="config")
def schema(which: str) -> None:
    """Print the JSON schema of the config file or of `--format json` output."""
    import json

    if which == "report":
        from essaylint.reporters.json_schema import ReportModel

        data = ReportModel.model_json_schema()
    else:
        from pydantic import TypeAdapter

        from essaylint.running.config import Settings

        data = TypeAdapter(Settings).json_schema()
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


@main.command()
@click.option("--stdio", is_flag=True, default=True, help="Talk over stdin/stdout (the default).")
def server(stdio: bool) -> None:
    """Run the Language Server for editors (LSP over stdio).

    Diagnostics as you type, counts per question, hover, fixes: README, "Editor (Language
    Server)". Editors start it; it is not meant to be run by hand.
    """
    from essaylint.server.app import run

    run()


if __name__ == "__main__":  # pragma: no cover
    main()

"""Runs the selected rules over one document and stamps their hits into findings.

The engine, not the plugin, adds path, code, name, severity and the question path, applies
suppression comments and sorts; a crashing plugin becomes a one-line error for that file.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache, partial
from pathlib import Path
from typing import Any

from essaylint.base.patterns import compile_pattern
from essaylint.linting.plugin import (
    Hit,
    Rule,
    RuleConfigError,
    RuleContext,
    RuleOptions,
    RuleUnavailable,
)
from essaylint.linting.registry import find_rule, load_rules, matches, select_rules
from essaylint.linting.results import FileResult, Finding, SectionReport
from essaylint.linting.score import Assessment, Thresholds, assess
from essaylint.reading.counting import count
from essaylint.reading.limits import Limit, limit_from_directive
from essaylint.reading.model import Document, Section
from essaylint.reading.suppress import is_suppressed, parse_suppressions
from essaylint.running.config import ConfigError, Settings, unknown_key_hint

VALUE_RULES = frozenset({"EL401", "EL402"})  # their coverage matrix goes into the results


class RuleCrash(RuntimeError):
    """A rule raised: reported as a one-line error for the file being checked."""


@dataclass(frozen=True, slots=True)
class ResolvedRule:
    rule: Rule
    options: RuleOptions
    severity: str
    configured: bool = False  # the user set this severity: it wins over a finding's own


def _validate_options(rule: Rule, table: dict[str, Any], origin: str) -> RuleOptions:
    """A user's `[rules.<name>]` table -> the rule's Options (pydantic only when there is one)."""
    if not table:
        return rule.options()
    from pydantic import TypeAdapter, ValidationError

    prefix = f"{origin}: rules.{rule.name}"
    try:
        adapter: TypeAdapter[RuleOptions] = TypeAdapter(rule.options)
        options = adapter.validate_python(table)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        if first["type"] in ("extra_forbidden", "unexpected_keyword_argument"):
            known = {f for f in rule.options.__dataclass_fields__ if not f.startswith("_")}
            raise ConfigError(
                f"{prefix}.{where}: {unknown_key_hint(str(first['loc'][-1]), known | {'severity'})}"
            ) from None
        raise ConfigError(f"{prefix}.{where}: {first['msg'].lower()}") from None
    except TypeError:
        # A user-defined Options that pydantic cannot build: instantiate directly.
        try:
            options = rule.options(**table)
        except TypeError as error:
            raise ConfigError(f"{prefix}: {error}") from None
    try:
        options.validate()
    except ValueError as error:
        raise ConfigError(f"{prefix}.{error}") from None
    return options


_RESOLVED: dict[int, tuple[Settings, dict[str, ResolvedRule]]] = {}


def resolve_rules(settings: Settings) -> dict[str, ResolvedRule]:
    """Options and severity for every installed rule under these settings (cached)."""
    cached = _RESOLVED.get(id(settings))
    if cached is not None and cached[0] is settings:
        return cached[1]
    rules = load_rules()
    origin = settings.source or "config"
    tables: dict[str, dict[str, Any]] = {}
    for key, table in settings.rules.items():
        rule = find_rule(key, rules)
        if rule is None:
            names = {r.name for r in rules.values()} | set(rules)
            raise ConfigError(f"{origin}: rules.{key}: {unknown_key_hint(key, names, 'rule')}")
        tables[rule.code] = {**tables.get(rule.code, {}), **table}
    resolved: dict[str, ResolvedRule] = {}
    for code, rule in rules.items():
        table = dict(tables.get(code, {}))
        configured = "severity" in table
        severity = table.pop("severity", rule.severity)
        if severity not in ("error", "warning", "info"):
            raise ConfigError(
                f"{origin}: rules.{rule.name}.severity: must be error, warning or info"
            )
        options = _validate_options(rule, table, origin)
        resolved[code] = ResolvedRule(rule, options, severity, configured)
    _RESOLVED[id(settings)] = (settings, resolved)
    return resolved


def _thresholds(resolved: dict[str, ResolvedRule]) -> Thresholds:
    values: dict[str, Any] = {}
    for code, key in (("EL102", "min_chars"), ("EL202", "min_fill")):
        entry = resolved.get(code)
        if entry is not None:
            values[key] = getattr(entry.options, key)
    entry = resolved.get("EL103")
    if entry is not None:
        compiled = getattr(entry.options, "compiled", None)
        values["placeholder"] = compiled() if callable(compiled) else None
    return Thresholds(**values)


def _limit_resolver(
    settings: Settings, front_matter: dict[str, Any]
) -> Callable[[Section], Limit | None]:
    """Where a question's limit comes from: comment, heading, front matter, config, default."""
    front_limits = front_matter.get("limits")
    nested = front_matter.get("essaylint")
    if front_limits is None and isinstance(nested, dict):
        front_limits = nested.get("limits")
    front_keys = set(front_limits) if isinstance(front_limits, dict) else set()
    patterns = [(_title_pattern(k), str(v), k in front_keys) for k, v in settings.limits.items()]
    cache: dict[int, Limit | None] = {}

    def resolve(section: Section) -> Limit | None:
        key = id(section)
        if key in cache:
            return cache[key]
        limit = section.limit
        if limit is None:
            for pattern, value, from_front in patterns:
                if _matches_a_title(pattern, section.titles, from_front):
                    found = limit_from_directive(f"essaylint: limit={value}")
                    if found is not None:
                        source = "front-matter" if from_front else "config"
                        limit = replace(found, source=source, notation=pattern.pattern)
                        break
        if limit is None and settings.default_limit is not None:
            limit = Limit(max=settings.default_limit, source="config", notation="default_limit")
        cache[key] = limit
        return limit

    return resolve


# A title pattern comes from a config file or, worse, from any document's front matter: one
# with nested repetition (`^(a+)+$`) could hang the run on a crafted title.
_PATTERN_SECONDS = 0.5


def _title_pattern(source: str) -> Any:
    import regex  # the `re` module has no timeout

    try:
        return regex.compile(source)
    except regex.error:
        return compile_pattern(source)  # already validated with `re` when the config was read


def _matches_a_title(pattern: Any, titles: tuple[str, ...], from_front: bool) -> bool:
    try:
        if isinstance(pattern, re.Pattern):
            return any(pattern.search(t) for t in titles)
        return any(pattern.search(t, timeout=_PATTERN_SECONDS) for t in titles)
    except TimeoutError:
        where = "front matter" if from_front else "config"
        raise ConfigError(
            f"{where}: limits: pattern '{pattern.pattern}' takes too long to match a title "
            "(nested repetition such as (a+)+?)"
        ) from None


UNTITLED = "(제목 없음)"


def _section_label(section: Section | None) -> str:
    """The question's heading path, as output names it: `회사 > 질문`."""
    if section is None:
        return ""
    return _path_label(section.path)


@lru_cache(maxsize=4096)
def _path_label(path: tuple[str, ...]) -> str:
    """Cached: a section is named by every finding in it and by its report."""
    return " > ".join(title or UNTITLED for title in path)


_SELECTED: dict[tuple[int, int], tuple[Settings, dict[str, Rule], list[Rule]]] = {}


def _selected_rules(settings: Settings, rules: dict[str, Rule]) -> list[Rule]:
    """The rules these settings select (cached like `resolve_rules`: one settings object
    serves every file under one config)."""
    key = (id(settings), id(rules))
    cached = _SELECTED.get(key)
    if cached is not None and cached[0] is settings and cached[1] is rules:
        return cached[2]
    chosen = select_rules(rules, settings.select, settings.extend_select, settings.ignore)
    if len(_SELECTED) >= 256:
        _SELECTED.clear()
    _SELECTED[key] = (settings, rules, chosen)
    return chosen


def lint_document(
    document: Document, path: str, settings: Settings, lines: list[str]
) -> FileResult:
    """Run rules on a parsed document; `lines` are the original lines (for suppressions)."""
    result = FileResult(
        path=path,
        notes=list(document.notes),
        strict=settings.strict,
        fail_under=settings.fail_under,
    )
    resolved = resolve_rules(settings)
    newline = settings.newline

    def count_text(text: str, mode: Any) -> int:
        return count(text, mode, newline=newline)

    thresholds = _thresholds(resolved)
    limit_for = _limit_resolver(settings, document.front_matter)
    # Judging a question needs counting and limits, not the rules' context: a closure over that
    # context, which holds the closure, would be a reference cycle keeping every document alive
    # until a garbage collection (one found ~90,000 such objects at once per ~300 files).
    measure = RuleContext(
        path, count_text=count_text, default_mode=settings.count, limit_for=limit_for
    )
    assessed: dict[int, Assessment] = {}

    def assess_once(section: Section) -> Assessment:
        found = assessed.get(id(section))
        if found is None:
            found = assessed[id(section)] = assess(section, measure, thresholds)
        return found

    ctx = RuleContext(
        path,
        assess=assess_once,
        count_text=count_text,
        default_mode=settings.count,
        limit_for=limit_for,
        settings=settings,
        base_dir=settings.base_dir or (Path(path).parent if path != "-" else Path.cwd()),
        lines=lines,
    )
    rules = load_rules()
    selected = _selected_rules(settings, rules)
    suppressions = parse_suppressions(
        document.comments, lines, document.line_count, partial(_canonical_selector, rules)
    )
    from essaylint.korean.model import model_allowed

    # Code outside the model rules (the target company read from the text) may use the model
    # only when a selected rule needs it: `--ignore model` never loads it.
    allowed = model_allowed.set(any("model" in rule.tags for rule in selected))
    try:
        findings: list[Finding] = []
        for rule in selected:
            entry = resolved[rule.code]
            try:
                hits = list(rule.check(document, entry.options, ctx))
            except RuleConfigError as error:
                raise ConfigError(str(error)) from None
            except ConfigError:
                raise  # a setting the rule read through the context (a runaway limits pattern)
            except RuleUnavailable as error:
                result.notes.append(f"{rule.code} {rule.name} skipped: {error}")
                continue
            except Exception as error:  # a plugin bug must not hide the other files' results
                raise RuleCrash(
                    f"rule {rule.code} {rule.name} crashed: {type(error).__name__}: {error}"
                ) from error
            for hit in hits:
                if suppressions and is_suppressed(suppressions, hit.line, partial(matches, rule)):
                    continue
                if suppressions and hit.fix_also:  # a fix never touches a suppressed line
                    kept = tuple(
                        edit
                        for edit in hit.fix_also
                        if not is_suppressed(suppressions, edit.line, partial(matches, rule))
                    )
                    hit = replace(hit, fix_also=kept)
                severity = entry.severity
                if hit.severity is not None and not entry.configured:
                    severity = hit.severity
                findings.append(_finding(hit, rule, severity, path))
        result.findings = _one_per_place(findings)
        if any(rule.code in VALUE_RULES for rule in selected):
            from essaylint.values import known_values, value_coverage

            result.coverage = value_coverage(document, settings, lines=lines)
            result.notes.extend(known_values(document, settings, lines=lines).notes())
        assessments = [assess_once(q) for q in document.questions()]
        by_section = {id(a.section): a for a in assessments}
        result.sections = [_report(s, by_section.get(id(s))) for s in document.walk()]
        result.questions = len(assessments)
        result.answered = sum(1 for a in assessments if a.answered)
        result.complete = sum(1 for a in assessments if a.complete)
    finally:
        model_allowed.reset(allowed)
    return result


def _one_per_place(findings: list[Finding]) -> list[Finding]:
    """Sorted, each problem once: a rule reading a question and one of its parts (or two
    overlapping blocks) must not report the same place twice; the first, outermost wins."""
    findings.sort()
    seen: set[tuple[object, ...]] = set()
    unique: list[Finding] = []
    for finding in findings:
        key = (
            finding.code,
            finding.line,
            finding.col,
            finding.end_line,
            finding.end_col,
            finding.message,
        )
        if key not in seen:
            seen.add(key)
            unique.append(finding)
    return unique


def _canonical_selector(rules: dict[str, Rule], selector: str) -> str:
    """One key per rule: a name, alias or code of the same rule gives its code."""
    found = find_rule(selector, rules)
    return found.code if found is not None else selector


def _finding(hit: Hit, rule: Rule, severity: str, path: str) -> Finding:
    return Finding(
        path=path,
        line=hit.line,
        col=hit.col,
        code=rule.code,
        name=rule.name,
        severity=severity,  # type: ignore[arg-type]
        message=hit.message,
        section=_section_label(hit.section),
        end_line=hit.end_line if hit.end_line is not None else hit.line,
        end_col=hit.end_col if hit.end_col is not None else hit.col,
        suggestion=hit.suggestion,
        fix=hit.fix,
        fix_also=hit.fix_also,
    )


def _report(section: Section, assessment: Assessment | None) -> SectionReport:
    if assessment is None:  # groups, references, parts: no answer state
        state = count = limit = minimum = mode = source = None
    else:
        state, count, mode = assessment.state, assessment.count, assessment.mode
        found = assessment.limit
        if found is not None:
            limit, minimum, source = found.max, found.min, found.source
        else:
            limit = minimum = source = None
    return SectionReport(
        title=section.title,
        line=section.heading_line,
        kind=section.kind,
        level=section.level,
        path=_section_label(section),
        style=section.style,
        state=state,
        count=count,
        limit=limit,
        min=minimum,
        mode=mode,
        limit_source=source,
        alt_titles=section.alt_titles,
    )


def outline_options(settings: Settings) -> dict[str, Any]:
    return {
        "stacked": settings.stacked_headings,
        "reference_titles": settings.reference_titles,
        "question_style": settings.question_style,
    }


__all__ = ["RuleCrash", "lint_document", "outline_options", "resolve_rules"]

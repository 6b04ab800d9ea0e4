"""Coverage-guided fuzzing of the parser front end with atheris (see fuzz/README.md).

Each input is file bytes and goes the way a file goes in `essaylint check`: `source.decode`,
`document.build_document`, front matter applied, then `engine.lint_document` with every rule
that needs no language model (kiwipiepy is slow to load and not what is being fuzzed), and the
result rendered as text and JSON. `runner.lint_source` is not used because it turns every
exception into a one-line file error, which would hide the crashes this is looking for.

A crash is any exception except the documented per-file errors (`SourceError` from decoding,
`DocumentError` and `ConfigError` from front matter or essaylint comments), or a broken
invariant: decoding must round-trip through `source.encode`, error messages are one line, every
finding lies inside the file with a one-line message, and a finding that quotes text ('OOO')
spans exactly that text in the file (after NFC).

    .venv/bin/pip install -e '.[fuzz]'
    .venv/bin/python fuzz/fuzz_parser.py -max_total_time=60 fuzz/corpus
"""

from __future__ import annotations

import io
import re
import sys
import unicodedata

import atheris  # type: ignore[import-untyped, import-not-found, unused-ignore]

# Everything the pipeline imports lazily is imported (and one document linted) inside this
# block, so all of it is instrumented for coverage.
with atheris.instrument_imports(include=["essaylint", "markdown_it", "mdit_py_plugins"]):
    from essaylint.running.config import ConfigError, Settings, apply_front_matter
    from essaylint.reading.parsed import DocumentError
    from essaylint.reading.document import build_document
    from essaylint.running.engine import lint_document, outline_options
    from essaylint.linting.registry import load_rules
    from essaylint.reporters import json as json_reporter
    from essaylint.reporters import text as text_reporter
    from essaylint.linting.results import FileResult
    from essaylint.reading.source import SourceError, SourceText, decode, encode

    load_rules()

PATH = "fuzz.md"
SETTINGS = Settings(
    ignore=("model",),
    extend_select=("EL404",),  # blind-hiring is off by default
    company="kakao",
    blind=True,
)
EXPECTED = (SourceError, DocumentError, ConfigError)


def lint(source: SourceText) -> FileResult:
    """`runner.lint_source` without its catch-all."""
    settings = SETTINGS
    document = build_document(source.text, **outline_options(settings))
    if document.front_matter:
        merged = apply_front_matter(settings, document.front_matter, PATH)
        if outline_options(merged) != outline_options(settings):
            document = build_document(source.text, **outline_options(merged))
        settings = merged
    result = lint_document(document, PATH, settings, source.lines)
    result.lines = tuple(source.lines)
    return result


QUOTED = re.compile(r"'([^']+)'")


def check_invariants(source: SourceText, data: bytes, result: FileResult) -> None:
    assert encode(source, source.text) == data, "decode does not round-trip"
    lines = source.lines
    for finding in result.findings:
        where = f"{finding.code} {finding.line}:{finding.col}-{finding.end_line}:{finding.end_col}"
        assert 1 <= finding.line <= max(len(lines), 1), f"{where}: line outside the file"
        assert finding.line <= finding.end_line <= max(len(lines), 1), f"{where}: bad end line"
        if lines:
            assert 1 <= finding.col <= len(lines[finding.line - 1]) + 1, f"{where}: bad column"
            assert finding.end_col <= len(lines[finding.end_line - 1]) + 1, f"{where}: bad end"
        assert finding.end_line > finding.line or finding.end_col >= finding.col, where
        assert "\n" not in finding.message and "\r" not in finding.message, where
        quoted = QUOTED.search(finding.message)
        if quoted and finding.end_line == finding.line and finding.end_col > finding.col:
            span = lines[finding.line - 1][finding.col - 1 : finding.end_col - 1]
            nfc = unicodedata.normalize("NFC", span)
            assert nfc == unicodedata.normalize("NFC", quoted[1]), f"{where}: {span!r}"
    assert 0.0 <= result.score <= 100.0, result.score
    assert 0 <= result.complete <= result.answered <= result.questions


def test_one_input(data: bytes) -> None:
    try:
        source = decode(data)
        result = lint(source)
    except EXPECTED as error:
        message = str(error)
        assert message and "\n" not in message, f"not one line: {message!r}"
        return
    check_invariants(source, data, result)
    text_reporter.render([result], io.StringIO(), color=False)
    json_reporter.render([result], io.StringIO())


with atheris.instrument_imports(include=["essaylint", "markdown_it", "mdit_py_plugins"]):
    # Warm-up: modules imported on first use are imported now, inside the instrumented block.
    test_one_input(
        "---\ncompany: 카카오\n---\n# 지원 동기 (500자)\n<!-- essaylint: limit=100 -->\n"
        "저는 OOO에서 역활을 맡았습니다.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n".encode()
    )


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()

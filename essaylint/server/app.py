"""The Language Server: open Markdown documents checked as they are typed, over stdio.

Features (README, "Editor (Language Server)"): diagnostics pushed with the document version,
per-question counts as inlay hints and code lenses, the `essaylint/status` notification, hover
on a question and on a finding, code actions (a finding's fix, `source.fixAll.essaylint`, add
a word, disable a rule for a line), document symbols, and config files watched.

Never dies: a handler that raises logs one line on stderr and the request gets an error or an
empty answer; a document that cannot be checked gets one diagnostic on line 1 saying why.
"""

from __future__ import annotations

import asyncio
import logging
import sys
from pathlib import Path
from typing import Any, BinaryIO

from lsprotocol import types as lsp
from pygls.lsp.server import LanguageServer
from pygls.workspace import TextDocument

from essaylint import __version__
from essaylint.api import FileResult, Finding, Settings, answer_counts, fix_text
from essaylint.base.patterns import compile_pattern
from essaylint.server import convert, edits
from essaylint.server.checks import (
    Checked,
    DocumentChecks,
    carry_model_findings,
    check_fast,
    fast_settings,
    in_thread,
)
from essaylint.server.convert import Lines
from essaylint.server.settings import MODEL_PAUSE_MS, ConfigCache, EditorSettings
from essaylint.server.worker import ModelWorker

log = logging.getLogger("essaylint.server")

MAX_BUFFER_BYTES = 2 * 1024 * 1024
"""Documents larger than this (UTF-8) are not checked live: one diagnostic says so."""
STATUS = "essaylint/status"
ADD_WORD = "essaylint.addWord"
DISABLE_RULE = "essaylint.disableRule"
FIX_ALL_KIND = "source.fixAll.essaylint"
WORD_RULES = frozenset({"EL302"})  # the rules that accept the project's words file
WATCHED = ("essaylint.toml", ".essaylint.toml", "pyproject.toml", ".essaylint-words.txt")
_LINE_BREAK = compile_pattern(r"\r\n|\r|\n")


class EssaylintServer(LanguageServer):
    """pygls' server with essaylint's state: editor settings, configs, checks per document."""

    def __init__(self) -> None:
        super().__init__("essaylint", __version__, max_workers=2)
        self.editor = EditorSettings()
        self.configs = ConfigCache()
        self.worker = ModelWorker()
        self.checks: dict[str, DocumentChecks] = {}
        self.shown_errors: set[str] = set()
        self.model_codes: frozenset[str] = frozenset()
        self.modules: dict[str, str] = {}  # built-in rule code -> its module (for doc links)

    def report_server_error(self, error: Exception, source: Any) -> None:
        """One line on stderr; no message box for every failure of a background task."""
        log.error("essaylint: %s: %s", type(error).__name__, error)

    # --- documents and their checks ---------------------------------------------------------

    def lines_of(self, text: str) -> Lines:
        codec = self.workspace.position_codec
        lines = _split_lines(text)
        if str(codec.encoding) == str(lsp.PositionEncodingKind.Utf32):
            return Lines(lines)
        return Lines(lines, codec.client_num_units)

    def document(self, uri: str) -> TextDocument | None:
        try:
            return self.workspace.get_text_document(uri)
        except Exception:
            return None

    def schedule(self, uri: str, *, delay_ms: int | None = None) -> None:
        """Check `uri` after the debounce (or `delay_ms`), cancelling what was waiting."""
        state = self.checks.setdefault(uri, DocumentChecks())
        state.cancel()
        delay = self.editor.debounce_ms if delay_ms is None else delay_ms
        state.fast = asyncio.ensure_future(self._check(uri, delay / 1000))

    def recheck_all(self) -> None:
        for uri in list(self.checks):
            self.schedule(uri, delay_ms=0)

    def close(self, uri: str) -> None:
        state = self.checks.pop(uri, None)
        if state is not None:
            state.cancel()
        self.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    async def _check(self, uri: str, delay: float) -> None:
        try:
            if delay:
                await asyncio.sleep(delay)
            await self._check_now(uri)
        except asyncio.CancelledError:
            raise
        except Exception as error:  # never a dead server: one line, the next change retries
            log.error("essaylint: checking %s failed: %s: %s", uri, type(error).__name__, error)

    async def _check_now(self, uri: str) -> None:
        document = self.document(uri)
        state = self.checks.get(uri)
        if document is None or state is None:
            return
        version, text = document.version, document.source
        lines = self.lines_of(text)
        path = document.path if uri.startswith("file:") else uri
        size = len(text.encode("utf-8", "surrogatepass"))
        if size > MAX_BUFFER_BYTES:
            message = (
                f"document too large to check while editing ({size / 1024 / 1024:.1f} MB; the "
                f"limit is {MAX_BUFFER_BYTES // 1024 // 1024} MB): run `essaylint check` on the file"
            )
            log.warning("essaylint: %s: %s", uri, message)
            self._store(uri, state, Checked(version, text, lines, FileResult(path, error=message), path, None))
            return
        found = self.configs.lookup(document.path if uri.startswith("file:") else None, self._root())
        if isinstance(found, str):
            self._config_broken(found)
            result = FileResult(path, error=found, config_error=True)
            self._store(uri, state, Checked(version, text, lines, result, path, None))
            return
        self.shown_errors.clear()
        settings = found if self.editor.model else fast_settings(found)
        fast = await check_fast(text, path, fast_settings(found))
        if self._stale(uri, version):
            return
        if fast.error is not None:
            log.warning("essaylint: %s: %s", uri, fast.error)
        shown = fast
        if self.editor.model:
            shown = carry_model_findings(fast, lines.lines, state.last_full, self.model_codes)
        self._store(uri, state, Checked(version, text, lines, shown, path, settings))
        if self.editor.model and fast.error is None:
            state.model = asyncio.ensure_future(self._check_model(uri, version, text, path, settings))

    async def _check_model(
        self, uri: str, version: int | None, text: str, path: str, settings: Settings
    ) -> None:
        try:
            await asyncio.sleep(MODEL_PAUSE_MS / 1000)
            result = await self.worker.check(
                text, path, settings, lambda: not self._stale(uri, version)
            )
            state = self.checks.get(uri)
            if result is None or state is None or self._stale(uri, version):
                return
            if result.error is not None:
                log.warning("essaylint: %s: %s", uri, result.error)
            checked = Checked(version, text, self.lines_of(text), result, path, settings, full=True)
            state.last_full = checked
            self._store(uri, state, checked)
        except asyncio.CancelledError:
            raise
        except Exception as error:
            log.error("essaylint: model rules on %s failed: %s: %s", uri, type(error).__name__, error)

    def _stale(self, uri: str, version: int | None) -> bool:
        document = self.document(uri)
        return document is None or uri not in self.checks or document.version != version

    def _root(self) -> str | None:
        return self.workspace.root_path

    def _config_broken(self, message: str) -> None:
        """A broken config: one message to the client per distinct problem."""
        if message in self.shown_errors:
            return
        self.shown_errors.add(message)
        log.warning("essaylint: %s", message)
        self.window_show_message(
            lsp.ShowMessageParams(type=lsp.MessageType.Error, message=f"essaylint: {message}")
        )

    def _store(self, uri: str, state: DocumentChecks, checked: Checked) -> None:
        state.checked = checked
        state.counts = None
        self.publish(uri, checked)

    def publish(self, uri: str, checked: Checked) -> None:
        result = checked.result
        code = "config" if result.config_error else "error"
        found = convert.diagnostics(result, result.findings, checked.lines, uri, self.modules)
        if result.error is not None:
            found[0] = convert.error_diagnostic(result.error, code)
        self.text_document_publish_diagnostics(
            lsp.PublishDiagnosticsParams(uri=uri, diagnostics=found, version=checked.version)
        )
        checked_ok = checked.settings is not None and result.error is None
        self.protocol.notify(
            STATUS,
            {
                "uri": uri,
                "score": result.score if checked_ok else None,
                "questions": result.questions,
                "complete": result.complete,
                "text": convert.completeness_label(result) if checked_ok else "essaylint: —",
            },
        )
        self._refresh()

    def _refresh(self) -> None:
        """Ask the client to fetch hints and lenses again, when it says it can."""
        workspace = self.client_capabilities.workspace
        if workspace is None:
            return
        try:
            if workspace.inlay_hint and workspace.inlay_hint.refresh_support:
                self.workspace_inlay_hint_refresh(None)
            if workspace.code_lens and workspace.code_lens.refresh_support:
                self.workspace_code_lens_refresh(None)
        except Exception as error:
            log.warning("essaylint: refresh failed: %s", error)

    def current(self, uri: str) -> Checked | None:
        """The last check of `uri` when it is of the document's current version."""
        state = self.checks.get(uri)
        document = self.document(uri)
        if state is None or state.checked is None or document is None:
            return None
        return state.checked if state.checked.version == document.version else None

    def latest(self, uri: str) -> Checked | None:
        state = self.checks.get(uri)
        return state.checked if state is not None else None

    # --- hover --------------------------------------------------------------------------------

    async def hover(self, uri: str, position: lsp.Position) -> lsp.Hover | None:
        checked = self.current(uri)
        if checked is None or checked.settings is None:
            return None
        line = position.line + 1
        report = next((r for r in convert.questions(checked.result) if r.line == line), None)
        if report is not None:
            state = self.checks[uri]
            if state.counts is None:
                state.counts = await in_thread(answer_counts, checked.text, checked.settings)
            counts = (state.counts or {}).get(line, {})
            return _markdown(convert.heading_hover(report, counts))
        col = checked.lines.code_point(line, position.character)
        here = [f for f in checked.result.findings if _covers(f, line, col)]
        if not here:
            return None
        return _markdown("\n\n---\n\n".join(_explain(f) for f in here))

    # --- code actions -------------------------------------------------------------------------

    async def code_actions(self, params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
        uri = params.text_document.uri
        checked = self.current(uri)
        if checked is None or checked.settings is None or checked.result.error is not None:
            return []  # stale: the next check offers them for the text as it is
        only = params.context.only
        newline = edits.newline_of(checked.text)
        actions: list[lsp.CodeAction] = []
        first, last = params.range.start.line + 1, params.range.end.line + 1
        headings = [r.line for r in checked.result.sections]
        wants_quickfix = only is None or any(_kind_includes(k, "quickfix") for k in only)
        for finding in checked.result.findings if wants_quickfix else ():
            if not first <= finding.line <= last:
                continue
            diagnostic = convert.diagnostic(finding, checked.lines, uri, {}, self.modules)
            if finding.fix is not None:
                fixed = edits.fix_edits(finding, checked.lines, newline)
                title = f"Fix {finding.code}: {finding.message}"
                if not finding.fix.safe:
                    title += " (unsafe)"
                actions.append(
                    lsp.CodeAction(
                        title=title,
                        kind=lsp.CodeActionKind.QuickFix,
                        diagnostics=[diagnostic],
                        is_preferred=finding.fix.safe,
                        edit=edits.versioned(uri, checked.version, fixed),
                    )
                )
            word = edits.finding_text(finding, checked.lines) if finding.code in WORD_RULES else ""
            if word and " " not in word:
                actions.append(
                    lsp.CodeAction(
                        title=f"Add '{word}' to the project's words",
                        kind=lsp.CodeActionKind.QuickFix,
                        diagnostics=[diagnostic],
                        command=lsp.Command(title="Add word", command=ADD_WORD, arguments=[uri, word]),
                    )
                )
            comment = edits.suppression(finding, checked.lines, headings, newline)
            actions.append(
                lsp.CodeAction(
                    title=f"Disable {finding.code} {finding.name} for this line",
                    kind=lsp.CodeActionKind.QuickFix,
                    diagnostics=[diagnostic],
                    edit=edits.versioned(uri, checked.version, [comment]),
                )
            )
        if any(f.fix is not None and f.fix.safe for f in checked.result.findings):
            if only is not None and any(_kind_includes(k, FIX_ALL_KIND) for k in only):
                actions.append(await self.fix_all(uri, checked))
            elif only is None:
                actions.append(
                    lsp.CodeAction(
                        title="Fix all safe essaylint problems",
                        kind=FIX_ALL_KIND,
                        data={"uri": uri, "version": checked.version},
                    )
                )
        return actions

    async def fix_all(self, uri: str, checked: Checked) -> lsp.CodeAction:
        settings = checked.settings or Settings()
        if self.editor.model:
            fixed = await self.worker.fix(checked.text, checked.path, settings)
        else:
            fixed = await in_thread(fix_text, checked.text, checked.path, settings)
        change = edits.whole_change(checked.text, fixed, checked.lines)
        return lsp.CodeAction(
            title="Fix all safe essaylint problems",
            kind=FIX_ALL_KIND,
            edit=edits.versioned(uri, checked.version, change),
        )

    async def resolve(self, action: lsp.CodeAction) -> lsp.CodeAction:
        data = action.data if isinstance(action.data, dict) else {}
        uri = data.get("uri")
        if action.kind != FIX_ALL_KIND or not isinstance(uri, str):
            return action
        checked = self.current(uri)
        if checked is None or checked.version != data.get("version"):
            return action  # stale: no edit (the client applies nothing)
        return await self.fix_all(uri, checked)

    # --- commands -----------------------------------------------------------------------------

    def add_word(self, uri: str, word: str) -> str:
        document = self.document(uri)
        path = document.path if document is not None and uri.startswith("file:") else None
        found = self.configs.lookup(path, self._root())
        if isinstance(found, str):
            raise ValueError(found)
        folder = found.base_dir or (Path(path).parent if path else Path.cwd())
        written = edits.add_word(Path(folder), word)
        self.recheck_all()  # a watcher may tell too; the writer should not wait for it
        return str(written)

    async def disable_rule(self, uri: str, line: int, code: str, version: int | None) -> bool:
        """Insert the suppression comment for `code` on 0-based `line`; refused when stale."""
        checked = self.current(uri)
        if checked is None or (version is not None and version != checked.version):
            return False
        finding = next(
            (f for f in checked.result.findings if f.line == line + 1 and f.code == code), None
        )
        if finding is None:
            finding = Finding(checked.path, line + 1, 1, code, "", "warning", "")
        headings = [r.line for r in checked.result.sections]
        comment = edits.suppression(finding, checked.lines, headings, edits.newline_of(checked.text))
        applied = await self.workspace_apply_edit_async(
            lsp.ApplyWorkspaceEditParams(
                edit=edits.versioned(uri, checked.version, [comment]),
                label=f"Disable {code} for this line",
            )
        )
        return bool(applied.applied)


def _split_lines(text: str) -> list[str]:
    lines = _LINE_BREAK.split(text) if text else []
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def _covers(finding: Finding, line: int, col: int) -> bool:
    end_line = finding.end_line or finding.line
    if not finding.line <= line <= end_line:
        return False
    if finding.end_line == 0 or (finding.end_line, finding.end_col) <= (finding.line, finding.col):
        return line == finding.line
    after_start = line > finding.line or col >= finding.col
    before_end = line < end_line or col <= finding.end_col
    return after_start and before_end


def _kind_includes(asked: str, kind: str) -> bool:
    """Whether an asked kind (`source`, `source.fixAll`) covers `kind`."""
    return kind == asked or kind.startswith(asked + ".")


def _explain(finding: Finding) -> str:
    from essaylint.linting.explain import describe
    from essaylint.linting.registry import find_rule

    head = f"**{finding.code} {finding.name}**: {finding.message}"
    if finding.suggestion:
        head += f"\n\n{finding.suggestion}"
    rule = find_rule(finding.code)
    if rule is None:
        return head
    return f"{head}\n\n{describe(rule)}"


def _markdown(text: str) -> lsp.Hover:
    return lsp.Hover(contents=lsp.MarkupContent(kind=lsp.MarkupKind.Markdown, value=text))


def build_server() -> EssaylintServer:
    """The server with every feature registered."""
    server = EssaylintServer()

    @server.feature(lsp.INITIALIZE)
    def initialize(ls: EssaylintServer, params: lsp.InitializeParams) -> None:
        ls.editor = ls.editor.updated(params.initialization_options)
        from essaylint.linting.registry import is_builtin, load_rules

        try:
            rules = load_rules()
        except Exception as error:  # a broken plugin: every check will say so
            log.error("essaylint: %s", error)
            rules = {}
        ls.model_codes = frozenset(code for code, r in rules.items() if "model" in r.tags)
        ls.modules = {
            code: r.check.__module__.rsplit(".", 1)[-1] for code, r in rules.items() if is_builtin(r)
        }

    @server.feature(lsp.INITIALIZED)
    async def initialized(ls: EssaylintServer, params: lsp.InitializedParams) -> None:
        workspace = ls.client_capabilities.workspace
        watch = workspace.did_change_watched_files if workspace else None
        if watch is None or not watch.dynamic_registration:
            return
        watchers = [lsp.FileSystemWatcher(glob_pattern=f"**/{name}") for name in WATCHED]
        try:
            await ls.client_register_capability_async(
                lsp.RegistrationParams(
                    registrations=[
                        lsp.Registration(
                            id="essaylint-config-files",
                            method=lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                            register_options=lsp.DidChangeWatchedFilesRegistrationOptions(
                                watchers=watchers
                            ),
                        )
                    ]
                )
            )
        except Exception as error:
            log.warning("essaylint: cannot watch config files: %s", error)

    @server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: EssaylintServer, params: lsp.DidOpenTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, delay_ms=0)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: EssaylintServer, params: lsp.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: EssaylintServer, params: lsp.DidSaveTextDocumentParams) -> None:
        if Path(params.text_document.uri).name in WATCHED:
            ls.configs.clear()
            ls.recheck_all()

    @server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: EssaylintServer, params: lsp.DidCloseTextDocumentParams) -> None:
        ls.close(params.text_document.uri)

    @server.feature(lsp.WORKSPACE_DID_CHANGE_CONFIGURATION)
    def did_change_configuration(
        ls: EssaylintServer, params: lsp.DidChangeConfigurationParams
    ) -> None:
        ls.editor = ls.editor.updated(params.settings)
        ls.configs.clear()
        ls.recheck_all()

    @server.feature(lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def did_change_watched(ls: EssaylintServer, params: lsp.DidChangeWatchedFilesParams) -> None:
        ls.configs.clear()
        ls.recheck_all()

    @server.feature(lsp.TEXT_DOCUMENT_HOVER)
    async def hover(ls: EssaylintServer, params: lsp.HoverParams) -> lsp.Hover | None:
        return await ls.hover(params.text_document.uri, params.position)

    @server.feature(lsp.TEXT_DOCUMENT_INLAY_HINT)
    def inlay_hint(ls: EssaylintServer, params: lsp.InlayHintParams) -> list[lsp.InlayHint]:
        checked = ls.latest(params.text_document.uri)
        if checked is None or checked.settings is None:
            return []
        current = ls.document(params.text_document.uri)
        lines = ls.lines_of(current.source) if current is not None else checked.lines
        return convert.inlay_hints(checked.result, lines)

    @server.feature(lsp.TEXT_DOCUMENT_CODE_LENS)
    def code_lens(ls: EssaylintServer, params: lsp.CodeLensParams) -> list[lsp.CodeLens]:
        checked = ls.latest(params.text_document.uri)
        if checked is None or checked.settings is None:
            return []
        return convert.code_lenses(checked.result, checked.lines)

    @server.feature(lsp.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
    def document_symbol(
        ls: EssaylintServer, params: lsp.DocumentSymbolParams
    ) -> list[lsp.DocumentSymbol]:
        checked = ls.latest(params.text_document.uri)
        if checked is None or checked.settings is None:
            return []
        return convert.symbols(checked.result, checked.lines)

    @server.feature(
        lsp.TEXT_DOCUMENT_CODE_ACTION,
        lsp.CodeActionOptions(
            code_action_kinds=[lsp.CodeActionKind.QuickFix, FIX_ALL_KIND],
            resolve_provider=True,
        ),
    )
    async def code_action(ls: EssaylintServer, params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
        return await ls.code_actions(params)

    @server.feature(lsp.CODE_ACTION_RESOLVE)
    async def code_action_resolve(ls: EssaylintServer, params: lsp.CodeAction) -> lsp.CodeAction:
        return await ls.resolve(params)

    @server.command(ADD_WORD)
    def add_word(ls: EssaylintServer, uri: str, word: str) -> dict[str, str]:
        try:
            return {"path": ls.add_word(uri, word)}
        except (OSError, ValueError) as error:
            message = f"essaylint: cannot add '{word}': {error}"
            log.warning(message)
            ls.window_show_message(lsp.ShowMessageParams(type=lsp.MessageType.Error, message=message))
            return {"error": message}

    @server.command(DISABLE_RULE)
    async def disable_rule(ls: EssaylintServer, *args: Any) -> dict[str, bool]:
        """Arguments: uri, 0-based line, rule code, and optionally the document version."""
        if len(args) not in (3, 4) or not isinstance(args[0], str):
            raise ValueError("essaylint.disableRule takes [uri, line, code, version?]")
        version = args[3] if len(args) == 4 and isinstance(args[3], int) else None
        return {"applied": await ls.disable_rule(args[0], int(args[1]), str(args[2]), version)}

    @server.feature(lsp.SHUTDOWN)
    def shutdown(ls: EssaylintServer, params: None) -> None:
        ls.worker.close()

    return server


def run(stdin: BinaryIO | None = None, stdout: BinaryIO | None = None) -> None:
    """Serve over stdio until the client exits. Anything printed by a plugin goes to stderr:
    stdout carries the protocol only."""
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr, format="%(message)s")
    logging.getLogger("pygls").setLevel(logging.ERROR)
    real_in = stdin or sys.__stdin__.buffer  # type: ignore[union-attr]
    real_out = stdout or sys.__stdout__.buffer  # type: ignore[union-attr]
    sys.stdout = sys.stderr
    build_server().start_io(real_in, real_out)


__all__ = ["EssaylintServer", "build_server", "run"]

"""A pytest-lsp client for `essaylint server` that keeps what a real editor would keep: every
published diagnostics message with its version, status notifications, edits the server asked
to apply; and the document text, edited as the editor would (full-text changes)."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, Union

from lsprotocol import types as lsp
from pytest_lsp import LanguageClient, client_capabilities
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

from helpers import user_environment

SERVER = [sys.executable, "-m", "essaylint", "server"]
WAIT = 60.0  # seconds before a test gives up waiting for a message (the model loads in ~3 s)


class EditorClient(LanguageClient):
    published: list[lsp.PublishDiagnosticsParams]
    statuses: list[Any]
    applied: list[lsp.ApplyWorkspaceEditParams]
    texts: dict[str, str]
    versions: dict[str, int]
    registrations: list[lsp.Registration]
    refreshes: int


def converter() -> Any:
    """lsprotocol's converter, but reading a code action that carries a command as a code
    action (lsprotocol takes any object with a `command` key for a bare Command; the spec
    tells them apart by whether `command` is a string)."""
    from pygls.protocol import default_converter

    made = default_converter()

    def command_or_action(data: Any, _: type) -> lsp.Command | lsp.CodeAction:
        if isinstance(data.get("command"), str):
            return made.structure(data, lsp.Command)  # type: ignore[no-any-return]
        return made.structure(data, lsp.CodeAction)  # type: ignore[no-any-return]

    made.register_structure_hook(lsp.Command | lsp.CodeAction, command_or_action)
    made.register_structure_hook(Union[lsp.Command, lsp.CodeAction], command_or_action)  # noqa: UP007
    return made


def make_client() -> EditorClient:
    client = EditorClient(converter_factory=converter)
    client.published, client.statuses, client.applied = [], [], []
    client.texts, client.versions = {}, {}
    client.registrations, client.refreshes = [], 0

    def publish(ls: EditorClient, params: lsp.PublishDiagnosticsParams) -> None:
        ls.diagnostics[params.uri] = params.diagnostics
        ls.published.append(params)

    def status(ls: EditorClient, params: Any) -> None:
        ls.statuses.append(params)

    def apply_edit(
        ls: EditorClient, params: lsp.ApplyWorkspaceEditParams
    ) -> lsp.ApplyWorkspaceEditResult:
        ls.applied.append(params)
        return lsp.ApplyWorkspaceEditResult(applied=True)

    def register(ls: EditorClient, params: lsp.RegistrationParams) -> None:
        ls.registrations.extend(params.registrations)

    def refresh(ls: EditorClient, params: None) -> None:
        ls.refreshes += 1

    register_lsp_features(
        client,
        {
            **DEFAULT_CLIENT_FEATURES,
            lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS: publish,
            "essaylint/status": status,
            lsp.WORKSPACE_APPLY_EDIT: apply_edit,
            lsp.CLIENT_REGISTER_CAPABILITY: register,
            lsp.WORKSPACE_INLAY_HINT_REFRESH: refresh,
            lsp.WORKSPACE_CODE_LENS_REFRESH: refresh,
        },
    )
    return client


def capabilities() -> lsp.ClientCapabilities:
    return client_capabilities("visual-studio-code")


@asynccontextmanager
async def serve(
    root: Path, options: dict[str, Any], env: dict[str, str] | None = None
) -> AsyncIterator[EditorClient]:
    """`essaylint server` started in `root` as an editor starts it, initialized with the
    editor settings `options`; shut down and exited at the end."""
    client = make_client()
    await client.start_io(*SERVER, env=user_environment(env), cwd=str(root))
    try:
        await start(client, root, options)
        yield client
        await asyncio.wait_for(client.shutdown_session(), WAIT)
    finally:
        server = client._server
        if server is not None and server.returncode is None:
            server.kill()  # a failed test: the server was never told to exit
        await client.stop()


async def start(client: EditorClient, root: Path, options: dict[str, Any]) -> None:
    await client.initialize_session(
        lsp.InitializeParams(
            capabilities=capabilities(),
            root_uri=root.as_uri(),
            workspace_folders=[lsp.WorkspaceFolder(uri=root.as_uri(), name=root.name)],
            initialization_options={"essaylint": options},
        )
    )


def open_doc(client: EditorClient, uri: str, text: str) -> None:
    client.texts[uri], client.versions[uri] = text, 1
    client.text_document_did_open(
        lsp.DidOpenTextDocumentParams(
            text_document=lsp.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=text)
        )
    )


def change(client: EditorClient, uri: str, text: str) -> int:
    client.versions[uri] += 1
    client.texts[uri] = text
    client.text_document_did_change(
        lsp.DidChangeTextDocumentParams(
            text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=client.versions[uri]),
            content_changes=[lsp.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )
    return client.versions[uri]


async def until(condition: Callable[[], Any], what: str) -> Any:
    """Wait for `condition()` to be true (not a timing assertion: a generous bound)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + WAIT
    while True:
        found = condition()
        if found:
            return found
        if loop.time() > deadline:
            raise AssertionError(f"gave up waiting for {what}")
        await asyncio.sleep(0.02)


async def diagnostics_for(
    client: EditorClient, uri: str, version: int, *, count: int = 1
) -> list[lsp.Diagnostic]:
    """The `count`-th diagnostics published for this version of the document (the model
    rules' result is the second when they run)."""

    def found() -> list[lsp.PublishDiagnosticsParams]:
        return [p for p in client.published if p.uri == uri and p.version == version]

    await until(lambda: len(found()) >= count, f"diagnostics #{count} of {uri} v{version}")
    return list(found()[count - 1].diagnostics)


def apply_edits(text: str, edits: list[lsp.TextEdit]) -> str:
    """Apply LSP edits (UTF-16 columns; these tests' texts are BMP-only) to `text`."""
    starts = [0]
    for index, char in enumerate(text):
        if char == "\n":
            starts.append(index + 1)

    def offset(position: lsp.Position) -> int:
        if position.line >= len(starts):
            return len(text)
        return starts[position.line] + position.character

    for edit in sorted(edits, key=lambda e: offset(e.range.start), reverse=True):
        start, end = offset(edit.range.start), offset(edit.range.end)
        text = text[:start] + edit.new_text + text[end:]
    return text


def apply_workspace_edit(client: EditorClient, edit: lsp.WorkspaceEdit) -> int:
    """Apply a versioned workspace edit as an editor does: refused (AssertionError) when the
    version is not the document's. Returns the new version."""
    assert edit.document_changes, edit
    (change_set,) = edit.document_changes
    assert isinstance(change_set, lsp.TextDocumentEdit)
    uri = change_set.text_document.uri
    assert change_set.text_document.version == client.versions[uri], "stale edit"
    edits = [e for e in change_set.edits if isinstance(e, lsp.TextEdit)]
    return change(client, uri, apply_edits(client.texts[uri], edits))


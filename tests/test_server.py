"""`essaylint server` end to end: the server as a real subprocess over stdio, driven by a
pytest-lsp client as an editor drives it (open, type, hover, apply fixes, change config)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import essaylint, install_plugin
from lsprotocol import types as lsp
from server_client import (
    EditorClient,
    apply_workspace_edit,
    change,
    diagnostics_for,
    open_doc,
    serve,
    until,
)

pytestmark = pytest.mark.asyncio(loop_scope="function")
FAST = {"model": False, "debounceMs": 0}

ESSAY = """# 카카오 2026 신입 자기소개서

## 지원 동기 (100자)

저는 아떠한 상황에서도 사용자를 먼저 생각하는 개발자가 되고 싶어서 카카오에 지원했습니다.

## 입사 후 포부 (1000자)

###성장과정
"""


SEVERITIES = {1: "error", 2: "warning", 3: "info"}


def key(diagnostic: lsp.Diagnostic) -> tuple[object, ...]:
    """A diagnostic in the terms of a `--format json` finding (these texts are BMP-only)."""
    start, end = diagnostic.range.start, diagnostic.range.end
    return (
        start.line + 1,
        start.character + 1,
        end.line + 1,
        end.character + 1,
        str(diagnostic.code),
        SEVERITIES[diagnostic.severity or 0],
        diagnostic.message.split("\n", 1)[0],
    )


def cli_findings(folder: Path, name: str, *flags: str) -> list[tuple[object, ...]]:
    """What `essaylint check --format json` reports for a file, in `key`'s terms."""
    done = essaylint("check", *flags, "--format", "json", "--no-cache", name, cwd=folder)
    (report,) = json.loads(done.stdout)["files"]
    return [
        (
            f["line"],
            f["column"],
            f["end_line"],
            f["end_column"],
            f["code"],
            f["severity"],
            f["message"],
        )
        for f in report["findings"]
    ]


def same_findings(found: list[lsp.Diagnostic], expected: list[tuple[object, ...]]) -> None:
    """Finding by finding; a finding without a span of its own (end at its start) is shown
    to the end of its line, so only its start is compared."""
    assert len(found) == len(expected), ([key(d) for d in found], expected)
    for diagnostic, finding in zip(found, expected, strict=True):
        mine = key(diagnostic)
        if (finding[2], finding[3]) <= (finding[0], finding[1]):
            mine = (*mine[:2], finding[2], finding[3], *mine[4:])
        assert mine == finding


async def test_open_publishes_the_clis_findings(tmp_path: Path) -> None:
    essay = tmp_path / "essay.md"
    essay.write_text(ESSAY, encoding="utf-8")
    async with serve(tmp_path, FAST) as client:
        open_doc(client, essay.as_uri(), ESSAY)
        found = await diagnostics_for(client, essay.as_uri(), 1)
    same_findings(found, cli_findings(tmp_path, "essay.md", "--ignore", "model"))
    assert {"EL301", "EL202", "EL105"} <= {str(d.code) for d in found}


def doc_id(uri: str) -> lsp.TextDocumentIdentifier:
    return lsp.TextDocumentIdentifier(uri=uri)


def whole(text: str) -> lsp.Range:
    return lsp.Range(
        start=lsp.Position(line=0, character=0),
        end=lsp.Position(line=text.count("\n") + 1, character=0),
    )


async def hints(client: EditorClient, uri: str) -> list[tuple[int, str]]:
    found = await client.text_document_inlay_hint_async(
        lsp.InlayHintParams(text_document=doc_id(uri), range=whole(client.texts[uri]))
    )
    return [(h.position.line + 1, str(h.label)) for h in found or []]


async def actions_at(
    client: EditorClient, uri: str, line: int, only: list[str] | None = None
) -> list[lsp.CodeAction]:
    place = lsp.Range(
        start=lsp.Position(line=line - 1, character=0), end=lsp.Position(line=line - 1, character=0)
    )
    found = await client.text_document_code_action_async(
        lsp.CodeActionParams(
            text_document=doc_id(uri),
            range=place,
            context=lsp.CodeActionContext(diagnostics=[], only=only),
        )
    )
    assert all(isinstance(a, lsp.CodeAction) for a in found or [])
    return [a for a in found or [] if isinstance(a, lsp.CodeAction)]


async def test_typing_past_the_limit_updates_the_count_and_adds_over_limit(
    tmp_path: Path,
) -> None:
    uri = (tmp_path / "essay.md").as_uri()
    async with serve(tmp_path, FAST) as client:
        open_doc(client, uri, ESSAY)
        await diagnostics_for(client, uri, 1)
        assert await hints(client, uri) == [
            (3, "50/100자 · 50% · 완성도 50% · 1/2"),
            (7, "4/1,000자 · 0%"),
        ]
        longer = ESSAY.replace(
            "지원했습니다.", "지원했습니다. " + "매일 코드를 읽고 배운 것을 기록합니다. " * 3
        )
        version = change(client, uri, longer)
        found = await diagnostics_for(client, uri, version)
        over = [d for d in found if d.code == "EL201"]
        assert [(d.range.start.line, d.message.split("\n")[0]) for d in over] == [
            (2, "119/100자 (공백 포함, chars), 19자 초과")
        ]
        assert (await hints(client, uri))[0] == (3, "119/100자 · 119% · 완성도 0% · 0/2")
        status = client.statuses[-1]
        assert (status.uri, status.questions, status.complete) == (uri, 2, 0)
        assert status.text == "완성도 0% · 0/2"


async def test_hover_on_a_question_counts_every_mode_and_on_a_finding_explains(
    tmp_path: Path,
) -> None:
    uri = (tmp_path / "essay.md").as_uri()
    async with serve(tmp_path, FAST) as client:
        open_doc(client, uri, ESSAY)
        await diagnostics_for(client, uri, 1)
        heading = await client.text_document_hover_async(
            lsp.HoverParams(text_document=doc_id(uri), position=lsp.Position(line=2, character=4))
        )
        typo = await client.text_document_hover_async(
            lsp.HoverParams(text_document=doc_id(uri), position=lsp.Position(line=4, character=4))
        )
        nothing = await client.text_document_hover_async(
            lsp.HoverParams(text_document=doc_id(uri), position=lsp.Position(line=4, character=30))
        )
    assert heading is not None and isinstance(heading.contents, lsp.MarkupContent)
    text = heading.contents.value
    for row in (
        "| 공백 포함 (with spaces, `chars`) ◀ | 50자 |",
        "| 공백 제외 (without spaces, `chars-no-spaces`) | 40자 |",
        "| 바이트 (bytes, `bytes`) | 89바이트 |",
        "| NEIS 바이트 (NEIS bytes, `neis`) | 128바이트 |",
        "| UTF-8 바이트 (UTF-8 bytes, `bytes-utf8`) | 128바이트 |",
        "| 단어 (words, `words`) | 11단어 |",
        "제한 100자 (`chars`), from the question's title: 50/100 · 50%",
        "상태: 부족 (under-filled)",
    ):
        assert row in text
    assert typo is not None and isinstance(typo.contents, lsp.MarkupContent)
    assert typo.contents.value.startswith("**EL301 known-typo**: '아떠한' → '어떠한'")
    assert "## What it flags" in typo.contents.value
    assert nothing is None


async def test_each_code_action_applied_then_checked_again(tmp_path: Path) -> None:
    uri = (tmp_path / "essay.md").as_uri()
    async with serve(tmp_path, FAST) as client:
        open_doc(client, uri, ESSAY)
        await diagnostics_for(client, uri, 1)
        titles = [a.title for a in await actions_at(client, uri, 5)]
        assert titles == [
            "Fix EL301: '아떠한' → '어떠한'",
            "Disable EL301 known-typo for this line",
            "Fix all safe essaylint problems",
        ]
        # The typo's fix: preferred, versioned, and the finding is gone after it.
        (fix, disable, _) = await actions_at(client, uri, 5)
        assert fix.is_preferred and fix.kind == lsp.CodeActionKind.QuickFix
        assert fix.edit is not None and disable.edit is not None
        version = apply_workspace_edit(client, fix.edit)
        found = await diagnostics_for(client, uri, version)
        assert "EL301" not in {d.code for d in found}
        assert "어떠한 상황에서도" in client.texts[uri]
        # A fix computed for an older version names it: an editor refuses it.
        assert disable.edit.document_changes[0].text_document.version == 1  # type: ignore[index, union-attr]
        # Disable the heading rule (EL105, line 9) and the limit rule on the question's line.
        (_, disable105, _) = await actions_at(client, uri, 9)
        assert disable105.title == "Disable EL105 heading-missing-space for this line"
        assert disable105.edit is not None
        version = apply_workspace_edit(client, disable105.edit)
        found = await diagnostics_for(client, uri, version)
        assert "EL105" not in {d.code for d in found}
        # Not a heading yet, but read as one: a comment there would change its title.
        assert "<!-- essaylint-disable-next-line EL105 -->\n###성장과정" in client.texts[uri]
        (disable202,) = [a for a in await actions_at(client, uri, 3) if "EL202" in a.title]
        assert disable202.edit is not None
        version = apply_workspace_edit(client, disable202.edit)
        found = await diagnostics_for(client, uri, version)
        assert "EL202" not in {d.code for d in found}
        assert (
            "<!-- essaylint-disable-next-line EL202 -->\n## 지원 동기 (100자)" in client.texts[uri]
        )
        assert (await hints(client, uri))[0][0] == 4  # the count moved down with its question


async def test_fix_all_applies_every_safe_fix(tmp_path: Path) -> None:
    uri = (tmp_path / "essay.md").as_uri()
    async with serve(tmp_path, FAST) as client:
        open_doc(client, uri, ESSAY)
        await diagnostics_for(client, uri, 1)
        (fix_all,) = await actions_at(client, uri, 1, only=["source.fixAll"])
        assert fix_all.kind == "source.fixAll.essaylint" and fix_all.edit is not None
        version = apply_workspace_edit(client, fix_all.edit)
        found = await diagnostics_for(client, uri, version)
        # Unresolved in the light-bulb list, resolved on demand to the same edit.
        (lazy,) = [
            a for a in await actions_at(client, uri, 1) if a.kind == "source.fixAll.essaylint"
        ] or [None]
    assert {"EL301", "EL105"}.isdisjoint({d.code for d in found})
    fixed = tmp_path / "fixed.md"
    fixed.write_text(ESSAY, encoding="utf-8")
    essaylint("check", "--fix", "--ignore", "model", "--no-cache", "fixed.md", cwd=tmp_path)
    assert client.texts[uri] == fixed.read_text(encoding="utf-8")
    assert lazy is None  # nothing safe left to fix


async def test_disable_rule_command_and_stale_versions(tmp_path: Path) -> None:
    uri = (tmp_path / "essay.md").as_uri()
    async with serve(tmp_path, FAST) as client:
        open_doc(client, uri, ESSAY)
        await diagnostics_for(client, uri, 1)
        stale = await client.workspace_execute_command_async(
            lsp.ExecuteCommandParams(
                command="essaylint.disableRule", arguments=[uri, 4, "EL301", 7]
            )
        )
        assert stale == {"applied": False} and client.applied == []
        done = await client.workspace_execute_command_async(
            lsp.ExecuteCommandParams(
                command="essaylint.disableRule", arguments=[uri, 4, "EL301", 1]
            )
        )
        assert done == {"applied": True}
        (request,) = client.applied
        version = apply_workspace_edit(client, request.edit)
        found = await diagnostics_for(client, uri, version)
    assert "EL301" not in {d.code for d in found}
    assert (
        client.texts[uri]
        .splitlines()[4]
        .endswith("지원했습니다.<!-- essaylint-disable-line EL301 -->")
    )


async def test_symbols_outline_groups_and_questions(tmp_path: Path) -> None:
    uri = (tmp_path / "essay.md").as_uri()
    async with serve(tmp_path, FAST) as client:
        open_doc(client, uri, ESSAY)
        await diagnostics_for(client, uri, 1)
        found = await client.text_document_document_symbol_async(
            lsp.DocumentSymbolParams(text_document=doc_id(uri))
        )
    assert found is not None
    (group,) = found
    assert isinstance(group, lsp.DocumentSymbol)
    assert group.name == "카카오 2026 신입 자기소개서"
    assert [(s.name, s.detail, s.range.start.line) for s in group.children or []] == [
        ("지원 동기 (100자)", "50/100자 · 50% · 부족", 2),
        ("입사 후 포부 (1000자)", "4/1,000자 · 0% · 미완성", 6),
    ]


def watched(client: EditorClient, path: Path, kind: lsp.FileChangeType) -> None:
    client.workspace_did_change_watched_files(
        lsp.DidChangeWatchedFilesParams(changes=[lsp.FileEvent(uri=path.as_uri(), type=kind)])
    )


async def next_diagnostics(client: EditorClient, uri: str, seen: int) -> list[lsp.Diagnostic]:
    """The first diagnostics for `uri` published after the `seen` first messages."""

    def found() -> list[lsp.PublishDiagnosticsParams]:
        return [p for p in client.published[seen:] if p.uri == uri]

    await until(found, f"new diagnostics for {uri}")
    return list(found()[0].diagnostics)


async def test_config_changes_broken_and_mended_relint_open_documents(tmp_path: Path) -> None:
    uri = (tmp_path / "essay.md").as_uri()
    config = tmp_path / "essaylint.toml"
    async with serve(tmp_path, FAST) as client:
        await until(lambda: client.registrations, "the watched files' registration")
        assert [r.method for r in client.registrations] == ["workspace/didChangeWatchedFiles"]
        open_doc(client, uri, ESSAY)
        assert "EL202" in {d.code for d in await diagnostics_for(client, uri, 1)}
        # A config the writer saves: the open document is checked again under it.
        config.write_text('ignore = ["under-filled"]\n', encoding="utf-8")
        seen = len(client.published)
        watched(client, config, lsp.FileChangeType.Created)
        found = await next_diagnostics(client, uri, seen)
        assert "EL202" not in {d.code for d in found} and "EL301" in {d.code for d in found}
        # Broken: one message to the client, one diagnostic on line 1, the server still serves.
        config.write_text("defualt_limit = 3\n", encoding="utf-8")
        seen = len(client.published)
        watched(client, config, lsp.FileChangeType.Changed)
        (broken,) = await next_diagnostics(client, uri, seen)
        version = change(client, uri, ESSAY + "\n추가한 문장입니다.\n")
        assert (
            len(await diagnostics_for(client, uri, version)) == 1
        )  # the same problem, not shown again
        assert broken.range.start.line == 0 and broken.code == "config"
        assert broken.message == (
            f"essaylint: {config}: defualt_limit: unknown key (did you mean 'default_limit'?)"
        )
        assert [m.message for m in client.messages] == [broken.message]
        hover = await client.text_document_hover_async(
            lsp.HoverParams(text_document=doc_id(uri), position=lsp.Position(line=2, character=4))
        )
        assert hover is None
        # Mended.
        config.write_text("default_limit = 3000\n", encoding="utf-8")
        seen = len(client.published)
        watched(client, config, lsp.FileChangeType.Changed)
        found = await next_diagnostics(client, uri, seen)
        assert "EL202" in {d.code for d in found}


async def test_editor_settings_change_relints(tmp_path: Path) -> None:
    uri = (tmp_path / "essay.md").as_uri()
    async with serve(tmp_path, FAST) as client:
        open_doc(client, uri, ESSAY)
        await diagnostics_for(client, uri, 1)
        seen = len(client.published)
        client.workspace_did_change_configuration(
            lsp.DidChangeConfigurationParams(
                settings={"essaylint": {"model": False, "debounceMs": 5}}
            )
        )
        found = await next_diagnostics(client, uri, seen)
    assert "EL301" in {d.code for d in found}


async def test_a_raising_plugin_is_one_diagnostic_and_the_server_keeps_serving(
    tmp_path: Path,
) -> None:
    plugin = install_plugin(
        tmp_path / "site",
        "raising-rule",
        "XR001",
        "from essaylint.linting.plugin import Rule\n"
        "def check(doc, opts, ctx):\n"
        "    if '폭탄' in ''.join(s.text for s in doc.walk()):\n"
        "        raise ZeroDivisionError('boom')\n"
        "    return iter(())\n"
        "RULE = Rule(code='XR001', name='raising-rule', check=check)\n",
    )
    (tmp_path / "essaylint.toml").write_text('extend_select = ["XR001"]\n', encoding="utf-8")
    uri = (tmp_path / "essay.md").as_uri()
    async with serve(tmp_path, FAST, env=plugin) as client:
        open_doc(client, uri, ESSAY.replace("지원했습니다", "폭탄처럼 지원했습니다"))
        (crash,) = await diagnostics_for(client, uri, 1)
        version = change(client, uri, ESSAY)
        healthy = await diagnostics_for(client, uri, version)
    assert crash.code == "error" and crash.range.start.line == 0
    assert crash.message == "essaylint: rule XR001 raising-rule crashed: ZeroDivisionError: boom"
    assert "EL301" in {d.code for d in healthy}


async def test_untitled_large_and_hostile_buffers(tmp_path: Path) -> None:
    hostile = Path(__file__).parent / "hostile"
    async with serve(tmp_path, FAST) as client:
        open_doc(client, "untitled:Untitled-1", ESSAY)
        assert "EL301" in {d.code for d in await diagnostics_for(client, "untitled:Untitled-1", 1)}
        big = "## 질문 (1000자)\n\n" + "가나다라마바사 아자차카타파하. " * 300_000  # ~5 MB
        open_doc(client, "untitled:big", big)
        (too_large,) = await diagnostics_for(client, "untitled:big", 1)
        assert too_large.message.startswith("essaylint: document too large to check while editing")
        for index, path in enumerate(sorted(hostile.glob("*.md"))):
            uri = f"untitled:hostile-{index}"
            open_doc(client, uri, path.read_text(encoding="utf-8", errors="replace"))
            await diagnostics_for(client, uri, 1)
        # Edits faster than checks: only the last version's result is published last.
        uri = "untitled:typing"
        open_doc(client, uri, ESSAY)
        for n in range(30):
            version = change(client, uri, ESSAY + "아떠한 " * n)
        found = await diagnostics_for(client, uri, version)
        assert client.published[-1].version == version or any(
            p.version == version for p in client.published if p.uri == uri
        )
        assert sum(1 for d in found if d.code == "EL301") == 30


MODEL_ESSAY = """## 지원 동기 (300자)

저는 사용자에게 사랑받는 서비스를 먼들겠습니다. 또한 할수있다는 마음으로 일하겠습니다.
"""


async def test_model_rules_match_the_cli_and_add_word_clears_the_finding(
    tmp_path: Path,
) -> None:
    """The one test with the language model: its rules run after the fast ones, in the
    worker, and the result then equals `essaylint check`'s."""
    essay = tmp_path / "essay.md"
    essay.write_text(MODEL_ESSAY, encoding="utf-8")
    uri = essay.as_uri()
    async with serve(tmp_path, {"model": True, "debounceMs": 0}) as client:
        open_doc(client, uri, MODEL_ESSAY)
        fast = await diagnostics_for(client, uri, 1)
        full = await diagnostics_for(client, uri, 1, count=2)
        assert "EL302" not in {d.code for d in fast}
        same_findings(full, cli_findings(tmp_path, "essay.md"))
        actions = await actions_at(client, uri, 3)
        (add,) = [a for a in actions if a.title == "Add '먼들겠습니다' to the project's words"]
        assert add.command is not None and add.command.command == "essaylint.addWord"
        seen = len(client.published)
        written = await client.workspace_execute_command_async(
            lsp.ExecuteCommandParams(command=add.command.command, arguments=add.command.arguments)
        )
        words = tmp_path / ".essaylint-words.txt"
        assert written == {"path": str(words)}
        assert words.read_text(encoding="utf-8").splitlines()[-1] == "먼들겠습니다"

        def cleared() -> bool:
            return any(
                p.uri == uri and "EL302" not in {d.code for d in p.diagnostics}
                for p in client.published[seen:]
            )

        await until(cleared, "EL302 gone after adding the word")
        (fix_all,) = await actions_at(client, uri, 1, only=["source.fixAll.essaylint"])
        assert fix_all.edit is not None
        apply_workspace_edit(client, fix_all.edit)
    assert "할 수 있다는" in client.texts[uri]

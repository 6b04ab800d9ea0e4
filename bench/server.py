"""`essaylint server` latency and memory, with a real server subprocess and an LSP client.

Measures, per the editor issue's targets:

- a 10 KB document, model rules off: from a change sent to its diagnostics and then the
  inlay hints (the counts) received, with the debounce at 0 (so: the latency after the
  debounce); p50 and p95 over 100 edits (target p95 <= 50 ms);
- the same document with the model rules, once the model is loaded: from a change to the
  model rules' diagnostics, with the pause before them at 0 (target <= 300 ms);
- a 200 KB document, model rules off (target < 250 ms);
- the server's memory with the model loaded: RSS of the server plus its model worker
  (target <= 500 MB);

side by side with `essaylint check` on the same file (one process, no cache; median of 5).

    python bench/server.py            # print the table
    python bench/server.py --write    # and replace the server section of bench/RESULTS.md
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from lsprotocol import types as lsp
from pygls.lsp.client import LanguageClient

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "kakao-application.md"
RESULTS = ROOT / "bench" / "RESULTS.md"
BEGIN, END = "<!-- server:begin -->", "<!-- server:end -->"


def document(size: int) -> str:
    """Questions from the bundled example, repeated to about `size` bytes."""
    text = EXAMPLE.read_text(encoding="utf-8")
    body = text[text.index("\n## ") + 1 :]
    parts = [text[: text.index("\n## ") + 1]]
    while len("".join(parts).encode()) < size:
        parts.append(body)
    out = "".join(parts).encode()[:size].decode("utf-8", "ignore")
    return out[: out.rfind("\n") + 1]


class Bench:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.client = LanguageClient("essaylint-bench", "1")
        self.published: dict[tuple[str, int | None], list[float]] = {}
        self.versions: dict[str, int] = {}

        @self.client.feature(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def publish(params: lsp.PublishDiagnosticsParams) -> None:
            self.published.setdefault((params.uri, params.version), []).append(time.perf_counter())

        @self.client.feature("essaylint/status")
        def status(params: Any) -> None:
            pass

    async def start(self, options: dict[str, Any]) -> None:
        await self.client.start_io(
            sys.executable, "-m", "essaylint", "server", cwd=str(self.folder)
        )
        await self.client.initialize_async(
            lsp.InitializeParams(
                capabilities=lsp.ClientCapabilities(),
                root_uri=self.folder.as_uri(),
                initialization_options={"essaylint": options},
            )
        )
        self.client.initialized(lsp.InitializedParams())

    async def stop(self) -> None:
        await self.client.shutdown_async(None)
        self.client.exit(None)
        await self.client.stop()

    def open(self, uri: str, text: str) -> None:
        self.versions[uri] = 1
        self.client.text_document_did_open(
            lsp.DidOpenTextDocumentParams(
                text_document=lsp.TextDocumentItem(
                    uri=uri, language_id="markdown", version=1, text=text
                )
            )
        )

    def change(self, uri: str, text: str) -> int:
        self.versions[uri] += 1
        self.client.text_document_did_change(
            lsp.DidChangeTextDocumentParams(
                text_document=lsp.VersionedTextDocumentIdentifier(
                    uri=uri, version=self.versions[uri]
                ),
                content_changes=[lsp.TextDocumentContentChangeWholeDocument(text=text)],
            )
        )
        return self.versions[uri]

    async def published_at(self, uri: str, version: int, count: int = 1) -> float:
        while len(self.published.get((uri, version), [])) < count:
            await asyncio.sleep(0.001)
        return self.published[(uri, version)][count - 1]

    async def edits(self, uri: str, text: str, n: int, *, count: int = 1) -> list[float]:
        """Milliseconds from each change to its `count`-th diagnostics and the hints after."""
        times: list[float] = []
        for index in range(n):
            edited = text + ("추가 문장입니다. " * (index % 3 + 1))
            sent = time.perf_counter()
            version = self.change(uri, edited)
            await self.published_at(uri, version, count)
            await self.client.text_document_inlay_hint_async(
                lsp.InlayHintParams(
                    text_document=lsp.TextDocumentIdentifier(uri=uri),
                    range=lsp.Range(
                        start=lsp.Position(line=0, character=0),
                        end=lsp.Position(line=edited.count("\n") + 1, character=0),
                    ),
                )
            )
            times.append((time.perf_counter() - sent) * 1000)
        return times

    def rss_mb(self) -> float:
        server = self.client._server
        assert server is not None
        pids = [server.pid, *children(server.pid)]
        return sum(rss_kb(pid) for pid in pids) / 1024


def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[18]


def cli_ms(path: Path, *flags: str, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "essaylint", "check", "--no-cache", *flags, str(path)],
            capture_output=True,
            check=False,
        )
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


async def measure(folder: Path, edits: int) -> list[tuple[str, str, float, str, float]]:
    small, large = document(10_000), document(200_000)
    (folder / "small.md").write_text(small, encoding="utf-8")
    (folder / "large.md").write_text(large, encoding="utf-8")
    rows: list[tuple[str, str, float, str, float]] = []

    fast = Bench(folder)
    await fast.start({"model": False, "debounceMs": 0})
    uri = (folder / "small.md").as_uri()
    fast.open(uri, small)
    await fast.published_at(uri, 1)
    times = await fast.edits(uri, small, edits)
    rows.append(
        (
            "10 KB, no model rules: change → diagnostics + hints, p95 (p50)",
            "≤ 50 ms",
            p95(times),
            f"{statistics.median(times):.0f}",
            cli_ms(folder / "small.md", "--ignore", "model"),
        )
    )
    uri = (folder / "large.md").as_uri()
    fast.open(uri, large)
    await fast.published_at(uri, 1)
    times = await fast.edits(uri, large, max(edits // 5, 10))
    rows.append(
        (
            "200 KB, no model rules: change → diagnostics + hints, p95 (p50)",
            "< 250 ms",
            p95(times),
            f"{statistics.median(times):.0f}",
            cli_ms(folder / "large.md", "--ignore", "model"),
        )
    )
    await fast.stop()

    model = Bench(folder)
    await model.start({"model": True, "debounceMs": 0, "modelDelayMs": 0})
    uri = (folder / "small.md").as_uri()
    model.open(uri, small)
    await model.published_at(uri, 1, count=2)  # the model is loaded in the worker now
    times = await model.edits(uri, small, max(edits // 5, 10), count=2)
    rss = model.rss_mb()
    rows.append(
        (
            "10 KB, model rules loaded: change → model diagnostics, p95 (p50)",
            "≤ 300 ms",
            p95(times),
            f"{statistics.median(times):.0f}",
            cli_ms(folder / "small.md"),
        )
    )
    rows.append(("server + model worker RSS, model loaded (MB)", "≤ 500 MB", rss, "", 0.0))
    await model.stop()
    return rows


def table(rows: list[tuple[str, str, float, str, float]], edits: int) -> str:
    stamp = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    lines = [
        f"Measured {stamp} by `bench/server.py` ({edits} edits of the 10 KB document; "
        f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f} at the end).",
        "",
        "| goal | target | server | p50 | `essaylint check` on the file (median of 5) | verdict |",
        "| --- | --- | ---: | ---: | ---: | --- |",
    ]
    for goal, target, value, p50, cli in rows:
        limit = float(target.split()[1])
        ok = value <= limit if "≤" in target else value < limit
        unit = "MB" if "MB" in target else "ms"
        cli_cell = f"{cli:.0f} ms" if cli else "—"
        p50_cell = f"{p50} {unit}" if p50 else "—"
        lines.append(
            f"| {goal} | {target} | {value:.0f} {unit} | {p50_cell} | {cli_cell} | "
            f"{'pass' if ok else 'FAIL'} |"
        )
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--edits", type=int, default=100)
    parser.add_argument("--write", action="store_true", help="update bench/RESULTS.md")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        rows = asyncio.run(measure(Path(folder), args.edits))
    text = table(rows, args.edits)
    print(text)
    if args.write:
        current = RESULTS.read_text(encoding="utf-8")
        section = f"{BEGIN}\n{text}{END}"
        if BEGIN in current and END in current:
            head, rest = current.split(BEGIN, 1)
            current = head + section + rest.split(END, 1)[1]
        else:
            current = current.rstrip("\n") + "\n\n## Editor server\n\n" + section + "\n"
        RESULTS.write_text(current, encoding="utf-8")


if __name__ == "__main__":
    main()

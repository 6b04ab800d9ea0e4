"""Install the peer linters the speed benchmark compares against, outside the project.

The peers live in their own folder (default /work/peers, or $ESSAYLINT_PEERS) so none of
them can leak into essaylint's venv or its dependency list:

- ``venv/``: pymarkdownlnt and proselint (PyPI);
- ``node/``: markdownlint-cli2, textlint and textlint-rule-prh (npm), with ``prh.yml`` built
  from essaylint's own curated typo pairs and a ``.textlintrc.json`` that turns prh on.

Needs network access to PyPI and npm once; re-running only rewrites the two config files
unless a package is missing.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TYPOS = ROOT / "rules" / "typos" / "common.toml"
PY_PEERS = {"pymarkdownlnt": "pymarkdown", "proselint": "proselint"}  # package: its command
NODE_PEERS = ("markdownlint-cli2", "textlint", "textlint-rule-prh")


def typo_pairs(limit: int | None) -> list[tuple[str, str]]:
    """Context-free (wrong, right) pairs: prh matches plain strings, so regex-gated entries stay out."""
    with TYPOS.open("rb") as fh:
        entries = tomllib.load(fh)["entry"]
    pairs = [(e["wrong"], e["right"]) for e in entries if "context" not in e]
    return pairs if limit is None else pairs[:limit]


def prh_yaml(pairs: list[tuple[str, str]]) -> str:
    """prh's dictionary format; JSON strings are valid YAML scalars, so no YAML library is needed."""
    lines = ["version: 1", "rules:"]
    for wrong, right in pairs:
        lines += [f"  - expected: {json.dumps(right, ensure_ascii=False)}"]
        lines += [f"    pattern: {json.dumps(wrong, ensure_ascii=False)}"]
    return "\n".join(lines) + "\n"


def install_python(peers: Path) -> None:
    venv = peers / "venv"
    if not (venv / "bin" / "python").exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    if any(not (venv / "bin" / cmd).exists() for cmd in PY_PEERS.values()):
        subprocess.run([str(venv / "bin" / "pip"), "install", "-q", *PY_PEERS], check=True)


def install_node(node: Path) -> None:
    node.mkdir(parents=True, exist_ok=True)
    if not (node / "package.json").exists():
        (node / "package.json").write_text('{"private": true}\n', encoding="utf-8")
    if any(not (node / "node_modules" / p).exists() for p in NODE_PEERS):
        cmd = ["npm", "install", "--no-fund", "--no-audit", *NODE_PEERS]
        subprocess.run(cmd, cwd=node, check=True)


def write_textlint_config(node: Path, pairs: list[tuple[str, str]]) -> None:
    (node / "prh.yml").write_text(prh_yaml(pairs), encoding="utf-8")
    config = {"rules": {"prh": {"rulePaths": [str(node / "prh.yml")]}}}
    (node / ".textlintrc.json").write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = os.environ.get("ESSAYLINT_PEERS", "/work/peers")
    parser.add_argument("--peers", type=Path, default=Path(default), help=f"(default {default})")
    parser.add_argument(
        "--prh-pairs",
        default="20",
        help="how many typo pairs go into prh.yml: a number or 'all' (default 20)",
    )
    parser.add_argument("--config-only", action="store_true", help="only rewrite prh.yml")
    args = parser.parse_args(argv)
    limit = None if args.prh_pairs == "all" else int(args.prh_pairs)
    peers: Path = args.peers
    if not args.config_only:
        install_python(peers)
        install_node(peers / "node")
    pairs = typo_pairs(limit)
    write_textlint_config(peers / "node", pairs)
    print(f"peers in {peers}: prh.yml has {len(pairs)} typo pairs")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

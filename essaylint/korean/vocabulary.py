"""Words the spelling rules accept as written: the shipped IT list and the writer's own.

- Shipped: `rules/words/*.txt` in the `essaylint.rules` package (one word per line, `#`
  comments): IT and tech words Kiwi misreads (커널, 캐싱, 쿠버네티스, 트러블슈팅 …).
- The writer's: `words = [...]` in the config (`ctx.settings.words`), a `.essaylint-words.txt`
  file in the config's folder (`ctx.base_dir`; same format as the shipped lists), and
  `<!-- essaylint-words: 카카오톡 ArgoCD -->` comments anywhere in the document.

A word of the text is accepted when it is a listed word, or a listed word followed by a particle
or copula ending (`카카오톡으로`, `쿠버네티스입니다`; see `essaylint.linting.typos.PARTICLES`).
"""

from __future__ import annotations

import contextlib
import re
import unicodedata
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

from essaylint.base.data import rules_root
from essaylint.base.files import UnreadableFile, read_small_file
from essaylint.base.patterns import compile_pattern

__all__ = [
    "WORDS_COMMENT",
    "WORDS_FILE",
    "Vocabulary",
    "parse_word_list",
    "shipped_words",
    "user_words",
]

WORDS_FILE = ".essaylint-words.txt"
WORDS_COMMENT = compile_pattern(r"^\s*essaylint-words\s*:(?P<words>.*)$", re.DOTALL)


def parse_word_list(text: str) -> list[str]:
    """Words of a word-list file: one per line (spaces split too), `#` starts a comment."""
    words: list[str] = []
    for line in text.splitlines():
        body = line.split("#", 1)[0]
        words.extend(unicodedata.normalize("NFC", item) for item in body.split())
    return words


@cache
def shipped_words() -> frozenset[str]:
    """Every word of the shipped lists (`essaylint.rules/words/*.txt`)."""
    folder = rules_root() / "words"
    found: set[str] = set()
    for item in folder.iterdir():
        if item.name.endswith(".txt") and item.is_file():
            found.update(parse_word_list(item.read_text(encoding="utf-8")))
    return frozenset(found)


def _particles() -> frozenset[str]:
    try:
        from essaylint.linting.typos import PARTICLES
    except ImportError:  # pragma: no cover - typos module missing
        return frozenset()
    return PARTICLES


def user_words(settings: Any, base_dir: Path | None, comments: Iterable[Any]) -> frozenset[str]:
    """The writer's words: config `words`, `.essaylint-words.txt`, `essaylint-words` comments."""
    found: set[str] = set()
    configured = getattr(settings, "words", ()) or ()
    found.update(unicodedata.normalize("NFC", str(word)) for word in configured)
    if base_dir is not None:
        path = Path(base_dir) / WORDS_FILE
        # Bounded and without waiting: a pipe or device under that name must not hang a run.
        with contextlib.suppress(UnreadableFile, UnicodeDecodeError):
            found.update(parse_word_list(read_small_file(path).decode("utf-8-sig")))
    for comment in comments:
        matched = WORDS_COMMENT.match(getattr(comment, "body", ""))
        if matched:
            found.update(parse_word_list(matched.group("words").replace(",", " ")))
    return frozenset(word for word in found if word)


class Vocabulary:
    """Accepted words: `accepts('카카오톡으로')` when 카카오톡 is listed, and `accepts('복붙해서')`
    when 복붙 is (a listed noun used as a verb)."""

    def __init__(self, words: Iterable[str]) -> None:
        self.words = frozenset(words)
        self._particles = _particles()
        self._longest = max((len(word) for word in self.words), default=0)

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self.accepts(word)

    def accepts(self, word: str) -> bool:
        if word in self.words:
            return True
        for size in range(min(len(word) - 1, self._longest), 0, -1):
            if word[:size] in self.words and _attachable(word[size:], self._particles):
                return True
        return False

    def protects(self, word: str, fixed: str) -> bool:
        """Whether turning `word` into `fixed` would change a listed word it starts with
        (`인싸담당자` starts with the listed 인싸: not to be read as 인사담당자)."""
        first = next(
            (i for i, (a, b) in enumerate(zip(word, fixed, strict=False)) if a != b),
            min(len(word), len(fixed)),
        )
        return any(
            word[:size] in self.words
            for size in range(first + 1, min(len(word), self._longest) + 1)
            if size >= 2
        )


# 하다/되다 endings a listed noun takes as a verb (배포하다, 리팩토링했습니다, 복붙해서).
_VERB_ENDING_LIST = """
    하다 하고 하는 하며 하면 하여 하였다 하였고 하였습니다 하지 하기 하게 하거나 하던 하는데
    한 할 함 합니다 했다 했고 했던 했으며 했습니다 했지만 해 해서 해야 해도 해요 해본 해보고
    되다 되고 되는 되며 되면 되어 되었다 되었고 되었습니다 되지 되기 되게 된 될 됨 됩니다
    됐다 됐고 됐습니다 돼 돼서 돼야 시키다 시키고 시키는 시킨 시켜 시켰다 시켰습니다
"""
_VERB_ENDINGS = frozenset(_VERB_ENDING_LIST.split())


def _attachable(rest: str, particles: frozenset[str]) -> bool:
    """Whether `rest` may follow a listed word inside one word: a particle or the copula, or a
    하다/되다 ending (a listed noun used as a verb)."""
    return rest in particles or rest in _VERB_ENDINGS

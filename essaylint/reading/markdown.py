"""The markdown-it parser (built once per front-matter setting) and YAML front matter.

The only module that runs markdown-it-py or PyYAML, both imported on first use: a document of
common blocks (`simple_blocks`) is read without either."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from essaylint.base.patterns import compile_pattern
from essaylint.reading.parsed import DocumentError

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

# markdown-it-py's default nesting limit silently drops deeper content; essays never need more
# than this, and a deeper file gets a note instead of a silent skip.
MAX_NESTING = 100


def _make_parser(front_matter: bool) -> MarkdownIt:
    from markdown_it import MarkdownIt
    from mdit_py_plugins.front_matter import front_matter_plugin

    parser = MarkdownIt("commonmark", {"maxNesting": MAX_NESTING}).enable("table")
    # Inline parsing is done per token, and only where the text can hold inline markup
    # (`_inline_children`): most essay paragraphs are plain text, and parsing their inline
    # structure was a third of markdown-it's time.
    parser.disable(["inline", "text_join"])
    return parser.use(front_matter_plugin) if front_matter else parser


_PARSERS: dict[bool, MarkdownIt] = {}


def markdown_parser(front_matter: bool = True) -> MarkdownIt:
    """markdown-it, configured as essaylint reads Markdown; imported and built on first use
    (~40 ms), as an essay of common blocks and plain or bold text needs none of it. Without
    `front_matter`, a `---` block at the top is a thematic break and the Markdown under it."""
    parser = _PARSERS.get(front_matter)
    if parser is None:
        parser = _PARSERS[front_matter] = _make_parser(front_matter)
    return parser


_FENCE_LINE = compile_pattern(r"^-{3,}[ \t]*$")
# `title: 자기소개서`, `layout: post`, `tags: [a, b]`, `date:`: a YAML mapping key at the margin.
_YAML_KEY = compile_pattern(r"^[\w\"'][^:#]{0,60}:(?:[ \t]|$)")
_YAML_MORE = compile_pattern(r"^(?:[ \t]|-[ \t]|-$|#|\.\.\.[ \t]*$)")


def reads_as_front_matter(lines: Sequence[str]) -> bool:
    """Whether a file opening with `---` opens with YAML front matter rather than Markdown.

    People start notes with a thematic break (`---`, then headings, sentences, tables, and
    another `---`); only a block whose lines at the margin are all `key:` lines (list items,
    indented lines and comments between them) is front matter. A block without a closing
    `---` is none either way.
    """
    if not lines or not _FENCE_LINE.match(lines[0]):
        return False
    keys = 0
    for line in lines[1:]:
        if _FENCE_LINE.match(line) or line.rstrip() == "...":
            return keys > 0
        if not line.strip() or _YAML_MORE.match(line):
            continue
        if not _YAML_KEY.match(line):
            return False
        keys += 1
    return False


def read_front_matter(content: str) -> dict[str, Any]:
    if not content.strip():
        return {}
    import yaml  # deferred: most essays have no front matter

    try:
        data = yaml.safe_load(content)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark is not None else ""
        problem = getattr(error, "problem", None) or "invalid YAML"
        raise DocumentError(f"front matter{where}: {problem}") from None
    except ValueError:  # an integer Python refuses to read (over 4,300 digits)
        raise DocumentError("front matter: a number too long to read") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise DocumentError("front matter: expected key: value pairs")
    return {str(k): v for k, v in data.items()}

"""`checking 120/1000 files`, one line rewritten in place on a terminal; no dependency.

Shown only for runs of at least `MIN_FILES` files, on a terminal, outside CI (`CI` set) and
without `--quiet`; the line is erased when the run ends, so the report starts on a clean line.
"""

from __future__ import annotations

import os
import time
from typing import TextIO

__all__ = ["MIN_FILES", "ProgressLine", "wanted"]

MIN_FILES = 20
_INTERVAL = 0.1  # seconds between redraws: a warm run finishes 1000 files faster than a redraw


def wanted(stream: TextIO, *, quiet: bool) -> bool:
    """Whether a progress line belongs on `stream`: a terminal, not CI, not `--quiet`."""
    if quiet or os.environ.get("CI"):
        return False
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except ValueError:  # closed stream
        return False


class ProgressLine:
    """Call with (done, total) as files finish; `close()` erases the line."""

    def __init__(self, stream: TextIO, minimum: int = MIN_FILES) -> None:
        self.stream = stream
        self.minimum = minimum
        self._width = 0
        self._last = 0.0

    def __call__(self, done: int, total: int) -> None:
        if total < self.minimum:
            return
        now = time.monotonic()
        if done < total and now - self._last < _INTERVAL:
            return
        self._last = now
        text = f"checking {done}/{total} files"
        self.stream.write("\r" + text.ljust(self._width))
        self.stream.flush()
        self._width = max(self._width, len(text))

    def close(self) -> None:
        if self._width:
            self.stream.write("\r" + " " * self._width + "\r")
            self.stream.flush()
            self._width = 0

"""The `essaylint` command: a recorded run is replayed before the command line is imported.

`essaylint.cli:main` is the same command without the replay (tests and embedders call it).
"""

from __future__ import annotations

import sys

from essaylint import replay


def main() -> None:
    replay.begin(sys.argv[1:])  # exits here when the run is replayed
    from essaylint.cli import main as command

    try:
        command()
    except SystemExit as done:
        replay.finish(done.code)
        raise
    except BaseException:
        replay.finish(None, keep=False)
        raise
    replay.finish(None, keep=False)  # click always exits; returning means it was not a run

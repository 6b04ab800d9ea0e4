"""The `essaylint` command: a recorded run is replayed before the command line is imported.

`essaylint.cli.commands:main` is the same command without the replay (tests and embedders call it).
"""

from __future__ import annotations

import sys

from essaylint.running import replay


def main() -> None:
    try:
        replay.begin(sys.argv[1:])  # exits here when the run is replayed
    except OSError as error:  # stdout refused the replayed report
        from essaylint.cli.commands import unwritable

        unwritable(error)
    from essaylint.cli.commands import main as command

    code: object = None
    ended = False  # click always exits; returning or another exception is not a finished run
    try:
        command()
    except SystemExit as done:
        code, ended = done.code, True
        raise
    finally:
        replay.finish(code, keep=ended)

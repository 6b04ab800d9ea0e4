"""The command line only: `launch` (the console script: a replayed run answers before click is
imported), `commands` (the click commands, exit codes, error lines), `init` (`essaylint init`).

May import: anything. Nothing imports it but `essaylint.__main__`. Kept empty so that `launch`
starts without importing click.
"""
